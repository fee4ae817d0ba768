// PlaceRecognizer: the places a claim happens in ("en Irak et Syrie", "à
// Alep", "au Moyen-Orient", "basée à Londres") and the demonyms that stand
// for a country ("les raids syriens et russes", "des Russes").
//
// Driven by the gazetteers of <rules dir>/gazetteers/ (format in
// docs/rules.md, "Gazetteers"): every *.tsv with the ten gazetteer columns
// (id, name, variants, type, country, admin1, lat, lon, population, source)
// is an entry list, and ambiguity.tsv / ambiguous_generated.tsv hold the
// disambiguation data (cue words, common words that need a cue, phrases that
// are not places, titles and first names).
//
// Matching: Create() builds one hash table from every name and variant,
// folded to a key, to the best entry for that key (and marks every prefix of
// a key at a space, so a run can stop as soon as it leads nowhere).
// At each word token of the range (as Tokenize() cuts them), Recognize()
// extends the key token by token as long as it is a prefix of some name,
// keeping the longest full name (greedy, longest first, left to right:
// linear in the number of tokens times the longest name, at most
// kMaxNameTokens). The table is flat (open addressing) behind a bit filter;
// a word starting in lower case probes a second, small table of the keys a
// lower-case word can start (demonyms, "bande de Gaza"). Most words lead to
// no key: Recognize() cuts the words of ASCII and Latin-1 text itself,
// hashing their folded form as it goes, turns them away with the filter and
// the table's hash tags (and a prefix such as "la" with the next word's),
// and runs the tokenizer only around the rest, with the two tokens before
// them that the context checks read. RecognizeEveryToken() is the same
// matching over every token, the reference that tests compare it with.
//
// Folding (the key of a name and of the text alike): each token is lower-cased
// (Unicode case folding), stripped of diacritics (é -> e, ū -> u) and its
// inner hyphens become spaces, so "Etats-Unis", "États Unis" and "ÉTATS-UNIS"
// share a key; tokens are joined by one space. What folding makes equal,
// the checks below tell apart again:
//   * a place name must start with an upper-case letter in the text ("Nice",
//     not "nice"), unless the gazetteer spells it lower-case ("bande de
//     Gaza"); a surface in capitals of two letters or more ("ONG") matches
//     only a name written in capitals ("DOM");
//   * a `needs_cue` word (a name that is often a common word or a company:
//     "Tours", "Orange", "Nice") is a place only right after a cue word
//     ("à", "en", "de"...); a `common_word` (a name that is also a French
//     word: "Sur", "Milan", "Pékin") needs that cue only where its capital
//     proves nothing, at the start of a sentence, quotation or parenthesis;
//   * a city outside France of fewer than 200 000 inhabitants is a place only
//     after a cue word too, not "en" nor an article: bare, such names are
//     mostly people ("Barroso, le président", "ajoute Hassan", "Marine Le
//     Pen") or bodies ("la Douma", "l'Alliance");
//   * a name right after a title or first name ("M.", "Jean", "colonel") is a
//     person; a capitalized word glued before or after it ("Paris Hilton")
//     makes it part of a longer proper name, unless a cue precedes it (an
//     article is no such cue before a city: "le Lincoln Center"), and so
//     does a `name_continues` word after it ("University of the Ryukyus");
//   * a `not_place` phrase ("Amnesty International", "Paris Saint-Germain")
//     is matched like a name and then dropped, so nothing inside it is a
//     place.
// Demonyms match lower-case or capitalized ("syriens", "les Russes").
//
// When several entries share a key, the one with the highest rank wins:
// hand-kept entries, then countries, then capitals, then French régions,
// then cities and subdivisions by population, French places counting ten
// times their population (French news). Where that is a city and the key
// also names a region, an article before the name ("au Québec", "le
// Québec") picks the region: French puts none before a city.
//
// Thread safety: immutable after Create(); Recognize() is const and may run
// on many threads at once. Copies share the index.
#ifndef CLAIMX_EXTRACTOR_PLACE_H_
#define CLAIMX_EXTRACTOR_PLACE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/mention.h"
#include "extractor/rules.h"
#include "extractor/span.h"
#include "extractor/status.h"

namespace claimx {

// The longest name, in tokens, that the index holds; longer names are
// rejected at load time with their file and line.
inline constexpr size_t kMaxNameTokens = 8;

// The key a name or a run of text tokens is looked up by (see above). Exposed
// for tests and tools.
std::string FoldPlaceKey(std::string_view text);

class PlaceRecognizer {
 public:
  // Loads <rules.dir()>/gazetteers. Fails with kNotFound when the directory
  // or one of its files is missing, and with kInvalidArgument naming the
  // file and line of the first malformed row (wrong column count, bad
  // country code, bad coordinate, duplicate id, unknown policy).
  static Result<PlaceRecognizer> Create(const RuleBook& rules);
  static Result<PlaceRecognizer> Load(const std::string& gazetteer_dir);

  // Appends the place mentions found in text[range] to `out`, with spans into
  // `text` (normalized offsets), sorted by start. `range` should be one
  // sentence: its first word is treated as sentence-initial (its capital
  // proves nothing). Ids are left empty.
  // `names_of_people`, when given, gets the spans of the place names read
  // as a person's or a storm's because a title or first name precedes them
  // ("l'ouragan Sandy", "M. Nice"): the caller may drop the same name
  // elsewhere in the document (DropPlacesNamedAsPeople).
  void Recognize(std::string_view text, Span range, std::vector<Mention>* out,
                 std::vector<Span>* names_of_people = nullptr) const;

  // The same result as Recognize(), computed the plain way: every token of
  // the range from Tokenize(), each word looked up. Recognize() scans the
  // words of plain text itself and calls the tokenizer only around the
  // words that may start a name; tests check that the two agree.
  void RecognizeEveryToken(std::string_view text, Span range, std::vector<Mention>* out,
                           std::vector<Span>* names_of_people = nullptr) const;

  size_t entry_count() const;
  size_t key_count() const;

  struct Index;  // opaque, defined in place.cc

 private:
  explicit PlaceRecognizer(std::shared_ptr<const Index> index)
      : index_(std::move(index)) {}
  std::shared_ptr<const Index> index_;
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_PLACE_H_
