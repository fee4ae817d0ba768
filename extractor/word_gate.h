// WordStartGate: a 4 KiB filter on the first three bytes of words, in
// front of a lexicon lookup that most words of a text fail.
//
// Add() every key of the lexicon (folded as the lexicon folds them); then
// MayStart(word) is false only when no key starts with the word's first
// three bytes, and the lookup (hashing the word, probing a table) can be
// skipped. A true answer proves nothing: look the word up.
//
// Each byte counts by its low 5 bits, and a missing one (a word of one or
// two bytes) as 0, so a word and the key it equals always agree. Bit 5 is
// ASCII case, so a word in either case agrees with its lower-case key;
// other bytes that share low bits only let more words through.
//
// Thread safety: immutable after the last Add(); MayStart() is const.
#ifndef CLAIMX_EXTRACTOR_WORD_GATE_H_
#define CLAIMX_EXTRACTOR_WORD_GATE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace claimx {

class WordStartGate {
 public:
  WordStartGate() : bits_(kBits / 64, 0) {}

  void Add(std::string_view key) {
    const size_t bit = Index(key);
    bits_[bit / 64] |= uint64_t{1} << (bit % 64);
  }

  bool MayStart(std::string_view word) const {
    const size_t bit = Index(word);
    return (bits_[bit / 64] & (uint64_t{1} << (bit % 64))) != 0;
  }

 private:
  static constexpr size_t kBits = size_t{1} << 15;

  static size_t Index(std::string_view word) {
    const auto byte = [&](size_t i) -> size_t {
      return static_cast<unsigned char>(word[i]) & 31U;
    };
    if (word.size() >= 3) return (byte(0) << 10) | (byte(1) << 5) | byte(2);
    const size_t first = word.empty() ? 0 : byte(0) << 10;
    return first | (word.size() > 1 ? byte(1) << 5 : 0);
  }

  std::vector<uint64_t> bits_;
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_WORD_GATE_H_
