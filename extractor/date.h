// DateRecognizer: dates, times, durations and sets ("en août 2014",
// "mercredi", "il y a plus de deux ans", "les douze derniers mois", "à 14h30",
// "chaque mardi"), with TIMEX3-style values resolved against the document
// date.
//
// Driven by the rules of dimension "date" (rules/fr/date.yaml) and by typed
// tables (month and weekday names, number words, units, modifiers...). A rule
// says WHAT it found through the names of its capture groups; the recognizer
// reads each group's text (digits, or a word looked up in the group's table)
// and resolves the whole:
//
//   year month day weekday hour minute   calendar fields (digits or table words)
//   rel_day                               hier/demain: days from the document date
//   unit shift count                      "la semaine dernière", "deux ans"
//   part_of_day season quarter semester   TMO/TEV..., SP/SU..., Q1..., H1...
//   decade century                        "les années 1990" -> 199, "XIXe siècle" -> 18
//   mod                                   début/fin/mi-/vers... -> START/END/MID/APPROX
//   end_<field>                           the second end of an interval
//   span                                  the reported evidence, when the rule
//                                         needs context it does not report ("en 2014")
//
// A rule's `set` may give any of those fields a fixed value
// (`set: {month: "7", day: "14"}` for "le 14-Juillet"), and `kind`:
//   point (default)  a calendar point or period
//   duration         P<count><unit>
//   ago, in          the document date shifted back/forward by count units
//   last_n           "les douze derniers mois": a duration anchored at the
//                    document date (the range says where)
//   set              a recurrence ("chaque mardi" -> XXXX-WXX-2, type set)
//   anaphoric        "cette année-là", "ce jour-là": the period of that unit
//                    holding the last date an earlier sentence stated
//                    (DateContext::last_stated); nothing when none did.
//                    With a `shift` in days ("le lendemain", "la veille"):
//                    the day that far from the last day stated, earlier in
//                    the sentence or else in an earlier one
//
// After a rule matches, the words just before the mention are matched against
// the define `date_signal` (its group `signal` is looked up in the `signal`
// table): "depuis" gives the mention a range ending at the document date,
// "avant"/"après"/"vers" give its mod. Signals are not part of the span, as in
// TimeML.
//
// Speed: an RE2::Set of all the rules run unanchored over a sentence blows up
// (its DFA states multiply with the rules' optional prefixes), so matching is
// anchored instead. Every date holds a "core": a digit or a word of the
// `core_word` table (month, weekday, unit, hier...). A byte scan finds the
// cores; the words up to 40 bytes before each core that may begin a date
// (digits, cores, the `start_word` table and the first words of the
// number_word, ordinal_word, date_mod and holiday tables) are the candidate
// starts, where one anchored RE2::Set says which rules match and those rules
// alone are run for their groups. Rules are word-bounded (a `boundary: none`
// date rule is refused); a rule without a core, or beginning with a word that
// cannot start a date, never matches, which its examples show at
// `claimx rules check`. Still far from 150 MB/s: see docs/bench/README.md.
//
// Bad input: impossible calendar values ("le 31 février", "le 99 mars",
// "à 25h") are not emitted; years are bounded to four digits by the rules and
// checked again here. Work per sentence is linear in its length (RE2).
//
// Thread safety: immutable after Create(); Recognize() is const and may run on
// many threads at once.
#ifndef CLAIMX_EXTRACTOR_DATE_H_
#define CLAIMX_EXTRACTOR_DATE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "extractor/mention.h"
#include "extractor/rules.h"
#include "extractor/span.h"
#include "extractor/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace claimx {

// What relative dates are resolved against.
struct DateContext {
  // The publication date; without it relative dates keep unknown parts
  // ("XXXX-07-14") and relative days are not emitted.
  std::optional<std::chrono::year_month_day> document_date;
  // Days within a week of the document date that the text stated with a
  // day number before the current sentence ("une opération sera menée
  // samedi 29 mai"): bit offset + 7 for document_date + offset days,
  // offset -7..7 (see StateDay). A bare weekday outside the future tense
  // is the last such day, unless the next one was stated and the last one
  // was not ("Rendez-vous est fixé samedi à 8 h"). The annotator fills it
  // sentence after sentence; 0 when nothing is known.
  uint16_t stated_days = 0;
  // The value of the last date of an earlier sentence that names a
  // calendar period ("2006", "1962-07-05", "2016-11"; not a duration, a
  // set or a value with unknown parts), for "cette année-là" (kind
  // anaphoric). The annotator fills it with StateLastDate.
  std::string last_stated;
};

// Whether a TIMEX3 value names a calendar period: it starts with a year
// ("2006", "2016-W45", "2016-11-10T14:00") and has no unknown part; not a
// duration ("P3Y"), a set ("XXXX-WXX-2"), a decade ("201") or PRESENT_REF.
bool NamesCalendarPeriod(std::string_view value);

// Records `value` as DateContext::last_stated when NamesCalendarPeriod;
// other values leave it as is.
void StateLastDate(std::string_view value, DateContext* context);

// Records in `context` a day the text states with a day number (see
// DateContext::stated_days); days more than a week from the document date
// are ignored.
void StateDay(std::chrono::year_month_day day, DateContext* context);

// "2016-11-10" -> that day; nullopt unless a real calendar date YYYY-MM-DD.
std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view date);

// The table a date rule's group is read through ("month" -> "month", "day"
// -> "ordinal_word", "end_month" -> "month"); empty when the group takes
// digits only or is not a date field. For `claimx explain`.
std::string_view DateGroupTable(std::string_view group);

class DateRecognizer {
 public:
  // Fails when the rule book has no "date" rules, a table the recognizer
  // needs is missing, a rule uses an unknown `kind`, or the `date_signal` /
  // `tense_future` defines do not compile.
  static Result<DateRecognizer> Create(const RuleBook& rules);

  // Appends the date mentions found in text[range] (one sentence) to `out`,
  // spans into `text` (normalized offsets), sorted by start, ids empty.
  void Recognize(std::string_view text, Span range, const DateContext& context,
                 std::vector<Mention>* out) const;

  // Whether the rule with this id yields to a count: its `set` says
  // `yield_to_count: "true"` (fr.date.bare_year). The annotator drops such a
  // date where a quantity on the same figure counts something ("2000
  // manifestants"), and keeps it over one that does not ("la saison
  // touristique 2012").
  bool YieldsToCount(std::string_view rule_id) const;

  struct Compiled;  // tables and automata, shared by copies

 private:
  explicit DateRecognizer(std::shared_ptr<const Compiled> compiled)
      : compiled_(std::move(compiled)) {}
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_DATE_H_
