#include "extractor/date.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <span>
#include <string>

#include <re2/re2.h>
#include <re2/set.h>

#include "extractor/quantity.h"
#include "extractor/submatch.h"

namespace claimx {

namespace chr = std::chrono;

namespace {

constexpr size_t kMaxWordBytes = 31;

// The core and start words of the scan, looked up for every word that
// passes the first-byte gate. Open addressing over FNV-1a hashes of the
// folded words, each word kept beside its hash to compare: a
// std::unordered_set<std::string> hashed every such word with murmur and
// compared it with memcmp: 14% of the stage's instructions.
class ScanWords {
 public:
  static constexpr uint8_t kCore = 1;
  static constexpr uint8_t kStart = 2;

  static uint64_t Hash(std::string_view word) {
    uint64_t hash = 14695981039346656037ull;
    for (char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return hash;
  }

  void Add(std::string_view word, uint8_t flags) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const uint64_t hash = Hash(word);
    Slot& slot = slots_[SlotOf(hash, word)];
    if (slot.flags == 0) {
      slot.hash = hash;
      slot.word = std::string(word);
      ++size_;
    }
    slot.flags |= flags;
  }

  // kCore | kStart bits of `folded`, 0 when it is neither.
  uint8_t Find(std::string_view folded) const {
    return slots_[SlotOf(Hash(folded), folded)].flags;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint8_t flags = 0;  // 0: empty
    std::string word;
  };

  // The slot holding `word`, or the empty slot where it would go (the
  // table is kept at most half full).
  size_t SlotOf(uint64_t hash, std::string_view word) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.flags == 0 || (slot.hash == hash && slot.word == word)) return i;
    }
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (Slot& slot : old) {
      if (slot.flags != 0) slots_[SlotOf(slot.hash, slot.word)] = std::move(slot);
    }
  }

  std::vector<Slot> slots_ = std::vector<Slot>(64);
  size_t size_ = 0;
};

}  // namespace

// The lookups of the date tables, the rules compiled for anchored matching at
// candidate starts, and the context patterns.
struct DateRecognizer::Compiled {
  std::map<std::string, const Table*, std::less<>> by_field;
  const Table* signal = nullptr;
  std::unique_ptr<re2::RE2> signal_before;  // date_signal, anchored at the end
  std::unique_ptr<re2::RE2> future;         // tense_future, searched
  std::unique_ptr<re2::RE2> past_before;    // tense_past_before, at the end of what precedes
  std::unique_ptr<re2::RE2> until_before;   // until_before, at the end of what precedes
  std::unique_ptr<re2::RE2> age_before;     // age_before, at the end of what precedes
  // Every date holds a digit or a word of the table `core_word` (kCore);
  // the words a date may begin with besides cores and digits are kStart
  // (start_word and the count, ordinal, modifier and holiday tables).
  ScanWords scan_words;
  size_t longest_word = 0;  // in bytes, over both kinds
  // Whether some word of either set starts with this (folded) byte and has
  // this length: most words of a text fail this before any hashing.
  std::array<std::bitset<kMaxWordBytes + 1>, 256> first_byte_length;
  std::unique_ptr<re2::RE2::Set> anchored;  // all rules, ANCHOR_START
  struct AnchoredRule {
    const Rule* rule;
    std::unique_ptr<re2::RE2> regex;      // "(pattern)", no boundary prefix
    // The same pattern for PCRE2, which takes the groups of a match in a
    // fraction of RE2's time (submatch.h), compiled on first use.
    std::unique_ptr<LazySubmatcher> submatcher;
    std::vector<std::string> group_names;  // index -> name ("" if unnamed)
  };
  std::vector<AnchoredRule> rules;  // parallel to the set's indexes
  std::vector<std::string> yield_to_count;  // ids of the rules that yield to a count
  // numbers.yaml's number_words: a count in words the table number_word
  // does not list ("soixante-douze heures") is read by the number grammar.
  NumberWords number_words;
};

namespace {

// Fields a rule fills through its groups (or `set`), with the table their
// words are looked up in ("" when only digits make sense).
struct FieldSpec {
  std::string_view name;
  std::string_view table;
};
constexpr FieldSpec kFields[] = {
    {"year", ""},           {"month", "month"},
    {"day", "ordinal_word"}, {"weekday", "weekday"},
    {"hour", "number_word"}, {"minute", "number_word"},
    {"rel_day", "relative_day"}, {"unit", "time_unit"},
    {"shift", "shift"},     {"count", "number_word"},
    {"part_of_day", "part_of_day"}, {"season", "season"},
    {"quarter", "ordinal_word"}, {"semester", "ordinal_word"},
    {"decade", ""},         {"century", ""},
    {"mod", "date_mod"},    {"holiday", "holiday"},
    {"plus_fraction", "added_fraction"}, {"approx_count", "approx_count"},
    {"plus_minutes", ""},   {"plus_seconds", ""},
};
constexpr std::string_view kEndPrefix = "end_";
constexpr std::string_view kKinds[] = {"point", "duration", "ago", "in",
                                       "last_n", "set", "anaphoric"};

const FieldSpec* FindField(std::string_view name) {
  if (name.starts_with(kEndPrefix)) name.remove_prefix(kEndPrefix.size());
  for (const FieldSpec& spec : kFields) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

// What one match says, field by field, as strings: digits, or table values.
// A match fills a handful of fields (its rule's `set` and groups), so a
// flat list searched in order beats a tree: one allocation per match
// instead of one per field, and copies that cost as little. Keys and
// values fit std::string's inline buffer (keys are at most 15 bytes).
class Fields {
 public:
  using Entry = std::pair<std::string, std::string>;
  using iterator = std::vector<Entry>::iterator;
  using const_iterator = std::vector<Entry>::const_iterator;

  Fields() { entries_.reserve(kTypicalFields); }

  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  iterator end() { return entries_.end(); }
  const_iterator find(std::string_view key) const {
    return std::find_if(entries_.begin(), entries_.end(),
                        [&](const Entry& e) { return e.first == key; });
  }
  iterator find(std::string_view key) {
    return std::find_if(entries_.begin(), entries_.end(),
                        [&](const Entry& e) { return e.first == key; });
  }
  size_t count(std::string_view key) const { return find(key) != end() ? 1 : 0; }
  // The value of `key`, added empty when missing. Adding may move the
  // entries: a reference from an earlier call is not kept across it.
  std::string& operator[](std::string_view key) {
    if (auto it = find(key); it != end()) return it->second;
    entries_.emplace_back(std::string(key), std::string());
    return entries_.back().second;
  }
  void erase(iterator it) { entries_.erase(it); }

 private:
  static constexpr size_t kTypicalFields = 8;
  std::vector<Entry> entries_;
};

// A field's key, "month" or "end_month", in a buffer of its own: a
// resolution asks a dozen of them, and concatenating each into a
// std::string was a third of Resolve's instructions. Keys are at most 15
// bytes ("end_part_of_day"); the buffer has room for twice that.
class Key {
 public:
  Key(std::string_view prefix, std::string_view field) {
    size_ = std::min(prefix.size(), sizeof(data_));
    std::copy_n(prefix.data(), size_, data_);
    const size_t rest = std::min(field.size(), sizeof(data_) - size_);
    std::copy_n(field.data(), rest, data_ + size_);
    size_ += rest;
  }
  operator std::string_view() const { return std::string_view(data_, size_); }
  operator std::string() const { return std::string(data_, size_); }

 private:
  char data_[32];
  size_t size_;
};

std::optional<long> IntField(const Fields& fields, std::string_view name) {
  auto it = fields.find(name);
  if (it == fields.end()) return std::nullopt;
  const std::string& s = it->second;
  long value = 0;
  const char* begin = s.data() + (s.starts_with('+') ? 1 : 0);
  auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<std::string_view> TextField(const Fields& fields,
                                          std::string_view name) {
  auto it = fields.find(name);
  if (it == fields.end()) return std::nullopt;
  return std::string_view(it->second);
}

// Roman numerals as centuries are written ("XIXe"); 0 when not one.
int ParseRoman(std::string_view text) {
  int total = 0;
  int previous = 0;
  for (auto it = text.rbegin(); it != text.rend(); ++it) {
    int v = 0;
    switch (std::toupper(static_cast<unsigned char>(*it))) {
      case 'I': v = 1; break;
      case 'V': v = 5; break;
      case 'X': v = 10; break;
      case 'L': v = 50; break;
      case 'C': v = 100; break;
      default: return 0;
    }
    total += v < previous ? -v : v;
    previous = std::max(previous, v);
  }
  return total;
}

// The value of one group's text: its leading digits ("1er" -> 1, "30,4" ->
// 30.4), or its table word; nullopt when neither.
std::optional<std::string> FieldValue(std::string_view field,
                                      std::string_view raw,
                                      const Table* table) {
  size_t digits = 0;
  while (digits < raw.size() && std::isdigit(static_cast<unsigned char>(raw[digits]))) {
    ++digits;
  }
  if (digits > 0) {
    std::string value(raw.substr(0, digits));
    if (field == "count" && digits + 1 < raw.size() && raw[digits] == ',' &&
        std::isdigit(static_cast<unsigned char>(raw[digits + 1]))) {
      size_t end = digits + 1;
      while (end < raw.size() && std::isdigit(static_cast<unsigned char>(raw[end]))) ++end;
      value += '.';
      value.append(raw.substr(digits + 1, end - digits - 1));
    }
    return value;
  }
  if (field.ends_with("century")) {
    size_t letters = 0;
    while (letters < raw.size() && std::isalpha(static_cast<unsigned char>(raw[letters]))) {
      ++letters;
    }
    // "XIXe": the roman part is all but the trailing ordinal letters.
    for (size_t n = letters; n > 0; --n) {
      if (int v = ParseRoman(raw.substr(0, n)); v > 0) return std::to_string(v);
    }
    return std::nullopt;
  }
  if (table == nullptr) return std::nullopt;
  auto value = table->Lookup(raw);
  if (!value) return std::nullopt;
  return std::string(*value);
}

std::string Pad(long value, int width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (static_cast<int>(digits.size()) < width) {
    digits.insert(0, static_cast<size_t>(width) - digits.size(), '0');
  }
  return digits;
}

std::string DayValue(const chr::year_month_day& ymd) {
  return Pad(static_cast<int>(ymd.year()), 4) + "-" +
         Pad(static_cast<unsigned>(ymd.month()), 2) + "-" +
         Pad(static_cast<unsigned>(ymd.day()), 2);
}

// ISO 8601 week: the week belongs to the year of its Thursday.
std::string WeekValue(chr::sys_days day) {
  unsigned iso = chr::weekday(day).iso_encoding();
  chr::sys_days thursday = day - chr::days(iso - 1) + chr::days(3);
  chr::year year = chr::year_month_day(thursday).year();
  chr::sys_days first = chr::sys_days(year / chr::January / 1);
  long week = (thursday - first).count() / 7 + 1;
  return Pad(static_cast<int>(year), 4) + "-W" + Pad(week, 2);
}

// The document date moved by n units, written at the unit's grain.
std::optional<std::string> ShiftedValue(const chr::year_month_day& anchor,
                                        std::string_view unit, long n) {
  chr::sys_days day(anchor);
  if (unit == "Y") return Pad(static_cast<int>(anchor.year()) + n, 4);
  if (unit == "DE") return Pad((static_cast<int>(anchor.year()) + 10 * n) / 10, 3);
  if (unit == "CE") return Pad((static_cast<int>(anchor.year()) + 100 * n) / 100, 2);
  if (unit == "M" || unit == "Q") {
    chr::year_month ym = anchor.year() / anchor.month() +
                         chr::months(unit == "Q" ? 3 * n : n);
    if (unit == "M") {
      return Pad(static_cast<int>(ym.year()), 4) + "-" +
             Pad(static_cast<unsigned>(ym.month()), 2);
    }
    return Pad(static_cast<int>(ym.year()), 4) + "-Q" +
           std::to_string((static_cast<unsigned>(ym.month()) - 1) / 3 + 1);
  }
  if (unit == "W") return WeekValue(day + chr::weeks(n));
  if (unit == "WE") return WeekValue(day + chr::weeks(n)) + "-WE";
  if (unit == "D") return DayValue(chr::year_month_day(day + chr::days(n)));
  if (unit == "H" || unit == "MIN" || unit == "S") return DayValue(anchor);
  return std::nullopt;
}

// The document date moved by n units for "il y a" / "dans": a day, except
// for years (a year) and units below a day (the document date).
std::optional<std::string> ShiftedDay(const chr::year_month_day& anchor,
                                      std::string_view unit, long n) {
  chr::sys_days day(anchor);
  if (unit == "D") return DayValue(chr::year_month_day(day + chr::days(n)));
  if (unit == "W") return DayValue(chr::year_month_day(day + chr::weeks(n)));
  if (unit == "M") {
    chr::year_month_day shifted = anchor + chr::months(n);
    if (!shifted.ok()) shifted = shifted.year() / shifted.month() / chr::last;
    return DayValue(shifted);
  }
  return ShiftedValue(anchor, unit, n);
}

// "P2Y", "PT3H", "P9M" (quarters are written in months), "PXD".
std::optional<std::string> DurationValue(const Fields& fields,
                                         std::string_view prefix) {
  auto unit = TextField(fields, Key(prefix, "unit"));
  if (!unit) return std::nullopt;
  std::string count = "X";
  if (auto c = TextField(fields, Key(prefix, "count"))) count = std::string(*c);
  std::string code(*unit);
  if (code == "Q" || code == "SEM") {
    // Quarters and semesters are written in months, as Duckling does.
    long months = code == "Q" ? 3 : 6;
    auto n = IntField(fields, Key(prefix, "count"));
    if (!n && count != "X") return std::nullopt;
    count = n ? std::to_string(months * *n) : "X";
    code = "M";
  }
  if (code == "H" || code == "S") return "PT" + count + code;
  if (code == "MIN") return "PT" + count + "M";
  return "P" + count + code;
}

// A two-digit year in the press: "03.03.16" is 2016, "octobre 98" is 1998.
long ExpandYear(std::string_view digits, long value,
                const std::optional<chr::year_month_day>& document) {
  if (digits.size() != 2) return value;
  long reference = document ? static_cast<int>(document->year()) : 2000;
  long century = reference / 100 * 100;
  long candidate = century + value;
  if (candidate > reference + 10) candidate -= 100;
  return candidate;
}

struct Resolver {
  const DateContext& context;
  bool future;  // the sentence is in the future tense
  // YYYY-MM-DD of the sentence's last dated mention so far, if any.
  const std::optional<std::string>& sentence_day;
  // A past verb right before the mention (a weekday's only): it reads
  // the last such weekday, even when the text stated the next one.
  bool past = false;

  std::optional<std::string> Point(const Fields& f, std::string_view prefix) const;
  std::optional<std::string> Calendar(const Fields& f, std::string_view p) const;
  std::optional<std::string> Weekday(const Fields& f, std::string_view p) const;
};

std::optional<std::string> Resolver::Weekday(const Fields& f,
                                             std::string_view p) const {
  auto wd = IntField(f, Key(p, "weekday"));
  if (!wd || *wd < 1 || *wd > 7) return std::nullopt;
  const auto& doc = context.document_date;
  if (!doc) return "XXXX-WXX-" + std::to_string(*wd);
  chr::sys_days today(*doc);
  chr::weekday target(static_cast<unsigned>(*wd));
  long shift = IntField(f, Key(p, "shift")).value_or(0);
  long back = (chr::weekday(today) - target).count();  // 0..6 days back
  long ahead = (target - chr::weekday(today)).count();  // 0..6 days ahead
  chr::sys_days day;
  if (auto unit = TextField(f, Key(p, "unit")); unit && *unit == "W") {
    // "mardi de la semaine prochaine": that day of the shifted week
    // (weeks start on Monday), whichever side of today it falls.
    const chr::sys_days monday = today - (chr::weekday(today) - chr::Monday);
    day = monday + chr::days(7 * shift + (target - chr::Monday).count());
  } else if (shift < 0) {
    day = today - chr::days(back == 0 ? 7 : back);
  } else if (shift > 0) {
    day = today + chr::days(ahead == 0 ? 7 : ahead);
  } else {
    // The next one in the future tense; else the last one, unless the text
    // named the next one before with its day number ("une opération sera
    // menée samedi 29 mai", then "Rendez-vous est fixé samedi").
    const auto stated = [&](long offset) { return (context.stated_days >> (offset + 7)) & 1; };
    const bool ahead_wins = future || (!past && stated(ahead) != 0 && stated(-back) == 0);
    day = ahead_wins ? today + chr::days(ahead) : today - chr::days(back);
  }
  return DayValue(chr::year_month_day(day));
}

// Of `candidates`, the index of the one nearest the document date that
// falls on the weekday the fields name; nullopt when no weekday is named
// or none of them falls on it.
std::optional<size_t> NearestOnWeekday(const Fields& f, std::string_view p,
                                       std::span<const chr::year_month_day> candidates,
                                       chr::year_month_day doc) {
  auto wd = IntField(f, Key(p, "weekday"));
  if (!wd || *wd < 1 || *wd > 7) return std::nullopt;
  std::optional<size_t> best;
  long best_distance = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const chr::year_month_day& candidate = candidates[i];
    if (!candidate.ok() ||
        chr::weekday(chr::sys_days(candidate)).iso_encoding() != static_cast<unsigned>(*wd)) {
      continue;
    }
    const long distance = std::abs((chr::sys_days(candidate) - chr::sys_days(doc)).count());
    if (!best || distance < best_distance) {
      best = i;
      best_distance = distance;
    }
  }
  return best;
}

// "le samedi 29 mai" without a year: of the years around the document's,
// the one whose 29 May is a Saturday, nearest the document date first;
// nullopt when no weekday is given or none of them fits.
std::optional<long> YearOfWeekday(const Fields& f, std::string_view p, long month, long day,
                                  chr::year_month_day doc) {
  if (day < 1 || day > 31) return std::nullopt;
  const int year = static_cast<int>(doc.year());
  const std::array<int, 3> years = {year, year + 1, year - 1};
  std::array<chr::year_month_day, 3> candidates;
  for (size_t i = 0; i < years.size(); ++i) {
    candidates[i] = chr::year(years[i]) / chr::month(static_cast<unsigned>(month)) /
                    chr::day(static_cast<unsigned>(day));
  }
  const auto nearest = NearestOnWeekday(f, p, candidates, doc);
  return nearest ? std::optional<long>(years[*nearest]) : std::nullopt;
}

// "jeudi 15" without a month: of the document's month and the months
// either side, the one whose 15th is a Thursday, nearest the document
// date first ("jeudi 15" written on 10 November 2016 is 15 December,
// the 15th of November being a Tuesday); nullopt when no weekday is
// given or none of them fits, and the caller keeps the document's month.
std::optional<chr::year_month> MonthOfWeekday(const Fields& f, std::string_view p, long day,
                                              chr::year_month_day doc) {
  if (day < 1 || day > 31) return std::nullopt;
  const chr::year_month here = doc.year() / doc.month();
  const std::array<chr::year_month, 3> months = {here, here + chr::months(1),
                                                 here - chr::months(1)};
  std::array<chr::year_month_day, 3> candidates;
  for (size_t i = 0; i < months.size(); ++i) {
    candidates[i] = months[i] / chr::day(static_cast<unsigned>(day));
  }
  const auto nearest = NearestOnWeekday(f, p, candidates, doc);
  return nearest ? std::optional<chr::year_month>(months[*nearest]) : std::nullopt;
}

std::optional<std::string> Resolver::Calendar(const Fields& f,
                                              std::string_view p) const {
  const auto& doc = context.document_date;
  auto year = IntField(f, Key(p, "year"));
  auto month = IntField(f, Key(p, "month"));
  auto day = IntField(f, Key(p, "day"));
  if (year) {
    *year = ExpandYear(*TextField(f, Key(p, "year")), *year, doc);
    if (*year < 1 || *year > 9999) return std::nullopt;
  }
  if (month && (*month < 1 || *month > 12)) return std::nullopt;
  if (day && !month) {
    if (!doc) return std::nullopt;
    month = static_cast<unsigned>(doc->month());
    if (auto named = MonthOfWeekday(f, p, *day, *doc)) {
      month = static_cast<unsigned>(named->month());
      if (!year) year = static_cast<int>(named->year());
    }
  }
  if (month && !year && doc && day) year = YearOfWeekday(f, p, *month, *day, *doc);
  if (month && !year && doc) {
    year = static_cast<int>(doc->year());
    // "la piscine rouvrira en mai" in November: the next May. (Outside
    // the future, the document's year: "en décembre" in March may be
    // either side, and TimeBank reads it so.)
    const long doc_month = static_cast<long>(static_cast<unsigned>(doc->month()));
    const long doc_day = static_cast<long>(static_cast<unsigned>(doc->day()));
    const bool before_doc = *month < doc_month || (*month == doc_month && day && *day < doc_day);
    const bool after_doc = *month > doc_month || (*month == doc_month && day && *day > doc_day);
    // "juin prochain" in November: the next June; "septembre dernier" in
    // March: the last September.
    const long shift = IntField(f, Key(p, "shift")).value_or(0);
    if (shift > 0 && !after_doc) ++*year;
    if (shift < 0 && !before_doc) --*year;
    if (shift == 0 && future && before_doc) ++*year;
  }
  std::string y = year ? Pad(*year, 4) : "XXXX";
  if (!month) return y;
  std::string ym = y + "-" + Pad(*month, 2);
  if (!day) return ym;
  // A year-less date must exist in some year: check it in a leap year.
  chr::year_month_day ymd{chr::year(year ? static_cast<int>(*year) : 2000),
                          chr::month(static_cast<unsigned>(*month)),
                          chr::day(static_cast<unsigned>(std::clamp(*day, 0L, 255L)))};
  if (!ymd.ok()) return std::nullopt;
  return ym + "-" + Pad(*day, 2);
}

namespace {

// The year of "l'été dernier", "le printemps prochain": the last such
// season over before the document date (in November, last summer is this
// year's), the next one not yet begun. Spring, summer and autumn end with
// May, August and November; winter straddles two years and keeps the
// document's year shifted by one.
int SeasonYear(std::string_view season, long shift, chr::year_month_day doc) {
  const int year = static_cast<int>(doc.year());
  const long month = static_cast<long>(static_cast<unsigned>(doc.month()));
  long first_month = 0;
  if (season == "SP") first_month = 3;
  if (season == "SU") first_month = 6;
  if (season == "FA") first_month = 9;
  if (first_month == 0 || shift == 0) return year + static_cast<int>(shift);
  if (shift < 0) return month > first_month + 2 ? year : year - 1;
  return month < first_month ? year : year + 1;
}

}  // namespace

std::optional<std::string> Resolver::Point(const Fields& f,
                                           std::string_view p) const {
  const auto& doc = context.document_date;
  auto has = [&](std::string_view field) {
    return f.find(std::string_view(Key(p, field))) != f.end();
  };
  auto shift = IntField(f, Key(p, "shift"));
  std::optional<std::string> base;
  if (auto rel = IntField(f, Key(p, "rel_day"))) {
    if (!doc) return std::nullopt;
    base = DayValue(chr::year_month_day(chr::sys_days(*doc) + chr::days(*rel)));
  } else if (auto season = TextField(f, Key(p, "season"))) {
    auto year = IntField(f, Key(p, "year"));
    std::string y = year ? Pad(*year, 4)
                         : doc ? Pad(SeasonYear(*season, shift.value_or(0), *doc), 4)
                               : "XXXX";
    base = y + "-" + std::string(*season);
  } else if (has("quarter") || has("semester")) {
    bool quarter = has("quarter");
    auto n = IntField(f, Key(p, quarter ? "quarter" : "semester"));
    if (!n || *n < 1 || *n > (quarter ? 4 : 2)) return std::nullopt;
    auto year = IntField(f, Key(p, "year"));
    // "a reculé de 3 % au troisième trimestre" in March: a quarter not yet
    // begun at the document date is last year's, unless the sentence
    // looks ahead ("devrait rebondir au troisième trimestre").
    if (!year && doc) {
      year = static_cast<int>(doc->year());
      const unsigned first_month = static_cast<unsigned>(quarter ? 3 * *n - 2 : 6 * *n - 5);
      if (!future && first_month > static_cast<unsigned>(doc->month())) --*year;
    }
    std::string y = year ? Pad(*year, 4) : "XXXX";
    base = y + (quarter ? "-Q" : "-H") + std::to_string(*n);
  } else if (auto decade = TextField(f, Key(p, "decade"))) {
    if (decade->size() == 4) base = std::string(decade->substr(0, 3));
    else if (decade->size() == 2) base = "19" + std::string(decade->substr(0, 1));
    else return std::nullopt;
  } else if (auto century = IntField(f, Key(p, "century"))) {
    if (*century < 1 || *century > 99) return std::nullopt;
    base = Pad(*century - 1, 2);
  } else if (has("day") || has("month") || has("year")) {
    base = Calendar(f, p);
  } else if (has("weekday")) {
    base = Weekday(f, p);
  } else if (auto unit = TextField(f, Key(p, "unit")); unit && shift) {
    if (!doc) return std::nullopt;
    base = ShiftedValue(*doc, *unit, *shift);
  } else if (has("hour") || has("part_of_day")) {
    base = doc ? DayValue(*doc) : "XXXX-XX-XX";
  }
  if (!base) return std::nullopt;
  if (auto hour = IntField(f, Key(p, "hour"))) {
    long minute = IntField(f, Key(p, "minute")).value_or(0);
    if (*hour < 0 || *hour > 24 || minute < 0 || minute > 59) return std::nullopt;
    if (*hour == 24 && minute > 0) return std::nullopt;
    // "8 heures du soir", "1 h de l'après-midi": the afternoon's and the
    // evening's hours on a twelve-hour dial.
    const auto half = TextField(f, Key(p, "part_of_day"));
    if (half && (*half == "AF" || *half == "EV") && *hour < 12) *hour += 12;
    *base += "T" + Pad(*hour, 2) + ":" + Pad(minute, 2);
  } else if (auto pod = TextField(f, Key(p, "part_of_day"))) {
    *base += "T" + std::string(*pod);
  }
  return base;
}

// "du 3 au 5 mars": each end lends the other the month and year it lacks.
void ShareIntervalFields(Fields* f) {
  bool interval = false;
  for (const auto& [key, value] : *f) interval |= key.starts_with(kEndPrefix);
  if (!interval) return;
  for (std::string_view field : {"year", "month"}) {
    std::string start(field);
    std::string end = Key(kEndPrefix, field);
    bool start_has = f->count(start) > 0;
    bool end_has = f->count(end) > 0;
    // A copy first: adding the missing key may move the list's entries.
    if (!start_has && end_has) {
      std::string value = (*f)[end];
      // "du 28 décembre au 3 janvier 2016": the start is in the year before.
      if (field == "year" && value.size() == 4) {
        const auto month = IntField(*f, "month");
        const auto end_month = IntField(*f, Key(kEndPrefix, "month"));
        const auto year = IntField(*f, end);
        if (month && end_month && year && *month > *end_month) value = std::to_string(*year - 1);
      }
      (*f)[start] = std::move(value);
    }
    if (start_has && !end_has &&
        (field == "year" || f->count(std::string_view(Key(kEndPrefix, "day"))) > 0)) {
      std::string value = (*f)[start];
      (*f)[end] = std::move(value);
    }
  }
}

std::string TypeOf(std::string_view value) {
  if (value.starts_with('P') && !value.starts_with("PRESENT") &&
      !value.starts_with("PAST")) {
    return "duration";
  }
  return value.find('T') != std::string_view::npos ? "time" : "date";
}

std::string_view SetField(const Rule& rule, std::string_view key) {
  auto it = rule.set.find(key);
  return it == rule.set.end() ? std::string_view() : std::string_view(it->second);
}

// "il y a trois jours", "dans deux semaines": a day; "il y a plus de deux
// ans" is too vague for a point and stays a duration with its mod.
std::optional<std::string> ShiftedFromDocument(const Fields& f, bool back,
                                               bool vague, const DateContext& context) {
  auto unit = TextField(f, "unit");
  auto count = IntField(f, "count");
  const auto& doc = context.document_date;
  if (!unit || !count || !doc || vague) return DurationValue(f, "");
  return ShiftedDay(*doc, *unit, back ? -*count : *count);
}

// "les douze derniers mois": P12M, and the range it covers up to (or from)
// the document date.
std::optional<DateValue> LastUnits(const Fields& f, const DateContext& context) {
  auto value = DurationValue(f, "");
  if (!value) return std::nullopt;
  DateValue out;
  out.value = *value;
  auto unit = TextField(f, "unit");
  auto count = IntField(f, "count");
  long shift = IntField(f, "shift").value_or(-1);
  const auto& doc = context.document_date;
  if (!doc || !unit || !count) return out;
  if (auto other = ShiftedValue(*doc, *unit, shift < 0 ? -*count : *count)) {
    out.range = shift < 0 ? DateRange{*other, DayValue(*doc)}
                          : DateRange{DayValue(*doc), *other};
  }
  return out;
}

// "chaque mardi" -> XXXX-WXX-2, "tous les ans" -> P1Y.
std::optional<std::string> Recurrence(Fields f) {
  if (auto wd = IntField(f, "weekday"); wd && *wd >= 1 && *wd <= 7) {
    std::string value = "XXXX-WXX-" + std::to_string(*wd);
    if (auto pod = TextField(f, "part_of_day")) value += "T" + std::string(*pod);
    return value;
  }
  if (!f.count("unit")) return std::nullopt;
  if (!f.count("count")) f["count"] = "1";
  return DurationValue(f, "");
}

// The bytes of a day's calendar prefix, "YYYY-MM-DD".
constexpr size_t kDayPrefix = 10;

// Whether `value` begins with a calendar prefix of `length` bytes: a year
// (4), a month (7, "2016-12") or a day (10, "2016-11-13"), ending there or
// before "-" or "T" ("2016-W46", "2016-11-13T22:00").
bool HasCalendarPrefix(std::string_view value, size_t length) {
  if (value.size() < length) return false;
  for (size_t at = 0; at < length; ++at) {
    const char c = value[at];
    if ((at == 4 || at == 7) ? c != '-' : (c < '0' || c > '9')) return false;
  }
  return value.size() == length || value[length] == 'T' || value[length] == '-';
}

// "cette année-là" after "en 2006": the period of the rule's unit that
// holds the last date stated (DateContext::last_stated), when that date
// is precise enough ("ce jour-là" after "en 2006" says nothing).
// "le lendemain", "la veille" (a shift in days): the day after or before
// the last day stated, in this sentence (`sentence_day`) or an earlier one.
std::optional<std::string> Anaphoric(const Fields& f, const DateContext& context,
                                     std::string_view sentence_day) {
  auto unit = TextField(f, "unit");
  if (!unit) return std::nullopt;
  if (auto shift = IntField(f, "shift"); shift && *unit == "D") {
    const std::string_view base = sentence_day.empty() ? context.last_stated : sentence_day;
    if (!HasCalendarPrefix(base, kDayPrefix)) return std::nullopt;
    auto day = ParseIsoDate(base.substr(0, kDayPrefix));
    if (!day) return std::nullopt;
    return DayValue(chr::year_month_day(chr::sys_days(*day) + chr::days(*shift)));
  }
  size_t length = 0;
  if (*unit == "Y") length = 4;
  if (*unit == "M") length = 7;
  if (*unit == "D") length = 10;
  const std::string& last = context.last_stated;
  if (length == 0 || !HasCalendarPrefix(last, length)) return std::nullopt;
  return last.substr(0, length);
}

// A point or period; with end_ fields, also the interval it starts.
std::optional<DateValue> PointOrInterval(Fields f, const Resolver& resolver) {
  const auto has = [&f](std::string_view prefix, std::string_view field) {
    return f.count(Key(prefix, field)) > 0;
  };
  const bool yearless_months = has("", "month") && has(kEndPrefix, "month") &&
                               !has("", "year") && !has(kEndPrefix, "year") &&
                               !has("", "day") && !has(kEndPrefix, "day");
  // "de septembre à février": the tense reads the end month of a past
  // interval (the last such month) and the start month of a future one;
  // the other end is the nearest such month on its side.
  if (yearless_months) {
    const auto month = IntField(f, "month");
    const auto end_month = IntField(f, Key(kEndPrefix, "month"));
    const std::string_view read = resolver.future ? std::string_view() : kEndPrefix;
    const auto anchor = resolver.Point(f, read);
    long year = 0;
    if (month && end_month && anchor && HasCalendarPrefix(*anchor, 7) &&
        std::from_chars(anchor->data(), anchor->data() + 4, year).ec == std::errc()) {
      const bool wraps = *end_month < *month;  // over the new year
      f[Key("", "year")] = std::to_string(resolver.future || !wraps ? year : year - 1);
      f[Key(kEndPrefix, "year")] = std::to_string(resolver.future && wraps ? year + 1 : year);
    }
  }
  ShareIntervalFields(&f);
  auto value = resolver.Point(f, "");
  if (!value) return std::nullopt;
  DateValue out;
  out.value = *value;
  bool interval = false;
  for (const auto& [key, v] : f) interval |= key.starts_with(kEndPrefix);
  if (!interval) return out;
  auto end = resolver.Point(f, kEndPrefix);
  if (!end) return std::nullopt;
  // "la nuit de samedi à dimanche": the end weekday is the first one after
  // the start, whichever way the start was read (a stated day ahead, the
  // tense).
  auto weekday = IntField(f, "weekday");
  auto end_weekday = IntField(f, Key(kEndPrefix, "weekday"));
  if (weekday && end_weekday && !f.count(std::string_view(Key(kEndPrefix, "day"))) &&
      HasCalendarPrefix(out.value, kDayPrefix)) {
    if (auto start = ParseIsoDate(std::string_view(out.value).substr(0, kDayPrefix))) {
      long delta = ((*end_weekday - *weekday) % 7 + 7) % 7;
      if (delta == 0) delta = 7;
      end = DayValue(chr::year_month_day(chr::sys_days(*start) + chr::days(delta)));
    }
  }
  out.range = DateRange{out.value, *end};
  return out;
}

std::optional<DateValue> Resolve(const Rule& rule, const Fields& f,
                                 const Resolver& resolver) {
  std::string_view kind = SetField(rule, "kind");
  std::optional<std::string> mod;
  if (auto m = TextField(f, "mod")) mod = std::string(*m);
  std::optional<DateValue> out;
  auto from = [](std::optional<std::string> value) -> std::optional<DateValue> {
    if (!value) return std::nullopt;
    DateValue d;
    d.value = std::move(*value);
    return d;
  };
  if (auto fixed = SetField(rule, "value"); !fixed.empty()) {
    out = from(std::string(fixed));
  } else if (kind == "duration") {
    out = from(DurationValue(f, ""));
  } else if (kind == "ago" || kind == "in") {
    // "il y a environ deux ans" is still a year; "il y a plus de deux ans"
    // no longer one point.
    const bool vague = mod.has_value() && *mod != "APPROX";
    out = from(ShiftedFromDocument(f, kind == "ago", vague, resolver.context));
  } else if (kind == "last_n") {
    out = LastUnits(f, resolver.context);
  } else if (kind == "set") {
    out = from(Recurrence(f));
  } else if (kind == "anaphoric") {
    out = from(Anaphoric(f, resolver.context,
                         resolver.sentence_day ? std::string_view(*resolver.sentence_day)
                                               : std::string_view()));
  } else {
    out = PointOrInterval(f, resolver);
  }
  if (!out) return std::nullopt;
  out->mod = std::move(mod);
  out->type = kind == "set" ? "set" : TypeOf(out->value);
  if (auto fixed = SetField(rule, "type"); !fixed.empty()) out->type = std::string(fixed);
  return out;
}

// Start of the UTF-8 character at or before `pos`.
size_t CharStart(std::string_view text, size_t pos) {
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// The at most `window` bytes of its sentence before `mention`, starting on
// a character, for the context patterns read at the end of what precedes
// a mention (date_signal, tense_past_before, age_before).
std::string_view TextBefore(std::string_view text, Span range, Span mention, size_t window) {
  const size_t from =
      CharStart(text, mention.start - std::min(mention.start - range.start, window));
  return text.substr(from, mention.start - from);
}

re2::StringPiece Piece(std::string_view text) { return re2::StringPiece(text.data(), text.size()); }

// Whether the period a TIMEX3 value names begins after `day` (YYYY-MM-DD):
// its calendar prefix (2017, 2016-12, 2016-11-13, as in 2016-11-13T22:00)
// is later than the day's own prefix of that length. Weeks, quarters and
// seasons (2016-W46, 2016-Q4) are judged by their year; values without one
// (P2Y, XXXX-07-14) never start after.
bool StartsAfter(std::string_view value, std::string_view day) {
  for (const size_t length : {size_t{10}, size_t{7}, size_t{4}}) {
    if (length <= day.size() && HasCalendarPrefix(value, length)) {
      return value.substr(0, length) > day.substr(0, length);
    }
  }
  return false;
}

// `value` ("2023-09", "2023-12-15", maybe with a time after the day) one
// year earlier; nullopt when it has no calendar year or the day does not
// exist that year (29 February).
std::optional<std::string> YearEarlier(std::string_view value) {
  constexpr size_t kYear = 4;
  int year = 0;
  if (!HasCalendarPrefix(value, kYear) ||
      std::from_chars(value.data(), value.data() + kYear, year).ec != std::errc() || year <= 1) {
    return std::nullopt;
  }
  std::string out = Pad(year - 1, kYear) + std::string(value.substr(kYear));
  if (HasCalendarPrefix(out, kDayPrefix) && !ParseIsoDate(std::string_view(out).substr(0, kDayPrefix))) {
    return std::nullopt;
  }
  return out;
}

// A month or day whose year the text left out ("septembre", "le 15
// décembre") read in the document's year, when it falls after `today`
// although the text says it is over: last year's.
void MoveYearlessBack(const Fields& fields, std::string_view today, DateValue* value) {
  if (!StartsAfter(value->value, today) || !fields.count("month") || fields.count("year") ||
      fields.count("shift")) {
    return;
  }
  if (auto earlier = YearEarlier(value->value)) value->value = std::move(*earlier);
}

// How many bytes before a weekday the define tense_past_before may look
// at: an auxiliary and a participle ("ont concentré").
constexpr size_t kPastVerbWindow = 48;

// Whether the words right before `mention` are a verb in a past tense
// (define tense_past_before: "a confirmé", "concentraient") and no future
// marker is as near.
bool PastVerbBefore(std::string_view text, Span range, Span mention,
                    const DateRecognizer::Compiled& tables) {
  if (!tables.past_before || mention.start <= range.start) return false;
  const std::string_view before = TextBefore(text, range, mention, kPastVerbWindow);
  if (!re2::RE2::PartialMatch(Piece(before), *tables.past_before)) return false;
  const size_t from = mention.start - before.size();
  // "devrait rouvrir mercredi", "sera présenté mardi": a future marker in
  // the two words before keeps the weekday ahead (not one further back,
  // as in "« Tout va bien », a ironisé mercredi").
  size_t near_start = mention.start;
  for (int words = 0; words < 2; ++words) {
    while (near_start > from && text[near_start - 1] == ' ') --near_start;
    while (near_start > from && text[near_start - 1] != ' ') --near_start;
  }
  const std::string_view near = text.substr(near_start, mention.start - near_start);
  return !(tables.future && re2::RE2::PartialMatch(Piece(near), *tables.future));
}

// How many bytes before a weekday the define until_before may look at.
constexpr size_t kUntilWindow = 16;

// "La grève est reconduite jusqu'à jeudi", "d'ici vendredi": a weekday
// that ends a period is the next one, unless a past verb precedes the
// "jusqu'à" ("la grève a duré jusqu'à jeudi").
bool UntilAhead(std::string_view text, Span range, Span mention,
                const DateRecognizer::Compiled& tables) {
  if (!tables.until_before || mention.start <= range.start) return false;
  const std::string_view before = TextBefore(text, range, mention, kUntilWindow);
  re2::StringPiece until;
  if (!re2::RE2::PartialMatch(Piece(before), *tables.until_before, &until)) return false;
  const size_t until_start = static_cast<size_t>(until.data() - text.data());
  return !PastVerbBefore(text, range, Span{until_start, mention.end}, tables);
}

// How many bytes before a count of years the define age_before may look at:
// enough for "l'âge de départ passera de 62 à".
constexpr size_t kAgeWindow = 64;

// "Jean Burget, 87 ans, a été heurté", "la victime (16 ans)", "il avait
// 47 ans", "un homme de 38 ans", "la retraite à 62 ans": an age is no
// duration (TimeML marks none; the quantity extractor keeps it as an age).
// No rule can say so: it would have to start at the comma, at a form of
// avoir or at a noun of people, and rules start at words of the start_word
// table, which those would crowd (date.h). The define age_before says what
// precedes an age. Whole years only.
// "le chômage des moins de 25 ans", "les plus de 65 ans", "ouvert aux
// moins de 12 ans": a bound after an article names an age bracket.
bool IsAgeBracket(std::string_view text, Span range, Span mention) {
  const std::string_view span = text.substr(mention.start, mention.end - mention.start);
  if (!span.starts_with("moins de ") && !span.starts_with("plus de ")) return false;
  constexpr size_t kArticleWindow = 5;  // "aux " and the byte before
  std::string_view before = TextBefore(text, range, mention, kArticleWindow);
  if (!before.ends_with(' ')) return false;
  before.remove_suffix(1);
  for (std::string_view article : {"les", "des", "aux", "Les", "Des", "Aux"}) {
    if (before.ends_with(article) &&
        (before.size() == article.size() || before[before.size() - article.size() - 1] == ' ')) {
      return true;
    }
  }
  return false;
}

bool IsAge(std::string_view text, Span range, Span mention, const Fields& fields,
           const DateRecognizer::Compiled& tables) {
  const auto unit = TextField(fields, "unit");
  if (!unit || *unit != "Y") return false;
  if (tables.age_before && mention.start > range.start &&
      re2::RE2::PartialMatch(Piece(TextBefore(text, range, mention, kAgeWindow)),
                             *tables.age_before)) {
    return true;
  }
  if (fields.count("mod")) return IsAgeBracket(text, range, mention);
  if (mention.end >= range.end) return false;
  if (mention.start >= range.start + 2 && text.substr(mention.start - 2, 2) == ", ") {
    return text[mention.end] == ',' || text[mention.end] == ')';
  }
  return mention.start > range.start && text[mention.start - 1] == '(' &&
         text[mention.end] == ')';
}

// How many bytes before a mention the signal pattern may look at: enough for
// "depuis leur lancement en", never the whole sentence.
constexpr size_t kSignalWindow = 64;

void ApplySignal(std::string_view text, Span range, Span mention,
                 const DateRecognizer::Compiled& tables,
                 const DateContext& context, const Fields& fields,
                 DateValue* value) {
  if (!tables.signal_before || mention.start <= range.start) return;
  re2::StringPiece signal;
  if (!re2::RE2::PartialMatch(Piece(TextBefore(text, range, mention, kSignalWindow)),
                              *tables.signal_before, &signal)) {
    return;
  }
  auto meaning = tables.signal->Lookup(std::string_view(signal.data(), signal.size()));
  if (!meaning) return;
  if (*meaning == "since" || *meaning == "since_past") {
    const auto& doc = context.document_date;
    if (!doc || value->range || value->type == "set") return;
    // "ouvert à partir de 10 heures": a time of day from which something
    // holds, mostly ahead or every day; the document date, a day, cannot
    // end it. ("depuis 6 heures" keeps its range: what it starts is over.)
    if (*meaning == "since" && value->type == "time") return;
    if (value->type == "duration") {
      auto unit = TextField(fields, "unit");
      auto count = IntField(fields, "count");
      if (!unit || !count) return;
      if (auto start = ShiftedValue(*doc, *unit, -*count)) {
        value->range = DateRange{*start, DayValue(*doc)};
      }
      return;
    }
    // "dès dimanche", "à partir de 2017" in an article of
    // 2016-11-10: from a later day on, an interval the text leaves open;
    // the document date would end it before it starts.
    const std::string today = DayValue(*doc);
    // "une première depuis le mois de septembre" in March: what "depuis"
    // starts is over.
    if (*meaning == "since_past") MoveYearlessBack(fields, today, value);
    if (StartsAfter(value->value, today)) return;
    value->range = DateRange{value->value, today};
    return;
  }
  // "en janvier par rapport à décembre": what a comparison refers to is
  // over.
  if (*meaning == "past") {
    if (context.document_date) MoveYearlessBack(fields, DayValue(*context.document_date), value);
    return;
  }
  if (*meaning == "BEFORE" || *meaning == "AFTER" || *meaning == "APPROX") {
    if (!value->mod) value->mod = std::string(*meaning);
  }
}

// "deux ans et demi": the count with its added fraction, in the next
// smaller unit when that makes it whole (30 months, "PT90M" for "une heure
// et demie"), so that every reader of `count` sees a plain count; else a
// decimal count of the same unit ("6.5" months); after a clock hour, its
// minutes. False when the count is not a number.
bool AddFraction(Fields* f) {
  auto fraction = f->find("plus_fraction");
  if (fraction == f->end()) return true;
  const auto number = [](const std::string& text) -> std::optional<double> {
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
  };
  const auto part = number(fraction->second);
  f->erase(fraction);
  if (!part) return false;
  // "à trois heures et quart": minutes past the hour.
  if (f->count("hour") > 0 && f->count("count") == 0) {
    (*f)["minute"] = std::to_string(static_cast<int>(*part * 60));
    return true;
  }
  auto count = f->find("count");
  auto unit = f->find("unit");
  if (count == f->end() || unit == f->end()) return false;
  const auto whole = number(count->second);
  if (!whole) return false;
  const double total = *whole + *part;
  struct Smaller {
    std::string_view unit, smaller;
    int factor;
  };
  constexpr Smaller kSmaller[] = {{"Y", "M", 12}, {"D", "H", 24}, {"H", "MIN", 60},
                                  {"MIN", "S", 60}, {"W", "D", 7}};
  for (const Smaller& s : kSmaller) {
    const double scaled = total * s.factor;
    if (unit->second == s.unit && scaled == std::floor(scaled)) {
      count->second = std::to_string(static_cast<long>(scaled));
      unit->second = std::string(s.smaller);
      return true;
    }
  }
  char decimal[32];
  auto written = std::to_chars(decimal, decimal + sizeof(decimal), total);
  count->second.assign(decimal, written.ptr);
  return true;
}

// "1 h 30", "2 h 01 min 09 s", "1 min 40 s": the count in the smallest
// unit written (90 minutes, 7 269 seconds), as AddFraction makes "une
// heure et demie" 90 minutes. False when the parts do not fit the unit.
bool AddSmallerUnits(Fields* f) {
  const auto take = [&](std::string_view name) -> std::optional<long> {
    auto it = f->find(name);
    if (it == f->end()) return std::nullopt;
    long value = -1;
    std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    f->erase(it);
    return value;
  };
  const auto minutes = take("plus_minutes");
  const auto seconds = take("plus_seconds");
  if (!minutes && !seconds) return true;
  auto count = IntField(*f, "count");
  auto unit = f->find("unit");
  if (!count || unit == f->end() || (minutes && *minutes < 0) || (seconds && *seconds < 0)) {
    return false;
  }
  long total = *count;
  if (minutes) {
    if (unit->second != "H") return false;
    total = total * 60 + *minutes;
    unit->second = "MIN";
  }
  if (seconds) {
    if (unit->second != "MIN") return false;  // seconds follow minutes
    total = total * 60 + *seconds;
    unit->second = "S";
  }
  (*f)["count"] = std::to_string(total);
  return true;
}

// A count in words that the grammar of numbers.yaml reads ("soixante-douze",
// "quatre-vingt-dix", "cent vingt"), as FieldValue writes counts; nullopt
// for no number or one too large to be a count of time units.
std::optional<std::string> CountInWords(std::string_view raw, const NumberWords& words) {
  constexpr double kMaxCount = 1e6;
  const auto value = ParseFrenchNumber(raw, words);
  if (!value || *value < 0 || *value > kMaxCount || *value != std::floor(*value)) {
    return std::nullopt;
  }
  return std::to_string(static_cast<long>(*value));
}

// Named groups and `set` entries of a match, as field values. False when a
// group's word is not in its table (the rule and the table disagree).
bool ReadFields(std::string_view text, const RuleMatch& match,
                const DateRecognizer::Compiled& tables, Fields* out) {
  for (const auto& [key, value] : match.rule->set) {
    if (FindField(key) != nullptr) (*out)[key] = value;
  }
  for (const auto& [name, span] : match.groups) {
    const FieldSpec* spec = FindField(name);
    if (spec == nullptr) continue;
    auto table = tables.by_field.find(spec->name);
    auto value = FieldValue(name, span.Of(text),
                            table == tables.by_field.end() ? nullptr : table->second);
    if (!value && name == "count") value = CountInWords(span.Of(text), tables.number_words);
    if (!value) return false;
    (*out)[name] = std::move(*value);
  }
  // "une dizaine de jours": about ten.
  if (auto about = out->find("approx_count"); about != out->end()) {
    std::string count = std::move(about->second);
    out->erase(about);
    (*out)["count"] = std::move(count);
    if (!out->count("mod")) (*out)["mod"] = "APPROX";
  }
  if (!AddFraction(out)) return false;
  if (!AddSmallerUnits(out)) return false;
  // A holiday is a month and a day ("12-25").
  if (auto holiday = out->find("holiday"); holiday != out->end()) {
    std::string mmdd = holiday->second;
    out->erase(holiday);
    if (mmdd.size() != 5 || mmdd[2] != '-') return false;
    (*out)["month"] = mmdd.substr(0, 2);
    (*out)["day"] = mmdd.substr(3, 2);
  }
  return true;
}

std::unique_ptr<re2::RE2> CompileDefine(const RuleBook& rules,
                                        std::string_view name,
                                        std::string_view prefix,
                                        std::string_view suffix, Status* error) {
  auto pattern = rules.ExpandedDefine(name);
  if (!pattern) return nullptr;
  re2::RE2::Options options;
  options.set_encoding(re2::RE2::Options::EncodingUTF8);
  options.set_max_mem(kRuleMaxMemBytes);
  options.set_log_errors(false);
  auto regex = std::make_unique<re2::RE2>(
      std::string(prefix) + "(?:" + *pattern + ")" + std::string(suffix), options);
  if (!regex->ok()) {
    *error = InvalidArgument("define " + std::string(name) + ": " + regex->error());
    return nullptr;
  }
  return regex;
}

}  // namespace

std::optional<chr::year_month_day> ParseIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int parts[3] = {};
  const std::pair<size_t, size_t> fields[3] = {{0, 4}, {5, 2}, {8, 2}};
  for (int i = 0; i < 3; ++i) {
    auto [pos, len] = fields[i];
    for (size_t k = pos; k < pos + len; ++k) {
      if (date[k] < '0' || date[k] > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (date[k] - '0');
    }
  }
  chr::year_month_day ymd{chr::year(parts[0]), chr::month(static_cast<unsigned>(parts[1])),
                          chr::day(static_cast<unsigned>(parts[2]))};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

namespace {

// How the core scan reads a byte: part of a word (ASCII letters and digits,
// and the bytes of non-ASCII letters), or a separator of 1, 2 or 3 bytes
// (other ASCII, and the non-letters common in French news: « » ° after
// C2, dashes and … after E2). A table, since the scan asks for every byte.
struct ScanClasses {
  static constexpr uint8_t kWord = 0;
  uint8_t of[256];  // kWord, or the separator's length

  constexpr ScanClasses() : of() {
    for (int b = 0; b < 256; ++b) {
      const bool ascii_alnum = (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
      if (b < 0x80) {
        of[b] = ascii_alnum ? kWord : 1;
      } else {
        of[b] = b == 0xC2 ? 2 : b == 0xE2 ? 3 : kWord;
      }
    }
  }
};
constexpr ScanClasses kScanClasses;

size_t WordByteLength(std::string_view text, size_t pos) {
  return kScanClasses.of[static_cast<unsigned char>(text[pos])] == ScanClasses::kWord ? 1 : 0;
}

size_t SeparatorLength(std::string_view text, size_t pos) {
  return kScanClasses.of[static_cast<unsigned char>(text[pos])];
}

// Lower-cases ASCII and the Latin-1 capitals (À..Þ are C3 80..C3 9E) into
// `out`; words longer than the buffer are never core words.
std::string_view FoldWord(std::string_view word, char* out, size_t capacity) {
  if (word.size() > capacity) return {};
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out[i] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 0x20 : b);
    } else if (i > 0 && static_cast<unsigned char>(word[i - 1]) == 0xC3 && b >= 0x80 &&
               b <= 0x9E && b != 0x97) {
      out[i] = static_cast<char>(b + 0x20);
    } else {
      out[i] = static_cast<char>(b);
    }
  }
  return std::string_view(out, word.size());
}

// How far before its core a date may start ("les vingt-quatre derniers mois"),
// and how long a date may be ("du lundi 1er au mercredi 10 juillet 2016" is 41).
constexpr size_t kCoreLookBack = 40;
constexpr size_t kMaxDateBytes = 80;

// Word starts near a core, in order, each once.
std::vector<size_t> CandidateStarts(std::string_view text, Span range,
                                    const DateRecognizer::Compiled& compiled) {
  std::vector<size_t> starts;
  size_t recent[16];
  size_t recent_count = 0;
  size_t emitted_up_to = 0;  // starts below this were emitted already
  size_t pos = range.start;
  char buffer[32];
  while (pos < range.end) {
    if (WordByteLength(text, pos) == 0) {
      pos += SeparatorLength(text, pos);
      continue;
    }
    size_t word_start = pos;
    while (pos < range.end && WordByteLength(text, pos) > 0) ++pos;
    bool digit = std::isdigit(static_cast<unsigned char>(text[word_start]));
    // "3" in "49.3" is not a word start (the rules' left boundary says so).
    bool glued = digit && word_start >= range.start + 2 &&
                 (text[word_start - 1] == '.' || text[word_start - 1] == ',') &&
                 std::isdigit(static_cast<unsigned char>(text[word_start - 2]));
    std::string_view folded;
    size_t length = pos - word_start;
    unsigned char first = static_cast<unsigned char>(text[word_start]);
    if (first >= 'A' && first <= 'Z') first += 0x20;
    if (!digit && length <= compiled.longest_word &&
        compiled.first_byte_length[first][length]) {
      folded = FoldWord(text.substr(word_start, pos - word_start), buffer, sizeof(buffer));
    }
    const uint8_t flags = folded.empty() ? 0 : compiled.scan_words.Find(folded);
    bool core = digit || (flags & ScanWords::kCore) != 0;
    bool start = core || (flags & ScanWords::kStart) != 0;
    if (!glued && start) {
      if (recent_count == std::size(recent)) {
        std::copy(recent + 1, recent + recent_count, recent);
        --recent_count;
      }
      recent[recent_count++] = word_start;
    }
    if (!core) continue;
    for (size_t i = 0; i < recent_count; ++i) {
      size_t start = recent[i];
      if (start + kCoreLookBack < word_start || start < emitted_up_to) continue;
      starts.push_back(start);
      emitted_up_to = start + 1;
    }
  }
  return starts;
}

// The matches of every rule starting exactly at `start`.
void MatchAt(std::string_view text, size_t start, size_t end,
             const DateRecognizer::Compiled& compiled, std::vector<int>* hits,
             std::vector<re2::StringPiece>* groups, std::vector<RuleMatch>* out) {
  size_t window_end = std::min(end, start + kMaxDateBytes);
  hits->clear();
  // Seven candidate starts in ten begin no date. Asked without a list of
  // hits, the Set stops at its first match and allocates nothing; with
  // one, it allocates the list's storage on every call (RE2 2022-06).
  const re2::StringPiece window(text.data() + start, window_end - start);
  if (!compiled.anchored->Match(window, nullptr) || !compiled.anchored->Match(window, hits)) {
    return;
  }
  // Both engines see the text up to the window's end as all there is, as
  // the Set did: a date may end at the end of its sentence, where the
  // boundary after the rule finds `$`. PCRE2 still sees what is before
  // `start`.
  const std::string_view upto_window(text.data(), window_end);
  for (int hit : *hits) {
    const auto& anchored = compiled.rules[static_cast<size_t>(hit)];
    const Submatcher* submatcher = anchored.submatcher->Get();
    if (submatcher == nullptr || submatcher->Match(upto_window, start, window_end, groups) !=
                                     Submatcher::Outcome::kMatch) {
      groups->assign(anchored.group_names.size(), re2::StringPiece());
      if (!anchored.regex->Match(window, 0, window.size(), re2::RE2::ANCHOR_START,
                                 groups->data(), static_cast<int>(groups->size()))) {
        continue;
      }
    }
    RuleMatch match;
    match.rule = anchored.rule;
    match.span = Span{start, start + (*groups)[1].size()};  // without the boundary
    if (match.span.empty() || GluedOnTheRight(text, match.span.end)) continue;
    for (size_t g = 2; g < groups->size(); ++g) {
      const re2::StringPiece& piece = (*groups)[g];
      if (anchored.group_names[g].empty() || piece.data() == nullptr) continue;
      size_t gs = static_cast<size_t>(piece.data() - text.data());
      match.groups.emplace_back(anchored.group_names[g], Span{gs, gs + piece.size()});
    }
    if (auto reported = match.Group(kReportedGroup); reported && !reported->empty()) {
      match.span = *reported;
    }
    out->push_back(std::move(match));
  }
}

// "mardi vers 21 h 45", "le 5 juin à 17 h", "le 15 février dans la
// matinée": a clock time or a part of the day without a day of its own is
// on the day of the last dated mention of its sentence (TimeML does the
// same), else on the document date. Dated mentions update `last_day`.
// Returns whether the value is such a time of day, which a day right
// after it may still move (DayFromNextMention). After a night between two
// days, `night_end` holds the second: "dans la nuit de lundi à mardi vers
// 3 heures" is Tuesday's small hours, "… vers 23 heures" Monday's evening.
bool AnchorTime(const Fields& fields, std::optional<std::string>* last_day,
                std::optional<std::string>* night_end, DateValue* value) {
  const std::string& v = value->value;
  bool own_day = false;
  // ("shift": "le lendemain", a day of its own; other shifted periods have
  // no day prefix.)
  for (std::string_view field : {"year", "month", "day", "weekday", "rel_day", "holiday", "shift"}) {
    own_day |= fields.count(field) > 0;
  }
  if (value->type == "time" && !own_day &&
      (fields.count("hour") || fields.count("part_of_day"))) {
    constexpr long kNoon = 12;
    const auto hour = IntField(fields, "hour");
    const std::optional<std::string>& day =
        *night_end && hour && *hour < kNoon ? *night_end : *last_day;
    if (day && v.size() > kDayPrefix) value->value = *day + v.substr(kDayPrefix);
    return HasCalendarPrefix(v, kDayPrefix);
  }
  if (own_day && HasCalendarPrefix(v, kDayPrefix)) {
    *last_day = v.substr(0, kDayPrefix);
    night_end->reset();
    if (v.ends_with("TNI") && value->range && HasCalendarPrefix(value->range->end, kDayPrefix)) {
      *night_end = value->range->end.substr(0, kDayPrefix);
    }
  }
  return false;
}

// Whether only spaces, commas and "de"/"du" stand between two mentions
// ("à 23 heures mardi soir", "dans la nuit de mardi", "à 21 h, le 3 mars");
// `comma` says whether a comma does.
bool AdjacentMentions(std::string_view between, bool* comma) {
  *comma = false;
  size_t at = 0;
  bool word = false;
  while (at < between.size()) {
    const char c = between[at];
    if (c == ' ') {
      ++at;
    } else if (c == ',') {
      *comma = true;
      ++at;
    } else if (!word && (between.substr(at).starts_with("de ") ||
                         between.substr(at).starts_with("du "))) {
      word = true;
      at += 3;
    } else {
      return false;
    }
  }
  return true;
}

// "à 23 heures mardi soir", "à 21 h le 3 mars": a time of day takes the
// day of the dated mention right after it (AdjacentMentions), unless an
// earlier day of its sentence gave it one and a comma stands between
// ("samedi à 20 heures, dimanche …" stays Saturday). `times[k]` describes
// mentions[k]: whether AnchorTime() found it a time of day, and whether an
// earlier day of the sentence was given to it.
struct TimeOfDay {
  bool dayless = false;
  bool had_day = false;
};

void DayFromNextMention(std::string_view text, const std::vector<TimeOfDay>& times,
                        Mention* mentions) {
  for (size_t k = times.size() - 1; k-- > 0;) {
    if (!times[k].dayless) continue;
    auto& value = std::get<DateValue>(mentions[k].value);
    const auto& next = std::get<DateValue>(mentions[k + 1].value);
    if (times[k + 1].dayless || !HasCalendarPrefix(next.value, kDayPrefix)) continue;
    if (mentions[k].span.end > mentions[k + 1].span.start) continue;
    bool comma = false;
    const std::string_view between = text.substr(
        mentions[k].span.end, mentions[k + 1].span.start - mentions[k].span.end);
    if (!AdjacentMentions(between, &comma) || (comma && times[k].had_day)) continue;
    value.value = next.value.substr(0, kDayPrefix) + value.value.substr(kDayPrefix);
  }
}

re2::RE2::Options DateRegexOptions() {
  re2::RE2::Options options;
  options.set_encoding(re2::RE2::Options::EncodingUTF8);
  options.set_max_mem(kRuleMaxMemBytes);
  options.set_log_errors(false);
  return options;
}

Status CompileAnchored(const RuleSet& set, DateRecognizer::Compiled* compiled) {
  compiled->anchored = std::make_unique<re2::RE2::Set>(DateRegexOptions(),
                                                       re2::RE2::ANCHOR_START);
  for (const Rule& rule : set.rules()) {
    std::string where = rule.file + ":" + std::to_string(rule.line) + ": " + rule.id;
    if (!rule.word_boundary) {
      return InvalidArgument(where + ": date rules are word-bounded (boundary: none)");
    }
    // The boundary after the rule's group makes RE2's leftmost-first choice
    // end at a word: without it "ans|an|années" stopped at "an" in
    // "années", and GluedOnTheRight then dropped the match.
    std::string pattern = "(" + rule.expanded_pattern + ")" + std::string(LooseRightBoundary());
    DateRecognizer::Compiled::AnchoredRule anchored;
    anchored.rule = &rule;
    anchored.regex = std::make_unique<re2::RE2>(pattern, DateRegexOptions());
    std::string error;
    if (!anchored.regex->ok() || compiled->anchored->Add(pattern, &error) < 0) {
      return InvalidArgument(where + ": " + anchored.regex->error() + error);
    }
    anchored.submatcher = std::make_unique<LazySubmatcher>(
        pattern, Submatcher::Anchor::kStart, anchored.regex->NumberOfCapturingGroups());
    anchored.group_names.assign(
        static_cast<size_t>(anchored.regex->NumberOfCapturingGroups()) + 1, "");
    for (const auto& [index, name] : anchored.regex->CapturingGroupNames()) {
      anchored.group_names[static_cast<size_t>(index)] = name;
    }
    compiled->rules.push_back(std::move(anchored));
  }
  if (!compiled->anchored->Compile()) {
    return InvalidArgument("the date rules do not compile together (out of memory?)");
  }
  return Status();
}

// Keeps, among overlapping matches, the longest; ties go to the higher
// priority, then the earlier start, then the earlier rule in file order.
// Result is sorted by start. This is the resolution the date rules were
// written against (all anchored matches first, then overlaps resolved); the
// quantity engine (RuleSet::FindAll) resolves overlaps inside its single
// leftmost-longest scan instead, so the function lives here, owned by dates.
std::vector<RuleMatch> ResolveOverlaps(std::vector<RuleMatch> matches) {
  std::stable_sort(matches.begin(), matches.end(),
                   [](const RuleMatch& a, const RuleMatch& b) {
                     if (a.span.size() != b.span.size()) {
                       return a.span.size() > b.span.size();
                     }
                     if (a.rule->priority != b.rule->priority) {
                       return a.rule->priority > b.rule->priority;
                     }
                     if (a.span.start != b.span.start) {
                       return a.span.start < b.span.start;
                     }
                     return a.rule < b.rule;  // file order within one set
                   });
  std::map<size_t, size_t> taken;  // start -> end of accepted spans
  std::vector<RuleMatch> kept;
  for (RuleMatch& m : matches) {
    auto next = taken.lower_bound(m.span.start);
    if (next != taken.end() && next->first < m.span.end) continue;
    if (next != taken.begin() && std::prev(next)->second > m.span.start) {
      continue;
    }
    taken[m.span.start] = m.span.end;
    kept.push_back(std::move(m));
  }
  std::sort(kept.begin(), kept.end(), [](const RuleMatch& a, const RuleMatch& b) {
    return a.span.start < b.span.start;
  });
  return kept;
}

}  // namespace

Result<DateRecognizer> DateRecognizer::Create(const RuleBook& rules) {
  const RuleSet* set = rules.Dimension("date");
  if (set == nullptr) return InvalidArgument("no date rules in " + rules.dir());
  auto compiled = std::make_shared<Compiled>();
  for (const FieldSpec& spec : kFields) {
    if (spec.table.empty()) continue;
    const Table* table = rules.FindTable(spec.table);
    if (table == nullptr) {
      return InvalidArgument("date rules need the table '" + std::string(spec.table) + "'");
    }
    compiled->by_field[std::string(spec.name)] = table;
  }
  const auto* number_words = rules.Lexicon("number_words");
  if (number_words == nullptr) return InvalidArgument("date rules need the lexicon 'number_words'");
  compiled->number_words = ToNumberWords(*number_words);
  const Table* core = rules.FindTable("core_word");
  if (core == nullptr) return InvalidArgument("date rules need the table 'core_word'");
  std::vector<std::pair<std::string, uint8_t>> scan_words;
  for (const auto& [word, value] : core->entries) scan_words.emplace_back(word, ScanWords::kCore);
  for (std::string_view name :
       {"start_word", "number_word", "ordinal_word", "date_mod", "holiday"}) {
    const Table* table = rules.FindTable(name);
    if (table == nullptr) {
      return InvalidArgument("date rules need the table '" + std::string(name) + "'");
    }
    for (const auto& [entry, value] : table->entries) {
      // The first word of the entry: "plus de" starts with "plus".
      size_t end = 0;
      while (end < entry.size() && WordByteLength(entry, end) > 0) ++end;
      if (end > 0) scan_words.emplace_back(entry.substr(0, end), ScanWords::kStart);
    }
  }
  for (const auto& [word, flags] : scan_words) {
    compiled->scan_words.Add(word, flags);
    if (word.empty() || word.size() > kMaxWordBytes) continue;
    compiled->longest_word = std::max(compiled->longest_word, word.size());
    compiled->first_byte_length[static_cast<unsigned char>(word[0])][word.size()] = true;
  }
  for (const Rule& rule : set->rules()) {
    std::string_view kind = SetField(rule, "kind");
    if (!kind.empty() &&
        std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds)) {
      return InvalidArgument(rule.file + ":" + std::to_string(rule.line) + ": " +
                             rule.id + ": unknown date kind '" + std::string(kind) + "'");
    }
  }
  if (Status status = CompileAnchored(*set, compiled.get()); !status.ok()) return status;
  Status error;
  for (const Rule& rule : set->rules()) {
    if (SetField(rule, "yield_to_count") == "true") compiled->yield_to_count.push_back(rule.id);
  }
  compiled->signal = rules.FindTable("signal");
  if (compiled->signal != nullptr) {
    compiled->signal_before =
        CompileDefine(rules, "date_signal", R"((?:^|[^\pL\pN_]))", " *$", &error);
  }
  compiled->past_before =
      CompileDefine(rules, "tense_past_before", R"((?:^|[^\pL\pN_]))", " *$", &error);
  compiled->until_before =
      CompileDefine(rules, "until_before", R"((?:^|[^\pL\pN_])()", ") *$", &error);
  compiled->age_before =
      CompileDefine(rules, "age_before", R"((?:^|[^\pL\pN_]))", " *$", &error);
  compiled->future = CompileDefine(rules, "tense_future", R"((?:^|[^\pL\pN_]))",
                                   R"((?:$|[^\pL\pN_]))", &error);
  if (!error.ok()) return error;
  return DateRecognizer(std::move(compiled));
}

void DateRecognizer::Recognize(std::string_view text, Span range,
                               const DateContext& context,
                               std::vector<Mention>* out) const {
  const Compiled& compiled = *compiled_;
  std::vector<size_t> starts = CandidateStarts(text, range, compiled);
  if (starts.empty()) return;
  std::vector<RuleMatch> matches;
  std::vector<int> hits;
  std::vector<re2::StringPiece> groups;
  for (size_t start : starts) MatchAt(text, start, range.end, compiled, &hits, &groups, &matches);
  if (matches.empty()) return;
  std::optional<bool> future;  // computed once, when a weekday needs it
  std::optional<std::string> last_day;  // YYYY-MM-DD of the last dated mention
  std::optional<std::string> night_end;  // the second day of its night, if any
  const size_t first_mention = out->size();
  std::vector<TimeOfDay> times;  // one per mention of this sentence
  for (const RuleMatch& match : ResolveOverlaps(std::move(matches))) {
    const Rule& rule = *match.rule;
    if (SetField(rule, "emit") == "none") continue;
    Fields fields;
    if (!ReadFields(text, match, compiled, &fields)) continue;
    if (SetField(rule, "kind") == "duration" && IsAge(text, range, match.span, fields, compiled)) {
      continue;
    }
    // "du 13 au 18 janvier" holds its month in the end's fields only.
    const bool yearless_month =
        (fields.count("month") || fields.count(Key(kEndPrefix, "month"))) &&
        !fields.count("year") && !fields.count(Key(kEndPrefix, "year"));
    const bool yearless_quarter =
        (fields.count("quarter") || fields.count("semester")) && !fields.count("year");
    if ((fields.count("weekday") || yearless_month || yearless_quarter) && !future) {
      future = compiled.future != nullptr &&
               re2::RE2::PartialMatch(
                   re2::StringPiece(text.data() + range.start, range.size()),
                   *compiled.future);
    }
    // "la direction a confirmé mardi un plan … qui pourrait …": a past
    // verb right before the weekday outweighs a future elsewhere.
    // ("un sondage publié jeudi" after "le 13 avril", a Thursday ahead:
    // the past verb also outweighs the day the text stated.)
    const bool past_here = fields.count("weekday") &&
                           PastVerbBefore(text, range, match.span, compiled);
    const bool until_here = fields.count("weekday") && !past_here &&
                            UntilAhead(text, range, match.span, compiled);
    auto value = Resolve(rule, fields,
                         Resolver{context, (future.value_or(false) || until_here) && !past_here,
                                  last_day, past_here});
    if (!value) continue;
    const bool had_day = last_day.has_value();
    times.push_back(TimeOfDay{AnchorTime(fields, &last_day, &night_end, &*value), had_day});
    const Span& span = match.span;
    ApplySignal(text, range, span, compiled, context, fields, &*value);
    Mention mention;
    mention.kind = MentionKind::kDate;
    mention.span = span;
    mention.rule = rule.id;
    mention.value = std::move(*value);
    out->push_back(std::move(mention));
  }
  if (times.size() > 1) DayFromNextMention(text, times, out->data() + first_mention);
}

void StateDay(chr::year_month_day day, DateContext* context) {
  if (!context->document_date || !day.ok()) return;
  const long offset =
      (chr::sys_days(day) - chr::sys_days(*context->document_date)).count();
  if (offset < -7 || offset > 7) return;
  context->stated_days |= static_cast<uint16_t>(1u << (offset + 7));
}

bool NamesCalendarPeriod(std::string_view value) {
  return HasCalendarPrefix(value, 4) && value.find('X') == std::string_view::npos;
}

void StateLastDate(std::string_view value, DateContext* context) {
  if (NamesCalendarPeriod(value)) context->last_stated.assign(value);
}

bool DateRecognizer::YieldsToCount(std::string_view rule_id) const {
  const auto& ids = compiled_->yield_to_count;
  return std::find(ids.begin(), ids.end(), rule_id) != ids.end();
}

std::string_view DateGroupTable(std::string_view group) {
  const FieldSpec* spec = FindField(group);
  return spec == nullptr ? std::string_view() : spec->table;
}

}  // namespace claimx
