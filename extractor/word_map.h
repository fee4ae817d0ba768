// WordMap: a map from words to values for the lexicons the claim linker
// looks words up in, about ten lookups for each word of a text.
//
// std::unordered_map took about 13% of the annotate stage's time (perf)
// hashing short words with murmur and following bucket lists to nodes
// scattered over the heap.
// Here the entries sit in one vector in insertion order, and an
// open-addressing table of (hash tag, entry index) pairs, at most half
// full, finds them: a probe compares 32 bits of hash before it compares any
// bytes, and the hash reads a word eight bytes at a time.
//
// Insertion keeps the first value of a key, as std::map::insert does; there
// is no erase. Iteration is in insertion order, so whatever walks a lexicon
// (error messages at load, prefix matches) sees it in the order it was
// given: the rule book's lexicons are sorted maps, so in sorted order.
//
// Thread safety: lookups are const and may run on any number of threads
// once the last insertion is done.
#ifndef CLAIMX_EXTRACTOR_WORD_MAP_H_
#define CLAIMX_EXTRACTOR_WORD_MAP_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimx {

// The hash of a word: eight bytes at a time, each step a multiply and a
// shift (after the mixing of MurmurHash3's finalizer). Short words, the
// common case, take one or two steps.
inline uint64_t WordHash64(std::string_view word) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = word.size() * kMul;
  const char* p = word.data();
  size_t n = word.size();
  auto mix = [&h](uint64_t chunk) {
    h = (h ^ chunk) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  };
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    mix(chunk);
  }
  // The last 1 to 7 bytes with fixed-size loads: a memcpy of a variable
  // size is a call, which was a third of the lookups' time. 4 to 7 bytes
  // are two 4-byte loads that overlap; 1 to 3 the first, middle and last
  // byte. Each byte is read, and the length is in h already.
  if (n >= 4) {
    uint32_t first;
    uint32_t last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    mix(first | (uint64_t{last} << 32));
  } else if (n > 0) {
    const auto byte = [p](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
    mix(byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16));
  }
  h ^= h >> 29;
  h *= 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 32);
}

template <class V>
class WordMap {
 public:
  using Entry = std::pair<std::string, V>;

  // Adds key → value unless the key is there already. Returns whether it
  // was added.
  bool emplace(std::string key, V value) {
    if (Find(key)) return false;
    Add(std::move(key), std::move(value));
    return true;
  }
  template <class It>
  void insert(It first, It last) {
    for (; first != last; ++first) emplace(first->first, first->second);
  }
  // The value of `key`, added with a default value if it is missing.
  V& operator[](std::string_view key) {
    if (const V* found = Find(key)) return const_cast<V&>(*found);
    Add(std::string(key), V());
    return entries_.back().second;
  }

  // The value of `key`, or null. The pointer stays valid until the next
  // insertion.
  const V* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = WordHash64(key);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.entry == 0) return nullptr;
      if (slot.tag == tag) {
        const Entry& entry = entries_[slot.entry - 1];
        if (entry.first == key) return &entry.second;
      }
    }
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  typename std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  typename std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  struct Slot {
    uint32_t tag = 0;    // the high half of the key's hash
    uint32_t entry = 0;  // 1 + the index of the entry; 0: empty slot
  };

  void Add(std::string key, V value) {
    entries_.emplace_back(std::move(key), std::move(value));
    if (entries_.size() * 2 > slots_.size()) {
      Rehash(slots_.empty() ? 16 : slots_.size() * 2);
    } else {
      Place(entries_.size() - 1);
    }
  }
  void Rehash(size_t slot_count) {
    slots_.assign(slot_count, Slot());
    mask_ = slot_count - 1;
    for (size_t e = 0; e < entries_.size(); ++e) Place(e);
  }
  void Place(size_t e) {
    const uint64_t h = WordHash64(entries_[e].first);
    size_t i = h & mask_;
    while (slots_[i].entry != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(e + 1)};
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t mask_ = 0;
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_WORD_MAP_H_
