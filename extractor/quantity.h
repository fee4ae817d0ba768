// QuantityRecognizer: the figures a reader would check ("jusqu'à 119
// victimes civiles", "94 000 manifestants", "environ 80% des bombardements",
// "2,5 milliards d'euros", "une dizaine de morts", "un tiers des électeurs").
//
// Driven by rules/fr/quantity.yaml and the word tables of rules/fr/numbers.yaml.
// The rules find the spans; this recognizer turns each match's named groups
// into a QuantityValue (see the group list at the top of quantity.yaml):
// the cardinal (digits, words or both, parsed by ParseFrenchNumber), its
// bound and approximation, its unit (fixed, or looked up in a unit lexicon),
// ranges, fractions and proportions. It then reads the counted noun after the
// figure (entity) and its lemma, with the joiner, stopword and anaphor tables
// of quantity.yaml.
//
// Thread safety: immutable after Create(); Recognize() is const and may run
// on many threads at once.
#ifndef CLAIMX_EXTRACTOR_QUANTITY_H_
#define CLAIMX_EXTRACTOR_QUANTITY_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/mention.h"
#include "extractor/rules.h"
#include "extractor/span.h"
#include "extractor/status.h"
#include "extractor/word_map.h"

namespace claimx {

// Parses a number written in digits the French way: spaces or dots group
// thousands ("94 000", "1.787.000"), a comma marks decimals ("2,5",
// "1 787,5"). Returns nullopt for anything else ("49.3": a dot that does not
// group exactly three digits is not French; "0.200": no thousands group
// follows a zero) and for more than 15 integer digits (past what a double
// holds exactly: a code, not a figure). QuantityRecognizer::Evaluate reads
// a decimal point itself, beside a unit or a scale word only.
std::optional<double> ParseFrenchDigits(std::string_view literal);

// figure * scale, rounded to the whole number it stands for when the
// binary product misses it by rounding error ("66,6 millions": 66 600 000).
double Scaled(double figure, double scale);

// Word -> value table of French number words (rules/fr/numbers.yaml,
// lexicon `number_words`).
using NumberWords = std::map<std::string, double, std::less<>>;

// The rule book's lexicon `number_words` (word -> value as written) as the
// table ParseFrenchNumber reads; a value that is no number reads as 0.
NumberWords ToNumberWords(const std::map<std::string, std::string>& lexicon);

// Parses a French cardinal in words, digits or both: "huit", "dix-sept",
// "vingt et un", "quatre-vingt-dix-neuf", "deux cents", "trois millions",
// "2,5 milliards". Returns nullopt for sequences that are not one number
// ("deux trois", "cent cent") or unknown words.
std::optional<double> ParseFrenchNumber(std::string_view text,
                                        const NumberWords& words);

// The lemma of a counted noun phrase: each word singular (drops a plural -s
// or -x, -aux -> -al), except the words listed in `exceptions` and an
// elided complement ("chiffre d'affaires" stays).
std::string EntityLemma(std::string_view entity,
                        const std::map<std::string, std::string>& exceptions);

// A cheap test run before the rules on each sentence: could it hold a
// quantity at all? Every quantity rule needs a digit or a word of the
// recognizer's tables other than "un"/"une" (a number word, a collective or
// fraction noun, or the first word of a unit: "un an" has "an"), since "un"
// alone is an article. The words are kept as 64-bit hashes of their
// ASCII-lower-cased bytes in an open-addressing table: a collision only
// costs a sentence the full scan, never a missed quantity. One pass over the
// bytes, no allocation. A word is hashed only when some table word has its
// first (lower-cased) byte and its length: the prefilter cost as much as
// the RE2 scan it saves when it hashed every word.
class QuantityPrefilter {
 public:
  void AddWord(std::string_view word);
  bool MayHoldQuantity(std::string_view sentence) const;

 private:
  // Lengths past this share the last bit of the gate.
  static constexpr size_t kGateLengths = 32;
  bool Contains(uint64_t hash) const;
  bool MayBeTableWord(unsigned char first, size_t length) const {
    return (first_byte_lengths_[first] >> std::min(length, kGateLengths - 1)) & 1;
  }
  std::vector<uint64_t> slots_ = std::vector<uint64_t>(1024, 0);
  size_t size_ = 0;
  size_t max_length_ = 0;
  // Bit n of entry b: some word starts with byte b (lower-cased) and has n
  // bytes.
  std::array<uint32_t, 256> first_byte_lengths_{};
};

class QuantityRecognizer {
 public:
  // Fails when the rule book has no "quantity" rules, a rule lacks the
  // `number` (or `low`/`high`) group, or a table it needs is missing.
  static Result<QuantityRecognizer> Create(const RuleBook& rules);

  // Appends the quantity mentions found in text[range] to `out`, with spans
  // into `text` (normalized offsets), in text order. Ids are left empty; the
  // annotator numbers mentions once all dimensions are in.
  void Recognize(std::string_view text, Span range,
                 std::vector<Mention>* out) const;

 private:
  using Table = std::map<std::string, std::string>;
  // The rule book's lexicons that are looked up once or more per match,
  // copied into hash tables (word_map.h): a sorted map's string compares
  // were a tenth of the recognizer's time.
  using Lexicon = WordMap<std::string>;
  struct Tables {
    NumberWords number_words;
    Lexicon bound_modifiers;
    Lexicon approx_modifiers;
    Lexicon approx_nouns;
    Lexicon fraction_nouns;
    Lexicon added_fractions;  // "et demi" -> 0.5, group `plus_fraction`
    const Table* entity_joiners = nullptr;  // walked in order, not looked up
    Lexicon entity_stopwords;
    Lexicon entity_anaphors;
    Lexicon figure_subject_verbs;  // "300 étaient mineurs": a part of a noun said before
    const Table* lemma_exceptions = nullptr;
    std::vector<Lexicon> unit_lexicons;  // RuleFields::unit_lexicon indexes it
    Lexicon per_units;                   // "par mois" -> "mo", for group `per`
    Lexicon number_scales;               // "millions" -> 1e6, a range's shared scale
    Lexicon symbol_scales;               // "M" in "10 M€" -> 1e6
  };
  // What a rule's `set` says, read once at Create rather than from its map
  // of strings at every match. Indexes, not pointers, so that a copy of
  // the recognizer (Annotator::Clone) reads its own tables.
  struct RuleFields {
    std::optional<Bound> bound;
    bool approx = false;
    std::optional<std::string> unit;
    std::optional<size_t> unit_lexicon;  // into Tables::unit_lexicons, when set
    bool measure_units = false;          // unit_lexicon: measure_units
  };

  QuantityRecognizer(const RuleSet* rules, Tables tables, std::vector<RuleFields> fields,
                     QuantityPrefilter prefilter)
      : rules_(rules),
        tables_(std::move(tables)),
        fields_(std::move(fields)),
        prefilter_(std::move(prefilter)) {}

  // The fields of a rule of rules_ (by its place in rules_->rules()).
  const RuleFields& FieldsOf(const Rule& rule) const {
    return fields_[static_cast<size_t>(&rule - rules_->rules().data())];
  }

  std::optional<QuantityValue> Evaluate(const RuleMatch& match,
                                        std::string_view text) const;
  // The counted noun after `end` in text[.., range.end), if any. With
  // `after_joiner`, only a noun after "de", "des"... ("48 % des voix", "3
  // tonnes de drogue"): right after a percentage or a measure comes a verb
  // or a participle ("81 mm venu d'un quartier", "+1,2 % puis reculé").
  std::optional<std::string> FindEntity(std::string_view text, size_t end, size_t range_end,
                                        bool after_joiner = false) const;
  // "de 1,5 et 0,41 masses solaires", "3 ou 4 morts", "2 000 des 3 550
  // soldats": a figure without a noun, right before "et"/"ou"/"des" and a
  // figure with one in the same unit, counts that noun too; "de 18, 24 et
  // 26 ans", "3 ou 4 euros": a bare figure not scaled already ("2,5
  // milliards et 0,8 point"), right before ", "/"et"/"ou" and a figure
  // with a unit, takes the unit. Walks mentions[0, count) from the end, so
  // a run of figures takes the last one's noun or unit.
  void ShareEntityForward(std::string_view text, Mention* mentions, size_t count) const;
  // Whether the word right after a figure ending at `end` (before `limit`)
  // is in figure_subject_verbs: "300 étaient mineurs", "12 d'entre elles".
  bool SubjectOfVerb(std::string_view text, size_t end, size_t limit) const;
  // The noun of the last "nombre de X" in text[range_start, start), and
  // at most 160 bytes before `start`, if any: "Le nombre de demandeurs
  // d'emploi a reculé …, à 3,02 millions" counts demandeurs.
  std::optional<std::string> NumberOfBefore(std::string_view text, size_t range_start,
                                            size_t start) const;

  const RuleSet* rules_;
  Tables tables_;
  std::vector<RuleFields> fields_;  // parallel to rules_->rules()
  QuantityPrefilter prefilter_;
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_QUANTITY_H_
