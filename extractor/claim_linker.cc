#include "extractor/claim_linker.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <map>
#include <optional>
#include <set>

namespace claimx {

namespace {

constexpr size_t kMaxAdverbsAfterAuxiliary = 3;  // "a pour sa part estimé"
constexpr size_t kMaxSkipWords = 3;              // "de son côté"
constexpr size_t kMaxEntities = 256;             // coreference memory
constexpr size_t kMaxFragmentWords = 8;          // «...» shorter: a fragment
constexpr size_t kMaxSettingWords = 6;           // "lors d'une conférence de presse"
constexpr size_t kMaxSettings = 4;               // "dimanche soir sur BFM TV"
constexpr size_t kMaxPrepositionTokens = 3;      // "à l'issue", "à l'occasion"
constexpr size_t kMaxDatelineTokens = 24;        // "PARIS, 3 mars 2016 (AFP) -"
constexpr size_t kMaxSpeakerNameTokens = 10;     // "le colonel John J. Thomas"
constexpr size_t kMaxSaidNounModifierTokens = 5;  // "selon les explications à l'AFP de X"
// Reported speech nested in a statement ("X estime que Y affirme que …"),
// at most: a statement ends before the verb cue after that many, so that
// "X estime que M affirme que M affirme que …" stays linear in output.
constexpr size_t kMaxNestedVerbCues = 8;
// People remembered last, read for one named after a forward pronoun in
// its own sentence.
constexpr size_t kMaxForwardLookback = 16;

struct Cue {
  Span span;
  std::string lemma;
  std::string rule;        // fr.source.* for non-verbal cues, empty for verbs
  size_t first_token = 0;  // token indices in the sentence
  size_t end_token = 0;    // one past the cue
  std::optional<Gender> inverted;  // "a-t-il", "poursuit-elle"
  bool participle = false;
  bool gerund = false;  // "en affirmant", ", affirmant"
  bool narrative = false;  // "Et d'ajouter : « … »": the last speaker goes on
  // "Et le procureur de détailler que …": a narrative infinitive with its
  // own subject, tokens [1, narrative_subject_end).
  size_t narrative_subject_end = 0;
  // "à son avis", "à l'en croire": the cue's own possessive or object
  // pronoun is the source (the rule's `speaker` field: its gender code).
  std::optional<Gender> speaker_pronoun;
};

struct Entity {
  std::string name;
  std::string type;
  std::optional<std::string> role;
  std::optional<std::string> alias;
  Gender gender = Gender::kUnknown;
  size_t paragraph = 0;  // where the article last named it
  std::string head = {};  // the source noun it was named with ("agence")
  // An unnamed group seen as a subject ("Quelques associations étudiantes
  // ont manifesté"), kept for "ces associations" (ByHead) only: pronouns
  // and titles look for who has spoken or been named. From later
  // sentences only: in its own, the phrase is its own speaker.
  bool described = false;
  size_t named_at = 0;  // where the phrase that named it starts
  // Named as a clause's subject or as a speaker, not in an object or a
  // complement: what a pronoun of the next sentence most likely means.
  bool subject = false;
  // The country its role names, by name or demonym ("président des
  // États-Unis", "président américain": US), ISO 3166-1.
  std::optional<std::string> role_country = std::nullopt;
  // Remembered again where "le premier" or "le second" spoke of it: a
  // pronoun next sees it, OneOfLastTwo does not (a pair's order is where
  // the text named the two).
  bool by_ordinal = false;
  // Has been the source of a claim (RecordSource), not only named.
  bool spoke = false;
};

bool IsDemonstrative(std::string_view word) {
  return word == "ce" || word == "cet" || word == "cette";
}

std::string_view LastWord(std::string_view name) {
  size_t space = name.rfind(' ');
  return space == std::string_view::npos ? name : name.substr(space + 1);
}

// Whether `full` is a longer name ending with the words of `surname`:
// "Marine Le Pen" and "Le Pen" or "Pen", not "Lepen".
bool EndsWithSurname(std::string_view full, std::string_view surname) {
  return full.size() > surname.size() + 1 &&
         full.substr(full.size() - surname.size()) == surname &&
         full[full.size() - surname.size() - 1] == ' ';
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Whether `word` starts with an ASCII or a Latin-1 capital (C3 80..9E).
bool StartsWithCapital(std::string_view word) {
  if (word.empty()) return false;
  return IsUpperAscii(word[0]) || (static_cast<unsigned char>(word[0]) == 0xC3 &&
                                   word.size() > 1 &&
                                   static_cast<unsigned char>(word[1]) <= 0x9E);
}

// Whether a word of `name` after the first starts with a capital:
// "ministère de la Santé" names a body, "associations étudiantes"
// describes one.
bool HasNamedComplement(std::string_view name) {
  for (size_t space = name.find(' '); space != std::string_view::npos;
       space = name.find(' ', space + 1)) {
    if (StartsWithCapital(name.substr(space + 1))) return true;
  }
  return false;
}

// A lower-case infinitive by its ending ("porter", "être", "finir",
// "devoir", "prendre", "dire", "suivre"); a few nouns share the endings
// ("premier", "ordre"), but rarely right after a reporting verb's "de".
bool LooksLikeInfinitive(std::string_view lower) {
  static constexpr std::string_view kEndings[] = {"er", "ir", "dre", "tre", "ire", "vre"};
  if (lower.size() < 4) return false;
  for (std::string_view ending : kEndings) {
    if (lower.substr(lower.size() - ending.size()) == ending) return true;
  }
  return false;
}

// An ASCII digit or punctuation byte ("« 12 morts »", "« … »"): a quote
// opening so is neither a sentence's start nor a complement by its case.
bool IsDigitOrPunct(char c) {
  return (c >= '0' && c <= '9') || (c >= '!' && c <= '/') || c == '.' ||
         static_cast<unsigned char>(c) == 0xE2;  // "…", dashes, inner quotes
}

// "ONU", "CMS", "ALN": two capitals first.
bool LooksLikeAcronym(std::string_view name) {
  return name.size() >= 2 && IsUpperAscii(name[0]) && IsUpperAscii(name[1]);
}

bool IsSentencePunct(char c) {
  return c == '.' || c == '!' || c == '?' || c == ' ' || c == '\n' || c == ';' ||
         c == ':' || c == ',';
}

// Values by index that can be lowered one at a time, asked for "which of
// [lo, hi) are at least x" in O((k + 1) log n) for k answers: a max tree.
class MaxTree {
 public:
  explicit MaxTree(const std::vector<size_t>& values) : leaves_(1) {
    while (leaves_ < values.size()) leaves_ *= 2;
    max_.assign(2 * leaves_, 0);
    std::copy(values.begin(), values.end(), max_.begin() + static_cast<ptrdiff_t>(leaves_));
    for (size_t node = leaves_; node-- > 1;) max_[node] = std::max(max_[2 * node], max_[2 * node + 1]);
  }

  void Set(size_t i, size_t value) {
    size_t node = leaves_ + i;
    max_[node] = value;
    for (node /= 2; node > 0; node /= 2) max_[node] = std::max(max_[2 * node], max_[2 * node + 1]);
  }

  // Calls visit(i) for each i in [lo, hi) whose value is >= x, in
  // increasing order; visit may Set(i, ...).
  template <typename Visit>
  void ForEachAtLeast(size_t lo, size_t hi, size_t x, Visit&& visit) {
    Descend(1, 0, leaves_, lo, hi, x, visit);
  }

 private:
  // Recursion depth is the tree's height, log2 of the size.
  template <typename Visit>
  void Descend(size_t node, size_t first, size_t end, size_t lo, size_t hi, size_t x,
               Visit& visit) {
    if (end <= lo || hi <= first || max_[node] < x) return;
    if (end - first == 1) {
      visit(first);
      return;
    }
    const size_t middle = first + (end - first) / 2;
    Descend(2 * node, first, middle, lo, hi, x, visit);
    Descend(2 * node + 1, middle, end, lo, hi, x, visit);
  }

  size_t leaves_;
  std::vector<size_t> max_;
};

}  // namespace

// The form of an inverted verb the lexicon does not know, after a quote
// ("sourit-il"); its lemma is the verb as written.
const VerbForm& UnknownInvertedVerb() {
  static const VerbForm* const form = new VerbForm{"", true, false, false, false};
  return *form;
}

std::string ClaimRuleForCue(std::string_view cue_rule) {
  size_t dot = cue_rule.rfind('.');
  return "fr.claim." + std::string(cue_rule.substr(dot + 1));
}

// One article's linking: the coreference memory and the output.
class LinkPass {
 public:
  LinkPass(const ClaimLinker& linker, std::string_view text, const std::vector<Span>& paragraphs,
           const std::vector<Quote>& quotes, const std::vector<Mention>& mentions)
      : linker_(linker), g_(linker.grammar_), text_(text), paragraphs_(paragraphs),
        quotes_(quotes), mentions_(mentions) {
    for (const Mention& m : mentions_) {
      if (m.kind == MentionKind::kQuantity) quantities_.push_back(m.span);
      if (m.kind == MentionKind::kDate) {
        dates_.push_back(m.span);
        if (std::get<DateValue>(m.value).type == "duration") durations_.push_back(m.span);
      }
      if (m.kind == MentionKind::kPlace) {
        const auto& place = std::get<PlaceValue>(m.value);
        (place.type == "demonym" ? demonyms_ : places_).push_back(m.span);
        if (place.type == "country" || place.type == "city") {
          towns_and_countries_.push_back(&m);
          longest_town_or_country_ = std::max(longest_town_or_country_, m.span.size());
        }
        if ((place.type == "demonym" || place.type == "country") && place.country) {
          nations_.push_back({m.span, *place.country});
        }
      }
    }
    auto by_start = [](const Span& a, const Span& b) { return a.start < b.start; };
    std::sort(nations_.begin(), nations_.end(),
              [&](const Nation& a, const Nation& b) { return by_start(a.span, b.span); });
    std::sort(quantities_.begin(), quantities_.end(), by_start);
    std::sort(dates_.begin(), dates_.end(), by_start);
    std::sort(durations_.begin(), durations_.end(), by_start);
    std::sort(places_.begin(), places_.end(), by_start);
    std::stable_sort(towns_and_countries_.begin(), towns_and_countries_.end(),
                     [](const Mention* a, const Mention* b) { return a->span.start < b->span.start; });
    std::sort(demonyms_.begin(), demonyms_.end(), by_start);
  }

  // `paragraph` is the index of the sentence's paragraph.
  void Sentence(Span sentence, size_t paragraph) {
    sentence_starts_.push_back(sentence.start);
    previous_sentence_ = sentence_;
    previous_paragraph_ = paragraph_;
    sentence_ = sentence;
    paragraph_ = paragraph;
    tokens_ = Tokenize(text_, sentence);
    SkipDateline();
    // Each token folded once: the rules below look at the same words often.
    lower_.clear();
    lower_copies_.clear();
    for (const Token& t : tokens_) {
      // Most tokens are their own key (lower-case words, punctuation): a
      // view of the text, no copy.
      const std::string_view word = t.span.Of(text_);
      if (IsLatin1LexiconKey(word)) {
        lower_.push_back(word);
      } else {
        lower_.push_back(lower_copies_.emplace_back(LowerWord(word)));
      }
    }
    const size_t claims_before = out_.claims.size();
    RememberPeople();
    std::vector<Cue> cues = NonVerbalCues();
    std::vector<Cue> verbs = VerbalCues();
    AddVerbsOutside(&cues, verbs);
    std::sort(cues.begin(), cues.end(),
              [](const Cue& a, const Cue& b) { return a.span.start < b.span.start; });
    cues_ = std::move(cues);
    last_verb_cue_start_ = 0;
    // For each cue, the last verb cue before it that is no gerund
    // (SubjectOfPreviousVerb), found once per sentence: looking back per
    // cue made a sentence of gerunds quadratic.
    previous_verb_cue_.assign(cues_.size(), kNoCue);
    for (size_t i = 0, last = kNoCue; i < cues_.size(); ++i) {
      previous_verb_cue_[i] = last;
      const Cue& cue = cues_[i];
      if (cue.rule.empty()) last_verb_cue_start_ = std::max(last_verb_cue_start_, cue.span.start);
      if (cue.rule.empty() && !cue.gerund) last = i;
    }
    // For each cue, the first gerund at or after it that ends an earlier
    // cue's content (ContentEnd), and the memory of the cuts that later
    // cues make: a scan of the later cues per cue made a sentence of cues
    // quadratic.
    next_gerund_cue_.assign(cues_.size() + 1, kNoCue);
    for (size_t i = cues_.size(); i-- > 0;) {
      const Cue& cue = cues_[i];
      const bool cuts = cue.gerund && cue.rule.empty() && !InsideQuote(cue.span);
      next_gerund_cue_[i] = cuts ? i : next_gerund_cue_[i + 1];
    }
    cut_by_.assign(cues_.size(), kUnknownCut);
    first_cut_from_.assign(cues_.size(), kUnknownCut);
    // The colons that open a quote (BeforeColonQuote).
    colon_quotes_.clear();
    for (size_t k = 0; k + 1 < tokens_.size(); ++k) {
      if (Word(k) == ":" && QuoteOpeningAt(k + 1) != nullptr) colon_quotes_.push_back(k);
    }
    // The verb cues outside quotes, to find the one that ends a
    // statement's nesting (ContentEnd).
    verb_cues_.clear();
    for (size_t i = 0; i < cues_.size(); ++i) {
      if (cues_[i].rule.empty() && !InsideQuote(cues_[i].span)) verb_cues_.push_back(i);
    }
    sentence_claims_ = out_.claims.size();
    for (const Cue& cue : cues_) {
      if (InsideQuote(cue.span)) {
        LinkIncise(cue);
        continue;
      }
      if (cue.rule.empty()) {
        LinkVerb(cue);
      } else {
        LinkNonVerbal(cue);
      }
    }
    if (out_.claims.size() == claims_before) LinkSpeechNounAfter();
    if (out_.claims.size() == claims_before) LinkNameColonQuote();
    if (out_.claims.size() == claims_before) LinkDashAttribution();
    if (out_.claims.size() == claims_before) LinkSubjectQuote();
    if (out_.claims.size() == claims_before) LinkAssertiveColon();
    if (out_.claims.size() == claims_before) LinkQuoteColonSpeaker();
    if (out_.claims.size() == claims_before) NoteContextQuote();
  }

  // Appends to the non-verbal `cues` the `verbs` that do not end inside
  // one of them: "…, a appris BFMTV auprès du parquet" is that cue's verb,
  // not one of its own; "a pour sa part indiqué", around "pour", is. By
  // the cues' furthest end so far, in start order: a sentence of many of
  // both stays linear.
  static void AddVerbsOutside(std::vector<Cue>* cues, const std::vector<Cue>& verbs) {
    if (cues->empty()) {  // most sentences
      cues->insert(cues->end(), verbs.begin(), verbs.end());
      return;
    }
    std::vector<Span> spans;
    for (const Cue& cue : *cues) spans.push_back(cue.span);
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    std::vector<size_t> furthest(spans.size());
    for (size_t i = 0; i < spans.size(); ++i) {
      furthest[i] = std::max(spans[i].end, i > 0 ? furthest[i - 1] : 0);
    }
    for (const Cue& verb : verbs) {
      const auto after = std::lower_bound(
          spans.begin(), spans.end(), verb.span.end,
          [](const Span& span, size_t end) { return span.start < end; });
      const size_t before = static_cast<size_t>(after - spans.begin());
      if (before > 0 && furthest[before - 1] >= verb.span.end) continue;
      cues->push_back(verb);
    }
  }

  // The first token from `from` that opens a quote (the tokens are the
  // sentence's), or the last token when none does.
  size_t FirstQuoteToken(size_t from) const {
    size_t k = from;
    while (k < tokens_.size() && tokens_[k].span.start < sentence_.end && !QuoteOpeningAt(k)) ++k;
    return std::min(k, tokens_.empty() ? 0 : tokens_.size() - 1);
  }

  // "Tony Blair est « heureux d'annoncer … »", "La chaîne met « tout en
  // œuvre … »": no cue, but the sentence's subject is a source and its
  // predicate quotes words of it (a clause of 3 words or more in lower
  // case, not a quoted name or term).
  //
  // The quote may open the predicate itself ("La ministre « souhaite un
  // accord … »", "Il « ne compte pas démissionner … »"); a pronoun subject
  // is resolved as any pronoun speaker.
  void LinkSubjectQuote() {
    // Every claim below quotes words opened inside the sentence: without
    // a quote there, none of the phrases need parsing (most sentences).
    if (!HasQuoteStartingWithin(sentence_)) return;
    // The subject opens the sentence, or follows a fronted phrase ("Dans
    // une lettre signée de sa main, Tony Blair est « heureux … »").
    size_t subject = 0;
    // "Interrogé sur ce point, Bruno Retailleau a botté en touche : « … »":
    // a participle opening the sentence is a fronted phrase, not a name.
    auto phrase = IsWord(0) && LooksLikeParticiple(Lower(0)) && !g_.FirstNameGender(Lower(0))
                      ? std::nullopt
                      : Parse(0, PhraseEnd(0));
    if (!phrase) {
      while (subject < tokens_.size() && subject < kMaxSubjectTokens && Word(subject) != ",") {
        ++subject;
      }
      if (subject + 1 >= tokens_.size() || Word(subject) != ",") return;
      ++subject;
      phrase = Parse(subject, PhraseEnd(subject));
      // "Dans une déclaration de la Présidence du Conseil, qui est occupée
      // en mai par les Etats-Unis, le Conseil « exprime … »", "Mardi, dans
      // les colonnes de la Tribune, Didier Fischer, le président du club,
      // faisait son mystérieux : « … »": a fronted phrase with commas of
      // its own; the subject follows the first comma before the quote
      // where a phrase can be read.
      if (!phrase) {
        const size_t quote = FirstQuoteToken(subject);
        // (The part right after the first comma, at `subject`, read none.)
        for (size_t comma = subject + 1; comma < quote && !phrase; ++comma) {
          if (Word(comma - 1) != "," || quote - comma > kMaxSubjectTokens) continue;
          if (auto next = Parse(comma, PhraseEnd(comma))) {
            subject = comma;
            phrase = std::move(next);
          }
        }
      }
    }
    // "Réaction du ministre : « … »": a speech noun names no one
    // (LinkNameColonQuote gives the quote to its complement).
    if (phrase && IsWord(subject) && g_.IsSpeechNoun(Lower(subject))) return;
    const bool pronoun = phrase && phrase->reference == SourcePhrase::Reference::kPronoun;
    // "Le ministre de la Santé a été clair : « … »": a definite title.
    const bool title = phrase && phrase->reference == SourcePhrase::Reference::kRoleOnly &&
                       phrase->definite;
    if (!phrase || (phrase->reference != SourcePhrase::Reference::kNamed && !pronoun && !title) ||
        (phrase->type == "anonymous" && !title) || phrase->type == "document") {
      return;
    }
    size_t after = TokenAtOrAfter(phrase->span.end);
    // "Le directeur du musée, Henri Loyrette, y voit « … »": the comma
    // closing the name in apposition.
    if (after + 1 < tokens_.size() && Word(after) == "," &&
        phrase->span.Of(text_).find(',') != std::string_view::npos) {
      ++after;
    }
    if (after >= tokens_.size()) return;
    // "La CGT, premier syndicat de France, « dénonce … »": an apposition
    // between commas, then the quote.
    after = PastAppositionBeforeQuote(after);
    // "La chaîne met « tout en œuvre … »": a lower-case word right before
    // the quote is the verb, even one the phrase took for an adjective.
    bool verb_before_quote = false;
    if (!pronoun) {
      if (after >= subject + 2 && QuoteOpeningAt(after) && IsLowerVerbLike(after - 1)) {
        auto shorter = Parse(subject, after - 1);
        if (shorter && shorter->reference == SourcePhrase::Reference::kNamed &&
            TokenAtOrAfter(shorter->span.end) == after - 1) {
          phrase = shorter;
          --after;
          verb_before_quote = true;
        }
      } else {
        // "Henri Loyrette y voit « … »": object clitics before the verb;
        // "Gérard Larcher se veut le « garant … »": a determiner after it.
        size_t verb = after;
        while (IsWord(verb) && g_.IsSubjectClitic(Word(verb))) ++verb;
        size_t quoted = verb + 1;
        if (quoted < tokens_.size() && IsWord(quoted) && g_.IsDeterminer(Lower(quoted))) ++quoted;
        verb_before_quote = quoted < tokens_.size() && QuoteOpeningAt(quoted) &&
                            IsLowerVerbLike(verb);
      }
    }
    const Quote* opening = QuoteOpeningAt(after);
    const bool quote_opens = opening && IsClauseQuote(*opening);
    // "Indépendant depuis 2007, …": no verb, no quote after the phrase. A
    // pronoun only with the quote right after it: "Il est le conférencier
    // du thème « … »" quotes a title, not his words. A name, whatever its
    // verb, with a quote after a colon ending the sentence: "Jean Dupont ne
    // décolère pas : « … »".
    // "Il se veut prudent : « L'épidémie n'est pas vaincue. »": a pronoun
    // too, with a sentence quoted after the colon, and not "il faut", "il
    // y a" (impersonal).
    const bool pronoun_colon =
        pronoun && !quote_opens && ColonQuoteEnds(after) &&
        !g_.StartsImpersonally(text_.substr(tokens_[after].span.start,
                                            sentence_.end - tokens_[after].span.start));
    // "Il reste « convaincu de … »", "Elle s'est montrée « très prudente
    // … »": a linking verb, then its quoted attribute.
    const bool pronoun_copula = pronoun && !quote_opens && CopulaBeforeClauseQuote(after);
    if (pronoun ? !quote_opens && !pronoun_colon && !pronoun_copula
                : !StartsPredicate(after) && !quote_opens && !verb_before_quote &&
                      !(phrase->proper_name && ColonQuoteEnds(after))) {
      return;
    }
    if (pronoun && opening && g_.StartsImpersonally(opening->content.Of(text_))) return;
    // "La France a « … »": a rubric; not "L'Union syndicale des
    // magistrats « déplore … »", a known body whose name holds a place.
    if (PlaceWithin(subject, TokenAtOrAfter(phrase->span.end)) &&
        !g_.IsOrganizationName(LowerWord(phrase->alias.value_or(phrase->name)))) {
      return;
    }
    if (PassiveAt(after)) return;
    const Span predicate{tokens_[after].span.start, sentence_.end};
    // The first quote inside the predicate, from a binary search (reading
    // the article's quotes from the first made it quadratic).
    // "X refuse d'employer le terme de « grève générale » : « … »": a
    // quote after a colon that ends the sentence beats a term quoted
    // before it.
    const Quote* quote = nullptr;
    for (auto it = std::lower_bound(quotes_.begin(), quotes_.end(), predicate.start,
                                    [](const Quote& q, size_t p) { return q.span.start < p; });
         it != quotes_.end() && it->span.start < predicate.end; ++it) {
      // "X se veut bon joueur : « C'est un succès. Cela prouve … »": a
      // quote after a colon may run over the sentences it holds.
      const size_t opens = TokenAtOrAfter(it->span.start);
      const bool after_colon_word = opens > after && opens < tokens_.size() &&
                                    tokens_[opens].span.start == it->span.start &&
                                    Word(opens - 1) == ":";
      if (it->span.end > predicate.end && !after_colon_word) continue;
      if (!quote) quote = &*it;
      if (after_colon_word && RestOfSentence(*it).empty()) {
        quote = &*it;
        break;
      }
    }
    if (!quote) return;
    // "Le ministre n'a pas caché sa satisfaction : « C'est une victoire »":
    // a quote after a colon that ends the sentence is the subject's words.
    const size_t open = TokenAtOrAfter(quote->span.start);
    const bool after_colon =
        open > after && Word(open - 1) == ":" && RestOfSentence(*quote).empty();
    if (!after_colon && !IsClauseQuote(*quote)) return;
    if (pronoun_colon && !IsSentenceQuote(*quote)) return;  // « Les Misérables »
    if (after_colon && ReadsAloudBetween(after, open - 1)) return;
    auto source = Resolve(phrase, "fr.source.subject");
    if (!source) return;
    if (after_colon) {
      last_quoted_ = Quoted{paragraph_, *source};
      out_.claims.push_back(
          MakeClaim(ClaimType::kDirect, quote->content, *source, "fr.claim.subject_colon"));
      return;
    }
    out_.claims.push_back(
        MakeClaim(ClaimType::kMixed, TrimEnd(predicate), *source, "fr.claim.subject_quote"));
  }

  // Whether tokens from `verb` are a linking verb of copular_verbs, with
  // its "se" and auxiliary when it has them ("reste", "se montre", "s'est
  // montrée"), right before a clause quote; after "il", one opening with
  // a participle or adjective ("Il reste « convaincu … »", not the
  // impersonal "Il reste « beaucoup à faire »").
  bool CopulaBeforeClauseQuote(size_t verb) const {
    const bool after_il = verb > 0 && Lower(verb - 1) == "il";
    const bool se = IsWord(verb) && (Lower(verb) == "se" || Lower(verb) == "s'");
    if (se) ++verb;
    if (se && IsWord(verb) && g_.IsReflexiveAuxiliary(Lower(verb))) ++verb;
    bool reflexive = false;
    if (!IsWord(verb) || !g_.IsCopularVerb(Lower(verb), &reflexive) || reflexive != se) {
      return false;
    }
    const Quote* quote = QuoteOpeningAt(verb + 1);
    if (!quote || !IsClauseQuote(*quote)) return false;
    if (!after_il || se) return true;
    const std::string_view content = quote->content.Of(text_);
    const std::string first = LowerWord(content.substr(0, content.find(' ')));
    return LooksLikeParticiple(first) || LooksLikeUParticiple(first);
  }

  // "Le directeur, Paul Martin, a été formel : aucune fermeture n'est
  // prévue", "La ministre est catégorique : …": a source subject, a form
  // of être (or a linking verb of copular_verbs) and an attribute of
  // assertive_attributes right before the sentence's first colon, then
  // words of the subject's after it, unquoted (a quote there is
  // LinkSubjectQuote's).
  void LinkAssertiveColon() {
    constexpr size_t kMinStatementTokens = 3;
    size_t colon = 0;
    while (colon < tokens_.size() && Word(colon) != ":") ++colon;
    if (colon < 3 || colon + kMinStatementTokens >= tokens_.size() ||
        QuoteOpeningAt(colon + 1) || !IsWord(colon - 1) ||
        !g_.IsAssertiveAttribute(Lower(colon - 1))) {
      return;
    }
    // The verb group before the attribute: "est", "était", "a été", "se
    // montre", "s'est montré"; "très clair".
    size_t verb = colon - 2;
    if (IsWord(verb) && g_.IsIntensifier(Lower(verb))) --verb;
    const std::string_view v = Lower(verb);
    bool reflexive = false;
    // (A linking verb's reflexive "se" is read below, not required here.)
    const bool etre = v == "est" || v == "était" || v == "sont" || v == "étaient" || v == "été";
    if (!etre && !g_.IsCopularVerb(v, &reflexive)) return;
    std::optional<Gender> unused;
    while (verb > 0 && IsWord(verb - 1) &&
           (g_.IsAuxiliary(Word(verb - 1), &unused) || g_.IsReflexiveAuxiliary(Lower(verb - 1)) ||
            Lower(verb - 1) == "se" || Lower(verb - 1) == "s'")) {
      --verb;
    }
    // "Il en est convaincu : …": the clitic "en" before the verb group.
    if (verb > 1 && IsWord(verb - 1) && Lower(verb - 1) == "en") --verb;
    if (verb == 0) return;
    std::optional<SourcePhrase> phrase = Subject(verb);
    if (!phrase || phrase->type == "document" ||
        (phrase->reference == SourcePhrase::Reference::kNamed && phrase->type == "anonymous" &&
         phrase->head.empty())) {
      return;
    }
    auto source = Resolve(phrase, "fr.source.subject");
    if (!source) return;
    const Span statement = TrimEnd(Span{tokens_[colon + 1].span.start, sentence_.end});
    out_.claims.push_back(
        MakeClaim(ClaimType::kIndirect, statement, *source, "fr.claim.assertive_colon"));
  }

  // From the comma at `comma`: a description of a few words with no verb
  // and the comma closing it right before a quote opening ("…, premier
  // syndicat de France, « … »"): that quote's token; `comma` otherwise.
  size_t PastAppositionBeforeQuote(size_t comma) const {
    constexpr size_t kMaxAppositionTokens = 12;
    if (Word(comma) != ",") return comma;
    for (size_t k = comma + 1; k < tokens_.size() && k <= comma + kMaxAppositionTokens; ++k) {
      if (Word(k) == ",") {
        return k > comma + 1 && k + 1 < tokens_.size() && QuoteOpeningAt(k + 1) ? k + 1 : comma;
      }
      if (!IsWord(k) || IsQue(k) || VerbAt(k) || QuoteOpeningAt(k)) return comma;
    }
    return comma;
  }

  // "« Nous irons jusqu'au bout » : Jean Dupont maintient sa candidature",
  // "« … » : le cri d'alarme de l'ONG Airwars" (a headline): a quote opening
  // the sentence, a colon, then its speaker as the subject or after "de".
  void LinkQuoteColonSpeaker() {
    if (tokens_.empty()) return;
    const Quote* quote = QuoteOpeningAt(0);
    if (!quote || !IsSentenceQuote(*quote)) return;
    const size_t colon = TokenAtOrAfter(quote->span.end);
    if (colon + 1 >= tokens_.size() || Word(colon) != ":") return;
    auto named = [](const std::optional<SourcePhrase>& p) {
      return p && p->reference == SourcePhrase::Reference::kNamed && p->proper_name;
    };
    auto phrase = Parse(colon + 1, PhraseEnd(colon + 1));
    if (!named(phrase) || !StartsPredicate(TokenAtOrAfter(phrase->span.end))) {
      // "le cri d'alarme de X": a few words, then "de".
      constexpr size_t kMaxNounTokens = 6;
      phrase.reset();
      for (size_t k = colon + 2; k < tokens_.size() && k <= colon + kMaxNounTokens; ++k) {
        if (!IsWord(k)) break;
        if (Lower(k) != "de" && Lower(k) != "d'" && Lower(k) != "du") continue;
        phrase = Parse(k, PhraseEnd(k));
        if (named(phrase)) break;
      }
      if (!named(phrase)) return;
    }
    // "« … » : la France …" is a rubric.
    if (PlaceWithin(TokenAtOrAfter(phrase->span.start), TokenAtOrAfter(phrase->span.end))) return;
    auto source = Resolve(phrase, "fr.source.after_colon");
    if (!source) return;
    last_quoted_ = Quoted{paragraph_, *source};
    out_.claims.push_back(
        MakeClaim(ClaimType::kDirect, quote->content, *source, "fr.claim.quote_colon_speaker"));
  }

  // Whether a colon within a few words after token k opens a quote that
  // ends the sentence, with no comma and no other quoted clause before it
  // (a quoted term may be: "refuse d'employer le terme de « grève
  // générale » pour désigner ce projet : « … »").
  bool ColonQuoteEnds(size_t k) const {
    constexpr size_t kMaxPredicateTokens = 16;
    for (size_t j = k; j < tokens_.size() && j < k + kMaxPredicateTokens; ++j) {
      if (Word(j) == ",") return false;
      if (const Quote* term = QuoteOpeningAt(j)) {
        if (IsClauseQuote(*term)) return false;
        j = TokenAtOrAfter(term->span.end) - 1;
        continue;
      }
      if (Word(j) != ":") continue;
      const Quote* quote = j + 1 < tokens_.size() ? QuoteOpeningAt(j + 1) : nullptr;
      return quote && RestOfSentence(*quote).empty();
    }
    return false;
  }

  // Whether tokens [from, to) hold a verb of reading or citing aloud: "La
  // présidente a lu sa déposition : « … »", "Il a cité Hugo : « … »" quote
  // someone else's words, not the subject's.
  bool ReadsAloudBetween(size_t from, size_t to) const {
    static constexpr std::string_view kReadingWords[] = {
        "lu", "lue", "lit", "lisait", "lisant", "relu", "relit", "cite", "cité", "citait", "citant"};
    for (size_t k = from; k < to && k < tokens_.size(); ++k) {
      if (std::find(std::begin(kReadingWords), std::end(kReadingWords), Lower(k)) !=
          std::end(kReadingWords)) {
        return true;
      }
    }
    return false;
  }

  // The quote that opens at token k, or null.
  const Quote* QuoteOpeningAt(size_t k) const {
    const Quote* quote = QuoteStartingAt(tokens_[k].span.start);
    return quote && quote->span.start == tokens_[k].span.start ? quote : nullptr;
  }

  // Whether token k may be a verb the lexicons do not know: a lower-case
  // word that is no title, determiner, preposition or function word.
  bool IsLowerVerbLike(size_t k) const {
    if (!IsWord(k) || IsUpperWord(k)) return false;
    const std::string_view w = Lower(k);
    return !g_.IsTitle(w) && !g_.IsDeterminer(w) && !g_.IsClauseOpener(w) && !IsPreposition(k) &&
           w != "à" && w != "au" && w != "aux" && w != "en" && w != "comme" && w != "pour" &&
           w != "par";
  }

  // Three words or more, one in lower case: a sentence, not a title or a
  // name (« Le Monde », « Les Misérables »).
  bool IsSentenceQuote(const Quote& quote) const {
    const std::string_view content = quote.content.Of(text_);
    if (std::count(content.begin(), content.end(), ' ') < 2) return false;
    for (size_t i = 1; i < content.size(); ++i) {
      if (content[i - 1] == ' ' && content[i] >= 'a' && content[i] <= 'z') return true;
    }
    return false;
  }

  // Quoted words that say something: three words or more, in lower case.
  bool IsClauseQuote(const Quote& quote) const {
    const std::string_view content = quote.content.Of(text_);
    if (content.empty()) return false;
    const auto first = static_cast<unsigned char>(content[0]);
    const bool lower = (first >= 'a' && first <= 'z') || first == 0xC3;
    return lower && std::count(content.begin(), content.end(), ' ') >= 2;
  }

  // A block quote signed with a dash: "« … »\n\n— Jean Dupont, président
  // de l'association", or on one line "« … » — Jean Dupont". The dash is
  // the cue (EVAL.md); the name after it, to the sentence end or an
  // apposition, is the speaker of the quote right before it.
  void LinkDashAttribution() {
    size_t dash = 0;
    const Quote* quote = nullptr;
    // "« Tout ça pour 300 000 euros d'économies » — Stéphan Rossignol,
    // président …": a quote of any length opening the sentence, the dash
    // right after it.
    if (const Quote* opening = tokens_.empty() ? nullptr : QuoteOpeningAt(0)) {
      const size_t after = TokenAtOrAfter(opening->span.end);
      if (after < tokens_.size() && IsDash(after)) dash = after;
    }
    while (dash < tokens_.size() && dash < kMaxSpeakerNameTokens && !IsDash(dash)) ++dash;
    if (dash >= tokens_.size() || (dash >= kMaxSpeakerNameTokens && !IsDash(dash)) ||
        dash + 1 >= tokens_.size()) {
      return;
    }
    if (dash == 0 && tokens_[0].span.start == paragraphs_[paragraph_].start) {
      // The quote is the paragraph before, all of it.
      if (paragraph_ == 0) return;
      const Span before = paragraphs_[paragraph_ - 1];
      quote = QuoteStartingAt(before.start);
      if (!quote || !TrimEnd(Span{quote->span.end, std::max(quote->span.end, before.end)})
                         .empty()) {
        return;
      }
    } else if (dash == 0) {
      // The quote is the sentence before, all of it.
      quote = QuoteEndingBefore(tokens_[0].span.start);
      if (quote && quote->span.start != previous_sentence_.start) quote = nullptr;
    } else if (ClosesQuote(dash - 1)) {
      quote = QuoteEndingBefore(tokens_[dash].span.start);
      if (quote && quote->span.start != sentence_.start) quote = nullptr;
    }
    if (!quote || quote->content.empty()) return;
    auto phrase = Parse(dash + 1, PhraseEnd(dash + 1));
    if (!phrase || phrase->reference != SourcePhrase::Reference::kNamed ||
        !phrase->proper_name) {
      return;
    }
    // The name and its description to the sentence's end: "— Stéphan
    // Rossignol, président de la communauté de communes du Pays de l'Or"
    // (a verb after it makes a sentence of its own).
    const size_t after = TokenAtOrAfter(phrase->span.end);
    if (after < tokens_.size() && Word(after) != "." && Word(after) != "," &&
        HasVerb(after, tokens_.size())) {
      return;
    }
    auto source = Resolve(phrase, "fr.source.dash");
    if (!source) return;
    Cue cue;
    cue.span = tokens_[dash].span;
    cue.lemma = std::string(Word(dash));
    AddClaim(ClaimType::kDirect, quote->content, *source, cue, "fr.claim.quote_dash");
  }

  // "—", "–", or "-" standing alone: a dash, not a hyphen.
  bool IsDash(size_t k) const {
    const std::string_view w = Word(k);
    return w == "—" || w == "–" || w == "-";
  }

  // "Barack Obama : « … »", a title's form: a name, a colon, a quote to the
  // sentence end. Places are rubrics ("France : « … »"), not speakers.
  // The name may carry its role between parentheses or in apposition, as
  // lists of reactions give it: "Laurent Legname (entraîneur, Hyères
  // Toulon) : « … »", "Bernard Simondi, entraîneur de Niort : « … »".
  void LinkNameColonQuote() {
    constexpr size_t kMaxTokensBeforeColon = 2 * kMaxSpeakerNameTokens;
    size_t colon = 0;
    while (colon < tokens_.size() && colon < kMaxTokensBeforeColon && Word(colon) != ":") ++colon;
    if (colon == 0 || colon >= tokens_.size() || colon >= kMaxTokensBeforeColon) return;
    const Quote* quote = QuoteStartingAt(tokens_[colon].span.start);
    if (!quote || !RestOfSentence(*quote).empty()) return;
    // "Réaction du ministre : « … »", "Le message de la CGT : « … »": the
    // speech noun's complement speaks, by a name or a title.
    const size_t noun = IsWord(0) && g_.IsDeterminer(Lower(0)) ? 1 : 0;
    const bool of_speaker = noun + 2 < colon && g_.IsSpeechNoun(Lower(noun)) &&
                            (Lower(noun + 1) == "de" || Lower(noun + 1) == "d'" ||
                             Lower(noun + 1) == "du" || Lower(noun + 1) == "des");
    auto phrase = Parse(of_speaker ? noun + 1 : 0, colon);
    const bool named = phrase && phrase->reference == SourcePhrase::Reference::kNamed &&
                       phrase->proper_name;
    const bool titled = phrase && of_speaker && phrase->role &&
                        phrase->reference != SourcePhrase::Reference::kPronoun;
    if (!named && !titled) return;
    const size_t after = TokenAtOrAfter(phrase->span.end);
    if (after != colon && !IsRoleAside(after, colon)) return;
    // The name itself is no place; its role may hold one ("maire de Lille"),
    // as may the complement of a speech noun ("Réaction de la maire de
    // Lille, …").
    size_t name_end = 0;
    while (name_end < colon && Word(name_end) != "," && Word(name_end) != "(") ++name_end;
    if (!of_speaker && PlaceWithin(0, name_end)) return;
    auto source = Resolve(phrase, "fr.source.name_colon");
    if (!source) return;
    last_quoted_ = Quoted{paragraph_, *source};
    out_.claims.push_back(
        MakeClaim(ClaimType::kDirect, quote->content, *source, "fr.claim.name_colon"));
  }

  // Whether tokens [first, end) say who the name before them is and
  // nothing else: "(entraîneur, Hyères Toulon)", ", entraîneur de Niort",
  // ", la maire de Lille". Not ", qui …", ", à Paris", a verb.
  bool IsRoleAside(size_t first, size_t end) const {
    if (first + 1 >= end || end > tokens_.size()) return false;
    if (Word(first) == "(") {
      if (Word(end - 1) != ")") return false;
      for (size_t k = first + 1; k + 1 < end; ++k) {
        if (!IsWord(k) && Word(k) != "," && Word(k) != "-") return false;
      }
      return IsWord(first + 1) && g_.IsTitle(Lower(first + 1));
    }
    if (Word(first) != ",") return false;
    auto aside = Parse(first + 1, end);
    return aside && aside->role && aside->reference != SourcePhrase::Reference::kPronoun &&
           TokenAtOrAfter(aside->span.end) == end;
  }

  // A pronoun read forward: where it is, and the gender it asks for.
  struct ForwardReference {
    size_t at;
    size_t paragraph;
    Gender gender;
  };

  // "« Il y a eu des projets de paix », commence-t-il. […] « Je ne
  // devrais pas vous le dire », confie le Premier ministre": "il" or
  // "elle" with no one named before it means the person who speaks or
  // acts next: the first one named after it as a subject or a speaker, of
  // a gender that fits, in its paragraph or the next. Until that person
  // comes (Remember), the claim's source is a placeholder no output shows;
  // ResolveForwardPronouns puts the person in, or drops the claim when no
  // one came. Plural and genderless pronouns are not read forward, nor
  // one inside a clause ("L'association a saisi le tribunal contre ce
  // qu'elle juge …": the subject before it), nor one in a question ("La
  // rentrée signifie-t-elle … ?"): only an inverted one after its
  // statement, or one opening its sentence ("Il estime …", "Selon lui,
  // …"), or the subject after an opening phrase ("Dans une interview, il
  // a réitéré …").
  // Whole articles name their speakers first: this reads excerpts, which
  // often start after the name.
  std::optional<ClaimSource> ForwardPronoun(const SourcePhrase& phrase, bool inverted) {
    if (phrase.gender != Gender::kMasculine && phrase.gender != Gender::kFeminine) {
      return std::nullopt;
    }
    if (!(inverted || OpensSentence(phrase.span.start)) || EndsInQuestion(sentence_)) {
      return std::nullopt;
    }
    const size_t index = forward_pronouns_.size();
    forward_pronouns_.push_back(ForwardReference{
        phrase.span.empty() ? sentence_.start : phrase.span.start, paragraph_, phrase.gender});
    forward_sources_.emplace_back();
    // People of this sentence after the pronoun were remembered with it,
    // before its cues were linked ("…, a-t-il dit, et Paul Roux a ajouté").
    const Entity* first = nullptr;
    const size_t recent = std::min(entities_.size(), kMaxForwardLookback);
    for (size_t k = entities_.size() - recent; k < entities_.size(); ++k) {
      const Entity& e = entities_[k];
      if (MeansForward(forward_pronouns_[index], e) && (!first || e.named_at < first->named_at)) {
        first = &e;
      }
    }
    if (first) {
      forward_sources_[index] = SourceOf(*first);
    } else {
      (phrase.gender == Gender::kMasculine ? open_masculine_ : open_feminine_).push_back(index);
    }
    return ClaimSource{ForwardPlaceholder(index), "person", std::nullopt, std::nullopt};
  }

  // Whether only punctuation and an according-to word ("Selon", "D'après")
  // come before `pos` in the sentence, or an opening phrase and its comma
  // ("Dans une interview au Monde, il a réitéré …"), within the sentence's
  // first kMaxOpeningTokens tokens: reading every token before each
  // pronoun made "S, selon lui, selon lui, …" quadratic.
  bool OpensSentence(size_t pos) const {
    constexpr size_t kMaxOpeningTokens = 24;
    const size_t first = std::min(TokenAtOrAfter(pos), tokens_.size());
    if (first > kMaxOpeningTokens) return false;
    bool opening_only = true;
    size_t commas = 0;
    for (size_t k = 0; k < first; ++k) {
      commas += Word(k) == ",";
      if (!IsWord(k)) continue;
      const std::string_view word = Lower(k);
      opening_only = opening_only && (word == "selon" || word == "d'" || word == "après" ||
                                      word == "pour");
    }
    return opening_only || (commas == 1 && Word(first - 1) == ",");
  }

  bool EndsInQuestion(Span sentence) const {
    size_t end = sentence.end;
    while (end > sentence.start && (text_[end - 1] == ' ' || text_[end - 1] == '\n')) --end;
    return end > sentence.start && text_[end - 1] == '?';
  }

  // Whether `e`, named after `pronoun`, is whom it means.
  static bool MeansForward(const ForwardReference& pronoun, const Entity& e) {
    return CanBeMeantForward(e) && e.named_at > pronoun.at &&
           e.paragraph <= pronoun.paragraph + 1 &&
           (e.gender == Gender::kUnknown || e.gender == pronoun.gender);
  }

  // A person named as a subject or a speaker.
  static bool CanBeMeantForward(const Entity& e) {
    const bool person = e.type == "person" || IsUnnamedPerson(e) || IsUnnamedRelative(e);
    return person && e.subject && !e.described;
  }

  // A person just remembered resolves the open forward pronouns of their
  // gender before them; pronouns whose window has passed are closed. The
  // open ones of a gender are in text order, so each is opened and closed
  // once: linear however many pronouns and people there are.
  void ResolveOpenForward(const Entity& e) {
    for (std::deque<size_t>* open : {&open_masculine_, &open_feminine_}) {
      while (!open->empty() && forward_pronouns_[open->front()].paragraph + 1 < paragraph_) {
        open->pop_front();
      }
    }
    if (!CanBeMeantForward(e)) return;
    auto resolve = [&](std::deque<size_t>* open) {
      while (!open->empty() && MeansForward(forward_pronouns_[open->front()], e)) {
        forward_sources_[open->front()] = SourceOf(e);
        open->pop_front();
      }
    };
    if (e.gender != Gender::kFeminine) resolve(&open_masculine_);
    if (e.gender != Gender::kMasculine) resolve(&open_feminine_);
  }

  // No name begins with a control character: the placeholder cannot be
  // mistaken for a source.
  static std::string ForwardPlaceholder(size_t index) {
    return "\x01" + std::to_string(index);
  }

  static std::optional<size_t> ForwardIndex(const std::optional<ClaimSource>& source) {
    if (!source || source->name.empty() || source->name[0] != '\x01') return std::nullopt;
    return static_cast<size_t>(std::stoul(source->name.substr(1)));
  }

  // Once the article is read: the placeholders replaced, and the claims
  // whose pronoun meant no one dropped, as if never made.
  void ResolveForwardPronouns() {
    if (forward_pronouns_.empty()) return;
    auto& claims = out_.claims;
    size_t kept = 0;
    for (size_t i = 0; i < claims.size(); ++i) {
      if (!ApplyForwardSource(&claims[i].source)) continue;
      if (kept != i) claims[kept] = std::move(claims[i]);
      ++kept;
    }
    if (kept == claims.size()) return;
    claims.resize(kept);
    covered_.clear();  // Claimed() reads the claims again
    empty_claims_.clear();
    claims_covered_ = 0;
  }

  // Replaces a forward pronoun's placeholder by the person it means;
  // false when it means no one.
  bool ApplyForwardSource(std::optional<ClaimSource>* source) const {
    const std::optional<size_t> index = ForwardIndex(*source);
    if (!index) return true;
    if (*index >= forward_sources_.size() || !forward_sources_[*index]) return false;
    *source = forward_sources_[*index];
    return true;
  }

  // Sources named before the article says who they are (a title's "le
  // maire de New York", "Montebourg"): once the whole article is read, the
  // full name it gave them.
  void ResolveLater() {
    for (const Pending& pending : pending_) {
      const Entity& was = pending.entity;
      // A title of any country's republic is not looked for forward: a
      // president named later is rarely the one meant.
      const Entity* e = was.role && was.name == *was.role
                            ? ByRole(*was.role, was.role_country, /*any_republic=*/false)
                            : ByFullName(was.name);
      if (!e) continue;
      ClaimSource& source = *out_.claims[pending.claim].source;
      source.name = e->name;
      source.type = e->type;
      if (e->role) source.role = e->role;
      for (Mention& m : out_.mentions) {
        if (source.mention && m.id == *source.mention) {
          m.value = SourceValue{source.name, source.type, source.role};
        }
      }
    }
    ResolveForwardPronouns();
  }

  // The indexes of the claims by start, the longest first among those
  // starting at one place.
  std::vector<size_t> ClaimsInTextOrder() const {
    const auto& claims = out_.claims;
    std::vector<size_t> order(claims.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return claims[a].span.start != claims[b].span.start
                 ? claims[a].span.start < claims[b].span.start
                 : claims[a].span.end > claims[b].span.end;
    });
    return order;
  }

  // "Le Kremlin considère comme une provocation l'appel de Kiev, a
  // déclaré Dmitri Peskov": the claim of the Kremlin inside Peskov's ends
  // where his does, before his verb; it ran on across it. Each claim
  // starting inside a postposed cue's statement and containing that cue
  // is cut there; inside several, at the first of them to end.
  // The statements are taken by their end, and a tree of the claims' ends
  // finds the claims still running past each cue: each claim is cut once.
  // Reading every claim starting inside each statement was quadratic:
  // "Le texte passe, indique X, qui a dit, indique X, …" starts them all
  // at the sentence's start (32 000 cues took 16 s).
  void EndAtPostposedCues() {
    auto& claims = out_.claims;
    const std::vector<size_t> order = ClaimsInTextOrder();
    struct Cut {
      Span statement;
      Span cue;  // after the statement
    };
    std::vector<size_t> ends(order.size());
    std::vector<Cut> cuts;
    for (size_t i = 0; i < order.size(); ++i) {
      const Claim& c = claims[order[i]];
      ends[i] = c.span.end;
      if (c.rule == "fr.claim.inverted_speech" && c.cue && c.cue->span.start >= c.span.end) {
        cuts.push_back(Cut{c.span, c.cue->span});
      }
    }
    std::stable_sort(cuts.begin(), cuts.end(),
                     [](const Cut& a, const Cut& b) { return a.statement.end < b.statement.end; });
    auto first_from = [&](size_t pos) {
      return static_cast<size_t>(
          std::lower_bound(order.begin(), order.end(), pos,
                           [&](size_t i, size_t p) { return claims[i].span.start < p; }) -
          order.begin());
    };
    MaxTree tree(ends);
    for (const Cut& cut : cuts) {
      // A claim ending past the cue and starting inside the statement,
      // so before the cue, contains it.
      tree.ForEachAtLeast(first_from(cut.statement.start), first_from(cut.statement.end),
                          cut.cue.end, [&](size_t i) {
                            claims[order[i]].span.end = cut.statement.end;
                            tree.Set(i, cut.statement.end);
                          });
    }
  }

  // "Le docteur Tedros avait fait savoir qu'il jugeait prématurée la
  // levée …": the speaker's second verb, inside what the first reports, is
  // no second claim of theirs. A claim inside another of the same source,
  // with its cue inside that one's statement, is dropped, and so is the
  // second of two with the same span and source. (Another source inside a
  // statement is a claim of its own: "X indique que Y estime …".)
  void DropNestedRepeats() {
    const auto& claims = out_.claims;
    const std::vector<size_t> order = ClaimsInTextOrder();
    std::vector<bool> drop(claims.size(), false);
    const Claim* outer = nullptr;  // of those seen, the one reaching furthest
    for (size_t i : order) {
      const Claim& claim = claims[i];
      const bool same_source = outer && claim.source && outer->source &&
                               claim.source->name == outer->source->name;
      // The same words found twice ("« A, a lancé X. B », a-t-il ajouté":
      // by the incise and by the verb after the quote) are one claim.
      const bool repeated = same_source && claim.span.start == outer->span.start &&
                            claim.span.end == outer->span.end;
      const bool nested = same_source && claim.span.end <= outer->span.end && claim.cue &&
                          outer->span.Contains(claim.cue->span) &&
                          claim.span.end - claim.span.start < outer->span.end - outer->span.start;
      if (repeated || nested) {
        drop[i] = true;
        continue;
      }
      if (!outer || claim.span.end > outer->span.end) outer = &claim;
    }
    size_t kept = 0;
    for (size_t i = 0; i < out_.claims.size(); ++i) {
      if (drop[i]) continue;
      if (kept != i) out_.claims[kept] = std::move(out_.claims[i]);
      ++kept;
    }
    out_.claims.resize(kept);
  }

  // Bare quotes with no cue, given to the speaker quoted just before them in
  // the same paragraph, unless a claim covers them: a later cue's, or one
  // this pass added (Claimed(), one lookup each; a scan of every claim per
  // candidate made an article of short quoted paragraphs quadratic).
  void ContextQuotes() {
    for (const ContextQuote& candidate : context_quotes_) {
      if (Claimed(candidate.quote.content)) continue;
      std::optional<ClaimSource> source = candidate.source;
      if (!ApplyForwardSource(&source)) continue;
      source->mention = std::nullopt;  // no words of the sentence name it
      out_.claims.push_back(MakeClaim(ClaimType::kDirect, candidate.quote.content, source,
                                      "fr.claim.quote_context"));
    }
  }

  // Sentences with a quantity and no claim. Sorted spans and binary
  // searches: a scan of every mention and claim per sentence made long
  // articles quadratic.
  void Unattributed(const std::vector<Span>& sentences) {
    auto by_start = [](const Span& a, const Span& b) { return a.start < b.start; };
    const std::vector<Span>& quantities = quantities_;
    std::vector<Span> covered;
    for (const Claim& c : out_.claims) covered.push_back(c.span);
    std::sort(covered.begin(), covered.end(), by_start);
    std::vector<size_t> reach(covered.size());  // max end of covered[0..i]
    for (size_t i = 0; i < covered.size(); ++i) {
      reach[i] = std::max(covered[i].end, i > 0 ? reach[i - 1] : 0);
    }
    for (const Span& s : sentences) {
      bool has_quantity = false;
      for (auto q = std::lower_bound(quantities.begin(), quantities.end(), Span{s.start, s.start},
                                     by_start);
           q != quantities.end() && q->start < s.end && !has_quantity; ++q) {
        has_quantity = s.Contains(*q);
      }
      if (!has_quantity) continue;
      // A claim overlaps s when one starting before s.end ends after s.start.
      const size_t before = static_cast<size_t>(
          std::lower_bound(covered.begin(), covered.end(), Span{s.end, s.end}, by_start) -
          covered.begin());
      const bool claimed = before > 0 && reach[before - 1] > s.start;
      if (claimed) continue;
      out_.claims.push_back(MakeClaim(ClaimType::kUnattributed, TrimEnd(s), std::nullopt,
                                      "fr.claim.unattributed"));
    }
  }

  LinkedClaims Take() {
    for (const Quote& q : quotes_) {
      Mention m;
      m.kind = MentionKind::kQuote;
      m.span = q.span;
      m.rule = std::string(QuoteRuleId(q.style));
      m.value = QuoteValue{};
      out_.mentions.push_back(std::move(m));
    }
    return std::move(out_);
  }

 private:
  std::string_view Word(size_t i) const { return tokens_[i].span.Of(text_); }
  std::string_view Lower(size_t i) const { return lower_[i]; }
  bool IsWord(size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kWord;
  }

  // Whether token i is "ne" or "n'", a negation's first half.
  bool IsNegationStart(size_t i) const {
    return IsWord(i) && (Lower(i) == "ne" || Lower(i) == "n'");
  }

  // Tokens are in text order. A binary search: this runs for every cue and
  // every title word, and a scan from the first token made "M. M. M. ..."
  // quadratic.
  size_t TokenAtOrAfter(size_t offset) const {
    auto it = std::partition_point(tokens_.begin(), tokens_.end(),
                                   [&](const Token& t) { return t.span.start < offset; });
    return static_cast<size_t>(it - tokens_.begin());
  }

  // The last quote starting at or before `pos` (quotes are in text order
  // and do not nest), or null.
  const Quote* QuoteStartingBy(size_t pos) const {
    auto it = std::upper_bound(quotes_.begin(), quotes_.end(), pos,
                               [](size_t p, const Quote& q) { return p < q.span.start; });
    return it == quotes_.begin() ? nullptr : &*std::prev(it);
  }

  // Whether a quote opens inside `span` (it may close after it).
  bool HasQuoteStartingWithin(Span span) const {
    auto it = std::lower_bound(quotes_.begin(), quotes_.end(), span.start,
                               [](const Quote& q, size_t start) { return q.span.start < start; });
    return it != quotes_.end() && it->span.start < span.end;
  }

  bool InsideQuote(Span span) const {
    const Quote* quote = QuoteStartingBy(span.start);
    return quote && quote->span.Contains(span);
  }

  // The sentence quote that ends, in the same paragraph and with only
  // spaces between, where `quote` opens and no claim holds: "« A. » « B »";
  // or, with a comma between, a quote of kMaxFragmentWords words or more:
  // "« A, b … », « c », a assuré X".
  const Quote* QuoteRightBefore(const Quote& quote) const {
    if (quote.span.start == 0) return nullptr;
    const Quote* before = QuoteStartingBy(quote.span.start - 1);
    if (!before || before->span.end > quote.span.start || before->content.empty() ||
        before->span.start < paragraphs_[paragraph_].start) {
      return nullptr;
    }
    size_t commas = 0;
    for (size_t k = before->span.end; k < quote.span.start; ++k) {
      if (text_[k] == ',') ++commas;
      else if (text_[k] != ' ') return nullptr;
    }
    if (commas > 1) return nullptr;
    const std::string_view content = before->content.Of(text_);
    const char last = content.back();  // '.', '!', '?' or the end of '…'
    const bool sentence = last == '.' || last == '!' || last == '?' ||
                          (content.size() >= 3 && content.substr(content.size() - 3) == "…");
    const bool long_enough =
        static_cast<size_t>(std::count(content.begin(), content.end(), ' ')) + 1 >=
        kMaxFragmentWords;
    if (!StartsWithCapital(content) || !(commas == 0 ? sentence : long_enough)) return nullptr;
    return Claimed(before->content) ? nullptr : before;
  }

  // Whether an attributed claim made so far overlaps `span` (not empty).
  // The claims' spans are merged into a map as they come, so that each
  // question is a lookup: reading every claim per quote made an article of
  // quotes quadratic. Claims are only appended while sentences are linked
  // and by ContextQuotes; ResolveLater changes their sources only, and the
  // passes after ContextQuotes change spans and do not ask.
  bool Claimed(Span span) const {
    for (; claims_covered_ < out_.claims.size(); ++claims_covered_) {
      const Claim& c = out_.claims[claims_covered_];
      if (c.type != ClaimType::kUnattributed) Cover(c.span);
    }
    auto after = covered_.lower_bound(span.end);
    if (after != covered_.begin() && std::prev(after)->second > span.start) return true;
    auto point = empty_claims_.upper_bound(span.start);
    return point != empty_claims_.end() && *point < span.end;
  }

  void Cover(Span span) const {
    if (span.empty()) {
      empty_claims_.insert(span.start);  // overlaps what holds it strictly
      return;
    }
    auto it = covered_.upper_bound(span.start);
    if (it != covered_.begin() && std::prev(it)->second >= span.start) --it;
    while (it != covered_.end() && it->first <= span.end) {
      span.start = std::min(span.start, it->first);
      span.end = std::max(span.end, it->second);
      it = covered_.erase(it);
    }
    covered_.emplace(span.start, span.end);
  }

  // The quote that ends right before `pos`, with only spaces, commas and
  // dashes between them.
  const Quote* QuoteEndingBefore(size_t pos) const {
    const Quote* quote = QuoteStartingBy(pos);
    if (!quote || quote->span.end > pos) return nullptr;
    for (size_t k = quote->span.end; k < pos; ++k) {
      char c = text_[k];
      if (c != ' ' && c != ',' && c != '-') return nullptr;
    }
    return quote;
  }

  // The quote starting at `pos` after spaces, a colon or a comma.
  const Quote* QuoteStartingAt(size_t pos) const {
    while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == ':' || text_[pos] == ',')) ++pos;
    auto it = std::lower_bound(quotes_.begin(), quotes_.end(), pos,
                               [](const Quote& q, size_t p) { return q.span.start < p; });
    if (it == quotes_.end() || it->span.start != pos) return nullptr;
    return &*it;
  }

  std::vector<Cue> NonVerbalCues() const {
    std::vector<Cue> cues;
    if (!linker_.cues_) return cues;
    for (const RuleMatch& match : linker_.cues_->FindAll(text_, sentence_)) {
      Cue cue;
      cue.span = match.span;
      auto lemma = match.rule->set.find("lemma");
      cue.lemma = lemma != match.rule->set.end() ? lemma->second : "selon";
      cue.rule = match.rule->id;
      if (auto speaker = match.rule->set.find("speaker"); speaker != match.rule->set.end()) {
        cue.speaker_pronoun = GenderOf(speaker->second);
      }
      cue.first_token = TokenAtOrAfter(match.span.start);
      cue.end_token = TokenAtOrAfter(match.span.end);
      cues.push_back(std::move(cue));
    }
    return cues;
  }

  // The opening comma of an incise that ends right before token k: ", de
  // son côté,", ", lui,", ", pour sa part,": a few words between commas
  // and no verb among them. None when there is no such incise.
  std::optional<size_t> OpeningOfIncise(size_t k) const {
    constexpr size_t kMaxInciseWords = 4;
    if (k < 3 || Word(k - 1) != ",") return std::nullopt;
    for (size_t c = k - 2; c > 0 && k - 1 - c <= kMaxInciseWords + 1; --c) {
      if (Word(c) == ",") return c + 1 < k - 1 ? std::optional<size_t>(c) : std::nullopt;
      std::optional<Gender> unused;
      if (!IsWord(c) || g_.LookupVerb(Word(c)) || g_.IsAuxiliary(Word(c), &unused)) break;
    }
    return std::nullopt;
  }

  // Whether token k follows a comma inside quote marks and a person comes
  // next, by a capitalized name or a title: "« A, soupire le maire (LNC) de
  // Virey-le-Grand, Guillaume Thiébaut. B »" (not "« …, reste la question
  // du financement. »").
  bool PersonIncisedInQuote(size_t k) const {
    if (k < 1 || Word(k - 1) != "," || k + 2 >= tokens_.size() ||
        !InsideQuote(tokens_[k].span)) {
      return false;
    }
    const size_t next = SkipSettings(k + 1);
    return next < tokens_.size() &&
           (IsUpperWord(next) || (next + 1 < tokens_.size() && g_.IsDeterminer(Lower(next)) &&
                                  g_.IsTitle(Lower(next + 1))));
  }

  // Whether token k sits inside quote marks between a comma and a comma or
  // a full stop: "« A, souffle-t-elle. B »", "« A, s'amuse-t-il, B »".
  bool IsInsideIncise(size_t k) const {
    if (k == 0 || k + 1 >= tokens_.size()) return false;
    const size_t before = k >= 2 && IsReflexivePronoun(k - 1) ? k - 2 : k - 1;
    return Word(before) == "," && (Word(k + 1) == "," || Word(k + 1) == ".") &&
           InsideQuote(tokens_[k].span);
  }

  // "Paul Roux, juge des enfants, a dénoncé", "…, juge à Lyon, …": after
  // a comma, a title that a complement follows is an apposition, not the
  // verb it also spells ("X, juge le texte insuffisant", "juge que …",
  // "juge de son côté que …" are the verb).
  bool TitleInApposition(size_t k) const {
    if (k == 0 || Word(k - 1) != "," || k + 1 >= tokens_.size() || !g_.IsTitle(Lower(k))) {
      return false;
    }
    const std::string_view next = Lower(k + 1);
    if (!IsPreposition(k + 1) && next != "à" && next != "au" && next != "aux") return false;
    return SkipStatementWords(k + 1) == k + 1;
  }

  std::vector<Cue> VerbalCues() const {
    std::vector<Cue> cues;
    // The last inverted auxiliary right after a quote: its token and pronoun.
    std::optional<std::pair<size_t, Gender>> inverted_auxiliary;
    for (size_t k = 0; k < tokens_.size(); ++k) {
      if (!IsWord(k)) continue;
      // Two-word forms first ("fait valoir").
      const VerbForm* verb = nullptr;
      size_t words = 1;
      const std::string_view lower = Lower(k);
      if (IsWord(k + 1) && g_.StartsMultiWordVerb(lower)) {
        // Three words first ("fait état de"), then two ("fait valoir").
        if (IsWord(k + 2) && (verb = g_.LookupLowerVerb(SpacedLower(k, 3)))) {
          words = 3;
        } else if ((verb = g_.LookupLowerVerb(SpacedLower(k, 2)))) {
          words = 2;
        }
      }
      std::optional<Gender> inverted;
      std::string_view verb_part = Word(k);
      if (!verb) verb = g_.LookupLowerVerb(lower);
      if (!verb && lower.find('-') != std::string::npos) {
        inverted = g_.SplitInversion(Word(k), &verb_part);
        if (inverted) verb = g_.LookupVerb(verb_part);
        // "« … », sourit-il", "tente-t-elle de corriger": an inverted
        // pronoun right after a quote reports it, whatever the verb.
        std::optional<Gender> aux_pronoun;
        const bool auxiliary = inverted && !verb && g_.IsAuxiliary(Word(k), &aux_pronoun);
        // "« … », s'insurge-t-elle": a reflexive one too ("s'est-elle
        // indignée" is the auxiliary's, below).
        const bool after_quote =
            QuoteEndingBefore(tokens_[k].span.start) ||
            (k >= 1 && IsReflexivePronoun(k - 1) && !g_.IsReflexiveAuxiliary(verb_part) &&
             QuoteEndingBefore(tokens_[k - 1].span.start));
        if (inverted && !verb && !auxiliary && (after_quote || IsInsideIncise(k))) {
          verb = &UnknownInvertedVerb();
        }
        // "« … », a-t-elle souri": after a quote, an inverted auxiliary
        // makes the next word a cue, whatever the participle.
        if (auxiliary && aux_pronoun && QuoteEndingBefore(tokens_[k].span.start)) {
          inverted_auxiliary = {k, *aux_pronoun};
        }
        // "« … », s'est-il agacé".
        if (inverted && !verb && k >= 1 && Lower(k - 1) == "s'" &&
            g_.IsReflexiveAuxiliary(verb_part) && QuoteEndingBefore(tokens_[k - 1].span.start)) {
          inverted_auxiliary = {k, *inverted};
        }
      }
      if (!verb && inverted_auxiliary && inverted_auxiliary->first + 1 == k) {
        cues.push_back(AnyParticipleCue(k, inverted_auxiliary->second));
        continue;
      }
      if (!verb && k >= 2 && IsReflexivePronoun(k - 1) && IsWord(k) &&
          IsQuoteAuxiliary(k - 1, /*reflexive=*/true) &&
          SpeakerFollows(k)) {
        // "« … ? », s'interroge Jean Dupont", "…, s'agace le ministre":
        // after a quote and a comma, a reflexive verb before its speaker.
        Cue cue = AnyParticipleCue(k, std::nullopt);
        cue.participle = false;
        cues.push_back(std::move(cue));
        continue;
      }
      // Where the word stands first, then what it is: the position fails
      // for most words, and costs a search where the word's costs seven
      // lexicon lookups.
      if (!verb && k >= 2 &&
          ((WordRightAfterQuote(k) && SpeakerFollows(k)) || PersonIncisedInQuote(k)) &&
          LooksLikeIncisePresent(k)) {
        // "« … », développe l'archéologue", "…, souffle le maire": after a
        // quote and a comma, a verb in the present before its speaker,
        // whatever the verb.
        Cue cue = AnyParticipleCue(k, std::nullopt);
        cue.participle = false;
        cue.first_token = k;
        cue.span = tokens_[k].span;
        cues.push_back(std::move(cue));
        continue;
      }
      if (!verb && k >= 3 && IsReflexivePronoun(k - 2) && IsWord(k) &&
          g_.IsReflexiveAuxiliary(Word(k - 1)) &&
          IsQuoteAuxiliary(k - 2, /*reflexive=*/true) &&
          SpeakerFollows(k)) {
        // "« … », s'est agacé le ministre".
        Cue cue = AnyParticipleCue(k, std::nullopt);
        cue.first_token = k - 2;
        cue.span.start = tokens_[k - 2].span.start;
        cues.push_back(std::move(cue));
        continue;
      }
      if (!verb && IsQuoteAuxiliary(k - 1) &&
          SpeakerFollows(k)) {
        // "« … », a souri Paul Roux", "…, a plaisanté le ministre": after a
        // quote and a comma, an auxiliary makes the next word a cue before
        // its speaker, whatever the participle.
        cues.push_back(AnyParticipleCue(k, std::nullopt));
        continue;
      }
      if (!verb) continue;
      // "a saisi 1,2 tonne de cannabis": a word of a figure (its unit
      // here) is no verb, whatever verb it spells.
      if (InSpans(quantities_, k)) continue;
      Cue cue;
      cue.lemma = verb == &UnknownInvertedVerb() ? LowerWord(verb_part) : verb->lemma;
      cue.inverted = inverted;
      cue.end_token = k + words;
      bool found = false;
      const bool content_follows =
          k + words < tokens_.size() &&
          (Word(k + words) == ":" || IsQue(k + words));
      // "en se disant prêt à", ", se disant …": the reflexive pronoun is
      // the gerund's (not for verbs unspoken as reflexives).
      const size_t gerund_lead = k > 0 && IsReflexivePronoun(k - 1) &&
                                         !g_.IsUnspokenReflexive(verb->lemma)
                                     ? k - 1
                                     : k;
      if (verb->gerund &&
          (gerund_lead == 0 ? content_follows
                            : (Lower(gerund_lead - 1) == "en" || Word(gerund_lead - 1) == "," ||
                               ClosesQuote(gerund_lead - 1) || content_follows))) {
        // "en affirmant que", ", affirmant que", "« … » évoquant", "l'idée
        // affirmant : « … »": the cue includes "en", and "tout" before it
        // ("tout en appelant").
        cue.first_token =
            gerund_lead > 0 && Lower(gerund_lead - 1) == "en" ? gerund_lead - 1 : gerund_lead;
        if (cue.first_token > 0 && cue.first_token < k && Lower(cue.first_token - 1) == "tout") {
          --cue.first_token;
        }
        cue.gerund = true;
        found = true;
      }
      if (!found && verb->infinitive && k == 2 && (Lower(0) == "et" || Lower(0) == "puis") &&
          (Lower(1) == "de" || Lower(1) == "d'")) {
        // "Et d'ajouter : « … »", "Et de préciser que …", "Puis d'ajouter".
        cue.first_token = 0;
        cue.narrative = true;
        found = true;
      }
      if (!found && verb->infinitive && k >= 4 && k <= 2 + kMaxSpeakerNameTokens &&
          Lower(0) == "et" && (Lower(k - 1) == "de" || Lower(k - 1) == "d'") &&
          NamesSubjectUpTo(1, k - 1)) {
        // "Et le procureur de détailler que …", "Et Jean Roux d'ajouter :".
        cue.first_token = 0;
        cue.narrative = true;
        cue.narrative_subject_end = k - 1;
        found = true;
      }
      if (!found && verb->infinitive && k >= 2 &&
          (Lower(k - 1) == "de" || Lower(k - 1) == "d'") && Lower(k - 2) == "avant") {
        // "…, avant de poursuivre : « … »": the clause's speaker goes on;
        // opening the sentence ("Avant de poursuivre : « … »"), the last
        // speaker does, as after "Et de".
        cue.first_token = k - 2;
        if (k == 2) {
          cue.narrative = true;
        } else {
          cue.gerund = true;
        }
        found = true;
      }
      if (!found && verb->infinitive && k >= 2 &&
          (Lower(k - 1) == "de" || Lower(k - 1) == "d'" || Lower(k - 1) == "à") &&
          IsWord(k - 2) && g_.IsInfinitiveOpener(Word(k - 2))) {
        // "L'UUP continue d'exiger", "a tenu à rappeler", "ne cesse de
        // répéter": the cue starts at the opener, its auxiliary or "ne".
        cue.first_token = k - 2;
        std::optional<Gender> aux_pronoun;
        if (k >= 3 && IsWord(k - 3) &&
            (g_.IsAuxiliary(Word(k - 3), &aux_pronoun) || Lower(k - 3) == "ne" ||
             Lower(k - 3) == "n'")) {
          cue.first_token = k - 3;
          cue.inverted = aux_pronoun;
        } else if (k >= 4 && IsWord(k - 3) && g_.IsReflexiveAuxiliary(Word(k - 3)) &&
                   (Lower(k - 4) == "s'" || Lower(k - 4) == "se")) {
          cue.first_token = k - 4;  // "s'est plu à souligner"
        }
        found = true;
      }
      if (!found && verb->participle && k >= 2 && Lower(k - 1) == "avoir" &&
          Lower(k - 2) == "après") {
        // "Après avoir affirmé que …, Paul Roux a quitté la salle", "…
        // après avoir vanté « un levier »": the clause's subject spoke, as
        // with a gerund.
        cue.first_token = k - 2;
        cue.gerund = true;
        found = true;
      }
      if (!found && verb->participle) {
        // "a, de son côté, estimé", "a, lui, jugé": the auxiliary is
        // looked for before the incise.
        const size_t head = OpeningOfIncise(k).value_or(k);
        for (size_t back = 1; back <= kMaxAdverbsAfterAuxiliary + 1 && back <= head; ++back) {
          size_t j = head - back;
          if (!IsWord(j)) break;
          std::optional<Gender> aux_pronoun;
          if (Lower(j) == "été") break;  // a passive: "a été chiffré"
          if (j > 0 && g_.IsReflexiveAuxiliary(Word(j)) &&
              (Lower(j - 1) == "s'" || Lower(j - 1) == "se")) {
            if (g_.IsUnspokenReflexive(verb->lemma)) break;  // "se sont qualifiés"
            cue.first_token = j - 1;  // "s'est réjoui"
            cue.participle = true;
            found = true;
            break;
          }
          std::string_view reflexive_part;
          if (j > 0 && Lower(j - 1) == "s'") {
            // "s'est-elle indignée": the inverted pronoun is the speaker.
            if (auto pronoun = g_.SplitInversion(Word(j), &reflexive_part);
                pronoun && g_.IsReflexiveAuxiliary(reflexive_part) &&
                !g_.IsUnspokenReflexive(verb->lemma)) {
              cue.first_token = j - 1;
              cue.inverted = pronoun;
              cue.participle = true;
              found = true;
              break;
            }
          }
          if (g_.IsAuxiliary(Word(j), &aux_pronoun)) {
            // "n'a pas confirmé": a denial of speech attributes nothing;
            // but "n'a pas exclu que" voices a possibility.
            if (j > 0 && IsNegationStart(j - 1) &&
                !g_.SpeaksNegated(verb->lemma)) {
              break;
            }
            cue.first_token = j;
            cue.inverted = aux_pronoun;
            cue.participle = true;
            found = true;
            break;
          }
          if (g_.LookupVerb(Word(j))) break;
        }
        // "a affirmé que …, et ajouté que …": the auxiliary of the verb
        // before "et" serves both.
        if (!found && k > 0 && Lower(k - 1) == "et" && !cues.empty() && cues.back().participle &&
            !cues.back().inverted) {
          cue.first_token = k;
          cue.participle = true;
          found = true;
        }
      }
      if (!found && verb->finite) {
        // "le précise" is a verb after "comme" ("comme le précise X"), a
        // noun phrase's start otherwise.
        const bool as_reported =
            k >= 2 && (Lower(k - 1) == "le" || Lower(k - 1) == "l'") && Lower(k - 2) == "comme";
        // "n'exclut pas que …": a negation that says something.
        const bool negated_speech = k >= 1 && IsNegationStart(k - 1) && g_.SpeaksNegated(verb->lemma);
        found = (k == 0 || !IsWord(k - 1) || !g_.BlocksVerb(Word(k - 1)) || as_reported ||
                 negated_speech) &&
                !TitleInApposition(k);
        // "Ils se qualifient selon la règle …": unspoken as a reflexive.
        // "il se murmure qu'…", "il se dit que …": an impersonal rumour,
        // nobody's words (impersonal_reflexives; "il se félicite que …"
        // is his).
        if (k > 0 && IsReflexivePronoun(k - 1) &&
            (g_.IsUnspokenReflexive(verb->lemma) ||
             (k >= 2 && Lower(k - 2) == "il" && k + 1 < tokens_.size() && IsQue(k + 1) &&
              g_.IsImpersonalReflexive(verb->lemma)))) {
          found = false;
        }
        cue.first_token = k;
      }
      if (!found) continue;
      // "a caché que …": a verb that reports only when negated.
      if (g_.SpeaksOnlyNegated(verb->lemma) &&
          !(cue.first_token >= 1 && IsNegationStart(cue.first_token - 1))) {
        continue;
      }
      if (!cue.narrative && !cue.gerund && !cue.inverted && OpensWithoutSubject(cue.first_token)) {
        // "Et indique que …", "Qui détaille : « … »": the subject of the
        // sentence before goes on, as after "Et d'ajouter".
        cue.first_token = 0;
        cue.narrative = true;
      }
      cue.span = Span{tokens_[cue.first_token].span.start, tokens_[k + words - 1].span.end};
      cues.push_back(std::move(cue));
      k += words - 1;
    }
    return cues;
  }

  // The quote whose marks enclose byte `pos`, if any.
  const Quote* QuoteAround(size_t pos) const {
    const Quote* quote = QuoteStartingBy(pos);
    return quote && quote->span.end > pos + 1 ? quote : nullptr;
  }

  // Whether token k is the closing mark of a quote.
  bool ClosesQuote(size_t k) const {
    const Quote* quote = QuoteEndingBefore(tokens_[k].span.end);
    return quote && quote->span.end == tokens_[k].span.end;
  }

  // What follows `quote` in its sentence, punctuation trimmed: empty when
  // the quote ends the sentence.
  Span RestOfSentence(const Quote& quote) const {
    return TrimEnd(Span{quote.span.end, std::max(quote.span.end, sentence_.end)});
  }

  Span TrimEnd(Span span) const {
    // "Plus de 2 000 manifestants ont défilé — selon la police — contre
    // 10 000": the dashes of an incise belong to no statement.
    const auto dash_at = [&](size_t pos) {
      const std::string_view rest = std::string_view(text_).substr(pos, span.end - pos);
      return rest.starts_with("\u2014") || rest.starts_with("\u2013");
    };
    constexpr size_t kDashBytes = 3;
    for (;;) {
      while (span.end > span.start && IsSentencePunct(text_[span.end - 1])) --span.end;
      if (span.size() < kDashBytes || !dash_at(span.end - kDashBytes)) break;
      span.end -= kDashBytes;
    }
    for (;;) {
      while (span.start < span.end &&
             (text_[span.start] == ' ' || text_[span.start] == ',' || text_[span.start] == '-')) {
        ++span.start;
      }
      if (span.size() < kDashBytes || !dash_at(span.start)) break;
      span.start += kDashBytes;
    }
    return span;
  }

  // The source phrase from token `first`, not past `limit`; place names
  // complete the titles ("le maire de New York").
  std::optional<SourcePhrase> Parse(size_t first, size_t limit) const {
    return g_.ParsePhrase(text_, tokens_, first, limit, {&places_, &demonyms_}, &lower_);
  }

  // Whether the verb group starting at token `lead` is the sentence's
  // second word after "Et" or the relative "Qui" ("Et indique que …",
  // "Qui ajoute : « … »"): a verb whose subject is the sentence before's.
  // Not in a question ("Qui a dit que … ?"), nor with a subject of its
  // own ("Et il ajoute" leads with "il").
  bool OpensWithoutSubject(size_t lead) const {
    if (lead != 1 || !IsWord(0) || (Lower(0) != "et" && Lower(0) != "qui")) return false;
    // The sentence's own question mark, not a quote's.
    for (size_t k = tokens_.size(); k-- > 0;) {
      if (InsideQuote(tokens_[k].span) || ClosesQuote(k)) continue;
      return Word(k) != "?";
    }
    return true;
  }

  // Whether token i is the complementizer "que" or "qu'".
  bool IsQue(size_t i) const { return Lower(i) == "que" || Lower(i) == "qu'"; }
  bool IsDe(size_t i) const { return Lower(i) == "de" || Lower(i) == "d'" || Lower(i) == "du"; }

  bool IsRelative(size_t i) const { return g_.IsRelativeOpener(Lower(i)); }

  // Whether tokens [first, end) are one source phrase, a name or a title,
  // and nothing else.
  bool NamesSubjectUpTo(size_t first, size_t end) const {
    auto phrase = Parse(first, end);
    return phrase && phrase->reference != SourcePhrase::Reference::kPronoun &&
           TokenAtOrAfter(phrase->span.end) == end;
  }

  // The folded tokens [i, i + n) joined by single spaces, whatever the
  // text has between them: "fait" "état" "de" is "fait état de".
  std::string SpacedLower(size_t i, size_t n) const {
    std::string joined(lower_[i]);
    for (size_t k = i + 1; k < i + n; ++k) {
      joined += ' ';
      joined += lower_[k];
    }
    return joined;
  }

  // Tokens [i, i + n) as a lexicon key: their text in lower case, so
  // "l'AFP" is "l'afp" and "de son côté" keeps its spaces.
  std::string Key(size_t i, size_t n) const {
    if (n == 1) return std::string(lower_[i]);  // folded already
    return LowerWord(Span{tokens_[i].span.start, tokens_[i + n - 1].span.end}.Of(text_));
  }

  // One past the longest phrase of at most `max_words` tokens from token i
  // that `in_lexicon` accepts; i when none does.
  template <typename Lexicon>
  size_t SkipPhrase(size_t i, size_t max_words, Lexicon in_lexicon) const {
    for (size_t n = std::min(max_words, tokens_.size() - std::min(i, tokens_.size())); n >= 1;
         --n) {
      if (in_lexicon(Key(i, n))) return i + n;
    }
    return i;
  }

  // Skips "que", "ainsi", "de son côté"... from token i.
  size_t SkipStatementWords(size_t i) const {
    for (size_t next = i; i < tokens_.size(); i = next) {
      next = SkipPhrase(i, kMaxSkipWords, [&](const std::string& key) {
        return g_.IsStatementSkip(key);
      });
      if (next == i) break;
    }
    return i;
  }

  // Whether the phrase starting at token k is a place's name ("La France
  // a …"), not a person's whose first name is a place too ("Dominique de
  // Villepin": la Dominique): the place must reach the phrase's end.
  bool IsPlaceName(const SourcePhrase& phrase, size_t k) const {
    const Span* place = SpanHolding(places_, k);
    return place && (phrase.type != "person" || place->end >= phrase.span.end);
  }

  // Whether a place mention covers one of the tokens [first, end).
  bool PlaceWithin(size_t first, size_t end) const {
    for (size_t k = first; k < end && k < tokens_.size(); ++k) {
      if (InSpans(places_, k)) return true;
    }
    return false;
  }

  // The one of `spans` (sorted by start, disjoint) that holds token i, or
  // null.
  const Span* SpanHolding(const std::vector<Span>& spans, size_t i) const {
    auto it = std::upper_bound(spans.begin(), spans.end(), tokens_[i].span.start,
                               [](size_t p, const Span& s) { return p < s.start; });
    return it != spans.begin() && std::prev(it)->Contains(tokens_[i].span) ? &*std::prev(it)
                                                                             : nullptr;
  }

  // Whether token i lies in one of `spans` (sorted by start, disjoint).
  bool InSpans(const std::vector<Span>& spans, size_t i) const {
    return SpanHolding(spans, i) != nullptr;
  }

  // After a named audience between a verb and its content or inverted
  // speaker: "a déclaré au New York Times que …", "a reconnu à CNN le
  // ministre", "a répondu à Jean Roux : « … »". `i` itself when there is
  // none: "a appelé à la grève" names no one.
  size_t AfterAudience(size_t i) const {
    if (!IsWord(i)) return i;
    size_t k = i + 1;
    // "a expliqué auprès de 20 Minutes X", "auprès du Parisien".
    if (Lower(i) == "auprès" && k < tokens_.size() &&
        (Lower(k) == "de" || Lower(k) == "d'" || Lower(k) == "du" || Lower(k) == "des")) {
      ++k;
    } else if (Lower(i) != "à" && Lower(i) != "au" && Lower(i) != "aux") {
      return i;
    }
    if (k < tokens_.size() && (Lower(k) == "la" || Lower(k) == "l'" || Lower(k) == "le")) ++k;
    // A known medium whose name opens with a number: "20 Minutes".
    for (size_t end = std::min(tokens_.size(), k + 4); end > k + 1; --end) {
      const Span words{tokens_[k].span.start, tokens_[end - 1].span.end};
      if (tokens_[k].kind == TokenKind::kNumber && end < tokens_.size() &&
          (IsUpperWord(end) || g_.IsDeterminer(Lower(end)) || g_.IsTitle(Lower(end))) &&
          g_.IsOrganizationName(LowerWord(words.Of(text_)))) {
        return end;
      }
    }
    // "a expliqué au quotidien Christian Wehrle": a medium left unnamed,
    // then the speaker, known by a first name.
    if (IsWord(k) && !IsUpperWord(k) && g_.IsSourceNoun(Lower(k))) {
      const size_t speaker = AfterMediumWords(k + 1);
      if (IsUpperWord(speaker) && g_.FirstNameGender(Lower(speaker))) return speaker;
    }
    // "à l'agence Belga", "au quotidien Le Soir": a source noun before the
    // name.
    if (k + 1 < tokens_.size() && IsWord(k) && !IsUpperWord(k) && g_.IsSourceNoun(Lower(k)) &&
        IsUpperWord(k + 1)) {
      ++k;
    }
    const size_t name = k;
    // "auprès de BFMTV.com Jean-Baptiste Bladier": a site's name.
    if (const size_t site = AfterWebDomain(k); site != k) {
      if (site < tokens_.size() && IsWord(site) &&
          (g_.FirstNameGender(Lower(site)) || g_.IsDeterminer(Lower(site)) ||
           g_.IsTitle(Lower(site)) || IsQue(site))) {
        return site;
      }
      return i;
    }
    k = SkipUpperWords(k);
    if (k == name) return CommonAudienceBeforeQue(i);
    if (k >= tokens_.size()) return i;
    const std::string_view w = Lower(k);
    // "a précisé à l'Agence Tap, que …": a comma may close the audience.
    const bool comma_que = w == "," && k + 1 < tokens_.size() && IsQue(k + 1);
    // "à l'agence RIA Novosti Valentine Sapounov": SkipUpperWords stopped
    // at the speaker's first name.
    const bool first_name = IsUpperWord(k) && g_.FirstNameGender(w);
    const bool content_or_speaker = IsQue(k) || Word(k) == ":" || g_.IsDeterminer(w) ||
                                    g_.IsTitle(w) || comma_que || first_name;
    if (content_or_speaker) return k;
    // "explique à Didier Le Gac, élu de la 3e circonscription, qu'il …":
    // the audience's apposition between commas, then the content (from
    // the comma, the incise is stepped over as after the verb).
    if (w == "," && AfterInciseBeforeQue(k) != k) return k;
    // "a affirmé à Jeune Afrique Armand Béouindé": a known medium's name,
    // then the speaker's.
    for (size_t end = k - 1; end > name; --end) {
      const Span words{tokens_[name].span.start, tokens_[end - 1].span.end};
      if (IsUpperWord(end) && g_.IsOrganizationName(LowerWord(words.Of(text_)))) return end;
    }
    return i;
  }

  // An occasion between commas ("lors de", "au cours de", "à l'occasion
  // de": occasion_prepositions). From its opening comma ("a annoncé
  // mercredi, lors d'un conseil extraordinaire, son intention de …"): past
  // its closing comma.
  // From its first word, after a comma ("…, a dit X, lors d'une réunion.",
  // "…, lors d'une réunion, avant de partir"): at its closing comma or the
  // sentence's end. `i` itself when there is none, or when it runs on.
  size_t AfterOccasion(size_t i) const {
    // "lors d'une cérémonie à Paris à l'occasion du 60e anniversaire du traité
    // de réconciliation entre l'Allemagne et la France."
    constexpr size_t kMaxOccasionTokens = 24;
    const bool from_comma = i < tokens_.size() && Word(i) == ",";
    const size_t first = from_comma ? i + 1 : i;
    if (first + 1 >= tokens_.size() || (!from_comma && (i == 0 || Word(i - 1) != ","))) {
      return i;
    }
    const size_t opened = SkipPhrase(first, kMaxPrepositionTokens, [&](const std::string& key) {
      return g_.IsOccasionPreposition(key);
    });
    if (opened == first) return i;
    for (size_t k = opened; k < tokens_.size() && k <= first + kMaxOccasionTokens; ++k) {
      if (Word(k) == "«" || Word(k) == ":") return i;
      if (EndsSentence(k)) return from_comma ? i : k;
      if (Word(k) == ",") return from_comma ? (k + 1 < tokens_.size() ? k + 1 : i) : k;
    }
    return i;
  }

  // "a annoncé samedi à Dagadji, dans la sous-préfecture de Doba, la …",
  // "a annoncé à Lyon la fermeture …": where it was said. A preposition of
  // place and a few words holding a place or a capitalized name, up to a
  // comma (returned); a place alone before the content; "dans" and a few
  // words between commas. Not a person ("a annoncé à Paul Roux sa
  // démission": a first name) nor words with no name ("à ses partenaires,
  // …"). `i` when there is none.
  size_t AfterPlaceSetting(size_t i) const {
    constexpr size_t kMaxPlaceTokens = 8;
    if (i + 2 >= tokens_.size() || !IsWord(i)) return i;
    const std::string_view w = Lower(i);
    if (w != "à" && w != "au" && w != "aux" && w != "dans" && w != "en") return i;
    // "relève qu'en Italie, le marché …": after "que", the content's own.
    if (i > 0 && IsQue(i - 1)) return i;
    const Span* place = SpanHolding(places_, i + 1);
    if (place && place->start == tokens_[i + 1].span.start) {
      const size_t after = TokenAtOrAfter(place->end);
      if (after < tokens_.size() && IsWord(after) && g_.IsDeterminer(Lower(after))) return after;
    }
    // "…, dans la salle du conseil, …": between commas, "dans" needs no name.
    bool named = w == "dans" && i > 0 && Word(i - 1) == ",";
    for (size_t k = i + 1; k < tokens_.size() && k <= i + kMaxPlaceTokens; ++k) {
      if (Word(k) == ",") return named ? k : i;
      if (!IsWord(k)) return i;
      if (InSpans(places_, k)) {
        named = true;
      } else if (IsUpperWord(k)) {
        if (g_.FirstNameGender(Lower(k))) return i;
        named = true;
      }
    }
    return i;
  }

  // "dominical" in "au journal dominical Le Matin": past a lower-case word
  // or two on a medium's noun when a capitalized word follows them; `i`
  // itself otherwise.
  size_t AfterMediumWords(size_t i) const {
    constexpr size_t kMaxMediumWords = 2;
    size_t k = i;
    while (k < tokens_.size() && k < i + kMaxMediumWords && IsWord(k) && !IsUpperWord(k)) {
      const std::string_view w = Lower(k);
      if (g_.IsDeterminer(w) || IsFunctionWord(w) || g_.LookupLowerVerb(w)) return i;
      ++k;
    }
    return IsUpperWord(k) ? k : i;
  }

  // Past a web site's name at token k ("BFMTV.com", "Lefigaro.fr": a
  // capitalized word, a dot, a top-level domain), else k.
  size_t AfterWebDomain(size_t k) const {
    if (k + 2 >= tokens_.size() || !IsUpperWord(k) || Word(k + 1) != "." ||
        tokens_[k].span.end != tokens_[k + 1].span.start ||
        tokens_[k + 1].span.end != tokens_[k + 2].span.start) {
      return k;
    }
    const std::string_view tld = Lower(k + 2);
    const bool domain = tld == "com" || tld == "fr" || tld == "net" || tld == "org" ||
                        tld == "info" || tld == "be" || tld == "ch" || tld == "ca";
    return domain ? k + 3 : k;
  }

  // Past the capitalized words of a name from token i, at most a few, up
  // to a known first name after the first ("l'agence RIA Novosti Valentine
  // Sapounov": the person's name starts there).
  size_t SkipUpperWords(size_t i) const {
    constexpr size_t kMaxNameWords = 4;
    const size_t first = i;
    // A first name opening a full name stops it ("RIA Novosti Valentine
    // Sapounov"); one ending it is a surname ("à Anne Martin que").
    auto opens_name = [&](size_t k) {
      return g_.FirstNameGender(Lower(k)) && k + 1 < tokens_.size() && IsUpperWord(k + 1);
    };
    while (i < tokens_.size() && i < first + kMaxNameWords && IsUpperWord(i) &&
           (i == first || !opens_name(i))) {
      ++i;
    }
    return i;
  }

  // "a rappelé aux élus que …", "a assuré à ses partenaires qu'…": an
  // audience in lower-case words, taken only when a que-clause follows it
  // at once (a noun of a few words; "a appelé à la grève" is none; nor
  // "répond aux questions parce qu'…", a conjunction).
  size_t CommonAudienceBeforeQue(size_t i) const {
    constexpr size_t kMaxAudienceTokens = 4;
    for (size_t k = i + 1; k < tokens_.size() && k <= i + kMaxAudienceTokens; ++k) {
      if (IsQue(k)) return k > i + 1 && !g_.IsQueConjunctionHead(Lower(k - 1)) ? k : i;
      if (!IsWord(k) || IsUpperWord(k) || InsideQuote(tokens_[k].span)) return i;
    }
    return i;
  }

  // Skips what sets the scene of the speech from token i: date mentions and
  // speech settings ("dimanche soir sur BFM TV", "à l'AFP", "dans un
  // communiqué"), at most kMaxSettings of them.
  size_t SkipSettings(size_t i) const {
    for (size_t n = 0; n < kMaxSettings && i < tokens_.size(); ++n) {
      size_t next = i;
      // "ce vendredi 4 octobre": the date mention leaves out "ce".
      if (next + 1 < tokens_.size() && IsDemonstrative(Lower(next)) && InSpans(dates_, next + 1)) {
        ++next;
      }
      // "a indiqué mardi vers 13h15 le procureur", "à 13h15": the time
      // mention leaves out its preposition.
      if (next + 1 < tokens_.size() && (Lower(next) == "vers" || Lower(next) == "à") &&
          InSpans(dates_, next + 1)) {
        ++next;
      }
      if (!MeasuresSomething(next)) {
        while (next < tokens_.size() && InSpans(dates_, next)) ++next;
      }
      if (next == i && g_.MayStartSpeechSetting(Lower(i))) {
        next = SkipPhrase(i, kMaxSettingWords, [&](const std::string& key) {
          return g_.IsSpeechSetting(key);
        });
        // "au journal Le Monde": the medium's name after the setting's noun,
        // a lower-case word or two on it first ("au journal dominical"); not
        // the speaker's, known by a first name ("a expliqué au journal
        // Christian Wehrle"), nor after a document ("a déclaré dans un
        // communiqué Anicet-Georges Dologuélé").
        if (next > i && g_.SourceNounType(Lower(next - 1)) == "media") {
          next = AfterMediumWords(next);
          if (!(IsUpperWord(next) && g_.FirstNameGender(Lower(next)))) next = SkipUpperWords(next);
        } else if (next > i && IsDe(next - 1)) {
          // "au micro de BFM TV", "dans les colonnes du Parisien": the
          // medium's name after a setting that ends in "de", a channel's
          // number with it ("France 2").
          const size_t name_end = SkipUpperWords(next);
          next = name_end > next && name_end < tokens_.size() &&
                         tokens_[name_end].kind == TokenKind::kNumber
                     ? name_end + 1
                     : name_end;
        }
        next = AfterSettingParticiple(next);
      }
      if (next == i) next = AfterAudience(i);
      if (next == i) next = AfterOccasion(i);
      if (next == i) next = AfterPlaceSetting(i);
      if (next == i) next = AfterDetachedWord(i);
      if (next == i && IsMannerAdverb(i)) next = i + 1;
      // "conclut tout simplement Joji Otaki", "a dit très clairement que".
      if (next == i && IsDegreeAdverb(Lower(i)) && IsMannerAdverb(i + 1)) next = i + 2;
      if (next == i) next = AfterMannerPhrase(i);
      if (next == i) break;
      i = next;
    }
    return i;
  }

  // "dénonce, dans un rapport publié mardi, des « exécutions »": a
  // participle after a setting's document, with its complements up to a
  // comma, is the setting's; `i` itself (the participle) when no comma
  // closes it within kMaxSettingWords tokens, or a quote or a verb comes
  // first.
  size_t AfterSettingParticiple(size_t i) const {
    // "dénonce dans un rapport publié mardi « des crimes de guerre »": a
    // short participle phrase may also end where a quote or the
    // que-clause opens.
    constexpr size_t kMaxOpenParticipleTokens = 4;
    if (i >= tokens_.size() || !IsWord(i) ||
        !(LooksLikeParticiple(Lower(i)) || LooksLikeUParticiple(Lower(i)))) {
      return i;
    }
    for (size_t k = i + 1; k < tokens_.size() && k <= i + kMaxSettingWords; ++k) {
      if (Word(k) == ",") return k;
      if ((QuoteOpeningAt(k) || IsQue(k)) && k <= i + kMaxOpenParticipleTokens) return k;
      if (QuoteOpeningAt(k) || EndsSentence(k) || IsQue(k) || VerbAt(k)) return i;
    }
    return i;
  }

  // "…, confirme X, joint par téléphone", "…, explique X, du Bureau
  // central sismologique": after the comma at `comma`, more words on the
  // speaker named before it (a passive participle and its agent, or the
  // body X belongs to), up to the next comma or the sentence's end, where
  // this returns; `comma` itself when there are none.
  size_t AfterSpeakerAddition(size_t comma) const {
    if (comma + 2 >= tokens_.size() || Word(comma) != "," || !IsWord(comma + 1)) return comma;
    const std::string_view w = Lower(comma + 1);
    const bool participle = Lower(comma + 2) == "par";
    const bool article = Lower(comma + 2) == "la" || Lower(comma + 2) == "l'";
    const bool body = (w == "du" || w == "de") &&
                      (IsUpperWord(comma + 2) || (w == "de" && article && IsUpperWord(comma + 3)));
    if (!participle && !body) return comma;
    size_t k = comma + 2;
    while (k < tokens_.size() && Word(k) != "," && !EndsSentence(k)) ++k;
    return k;
  }

  // "a déclaré d'une manière tout à fait poétique X", "a répondu sur un ton
  // sec X", "de façon abrupte": how it was said, between the verb and its
  // speaker or content. The phrase's noun, then lower-case words that are
  // no article, preposition or verb; `i` itself when there is none.
  size_t AfterMannerPhrase(size_t i) const {
    constexpr size_t kMaxMannerWords = 4;
    auto is = [&](size_t k, std::string_view w) { return k < tokens_.size() && Lower(k) == w; };
    size_t k = i;
    if ((is(k, "d'") && is(k + 1, "une")) || (is(k, "sur") && is(k + 1, "un")) ||
        (is(k, "d'") && is(k + 1, "un"))) {
      k += 2;
    } else if (is(k, "de")) {
      k += 1;
    } else {
      return i;
    }
    if (!is(k, "manière") && !is(k, "façon") && !is(k, "ton")) return i;
    const size_t first = ++k;
    if (is(k, "tout") && is(k + 1, "à") && is(k + 2, "fait")) k += 3;  // an adverb
    while (k < tokens_.size() && k < first + kMaxMannerWords && IsWord(k) && !IsUpperWord(k) &&
           !g_.IsDeterminer(Lower(k)) && !IsQue(k) && !g_.LookupVerb(Word(k)) &&
           (Lower(k) == "à" || !IsPrepositionWord(Lower(k)))) {
      ++k;
    }
    return k > first ? k : i;
  }

  // "a indiqué laconiquement que …", "a affirmé récemment que …": a
  // lower-case word in -ement, -amment or -emment right after the verb,
  // with no article and no preposition after it, is an adverb of manner
  // (not "le lancement de …"; not "comment", which opens a topic).
  // "a assuré, véhément, le principal prévenu", "a lancé, amer, le
  // ministre": one lower-case word between commas, describing how it was
  // said, before a subject (a determiner, a title or a name). The second
  // comma, else `i`.
  size_t AfterDetachedWord(size_t i) const {
    if (i + 3 >= tokens_.size() || Word(i) != "," || Word(i + 2) != ",") return i;
    if (!IsLowerVerbLike(i + 1) || g_.LookupVerb(Word(i + 1)) || IsQue(i + 1) ||
        InsideQuote(tokens_[i + 1].span)) {
      return i;
    }
    const std::string_view next = Lower(i + 3);
    const bool subject = IsWord(i + 3) && (IsUpperWord(i + 3) || g_.IsDeterminer(next) ||
                                           g_.IsTitle(next));
    return subject ? i + 2 : i;
  }

  static bool IsDegreeAdverb(std::string_view w) {
    return w == "tout" || w == "très" || w == "plus" || w == "bien" || w == "assez" ||
           w == "fort";
  }

  bool IsMannerAdverb(size_t k) const {
    if (!IsWord(k) || IsUpperWord(k) || InsideQuote(tokens_[k].span)) return false;
    const std::string_view w = Lower(k);
    if (!w.ends_with("ement") && !w.ends_with("amment") && !w.ends_with("emment")) return false;
    return k + 1 >= tokens_.size() || !IsWord(k + 1) || !g_.IsPreposition(Lower(k + 1)) ||
           IsQue(k + 1);
  }

  // "réclame trente ans de réclusion": a duration that opens a noun's
  // complement is the object, no setting of the verb.
  bool MeasuresSomething(size_t k) const {
    const Span* duration = SpanHolding(durations_, k);
    if (!duration || tokens_[k].span.start != duration->start) return false;
    const size_t after = TokenAtOrAfter(duration->end);
    return after < tokens_.size() && (Lower(after) == "de" || Lower(after) == "d'");
  }

  // Where a statement that runs from its sentence's start begins: after a
  // dateline (already cut) and the connectors and dates that open it, each
  // closed by a comma ("En effet, …", "Plus récemment, mi-juin, …").
  size_t StatementStart() const {
    size_t start = 0;
    for (size_t round = 0; round < kMaxSettings; ++round) {
      size_t i = SkipStatementWords(start);
      while (i < tokens_.size() && InSpans(dates_, i)) ++i;
      if (i == start || i + 1 >= tokens_.size() || Word(i) != ",") break;
      start = i + 1;
    }
    return start == 0 ? sentence_.start : tokens_[start].span.start;
  }

  bool ContentAfterQue(const Cue& cue) const {
    const size_t first = AfterObjectBeforeQue(ContentStart(cue.end_token));
    if (first == 0 || first > tokens_.size()) return false;
    return IsQue(first - 1);
  }

  // Whether a que-only verb cue has the other content its lexicon entry
  // allows: an infinitive clause ("a assuré dimanche n'avoir rien vu") or
  // a complement in "à" ("conclut au suicide").
  bool OtherContentAfter(const Cue& cue) const {
    const std::string_view other = g_.OtherContentOf(cue.lemma);
    if (other.empty()) return false;
    size_t first = ContentStart(cue.end_token);
    if (first >= tokens_.size() || !IsWord(first)) return false;
    const std::string_view w = Lower(first);
    if (other == "à") return w == "à" || w == "au" || w == "aux";
    if (other == "object") return !IsReflexivePronoun(cue.first_token) && !g_.IsPreposition(w);
    if (other == "figure") return g_.IsDeterminer(w) && FigureWithin(first + 1);
    if (other == "pour" && w == "pour") return WhatIsPleadedFor(first + 1);
    return InfinitiveClauseAt(first);
  }

  // After "plaider pour": an infinitive clause ("a plaidé pour rouvrir
  // les écoles") or a thing asked for ("pour une hausse des dépenses"),
  // not the people a lawyer speaks for ("plaide pour la famille", "pour
  // M. Roux", "pour son client").
  bool WhatIsPleadedFor(size_t k) const {
    if (k >= tokens_.size() || !IsWord(k)) return false;
    if (InfinitiveClauseAt(k)) return true;
    if (!g_.IsDeterminer(Lower(k)) || k + 1 >= tokens_.size() || !IsWord(k + 1)) return false;
    const std::string_view noun = Lower(k + 1);
    return !IsUpperWord(k + 1) && !g_.IsSourceNoun(noun) && !g_.IsTitle(noun);
  }

  // Whether an infinitive clause starts at token `first`, negated or after
  // object clitics: "a expliqué ne pas vouloir démissionner", "n'avoir rien
  // su", "avoir entendu des détonations".
  bool InfinitiveClauseAt(size_t first) const {
    if (first >= tokens_.size() || !IsWord(first)) return false;
    if (NegatedInfinitiveAt(first)) return true;
    if (IsNegationStart(first) && first + 1 < tokens_.size()) ++first;
    return InfinitiveAfterCliticsAt(first);
  }

  // "La CGT évoque 2 000 grévistes", "a parlé de 300 morts": a figure
  // opening the content (after "de" at most) is a count the verb gives,
  // not a topic ("a évoqué la situation de 300 familles" is one); so is
  // one a few words into an indefinite phrase ("parlait d'un taux de
  // grévistes de 1,64 %", "évoque une hausse de 3 %").
  bool FigureOpensContent(const Cue& cue) const {
    size_t first = ContentStart(cue.end_token);
    if (first < tokens_.size() && (Lower(first) == "de" || Lower(first) == "d'")) ++first;
    if (first >= tokens_.size()) return false;
    if (Lower(first) == "un" || Lower(first) == "une") return FigureWithin(first + 1);
    return InSpans(quantities_, first) && !InSpans(dates_, first);
  }

  // Whether a quantity starts within a few words from token k, the word
  // after a determiner, before any verb or punctuation: "une croissance de
  // 0,8 %", "un déficit de 4,4 %"; "le chiffre de 2 000" (token k is the
  // noun, whatever verb it could also be).
  bool FigureWithin(size_t k) const {
    constexpr size_t kMaxWordsToFigure = 5;
    for (size_t j = k; j < tokens_.size() && j < k + kMaxWordsToFigure; ++j) {
      if (InSpans(quantities_, j)) return true;
      if (!IsWord(j) || (j > k && VerbAt(j))) return false;
    }
    return false;
  }

  // Where the content of a verb cue starts: after the settings, the words
  // to skip and the complementizer ("a déclaré dimanche sur BFM TV que",
  // "reconnaît tout de même qu'", "estime, de son côté, que").
  size_t ContentStart(size_t i) const {
    // "n'exclut pas que …" (negated_speech_verbs): the negation's adverb
    // after a simple tense, as "n'a pas exclu que" has it before.
    if (i >= 2 && i < tokens_.size() && IsNegationAdverb(Lower(i)) && IsNegationStart(i - 2)) {
      ++i;
    }
    if (size_t after = AfterInciseBeforeQue(i); after != i) return after;
    for (size_t round = 0; round < kMaxSettings && i < tokens_.size(); ++round) {
      size_t next = SkipStatementWords(SkipSettings(i));
      // "a déclaré mercredi, à Shems FM en marge de …, que": the incise
      // after the settings.
      if (next > i) {
        if (size_t after = AfterInciseBeforeQue(next); after != next) return after;
      }
      while (next < tokens_.size() && Word(next) == ",") ++next;
      if (next == i) break;
      i = next;
    }
    i = AfterCircumstanceIncise(i);
    // "demandaient de porter …", "demande à être baptisée", "recommande de
    // ne pas l'utiliser": the preposition before an infinitive, negated or
    // not, is not part of the content.
    if (i + 1 < tokens_.size() && IsWord(i + 1) && !IsUpperWord(i + 1) &&
        (Lower(i) == "de" || Lower(i) == "d'" || Lower(i) == "à") &&
        (InfinitiveAfterCliticsAt(i + 1) || NegatedInfinitiveAt(i + 1))) {
      ++i;
    }
    return i;
  }

  // "apporter", "lui apporter", "s'y rendre": clitics that are no article
  // or possessive at most, then a lower-case infinitive, from token k ("s'est
  // engagé à lui apporter son soutien"; not "a assuré le dîner", "leur
  // dossier").
  bool InfinitiveAfterCliticsAt(size_t k) const {
    constexpr size_t kMaxClitics = 2;
    auto clitic = [&](size_t i) {
      const std::string_view w = Lower(i);
      return w == "lui" || w == "y" || w == "en" || w == "se" || w == "s'" || w == "nous" ||
             w == "vous";
    };
    size_t verb = k;
    while (verb < tokens_.size() && verb < k + kMaxClitics && IsWord(verb) && clitic(verb)) {
      ++verb;
    }
    return verb < tokens_.size() && IsWord(verb) && !IsUpperWord(verb) &&
           LooksLikeInfinitive(Lower(verb));
  }

  // The second half of a negation: "pas", "plus", "jamais".
  static bool IsNegationAdverb(std::string_view lower) {
    return lower == "pas" || lower == "plus" || lower == "jamais";
  }

  // "ne pas utiliser", "ne plus l'utiliser", "ne jamais s'y rendre": a
  // negation, object clitics at most, then an infinitive, from token k.
  bool NegatedInfinitiveAt(size_t k) const {
    constexpr size_t kMaxClitics = 2;
    if (k + 2 >= tokens_.size() || Lower(k) != "ne") return false;
    const std::string_view adverb = Lower(k + 1);
    if (!IsNegationAdverb(adverb) && adverb != "rien") return false;
    size_t verb = k + 2;
    while (verb < tokens_.size() && verb < k + 2 + kMaxClitics && IsWord(verb) &&
           g_.IsSubjectClitic(Word(verb))) {
      ++verb;
    }
    return verb < tokens_.size() && IsWord(verb) && LooksLikeInfinitive(Lower(verb));
  }

  // "a déclaré, jeudi 14 avril, à Londres (Royaume-Uni), qu'il …": the
  // words between a comma right after the verb (at token `i`) and ", que"
  // set the scene whatever they are. The first token after that "que",
  // else `i`.
  size_t AfterInciseBeforeQue(size_t i) const {
    // "a déclaré mercredi, à Shems FM en marge de l'ouverture des travaux
    // du congrès annuel des représentants du tourisme, que …".
    constexpr size_t kMaxInciseTokens = 28;
    if (i >= tokens_.size() || Word(i) != ",") return i;
    for (size_t k = i + 1; k + 1 < tokens_.size() && k <= i + kMaxInciseTokens; ++k) {
      const std::string_view w = Word(k);
      if (w == "." || w == ";" || w == ":" || InsideQuote(tokens_[k].span)) return i;
      if (w == "," && IsQue(k + 1)) return k > i + 1 ? k + 2 : i;
    }
    return i;
  }

  // "27 août 2012. - ", "PARIS, 3 mars 2016 (AFP) - ": the dateline opening
  // a dispatch is nobody's statement. It is taken off the sentence: dates,
  // places, upper-case words ("AFP") and punctuation, then a dash.
  void SkipDateline() {
    // "(BFM Bourse) - ": a credit in parentheses opening the sentence
    // dates the dispatch as well as a date does.
    bool dated = OpeningCreditEnd() != 0;
    for (size_t k = 0; k < tokens_.size() && k < kMaxDatelineTokens; ++k) {
      if (k == 0 && dated) k = OpeningCreditEnd();
      std::string_view w = Word(k);
      bool dash = w == "-" || w == "\u2013" || w == "\u2014";
      if (dash && dated && k > 0 && k + 1 < tokens_.size()) {
        sentence_.start = tokens_[k + 1].span.start;
        tokens_.erase(tokens_.begin(), tokens_.begin() + static_cast<std::ptrdiff_t>(k + 1));
        return;
      }
      if (InSpans(dates_, k)) {
        dated = true;
        continue;
      }
      bool punct = w == "," || w == "." || w == "(" || w == ")";
      // "(Reuters)": an agency's name in its parentheses, whatever its case;
      // it dates the dispatch as a date does ("PARIS (Reuters) - ").
      const bool credit = IsWord(k) && w.size() >= 2 && IsUpperWord(k) && k > 0 &&
                          Word(k - 1) == "(" && k + 1 < tokens_.size() && Word(k + 1) == ")";
      dated = dated || credit;
      bool upper = IsWord(k) && w.size() >= 2 &&
                   (std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) ||
                    credit);
      if (!punct && !upper && !InSpans(places_, k)) return;
    }
  }

  // The token after ")" when the sentence opens with capitalized words in
  // parentheses, a few at most ("(BFM Bourse)"), else 0.
  size_t OpeningCreditEnd() const {
    constexpr size_t kMaxCreditWords = 4;
    if (tokens_.size() < 4 || Word(0) != "(") return 0;
    for (size_t k = 1; k < tokens_.size() && k <= kMaxCreditWords + 1; ++k) {
      if (Word(k) == ")") return k > 1 ? k + 1 : 0;
      if (!IsUpperWord(k)) return 0;
    }
    return 0;
  }

  // A sentence that is a quote and nothing else ("« ... ». "), with no cue:
  // it may continue the speaker quoted before it in the paragraph.
  // It may run over several sentences ("« A. B »"), and be the whole of the
  // paragraph after the one that quoted the speaker (the French way of
  // giving a long quote its own paragraph).
  void NoteContextQuote() {
    const Quote* quote = QuoteStartingAt(sentence_.start);
    if (!quote || quote->content.empty() || !EndsItsSentence(*quote)) return;
    const Span paragraph = paragraphs_[paragraph_];
    const bool whole_paragraph =
        quote->span.start == paragraph.start &&
        TrimEnd(Span{quote->span.end, std::max(quote->span.end, paragraph.end)}).empty();
    // The speaker quoted last in this paragraph, or in the one before when
    // the quote is a paragraph of its own or opens this one ("« A », a
    // précisé la préfète.\n\n« B ». Les feux …").
    const bool opens_paragraph = quote->span.start == paragraph.start;
    if (last_quoted_ && (last_quoted_->paragraph == paragraph_ ||
                         (last_quoted_->paragraph + 1 == paragraph_ &&
                          (whole_paragraph || opens_paragraph)))) {
      context_quotes_.push_back(ContextQuote{*quote, last_quoted_->source});
      return;
    }
    // A short quote standing as a paragraph further on is a subheading
    // quoting the article's speaker: "« Je savoure quand même »" between
    // the paragraphs of an interview, the person quoted last (a person
    // only: a body's words are not set as a heading).
    constexpr size_t kMaxHeadingSpaces = 10;
    const std::string_view words = quote->content.Of(text_);
    if (whole_paragraph && last_quoted_ && last_quoted_->source.type == "person" &&
        static_cast<size_t>(std::count(words.begin(), words.end(), ' ')) <= kMaxHeadingSpaces) {
      context_quotes_.push_back(ContextQuote{*quote, last_quoted_->source});
      return;
    }
    // Else the speaker of the sentence just before, in this paragraph: "X a
    // estimé que le texte était mauvais. « Nous voterons contre. »"
    if (auto source = PreviousSentenceSpeaker()) {
      context_quotes_.push_back(ContextQuote{*quote, *source});
      return;
    }
    // Else, for a paragraph of its own or a sentence of the same
    // paragraph, the person subject of the sentence just before, which
    // introduced them without a claim: "Jean Dupont est inquiet.\n\n« Nous
    // n'avons plus … »", "Paul Roux a vivement réagi. « C'est une honte. »"
    // (after "X a estimé que …", the next paragraph's quote may be
    // anyone's).
    const bool next_paragraph = whole_paragraph && previous_paragraph_ + 1 == paragraph_;
    const bool same_paragraph = previous_paragraph_ == paragraph_ && IsSentenceQuote(*quote);
    if (!next_paragraph && !same_paragraph) return;
    for (auto it = out_.claims.rbegin(); it != out_.claims.rend(); ++it) {
      if (it->span.end <= previous_sentence_.start) break;
      if (it->type == ClaimType::kUnattributed) continue;
      // "X dit entendre les griefs des riverains.\n\n« Nous les avons
      // reçus … »": a paragraph that is a quote and nothing else, after a
      // paragraph ending on a person's reported speech, goes on with it.
      if (next_paragraph && it->source && it->source->type == "person" &&
          previous_sentence_.Contains(it->span)) {
        context_quotes_.push_back(ContextQuote{*quote, *it->source});
      }
      return;
    }
    if (const Entity* subject = SubjectOfPreviousSentence(/*person=*/true)) {
      context_quotes_.push_back(ContextQuote{*quote, SourceOf(*subject)});
      return;
    }
    // Or the person "il" or "elle" meant there: "Sarah Saunier est
    // stoïque. Elle doit aller en rattrapage. « Je vais travailler … »"
    const Gender gender = PronounOpening(previous_sentence_);
    if (gender == Gender::kUnknown) return;
    if (const Entity* person =
            ByPronoun(gender, /*latest=*/false, previous_sentence_.start, /*person_only=*/true)) {
      context_quotes_.push_back(ContextQuote{*quote, SourceOf(*person)});
    }
  }

  // The gender of "il" or "elle" when one is the first word of `sentence`
  // or the first after its opening phrase ("Plus qu'une actrice, elle
  // incarne …"), the subject of its verb; kUnknown otherwise.
  Gender PronounOpening(Span sentence) const {
    auto pronoun_at = [&](size_t pos) {
      while (pos < sentence.end && text_[pos] == ' ') ++pos;
      size_t end = pos;
      while (end < sentence.end && std::isalpha(static_cast<unsigned char>(text_[end]))) ++end;
      if (end == pos || end >= sentence.end || text_[end] != ' ') return Gender::kUnknown;
      std::string word(text_.substr(pos, end - pos));
      word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
      // "Il y a", "il faut": nobody.
      if (word == "il" && !g_.StartsImpersonally(text_.substr(end + 1, sentence.end - end - 1))) {
        return Gender::kMasculine;
      }
      if (word == "elle") return Gender::kFeminine;
      return Gender::kUnknown;
    };
    if (sentence.empty()) return Gender::kUnknown;
    if (Gender g = pronoun_at(sentence.start); g != Gender::kUnknown) return g;
    // Within the sentence: a search to the text's end made every sentence
    // without a comma cost the rest of the article.
    const size_t comma = sentence.Of(text_).find(',');
    if (comma == std::string_view::npos) return Gender::kUnknown;
    return pronoun_at(sentence.start + comma + 1);
  }

  // The last entity (`person`: the last person) named as a subject in the
  // sentence before this one.
  const Entity* SubjectOfPreviousSentence(bool person = false) const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->named_at < previous_sentence_.start) break;
      if (it->subject && it->named_at < sentence_.start && (!person || it->type == "person")) {
        return &*it;
      }
    }
    return nullptr;
  }

  // The source of the last attributed claim of the previous sentence, when
  // it is in this paragraph.
  std::optional<ClaimSource> PreviousSentenceSpeaker() const {
    if (previous_paragraph_ != paragraph_ || previous_sentence_.empty()) return std::nullopt;
    for (auto it = out_.claims.rbegin(); it != out_.claims.rend(); ++it) {
      if (it->span.end <= previous_sentence_.start) break;
      if (it->type == ClaimType::kUnattributed || !it->source) continue;
      if (previous_sentence_.Contains(it->span)) return *it->source;
    }
    return std::nullopt;
  }

  // Whether only sentence punctuation follows `quote` before its sentence
  // ends: « … ». « … »\n, not « … » dit-il.
  bool EndsItsSentence(const Quote& quote) const {
    size_t k = quote.span.end;
    bool stop = quote.content.end > quote.content.start &&
                std::string_view(".!?").find(text_[quote.content.end - 1]) != std::string_view::npos;
    while (k < text_.size() && (text_[k] == ' ' || text_[k] == '.' || text_[k] == '!' ||
                                text_[k] == '?')) {
      stop = stop || text_[k] != ' ';
      ++k;
    }
    return k >= text_.size() || text_[k] == '\n' || stop;
  }

  // People named outside attributions are remembered so that a later "il"
  // or "selon lui" finds them: after a title ("Le ministre X s'est rendu
  // sur place."), or as the subject of a verb ("Gilles Simeoni a appris").
  void RememberPeople() {
    RememberPronounSubject();
    RememberOrdinalSubject();
    // The next figure at or after token k, walked along with k: most
    // words start none, and a search per word cost more than the rest.
    auto figure = std::lower_bound(
        quantities_.begin(), quantities_.end(), sentence_.start,
        [](const Span& q, size_t start) { return q.start < start; });
    for (size_t k = 0; k < tokens_.size(); ++k) {
      // People a quote speaks of are not its speaker.
      if (!IsWord(k) || InsideQuote(tokens_[k].span)) continue;
      while (figure != quantities_.end() && figure->start < tokens_[k].span.start) ++figure;
      const bool starts_figure =
          figure != quantities_.end() && figure->start == tokens_[k].span.start;
      // "ministre", "première ministre".
      // Lower(k) is the folded word: the lookups need no copy of their own.
      const bool titled = g_.IsTitle(Lower(k)) ||
                          (k + 1 < tokens_.size() && IsWord(k + 1) &&
                           g_.StartsLongerTitle(Lower(k)) &&
                           g_.IsTitle(SpacedLower(k, 2)));
      // "au 10 Downing Street": after a number, capitalized words are an
      // address.
      const bool name_start =
          IsUpperWord(k) && (k == 0 || (!IsUpperWord(k - 1) &&
                                        !std::isdigit(static_cast<unsigned char>(Word(k - 1)[0]))));
      // "Les Talibans", "L'agence de notation Moody's".
      const bool det_name = k + 1 < tokens_.size() && g_.IsDeterminer(Lower(k)) &&
                            (IsUpperWord(k + 1) || g_.IsSourceNoun(Lower(k + 1)));
      // A person is remembered by two words or more ("Gilles Simeoni",
      // "B. Obama"): a lone capitalized word needs no parse.
      const bool long_name = name_start && k + 1 < tokens_.size() &&
                             (IsUpperWord(k + 1) || Word(k + 1) == "." ||
                              ArabicArticleName(Word(k + 1)) ||  // "Nasser al-Khelaïfi"
                              ParticleBeforeName(k + 1) ||  // "Ursula von der Leyen"
                              g_.IsTitle(Lower(k + 1)));  // "Première ministre
      if (!titled && !long_name && !det_name) {
        if (name_start) RememberSurnameSubject(k);
        if (starts_figure) {
          if (const size_t after = RememberCountedGroup(k, *figure); after > k) k = after - 1;
        }
        continue;
      }
      size_t start = titled && k > 0 && g_.IsDeterminer(Lower(k - 1)) ? k - 1 : k;
      // "L'ancien président, François Hollande": the article before a
      // prenominal adjective, whose "ancien" the role keeps.
      if (titled && start == k && k > 1 && IsWord(k - 1) && g_.IsPrenominalAdjective(Lower(k - 1)) &&
          g_.IsDeterminer(Lower(k - 2))) {
        start = k - 2;
      }
      auto phrase = Parse(start, PhraseEnd(start));
      if (phrase && !titled) phrase = WithoutSubjectApposition(*phrase, start);
      if (titled && phrase && phrase->reference == SourcePhrase::Reference::kRoleOnly) {
        RememberTitledSubject(*phrase);
        // "Le chef du gouvernement a réuni …": the body in the title's
        // complement is no subject of its own.
        const size_t after = TokenAtOrAfter(phrase->span.end);
        k = std::max(k, after > 0 ? after - 1 : 0);
        continue;
      }
      // "Les deux dirigeants ont affiché …" after two people were named:
      // the pair, for "ils" next.
      if (std::optional<Entity> pair = phrase ? PairReferredTo(*phrase) : std::nullopt) {
        const size_t after = TokenAtOrAfter(phrase->span.end);
        pair->subject = PredicateAfter(after);
        Remember(std::move(*pair));
        k = std::max(k, after > 0 ? after - 1 : 0);
        continue;
      }
      // "Le Britannique a salué son équipe": the person it refers back to,
      // again, for "il" next.
      if (const Entity* described = phrase ? DemonymReferredTo(*phrase) : nullptr) {
        const size_t after = TokenAtOrAfter(phrase->span.end);
        Entity again = *described;
        again.named_at = phrase->span.start;
        again.subject = PredicateAfter(after);
        Remember(std::move(again));
        k = std::max(k, after > 0 ? after - 1 : 0);
        continue;
      }
      // A group without a name, as a subject ("Quelques associations
      // étudiantes ont manifesté"): "ces associations" may speak next.
      const bool described_group = phrase && !phrase->proper_name && det_name &&
                                   phrase->type != "person" && !phrase->head.empty();
      if (!phrase || phrase->reference != SourcePhrase::Reference::kNamed ||
          (!phrase->proper_name && !described_group)) {
        continue;
      }
      const size_t after = TokenAtOrAfter(phrase->span.end);
      const bool person = phrase->type == "person";
      if (person && RememberCouple(*phrase, after)) {
        k = std::max(k, after);
        continue;
      }
      // A body as a subject ("Les Talibans ont visé"), for "selon eux";
      // a person by full name ("Gilles Simeoni a appris").
      // A body by a name of two words or more, with or without article
      // ("Amnesty International a publié").
      // A person by a surname after a title ("M. Villeneuve a tiré des
      // salves", "le ministre Darmanin a répondu") too.
      const bool named_subject =
          person ? phrase->name.find(' ') != std::string::npos || (titled && phrase->proper_name)
                 : det_name || (phrase->proper_name && long_name &&
                                phrase->name.find(' ') != std::string::npos);
      // "Un ancien de la Gestapo, Alfons Goetzfrid, a été condamné".
      // "Hani Belouis vit dans un logement": a person's full name opening
      // the sentence, then a word that is most likely a verb, known or not.
      // So does a group opening it ("Les syndicats entendaient faire
      // pression", for "ils" next), also after an opening phrase and its
      // comma ("Avec cette action, les syndicats entendaient …").
      const bool opening_subject =
          (person || (described_group && phrase->gender == Gender::kPlural)) &&
          OpensSentence(phrase->span.start) && LikelyPredicateAfter(after);
      // "Romain Jouan, 32 ans, a du mal à …": an age between commas.
      const bool predicate = PredicateAfter(after) || AppositionRunsToPredicate(*phrase, after) ||
                             opening_subject ||
                             (AgeBetweenCommasAt(after) && StartsPredicate(after + 4));
      // Anywhere, a full name with a known first name ("une étude menée
      // par Gilles-Éric Séralini"), or a body by its head noun and a named
      // complement ("devant le tribunal correctionnel de Belfort", for
      // "le tribunal" later).
      const bool known_person = person && phrase->first_name;
      // Or a body by a capitalized head ("dirige le Parti populaire", for
      // "son parti" later).
      // Or a body by an acronym after its article, anywhere ("la colère
      // de la CGT", for "le syndicat" next).
      const bool known_body =
          (!phrase->head.empty() && phrase->type != "anonymous" &&
           ((described_group && HasNamedComplement(phrase->name)) ||
            (phrase->proper_name && LowerWord(phrase->name) != phrase->head))) ||
          (det_name && phrase->proper_name && IsBodyType(phrase->type) &&
           phrase->name.find(' ') == std::string::npos && LooksLikeAcronym(phrase->name));
      // "à la tête de l'OMC, a rencontré": a complement is no subject; nor,
      // with no first name known, a person at all ("les favoris de cette
      // édition du Vendée Globe, a préféré …"; "du" opens the phrase
      // itself). Read for the phrases kept only: most are not.
      const bool candidate = named_subject && predicate && !IsPlaceName(*phrase, k);
      if (titled ? !person : !(known_person || known_body || candidate)) continue;
      // "les missions liées à l'AJ" after "l'aide juridictionnelle (AJ)":
      // a thing's acronym names no body.
      if (!person && LooksLikeAcronym(phrase->name) && SpelledOutAsCommonNoun(phrase->name)) {
        continue;
      }
      const size_t phrase_first = TokenAtOrAfter(phrase->span.start);
      const bool governed = phrase_first > 0 && (IsPrepositionWord(Lower(phrase_first - 1)) ||
                                                 Lower(phrase_first) == "du");
      if (!titled && !known_person && !known_body && governed && person) continue;
      const bool subject = named_subject && predicate && !governed;
      // "Jean Roux a été réélu maire de Brest": the title the predicate
      // gives, for "le maire de Brest" later.
      const std::optional<SourcePhrase> appointed =
          subject && person && !phrase->role ? AppointedRoleAt(after) : std::nullopt;
      const auto titled_entity = [&] {
        Entity entity = EntityOf(*phrase);
        if (appointed) {
          entity.role = appointed->role;
          entity.role_country = RoleCountry(*appointed);
        }
        return entity;
      };
      if (const Entity* known = ByName(phrase->name, true); !known) {
        Entity entity = titled_entity();
        entity.described = described_group && !HasNamedComplement(phrase->name);
        entity.named_at = phrase->span.start;
        entity.subject = subject;
        Remember(std::move(entity));
      } else if ((subject || (phrase->role && !known->role)) && person) {
        // Named again as a subject: the freshest of the article's people;
        // or with a title the first mention lacked ("François Hollande" in
        // the headline, "le président français François Hollande" after).
        Entity again = *known;
        if (!again.role) {
          const Entity titled = titled_entity();
          again.role = titled.role;
          again.role_country = titled.role_country;
        }
        again.named_at = phrase->span.start;
        again.subject = subject;
        Remember(std::move(again));
      }
      k = std::max(k, after > 0 ? after - 1 : 0);
    }
  }

  // The title a predicate starting at token k gives its subject: "a été
  // réélu maire de Brest", "vient d'être nommée directrice de l'hôpital",
  // "devient président du club", "est l'avocat de la famille"; nullopt for
  // any other predicate ("a été reçu par le maire", "est nommé par le
  // ministre": no title right after) and for a relation ("est le fils du
  // maire").
  std::optional<SourcePhrase> AppointedRoleAt(size_t k) const {
    const auto word_is = [&](size_t i, std::string_view w) {
      return i < tokens_.size() && IsWord(i) && Lower(i) == w;
    };
    const bool copula = word_is(k, "est") || word_is(k, "était");
    if ((word_is(k, "a") || word_is(k, "avait")) && word_is(k + 1, "été")) {
      k += 2;
    } else if (word_is(k, "vient") && word_is(k + 1, "d'") && word_is(k + 2, "être")) {
      k += 3;
    } else if (copula) {
      ++k;
    }
    const bool appointed = k < tokens_.size() && IsWord(k) && g_.IsAppointmentWord(Lower(k));
    if (appointed) {
      ++k;
    } else if (!copula) {
      return std::nullopt;
    }
    if (appointed && word_is(k, "comme")) ++k;  // "désigné comme porte-parole"
    // "est le maire", "devient la nouvelle présidente": a determiner before
    // the title.
    const size_t start = k;
    if (k < tokens_.size() && IsWord(k) && g_.IsDeterminer(Lower(k))) ++k;
    if (k < tokens_.size() && IsWord(k) && g_.IsPrenominalAdjective(Lower(k))) ++k;
    if (k >= tokens_.size() || !IsWord(k) || !g_.IsTitle(Lower(k)) ||
        g_.IsRelationTitle(Lower(k))) {
      return std::nullopt;
    }
    auto phrase = Parse(start, PhraseEnd(start));
    if (!phrase || !phrase->role || phrase->reference != SourcePhrase::Reference::kRoleOnly) {
      return std::nullopt;
    }
    return phrase;
  }

  // "Olivier Allain acquiesce. … il est aujourd'hui sur la liste de
  // Thierry Burlot. « … », appuie-t-il": a sentence whose subject is "il"
  // or "elle" speaks again of whom that pronoun means, though it says
  // nothing; a person named later in a complement does not take the
  // pronouns after it.
  void RememberPronounSubject() {
    const Gender gender = PersonalPronounSubject();
    if (gender == Gender::kUnknown) return;
    // A copy, named at the sentence's start: the pronoun itself, resolved
    // when the sentence's claims are linked, looks before it and still
    // finds the entry the copy came from.
    // People only: a body the pronoun may mean keeps where it was named,
    // so it does not stay "il" sentence after sentence ("Le Parti
    // populaire a exclu Antoni Pastor. … il vota contre. Il fut exclu …").
    if (const Entity* meant = ByPronoun(gender, /*latest=*/false, sentence_.start);
        meant && !IsBodyType(meant->type)) {
      RememberSpeakerAgain(*meant, sentence_.start);
    }
  }

  // "… Jean-Charles Larsonneur et Erwan Balanant. Le premier, apparenté
  // au groupe Horizons, avait fait part de sa décision. « … », indiquait-il":
  // a sentence whose subject is "le premier" or "la seconde" speaks again
  // of that one of the pair, for the pronouns after it, though it says
  // nothing (see Entity::by_ordinal).
  void RememberOrdinalSubject() {
    if (tokens_.size() < 3 || !IsWord(0) || !IsWord(1) || !g_.IsPairPronoun(Key(0, 2))) return;
    // An apposition after it ("Le premier, apparenté au groupe Horizons,")
    // is no verb, but ends the phrase as one would.
    auto phrase = Parse(0, Word(2) == "," ? 2 : PhraseEnd(0));
    if (!phrase || phrase->reference != SourcePhrase::Reference::kPronoun ||
        phrase->of_pair == 0) {
      return;
    }
    RememberOrdinal(*phrase);
  }

  // The one of the pair an ordinal phrase means, remembered again where
  // the phrase stands, as a subject; null when there is no pair.
  const Entity* RememberOrdinal(const SourcePhrase& phrase) {
    const Entity* e = OneOfLastTwo(phrase.gender, phrase.span.start, phrase.of_pair);
    if (!e) return nullptr;
    Entity again = *e;
    again.named_at = phrase.span.start;
    again.subject = true;
    again.by_ordinal = true;
    Remember(std::move(again));
    return &entities_.back();
  }

  // The gender of "il" or "elle" as the subject of the sentence's first
  // clause or of the one after its first comma ("Il y a trois jours, il
  // était …"); kUnknown when there is none or "il" is impersonal: "il y
  // a", "il faut" (impersonal_quote_starts), "il est" with "de", "que" or
  // "pour" within three words ("il est clair que", "il est temps de"),
  // where "il est éleveur" and "il était le vice-président" are personal.
  Gender PersonalPronounSubject() const {
    constexpr size_t kCopulaReach = 3;
    const auto at = [&](size_t k) {
      if (k + 1 >= tokens_.size() || !IsWord(k + 1)) return Gender::kUnknown;
      const std::string_view pronoun = Lower(k);
      if (pronoun != "il" && pronoun != "elle") return Gender::kUnknown;
      const std::string_view verb = Lower(k + 1);
      if (verb == "est" || verb == "était" || verb == "sera" || verb == "serait") {
        for (size_t i = k + 2; i < tokens_.size() && i < k + 2 + kCopulaReach; ++i) {
          const std::string_view w = Lower(i);
          if (IsQue(i) || w == "de" || w == "d'" || w == "pour") return Gender::kUnknown;
        }
      } else if (pronoun == "il" &&
                 g_.StartsImpersonally(Span{tokens_[k + 1].span.start, sentence_.end}.Of(text_))) {
        return Gender::kUnknown;
      }
      return pronoun == "il" ? Gender::kMasculine : Gender::kFeminine;
    };
    if (tokens_.empty()) return Gender::kUnknown;
    if (const Gender g = at(0); g != Gender::kUnknown) return g;
    for (size_t k = 1; k + 1 < tokens_.size(); ++k) {
      if (Word(k) == ",") return at(k + 1);
    }
    return Gender::kUnknown;
  }

  // "Une trentaine d'élus ont quitté la salle", "Près de 300 éleveurs
  // sont rassemblés": a group counted by `figure` (a quantity mention)
  // starting at token k, as a subject, is remembered by its description,
  // figure included, for "ils" or "selon eux" next. Returns the token
  // after the group, or k when there is none.
  size_t RememberCountedGroup(size_t k, const Span& figure) {
    size_t noun = TokenAtOrAfter(figure.end);
    if (noun < tokens_.size() && (Lower(noun) == "de" || Lower(noun) == "d'")) ++noun;
    if (!IsWord(noun) || !g_.IsSourceNoun(Lower(noun))) return k;
    auto phrase = Parse(noun, PhraseEnd(noun));
    if (!phrase || phrase->reference != SourcePhrase::Reference::kNamed ||
        phrase->proper_name || phrase->role || phrase->type == "person") {
      return k;
    }
    const size_t after = TokenAtOrAfter(phrase->span.end);
    // "Près de 300 éleveurs, opposés au projet, sont rassemblés".
    if (!PredicateAfter(after) && !AppositionRunsToPredicate(*phrase, after)) return k;
    phrase->span.start = figure.start;
    phrase->name = std::string(phrase->span.Of(text_));
    phrase->gender = Gender::kPlural;
    Entity entity = EntityOf(*phrase);
    entity.described = true;
    entity.named_at = phrase->span.start;
    entity.subject = true;
    Remember(std::move(entity));
    return after;
  }

  // Whether a quantity mention starts at token k.
  bool QuantityStartsAt(size_t k) const {
    if (k >= tokens_.size()) return false;
    const Span* quantity = SpanHolding(quantities_, k);
    return quantity != nullptr && quantity->start == tokens_[k].span.start;
  }

  // "Après une rencontre avec Jean Roux, le ministre a affirmé": a name
  // after a preposition is an object; the title after its comma, before a
  // verb, is the next clause's subject, not the name's apposition. The
  // phrase read to the comma then; so too when a figure follows the comma.
  std::optional<SourcePhrase> WithoutSubjectApposition(const SourcePhrase& phrase,
                                                       size_t start) const {
    if (start == 0 || !phrase.role || !IsFunctionWord(Lower(start - 1))) return phrase;
    const size_t end = TokenAtOrAfter(phrase.span.end);
    size_t comma = start;
    while (comma < end && Word(comma) != ",") ++comma;
    // "Selon une enquête de l'Inserm, un adolescent sur cinq présente …": a
    // figure after the comma opens the statement.
    if (comma + 1 < end && QuantityStartsAt(comma + 1)) return Parse(start, comma);
    // An apposition closed by a comma is one ("à Pierre Morel, le
    // successeur de Jacques Lenoir, qui …", "de Paul Garnier, ancien maire
    // de Vence, s'est ouvert"); a title with its article running into
    // the verb is the subject.
    // "…, le ministre Paul Roux a menti": the title's name before the verb.
    size_t verb = end;
    while (verb < tokens_.size() && IsUpperWord(verb)) ++verb;
    if (comma + 1 >= end || !g_.IsDeterminer(Lower(comma + 1)) || verb >= tokens_.size() ||
        Word(verb) == "," || !StartsPredicate(verb)) {
      return phrase;
    }
    return Parse(start, comma);
  }

  // "Kombouaré, lui, n'a pas caché son amertume": a person named earlier,
  // by surname alone as a subject, is who "il" most likely means next.
  void RememberSurnameSubject(size_t k) {
    const Entity* known = ByFullName(Word(k));  // cheaper than folding the words after
    if (!known) {
      RememberFirstNameSubject(k);
      return;
    }
    if (known->name == Word(k) || !PredicateAfter(k + 1)) return;
    Entity again = *known;
    again.named_at = tokens_[k].span.start;
    again.subject = true;
    Remember(std::move(again));
  }

  // "Sophie ne dort plus", "Sa collègue, Sophie, ne dort plus", "Sophie,
  // 34 ans, ne dort plus": a first name the lexicon knows, alone as a
  // subject (or in apposition to one), is a person "elle" may mean next.
  // So is one introduced by an age or a description anywhere ("un constat
  // partagé par Hélène, jeune maman venue de Fougères"), the way a street
  // interview names its speakers, though not as a subject.
  void RememberFirstNameSubject(size_t k) {
    const std::optional<Gender> gender = g_.FirstNameGender(Lower(k));
    if (!gender) return;
    const bool apposition = k > 0 && Word(k - 1) == "," && k + 1 < tokens_.size() &&
                            Word(k + 1) == "," && LikelyPredicateAfter(k + 2);
    const bool aged = AgeBetweenCommasAt(k + 1) && LikelyPredicateAfter(k + 5);
    const bool subject = apposition || aged || LikelyPredicateAfter(k + 1);
    if (!subject && !IntroducedAt(k + 1)) return;
    Entity person{std::string(Word(k)), "person", std::nullopt, std::nullopt, *gender};
    person.named_at = tokens_[k].span.start;
    person.subject = subject;
    Remember(std::move(person));
  }

  // Whether a comma at token `comma` opens an age ("34 ans") or a
  // description by a title, after "jeune" at most ("jeune maman",
  // "retraitée"): what introduces someone known by a first name.
  bool IntroducedAt(size_t comma) const {
    if (comma + 2 >= tokens_.size() || Word(comma) != ",") return false;
    size_t k = comma + 1;
    if (tokens_[k].kind == TokenKind::kNumber) return Lower(k + 1) == "ans";
    if (Lower(k) == "jeune") ++k;
    return k < tokens_.size() && IsWord(k) && !IsUpperWord(k) && g_.IsTitle(Lower(k));
  }

  // A verb the lexicons know, a negation before any ("ne dort plus"), or
  // a lower-case word that is no function word or article ("François
  // habite ici"): after a person's name as a subject, most likely a verb.
  bool LikelyPredicateAfter(size_t at) const {
    return PredicateAfter(at) ||
           (IsWord(at) && !IsUpperWord(at) &&
            (IsNegationStart(at) ||
             (!IsFunctionWord(Lower(at)) && !g_.IsDeterminer(Lower(at)) && Lower(at) != "et" &&
              Lower(at) != "ou")));
  }

  // "Paul Roux et Anne Petit ont signé": two people joined by "et" as a
  // subject are who "ils" means next, and each is known by name ("M. Roux"
  // later). `after` is the token after `first`. False when `first` is not
  // in such a subject.
  bool RememberCouple(const SourcePhrase& first, size_t after) {
    if (after + 1 >= tokens_.size() || Lower(after) != "et") return false;
    auto second = Parse(after + 1, PhraseEnd(after + 1));
    if (!second || second->reference != SourcePhrase::Reference::kNamed ||
        second->type != "person") {
      return false;
    }
    const size_t verb = TokenAtOrAfter(second->span.end);
    if (!StartsPredicate(verb)) return false;
    auto both = Coordinated(first, after, verb);
    if (!both) return false;
    const SourcePhrase& other = *second;
    for (const SourcePhrase* one : {&first, &other}) {
      if (ByName(one->name, true)) continue;
      Entity person = EntityOf(*one);
      person.named_at = one->span.start;
      Remember(std::move(person));
    }
    Entity couple = EntityOf(*both);
    couple.named_at = both->span.start;
    couple.subject = true;
    Remember(std::move(couple));
    return true;
  }

  // "Le chanteur a quitté la scène": a definite title as a subject is who
  // "il" most likely means next; the person it refers back to when there
  // is one ("Le ministre a quitté la salle" after "le ministre Paul
  // Roux"), else an unnamed speaker known by the title.
  // Elsewhere ("Le maire a rencontré le préfet"), the latest person named,
  // for "ce dernier", though not the subject "il" prefers.
  void RememberTitledSubject(const SourcePhrase& phrase) {
    size_t after = TokenAtOrAfter(phrase.span.end);
    // "Le ministre des Sports, lui, s'est montré prudent": the stressed
    // pronoun between commas repeats the subject before its verb.
    if (after + 3 < tokens_.size() && Word(after) == "," && IsStressedPronoun(after + 1) &&
        Word(after + 2) == ",") {
      after += 3;
    }
    if (!phrase.definite || !phrase.role) return;
    if (Entity* named = PersonRightBefore(phrase)) {
      // "Laurette Angéli, la maire, veut …": the title of the person just
      // named, after any the phrase before gave ("où habitait l'employé,
      // Laurette Angéli, la maire": the first may belong to the clause
      // before, so the closer title's gender wins).
      named->role = named->role ? *named->role + ", " + *phrase.role : *phrase.role;
      if (phrase.gender != Gender::kUnknown) named->gender = phrase.gender;
      return;
    }
    const bool subject = StartsPredicate(after);
    const bool bare = IsDescriptiveRole(phrase);
    const Entity* known = ByRole(*phrase.role, RoleCountry(phrase), true, phrase.gender);
    if (!known && bare) known = PersonReferredTo(phrase);
    // "Julian Alaphilippe a conservé son titre. … le coureur de
    // Deceuninck-Quick Step va devoir …": a trade's title describes the
    // person the text is about, complement or not (as a speaker does).
    const bool described =
        !known && subject && IsTradeDescription(phrase) && (known = TopicPerson(phrase, true));
    if (!subject && !known && !bare) return;  // "le maire de Lyon" in an object
    Entity entity = known ? *known : EntityOf(phrase);  // else "anonymous", by its title
    // The description is now a title they are known by ("le technicien"
    // next is someone else).
    if (described && !entity.role) entity.role = phrase.role;
    entity.named_at = phrase.span.start;
    entity.subject = subject;
    Remember(std::move(entity));
  }

  // The person remembered last when the article named them right before
  // the phrase and a comma, the phrase closed by another ("Laurette Angéli,
  // la maire, veut"); not "Après une rencontre avec Jean Roux, le ministre
  // a affirmé", where the title is the next clause's subject.
  Entity* PersonRightBefore(const SourcePhrase& phrase) {
    const size_t first = TokenAtOrAfter(phrase.span.start);
    const size_t after = TokenAtOrAfter(phrase.span.end);
    if (first < 2 || entities_.empty() || Word(first - 1) != "," || after >= tokens_.size() ||
        Word(after) != ",") {
      return nullptr;
    }
    Entity& last = entities_.back();
    if (last.type != "person" || last.named_at >= tokens_[first - 1].span.start ||
        Word(first - 2) != LastWord(last.name)) {
      return nullptr;
    }
    return &last;
  }

  bool IsUpperWord(size_t k) const { return IsWord(k) && StartsWithCapital(Word(k)); }

  // Whether tokens from `comma` are ", 34 ans ,": an age in apposition.
  bool AgeBetweenCommasAt(size_t comma) const {
    return comma + 3 < tokens_.size() && Word(comma) == "," &&
           tokens_[comma + 1].kind == TokenKind::kNumber && Lower(comma + 2) == "ans" &&
           Word(comma + 3) == ",";
  }

  // Whether a speaker's phrase may open at token k + 1: a capitalized word
  // or a determiner ("a souri Paul Roux", "s'agace le ministre").
  bool SpeakerFollows(size_t k) const {
    // "a ironisé mercredi 3 juillet la porte-parole": past the settings.
    const size_t next = k + 1 < tokens_.size() ? SkipSettings(k + 1) : k + 1;
    return IsUpperWord(next) || (IsWord(next) && g_.IsDeterminer(Lower(next)));
  }

  // "s'", "se" (a size test first: this runs for every word).
  bool IsReflexivePronoun(size_t k) const {
    const std::string_view w = Lower(k);
    return w.size() == 2 && w[0] == 's' && (w[1] == '\'' || w[1] == 'e');
  }

  // Whether token k is a lower-case particle inside a name: "de Villepin",
  // "d'Estaing", "von der Leyen", "bin Salman".
  bool ParticleBeforeName(size_t k) const {
    if (!IsWord(k) || k + 1 >= tokens_.size() || Lower(k).size() > 3) return false;
    const std::string_view w = Lower(k);
    const bool particle = w == "de" || w == "d'" || w == "du" || w == "von" || w == "van" ||
                          w == "ben" || w == "bin" || w == "el" || w == "al";
    if (!particle) return false;
    if (IsUpperWord(k + 1)) return true;
    return (w == "von" || w == "van") && (Lower(k + 1) == "der" || Lower(k + 1) == "den") &&
           IsUpperWord(k + 2);
  }

  // Whether a definite title phrase names a trade ("le coureur de
  // Deceuninck-Quick Step", "l'attaquant du Real Madrid"), not a function
  // or someone's relation.
  bool IsTradeDescription(const SourcePhrase& phrase) const {
    const size_t head = TokenAtOrAfter(phrase.span.start) + 1;
    return phrase.definite && phrase.role && head < tokens_.size() &&
           !g_.IsMemberTitle(Word(head)) && !g_.IsRelationTitle(Word(head)) &&
           g_.IsTrade(g_.TitleOf(g_.CanonicalRole(*phrase.role)));
  }

  // A role without a complement or a country, which describes rather than
  // names a function: "universitaire", "leader frontiste"; not "maire de
  // New York", "président américain", "ministre de l'Intérieur".
  bool IsDescriptiveRole(const SourcePhrase& phrase) const {
    const std::string& role = *phrase.role;
    if (role.find(' ') == std::string::npos) return true;
    // A title of several words alone: "l'homme d'affaires".
    const std::string canonical = g_.CanonicalRole(role);
    if (g_.TitleOf(canonical) == canonical) return true;
    for (std::string_view link : {" de ", " d'", " du ", " des ", " au ", " aux ", " en ", ", "}) {
      if (role.find(link) != std::string::npos) return false;
    }
    return !RoleCountry(phrase) && !StartsWithCapital(LastWord(role));
  }

  // The cue of the auxiliary at k - 1 and the word at k, a participle
  // whatever it is ("a-t-elle souri", "a souri"); `inverted`: the
  // auxiliary's pronoun.
  Cue AnyParticipleCue(size_t k, std::optional<Gender> inverted) const {
    Cue cue;
    cue.lemma = Lower(k);
    cue.inverted = inverted;
    cue.participle = true;
    cue.first_token = k - 1;
    cue.end_token = k + 1;
    cue.span = Span{tokens_[k - 1].span.start, tokens_[k].span.end};
    return cue;
  }

  // Token k as a verb in the third person of the present ("développe",
  // "souffle", "admet"): a lower-case word of four letters or more ending
  // in -e or -t that is no function word ("comme le dit X").
  bool LooksLikeIncisePresent(size_t k) const {
    const std::string_view w = Lower(k);
    if (IsUpperWord(k) || w.size() < 4 || (w.back() != 'e' && w.back() != 't')) return false;
    // "« … », obligeant les pompiers à …": a present participle has no
    // speaker after it.
    if (LooksLikePresentParticiple(w)) return false;
    return !g_.IsDeterminer(w) && !IsPrepositionWord(w) && !g_.IsClauseOpener(w) &&
           !g_.IsClauseWord(w) && !g_.IsStatementSkip(w) && !g_.IsTitle(w) &&
           !g_.IsSourceNoun(w);
  }

  // Whether token k is a word right after a quote and a comma (or a quote
  // ending in "?" or "!"), whatever the word.
  bool WordRightAfterQuote(size_t k) const { return IsQuoteAuxiliary(k, /*reflexive=*/true); }

  // Whether token k (wrapping below 0: none) is an auxiliary right after a
  // quote and a comma ("« … », a souri"), or a quote ending in "?" or "!"
  // ("« … ! » a lancé"); `reflexive`: the pronoun of a reflexive verb there
  // ("« … », s'interroge"), or any word.
  bool IsQuoteAuxiliary(size_t k, bool reflexive = false) const {
    if (k < 1 || k >= tokens_.size() || !IsWord(k)) return false;
    // The quote first: a binary search, where most words fail, is cheaper
    // than folding the word for the auxiliaries.
    const Quote* quote = QuoteEndingBefore(tokens_[k].span.start);
    if (!quote) return false;
    std::optional<Gender> unused;
    if (!reflexive && !g_.IsAuxiliary(Word(k), &unused)) return false;
    if (Word(k - 1) == ",") return true;
    // "« Pourquoi attendre ? » s'interroge X", "« … ! » a lancé X": after a
    // question or an exclamation the comma is left out.
    const std::string_view content = quote->content.Of(text_);
    return quote->span.end == tokens_[k - 1].span.end && !content.empty() &&
           (content.back() == '?' || content.back() == '!');
  }

  // Whether the verb group of a subject ending before token k follows, maybe
  // after an apposition or a relative clause between commas ("Un ancien de
  // la Gestapo, Alfons Goetzfrid, a été condamné", "Rachida Dati, qui
  // mène la liste, a critiqué").
  bool PredicateAfter(size_t k) const {
    // "Une trentaine de maires, furieux, ainsi que le président de la
    // Chambre, ont quitté": one addition by "ainsi que" is stepped over.
    k = AfterAinsiQue(k);
    if (StartsPredicate(k)) return true;
    if (k + 1 >= tokens_.size() || Word(k) != ",") return false;
    if (StartsPredicate(k + 1)) return true;
    // "Kombouaré, lui, n'a pas caché".
    if (IsStressedPronoun(k + 1) && k + 2 < tokens_.size() && Word(k + 2) == ",") {
      return StartsPredicate(k + 3);
    }
    // "Ngozi Okonjo-Iweala, élue mardi à la tête de l'OMC, a rencontré";
    // "Daniel Schaerer, astrophysicien à Genève, nous explique": a relative,
    // participle or lower-case apposition with no verb of its own, then
    // the predicate.
    const std::string_view w = Lower(k + 1);
    const bool relative_or_participle =
        w == "qui" || w == "dont" || LooksLikeParticiple(w) || LooksLikeUParticiple(w);
    if (!relative_or_participle && (!IsWord(k + 1) || IsUpperWord(k + 1))) return false;
    for (size_t j = k + 2; j < tokens_.size() && j < k + kMaxSubjectTokens; ++j) {
      if (Word(j) == ",") {
        const size_t past = AfterAinsiQue(j);
        if (past == j) return StartsPredicate(j + 1);
        return StartsPredicate(past) ||
               (past + 1 < tokens_.size() && Word(past) == "," && StartsPredicate(past + 1));
      }
      if (!relative_or_participle && (IsQue(j) || InsideQuote(tokens_[j].span) ||
                                      StartsPredicate(j) || Word(j) == ".")) {
        return false;
      }
    }
    return false;
  }

  // "Ngozi Okonjo-Iweala, élue mardi à la tête de l'OMC, a rencontré":
  // the phrase read its apposition's first words; the rest runs to a comma
  // and the verb group.
  bool AppositionRunsToPredicate(const SourcePhrase& phrase, size_t after) const {
    const size_t first = TokenAtOrAfter(phrase.span.start);
    bool apposition = false;
    for (size_t k = first; k < after && k < tokens_.size(); ++k) apposition |= Word(k) == ",";
    if (!apposition) return false;
    for (size_t j = after; j < tokens_.size() && j < after + kMaxSubjectTokens; ++j) {
      if (InsideQuote(tokens_[j].span) || Word(j) == "." || Word(j) == ";") return false;
      // "Ferdinand Ngoh Ngoh, ministre d'État, rejette les propos …": after
      // the apposition, a known verb, or a lower-case word that may be one
      // before its object's article (not "gestionnaire du réseau", a
      // second apposition).
      if (Word(j) == ",") {
        if (const size_t past = AfterAinsiQue(j); past != j) return PredicateAfter(past);
        return StartsPredicate(j + 1) ||
               (IsLowerVerbLike(j + 1) && j + 2 < tokens_.size() && IsWord(j + 2) &&
                g_.IsDeterminer(Lower(j + 2)) && !IsPreposition(j + 2));
      }
    }
    return false;
  }

  // The token after "ainsi que" and the phrase it adds to a subject, at
  // token k or after the comma there ("…, ainsi que le préfet, ont
  // quitté"); k when none is there.
  size_t AfterAinsiQue(size_t k) const {
    const size_t also = k < tokens_.size() && Word(k) == "," ? k + 1 : k;
    if (also + 2 >= tokens_.size() || Lower(also) != "ainsi" || !IsQue(also + 1)) return k;
    auto added = Parse(also + 2, PhraseEnd(also + 2));
    return added ? TokenAtOrAfter(added->span.end) : k;
  }

  // A present participle ("précisant", "formulant"): more than four
  // letters ending in -ant.
  static bool LooksLikePresentParticiple(std::string_view lower) {
    return lower.size() > 4 && lower.ends_with("ant");
  }

  // "lui", "elle", "eux", "elles": a stressed pronoun, which between commas
  // repeats the subject before it ("Les syndicats, eux, ont affirmé").
  bool IsStressedPronoun(size_t k) const {
    if (!IsWord(k)) return false;
    const std::string_view w = Lower(k);
    return w == "lui" || w == "elle" || w == "eux" || w == "elles";
  }

  // "X a été condamné pour « atteinte à l'unité nationale »", "X est
  // accusé de « … »": a passive's subject undergoes, it does not speak. A
  // form of "être" (or "été" after "avoir") then a participle outside
  // quotes, from token k.
  bool PassiveAt(size_t k) const {
    if (IsNegationStart(k)) ++k;
    if (!IsWord(k)) return false;
    std::optional<Gender> unused;
    size_t participle = k + 1;
    // "a été invitée", "avait aussi été invitée": adverbs may come between.
    constexpr size_t kMaxAdverbs = 2;
    size_t ete = k + 1;
    while (ete < tokens_.size() && ete <= k + kMaxAdverbs && IsWord(ete) && Lower(ete) != "été" &&
           !LooksLikeParticiple(Lower(ete))) {
      ++ete;
    }
    if (g_.IsAuxiliary(Word(k), &unused) && IsWord(ete) && Lower(ete) == "été") {
      participle = ete + 1;
    } else if (!g_.IsReflexiveAuxiliary(Word(k))) {
      return false;
    }
    // Not "est arrivé", "est revenue": a compound tense.
    return participle < tokens_.size() && IsWord(participle) &&
           !InsideQuote(tokens_[participle].span) && LooksLikeParticiple(Lower(participle)) &&
           !g_.IsEtreParticiple(Lower(participle));
  }

  // Whether token k starts a verb group: an auxiliary ("a appris"), a
  // reflexive clitic ("s'est rendu"), a reporting verb, or a modal before
  // an infinitive ("doit être entendue").
  bool StartsPredicate(size_t k) const {
    // "n'a pas caché"; "ne s'y attendait pas": a verb, known or not.
    const bool negated = IsNegationStart(k);
    if (negated) ++k;
    while (IsWord(k) && g_.IsSubjectClitic(Word(k))) ++k;
    if (!IsWord(k)) return false;
    if (negated && !IsUpperWord(k)) return true;
    std::optional<Gender> unused;
    return g_.IsAuxiliary(Word(k), &unused) || g_.IsReflexiveAuxiliary(Word(k)) ||
           g_.LookupVerb(Word(k)) != nullptr ||
           (g_.IsModalVerb(Word(k)) && k + 1 < tokens_.size() && IsWord(k + 1) &&
            LooksLikeInfinitive(Lower(k + 1)));
  }

  // "les deux dirigeants", "les deux hommes": the last two people named in
  // this paragraph or the sentence before, as one source ("Angela Merkel
  // et François Hollande"); none when the text has not named two.
  std::optional<Entity> PairReferredTo(const SourcePhrase& phrase) const {
    // People ("les deux dirigeants", "les deux hommes"), not bodies ("les
    // deux syndicats").
    if (phrase.proper_name || phrase.gender != Gender::kPlural ||
        (phrase.type != "anonymous" && phrase.type != "person")) {
      return std::nullopt;
    }
    size_t first = TokenAtOrAfter(phrase.span.start);
    if (first + 1 < tokens_.size() && g_.IsDeterminer(Word(first)) && Lower(first) != "deux") {
      ++first;  // "les"
    }
    if (first + 1 >= tokens_.size() || Lower(first) != "deux") return std::nullopt;
    const size_t since = std::min(previous_sentence_.start, paragraphs_[paragraph_].start);
    const Entity* people[2] = {nullptr, nullptr};
    for (auto it = entities_.rbegin(); it != entities_.rend() && !people[1]; ++it) {
      if (it->named_at < since) break;
      if (it->named_at >= phrase.span.start || it->type != "person" ||
          it->gender == Gender::kPlural || IsUnnamedPerson(*it)) {
        continue;
      }
      if (people[0] && people[0]->name == it->name) continue;
      (people[0] ? people[1] : people[0]) = &*it;
    }
    if (!people[1]) return std::nullopt;
    Entity pair{people[1]->name + " et " + people[0]->name, "person", std::nullopt,
                std::nullopt, Gender::kPlural};
    pair.named_at = phrase.span.start;
    pair.subject = true;
    return pair;
  }

  // Who issued a document that hands the attribution on: "un décompte
  // diffusé par X", "un communiqué du ministère", "un communiqué publié par
  // l'entreprise"; none for a document alone.
  std::optional<SourcePhrase> IssuerOf(const SourcePhrase& document) const {
    if (document.type != "document") return std::nullopt;
    constexpr size_t kMaxTokensAfter = 4;
    const size_t head = TokenAtOrAfter(document.span.start) + 1;
    const size_t after = TokenAtOrAfter(document.span.end);
    for (size_t k = head; k < tokens_.size() && k < after + kMaxTokensAfter; ++k) {
      // ", publiés la veille par X": a participle apposition goes on.
      if (Word(k) == "," &&
          !(k + 1 < tokens_.size() && IsWord(k + 1) && LooksLikeParticiple(Lower(k + 1)))) {
        break;
      }
      const std::string_view w = Lower(k);
      // "une note interne consultée par l'AFP": who read it, no issuer.
      if (w == "par" && k > head && g_.IsReaderParticiple(Lower(k - 1))) break;
      // "les informations d'une source proche de l'enquête": "d'" too.
      if (w != "par" && w != "de" && w != "d'" && w != "du" && w != "des") continue;
      // "le communiqué de presse", "un rapport d'activité": a bare noun
      // after "de" qualifies the document; it names no issuer, unless it
      // is a body ("l'enquête de gendarmerie"; the press is none).
      if ((w == "de" || w == "d'") && k + 1 < tokens_.size() && IsWord(k + 1) &&
          !IsUpperWord(k + 1) && !g_.IsDeterminer(Lower(k + 1)) &&
          (!g_.IsSourceNoun(Lower(k + 1)) || Lower(k + 1) == "presse")) {
        continue;
      }
      const size_t from = w == "par" || w == "de" || w == "d'" ? k + 1 : k;
      // A named issuer or a title ("les déclarations du ministre"), up to
      // the next verb cue in lower case: "Les chiffres de la police font
      // état de …" (the phrase reader knows "font" only as part of the
      // cue); not "Le Bled Parle", a name, nor "pour" in "Programme des
      // Nations unies pour l'environnement".
      size_t end = PhraseEnd(from);
      if (from < tokens_.size()) {
        auto next = FirstCueFrom(tokens_[from].span.start);
        while (next != cues_.end() && !next->rule.empty() && next->first_token < end) ++next;
        if (next != cues_.end() && next->first_token > from && !IsUpperWord(next->first_token)) {
          end = std::min(end, next->first_token);
        }
      }
      auto inner = Parse(from, end);
      if (inner && inner->reference != SourcePhrase::Reference::kPronoun &&
          inner->type != "document") {
        // "un communiqué du ministère": the article "du" told the phrase
        // its gender; its preposition is no part of the source's words.
        if (from == k && from + 1 < tokens_.size() &&
            tokens_[from].span.start == inner->span.start) {
          inner->span.start = tokens_[from + 1].span.start;
        }
        return inner;
      }
      break;
    }
    return std::nullopt;
  }

  // Resolves a phrase to a source; registers named ones in the memory.
  std::optional<ClaimSource> Resolve(const std::optional<SourcePhrase>& phrase,
                                     const std::string& mention_rule) {
    unresolved_.reset();
    if (!phrase) return std::nullopt;
    // "précise un communiqué publié par l'entreprise": the issuer speaks.
    if (auto issuer = IssuerOf(*phrase)) return Resolve(issuer, mention_rule);
    // "Les deux dirigeants" after "Angela Merkel a reçu François Hollande".
    if (std::optional<Entity> pair = PairReferredTo(*phrase)) {
      Remember(*pair);
      return SourceOf(*pair);
    }
    ClaimSource source;
    if (phrase->reference == SourcePhrase::Reference::kPronoun) {
      if (phrase->of_pair != 0) {
        // Remembered again for the pronouns that follow ("Le premier a
        // annoncé sa décision. « … », indiquait-il"), but not for the pair:
        // "le second" after "le premier" still means the second of it.
        const Entity* e = RememberOrdinal(*phrase);
        if (!e) return std::nullopt;
        return SourceOf(*e);
      }
      if (auto topic = TopicBefore(phrase->span.start)) return Resolve(topic, mention_rule);
      // "Le groupe a perdu 819 millions, a-t-il précisé": after the
      // statement, the pronoun is not who the statement speaks of.
      // Nor in "Le tribunal n'est pas adapté, selon lui.": a pronoun ending
      // the sentence after the statement.
      // "Il pense que le taux du Baccalauréat est …": nor a name after the
      // pronoun, in what it says.
      // "L'avocat a balayé l'hypothèse : « … », a-t-il insisté": when the
      // statement is a quote opened by a colon, what comes before the
      // colon is not what the statement speaks of; its subject may be "il".
      const bool inverted = mention_rule == "fr.source.inverted";
      const size_t named_before =
          inverted && phrase->quote_colon        ? *phrase->quote_colon
          : inverted || EndsSentenceAt(phrase->span.end) ? sentence_.start
          : phrase->span.empty()                         ? std::string::npos
                                                         : phrase->span.start;
      // "« Mon client est innocent », a-t-il répété" after the client was
      // named: the lawyer, not the last man named.
      const Entity* e = phrase->speaks_as_lawyer ? LawyerBefore(phrase->gender, named_before)
                                                 : nullptr;
      if (!e) {
        e = ByPronoun(phrase->gender, phrase->latest, named_before, phrase->speaks_as_person);
      }
      // "Le Premier ministre, Charles Michel, a pris acte …, a-t-il
      // annoncé": with no one named before the sentence, its own subject.
      if (!e && named_before != std::string::npos) {
        e = ByPronoun(phrase->gender, phrase->latest, std::string::npos);
        if (e && !e->subject) e = nullptr;
      }
      // "À titre de directeur, Olivier Bilodeau prévoit …, assure-t-il"
      // after "le film de Luc Picard": a person subject of the sentence
      // beats one only named in a complement before it. A body subject
      // does not ("Le groupe a perdu 819 millions, a-t-il précisé").
      if (e && !e->subject && inverted && named_before == sentence_.start) {
        const Entity* own = ByPronoun(phrase->gender, phrase->latest, sentence_.end);
        if (own && own->subject && own->type == "person" && own->named_at >= sentence_.start) {
          e = own;
        }
      }
      // "La COP21 ne peut, selon elle, aboutir": "selon elle" in a clause
      // is not that clause's own subject, but who was named before it.
      const bool according_to = mention_rule == "fr.source.selon" ||
                                mention_rule == "fr.source.d_apres";
      if (e && according_to && IsOwnClauseSubject(*e, phrase->span.start)) {
        e = ByPronoun(phrase->gender, phrase->latest, e->named_at, phrase->speaks_as_person);
      }
      // "Le Premier ministre a rencontré les syndicats. Ces derniers ont
      // jugé …": the last one named may be a group or a body named in an
      // object, which no entity remembers.
      if (phrase->latest && !phrase->span.empty()) {
        if (auto named = LatestSourceNounBefore(phrase->gender, phrase->span.start);
            named && (!e || e->named_at < named->first)) {
          return named->second;
        }
      }
      if (!e) return ForwardPronoun(*phrase, mention_rule == "fr.source.inverted");
      ClaimSource source = SourceOf(*e);
      // "…, a-t-il martelé, en dénonçant la responsabilité de l'homme. « … »,
      // a-t-il précisé": who has just spoken is what the next "il" most
      // likely means, more than a person named since in a complement.
      RememberSpeakerAgain(*e, phrase->span.empty() ? sentence_.start : phrase->span.start);
      return source;
    }
    if (phrase->same && !phrase->head.empty() && phrase->reference == SourcePhrase::Reference::kNamed) {
      // "selon la même source": whoever the last claim was attributed to.
      for (auto it = out_.claims.rbegin(); it != out_.claims.rend(); ++it) {
        if (!it->source) continue;
        ClaimSource same = *it->source;
        same.mention = std::nullopt;  // the words do not name it
        return same;
      }
    }
    // "Chris Froome a remporté le Tour. Le Britannique a déclaré": a
    // nationality alone describes the person the text is about.
    if (const Entity* described = DemonymReferredTo(*phrase)) return SourceOf(*described);
    if (auto host = HostOfOrgan(*phrase)) {
      // A body ("Chez Bouygues Telecom": no first name tells it from a
      // person), with the organ as its role.
      if (host->type == "person") host->type = "organization";
      host->role = phrase->name;
      return Resolve(host, mention_rule);
    }
    Entity entity = EntityOf(*phrase);
    Span source_span = phrase->span;
    const bool inverted = mention_rule == "fr.source.inverted";  // after its verb
    if (phrase->reference == SourcePhrase::Reference::kRoleOnly) {
      // A title with a complement or a country names a function ("le
      // maire de New York", "le président américain"); a bare one refers
      // back ("l'universitaire", "le même chercheur"), as does one with
      // other adjectives ("l'ancien leader frontiste").
      const bool bare = IsDescriptiveRole(*phrase);
      auto body = BodyOfRole(*phrase);
      const size_t head = TokenAtOrAfter(phrase->span.start) + 1;
      const bool member =
          !phrase->definite || (head < tokens_.size() && g_.IsMemberTitle(Word(head)));
      // "le porte-parole de X": X when the article spoke of it, else the
      // spokesperson it named just before.
      const bool known_body = body && ByName(body->name, body->proper_name);
      // "Le porte-parole", "un porte-parole" alone speak for the body just
      // spoken of, not for the last person (a minister is not his own
      // spokesperson).
      // Unless someone known by a title of its family was just named ("le
      // responsable" after "Philippe Martinez, le dirigeant de la CGT").
      // Not a subject with an adjective after the title ("Un responsable
      // européen a affirmé" after "l'agence Reuters"): it says which body,
      // another one. (After its verb, the body may follow: "a affirmé un
      // responsable local cité par l'agence Reuters".)
      const std::string lower_role = LowerWord(*phrase->role);
      const bool title_last =
          inverted || lower_role.ends_with(g_.TitleOf(g_.CanonicalRole(lower_role)));
      const bool bare_member =
          bare && title_last && head < tokens_.size() && g_.IsMemberTitle(Word(head));
      const Entity* titled = bare_member && phrase->definite
                                 ? PersonReferredTo(*phrase, Known::kTitled)
                                 : nullptr;
      const size_t body_before = inverted ? std::string::npos : phrase->span.start;
      const Entity* spoken_for = bare_member && !titled ? RecentBody(body_before) : nullptr;
      // "a dit ce responsable du premier syndicat des gardiens de la paix":
      // a demonstrative refers back whatever the complement.
      const bool demonstrative =
          head >= 1 && head - 1 < tokens_.size() && IsDemonstrative(Lower(head - 1));
      // A member's title with an unknown body ("le porte-parole du
      // collectif") describes someone who spoke or had a title, not
      // whoever was last named: "Selon les experts, Essia B. souffrait …,
      // a rappelé le président de la cour" is not the accused.
      const bool of_unknown_body = member && body && !known_body && !bare && !demonstrative;
      const Entity* recent =
          phrase->definite && !bare_member &&
                  (bare || demonstrative || (member && body && !known_body))
              ? PersonReferredTo(*phrase, of_unknown_body ? Known::kTitledOrSpoke : Known::kAny)
              : titled;
      const bool relation =
          phrase->possessive && head < tokens_.size() && g_.IsRelationTitle(Word(head));
      const Entity* owner =
          phrase->possessive && member && !relation ? OwnerOf(*phrase) : nullptr;
      const Entity* whose = relation ? PersonNamedBefore(phrase->span.start) : nullptr;
      // "Aung San Suu Kyi, qui dirige le gouvernement birman, a annulé …,
      // a annoncé son porte-parole": a person subject of this sentence
      // owns the title, not a body named in a relative clause.
      if (phrase->possessive && member && !relation && inverted &&
          (Lower(head - 1) == "son" || Lower(head - 1) == "sa")) {
        const Entity* person = PersonNamedBefore(phrase->span.start);
        if (person && person->subject && person->named_at >= sentence_.start) {
          whose = person;
          owner = nullptr;
        }
      }
      if (whose) {
        // "a révélé son avocate" after "Mouss Diouf est mort": someone
        // close to the person just spoken of, unnamed.
        entity = Entity{*phrase->role + OfWhom(*whose), "anonymous", phrase->role,
                        std::nullopt, phrase->gender};
      } else if (owner) {
        // "Son porte-parole affirme": the body just named speaks.
        entity = *owner;
        entity.role = phrase->role;
      } else if (const Entity* e = phrase->definite || !bare
                                       ? ByRole(*phrase->role, RoleCountry(*phrase), true,
                                                phrase->gender)
                                       : nullptr) {
        // Not "a rapporté un ministre": a bare indefinite title is someone
        // unnamed, not the minister the article named.
        entity = *e;
      } else if (const Entity* holder = HolderOf(*phrase)) {
        entity = *holder;
      } else if (spoken_for) {
        entity = *spoken_for;
        entity.role = phrase->role;
      } else if (recent) {
        // "l'universitaire", "le même chercheur": the person just spoken of,
        // known by that title from now on ("Le procureur, qui a dénoncé …"
        // after "a précisé François Molins"; then "a dit le procureur").
        // Offices only: "l'homme d'affaires", "la retraitée" describe.
        entity = *recent;
        if (!entity.role && !IsTradeDescription(*phrase)) entity.role = phrase->role;
      } else if (const Entity* topic =
                     !bare && !member && phrase->definite &&
                             !(head < tokens_.size() && g_.IsRelationTitle(Word(head)))
                         ? TopicPerson(*phrase, inverted || Former(*phrase) ||
                                                    IsTradeDescription(*phrase))
                         : nullptr) {
        // "Benzema a parlé. « … », a expliqué l'attaquant du Real Madrid":
        // after the verb, or with "ancien", or a trade's title ("Karim
        // Benzema a été retenu. L'attaquant du Real Madrid a affirmé"), a
        // description of the person the
        // text is about; as a subject, only one that adds to a title they
        // are known by ("le chef de l'État ukrainien" after "le président
        // Volodymyr Zelensky"): "Le président chilien a déclaré" after
        // "Arnaud Morel a reçu une délégation" names someone new.
        entity = *topic;
        if (!entity.role) entity.role = phrase->role;
      } else if (const Entity* referred = member && body ? BodyOfMemberReferredTo(*body)
                                                         : nullptr) {
        // "un porte-parole de l'entreprise" after "l'opérateur Tepco".
        entity = *referred;
        entity.role = phrase->role;
      } else if (const Entity* head = body && phrase->definite && !member
                                          ? HeadNamedWith(*phrase, *body)
                                          : nullptr) {
        // "la CFDT dirigée par Laurent Berger … Le numéro un de la CFDT".
        entity = *head;
        if (!entity.role) entity.role = phrase->role;
      } else if (body && ((member && !phrase->definite) || body->proper_name)) {
        // "un porte-parole de la police", "le candidat des Frères
        // musulmans": the body speaks.
        entity = Entity{body->name, body->type, phrase->role, body->alias, Gender::kUnknown};
      } else if (phrase->definite) {
        // "le maire de New York appelle…" in a title, named later; not "a
        // rapporté un ministre", someone the article never names.
        unresolved_ = entity;
      }
    } else if (const Entity* e = BodyDescribedBefore(*phrase)) {
      // "le groupe meusien" after "le groupe meusien Kramer … le groupe
      // Kohler": the body first named with the same words.
      entity = *e;
    } else if (const Entity* e = !phrase->proper_name &&
                                         (phrase->definite || phrase->demonstrative_plural) &&
                                         !phrase->head.empty()
                                     ? ByHead(phrase->head)
                                     : nullptr) {
      // "l'agence" after "l'agence de notation Moody's"; "ces
      // associations" after "quelques associations étudiantes".
      entity = *e;
    } else if (const Entity* e = BodyReferredTo(*phrase)) {
      // "Selon l'ONG" after "Human Rights Watch a publié un rapport"; "La
      // direction explique" after "Renault a publié ses comptes".
      entity = *e;
      if (entity.type == "person") entity.type = phrase->type;  // it was a body
    } else if (auto body = !phrase->proper_name && phrase->type == "anonymous" &&
                                   !g_.IsRelationTitle(phrase->head)
                               ? BodyOfRole(*phrase) : std::nullopt) {
      // "les analystes du groupe Crédit Mutuel": the body they speak for;
      // not "un proche du groupe", "l'entourage de l'entreprise", who speak
      // of it (relation_titles).
      entity = Entity{body->name, body->type, phrase->name, body->alias, Gender::kUnknown};
    } else if (const Entity* e = ByName(phrase->name, phrase->proper_name)) {
      entity.name = e->name;
      entity.type = e->type;
      if (!entity.role) entity.role = e->role;
      if (!entity.alias) entity.alias = e->alias;
      if (entity.gender == Gender::kUnknown) entity.gender = e->gender;
    } else if (phrase->proper_name &&
               (phrase->name.find(' ') == std::string::npos || phrase->type == "person")) {
      // "pour Montebourg" before "Arnaud Montebourg", "pour Van Rompuy".
      unresolved_ = entity;
    }
    if (phrase->reference == SourcePhrase::Reference::kNamed && phrase->proper_name &&
        !phrase->role && entity.type != "person") {
      NameAfterPlace(&entity, &source_span);
    }
    return RecordSource(std::move(entity), source_span, mention_rule);
  }

  // The source mention of the words at `span`, which designate `entity`;
  // the entity, having spoken, is the freshest for what refers back.
  ClaimSource RecordSource(Entity entity, Span span, const std::string& mention_rule) {
    entity.described = false;  // it has spoken: pronouns may refer to it now
    entity.spoke = true;
    entity.named_at = span.start;
    entity.subject = !relative_speaker_;
    Remember(entity);
    Mention m;
    m.kind = MentionKind::kSource;
    m.span = span;
    m.rule = mention_rule;
    m.value = SourceValue{entity.name, entity.type, entity.role};
    m.id = "s" + std::to_string(out_.mentions.size());
    ClaimSource source{entity.name, entity.type, entity.role, m.id};
    out_.mentions.push_back(std::move(m));
    return source;
  }

  // "« … », a déclaré Sibeth Ndiaye. « … », a ajouté la secrétaire
  // d'État": after a verb that carries on (continuation_verbs), a title
  // alone names the person who spoke last, in this paragraph or the one
  // before, when no one the article knows holds that title and the
  // genders agree. Not a possessive ("a ajouté son avocat": someone else).
  std::optional<ClaimSource> ContinuedSpeaker(const Cue& cue,
                                              const std::optional<SourcePhrase>& phrase) {
    if (!phrase || phrase->reference != SourcePhrase::Reference::kRoleOnly ||
        !phrase->definite || phrase->possessive || !phrase->role ||
        !g_.ContinuesSpeech(cue.lemma) || ByRole(*phrase->role, RoleCountry(*phrase))) {
      return std::nullopt;
    }
    const Claim* last = nullptr;
    for (auto it = out_.claims.rbegin(); it != out_.claims.rend() && !last; ++it) {
      if (it->source) last = &*it;
    }
    if (!last) return std::nullopt;
    const Entity* speaker = ByName(last->source->name, true);
    if (!speaker || speaker->type != "person" || speaker->paragraph + 1 < paragraph_ ||
        !IsPersonOf(*speaker, phrase->gender)) {
      return std::nullopt;
    }
    Entity entity = *speaker;
    return RecordSource(std::move(entity), phrase->span, "fr.source.inverted");
  }

  // A country or city speaking is its government ("Washington", "La
  // République dominicaine"): the gazetteer's name, the place's words.
  // Only the places that may overlap the span are read (reading every
  // mention per entity made an article of many places quadratic).
  void NameAfterPlace(Entity* entity, Span* span) const {
    auto by_start = [](const Mention* m, size_t pos) { return m->span.start < pos; };
    const size_t reach = span->start > longest_town_or_country_
                             ? span->start - longest_town_or_country_
                             : 0;
    for (auto it = std::lower_bound(towns_and_countries_.begin(), towns_and_countries_.end(),
                                    reach, by_start);
         it != towns_and_countries_.end() && (*it)->span.start < span->end; ++it) {
      const Mention& m = **it;
      if (!m.span.Overlaps(*span)) continue;
      const auto& place = std::get<PlaceValue>(m.value);
      // "Washington", "La République dominicaine"; not "Météo France".
      if (m.span.Of(text_).find(entity->name) == std::string_view::npos) continue;
      entity->type = "government";
      entity->name = place.name;
      span->end = std::max(span->end, m.span.end);
      return;
    }
  }

  // Whether `e` is the subject of the clause holding the according-to
  // pronoun at byte `at`: named as a subject in this sentence before it,
  // with no conjunction, colon, quote mark or comma opening another
  // clause between ("Le ministre a dit que la loi était, selon lui, …",
  // "X a visé l'hôtel car selon eux …", "X a lancé une alerte sur la
  // dette, aggravée selon lui par …" are X's); the comma of the incise
  // itself (", selon lui", ", d'après elle") is none.
  bool IsOwnClauseSubject(const Entity& e, size_t at) const {
    if (!e.subject || e.named_at < sentence_.start || e.named_at >= at) return false;
    static constexpr std::string_view kClauseOpeners[] = {
        "que", "qu'", "car", "mais", "et", "donc", "puisque", "parce", "lorsque", "quand",
        "si", "comme", "tandis", "où", ":", "«", "\"", "“"};
    const size_t pronoun = TokenAtOrAfter(at);
    for (size_t k = TokenAtOrAfter(e.named_at); k < pronoun; ++k) {
      const std::string_view w = Lower(k);
      if (std::find(std::begin(kClauseOpeners), std::end(kClauseOpeners), w) !=
          std::end(kClauseOpeners)) {
        return false;
      }
      if (w == "," && k + 1 < pronoun && Lower(k + 1) != "selon" && Lower(k + 1) != "d'") {
        return false;
      }
    }
    return true;
  }

  // The source a pronoun names: the last one of its gender and number. A
  // singular pronoun prefers a person ("explique-t-il" after a quote is a
  // person far more often than a body), then a body of that gender.
  // `latest` ("ce dernier"): the last one named, whatever its place.
  // Only sources named before `named_before` (after a statement, those it
  // names are what it speaks of).
  // `person_only`: the words are a person's ("je"), so no body is meant,
  // however recently it spoke.
  const Entity* ByPronoun(Gender gender, bool latest, size_t named_before = std::string::npos,
                          bool person_only = false) const {
    if (gender == Gender::kPlural) {
      for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
        if (it->named_at >= named_before) continue;
        // A group described as a subject ("Les syndicats ont manifesté.
        // Ils réclament …") may be "ils"; one described elsewhere not.
        if (it->described && !(it->subject && it->gender == Gender::kPlural)) continue;
        // "ils": a group, or a body whose number the text did not give
        // ("Airwars", not "la Camerounaise").
        // Such a body as a subject or speaker only: not "Angers" in "la
        // ligne entre Le Mans et Angers".
        if (it->gender == Gender::kPlural ||
            (it->type != "person" && it->gender == Gender::kUnknown && it->subject)) {
          return &*it;
        }
      }
      return nullptr;
    }
    auto fits = [&](const Entity& e) {
      return e.gender != Gender::kPlural &&
             (e.gender == Gender::kUnknown || e.gender == gender || gender == Gender::kUnknown);
    };
    // The last person named; but a subject or speaker of this sentence or
    // the one before beats a person named after it in an object or a
    // complement ("Paul Roux a reçu Jean Martin. Il a affirmé …": Paul
    // Roux).
    // An unnamed speaker known by a title ("le ministre a déclaré … Il a
    // ajouté"), or by a relation to someone ("Son avocate a affirmé …
    // Elle a ajouté"), is a person too.
    auto person = [](const Entity& e) {
      return e.type == "person" || IsUnnamedPerson(e) || IsUnnamedRelative(e);
    };
    // A body whose article gave the pronoun's gender, subject of this
    // sentence or the one before, beats a person who was not ("La police a
    // publié un communiqué. Elle affirme …").
    auto subject_body = [&](const Entity& e) {
      return IsBodyType(e.type) && e.subject && gender != Gender::kUnknown &&
             e.gender == gender && e.named_at >= previous_sentence_.start;
    };
    // "Celui-ci", "ce dernier": the one the text named last, person or
    // body, by where it was named ("…, selon le groupe. Celui-ci a
    // affirmé …": the group, though "le mouvement social" opened the
    // sentence and the group was remembered after it, on speaking).
    if (latest) {
      const Entity* named_last = nullptr;
      for (const Entity& e : entities_) {
        if (e.named_at >= named_before || e.described || !fits(e)) continue;
        if (!person(e) && (person_only || !IsBodyType(e.type))) continue;
        if (!named_last || e.named_at >= named_last->named_at) named_last = &e;
      }
      if (named_last) return named_last;
    }
    const Entity* last = nullptr;
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->named_at >= named_before) continue;
      if (!person_only && subject_body(*it)) return &*it;
      if (!person(*it) || !fits(*it)) continue;
      if (last == nullptr) {
        last = &*it;
        if (last->subject || latest) return last;
        continue;
      }
      // A subject of the paragraph, or of the sentence before when it
      // ends the paragraph before ("X a rencontré Y. Les discussions ont
      // duré. « … », a-t-il affirmé": X).
      const size_t since = std::min(previous_sentence_.start, paragraphs_[paragraph_].start);
      if (it->named_at < since) break;
      if (it->subject) return &*it;
    }
    // "S'il n'a pas identifié l'auteur de …, … Aussi, dément-il": someone
    // known by a title only, named in an object, does not take the pronoun
    // from the person who spoke or acted in this paragraph or the one
    // before.
    if (last && IsUnnamedPerson(*last) && !last->subject) {
      for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
        if (it->paragraph + 1 < paragraph_) break;
        if (it->named_at >= named_before || &*it == last) continue;
        if (it->type == "person" && it->subject && fits(*it)) return &*it;
      }
    }
    if (last) return last;
    if (gender == Gender::kUnknown || person_only) return nullptr;
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->described || it->named_at >= named_before) continue;
      if ((it->type == "organization" || it->type == "government") && fits(*it)) return &*it;
    }
    return nullptr;
  }

  // "Gérald Darmanin et Bruno Retailleau se sont exprimés. Le premier a
  // estimé …": of the last two people named before `before`, in this
  // paragraph or the sentence before, the one named first (`which` 1) or
  // second (2), when `gender` fits; null when there are not two.
  const Entity* OneOfLastTwo(Gender gender, size_t before, int which) const {
    const size_t since = std::min(previous_sentence_.start, paragraphs_[paragraph_].start);
    const Entity* last = nullptr;
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      // Not the pair itself ("X et Y"), remembered as a group.
      if (it->named_at >= before || it->type != "person" || it->gender == Gender::kPlural ||
          it->by_ordinal) {
        continue;
      }
      if (it->named_at < since) return nullptr;
      if (last == nullptr) {
        last = &*it;
        continue;
      }
      if (it->name == last->name) continue;
      // Remembered again since (as a speaker), a person may come last
      // though named first: the order is the text's.
      const Entity* first = it->named_at < last->named_at ? &*it : last;
      const Entity* second = first == last ? &*it : last;
      const Entity* e = which == 1 ? first : second;
      const bool fits = e->gender == Gender::kUnknown || gender == Gender::kUnknown ||
                        e->gender == gender;
      return fits ? e : nullptr;
    }
    return nullptr;
  }

  // Whom PersonReferredTo may return: anyone named, only someone known by
  // a title, or someone known by a title or who has spoken.
  enum class Known { kAny, kTitled, kTitledOrSpoke };

  // Who a definite title alone refers back to ("l'universitaire", "le même
  // chercheur"): the last person (or one known by a title only) of a
  // compatible gender and title named in this paragraph or the one before,
  // else the only such person the article has named (its subject, however
  // far back), among those `known` allows.
  const Entity* PersonReferredTo(const SourcePhrase& phrase, Known known = Known::kAny) const {
    const Gender gender = phrase.gender;
    const std::string want = std::string(g_.TitleOf(g_.CanonicalRole(*phrase.role)));
    // "Selon le magistrat" after "le procureur a requis"; not the title
    // itself, remembered as a subject.
    // Only someone named before the phrase: "Le ministre a répondu à Jean
    // Roux" does not mean Jean Roux.
    auto titled = [&](const Entity& e) {
      return e.role && !g_.TitleOf(g_.CanonicalRole(*e.role)).empty();
    };
    auto candidate = [&](const Entity& e) {
      return e.named_at < phrase.span.start &&
             (IsPersonOf(e, gender) || (IsUnnamedPerson(e) && e.gender != Gender::kPlural)) &&
             (known == Known::kAny || titled(e) || (known == Known::kTitledOrSpoke && e.spoke));
    };
    auto fits = [&](const Entity& e) { return candidate(e) && TitleFits(e, want); };
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->paragraph + 1 < paragraph_) break;
      if (fits(*it)) return &*it;
    }
    // "Corinne Le Quéré, la présidente de l'instance. La climatologue …":
    // with no one of its family near, a trade describes an office holder;
    // not one introduced unnamed ("Un chercheur a rencontré le ministre
    // Jean Roux. Le chercheur a affirmé …").
    const bool introduced = IntroducedIndefinitely(want, phrase.span.start);
    for (auto it = entities_.rbegin(); it != entities_.rend() && !introduced; ++it) {
      if (it->paragraph + 1 < paragraph_) break;
      if (candidate(*it) && it->role &&
          g_.TradeDescribes(want, g_.TitleOf(g_.CanonicalRole(*it->role)))) {
        return &*it;
      }
    }
    const Entity* sole = nullptr;
    for (const Entity& e : entities_) {
      if (!fits(e)) continue;
      if (sole && sole->name != e.name) return nullptr;
      sole = &e;
    }
    return sole;
  }

  // The last phrase of the sentence before or of this one, before
  // `before`, that is a definite article and a source noun ("les
  // syndicats", "la victime", "l'entreprise") of `gender` (an elided
  // article fits either singular), outside quotes: where it starts and
  // the source it names. For "ces derniers", "celle-ci".
  std::optional<std::pair<size_t, ClaimSource>> LatestSourceNounBefore(Gender gender,
                                                                       size_t before) const {
    std::optional<std::pair<size_t, ClaimSource>> latest;
    auto scan = [&](const std::vector<Token>& tokens) {
      for (size_t k = 0; k + 1 < tokens.size() && tokens[k + 1].span.end <= before; ++k) {
        if (tokens[k].kind != TokenKind::kWord || tokens[k + 1].kind != TokenKind::kWord) continue;
        const std::string det = LowerWord(tokens[k].span.Of(text_));
        if (det != "le" && det != "la" && det != "les" && det != "l'") continue;
        const Gender det_gender = g_.DeterminerGender(det).value_or(Gender::kUnknown);
        const bool fits = det_gender == gender ||
                          (det_gender == Gender::kUnknown && gender != Gender::kPlural);
        const std::string noun = LowerWord(tokens[k + 1].span.Of(text_));
        if (!fits || !g_.IsSourceNoun(noun) || InsideQuote(tokens[k].span)) continue;
        // Not a complement: "Anne Roux a reçu Marie Colin à la mairie.
        // Cette dernière …" means Marie Colin.
        if (k > 0 && tokens[k - 1].kind == TokenKind::kWord &&
            g_.IsPreposition(LowerWord(tokens[k - 1].span.Of(text_)))) {
          continue;
        }
        // "l'opposition" after "l'opposition socialiste": the fuller name.
        const Entity* known = ByHead(noun);
        latest.emplace(tokens[k].span.start,
                       known ? SourceOf(*known)
                             : ClaimSource{noun, std::string(g_.SourceNounType(noun)),
                                           std::nullopt, std::nullopt});
      }
    };
    if (!previous_sentence_.empty() && previous_sentence_.end <= sentence_.start) {
      scan(Tokenize(text_, previous_sentence_));
    }
    scan(tokens_);
    return latest;
  }

  // Whether "un <title>" or "une <title>" occurs in this paragraph or the
  // one before, before `before`: someone unnamed the title refers back to.
  bool IntroducedIndefinitely(std::string_view title, size_t before) const {
    if (title.empty()) return false;
    // Letters (UTF-8 sequences included) and digits: "aucun chercheur"
    // holds "un chercheur" but introduces no one.
    const auto is_word_byte = [](char c) {
      const auto b = static_cast<unsigned char>(c);
      return b >= 0x80 || std::isalnum(b) != 0;
    };
    const size_t from = paragraphs_[paragraph_ > 0 ? paragraph_ - 1 : 0].start;
    if (before <= from || before > text_.size()) return false;
    const std::string_view window = text_.substr(from, before - from);
    for (std::string_view article : {"un ", "une ", "Un ", "Une "}) {
      for (size_t at = window.find(article); at != std::string_view::npos;
           at = window.find(article, at + 1)) {
        const size_t word = at + article.size();
        if (at > 0 && is_word_byte(window[at - 1])) continue;
        if (window.compare(word, title.size(), title) != 0) continue;
        const size_t end = word + title.size();
        if (end == window.size() || !is_word_byte(window[end])) return true;
      }
    }
    return false;
  }

  // Whether a person may be described by the title `want`: no title known
  // for them, or a compatible one ("l'universitaire" and "le professeur
  // X"; not "le ministre Y").
  bool TitleFits(const Entity& e, std::string_view want) const {
    if (!e.role || want.empty()) return true;
    const std::string canonical = g_.CanonicalRole(*e.role);
    const std::string_view have = g_.TitleOf(canonical);
    return have.empty() || g_.TitlesCompatible(have, want) ||
           (IsFormerRole(canonical) && g_.CareerDescribes(have, want)) ||
           g_.LeaderDescribes(want, have);
  }

  // "ancien ministre", "ex-député": a title held before.
  static bool IsFormerRole(std::string_view canonical_role) {
    for (std::string_view former : {"ancien ", "ancienne ", "ex-"}) {
      if (canonical_role.substr(0, former.size()) == former) return true;
    }
    return false;
  }

  // The last person subject of this paragraph or of the sentence before,
  // named before `phrase` with no title or one of the phrase's family ("le
  // footballeur Karim Benzema", then "l'attaquant du Real Madrid").
  // `described`: any fitting title will do; else the person must be known
  // by the phrase's title, without a complement ("président"), or by the
  // phrase's title alone.
  const Entity* TopicPerson(const SourcePhrase& phrase, bool described) const {
    const std::string canonical = g_.CanonicalRole(*phrase.role);
    const std::string want = std::string(g_.TitleOf(canonical));
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->named_at < previous_sentence_.start && it->paragraph != paragraph_) break;
      if (it->named_at >= phrase.span.start) continue;
      if (!it->subject || !IsPersonOf(*it, phrase.gender)) continue;
      if (described) return TitleFits(*it, want) ? &*it : nullptr;
      if (!it->role || want.empty()) return nullptr;
      // "le président chilien" is not "Barack Obama, président des États-Unis".
      const auto country = RoleCountry(phrase);
      if (country && it->role_country && it->role_country != country) return nullptr;
      const std::string have = g_.CanonicalRole(*it->role);
      const std::string_view have_title = g_.TitleOf(have);
      const bool bare = have == have_title || canonical == want;
      return bare && !have_title.empty() && g_.TitlesCompatible(have_title, want) ? &*it
                                                                                  : nullptr;
    }
    return nullptr;
  }

  // After an inverted speaker, ", le réalisateur mexicain X." or ", le
  // Centcom." to the sentence's end: a title or a name in apposition; none
  // when anything else follows it (", la France a …" goes on with the
  // statement).
  std::optional<SourcePhrase> SpeakerApposition(size_t comma) const {
    if (comma + 2 >= tokens_.size() || Word(comma) != "," || !IsWord(comma + 1) ||
        !g_.IsDeterminer(Lower(comma + 1))) {
      return std::nullopt;
    }
    auto phrase = Parse(comma + 1, PhraseEnd(comma + 1));
    if (!phrase || (!phrase->role && !phrase->proper_name)) return std::nullopt;
    const size_t after = TokenAtOrAfter(phrase->span.end);
    if (after < tokens_.size() && Word(after) != ".") return std::nullopt;
    return phrase;
  }

  // "Le Britannique", "la Franco-Sénégalaise": a definite phrase that is a
  // nationality noun alone refers back to the last person subject of this
  // paragraph or of the sentence before, named before it, of its gender.
  // "le Turballais", "ce Rennais": a word with a demonym's ending the
  // gazetteer does not know, neither a place nor a body's name ("Le
  // Parisien").
  bool LooksLikeDemonym(const SourcePhrase& phrase, size_t word) const {
    return !InSpans(places_, word) && g_.EndsLikeDemonym(Word(word)) &&
           !g_.IsOrganizationName(LowerWord(phrase.span.Of(text_)));
  }

  const Entity* DemonymReferredTo(const SourcePhrase& phrase) const {
    if (!phrase.definite || phrase.role || phrase.reference != SourcePhrase::Reference::kNamed ||
        phrase.gender == Gender::kPlural) {
      return nullptr;
    }
    const size_t first = TokenAtOrAfter(phrase.span.start) + 1;  // past the article
    if (first + 1 != TokenAtOrAfter(phrase.span.end) ||
        !(InSpans(demonyms_, first) || LooksLikeDemonym(phrase, first))) {
      return nullptr;
    }
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->named_at < previous_sentence_.start && it->paragraph != paragraph_) break;
      if (it->named_at >= phrase.span.start) continue;
      if (it->subject && IsPersonOf(*it, phrase.gender)) return &*it;
    }
    return nullptr;
  }

  // "l'ancienne ministre", "l'ex-président": a former holder, someone the
  // text already knows.
  bool Former(const SourcePhrase& phrase) const {
    return phrase.role && IsFormerRole(LowerWord(*phrase.role));
  }

  static bool IsPersonOf(const Entity& e, Gender gender) {
    return e.type == "person" && e.gender != Gender::kPlural &&
           (e.gender == Gender::kUnknown || gender == Gender::kUnknown || e.gender == gender);
  }

  // " de Mouss Diouf"; " du ministre", " de la ministre", " de l'avocat"
  // for someone known by a title only.
  static std::string OfWhom(const Entity& e) {
    const unsigned char first = e.name.empty() ? 0 : static_cast<unsigned char>(e.name[0]);
    const bool vowel = std::string_view("aeiouhAEIOUH").find(static_cast<char>(first)) !=
                           std::string_view::npos ||
                       first == 0xC3;  // é, É, â...
    // "l'avocate de Paul Martin", "l'époux d'Anne Roux"; "de Hollande":
    // before a name, an h is no vowel.
    if (!IsUnnamedPerson(e)) {
      return (vowel && first != 'h' && first != 'H' ? " d'" : " de ") + e.name;
    }
    if (vowel) return " de l'" + e.name;
    return e.gender == Gender::kFeminine ? " de la " + e.name : " du " + e.name;
  }

  // A remembered entity as a claim's source, with no mention: the words
  // that name it here are a pronoun or nothing.
  static ClaimSource SourceOf(const Entity& e) {
    return ClaimSource{e.name, e.type, e.role, std::nullopt};
  }

  // Someone known only by a title ("le procureur a requis").
  static bool IsUnnamedPerson(const Entity& e) {
    return e.type == "anonymous" && e.role && e.name == *e.role && !e.described;
  }

  // Someone known only by a relation to a person ("avocate de Paul Roux",
  // from "son avocate"; see OfWhom).
  static bool IsUnnamedRelative(const Entity& e) {
    return e.type == "anonymous" && e.role && !e.described && e.name.size() > e.role->size() &&
           e.name.compare(0, e.role->size(), *e.role) == 0 &&
           e.name.compare(e.role->size(), 2, " d") == 0;
  }

  // The last person named before `pos` in this paragraph or the one
  // before ("Mouss Diouf …, a révélé son avocate …, à la demande de sa
  // veuve Sandrine Diouf": Mouss Diouf), or known by a title only ("Le
  // ministre a été clair … Selon son entourage").
  const Entity* PersonNamedBefore(size_t pos) const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->paragraph + 1 < paragraph_) break;
      if ((it->type == "person" || IsUnnamedPerson(*it)) && it->gender != Gender::kPlural &&
          it->named_at < pos) {
        return &*it;
      }
    }
    return nullptr;
  }

  // The body a role speaks for, named in its complement: "un porte-parole
  // de la police madrilène" -> "police madrilène"; nullopt for a person or
  // no complement ("le porte-parole").
  std::optional<SourcePhrase> BodyOfRole(const SourcePhrase& phrase) const {
    const size_t end = TokenAtOrAfter(phrase.span.end);
    // "un porte-parole CGT", "le délégué FO": a member's body as the
    // acronym right after the title.
    if (const size_t title = TokenAtOrAfter(phrase.span.start) + 1;
        title + 1 < end && g_.IsMemberTitle(Word(title)) && IsWord(title + 1) &&
        LooksLikeAcronym(Word(title + 1))) {
      auto body = Parse(title + 1, title + 2);
      if (body && body->reference == SourcePhrase::Reference::kNamed &&
          (body->type == "organization" || body->type == "government" || body->type == "media")) {
        return body;
      }
    }
    for (size_t k = TokenAtOrAfter(phrase.span.start) + 1; k < end; ++k) {
      const std::string_view w = Lower(k);
      if (w != "de" && w != "d'" && w != "du" && w != "des") continue;
      auto body = Parse(k, end);
      if (!body || body->reference != SourcePhrase::Reference::kNamed ||
          body->type == "person" || body->type == "anonymous" || body->type == "document") {
        return std::nullopt;
      }
      // After a title, a lone capitalized word is a portfolio ("le
      // ministre de la Défense"), not a body; an acronym or a longer name
      // is one, as is any name after a noun ("la direction de Renault").
      const std::string& name = body->name;
      bool acronym = LooksLikeAcronym(name);
      // A member speaks for a body, never for a portfolio: "le
      // porte-parole de Renault".
      const size_t title = TokenAtOrAfter(phrase.span.start) + 1;
      const bool member = title < end && g_.IsMemberTitle(Word(title));
      if (phrase.role && body->proper_name && name.find(' ') == std::string::npos && !acronym &&
          !member) {
        return std::nullopt;
      }
      // "le procureur de la République de Clermont-Ferrand": a portfolio,
      // then the place whose portfolio it is.
      if (const size_t space = name.find(' ');
          phrase.role && body->proper_name && !acronym && !member && space != std::string::npos) {
        const std::string_view rest = std::string_view(name).substr(space + 1);
        if ((rest.starts_with("de ") || rest.starts_with("du ")) && PlaceWithin(k + 1, end)) {
          return std::nullopt;
        }
      }
      return body;
    }
    return std::nullopt;
  }

  // "le leader de la CGT" after "Bernard Thibault, secrétaire général de
  // la CGT": the person known by a title of the same family over the same
  // body, named before the phrase.
  const Entity* HolderOf(const SourcePhrase& phrase) const {
    const std::string role = g_.CanonicalRole(*phrase.role);
    const std::string_view want = g_.TitleOf(role);
    const std::string_view of_what = ComplementOf(role, want);
    if (want.empty() || of_what.empty()) return nullptr;
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->type != "person" || !it->role || it->named_at >= phrase.span.start) continue;
      const std::string have_role = g_.CanonicalRole(*it->role);
      const std::string_view have = g_.TitleOf(have_role);
      if (have.empty() || !g_.TitlesCompatible(have, want)) continue;
      if (ComplementOf(have_role, have) == of_what) return &*it;
    }
    return nullptr;
  }

  // What a canonical role's title is of: "la cgt" in "secrétaire général
  // de la cgt", "renault" in "pdg de renault"; empty when nothing follows
  // the title but its adjectives.
  static std::string_view ComplementOf(std::string_view role, std::string_view title) {
    std::string_view rest = role.substr(std::min(title.size(), role.size()));
    const size_t comma = rest.find(',');
    if (comma != std::string_view::npos) rest = rest.substr(0, comma);
    for (std::string_view of : {" de la ", " de l'", " du ", " des ", " de ", " d'"}) {
      const size_t at = rest.find(of);
      if (at != std::string_view::npos) return rest.substr(at + of.size());
    }
    return {};
  }

  // The last named source whose role holds `role` ("le ministre de
  // l'Intérieur" after "Pierre Martin, ministre de l'Intérieur"), synonyms
  // read as their role ("le chef de l'État" after "le président de la
  // République François Hollande"), or whose role has the same title for
  // the same country ("le président américain" after "Barack Obama,
  // président des États-Unis"), or, for a bare title, whose title is of
  // its family ("l'avocat" after "Me François Honnorat"). A title "of the
  // republic" with no country is that title of any country ("le chef de
  // l'État" after "le président iranien Hassan Rohani").
  // `gender`, when known, rules out people of the other one: "la
  // comédienne" is not "son réalisateur Paul Verhoeven", though both are
  // of the artists' family.
  const Entity* ByRole(std::string_view role, const std::optional<std::string>& country,
                       bool any_republic = true, Gender gender = Gender::kUnknown) const {
    const std::string want = g_.CanonicalRole(role);
    const std::string_view want_title = g_.TitleOf(want);
    const bool of_a_republic = any_republic && !country && !want_title.empty() &&
                               ComplementOf(want, want_title) == "république";
    const bool singular = gender == Gender::kMasculine || gender == Gender::kFeminine;
    auto holds = [&](const Entity& e) {
      const bool other_gender = singular && e.type == "person" &&
                                (e.gender == Gender::kMasculine ||
                                 e.gender == Gender::kFeminine) &&
                                e.gender != gender;
      return e.role && e.name != *e.role && !other_gender;
    };
    // "Le député Paul Roux a rencontré le sénateur Jean Martin. Le député a
    // affirmé": someone named with the same title, however far back,
    // beats a later one of its family; otherwise the latest that fits.
    // (Not someone unnamed: "son avocat" is most likely the "Me X" named
    // since.)
    const Entity* latest_fit = nullptr;
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (!holds(*it)) continue;
      const std::string have = g_.CanonicalRole(*it->role);
      const bool same_title = HoldsTitle(have, want, want_title) ||
                              SameTitleByAcronym(*it->role, role, have, want_title);
      if (same_title && !IsUnnamedRelative(*it)) return &*it;
      if (latest_fit) continue;
      const bool fits =
          same_title ||
          (want == want_title && g_.TitlesCompatible(g_.TitleOf(have), want_title)) ||
          (country && it->role_country == country && !want_title.empty() &&
           g_.TitleOf(have) == want_title) ||
          (of_a_republic && it->role_country && g_.TitleOf(have) == want_title &&
           NamesOnlyACountry(have, want_title));
      if (fits) latest_fit = &*it;
    }
    return latest_fit;
  }

  // Whether the canonical role `have` holds the wanted one: "ministre" in
  // "ministre de la santé", "commandant" in "chef d'escadron, commandant de
  // la compagnie", "ministre" in "ancien ministre"; not "ministre" in
  // "premier ministre", where the words before it make a title of another
  // family, nor "préfet" in "sous-préfet".
  bool HoldsTitle(const std::string& have, const std::string& want,
                  std::string_view want_title) const {
    for (size_t at = have.find(want); at != std::string::npos; at = have.find(want, at + 1)) {
      if (at > 0 && have[at - 1] != ' ' && have[at - 1] != ',') continue;
      size_t part = have.rfind(',', at);
      part = part == std::string::npos ? 0 : part + 1;
      while (part < at && have[part] == ' ') ++part;
      if (part == at || want_title.empty()) return true;
      const std::string_view part_title = g_.TitleOf(std::string_view(have).substr(part));
      if (part_title.empty() || g_.TitlesCompatible(part_title, want_title)) return true;
    }
    return false;
  }

  // "directeur général de l'OMS" for "directeur général de l'Organisation
  // mondiale de la santé (OMS)": the same title, and the body's acronym,
  // which ends the known role (its parentheses dropped), ends the wanted
  // one. Roles as written: the acronym is in capitals.
  bool SameTitleByAcronym(std::string_view have_role, std::string_view want_role,
                          const std::string& have, std::string_view want_title) const {
    const size_t space = have_role.rfind(' ');
    if (space == std::string_view::npos || want_title.empty() ||
        g_.TitleOf(have) != want_title) {
      return false;
    }
    const std::string_view acronym = have_role.substr(space + 1);
    const bool capitals =
        acronym.size() >= 2 &&
        std::all_of(acronym.begin(), acronym.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!capitals || want_role.size() <= acronym.size() || !want_role.ends_with(acronym)) {
      return false;
    }
    const char before = want_role[want_role.size() - acronym.size() - 1];
    return before == ' ' || before == '\'';
  }

  // Whether the words after a canonical role's title are a country alone:
  // "président iranien", "président des états-unis"; not "président de la
  // fédération française".
  static bool NamesOnlyACountry(std::string_view role, std::string_view title) {
    std::string_view rest = role.substr(std::min(title.size() + 1, role.size()));
    for (std::string_view of : {"de la ", "de l'", "du ", "des ", "de ", "d'"}) {
      if (rest.substr(0, of.size()) == of) {
        rest.remove_prefix(of.size());
        break;
      }
    }
    return !rest.empty() && rest.find(' ') == std::string_view::npos;
  }

  Entity EntityOf(const SourcePhrase& phrase) const {
    Entity entity{phrase.name, phrase.type, phrase.role, phrase.alias, phrase.gender};
    entity.head = phrase.head;
    entity.role_country = RoleCountry(phrase);
    return entity;
  }

  // The country a phrase's role names: a country or demonym mention in the
  // phrase whose words are in the role ("président des États-Unis"), not
  // in the name ("le ministre Jean de France").
  std::optional<std::string> RoleCountry(const SourcePhrase& phrase) const {
    if (!phrase.role) return std::nullopt;
    auto it = std::lower_bound(
        nations_.begin(), nations_.end(), phrase.span.start,
        [](const Nation& n, size_t start) { return n.span.start < start; });
    for (; it != nations_.end() && it->span.start < phrase.span.end; ++it) {
      if (phrase.role->find(it->span.Of(text_)) != std::string::npos) return it->country;
    }
    return std::nullopt;
  }

  // The last body named with the source noun `head`.
  const Entity* ByHead(std::string_view head) const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      // Named at or after the sentence's start: in this sentence.
      if (it->described && it->named_at >= sentence_.start) continue;
      if (it->head == head && it->name != head) return &*it;
    }
    return nullptr;
  }

  // The body a source noun alone refers back to: "l'ONG", "l'agence",
  // "son parti" (a body of its type); "la direction", "sa rédaction", "la
  // direction du groupe" (any body); none for a noun with a name or
  // words of its own ("l'agence de presse Reuters", "la direction générale
  // de la santé").
  const Entity* BodyReferredTo(const SourcePhrase& phrase) const {
    // The head alone may be capitalized ("l'ONG"): the name tells.
    if (!(phrase.definite || phrase.possessive) || phrase.head.empty()) return nullptr;
    const auto anaphora = g_.AnaphoraOf(phrase.head);
    if (anaphora == SourceGrammar::Anaphora::kNone) return nullptr;
    std::string name = LowerWord(phrase.name);
    // "le constructeur automobile", "le fabricant de puces": lower-case
    // words describing a body of the head's type refer back too.
    const bool described = anaphora == SourceGrammar::Anaphora::kSameType &&
                           !phrase.proper_name && !HasNamedComplement(phrase.name);
    if (name != phrase.head && !IsReferringComplement(name, phrase.head) && !described) {
      return nullptr;
    }
    const Entity* body =
        RecentNamedBody(anaphora == SourceGrammar::Anaphora::kAnyBody ? "" : phrase.type,
                        phrase.span.start);
    // "Selon Nice Matin, … Le quotidien précise": a name of unknown kind
    // was a paper's too.
    if (!body && (phrase.type == "organization" || phrase.type == "media")) {
      body = RecentNameOfUnknownKind(phrase.span.start);
    }
    return body;
  }

  // "a commenté Global Witness. « … », a ajouté l'ONG": a name of two
  // words or more with no first name, title or gender known was read as a
  // person's for want of better; with no body named near, "l'ONG" (or
  // "le quotidien") says it was one.
  const Entity* RecentNameOfUnknownKind(size_t named_before) const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->paragraph + 1 < paragraph_) break;
      if (it->named_at >= named_before) continue;
      if (it->type == "person" && !it->role && it->gender == Gender::kUnknown &&
          StartsWithCapital(it->name) && it->name.find(' ') != std::string::npos) {
        return &*it;
      }
    }
    return nullptr;
  }

  // The body a member title's complement refers back to, "de l'entreprise",
  // "du groupe": its preposition holds the article.
  const Entity* BodyOfMemberReferredTo(const SourcePhrase& body) const {
    if (body.proper_name) return nullptr;
    SourcePhrase definite = body;
    definite.definite = true;
    return BodyReferredTo(definite);
  }

  // An organ after a sentence-initial "Chez X," speaks for X.
  std::optional<SourcePhrase> HostOfOrgan(const SourcePhrase& phrase) const {
    if (phrase.proper_name || phrase.head.empty() ||
        g_.AnaphoraOf(phrase.head) != SourceGrammar::Anaphora::kAnyBody) {
      return std::nullopt;
    }
    auto host = HostBefore(phrase.span.start);
    if (!host || host->reference != SourcePhrase::Reference::kNamed || !host->proper_name) {
      return std::nullopt;
    }
    return host;
  }

  // Whether `name` is `head` and a complement that refers back in turn:
  // "direction du groupe", "direction de l'entreprise".
  bool IsReferringComplement(std::string_view name, std::string_view head) const {
    if (name.substr(0, head.size()) != head) return false;
    std::string_view rest = name.substr(head.size());
    for (std::string_view prep : {" du ", " de la ", " de l'", " des "}) {
      if (rest.substr(0, prep.size()) == prep) {
        return g_.AnaphoraOf(rest.substr(prep.size())) != SourceGrammar::Anaphora::kNone;
      }
    }
    return false;
  }

  // The last body of `type` ("": organization, government or media)
  // named by its name (not described) in this paragraph or the one before.
  // Only one named before `named_before`: "La direction a affirmé que … son
  // site de Belfort" does not mean the site.
  const Entity* RecentNamedBody(std::string_view type, size_t named_before) const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->paragraph + 1 < paragraph_) break;
      if (it->named_at >= named_before) continue;
      const bool body = type.empty() ? IsBodyType(it->type) : it->type == type;
      if (it->described || !body) continue;
      if (it->name.empty()) continue;
      if ((StartsWithCapital(it->name) || HasNamedComplement(it->name)) &&
          !CitedAccordingToInSentence(it->name)) {
        return &*it;
      }
    }
    return nullptr;
  }

  // Whether one of this sentence's claims (each with its cue) satisfies
  // `test`, among its last kMaxClaimsLookedBack claims: a sentence of
  // thousands of quotes and cues would otherwise cost one pass over its
  // claims per cue (tests/linearity_test.cc).
  static constexpr size_t kMaxClaimsLookedBack = 8;
  template <typename Test>
  bool RecentClaimInSentence(const Test& test) const {
    size_t looked = 0;
    for (auto it = out_.claims.rbegin(); it != out_.claims.rend(); ++it) {
      if (!it->cue || it->cue->span.start < sentence_.start) break;
      if (++looked > kMaxClaimsLookedBack) break;
      if (test(*it)) return true;
    }
    return false;
  }

  // Whether `quote` is already the content of a cue before it in this
  // sentence: "Le procureur, qui a dénoncé une « volonté de tuer », a
  // décrit la scène" (the quote is what he denounced; "a décrit" does not
  // report it, with "la scène" as its speaker).
  bool IsEarlierCueContent(const Quote& quote) const {
    return RecentClaimInSentence([&](const Claim& c) {
      return c.cue->span.end <= quote.span.start && c.span.start <= quote.content.start &&
             c.span.end >= quote.content.end;
    });
  }

  // Whether this sentence already cites `name` by "selon" or the like:
  // "…, selon des données de l'Ufip, le mouvement ne devrait pas durer,
  // selon le groupe" cites two sources, so "le groupe" is not the Ufip.
  bool CitedAccordingToInSentence(std::string_view name) const {
    return RecentClaimInSentence([&](const Claim& c) {
      return c.type == ClaimType::kAccordingTo && c.source && c.source->name == name;
    });
  }

  // The body a definite description of a head noun and words of its own
  // ("le groupe meusien", "le constructeur aéronautique") refers back to:
  // the last one named with all those words; null for a name, a lone head
  // or a complement naming someone ("la direction de Renault").
  const Entity* BodyDescribedBefore(const SourcePhrase& phrase) const {
    if (phrase.proper_name || !phrase.definite || phrase.head.empty() ||
        HasNamedComplement(phrase.name)) {
      return nullptr;
    }
    const std::string name = LowerWord(phrase.name);
    if (name.size() <= phrase.head.size() + 1 || !name.starts_with(phrase.head) ||
        name[phrase.head.size()] != ' ') {
      return nullptr;
    }
    return RecentBodyNamedWith(name, phrase.span.start);
  }

  // The last body (of any type) named before `named_before`, in this
  // paragraph or the one before, whose naming phrase, from its start to its
  // name, holds each of `words` (lower case, separated by spaces):
  // "groupe meusien" in "le groupe meusien Kramer"; null when none does.
  const Entity* RecentBodyNamedWith(std::string_view words, size_t named_before) const {
    constexpr size_t kMaxNamingBytes = 120;
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->paragraph + 1 < paragraph_) break;
      if (it->named_at >= named_before || it->described || it->name.empty()) continue;
      if (!IsBodyType(it->type)) continue;
      // Looked for in the naming's bytes only, not to the text's end.
      const size_t found =
          text_.substr(it->named_at, kMaxNamingBytes + it->name.size()).find(it->name);
      if (found == std::string_view::npos || found > kMaxNamingBytes) continue;
      const size_t name_at = it->named_at + found;
      const std::string naming =
          " " + LowerWord(text_.substr(it->named_at, name_at - it->named_at)) + " ";
      bool all = true;
      for (size_t from = 0; from < words.size() && all;) {
        size_t to = words.find(' ', from);
        if (to == std::string_view::npos) to = words.size();
        const std::string word = " " + std::string(words.substr(from, to - from)) + " ";
        all = naming.find(word) != std::string::npos;
        from = to + 1;
      }
      if (all) return &*it;
    }
    return nullptr;
  }

  // Whether the text spells `acronym` out, in parentheses after it, as a
  // common noun: "l'aide juridictionnelle (AJ)", not "la Confédération
  // générale du travail (CGT)". The word its first letter starts, among
  // the few before "(AJ)", tells by its case. Once per acronym and text.
  bool SpelledOutAsCommonNoun(std::string_view acronym) const {
    if (auto known = common_acronyms_.find(acronym); known != common_acronyms_.end()) {
      return known->second;
    }
    bool common = false;
    const size_t at = text_.find("(" + std::string(acronym) + ")");
    constexpr int kMaxWordsBack = 8;
    size_t end = at == std::string_view::npos ? 0 : at;
    for (int words = 0; words < kMaxWordsBack && end > 0; ++words) {
      while (end > 0 && (text_[end - 1] == ' ' || text_[end - 1] == '\n')) --end;
      size_t start = end;
      while (start > 0 && text_[start - 1] != ' ' && text_[start - 1] != '\n') --start;
      std::string_view word = text_.substr(start, end - start);
      // "l'aide", "d’Etat": the word after the elided article.
      for (std::string_view apostrophe : {"'", "\u2019"}) {
        if (const size_t a = word.find(apostrophe); a != std::string_view::npos) {
          word.remove_prefix(a + apostrophe.size());
        }
      }
      if (!word.empty() && std::tolower(static_cast<unsigned char>(word[0])) ==
                               std::tolower(static_cast<unsigned char>(acronym[0]))) {
        common = !StartsWithCapital(word);
        break;
      }
      end = start;
    }
    common_acronyms_.emplace(std::string(acronym), common);
    return common;
  }

  static bool IsBodyType(std::string_view type) {
    return type == "organization" || type == "government" || type == "media";
  }

  // The last organization, government or media named before
  // `named_before`, in this paragraph or the one before: by its name
  // ("Amnesty International") or as a unique institution ("la police"),
  // not by a description ("quelques associations"). A subject's title
  // does not speak for a body its predicate names ("La porte-parole a
  // précisé à l'agence Reuters"); an inverted speaker's may ("a affirmé
  // un responsable cité par l'agence Reuters").
  const Entity* RecentBody(size_t named_before) const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->paragraph + 1 < paragraph_) break;
      if (it->named_at >= named_before) continue;
      if (it->described && g_.AnaphoraOf(it->head) != SourceGrammar::Anaphora::kNone) continue;
      if (IsBodyType(it->type)) return &*it;
    }
    return nullptr;
  }

  // Whose "son porte-parole", "leur porte-parole" it is: the last body
  // named; for "leur", "leurs", first the last group named, a described one
  // too ("Des associations de locataires dénoncent … Leur porte-parole").
  const Entity* OwnerOf(const SourcePhrase& phrase) const {
    const std::string_view det = Lower(TokenAtOrAfter(phrase.span.start));
    if (det == "leur" || det == "leurs") {
      for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
        if (it->named_at >= phrase.span.start) continue;
        if (it->gender == Gender::kPlural && it->type != "person") return &*it;
      }
    }
    return LastBody();
  }

  // The last organization or government named.
  const Entity* LastBody() const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->described) continue;
      if (it->type == "organization" || it->type == "government") return &*it;
    }
    return nullptr;
  }

  // A person whose full name ends with `surname` ("Le Pen").
  const Entity* ByFullName(std::string_view surname) const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->type == "person" && it->gender != Gender::kPlural &&
          EndsWithSurname(it->name, surname)) {
        return &*it;
      }
    }
    return nullptr;
  }

  const Entity* ByName(std::string_view name, bool proper) const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->name == name || (it->alias && *it->alias == name)) return &*it;
      // "Le Pen", "Van Rompuy", "Montebourg": the surname of a full name.
      if (proper && it->type == "person" && it->gender != Gender::kPlural &&
          EndsWithSurname(it->name, name)) {
        return &*it;
      }
    }
    // "M. Li" after "le capitaine Li Xi", "M. Xi" after "Xi Jinping": a
    // name written family name first, whose first word is no first name.
    if (proper && name.find(' ') == std::string_view::npos &&
        !g_.FirstNameGender(LowerWord(name))) {
      for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
        const size_t space = it->name.find(' ');
        if (it->type == "person" && space == name.size() && it->name.starts_with(name) &&
            it->name.find(' ', space + 1) == std::string::npos) {
          return &*it;
        }
      }
    }
    return nullptr;
  }

  // The entity a pronoun speaker resolved to, again at `at`, as a subject.
  void RememberSpeakerAgain(const Entity& e, size_t at) {
    // Already the last one remembered, as a subject of this sentence; one
    // of a sentence before is copied again ("Olivier Allain acquiesce. Il
    // est sur la liste de Thierry Burlot": "il" names him in the second).
    if (!entities_.empty() && entities_.back().name == e.name && entities_.back().subject &&
        entities_.back().named_at >= sentence_.start) {
      return;
    }
    Entity again = e;
    again.named_at = at;
    again.subject = true;
    Remember(std::move(again));
  }

  void Remember(Entity entity) {
    if (entities_.size() == kMaxEntities) entities_.erase(entities_.begin());
    entity.paragraph = paragraph_;
    entities_.push_back(std::move(entity));
    if (!open_masculine_.empty() || !open_feminine_.empty()) {
      ResolveOpenForward(entities_.back());
    }
  }

  // A claim with its rule's confidence; no cue, no linked mentions yet.
  Claim MakeClaim(ClaimType type, Span statement, std::optional<ClaimSource> source,
                  std::string rule) const {
    Claim claim;
    claim.type = type;
    claim.span = statement;
    claim.source = std::move(source);
    claim.confidence = linker_.Confidence(rule);
    claim.rule = std::move(rule);
    return claim;
  }

  // A reported statement: indirect, or mixed when it holds a quote.
  void AddStatementClaim(Span statement, const ClaimSource& source, const Cue& cue,
                         std::string rule) {
    AddClaim(HoldsQuote(statement) ? ClaimType::kMixed : ClaimType::kIndirect, statement, source,
             cue, std::move(rule));
  }

  // Whether a claim of this sentence has its cue within `span`, unless
  // that cue is a verb in the conditional that reports words without
  // quoting them ("Le suspect aurait reconnu les faits, selon une source
  // proche de l'enquête": the reporter does not vouch for the words, the
  // source after them gives the account). The cues are kept by start as
  // claims come (reading every claim of the sentence per question made a
  // sentence of many according-to figures quadratic: "(3 000 selon les
  // syndicats) (…"), found by claimx-linearity).
  bool AssertedClaimsCueWithin(Span span) const {
    if (cue_claims_from_ < sentence_claims_) {
      sentence_claim_cues_.clear();
      cue_claims_from_ = sentence_claims_;
    }
    for (; cue_claims_from_ < out_.claims.size(); ++cue_claims_from_) {
      const Claim& claim = out_.claims[cue_claims_from_];
      if (!claim.cue) continue;
      const std::string_view verb = claim.cue->span.Of(text_);
      const bool conditional = (verb.starts_with("aurait ") || verb.starts_with("auraient ")) &&
                               claim.type == ClaimType::kIndirect;
      if (!conditional) sentence_claim_cues_.emplace(claim.cue->span.start, claim.cue->span.end);
    }
    // Cues starting in the span; one that ends past it is followed only by
    // others that start later still, so few are read.
    for (auto it = sentence_claim_cues_.lower_bound(span.start);
         it != sentence_claim_cues_.end() && it->first < span.end; ++it) {
      if (it->second <= span.end) return true;
    }
    return false;
  }

  void AddClaim(ClaimType type, Span statement, const ClaimSource& source,
                const Cue& cue, std::string rule) {
    if (statement.empty()) return;
    Claim claim = MakeClaim(type, statement, source, std::move(rule));
    claim.cue = ClaimCue{cue.span, cue.lemma};
    if (type == ClaimType::kDirect || HoldsQuote(statement)) {
      last_quoted_ = Quoted{paragraph_, source};
    }
    last_speaker_ = Quoted{paragraph_, source};
    if (unresolved_) pending_.push_back(Pending{out_.claims.size(), *unresolved_});
    unresolved_.reset();
    out_.claims.push_back(std::move(claim));
  }

  // Where a statement that would start at `from` starts once the
  // sentence has claims: after the last one, never past `limit`, spaces
  // and commas skipped. A sentence of many such claims then stays linear
  // in time and output.
  size_t AfterSentenceClaims(size_t from, size_t limit) const {
    if (out_.claims.size() > sentence_claims_) {
      from = std::max(from, std::min(out_.claims.back().span.end, limit));
    }
    return PastSpacesAndCommas(from, limit);
  }

  // The first byte from `from` that is no space or comma, `limit` at most.
  size_t PastSpacesAndCommas(size_t from, size_t limit) const {
    while (from < limit && (text_[from] == ' ' || text_[from] == ',')) ++from;
    return from;
  }

  // A quote starting in lower case inside a sentence that began before it,
  // short or after another quote of the sentence: a fragment of the
  // reporter's sentence ("X est mort « des suites d'une maladie », a révélé
  // Y"; "La Yougoslavie «accepte …» et Belgrade «est d'accord …», a indiqué
  // X"), not a whole utterance. A longer one alone is the speaker's words,
  // a direct quote ("les frappes «ont malheureusement probablement tué 64
  // civils et blessé huit autres», a indiqué le Centcom").
  // A quote that opened in an earlier sentence of the paragraph and closes
  // in this one is judged in the sentence where it opened ('Les
  // indiscrétions « relèvent du droit pénal. Les informations sont
  // secrètes », a-t-elle déclaré.'). One that opens with a capital is a
  // fragment only after another quote and the reporter's words between
  // them ('« 15 000 policiers seront mobilisés » sur les opérations « Place
  // nette », a détaillé le ministère').
  bool IsFragment(const Quote& quote) const {
    const size_t opened_in = QuoteSentenceStart(quote);
    if (quote.span.start <= opened_in || quote.content.empty()) return false;
    unsigned char first = static_cast<unsigned char>(text_[quote.content.start]);
    bool lower = (first >= 'a' && first <= 'z') || first == 0xC3;  // à é è ê...
    const Span before = TrimEnd(
        Span{opened_in == sentence_.start ? StatementStart() : opened_in, quote.span.start});
    if (before.empty()) return false;
    if (!lower) return ReporterWordsAfterQuote(before);
    // "… seront mobilisés, et « l'ensemble … »", "le soutien de « … »",
    // "considéré comme « totalement hors de cause … »": a quote right after
    // a conjunction, a preposition or "comme" is embedded.
    const size_t opening = TokenAtOrAfter(quote.span.start);
    if (opening > 0 && IsWord(opening - 1) &&
        (g_.IsClauseOpener(Lower(opening - 1)) || IsPrepositionWord(Lower(opening - 1)) ||
         Lower(opening - 1) == "comme")) {
      return true;
    }
    // "Le joueur a été relancé récemment, « non pas par Lyon, mais par son
    // agent »": lower-case words after the reporter's comma go on with
    // the reporter's clause, whatever their length.
    if (opening > 0 && Word(opening - 1) == "," && !OnlyQuotesIn(before)) return true;
    size_t words = 1;
    for (size_t k = quote.content.start; k < quote.content.end; ++k) words += text_[k] == ' ';
    // After another quote, reporter's words between them make this one a
    // fragment; "« A », « b », a assuré X" is two quotes in a row.
    return words < kMaxFragmentWords || (HoldsQuote(before) && !OnlyQuotesIn(before));
  }

  // Whether quoted words look like the title of a work rather than
  // speech: a few words, no sentence punctuation ("« Intouchables »",
  // "« Morgane de toi »").
  bool LooksLikeWorkTitle(const Quote& quote) const {
    constexpr size_t kMaxTitleWords = 6;
    const std::string_view content = quote.content.Of(text_);
    return content.find_first_of(",.;:!?") == std::string_view::npos &&
           static_cast<size_t>(std::count(content.begin(), content.end(), ' ')) < kMaxTitleWords;
  }

  // Whether the quoted words speak in the first person singular ("je",
  // "j'", "moi", "mon" …), as only a person does.
  bool InFirstPersonSingular(Span content) const {
    static constexpr std::string_view kFirstPerson[] = {"je", "j'", "moi", "me", "m'",
                                                        "mon", "ma", "mes"};
    for (size_t k = TokenAtOrAfter(content.start);
         k < tokens_.size() && tokens_[k].span.end <= content.end; ++k) {
      if (!IsWord(k)) continue;
      const std::string_view w = Lower(k);
      if (std::find(std::begin(kFirstPerson), std::end(kFirstPerson), w) !=
          std::end(kFirstPerson)) {
        return true;
      }
    }
    return false;
  }

  // Whether words of this sentence within `content` say "mon client", "ma
  // cliente", "nos clients": a lawyer speaking of whom they defend.
  bool SpeaksOfClient(Span content) const {
    for (size_t k = TokenAtOrAfter(content.start) + 1;
         k < tokens_.size() && tokens_[k].span.end <= content.end; ++k) {
      const std::string_view w = Lower(k);
      if (w != "client" && w != "cliente" && w != "clients" && w != "clientes") continue;
      const std::string_view before = Lower(k - 1);
      if (before == "mon" || before == "ma" || before == "mes" || before == "notre" ||
          before == "nos") {
        return true;
      }
    }
    return false;
  }

  // The lawyer a pronoun quoting "mon client" most likely is: the last
  // person of its gender known as one, named before `before` in this
  // paragraph or the one before.
  const Entity* LawyerBefore(Gender gender, size_t before) const {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->paragraph + 1 < paragraph_) break;
      if (it->named_at >= before || !it->role || !IsPersonOf(*it, gender)) continue;
      if (g_.TitleOf(g_.CanonicalRole(*it->role)) == "avocat") return &*it;
    }
    return nullptr;
  }

  // Whether only closing punctuation follows `pos` in the sentence.
  bool EndsSentenceAt(size_t pos) const {
    for (size_t k = pos; k < sentence_.end; ++k) {
      const char c = text_[k];
      if (c != ' ' && c != '.' && c != '!' && c != '?' && c != '\n') return false;
    }
    return pos > sentence_.start;
  }

  // The start of the sentence in which a quote ending in this one opened:
  // this sentence's, or an earlier one's of the same paragraph.
  size_t QuoteSentenceStart(const Quote& quote) const {
    if (quote.span.start >= sentence_.start) return sentence_.start;
    auto it = std::upper_bound(sentence_starts_.begin(), sentence_starts_.end(),
                               quote.span.start);
    if (it == sentence_starts_.begin()) return sentence_.start;
    const size_t start = *std::prev(it);
    return start >= paragraphs_[paragraph_].start ? start : sentence_.start;
  }

  // Whether `span` is quotes, commas and spaces only.
  bool OnlyQuotesIn(Span span) const {
    size_t k = span.start;
    while (k < span.end) {
      if (text_[k] == ' ' || text_[k] == ',') {
        ++k;
      } else if (const Quote* q = QuoteStartingAt(k); q && q->span.end > k) {
        k = q->span.end;
      } else {
        return false;
      }
    }
    return true;
  }

  // Whether `span` holds a quote followed by words of the reporter's.
  bool ReporterWordsAfterQuote(Span span) const {
    auto it = std::lower_bound(quotes_.begin(), quotes_.end(), span.end,
                               [](const Quote& q, size_t pos) { return q.span.start < pos; });
    if (it == quotes_.begin()) return false;
    const Quote& last = *std::prev(it);
    if (last.span.start < span.start || last.span.end >= span.end) return false;
    for (size_t k = last.span.end; k < span.end; ++k) {
      if (std::isalpha(static_cast<unsigned char>(text_[k])) ||
          static_cast<unsigned char>(text_[k]) >= 0x80) {
        return true;
      }
    }
    return false;
  }

  // The quotes are the outermost ones, sorted and disjoint: only the last
  // one starting before the span's end can overlap it (a binary search; a
  // scan of every quote made an article of quotes quadratic).
  bool HoldsQuote(Span span) const {
    auto it = std::lower_bound(quotes_.begin(), quotes_.end(), span.end,
                               [](const Quote& q, size_t pos) { return q.span.start < pos; });
    return it != quotes_.begin() && span.Overlaps(std::prev(it)->span);
  }

  // The speaker of an inverted cue: its pronoun ("poursuit-elle"), else
  // the phrase after the verb ("a déclaré le colonel X").
  std::optional<SourcePhrase> SpeakerAfter(const Cue& cue) const {
    if (cue.inverted && ImpersonalInversion(cue)) return WhereOnSays(cue);
    if (cue.inverted) {
      SourcePhrase pronoun;
      pronoun.reference = SourcePhrase::Reference::kPronoun;
      pronoun.gender = *cue.inverted;
      return pronoun;
    }
    // "a déclaré de son côté le secrétaire d'État", "déclare lundi à l'AFP X".
    size_t from = ContentStart(cue.end_token);
    // "…, a annoncé qu'il garderait": content, not a speaker.
    if (from > 0 && from <= tokens_.size() && IsQue(from - 1)) {
      return std::nullopt;
    }
    if (auto phrase = Parse(from, PhraseEnd(from))) return phrase;
    // Only after a reporting verb: "« J'ai faim », a mangé la pomme" has
    // no speaker.
    if (!EndsInReportingVerb(cue)) return std::nullopt;
    if (auto phrase = SpeakerPastSetting(from)) return phrase;
    // "…, raconte la scène": after a verb of topic, words the lexicons do
    // not know are its object; right after a quote ("« … », raconte une
    // voisine") they describe the speaker.
    if (g_.NamesTopic(cue.lemma) && !QuoteEndingBefore(tokens_[cue.first_token].span.start)) {
      return std::nullopt;
    }
    return DescriptionAfter(from);
  }

  // Whether the cue's last words are a reporting verb of the lexicon: one
  // word ("a indiqué") or two ("a fait savoir", whose "savoir" alone is
  // none); not a participle any verb could be ("a mangé").
  bool EndsInReportingVerb(const Cue& cue) const {
    const size_t last = cue.end_token - 1;
    if (g_.LookupVerb(Word(last))) return true;
    return last >= 1 && IsWord(last - 1) && g_.LookupLowerVerb(SpacedLower(last - 1, 2)) != nullptr;
  }

  // "a déclaré à l'ouverture de l'audience Me Virginie Le Roy": past a
  // prepositional phrase the lexicons do not know as a setting, a name or
  // a title that closes the clause (sentence end or comma after it).
  std::optional<SourcePhrase> SpeakerPastSetting(size_t from) const {
    constexpr size_t kMaxSettingTokens = 8;
    if (from >= tokens_.size() || !IsWord(from) || !IsFunctionWord(Lower(from))) {
      return std::nullopt;
    }
    for (size_t k = from + 1; k < tokens_.size() && k <= from + kMaxSettingTokens; ++k) {
      if (!IsWord(k) || InsideQuote(tokens_[k].span)) return std::nullopt;
      // "au journal Le Monde", "à l'agence RIA Novosti": the audience's
      // name, not a speaker.
      if (g_.IsSourceNoun(Lower(k - 1))) {
        while (k + 1 < tokens_.size() && IsUpperWord(k + 1)) ++k;
        continue;
      }
      const bool start = IsUpperWord(k) || g_.IsTitle(Lower(k));
      if (!start || IsFunctionWord(Lower(k - 1))) continue;
      const size_t begin = k > 0 && g_.IsDeterminer(Lower(k - 1)) ? k - 1 : k;
      auto phrase = Parse(begin, PhraseEnd(begin));
      if (!phrase || phrase->reference == SourcePhrase::Reference::kPronoun) continue;
      const size_t after = TokenAtOrAfter(phrase->span.end);
      if (after >= tokens_.size() || Word(after) == "," || Word(after) == ".") return phrase;
    }
    return std::nullopt;
  }

  // Past complements in "de" from token k ("de l'exécutif de la Région"):
  // the preposition, an article, one or two words each, at most three.
  size_t DescriptionComplementsEnd(size_t k) const {
    constexpr size_t kMaxComplements = 3;
    constexpr size_t kMaxComplementWords = 2;
    for (size_t n = 0; n < kMaxComplements && k < tokens_.size() && IsWord(k); ++n) {
      if (!IsPreposition(k)) break;
      size_t next = k + 1;
      if (next < tokens_.size() && (Lower(next) == "la" || Lower(next) == "l'" ||
                                    Lower(next) == "le" || Lower(next) == "les")) {
        ++next;
      }
      const size_t noun = next;
      while (next < tokens_.size() && next < noun + kMaxComplementWords && IsWord(next) &&
             !g_.LookupVerb(Word(next)) && !IsQue(next) && !g_.IsDeterminer(Lower(next)) &&
             !IsPrepositionWord(Lower(next))) {
        ++next;
      }
      if (next == noun) break;
      k = next;
    }
    return k;
  }

  // After an inverted verb, an article and lower-case words the lexicons
  // do not know, ending the clause: a description of the speaker ("a
  // assuré le grimpeur auvergnat", "ont indiqué les marins-pompiers").
  // Singular, a title to refer back with; plural, a group.
  std::optional<SourcePhrase> DescriptionAfter(size_t from) const {
    constexpr size_t kMaxDescriptionWords = 3;
    if (from + 1 >= tokens_.size() || !IsWord(from)) return std::nullopt;
    const std::string_view det = Lower(from);
    SourcePhrase phrase;
    // "explique cette proviseure": a demonstrative is definite too.
    if (det == "le" || det == "un" || det == "ce" || det == "cet") {
      phrase.gender = Gender::kMasculine;
    } else if (det == "la" || det == "une" || det == "cette") {
      phrase.gender = Gender::kFeminine;
    } else if (det == "les" || det == "ces") {
      phrase.gender = Gender::kPlural;
    } else if (det != "l'") {
      return std::nullopt;
    }
    size_t end = from + 1;
    while (end < tokens_.size() && end < from + 1 + kMaxDescriptionWords && IsWord(end) &&
           !IsUpperWord(end) && !InSpans(dates_, end) && !g_.IsDeterminer(Lower(end)) &&
           !g_.LookupVerb(Word(end)) && !g_.IsClauseOpener(Word(end)) && !IsRelative(end) &&
           !IsPrepositionWord(Lower(end))) {
      if (g_.IsTimeNoun(Word(end))) return std::nullopt;  // "a déclaré le même jour"
      ++end;
    }
    // The clause ends right after: sentence end, comma, or another quote;
    // or a relative clause describes the speaker ("a dit un fonctionnaire
    // qui travaille avec la victime"); or the speech's settings ("explique
    // cette proviseure dans un entretien").
    // Or where and to whom it was said ("a affirmé la démocrate à
    // Milwaukee", "… à un parterre de partisans", "… devant les élus").
    auto addressed_at = [&](size_t k) {
      if (k + 1 >= tokens_.size() || !IsWord(k + 1)) return false;
      const std::string_view prep = Lower(k);
      if (prep != "à" && prep != "devant") return false;
      const std::string_view next = Lower(k + 1);
      return InSpans(places_, k + 1) || next == "un" || next == "une" || next == "des" ||
             (prep == "devant" && g_.IsDeterminer(next));
    };
    auto closes_at = [&](size_t k) {
      return k == tokens_.size() || (!IsWord(k) && Word(k) != "(") || IsRelative(k) ||
             EndsSentence(SkipSettings(k)) || addressed_at(k);
    };
    // "déclare le second de l'exécutif de la Région": complements in "de"
    // after a definite description, when they end the clause (not "a
    // dénoncé un bourrage des urnes, …": an object).
    const bool definite = det == "le" || det == "la" || det == "l'" || det == "les";
    if (definite && end > from + 1 && !closes_at(end)) {
      const size_t complements = DescriptionComplementsEnd(end);
      if (complements > end && closes_at(complements)) end = complements;
    }
    const bool closed = closes_at(end);
    if (end == from + 1 || !closed || InsideQuote(tokens_[from].span)) return std::nullopt;
    phrase.span = Span{tokens_[from].span.start, tokens_[end - 1].span.end};
    const std::string words(Span{tokens_[from + 1].span.start, phrase.span.end}.Of(text_));
    phrase.definite = det != "un" && det != "une";
    phrase.type = "anonymous";
    if (phrase.gender == Gender::kPlural) {
      phrase.name = words;  // "marins-pompiers": a group, named by its noun
    } else {
      phrase.reference = SourcePhrase::Reference::kRoleOnly;
      phrase.role = words;
      phrase.name = words;
    }
    return phrase;
  }

  void LinkVerb(const Cue& cue) {
    if (cue.narrative) {
      LinkNarrative(cue);
      return;
    }
    if (cue.gerund) {
      LinkGerund(cue);
      return;
    }
    // «...», a déclaré X  /  «...», poursuit-elle  /  «...», lui a dit X
    const size_t lead = VerbGroupLead(cue.first_token);
    // Not "X, membre du collectif qui a lancé « … », considère que …": a
    // que-clause after the verb is its content; the quote ends the subject.
    // (A present participle, ", formulant le souhait que …", has no
    // subject of its own.)
    const bool participle = LooksLikePresentParticiple(Lower(cue.first_token));
    const Quote* before_cue = ContentAfterQue(cue) && !participle
                                  ? nullptr
                                  : QuoteEndingBefore(tokens_[lead].span.start);
    if (before_cue && IsEarlierCueContent(*before_cue)) before_cue = nullptr;
    if (const Quote* quote = before_cue) {
      std::optional<SourcePhrase> phrase = SpeakerAfter(cue);
      if (phrase && phrase->reference == SourcePhrase::Reference::kPronoun) {
        phrase->speaks_as_person = InFirstPersonSingular(quote->content);
        phrase->speaks_as_lawyer = SpeaksOfClient(quote->content);
        const size_t opening = TokenAtOrAfter(quote->span.start);
        if (opening > 0 && opening < tokens_.size() && Word(opening - 1) == ":") {
          phrase->quote_colon = tokens_[opening - 1].span.start;
        }
      }
      std::optional<ClaimSource> source = ContinuedSpeaker(cue, phrase);
      if (!source) source = Resolve(phrase, "fr.source.inverted");
      if (!source) return;
      Span statement = quote->content;
      ClaimType type = ClaimType::kDirect;
      if (IsFragment(*quote)) {
        // "X est mort « des suites d'une maladie », a révélé Y": the
        // quoted words finish the reporter's sentence, from its start or
        // the end of its last claim (a sentence of such claims stays
        // linear in size).
        const size_t opened_in = QuoteSentenceStart(*quote);
        statement = Span{opened_in < sentence_.start
                             ? opened_in
                             : AfterSentenceClaims(sentence_.start, quote->span.start),
                         quote->span.end};
        type = ClaimType::kMixed;
      }
      // An incise: «A», a déclaré X, «B» (or X : «B», or no comma before a
      // sentence of quoted words); not the title of a work after the
      // speaker ("a déclaré le réalisateur du film « Intouchables »").
      size_t resume = phrase && !phrase->span.empty() ? phrase->span.end : cue.span.end;
      if (const Quote* next = QuoteStartingAt(resume);
          next && (Span{resume, next->span.start}.Of(text_).find_first_of(",:") !=
                       std::string_view::npos ||
                   !LooksLikeWorkTitle(*next))) {
        statement.end = next->content.end;
      }
      AddClaim(type, statement, *source, cue, "fr.claim.quote_inverted");
      // "« A. » « B », a dit X.": the quotation right before, in its own
      // marks, is X's too, a claim of its own (EVAL.md).
      if (const Quote* before = QuoteRightBefore(*quote); before && type == ClaimType::kDirect) {
        AddClaim(ClaimType::kDirect, before->content, *source, cue, "fr.claim.quote_inverted");
      }
      return;
    }
    // "La maire a assuré que le pont, a-t-elle précisé, rouvrirait": an
    // inverted incise inside the content of the sentence's last claim is
    // part of it, no claim of its own.
    if (cue.inverted && out_.claims.size() > sentence_claims_ &&
        out_.claims.back().span.start < cue.span.start &&
        cue.span.end < out_.claims.back().span.end) {
      return;
    }
    // "Ainsi, estime-t-il que …", "Aussi, dément-il dans sa vidéo : « … »":
    // after nothing but connectors and their comma, an inverted verb with
    // no comma after it opens its content, as at the sentence's start.
    const bool opens_content = cue.inverted && lead > 0 && Word(lead - 1) == "," &&
                               StatementStart() >= tokens_[lead - 1].span.start &&
                               cue.end_token < tokens_.size() && Word(cue.end_token) != ",";
    // "12 morts, a affirmé X": the statement before the comma; not the
    // subject and its apposition ("La ministre, Élisabeth Borne, a appelé
    // les syndicats à …").
    if (lead > 0 && Word(lead - 1) == "," && !SubjectBeforeComma(cue) && !opens_content &&
        !RelativeBeforeIncise(lead - 1)) {
      std::optional<SourcePhrase> phrase = SpeakerAfter(cue);
      // "Les pays pauvres, eux, dénoncent un texte « pas ambitieux »": a
      // phrase the quoted words qualify is the verb's object, no speaker.
      // But a named or titled speaker may come before a colon and a quote
      // ("…, nous indique le procureur Yann Le Bris : « … »").
      if (phrase && !cue.inverted && !phrase->span.empty() &&
          text_.substr(phrase->span.end, 1) == " " && QuoteStartingAt(phrase->span.end + 1)) {
        const bool colon =
            phrase->span.end + 1 < text_.size() && text_[phrase->span.end + 1] == ':';
        const bool titled =
            phrase->role && !g_.TitleOf(g_.CanonicalRole(*phrase->role)).empty();
        if (!colon || !(phrase->proper_name || titled)) phrase.reset();
      }
      if (phrase) {
        // "…, a annoncé le président du jury, le réalisateur mexicain
        // Alejandro González Iñárritu.": the speaker named in apposition,
        // not the statement going on.
        std::optional<SourcePhrase> apposition;
        if (!cue.inverted && !phrase->span.empty()) {
          apposition = SpeakerApposition(TokenAtOrAfter(phrase->span.end));
        }
        if (apposition && apposition->proper_name) {
          apposition->span.start = phrase->span.start;
          phrase = apposition;
        }
        auto source = Resolve(phrase, "fr.source.inverted");
        if (!source) return;
        // "A, appuie-t-il, B": an incise inside the statement.
        size_t resume = TokenAtOrAfter(cue.inverted || phrase->span.empty() ? cue.span.end
                                                                            : phrase->span.end);
        if (!cue.inverted && !phrase->span.empty()) resume = AfterSpeakerAddition(resume);
        // Not "…, a estimé X, avant d'ajouter …" / ", en rappelant …" /
        // ", précisant …": what follows is the speaker's next act; nor
        // "…, affirme le quotidien, qui cite …": a relative clause on the
        // speaker.
        // Nor "…, a déclaré X, selon l'agence": who relayed it; nor "…,
        // a-t-il ajouté, alors que …": the reporter's own clause.
        auto next_act = [&](size_t k) {
          const std::string_view w = Lower(k);
          return w == "avant" || w == "après" || w == "en" || w == "qui" || w == "dont" ||
                 w == "selon" || w == "d'après" || w == "alors" || w == "tandis" ||
                 LooksLikePresentParticiple(w);
        };
        // Nor "…, a réagi X, lundi 9 août." / ", dans un communiqué.": only
        // the speech's settings after the comma, or settings and then the
        // next act (", dimanche, avant de quitter la salle").
        const size_t after_settings = resume + 1 < tokens_.size() ? SkipSettings(resume + 1)
                                                                  : resume + 1;
        const bool settings_then_act = after_settings > resume + 1 &&
                                       after_settings + 1 < tokens_.size() &&
                                       Word(after_settings) == "," &&
                                       IsWord(after_settings + 1) &&
                                       next_act(after_settings + 1);
        // "Or, estime-t-il, « … »": the statement may go on in quoted words.
        // Nor "…, a indiqué X, lors d'une conférence de presse à l'hôtel de
        // police de Liège.": an occasion to the sentence's end (the setting
        // "lors d'une conférence de presse" is only its start).
        const bool incise = resume + 1 < tokens_.size() && Word(resume) == "," &&
                            (IsWord(resume + 1) || QuoteOpeningAt(resume + 1)) &&
                            !(IsWord(resume + 1) && next_act(resume + 1)) && !apposition &&
                            !DescriptionEndsSentence(resume + 1) &&
                            !EndsSentence(after_settings) && !settings_then_act &&
                            !EndsSentence(AfterOccasion(resume + 1));
        size_t start = StatementStart();
        // "A, a dit X, B, a dit Y, C": an incise's statement starts after
        // the sentence's last claim and ends before the next incise, so a
        // sentence of them stays linear in time and output (each ran from
        // the sentence's start to its end).
        if (incise) start = AfterSentenceClaims(start, sentence_.end);
        // "Par ailleurs, poursuit X, S": nothing but connectors before the
        // incise; the statement is what follows it.
        if (incise && start >= tokens_[lead - 1].span.start) start = tokens_[resume + 1].span.start;
        Span statement = TrimEnd(Span{start, incise ? NextInciseComma(cue)
                                                    : tokens_[lead - 1].span.start});
        if (statement.size() < 3) return;
        // "Or, estime-t-il, « … »": quoted words and nothing else are a
        // direct quote.
        if (const Quote* quote = QuoteStartingAt(statement.start);
            quote && TrimEnd(Span{quote->span.end, std::max(quote->span.end, statement.end)})
                         .empty()) {
          AddClaim(ClaimType::kDirect, quote->content, *source, cue, "fr.claim.inverted_speech");
          return;
        }
        AddStatementClaim(statement, *source, cue, "fr.claim.inverted_speech");
        // "S, nous indique le procureur : « … »": the quotation after a
        // colon that ends the sentence is the speaker's too.
        // "…, comme le rappelle le commandant X du SDIS 77 de
        // Seine-et-Marne : « … »": words the speaker's phrase left may
        // come before the colon.
        if (resume < tokens_.size()) {
          if (const Quote* quote = ColonQuoteAfter(tokens_[SkipWordsToColon(resume)].span.start)) {
            AddClaim(ClaimType::kDirect, quote->content, *source, cue, "fr.claim.quote_colon");
          }
        }
        return;
      }
    }
    if (LinkAsReported(cue)) return;
    if (LinkWhatWasSaid(cue)) return;
    // "…, précise-t-on de source policière": an impersonal "on" with no
    // circle named after it is nobody (the "de source" cue has the claim).
    if (cue.inverted && ImpersonalInversion(cue)) return;
    // X a déclaré ... : the subject before the cue.
    std::optional<SourcePhrase> phrase;
    if (cue.inverted) {
      phrase = SourcePhrase{};
      phrase->reference = SourcePhrase::Reference::kPronoun;
      phrase->gender = *cue.inverted;
    } else {
      phrase = Subject(cue.first_token);
    }
    // "X se dit « rassuré » et pense que …", "X a réagi et a nié …": the
    // subject is shared with the verb before "et".
    if (!phrase && !cue.inverted && Coordinated(cue)) phrase = SubjectOfPreviousVerb(cue);
    // Without a que-clause, some verbs report speech only in quoted words:
    // "a relevé 27 degrés" is none, a quote after a colon is; after an
    // object pronoun the content names someone ("le pape l'a déclarée
    // vénérable"), speech only when quoted ("l'avait appelée la
    // « châtelaine de Montretout »", "Pastor l'avait annoncé sur le réseau
    // social : « … »"); verbs that name a topic say something only in
    // quoted words ("a parlé de la crise" is a topic, "a parlé d'« une
    // trahison »" a claim).
    QuotesNeeded needs = QuotesNeeded::kNone;
    if (g_.NeedsQue(cue.lemma)) {
      if (!OtherContentAfter(cue)) needs = QuotesNeeded::kColonQuote;
    } else if ((!cue.inverted && ObjectBefore(cue)) ||
               (g_.NamesTopic(cue.lemma) &&
                !(g_.CountsAsTopicObject(cue.lemma) && FigureOpensContent(cue)) &&
                !(g_.TakesInfinitiveContent(cue.lemma) &&
                  InfinitiveClauseAt(ContentStart(cue.end_token))))) {
      needs = QuotesNeeded::kAny;
    }
    if (needs != QuotesNeeded::kNone && ContentAfterQue(cue)) needs = QuotesNeeded::kNone;
    // The content is read once, before the speaker only when it decides
    // whether there is a claim: reading it costs a pass to the sentence's
    // end, which a sentence of cues with no speaker must not pay per cue.
    std::optional<Content> content;
    if (needs != QuotesNeeded::kNone) {
      content = ReadContent(cue);
      // "Jean Roux l'a répété mercredi : la réforme ira à son terme": the
      // object pronoun stands for the words after the colon right after
      // the verb and its settings (not "l'a déclarée vénérable : …").
      constexpr size_t kMinColonWords = 3;
      // So do the words after a colon for a verb that reports only a
      // que-clause or quoted words ("a assuré : il n'y aura pas de hausse").
      const bool colon_clause =
          !g_.NamesTopic(cue.lemma) && content &&
          content->after_colon &&
          TokenAtOrAfter(content->statement.end) >=
              TokenAtOrAfter(content->statement.start) + kMinColonWords;
      if (colon_clause) {
        needs = QuotesNeeded::kNone;
      } else if (!content ||
                 (!content->quote && !content->quote_after &&
                  (needs == QuotesNeeded::kColonQuote || !HoldsQuote(content->statement)))) {
        return;
      }
    }
    // "…, interrogé sur des propos de X qui avait fustigé …": the speaker
    // of a relative clause is not the sentence's subject a later "il"
    // most likely means.
    relative_speaker_ = InRelativeClause(cue);
    std::optional<ClaimSource> source = relative_speaker_ ? SpeakerBeforeRelative(cue)
                                                          : std::nullopt;
    if (!source) source = Resolve(phrase, "fr.source.subject");
    relative_speaker_ = false;
    if (!source) return;
    if (!content) content = ReadContent(cue);
    if (content && !content->quote && IsRequestNotToBeNamed(content->statement)) return;
    if (content) AddContentClaim(*content, cue, *source, "fr.claim.reported_speech", needs);
  }

  // "qui a demandé l'anonymat": a content that only asks not to be named
  // (unspoken_contents), its closing punctuation aside.
  bool IsRequestNotToBeNamed(Span statement) const {
    constexpr size_t kMaxRequestBytes = 40;  // longer than every entry
    const std::string_view words = TrimEnd(statement).Of(text_);  // its punctuation too
    return words.size() <= kMaxRequestBytes && g_.IsUnspokenContent(LowerWord(words));
  }

  // "D'après Pôle emploi, …", "Selon Force ouvrière, …": one or two
  // lower-case words between a proper name and the comma that ends the
  // cue's phrase are the rest of the name, unless they are function words,
  // verbs, dates or connectors ("Selon Amnesty aussi, …").
  void ExtendNameToComma(SourcePhrase* phrase) const {
    constexpr size_t kMaxTailWords = 2;
    constexpr size_t kMaxBodyTailWords = 6;  // "fédéral de la statistique"
    auto body_noun = [&](std::string_view word) {
      const std::string lower = LowerWord(word);
      return g_.IsSourceNoun(lower) ||
             (lower.size() > 3 && lower.back() == 's' &&
              g_.IsSourceNoun(std::string_view(lower).substr(0, lower.size() - 1)));
    };
    if (phrase->reference != SourcePhrase::Reference::kNamed || !phrase->proper_name ||
        phrase->role) {
      return;
    }
    const size_t first = TokenAtOrAfter(phrase->span.end);
    // "Selon Paul Martin lui-même, …": the phrase reaches the comma, the
    // name stays.
    if (first + 1 < tokens_.size() && Word(first + 1) == "," &&
        g_.IsEmphaticPronoun(Lower(first))) {
      phrase->span.end = tokens_[first].span.end;
      return;
    }
    // "l'Office fédéral de la statistique", "les Académies suisses des
    // sciences": after a body's noun the name goes on in lower case, its
    // complements too.
    const bool body = body_noun(phrase->name.substr(0, phrase->name.find(' ')));
    const size_t max_tail = body ? kMaxBodyTailWords : kMaxTailWords;
    size_t k = first;
    while (k < tokens_.size() && k < first + max_tail && IsWord(k) && !IsUpperWord(k)) {
      const std::string_view w = Lower(k);
      if (body && (IsPreposition(k) ||
                   ((w == "la" || w == "l'") && k > first && Lower(k - 1) == "de"))) {
        ++k;
        continue;
      }
      if (g_.IsDeterminer(w) || g_.IsClauseOpener(w) || g_.IsStatementSkip(w) ||
          g_.IsSpeechSetting(w) || g_.LookupLowerVerb(w) || InSpans(dates_, k) ||
          IsFunctionWord(w)) {
        return;
      }
      ++k;
    }
    // To a comma; or, for a body, to the sentence's end ("…, selon les
    // Académies suisses des sciences.").
    if (k == first || k >= tokens_.size() || (Word(k) != "," && !(body && EndsSentence(k)))) {
      return;
    }
    phrase->name += " ";
    phrase->name += Span{tokens_[first].span.start, tokens_[k - 1].span.end}.Of(text_);
    phrase->span.end = tokens_[k - 1].span.end;
  }

  // "Selon ces résultats, publiés la veille par la Commission électorale
  // (Cena), S": a participle apposition between commas after a document
  // belongs to its phrase (IssuerOf reads the issuer there).
  void ExtendParticipleApposition(SourcePhrase* phrase) const {
    constexpr size_t kMaxAppositionTokens = 16;
    if (phrase->type != "document" || phrase->span.empty()) return;
    const size_t comma = TokenAtOrAfter(phrase->span.end);
    if (comma + 2 >= tokens_.size() || Word(comma) != "," || !IsWord(comma + 1) ||
        !LooksLikeParticiple(Lower(comma + 1))) {
      return;
    }
    for (size_t k = comma + 2; k < tokens_.size() && k < comma + kMaxAppositionTokens; ++k) {
      if (Word(k) == ",") {
        phrase->span.end = tokens_[k - 1].span.end;
        return;
      }
      if (IsQue(k) || InsideQuote(tokens_[k].span) || Word(k) == ";" || Word(k) == ":" ||
          (IsWord(k) && VerbAt(k))) {
        return;
      }
    }
  }

  // "Selon des sources bien introduites au palais présidentiel, S": a
  // cue opening the sentence (after a conjunction at most) whose phrase, a
  // description with no name, stops short of the comma that ends it; the
  // words up to that comma describe the source, unless a verb, a quote, a
  // date, a place or "que" is among them.
  void ExtendDescriptionToComma(const Cue& cue, SourcePhrase* phrase) const {
    constexpr size_t kMaxTailTokens = 10;
    const bool opens = cue.first_token == 0 ||
                       (cue.first_token == 1 && g_.IsClauseOpener(Word(0)));
    // Not "Pour la principale association de …, l'April : « … »": after
    // "pour" the phrase may be a topic, not a source.
    if (!opens || cue.rule == "fr.source.pour" || phrase->proper_name || phrase->span.empty() ||
        phrase->reference == SourcePhrase::Reference::kPronoun) {
      return;
    }
    const size_t first = TokenAtOrAfter(phrase->span.end);
    for (size_t k = first; k < tokens_.size() && k < first + kMaxTailTokens; ++k) {
      if (Word(k) == ",") {
        if (k == first) return;
        phrase->name += std::string(Span{phrase->span.end, tokens_[k - 1].span.end}.Of(text_));
        phrase->span.end = tokens_[k - 1].span.end;
        return;
      }
      // Not "un responsable joint par téléphone samedi", "une source
      // proche de l'enquête à Marseille": a date or place says when or
      // where, not who.
      if (!IsWord(k) || IsQue(k) || InsideQuote(tokens_[k].span) || VerbAt(k) ||
          InSpans(dates_, k) || InSpans(places_, k)) {
        return;
      }
    }
  }

  // Whether what follows `pos` is a comma and a source phrase that ends the
  // sentence: "…, selon les chiffres publiés par la Dares, le service
  // statistique du ministère." is the source's apposition, not the rest of
  // the statement as in "…, selon la police, lors d'une fusillade".
  bool AppositionEndsSentence(size_t pos) const {
    const size_t comma = TokenAtOrAfter(pos);
    if (comma + 1 >= tokens_.size() || Word(comma) != ",") return false;
    auto apposition = Parse(comma + 1, PhraseEnd(comma + 1));
    if (!apposition) return false;
    const size_t after = TokenAtOrAfter(apposition->span.end);
    return after >= tokens_.size() || (after + 1 == tokens_.size() && Word(after) == ".");
  }

  // Whether `words` end with an inverted "on": "a-t-on", "apprend-on".
  static bool EndsWithInvertedOn(std::string_view words) {
    return words.size() > 3 && words.substr(words.size() - 3) == "-on";
  }

  // Whether token k, in lower case, is an impersonal inversion.
  bool IsImpersonalVerb(size_t k) const {
    return IsWord(k) && !IsUpperWord(k) && EndsWithInvertedOn(Lower(k));
  }

  // "souligne-t-on", "indique-t-on", "a-t-on précisé": "on" is nobody
  // the text named.
  bool ImpersonalInversion(const Cue& cue) const {
    const std::string_view words = cue.span.Of(text_);
    const size_t space = words.find(' ');
    return EndsWithInvertedOn(words.substr(0, space)) || EndsWithInvertedOn(words);
  }

  // Who "on" stands for: the body or circle named right after the
  // inversion ("explique-t-on chez Renault", "indique-t-on dans
  // l'entourage du ministre", "précise-t-on à l'Élysée"); none otherwise.
  std::optional<SourcePhrase> WhereOnSays(const Cue& cue) const {
    size_t k = cue.end_token;
    while (k < tokens_.size() && InSpans(dates_, k)) ++k;
    // "peut-on lire dans le communiqué du ministère".
    if (k < tokens_.size() && IsWord(k) && !IsUpperWord(k) && LooksLikeInfinitive(Lower(k))) ++k;
    if (k + 1 >= tokens_.size()) return std::nullopt;
    const std::string_view w = Lower(k);
    size_t from = k + 1;
    // "a-t-on précisé de même source": whoever the last claim was
    // attributed to, as "selon la même source".
    if (w == "de" && from + 1 < tokens_.size() && Lower(from) == "même" &&
        Lower(from + 1) == "source") {
      SourcePhrase same;
      same.reference = SourcePhrase::Reference::kNamed;
      same.same = true;
      same.head = "source";
      same.name = "source";
      same.type = "anonymous";
      same.span = Span{tokens_[k].span.start, tokens_[from + 1].span.end};
      return same;
    }
    if (w != "chez" && w != "dans" && w != "à" && w != "au" && w != "auprès") return std::nullopt;
    if (w == "auprès" && from < tokens_.size() && (Lower(from) == "de" || Lower(from) == "d'")) {
      ++from;
    }
    auto phrase = Parse(from, PhraseEnd(from));
    if (!phrase || phrase->reference == SourcePhrase::Reference::kPronoun) return std::nullopt;
    return phrase;
  }

  // Whether all that comes before the comma ending at the cue is the cue's
  // subject: "Le préfet, Jean Roux, a annoncé les résultats".
  // Each comma-separated part there is a whole source phrase.
  bool SubjectBeforeComma(const Cue& cue) const {
    if (cue.inverted || cue.first_token == 0) return false;
    const size_t first = TokenAtOrAfter(StatementStart());
    constexpr int kMaxParts = 3;
    size_t end = cue.first_token - 1;  // the comma
    for (int part = 0; part < kMaxParts && end > first; ++part) {
      const size_t begin = std::max(PartStart(end), first);
      // "Rachida Dati, qui mène la liste, a critiqué": a relative clause.
      if (begin > first && (Lower(begin) == "qui" || Lower(begin) == "dont")) {
        end = begin - 1;
        continue;
      }
      // "Les pays pauvres, eux, dénoncent": the stressed pronoun repeats
      // the subject before it.
      if (begin > first && begin + 1 == end && IsStressedPronoun(begin)) {
        end = begin - 1;
        continue;
      }
      // "Le médecin, dans la nuit, a constaté …", "Le maire, lundi, a
      // annoncé …": a time or a speech setting in an incise.
      if (begin > first && begin < end && SkipSettings(begin) == end) {
        end = begin - 1;
        continue;
      }
      // "Le collectif, créé en 2019, réclame …", "La pétition, signée par
      // 10 000 personnes, réclame …": a participle apposition with no verb
      // of its own.
      if (begin > first && begin < end && IsWord(begin) && !IsUpperWord(begin) &&
          (LooksLikeParticiple(Lower(begin)) || LooksLikeUParticiple(Lower(begin))) &&
          !HasVerb(begin + 1, end)) {
        end = begin - 1;
        continue;
      }
      // "(…,) alors que le président ukrainien, Volodimir Zelensky, a
      // accusé": a subordinator opens the subject's clause.
      const size_t opener = SubordinatorLength(begin, end);
      auto phrase = Parse(begin + opener, end);
      // "Paul Roux, avocat à Lyon, a dénoncé", "…, par ailleurs maire de
      // Lyon, …": a title whose complement or connector only an
      // apposition takes, read with the name before it.
      const size_t title = SkipStatementWords(begin);
      if ((!phrase || TokenAtOrAfter(phrase->span.end) != end) && begin > first &&
          Word(begin - 1) == "," && title < end && g_.IsTitle(Lower(title))) {
        const size_t name = std::max(PartStart(begin - 1), first);
        auto named = Parse(name, end);
        if (named && named->proper_name && TokenAtOrAfter(named->span.end) == end) {
          if (name == first) return true;
          end = name - 1;
          continue;
        }
      }
      if (!phrase || TokenAtOrAfter(phrase->span.end) != end) {
        // "En marge des travaux de l'APN, le ministre …, Daho Ould Kablia,
        // a confirmé": a complement opening the sentence before the
        // subject's parts.
        return part > 0 && begin == first && OpensWithComplement(begin, end);
      }
      if (begin == first || opener > 0) return true;
      end = begin - 1;
    }
    return false;
  }

  // The length in tokens of a subordinator of opening_subordinators at
  // token k ("alors que", "si"), 0 when none starts there or nothing
  // follows it before `end`.
  size_t SubordinatorLength(size_t k, size_t end) const {
    const size_t length = SubordinatorAt(k);
    return k + length < end ? length : 0;
  }

  // The length in tokens of the subordinator at token k, two words first
  // ("alors que", then "si"), 0 for none.
  size_t SubordinatorAt(size_t k) const {
    if (k + 1 < tokens_.size() && IsWord(k + 1) &&
        g_.IsOpeningSubordinator(SpacedLower(k, 2))) {
      return 2;
    }
    return g_.IsOpeningSubordinator(Lower(k)) ? 1 : 0;
  }

  // The person the text named as heading `body` before `phrase` ("la CFDT,
  // dirigée par Laurent Berger", "Laurent Berger, à la tête de la CFDT"),
  // when `phrase`'s title heads a body ("le numéro un de la CFDT"); null
  // otherwise. The body's name as written, a leading participle and "par"
  // right after it, then the person's name; or the person's name, then
  // words of heading and the body's name. In this paragraph or the one
  // before, within a bounded look-back (a long paragraph of such titles
  // stays linear).
  const Entity* HeadNamedWith(const SourcePhrase& phrase, const SourcePhrase& body) const {
    constexpr size_t kMaxLookBackBytes = 4096;
    if (!phrase.role || !body.proper_name || body.name.empty() ||
        !g_.HeadsABody(g_.TitleOf(g_.CanonicalRole(*phrase.role)))) {
      return nullptr;
    }
    const size_t from = std::max(paragraphs_[paragraph_ > 0 ? paragraph_ - 1 : 0].start,
                                 phrase.span.start > kMaxLookBackBytes
                                     ? phrase.span.start - kMaxLookBackBytes
                                     : size_t{0});
    if (from >= phrase.span.start) return nullptr;
    const std::string_view before = text_.substr(0, phrase.span.start);
    const std::string_view name = body.name;
    for (size_t at = before.find(name, from); at != std::string_view::npos;
         at = before.find(name, at + 1)) {
      size_t k = at + name.size();
      if (k < before.size() && before[k] == ',') ++k;
      if (k >= before.size() || before[k] != ' ') continue;
      const size_t word = k + 1;
      const size_t word_end = std::min(before.find(' ', word), before.size());
      if (!g_.IsLeadingParticiple(before.substr(word, word_end - word))) continue;
      constexpr std::string_view kBy = " par ";
      if (before.compare(word_end, kBy.size(), kBy) != 0) continue;
      const size_t head = word_end + kBy.size();
      for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
        if (it->type == "person" && it->named_at == head) return &*it;
      }
    }
    // "Laurent Berger, à la tête de la CFDT, …", "Jordan Bardella, qui
    // préside le RN, …": a person named right before such words.
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (it->type != "person" || it->named_at < from || it->named_at >= phrase.span.start ||
          before.compare(it->named_at, it->name.size(), it->name) != 0) {
        continue;
      }
      // ", " then the words of heading_phrases, each followed by a space.
      constexpr size_t kMaxHeadingWords = 4;
      size_t at = it->named_at + it->name.size();
      if (before.compare(at, 2, ", ") != 0) continue;
      at += 2;
      size_t end = at;
      bool heading = false;
      for (size_t words = 0; words < kMaxHeadingWords && !heading; ++words) {
        end = before.find(' ', end + 1);
        if (end == std::string_view::npos) break;
        heading = g_.IsHeadingPhrase(LowerWord(before.substr(at, end - at)));
      }
      if (!heading) continue;
      size_t body_at = end + 1;
      for (std::string_view article : {"la ", "le ", "les ", "l'"}) {
        if (before.compare(body_at, article.size(), article) == 0) {
          body_at += article.size();
          break;
        }
      }
      if (before.compare(body_at, name.size(), name) == 0) return &*it;
    }
    return nullptr;
  }

  // Whether the comma at token `comma` closes an incise that opened right
  // after a relative pronoun ("ce qui, selon lui, appelle une réponse"):
  // the verb after it is the relative clause's, not an inverted cue.
  bool RelativeBeforeIncise(size_t comma) const {
    constexpr size_t kMaxInciseTokens = 8;
    for (size_t k = comma; k > 1 && comma - k < kMaxInciseTokens; --k) {
      if (Word(k - 1) != ",") continue;
      return IsWord(k - 2) && IsRelative(k - 2);
    }
    return false;
  }

  // Where the verb group whose verb is token `verb` starts, with the
  // clitics before it ("X se félicite", "X lui a dit").
  size_t VerbGroupLead(size_t verb) const {
    while (verb > 0 && IsWord(verb - 1) && g_.IsSubjectClitic(Word(verb - 1))) --verb;
    return verb;
  }

  // Whether a verb starts at token k: a predicate, or a reporting verb form.
  bool VerbAt(size_t k) const { return StartsPredicate(k) || g_.LookupLowerVerb(Lower(k)); }

  // Whether token k is past the sentence or the punctuation that ends it.
  bool EndsSentence(size_t k) const {
    if (k >= tokens_.size() || tokens_[k].span.start >= sentence_.end) return true;
    const std::string_view w = Word(k);
    return w == "." || w == "!" || w == "?" || w == ";";
  }

  // Where the comma opening the sentence's next verb cue after `cue`
  // starts ("…, a dit Y"), else the sentence's end.
  size_t NextInciseComma(const Cue& cue) const {
    auto next = std::upper_bound(cues_.begin(), cues_.end(), cue.span.start,
                                 [](size_t pos, const Cue& c) { return pos < c.span.start; });
    for (; next != cues_.end(); ++next) {
      if (!next->rule.empty() || next->first_token == 0) continue;
      const size_t lead = VerbGroupLead(next->first_token);
      if (lead > 0 && Word(lead - 1) == ",") return tokens_[lead - 1].span.start;
    }
    return sentence_.end;
  }

  // "S, comme l'a indiqué X" / "S comme le précise X : « … »": S is X's,
  // and so is a quote after a colon that ends the sentence. False when the
  // cue is not in this construction.
  bool LinkAsReported(const Cue& cue) {
    const size_t k = cue.first_token;
    if (k < 2 || cue.inverted || Lower(k - 2) != "comme") return false;
    if (Lower(k - 1) != "l'" && Lower(k - 1) != "le") return false;
    std::optional<SourcePhrase> phrase = SpeakerAfter(cue);
    if (!phrase) return false;
    auto source = Resolve(phrase, "fr.source.inverted");
    if (!source) return true;
    size_t after = TokenAtOrAfter(phrase->span.end);
    Span statement = TrimEnd(Span{StatementStart(), tokens_[k - 2].span.start});
    // "Comme l'a rappelé la ministre, la loi est claire": nothing before
    // "comme", so S is what follows the speaker; nor when what is before is
    // a verbless complement ("Au niveau comptable, comme l'a précisé X, …").
    const bool lead_only =
        statement.size() < 3 || IsAdverbialLead(TokenAtOrAfter(statement.start), k - 2);
    if (lead_only && after + 1 < tokens_.size() && Word(after) == ",") {
      const size_t from = tokens_[after + 1].span.start;
      statement = TrimEnd(Span{from, std::max(from, ContentEnd(cue, from))});
      // "…, comme l'a précisé X, « … »": a quotation of its own, the
      // construction's whole clause, not a complement of the verb.
      const Quote* quote = QuoteOpeningAt(after + 1);
      if (quote && quote->span.start == statement.start && quote->span.end == statement.end) {
        AddClaim(ClaimType::kDirect, quote->content, *source, cue, "fr.claim.inverted_speech");
        return true;
      }
    }
    if (statement.size() >= 3) {
      AddStatementClaim(statement, *source, cue, "fr.claim.inverted_speech");
    }
    if (after < tokens_.size()) after = SkipWordsToColon(after);
    if (after < tokens_.size() && Word(after) == ":") {
      const Quote* quote = QuoteStartingAt(tokens_[after].span.start);
      if (quote && RestOfSentence(*quote).empty()) {
        AddClaim(ClaimType::kDirect, quote->content, *source, cue, "fr.claim.quote_colon");
      }
    }
    return true;
  }

  // Whether tokens [begin, end) are a complement: a preposition other
  // than "de", then words with no verb or quote ("En marge des travaux de
  // l'APN", "Lors d'un point de presse").
  bool OpensWithComplement(size_t begin, size_t end) const {
    constexpr size_t kMaxComplementTokens = 10;
    if (begin >= end || end - begin > kMaxComplementTokens || !IsWord(begin) ||
        !g_.IsPreposition(Lower(begin)) || IsPreposition(begin)) {
      return false;
    }
    for (size_t k = begin; k < end; ++k) {
      if (!IsWord(k) || VerbAt(k)) return false;
    }
    return true;
  }

  // Whether tokens [begin, end) are a short complement that opens a
  // sentence and says nothing by itself, then a comma ("Au niveau
  // comptable,", "Dans ce dossier,").
  bool IsAdverbialLead(size_t begin, size_t end) const {
    constexpr size_t kMaxLeadTokens = 6;
    return end > begin + 1 && end - begin <= kMaxLeadTokens && Word(end - 1) == "," &&
           OpensWithComplement(begin, end - 1);
  }

  // "« A, a souligné X. B »", "« A, dit-elle, B »": an incise inside the
  // quote marks, a comma before it and a comma or the sentence's end after
  // its speaker; the quote is X's, incise included (EVAL.md). Other cues
  // inside a quote are the speaker's words, not the article's.
  void LinkIncise(const Cue& cue) {
    const Quote* quote = QuoteStartingBy(cue.span.start);
    if (quote == nullptr || cue.gerund || cue.first_token == 0) return;
    // "« A, s'inquiète X. B »": the present's reflexive pronoun is not in
    // the cue; the comma comes before it.
    size_t before = cue.first_token - 1;
    if (before > 0 && IsReflexivePronoun(before)) --before;
    if (Word(before) != ",") return;
    std::optional<SourcePhrase> phrase = SpeakerAfter(cue);
    if (!phrase) return;
    // "« A, estime la Fnaim dans un communiqué. B »": the setting after
    // the speaker is part of the incise.
    size_t after = SkipSettings(cue.inverted || phrase->span.empty()
                                    ? cue.end_token
                                    : TokenAtOrAfter(phrase->span.end));
    // "« A, prévient X en se redressant sur son fauteuil, les mains …. B »":
    // a gerund after the speaker is part of the incise too.
    after = PastGerundPhrase(after, quote->content.end);
    // "…, secrétaire général du syndicat CFDT Agri-Agro 35. »": a
    // department's number ends the body's name.
    if (after + 1 < tokens_.size() && tokens_[after].kind == TokenKind::kNumber &&
        (Word(after + 1) == "," || Word(after + 1) == ".")) {
      ++after;
    }
    const bool closes = after >= tokens_.size() || Word(after) == "," || Word(after) == "." ||
                        tokens_[after].span.start >= quote->content.end ||
                        ApposedTitleRunsOn(*phrase, after, quote->content.end);
    if (!closes || quote == last_incise_quote_) return;  // one claim per quote
    // "« … », ajoute Hassan. « Moi, dit-il, … »": a pronoun in the
    // incise is whoever was quoted last in the paragraph, when the gender
    // fits ("« … », relate la journaliste. X a repris. « Rien, dit-il, … »"
    // is X's).
    if (phrase->reference == SourcePhrase::Reference::kPronoun && last_quoted_ &&
        last_quoted_->paragraph == paragraph_ &&
        GenderMayBe(last_quoted_->source, phrase->gender)) {
      ClaimSource source = last_quoted_->source;
      source.mention = std::nullopt;  // the pronoun is not a name
      AddClaim(ClaimType::kDirect, quote->content, source, cue, "fr.claim.quote_incise");
      last_incise_quote_ = quote;
      return;
    }
    auto source = Resolve(phrase, "fr.source.inverted");
    if (!source) return;
    AddClaim(ClaimType::kDirect, quote->content, *source, cue, "fr.claim.quote_incise");
    last_incise_quote_ = quote;
  }

  // Whether the person or body `source` names may be referred to with
  // `gender`: unknown when the article never named it.
  bool GenderMayBe(const ClaimSource& source, Gender gender) const {
    const Entity* e = ByName(source.name, /*proper=*/true);
    return e == nullptr || e->gender == Gender::kUnknown || gender == Gender::kUnknown ||
           e->gender == gender;
  }

  // "en se redressant sur son fauteuil, les mains posées sur la table":
  // from token k, a gerund ("en" and a word in -ant) and what follows it
  // up to the next comma or full stop before `limit`, at most a few words
  // with no verb cue; k when there is none.
  size_t PastGerundPhrase(size_t k, size_t limit) const {
    constexpr size_t kMaxGerundTokens = 12;
    if (k + 1 >= tokens_.size() || Lower(k) != "en") return k;
    size_t verb = k + 1;
    if (verb + 1 < tokens_.size() && IsReflexivePronoun(verb)) ++verb;  // "en se"
    if (!IsWord(verb) || !Lower(verb).ends_with("ant")) return k;
    for (size_t j = verb + 1; j < tokens_.size() && j <= verb + kMaxGerundTokens; ++j) {
      if (tokens_[j].span.start >= limit) return j;
      if (Word(j) == "," || Word(j) == ".") return j;
      if (IsQue(j)) return k;
    }
    return k;
  }

  // "confie maître Amadou Sall, un ancien porte-parole du président Wade.":
  // the speaker's apposed title goes on past where the phrase reader
  // stopped ("du président Wade"), with a few words and no verb, to a comma,
  // a full stop or the quote's end before `limit`. A few: up to ten, as in
  // "…, infirmier et secrétaire du syndicat Sud du CHU,".
  bool ApposedTitleRunsOn(const SourcePhrase& phrase, size_t after, size_t limit) const {
    constexpr size_t kMaxRestTokens = 10;
    if (!phrase.role || phrase.span.empty()) return false;
    bool apposition = false;
    for (size_t k = TokenAtOrAfter(phrase.span.start); k < after && k < tokens_.size(); ++k) {
      apposition |= Word(k) == ",";
    }
    if (!apposition) return false;
    for (size_t k = after; k < tokens_.size() && k < after + kMaxRestTokens; ++k) {
      if (tokens_[k].span.start >= limit || Word(k) == "," || Word(k) == ".") return k > after;
      if (!IsWord(k) || IsQue(k) || VerbAt(k)) {
        return false;
      }
    }
    return false;
  }

  // The sentence before this one when it is in the same paragraph: what
  // a sentence pointing back at it ("C'est ce qu'a annoncé X") attributes.
  std::optional<Span> StatementBefore() const {
    if (previous_sentence_.empty() || previous_paragraph_ != paragraph_) return std::nullopt;
    Span statement = TrimEnd(previous_sentence_);
    if (statement.size() < 3) return std::nullopt;
    return statement;
  }


  // "C'est ce qu'a annoncé mardi le ministère", "C'est ce qu'affirme X",
  // "C'est ce que X a déclaré": the sentence before is X's. False when the
  // cue is not in this construction.
  bool LinkWhatWasSaid(const Cue& cue) {
    const size_t k = cue.first_token;
    if (Lower(0) != "c'" && Lower(0) != "voilà") return false;
    const size_t ce = Lower(0) == "c'" ? 2 : 1;
    if (k < ce + 2) return false;
    if (Lower(0) == "c'" && Lower(1) != "est") return false;
    if (Lower(ce) != "ce" || (Lower(ce + 1) != "qu'" && Lower(ce + 1) != "que")) return false;
    std::optional<SourcePhrase> phrase;
    if (k == ce + 2) {
      phrase = SpeakerAfter(cue);  // inverted: "ce qu'a annoncé X"
    } else {
      phrase = Parse(ce + 2, k);   // "ce que X a déclaré"
      if (phrase && TokenAtOrAfter(phrase->span.end) != k) phrase.reset();
    }
    const std::optional<Span> statement = StatementBefore();
    if (!phrase || !statement) return true;
    auto source = Resolve(phrase, "fr.source.inverted");
    if (!source) return true;
    AddStatementClaim(*statement, *source, cue, "fr.claim.said_before");
    return true;
  }

  // "C'est la remarque de Kareyce Fotso.", "Le constat amer est du
  // professeur X.", "Tel est l'avis de X.": a sentence that names what the
  // one before it was (a speech noun) and whose it was.
  void LinkSpeechNounAfter() {
    // Where the speech noun is: "C'est (le|la|l') [adj] NOUN", "Tel(le)
    // est (le|la|l') NOUN", "(Le|La|L') NOUN … est".
    size_t noun = tokens_.size();
    size_t after_noun = 0;
    auto article = [&](size_t i) {
      return i < tokens_.size() && (Lower(i) == "le" || Lower(i) == "la" || Lower(i) == "l'");
    };
    auto noun_at = [&](size_t i) { return i < tokens_.size() && g_.IsSpeechNoun(Lower(i)); };
    if (tokens_.size() >= 5 && ((Lower(0) == "c'" && Lower(1) == "est") ||
                                ((Lower(0) == "tel" || Lower(0) == "telle") && Lower(1) == "est"))) {
      size_t i = 2;
      if (!article(i)) return;
      ++i;
      if (!noun_at(i) && noun_at(i + 1)) ++i;  // "la principale doléance"
      if (!noun_at(i)) return;
      noun = i;
      after_noun = i + 1;
      // then "de X" right away, with an adjective at most between
      if (after_noun < tokens_.size() && !IsPreposition(after_noun)) ++after_noun;
    } else if (article(0) && noun_at(1)) {
      noun = 1;
      // "Le constat amer est du …", "Le constat de fierté est le récit de …"
      size_t i = 2;
      while (i < tokens_.size() && i < 6 && Lower(i) != "est") ++i;
      if (i >= tokens_.size() || Lower(i) != "est") return;
      ++i;
      if (article(i) && noun_at(i + 1)) i += 2;  // "est le récit de"
      after_noun = i;
    } else {
      return;
    }
    if (after_noun >= tokens_.size() || !IsPreposition(after_noun)) return;
    auto phrase = Parse(after_noun, PhraseEnd(after_noun));
    if (!phrase || phrase->reference == SourcePhrase::Reference::kPronoun) return;
    // The phrase ends the sentence: "C'est la remarque de X." and not "C'est
    // l'avis de X qui a changé la donne".
    const size_t end = TokenAtOrAfter(phrase->span.end);
    if (end < tokens_.size() && Word(end) != "." && Word(end) != ",") return;
    const std::optional<Span> statement = StatementBefore();
    if (!statement) return;
    auto source = Resolve(phrase, "fr.source.subject");
    if (!source) return;
    Cue cue;
    cue.span = tokens_[noun].span;
    cue.lemma = Lower(noun);
    cue.first_token = noun;
    cue.end_token = noun + 1;
    AddStatementClaim(*statement, *source, cue, "fr.claim.said_before");
  }

  // Prepositions: a phrase after one is governed by it, no subject.
  bool IsPrepositionWord(std::string_view w) const { return g_.IsPreposition(w); }

  // Prepositions and adverbs that follow a name in a clause, not in it.
  bool IsFunctionWord(std::string_view w) const { return g_.IsClauseWord(w); }

  bool IsPreposition(size_t i) const {
    const std::string_view w = Lower(i);
    return w == "de" || w == "d'" || w == "du" || w == "des";
  }

  // Whether an object pronoun comes right before the cue's verb group
  // ("l'a déclarée", "le dit", "les a qualifiés").
  bool ObjectBefore(const Cue& cue) const {
    if (cue.first_token == 0) return false;
    const std::string_view w = Lower(cue.first_token - 1);
    return w == "l'" || w == "le" || w == "la" || w == "les";
  }

  // "X apportait son soutien, en affirmant que …": the speaker is the
  // clause's subject, the phrase that opens the sentence.
  void LinkGerund(const Cue& cue) {
    if (cue.first_token == 0) {
      LinkOpeningGerund(cue);
      return;
    }
    if (FollowsContentNoun(cue)) return;
    // "…, a estimé X, avant d'ajouter que …", "…, a dit X, précisant que":
    // the speaker of the sentence's last claim goes on; also of a claim
    // whose quote runs into this sentence ("X a précisé : « A. B », ajoutant
    // que …", the quote's full stop having cut the sentence).
    for (size_t c = out_.claims.size(); c > 0; --c) {
      const Claim& before = out_.claims[c - 1];
      if (c <= sentence_claims_ && before.span.end <= sentence_.start) break;
      if (!before.source || !before.cue || before.cue->span.start >= cue.span.start) continue;
      ClaimSource source = *before.source;
      source.mention = std::nullopt;  // the speaker is not named again here
      if (const std::optional<Content> content = ReadContent(cue)) {
        AddContentClaim(*content, cue, source, "fr.claim.gerund");
      }
      return;
    }
    // The subject of the cue before, else of the last verb before ("Candidat
    // à la reprise, le groupe Kramer avait retiré son offre, évoquant …"),
    // else the phrase opening the sentence.
    auto phrase = SubjectOfPreviousVerb(cue);
    // "X était en visite et s'est rangé du côté des plaignants, qualifiant
    // …": past verbs coordinated with "et", to the one with a subject.
    constexpr int kMaxCoordinatedVerbs = 3;
    size_t before = cue.first_token;
    for (int n = 0; !phrase && n < kMaxCoordinatedVerbs; ++n) {
      const std::optional<size_t> verb = FiniteVerbBefore(before);
      if (!verb) break;
      phrase = Subject(*verb);
      size_t lead = VerbGroupLead(*verb);
      if (lead > 0 && IsReflexivePronoun(lead - 1)) --lead;  // "et s'est rangé"
      if (phrase || lead == 0 || (Lower(lead - 1) != "et" && Lower(lead - 1) != "puis")) break;
      before = lead - 1;
    }
    if (!phrase) phrase = Parse(0, std::min(cue.first_token, PhraseEnd(0)));
    if (!phrase) return;
    auto source = Resolve(phrase, "fr.source.subject");
    if (!source) return;
    if (const std::optional<Content> content = ReadContent(cue)) {
      AddContentClaim(*content, cue, *source, "fr.claim.gerund");
    }
  }

  // "aux propos laissant entendre que …", "des rumeurs affirmant que …":
  // a participle right after a noun that is not a source, with no comma or
  // "en" before it, says what that noun says; whose, the sentence does not
  // tell. After a source ("un communiqué affirmant que", "l'idée d'un prêt
  // par l'État affirmant : « … »") it is left to the usual readers.
  bool FollowsContentNoun(const Cue& cue) const {
    // The cue starts at the participle, not at "en", "tout en", "avant de".
    const size_t participle = cue.first_token;
    if (participle < 2 || Lower(participle) == "avant" || !Lower(participle).ends_with("ant")) {
      return false;
    }
    const size_t noun = participle - 1;
    const std::string_view det = Lower(noun - 1);
    if (!IsWord(noun) || IsUpperWord(noun) || ClosesQuote(noun) ||
        !(g_.IsDeterminer(det) || det == "au" || det == "aux")) {
      return false;
    }
    return !Parse(noun - 1, participle).has_value();
  }

  void LinkRelativeCue(const Cue& cue) {
    size_t end = cue.first_token;
    if (end > 0 && Word(end - 1) == ",") --end;
    std::optional<SourcePhrase> antecedent;
    // "selon qui" speaks of someone, "selon lequel" of something: "un
    // rapport selon lequel …".
    const bool someone = Lower(cue.end_token) == "qui";
    constexpr size_t kMaxAntecedentTokens = 8;
    for (size_t k = end; k > 0 && end - k < kMaxAntecedentTokens; --k) {
      if (Word(k - 1) == ",") break;
      auto phrase = Parse(k - 1, end);
      if (phrase && phrase->reference != SourcePhrase::Reference::kPronoun &&
          (phrase->type == "document") != someone && TokenAtOrAfter(phrase->span.end) == end) {
        antecedent = phrase;  // the longest wins: keep going back
      }
    }
    // "les déclarations du dirigeant ukrainien selon lesquelles …": words
    // someone said (said_nouns) are theirs.
    if (!someone) {
      for (size_t k = end; k > 1 && end - k < kMaxAntecedentTokens; --k) {
        if (!g_.IsSaidNoun(Lower(k - 2)) || !IsPreposition(k - 1)) continue;
        auto speaker = Parse(k - 1, end);
        if (speaker && speaker->reference != SourcePhrase::Reference::kPronoun &&
            speaker->type != "document" && TokenAtOrAfter(speaker->span.end) == end) {
          antecedent = speaker;
        }
        break;
      }
    }
    if (!antecedent) return;
    // "Amnesty International a publié un rapport selon lequel …": the
    // document's issuer, or the sentence's subject that put it out.
    if (!someone && antecedent->type == "document") {
      if (auto issuer = IssuerOf(*antecedent)) {
        antecedent = issuer;
      } else if (auto subject = SubjectBefore(TokenAtOrAfter(antecedent->span.start))) {
        antecedent = subject;
      }
    }
    const size_t first = cue.end_token + 1;
    if (first >= tokens_.size()) return;
    // To the comma closing the relative, the next cue or the sentence's end
    // (bounded by the next cue, a sentence of cues stays linear). Not a
    // cue inside quoted words, nor one whose subject is no source ("selon
    // lequel la copropriété « menace de s'effondrer »"), at most a few of
    // them.
    constexpr int kMaxSteppedCues = 3;
    auto next = std::upper_bound(cues_.begin(), cues_.end(), cue.span.end,
                                 [](size_t pos, const Cue& c) { return pos < c.span.start; });
    for (int stepped = 0; next != cues_.end() && stepped < kMaxSteppedCues; ++stepped) {
      if (!InsideQuote(next->span) && (next->rule.empty() ? Subject(next->first_token).has_value()
                                                          : true)) {
        break;
      }
      ++next;
    }
    const size_t limit = next == cues_.end() ? tokens_.size() : next->first_token;
    size_t last = first;
    while (last < limit && (Word(last) != "," || InsideQuote(tokens_[last].span))) ++last;
    const size_t stop = last < tokens_.size() ? tokens_[last].span.start : sentence_.end;
    Span statement = TrimEnd(Span{tokens_[first].span.start, stop});
    if (statement.size() < 3) return;
    auto source = Resolve(antecedent, cue.rule);
    if (!source) return;
    AddClaim(ClaimType::kAccordingTo, statement, *source, cue, ClaimRuleForCue(cue.rule));
  }

  // "Et d'ajouter : « … »": the speaker of the sentence before goes on, or
  // its subject ("Paul Roux a salué l'accord. Et de préciser que …"), or
  // the speaker of the last claim of this paragraph or the one before.
  void LinkNarrative(const Cue& cue) {
    if (cue.narrative_subject_end > 0) {
      auto source = Resolve(Parse(1, cue.narrative_subject_end), "fr.source.subject");
      if (!source) return;
      if (const std::optional<Content> content = ReadContent(cue)) {
        AddContentClaim(*content, cue, *source, "fr.claim.narrative");
      }
      return;
    }
    std::optional<ClaimSource> before = PreviousSentenceSpeaker();
    if (!before) {
      if (const Entity* subject = SubjectOfPreviousSentence()) before = SourceOf(*subject);
    }
    if (!before && last_speaker_ && last_speaker_->paragraph + 1 >= paragraph_) {
      before = last_speaker_->source;
    }
    if (!before) return;
    ClaimSource source = *before;
    source.mention = std::nullopt;  // not named again here
    if (const std::optional<Content> content = ReadContent(cue)) {
      AddContentClaim(*content, cue, source, "fr.claim.narrative");
    }
  }

  // "Estimant que …, il a voté contre": the content runs to the comma, the
  // speaker is the subject after it.
  void LinkOpeningGerund(const Cue& cue) {
    const size_t first = ContentStart(cue.end_token);
    size_t comma = first;
    while (comma < tokens_.size() && Word(comma) != "," && !InsideQuote(tokens_[comma].span)) {
      ++comma;
    }
    while (comma < tokens_.size() && Word(comma) != ",") ++comma;
    if (first >= comma || comma + 1 >= tokens_.size()) return;
    auto phrase = Parse(comma + 1, PhraseEnd(comma + 1));
    if (!phrase || !StartsPredicate(TokenAtOrAfter(phrase->span.end))) return;
    auto source = Resolve(phrase, "fr.source.subject");
    if (!source) return;
    Span statement = TrimEnd(Span{tokens_[first].span.start, tokens_[comma].span.start});
    if (statement.size() < 3) return;
    AddStatementClaim(statement, *source, cue, "fr.claim.gerund");
  }

  std::optional<SourcePhrase> SubjectOfPreviousVerb(const Cue& cue) const {
    // `cue` is one of cues_, in text order: its index by its start.
    const size_t index = static_cast<size_t>(FirstCueFrom(cue.span.start) - cues_.begin());
    // Cues sharing a start (none in practice) are all "before" for none.
    const size_t previous = index < cues_.size() ? previous_verb_cue_[index] : kNoCue;
    if (previous == kNoCue) return std::nullopt;
    return Subject(cues_[previous].first_token);
  }

  // The first of the sentence's cues (in text order) starting at or after
  // `pos`.
  std::vector<Cue>::const_iterator FirstCueFrom(size_t pos) const {
    return std::lower_bound(cues_.begin(), cues_.end(), pos,
                            [](const Cue& c, size_t start) { return c.span.start < start; });
  }

  // The last auxiliary (of avoir or être) or finite verb the lexicons
  // know before token `end`, outside quotes, at most kMaxSubjectTokens
  // back (a sentence of gerunds and no verb must not cost a scan to its
  // start per gerund); nullopt when there is none.
  std::optional<size_t> FiniteVerbBefore(size_t end) const {
    const size_t floor = end > kMaxSubjectTokens ? end - kMaxSubjectTokens : 0;
    for (size_t k = end; k > floor; --k) {
      if (!IsWord(k - 1) || InsideQuote(tokens_[k - 1].span)) continue;
      if (KnownFiniteVerbAt(k - 1) || g_.IsReflexiveAuxiliary(Word(k - 1))) {  // "est", "était"
        return k - 1;
      }
    }
    return std::nullopt;
  }

  // The conjunction before a cue (clitics between): "… et pense que",
  // "…, mais précise que"; tokens_.size() when there is none.
  size_t Conjunction(const Cue& cue) const {
    const size_t k = VerbGroupLead(cue.first_token);
    if (k == 0) return tokens_.size();
    const std::string_view w = Lower(k - 1);
    return w == "et" || w == "mais" || w == "puis" ? k - 1 : tokens_.size();
  }
  bool Coordinated(const Cue& cue) const { return Conjunction(cue) < tokens_.size(); }

  // Whether the comma at token k opens a description of people that runs,
  // verbless, to the sentence's end: "Les deux parties revendiquent la
  // victoire, le candidat des Frères musulmans et l'ex-ministre …" (an
  // apposition to the subject, not the content).
  // Looked at over kMaxSubjectTokens tokens at most: a longer tail is no
  // apposition, and a sentence of commas stays linear.
  bool ClosingApposition(size_t k) const {
    // Not "du"/"des", a complement going on: "la mort, mardi, du chef …".
    if (Word(k) != "," || k + 2 >= tokens_.size() || tokens_.size() - k > kMaxSubjectTokens ||
        !g_.IsDeterminer(Lower(k + 1)) || IsPreposition(k + 1) || !g_.IsTitle(Lower(k + 2))) {
      return false;
    }
    std::optional<Gender> unused;
    for (size_t j = k + 3; j < tokens_.size(); ++j) {
      if (InsideQuote(tokens_[j].span) || IsQue(j) ||
          (IsWord(j) && (g_.LookupVerb(Word(j)) || g_.IsAuxiliary(Word(j), &unused)))) {
        return false;
      }
    }
    return true;
  }

  // Whether `cue` is the verb of a relative clause: "la CGT, qui
  // demandait …", "X, qui s'exprimait sur la BBC, …".
  bool InRelativeClause(const Cue& cue) const {
    const size_t lead = VerbGroupLead(cue.first_token);
    return lead > 0 && Lower(lead - 1) == "qui";
  }

  // "« … », poursuit le responsable âgé de 54 ans, qui ajoute que …": the
  // source of the sentence's last claim when its cue and speaker are all
  // that stands between it and the ", qui" of `cue`'s relative clause
  // (no other cue, no quote); that speaker speaks again.
  std::optional<ClaimSource> SpeakerBeforeRelative(const Cue& cue) const {
    constexpr size_t kMaxSpeakerTokens = 12;
    const size_t lead = VerbGroupLead(cue.first_token);
    if (lead < 2 || Word(lead - 2) != "," || out_.claims.size() <= sentence_claims_) {
      return std::nullopt;
    }
    const Claim& last = out_.claims.back();
    if (!last.source || !last.cue || last.span.end > last.cue->span.start) return std::nullopt;
    const size_t comma = lead - 2;
    const size_t after_cue = TokenAtOrAfter(last.cue->span.end);
    if (after_cue > comma || comma - after_cue > kMaxSpeakerTokens) return std::nullopt;
    for (size_t k = after_cue; k < comma; ++k) {
      if (QuoteOpeningAt(k) != nullptr || (IsWord(k) && VerbAt(k))) return std::nullopt;
    }
    return last.source;
  }

  // "qui relève qu'en Italie, le marché progresse": the comma at `comma`
  // closes a short complement of place or time that opens the content at
  // `first` (a preposition and a few words, no verb), not the clause.
  bool ClosesFrontedAdverbial(size_t first, size_t comma) const {
    constexpr size_t kMaxAdverbialTokens = 4;
    if (comma <= first || comma > first + kMaxAdverbialTokens || !IsWord(first) ||
        !IsPrepositionWord(Lower(first))) {
      return false;
    }
    for (size_t k = first + 1; k < comma; ++k) {
      if (!IsWord(k) && tokens_[k].kind != TokenKind::kNumber) return false;
      if (VerbAt(k)) return false;
    }
    return true;
  }

  // Whether `cue` is in a subordinate clause that opens the sentence ("Bien
  // que …", "Alors qu'…", "Si …", the opening_subordinators lexicon), before
  // the comma that closes it.
  bool InOpeningSubordinate(const Cue& cue) const {
    const size_t first = TokenAtOrAfter(sentence_.start);
    if (first + 1 >= cue.first_token) return false;
    if (SubordinatorAt(first) == 0) return false;
    for (size_t k = first; k < cue.first_token; ++k) {
      // "Alors que le président, Volodimir Zelensky, a accusé …": the
      // commas of the subject's apposition, the last one right before the
      // verb group.
      if (Word(k) == "," && !InsideQuote(tokens_[k].span)) {
        const size_t lead = VerbGroupLead(cue.first_token);
        return lead > 0 && Word(lead - 1) == "," && SubjectBeforeComma(cue);
      }
    }
    return true;
  }

  // Where the content of `cue` ends: the sentence end, or before the next
  // cue that opens an attribution of its own (", affirmant que …", "… et
  // pense que …").
  size_t ContentEnd(const Cue& cue, size_t from) const {
    size_t end = sentence_.end;
    // "la CGT, qui demandait une hausse, a dénoncé …": the content of a cue
    // in a relative clause ends with the clause, at the next comma.
    // Likewise in a subordinate clause opening the sentence: "Bien que X
    // affirme que S, la direction …".
    const bool relative = InRelativeClause(cue) || InOpeningSubordinate(cue);
    // "a promis un « renouveau national » vendredi matin, alors que le
    // Labour …": after a noun content (not a que-clause), the date of the
    // speech, then a contrast: the reporter's; the content ends before the
    // date. ("pointe du doigt les choix fiscaux, tandis que …" goes on.)
    const size_t first = TokenAtOrAfter(from);
    const bool noun_content = first > 0 && first < tokens_.size() && !IsQue(first - 1);
    auto dated_contrast = [&](size_t k) {
      return noun_content && Word(k) == "," && k > first && InSpans(dates_, k - 1) &&
             ContrastOpensAt(k + 1);
    };
    // Cues up to `cue`'s end end nothing (each test of the last loop wants
    // one after it), and that loop ends the content at the next gerund
    // whatever the tokens say after it: the cues are read from after `cue`,
    // the tokens up to that gerund, so that a sentence of gerunds stays
    // linear.
    const size_t after_cue =
        static_cast<size_t>(FirstCueFrom(cue.span.end + 1) - cues_.begin());
    const size_t gerund = next_gerund_cue_[after_cue];
    size_t token_limit = gerund == kNoCue ? tokens_.size() : cues_[gerund].first_token;
    // Past kMaxNestedVerbCues verb cues, the content ends before the next
    // one's subject (or its verb group when it has none).
    const size_t nested =
        static_cast<size_t>(std::lower_bound(verb_cues_.begin(), verb_cues_.end(), after_cue) -
                            verb_cues_.begin()) +
        kMaxNestedVerbCues;
    if (nested < verb_cues_.size()) {
      const Cue& deep = cues_[verb_cues_[nested]];
      size_t lead = VerbGroupLead(deep.first_token);
      if (const std::optional<SourcePhrase> subject = Subject(deep.first_token)) {
        lead = std::min(lead, TokenAtOrAfter(subject->span.start));
      }
      if (lead > TokenAtOrAfter(from)) {
        end = tokens_[lead].span.start;
        token_limit = std::min(token_limit, lead);
      }
    }
    // "; cette option sera…": a semicolon ends the clause. ": « … »": a
    // quote after a colon is a claim of its own.
    for (size_t k = TokenAtOrAfter(from); k < token_limit; ++k) {
      if (InsideQuote(tokens_[k].span)) continue;
      // ", a-t-on appris de source proche du dossier": the reporter's own
      // impersonal cue closes the content.
      const bool impersonal = Word(k) == "," && IsImpersonalVerb(k + 1);
      // "…, sans pour autant préciser sa nature": the reporter's remark.
      if (SansAsideAt(k)) {
        end = tokens_[k > 0 && Word(k - 1) == "," ? k - 1 : k].span.start;
        break;
      }
      if (dated_contrast(k)) {
        size_t date = k - 1;
        while (date > first && InSpans(dates_, date - 1)) --date;
        end = tokens_[date].span.start;
        break;
      }
      if (Word(k) == ";" || (Word(k) == ":" && QuoteStartingAt(tokens_[k].span.start)) ||
          (relative && Word(k) == "," && !ClosesFrontedAdverbial(TokenAtOrAfter(from), k)) ||
          impersonal || ClosingApposition(k) || ClosingParticipleClause(k) ||
          ClosingOccasion(k) || CoordinatedParticipleAt(cue, k)) {
        end = tokens_[k].span.start;
        break;
      }
    }
    // The first later cue that ends the content, whatever the cue, unless
    // the cue is in a relative clause and the main verb comes first.
    const size_t cut = FirstCutFrom(after_cue, end);
    const size_t cut_at = cut < cues_.size() && cues_[cut].span.start < end ? CutBy(cut) : end;
    if (InRelativeClause(cue)) {
      if (auto lead = MainVerbAfterRelative(cue, after_cue, std::min(cut, cues_.size()), end)) {
        return *lead;
      }
    }
    return cut_at;
  }

  // "évoquant le « doute » et relevant le manque d'éléments", "a déploré
  // la fermeture des classes et attribué la sortie du directeur à …": at
  // token k, "et" then a participle with its object (a determiner right
  // after it) is a second predicate, not more of the content; a past
  // participle only after a cue in a compound tense. Not "des salaires
  // bloqués et gelés depuis deux ans" (no object).
  bool CoordinatedParticipleAt(const Cue& cue, size_t k) const {
    if (Lower(k) != "et" || k + 2 >= tokens_.size() || !IsWord(k + 1) || IsUpperWord(k + 1) ||
        !IsWord(k + 2) || !g_.IsDeterminer(Lower(k + 2))) {
      return false;
    }
    const std::string_view w = Lower(k + 1);
    if (LooksLikePresentParticiple(w)) return true;
    std::optional<Gender> unused;
    return (LooksLikeParticiple(w) || LooksLikeUParticiple(w)) &&
           g_.IsAuxiliary(Word(cue.first_token), &unused);
  }

  // "La défense qui a dénoncé une parodie de justice a estimé que …": the
  // object of a verb in a relative clause ends where the main verb's group
  // starts. The main verb is the first cue of cues_[first, last] before
  // `end`, not inverted, with no "que" or comma before it since the
  // relative's verb; a cue that CutBy() says ends the content comes after
  // it or is `last` itself (a gerund or a final "selon" wins over it).
  std::optional<size_t> MainVerbAfterRelative(const Cue& cue, size_t first, size_t last,
                                              size_t end) const {
    for (size_t j = first; j <= last && j < cues_.size(); ++j) {
      const Cue& next = cues_[j];
      if (next.span.start >= end) break;
      if (!next.rule.empty() || InsideQuote(next.span)) continue;
      if (next.gerund) break;
      if (next.inverted) continue;
      if (HasQueOrComma(cue.end_token, next.first_token)) break;  // and for every later cue
      return tokens_[VerbGroupLead(next.first_token)].span.start;
    }
    return std::nullopt;
  }

  // Where the content of an earlier cue ends because of cues_[j],
  // whatever that earlier cue is (ContentEnd; the cues it asks about all
  // start after the earlier one's end): a final "…, selon X.", a gerund,
  // a postposed cue with its speaker, a coordinated verb or a contrasting
  // clause. kNoCut when cues_[j] ends none. Computed once per cue.
  size_t CutBy(size_t j) const {
    size_t& memo = cut_by_[j];
    if (memo != kUnknownCut) return memo;
    const Cue& next = cues_[j];
    memo = kNoCut;
    if (InsideQuote(next.span)) return memo;
    // "…, selon les locataires.": a postposed source ending the sentence
    // is not the content's.
    if (const std::optional<size_t> comma = CommaBeforeFinalSource(next)) {
      return memo = tokens_[*comma].span.start;
    }
    if (!next.rule.empty()) return memo;  // "et pour redéfinir": not a speaker's cue
    if (next.gerund) return memo = tokens_[next.first_token].span.start;
    if (const std::optional<size_t> comma = CommaBeforePostposed(next)) {
      return memo = tokens_[*comma].span.start;
    }
    if (Coordinated(next)) return memo = tokens_[Conjunction(next)].span.start;
    if (const std::optional<size_t> comma = CommaBeforeFinalRelative(next)) {
      return memo = tokens_[*comma].span.start;
    }
    if (const std::optional<size_t> opener = ContrastBefore(next)) {
      return memo = tokens_[*opener].span.start;
    }
    return memo;
  }

  // "… le maintien de la Première ministre Elisabeth Borne, qui a dit
  // vouloir procéder à des « ajustements »": a relative clause after a
  // comma whose verb reports speech, running to the sentence's end, is
  // its own speaker's; the comma before "qui" ends the content before it.
  // Not one closed by a comma ("le ministre, qui a démenti, mentait": the
  // content goes on after it).
  std::optional<size_t> CommaBeforeFinalRelative(const Cue& next) const {
    const size_t lead = VerbGroupLead(next.first_token);
    if (lead < 2 || Lower(lead - 1) != "qui" || Word(lead - 2) != ",") return std::nullopt;
    for (size_t k = next.end_token; k < tokens_.size(); ++k) {
      if ((Word(k) == "," || Word(k) == ";") && !InsideQuote(tokens_[k].span)) {
        return std::nullopt;
      }
    }
    return lead - 2;
  }

  // The first cue from j on that CutBy() gives a cut for, cues_.size()
  // when none. Every cue the walk passes remembers the answer, so the
  // walks of a sentence read each cue once.
  // Cues starting at or after `end` are not asked (their cut needs a
  // parse); a walk stopped there returns the first of them and is not
  // remembered.
  size_t FirstCutFrom(size_t j, size_t end) const {
    size_t k = j;
    while (k < cues_.size() && first_cut_from_[k] == kUnknownCut &&
           cues_[k].span.start < end && CutBy(k) == kNoCut) {
      ++k;
    }
    if (k < cues_.size() && first_cut_from_[k] == kUnknownCut && cues_[k].span.start >= end) {
      return k;
    }
    size_t found = k;
    if (k < cues_.size() && first_cut_from_[k] != kUnknownCut) found = first_cut_from_[k];
    for (size_t i = j; i <= k && i < cues_.size(); ++i) first_cut_from_[i] = found;
    return found;
  }

  // Whether token k is "sans" opening the reporter's remark on what the
  // speaker left unsaid ("sans pour autant indiquer", "sans préciser").
  bool SansAsideAt(size_t k) const {
    if (k + 1 >= tokens_.size() || Lower(k) != "sans" || !IsWord(k + 1)) return false;
    if (g_.IsSansAside(Lower(k + 1))) return true;
    return k + 2 < tokens_.size() && IsWord(k + 2) &&
           g_.IsSansAside(SpacedLower(k + 1, 2));
  }

  // "a annoncé la réhabilitation de la route, à l'occasion d'une fête …":
  // a comma, then the occasion of the speech, which is the reporter's
  // setting, not what was said; or the speaker's next act.
  bool ClosingOccasion(size_t k) const {
    if (Word(k) != "," || k + 3 >= tokens_.size()) return false;
    const std::string_view w = Lower(k + 1);
    // "a indiqué que 955 étudiants étaient sans affectation, puis détaillé
    // ses projets": the speaker's next act, sharing the auxiliary.
    if (w == "puis" && IsWord(k + 2) && LooksLikeParticiple(Lower(k + 2))) return true;
    // "…, lors d'une réunion", "…, en marge du sommet": occasion_prepositions
    // that open no time span the content may still hold ("avaient augmenté,
    // pendant trois ans, de 4 %").
    return SkipPhrase(k + 1, kMaxPrepositionTokens, [&](const std::string& key) {
             return g_.OpensOnlyOccasions(key);
           }) > k + 1;
  }

  // "il a affirmé ne pas avoir voulu tuer, se présentant comme une
  // victime": a comma, then a present participle (after "se" or "s'" at
  // most) whose clause runs to the sentence end, describes the speaker;
  // the content ends at the comma.
  bool ClosingParticipleClause(size_t k) const {
    if (Word(k) != "," || k + 1 >= tokens_.size()) return false;
    size_t verb = k + 1;
    if (IsReflexivePronoun(verb)) ++verb;
    if (verb >= tokens_.size() || !IsWord(verb) || IsUpperWord(verb) ||
        InsideQuote(tokens_[verb].span)) {
      return false;
    }
    const std::string_view w = Lower(verb);
    if (w.size() <= 5 || !w.ends_with("ant")) return false;
    for (size_t j = verb + 1; j < tokens_.size(); ++j) {
      if (Word(j) == "," || Word(j) == ";" || IsQue(j)) return false;
    }
    return true;
  }

  // Whether `cue` is "selon" or "d'après", whose source phrase follows
  // the cue and governs a clause.
  static bool IsSelonCue(const Cue& cue) {
    return cue.rule == "fr.source.selon" || cue.rule == "fr.source.d_apres";
  }

  // "…, selon les locataires.", "…, d'après la police.": the comma before
  // a selon/d'après cue whose source phrase ends the sentence.
  std::optional<size_t> CommaBeforeFinalSource(const Cue& next) const {
    if (!IsSelonCue(next)) return std::nullopt;
    if (next.first_token == 0 || Word(next.first_token - 1) != ",") return std::nullopt;
    const std::optional<SourcePhrase> phrase = Parse(next.end_token, PhraseEnd(next.end_token));
    if (!phrase || !EndsSentence(TokenAtOrAfter(phrase->span.end))) return std::nullopt;
    return next.first_token - 1;
  }

  // "X a affirmé que l'usine fermerait, a rapporté l'AFP.": the comma
  // before a postposed cue that ends the sentence with its own speaker (an
  // inversion or a phrase, then settings at most); the content of an
  // earlier cue ends there. Not an incise inside that content ("que
  // l'usine, a-t-il précisé, fermerait").
  std::optional<size_t> CommaBeforePostposed(const Cue& next) const {
    const size_t lead = VerbGroupLead(next.first_token);
    if (lead == 0 || Word(lead - 1) != ",") return std::nullopt;
    size_t after = TokenAtOrAfter(next.span.end);
    if (!next.inverted) {
      const std::optional<SourcePhrase> speaker = SpeakerAfter(next);
      if (!speaker || speaker->span.empty()) return std::nullopt;
      after = TokenAtOrAfter(speaker->span.end);
    }
    if (!EndsSentence(SkipSettings(after))) return std::nullopt;
    return lead - 1;
  }

  // "…, tandis que l'opposition juge …", "mais le syndicat estime …": the
  // token that opens a contrasting clause whose subject speaks with the cue
  // `next`; that clause is not the earlier cue's content.
  std::optional<size_t> ContrastBefore(const Cue& next) const {
    if (next.inverted) return std::nullopt;
    std::optional<SourcePhrase> subject = Subject(next.first_token);
    if (!subject) return std::nullopt;
    const size_t s = TokenAtOrAfter(subject->span.start);
    if (s >= 1 && Lower(s - 1) == "mais") return s - 1;
    // "…, tandis que l'opposition juge", "ainsi que la CGT qui demandait".
    if (s >= 2 && IsQue(s - 1) &&
        (Lower(s - 2) == "tandis" || Lower(s - 2) == "alors" || Lower(s - 2) == "ainsi")) {
      return s - 2;
    }
    return std::nullopt;
  }

  // The quote that is a verb cue's whole content: "a déclaré : « … »", "a
  // déclaré dimanche : « … »", ending the sentence or a part of it before
  // ';'. Not "a déclaré qu'« … »", which is mixed.
  const Quote* QuoteAfterCue(const Cue& cue) const {
    size_t setting_end = SkipSettings(cue.end_token);
    size_t quote_at = setting_end < tokens_.size() ? tokens_[setting_end].span.start
                                                   : cue.span.end;
    const Quote* quote = QuoteStartingAt(quote_at);
    if (quote == nullptr) return nullptr;
    // "a indiqué « vouloir … »", "a évoqué « une erreur »": without a
    // colon, a quote opening in lower case is the verb's complement, the
    // reporter's sentence quoting words (mixed), not an utterance.
    const bool colon = text_.substr(quote_at, quote->span.start - quote_at).find(':') !=
                       std::string_view::npos;
    if (!colon && !quote->content.empty() && !StartsWithCapital(quote->content.Of(text_)) &&
        !IsDigitOrPunct(text_[quote->content.start])) {
      return nullptr;
    }
    Span rest = RestOfSentence(*quote);
    if (rest.empty() || quote->span.end >= sentence_.end || text_[rest.start] == ';' ||
        (colon && SettingsOnly(rest))) {
      return quote;
    }
    return nullptr;
  }

  // Whether `rest`, after a quotation, is a comma and the speech's
  // settings up to the sentence's end: "…: « … », dans une interview
  // accordée à La Tribune", ", lors d'un déplacement à Lyon".
  bool SettingsOnly(Span rest) const {
    const size_t first = TokenAtOrAfter(rest.start);
    if (first == 0 || first >= tokens_.size() || Word(first - 1) != ",") return false;
    constexpr size_t kMaxParticipleTokens = 8;
    const size_t after = SkipSettings(first);
    if (after == first) return false;
    if (EndsSentence(after)) return true;
    // "dans une interview accordée à La Tribune Dimanche".
    if (!IsWord(after) || !LooksLikeParticiple(Lower(after))) return false;
    for (size_t k = after + 1; k < tokens_.size() && k <= after + kMaxParticipleTokens; ++k) {
      if (EndsSentence(k)) return true;
      if (!IsWord(k) || VerbAt(k)) return false;
    }
    return false;
  }

  // Which quoted words make a verb cue's content speech.
  enum class QuotesNeeded { kNone, kAny, kColonQuote };

  // Where the content after an object starts: the infinitive after its
  // "de" or "à", within a few words of `first` ("le ministre de
  // l'Intérieur d'avoir menti", "au gouvernement de ne pas avoir …", "les
  // élus à voter"); none for an object alone ("accuse une baisse de 3 %").
  // "a averti le conseil municipal que les travaux …", "a prévenu ses
  // partenaires qu'il …": a short object, a determiner and words with no
  // verb, before "que": the content is the clause after it. `first`
  // otherwise.
  size_t AfterObjectBeforeQue(size_t first) const {
    constexpr size_t kMaxObjectTokens = 6;
    if (first >= tokens_.size() || !IsWord(first) || !g_.IsDeterminer(Lower(first)) ||
        InsideQuote(tokens_[first].span)) {
      return first;
    }
    return PastPhraseToQue(first, kMaxObjectTokens, /*parentheses=*/false);
  }

  // The token after a "que" that ends the phrase opened at `first`, within
  // `max_tokens`, when no verb, clause opener or punctuation comes before
  // it (with `parentheses`, "(", ")" and numbers may); else `first`.
  // Not a comparison or a compound conjunction: "des mesures telles que
  // …", "le même jour que …", "plus de moyens que …", "avant que …".
  size_t PastPhraseToQue(size_t first, size_t max_tokens, bool parentheses) const {
    // "affirme que la ville reste plus sûre que Lyon": the content already
    // starts after a "que"; a later one is inside it.
    if (first > 0 && IsQue(first - 1)) return first;
    for (size_t k = first + 1; k + 1 < tokens_.size() && k <= first + max_tokens; ++k) {
      if (IsQue(k)) return g_.IsQueConjunctionHead(Lower(k - 1)) ? first : k + 1;
      // "a reconnu devant la commission avoir alerté dès janvier": an
      // infinitive of avoir or être after the circumstance is the content,
      // as "que" is.
      if (k > first + 1 && AuxiliaryInfinitiveAt(k)) return k;
      if (parentheses &&
          (Word(k) == "(" || Word(k) == ")" || tokens_[k].kind == TokenKind::kNumber)) {
        continue;
      }
      if (!IsWord(k) || VerbAt(k) || g_.IsClauseOpener(Word(k))) return first;
    }
    return first;
  }

  // "a affirmé au cours de l'émission Terzake (Canvas-VRT) que …", "a
  // dit lors d'une réunion que …", "a indiqué à l'issue du Conseil des
  // ministres que …", "en marge du sommet": a circumstance between the
  // verb and its que-clause, no verb or comma in it; the content starts
  // after "que".
  size_t AfterCircumstanceBeforeQue(size_t first) const {
    constexpr size_t kMaxCircumstanceTokens = 12;
    if (first + 2 >= tokens_.size() || !IsWord(first) || InsideQuote(tokens_[first].span) ||
        SkipPhrase(first, kMaxPrepositionTokens, [&](const std::string& key) {
          return g_.IsCircumstancePreposition(key);
        }) == first) {
      return first;
    }
    return PastPhraseToQue(first, kMaxCircumstanceTokens, /*parentheses=*/true);
  }

  std::optional<size_t> ContentAfterObject(size_t first) const {
    constexpr size_t kMaxObjectTokens = 8;
    for (size_t k = first; k + 1 < tokens_.size() && k < first + kMaxObjectTokens; ++k) {
      if (!IsWord(k) || InsideQuote(tokens_[k].span)) break;
      const std::string_view w = Lower(k);
      if (w != "de" && w != "d'" && w != "à") continue;
      const std::string_view next = Lower(k + 1);
      if (LooksLikeInfinitive(next) || next == "ne" || next == "n'") return k + 1;
      // "accusent l'OMS de mal gérer la pandémie": an adverb before it.
      if ((next == "mal" || next == "trop" || next == "mieux") && k + 2 < tokens_.size() &&
          IsWord(k + 2) && LooksLikeInfinitive(Lower(k + 2))) {
        return k + 1;
      }
      // "appelle les syndicats à « reprendre … »": the quote is the content.
      if (k + 2 < tokens_.size() && QuoteOpeningAt(k + 1) && IsWord(k + 2) &&
          LooksLikeInfinitive(Lower(k + 2))) {
        return k + 1;
      }
    }
    return std::nullopt;
  }

  // What follows a verb cue: a quote after a colon that is all of it
  // (`quote`), else the rest of the sentence (`statement`), possibly ending
  // at a colon before a quote (`quote_after`: "a précisé que … : « … »").
  struct Content {
    const Quote* quote = nullptr;
    Span statement;
    const Quote* quote_after = nullptr;
    // The statement is a clause after a colon ("a répété : la réforme ira
    // à son terme").
    bool after_colon = false;
  };
  std::optional<Content> ReadContent(const Cue& cue) const {
    size_t first = ContentStart(cue.end_token);
    if (first >= tokens_.size()) return std::nullopt;
    // "X, qui s'exprimait sur la BBC, a reconnu …": a relative clause
    // whose verb has no content before the comma that closes it.
    if (InRelativeClause(cue) && first > cue.end_token && Word(first - 1) == ",") {
      return std::nullopt;
    }
    Content content;
    if ((content.quote = QuoteAfterCue(cue))) return content;
    // "a répété : la réforme ira à son terme": the clause after the colon
    // (a quote after it is read as such by the callers).
    if (Word(first) == ":" && first + 1 < tokens_.size() &&
        tokens_[first + 1].span.start < sentence_.end && !QuoteOpeningAt(first + 1)) {
      ++first;
      content.after_colon = true;
    }
    if (OpensCircumstance(first) || NamesUntoldNews(first) || NamesOthersWords(first) ||
        IsUnspokenObjectAt(cue, first)) {
      return std::nullopt;
    }
    // "accuse le ministre d'avoir menti": the content follows the object;
    // not when ContentStart stepped over more than settings to reach it
    // ("appelle à voter", "a indiqué que …").
    const auto object_first = g_.ObjectFirstOf(cue.lemma);
    if (object_first != SourceGrammar::ObjectFirst::kNo && first == SkipSettings(cue.end_token)) {
      if (std::optional<size_t> after_object = ContentAfterObject(first)) {
        first = *after_object;
      } else if (object_first == SourceGrammar::ObjectFirst::kRequired) {
        return std::nullopt;  // "HP accuse une baisse de 3 %": an object, no content
      }
    }
    first = AfterCircumstanceBeforeQue(AfterObjectBeforeQue(first));
    size_t from = tokens_[first].span.start;
    size_t end = std::max(from, ContentEnd(cue, from));
    // "a indiqué que « … combattue. À défaut, … »": a quote the content
    // opens runs on past the sentence break inside it.
    if (end == sentence_.end && end > from) {
      if (const Quote* open = QuoteAround(end - 1); open && open->span.start >= from) {
        end = open->span.end;
      }
    }
    content.statement = TrimEnd(Span{from, end});
    if (end < sentence_.end && text_[end] == ':') {
      const Quote* quote = QuoteStartingAt(end);
      Span rest = quote ? RestOfSentence(*quote) : Span{};
      if (quote && (rest.empty() || text_[rest.start] == ';')) content.quote_after = quote;
      // "résume la situation en quelques mots : « … »", "a annoncé sa
      // décision : « … »": a short object that only announces the
      // quotation after the colon says nothing of its own.
      // "Et d'ajouter, amère : « … »": a word or two between a comma and
      // the colon say how, not what.
      constexpr size_t kMaxMannerTokens = 2;
      const size_t colon = TokenAtOrAfter(end);
      const bool manner = first > 0 && Word(first - 1) == "," && colon > first &&
                          colon - first <= kMaxMannerTokens && !HasVerb(first, colon);
      if (content.quote_after && (AnnouncesQuote(first, colon) ||
                                  SetsSceneForQuote(first, colon) || manner)) {
        content.statement = Span{from, from};
      }
    }
    return content;
  }

  // "a déclaré forfait", "a déclaré la guerre": the verb and the one or
  // two words of its object from `first` are an idiom of unspoken_objects.
  bool IsUnspokenObjectAt(const Cue& cue, size_t first) const {
    // Not in a que-clause: "a déclaré que la guerre était perdue".
    if (first >= tokens_.size() || !IsWord(first) || (first > 0 && IsQue(first - 1))) {
      return false;
    }
    std::string key = cue.lemma + " " + std::string(lower_[first]);
    if (g_.IsUnspokenObject(key)) return true;
    if (first + 1 >= tokens_.size() || !IsWord(first + 1)) return false;
    key += " " + std::string(lower_[first + 1]);
    return g_.IsUnspokenObject(key);
  }

  // Whether tokens [first, colon) are a short noun phrase headed by an
  // announcing noun (announcing_nouns), with no verb, que or quote of its
  // own: an object that announces what follows.
  bool AnnouncesQuote(size_t first, size_t colon) const {
    constexpr size_t kMaxAnnouncingTokens = 8;
    if (first + 1 >= colon || colon - first > kMaxAnnouncingTokens ||
        !g_.IsDeterminer(Lower(first)) || !g_.IsAnnouncingNoun(Lower(first + 1)) ||
        (first > 0 && IsQue(first - 1))) {  // "a précisé que la loi serait votée : « … »"
      return false;
    }
    for (size_t k = first; k < colon; ++k) {
      if (IsQue(k) || InsideQuote(tokens_[k].span) || Word(k) == ",") return false;
    }
    return !HasVerb(first, colon);
  }

  // Whether tokens [first, colon) are a circumstance with no verb, que or
  // quote of its own ("affirme dans sa vidéo : « … »", "a déclaré devant
  // les députés : « … »"): where the quotation was said, not a statement.
  bool SetsSceneForQuote(size_t first, size_t colon) const {
    if (first >= colon || !IsWord(first) || !g_.IsCircumstancePreposition(Lower(first))) {
      return false;
    }
    for (size_t k = first; k < colon; ++k) {
      if (IsQue(k) || InsideQuote(tokens_[k].span)) return false;
    }
    return !HasVerb(first, colon);
  }

  // "Le procureur s'exprimait après l'attaque", "a témoigné devant la
  // commission": a verb followed by a complement of time or place, with
  // no que-clause after it in the clause, says nothing the sentence
  // reports. Not the prepositions that open a verb's object or topic
  // ("a parlé de …", "a appelé à …", "a insisté sur …", "a plaidé pour …",
  // "a protesté contre …"). A gerund says how, not what: "les policiers
  // ont répliqué en faisant usage de gaz lacrymogène".
  bool OpensCircumstance(size_t first) const {
    constexpr size_t kMaxLookAhead = 10;
    if (first == 0 || first >= tokens_.size() || !IsWord(first) || IsQue(first - 1) ||
        InsideQuote(tokens_[first].span) ||
        !(g_.IsCircumstancePreposition(Lower(first)) || OpensGerund(first))) {
      return false;
    }
    for (size_t k = first + 1; k < tokens_.size() && k <= first + kMaxLookAhead; ++k) {
      if (IsQue(k) || Word(k) == ":" || InsideQuote(tokens_[k].span)) return false;
      if (Word(k) == "," || Word(k) == ";") break;
      // "a reconnu devant la commission avoir alerté …": an infinitive of
      // avoir or être after it is the content (AfterCircumstanceBeforeQue
      // finds it).
      if (AuxiliaryInfinitiveAt(k)) return false;
    }
    return true;
  }

  // Whether token k starts an infinitive of avoir or être ("avoir
  // alerté", "avoir agi", "être venu") that no preposition governs.
  bool AuxiliaryInfinitiveAt(size_t k) const {
    return k > 0 && k + 1 < tokens_.size() && (Lower(k) == "avoir" || Lower(k) == "être") &&
           Lower(k - 1) != "de" && Lower(k - 1) != "d'" && Lower(k - 1) != "à" &&
           IsWord(k + 1) && !IsUpperWord(k + 1);
  }

  // "a appelé, après le succès de la première journée, à une deuxième
  // journée de grève", "a dénoncé, à l'issue de la réunion, une
  // provocation": a circumstance between the commas after the verb (one
  // OpensCircumstance reads, no verb of its own) is stepped over to the
  // content after it; `i` when there is none.
  size_t AfterCircumstanceIncise(size_t i) const {
    constexpr size_t kMaxInciseTokens = 12;
    if (i == 0 || i >= tokens_.size() || Word(i - 1) != "," || !OpensCircumstance(i)) return i;
    for (size_t k = i + 1; k < tokens_.size() && k <= i + kMaxInciseTokens; ++k) {
      if (Word(k) == ",") {
        return k + 1 < tokens_.size() && IsWord(k + 1) && !EndsSentence(k + 1) ? k + 1 : i;
      }
      if (!IsWord(k) && tokens_[k].kind != TokenKind::kNumber && Word(k) != "'") return i;
      if (VerbAt(k)) return i;
    }
    return i;
  }

  // "a confirmé une information du Parisien", "démentant ces
  // informations": the object is a piece of news the sentence does not
  // give (news_nouns), so nothing is reported; "l'information selon
  // laquelle …" or a que-clause or quote in the clause gives it.
  bool NamesUntoldNews(size_t first) const {
    constexpr size_t kMaxLookAhead = 12;
    // Not the subject of a que-clause: "précise que des informations
    // seront données lundi" gives what it says.
    if (first > 0 && IsQue(first - 1)) return false;
    if (first + 1 >= tokens_.size() || !g_.IsDeterminer(Lower(first)) ||
        !g_.IsNewsNoun(Lower(first + 1)) || InsideQuote(tokens_[first].span)) {
      return false;
    }
    for (size_t k = first + 2; k < tokens_.size() && k <= first + kMaxLookAhead; ++k) {
      if (IsQue(k) || Word(k) == ":" || InsideQuote(tokens_[k].span) ||
          Lower(k) == "selon") {
        return false;
      }
      if (Word(k) == "," || Word(k) == ";") break;
    }
    return true;
  }

  // "commentant les déclarations du dirigeant ukrainien selon lesquelles
  // S": words someone else said (said_nouns, then "de X") that a relative
  // "selon lequel" gives; S is X's claim (LinkRelativeCue), the verb's
  // object reports nothing of its subject's own.
  bool NamesOthersWords(size_t first) const {
    constexpr size_t kMaxLookAhead = 12;
    if (first + 2 >= tokens_.size() || !g_.IsDeterminer(Lower(first)) ||
        !g_.IsSaidNoun(Lower(first + 1))) {
      return false;
    }
    if (!IsPreposition(first + 2)) return false;
    for (size_t k = first + 3; k + 1 < tokens_.size() && k <= first + kMaxLookAhead; ++k) {
      if (Lower(k) == "selon" && g_.IsRelativePronoun(Lower(k + 1)) && Lower(k + 1) != "qui") {
        return true;
      }
      if (IsQue(k) || Word(k) == ":" || Word(k) == "," || Word(k) == ";" ||
          InsideQuote(tokens_[k].span)) {
        return false;
      }
    }
    return false;
  }

  // "en faisant", "en s'appuyant": "en", then a lower-case word ending in
  // -ant, a pronoun between them or not.
  bool OpensGerund(size_t first) const {
    if (Lower(first) != "en") return false;
    size_t verb = first + 1;
    if (verb < tokens_.size() && g_.IsSubjectClitic(Lower(verb))) ++verb;
    return verb < tokens_.size() && IsWord(verb) && !IsUpperWord(verb) &&
           LooksLikePresentParticiple(Lower(verb));
  }

  // The claims of a verb cue whose content follows it: the quote after a
  // colon (direct), else the rest of the sentence (indirect, or mixed when
  // it holds a quote) and a quote after it; `needs` drops the statements
  // without the quotes it asks for.
  void AddContentClaim(const Content& content, const Cue& cue, const ClaimSource& source,
                       const std::string& rule, QuotesNeeded needs = QuotesNeeded::kNone) {
    if (content.quote) {
      AddClaim(ClaimType::kDirect, content.quote->content, source, cue, "fr.claim.quote_colon");
      return;
    }
    Span statement = content.statement;
    const bool quoted_enough = needs == QuotesNeeded::kNone ||
                               (needs == QuotesNeeded::kAny && HoldsQuote(statement));
    // "La police a recensé 3 500 manifestants, la CGT 12 000": the verb
    // left out after a comma, another source and its own figure.
    std::optional<std::pair<SourcePhrase, Span>> gapped;
    if (quoted_enough && !HoldsQuote(statement)) gapped = GappedFigure(statement);
    if (gapped) statement.end = TrimEnd(Span{statement.start, gapped->first.span.start}).end;
    if (statement.size() >= 3 && quoted_enough) {
      AddStatementClaim(statement, source, cue, rule);
    }
    if (gapped) {
      if (std::optional<ClaimSource> other = Resolve(gapped->first, "fr.source.subject")) {
        AddStatementClaim(gapped->second, *other, cue, rule);
      }
    }
    if (content.quote_after) {
      AddClaim(ClaimType::kDirect, content.quote_after->content, source, cue,
               "fr.claim.quote_colon");
    }
  }

  // "…, la CGT 12 000" ending `statement`, whose own figure comes before
  // it: after the last comma, a named source and a quantity that runs to
  // the statement's end, with nothing else; the source phrase and the
  // figure's span. None when the part before the comma holds no figure.
  std::optional<std::pair<SourcePhrase, Span>> GappedFigure(Span statement) const {
    constexpr size_t kMaxGappedTokens = 10;
    const size_t first = TokenAtOrAfter(statement.start);
    size_t end = TokenAtOrAfter(statement.end);
    size_t comma = end;
    for (size_t k = end; k > first && end - k < kMaxGappedTokens; --k) {
      if (Word(k - 1) == ",") {
        comma = k - 1;
        break;
      }
    }
    if (comma == end || comma + 2 >= end) return std::nullopt;
    // A figure before the comma: the first quantity starting at or after
    // the statement's start (a binary search; a long statement is not
    // read token by token).
    const auto before = std::lower_bound(
        quantities_.begin(), quantities_.end(), statement.start,
        [](const Span& q, size_t pos) { return q.start < pos; });
    if (before == quantities_.end() || before->start >= tokens_[comma].span.start) {
      return std::nullopt;
    }
    // The quantity that ends the statement, and the phrase before it.
    const Span* figure = nullptr;
    size_t figure_first = comma + 1;
    for (; figure_first < end; ++figure_first) {
      if ((figure = SpanHolding(quantities_, figure_first)) != nullptr) break;
    }
    if (figure == nullptr || figure_first == comma + 1 || figure->end < statement.end) {
      return std::nullopt;
    }
    auto phrase = Parse(comma + 1, figure_first);
    if (!phrase || phrase->reference != SourcePhrase::Reference::kNamed ||
        TokenAtOrAfter(phrase->span.end) != figure_first || phrase->type == "document") {
      return std::nullopt;
    }
    return std::make_pair(*phrase, Span{figure->start, statement.end});
  }

  // The subject of the verb at token `verb`: the last comma-separated part
  // before it that reads as a source ("Le ministre, Jean X, a dit").
  //
  // Each comma-separated part is looked at over at most kMaxSubjectTokens
  // tokens: a sentence of thousands of words without a comma and full of
  // verbs would otherwise cost a scan back to its start per verb (quadratic;
  // tests/linearity_test.cc pins it). No subject runs that long.
  static constexpr size_t kMaxSubjectTokens = 40;
  // The same bound forward: a source phrase read from token `from` never
  // looks past kMaxSubjectTokens tokens (selon selon selon…, M. M. M.…).
  size_t PhraseEnd(size_t from) const {
    return std::min(tokens_.size(), from + kMaxSubjectTokens);
  }
  std::optional<SourcePhrase> Subject(size_t verb) const {
    // "X se félicite", "X lui a dit".
    size_t end = VerbGroupLead(verb);
    bool relative = false;  // the part after this one was "qui"
    // "Chez Renault, on explique que …": the "on" part is stepped over as
    // an incise; the part before it may say who "on" is.
    const size_t on_part = PartStart(end);
    const bool on_subject = IsOnPart(on_part, end);
    // "X, qui, lundi, a confirmé": the empty part before the verb's
    // comma, the incise, "qui", then X; "X, qui, au cours d'un briefing,
    // soit le mardi 2 septembre, a confirmé": two incises.
    constexpr int kMaxSubjectParts = 6;
    for (int attempt = 0; attempt < kMaxSubjectParts && end > 0; ++attempt) {
      const size_t begin = PartStart(end);
      if (begin + 1 == end && Lower(begin) == "qui" && begin >= 2) {
        end = begin - 1;  // "X, qui a dit": the subject is X
        relative = true;
        continue;
      }
      // "Peter Higgs, qui a travaillé au CERN, a déclaré", "X, dont le
      // mandat expire, a déclaré": a relative clause between commas is
      // stepped over to the subject before it.
      // Also after a preposition: "Le directeur sportif, à qui il était
      // demandé si Rennes allait recruter, a répondu" (not Rennes).
      if (begin >= 2 && begin + 1 < end && Word(begin - 1) == "," &&
          (Lower(begin) == "qui" || Lower(begin) == "dont" ||
           (begin + 2 < end && IsPrepositionWord(Lower(begin)) &&
            g_.IsRelativePronoun(Lower(begin + 1))))) {
        end = begin - 1;
        continue;
      }
      // "Les syndicats, eux, ont affirmé", "Anne Roux, elle, estime": the
      // stressed pronoun repeats the subject before it.
      if (begin >= 2 && begin + 1 == end && Word(begin - 1) == "," && Word(end) == "," &&
          IsStressedPronoun(begin)) {
        end = begin - 1;
        continue;
      }
      // "L'OMS, une agence de l'ONU, a déclaré": an indefinite description
      // between commas describes the name before it, which is the subject
      // (not "Mardi, un porte-parole a déclaré": no name before; nor "Peu
      // avant midi, un bilan du parquet fait état de …": no comma closes
      // the description, it is the subject).
      if (begin >= 2 && begin + 1 < end && Word(begin - 1) == "," && Word(end) == "," &&
          (Lower(begin) == "un" || Lower(begin) == "une")) {
        const size_t before = PartStart(begin - 1);
        if (before < begin - 1) {
          auto named = PhraseReaching(before, begin - 1);
          if (named && named->proper_name) return WithNameBefore(*named, before);
        }
      }
      // "Jean Dupont, du Parti socialiste, a estimé": an affiliation between
      // commas is stepped over too.
      // Not "Dans des extraits …, des gendarmes ont reconnu": "des" before
      // the verb with no comma after it is the subject's article.
      if (begin >= 2 && begin + 1 < end && Word(begin - 1) == "," &&
          (Lower(begin) == "du" || Lower(begin) == "de" || Lower(begin) == "d'" ||
           (Lower(begin) == "des" && (Word(end - 1) == "," || Word(end) == ",")))) {
        end = begin - 1;
        continue;
      }
      if (end > begin + 1 && Lower(end - 1) == "qui") {
        // "Marine Le Pen, député du Rassemblement national (RN) qui avait
        // revendiqué": a title apposed to a person's name, then "qui":
        // the relative is about the person.
        if (auto person = PersonBeforeApposedTitle(begin, end - 1)) return person;
        // "le quotidien Libération qui a accusé": the name before "qui";
        // "la CGT et Solidaires qui demandaient": both names.
        auto phrase = PhraseEndingAt(begin, end - 1);
        if (phrase) {
          const size_t second = TokenAtOrAfter(phrase->span.start);
          if (second >= begin + 2 && Lower(second - 1) == "et") {
            if (auto first = PhraseEndingAt(begin, second - 1)) {
              if (auto both = Coordinated(*first, second - 1, end - 1)) phrase = both;
            }
          }
        }
        if (phrase) return WithNameBefore(*phrase, begin);
        return std::nullopt;
      }
      // "La défense du journaliste qui a dénoncé une parodie de justice a
      // estimé": a relative clause with no commas before the verb is
      // stepped over to the phrase it describes.
      if (begin + 2 < end) {
        if (const std::optional<size_t> qui = RelativeBefore(begin, end)) {
          if (auto person = PersonBeforeApposedTitle(begin, *qui)) return person;
          if (auto phrase = PhraseEndingAt(begin, *qui)) return WithNameBefore(*phrase, begin);
        }
      }
      if (begin < end && relative) {
        if (auto speaker = InvertedSpeakerIn(begin, end)) return speaker;
      }
      // "Une trentaine de maires, furieux, ainsi que le président de la
      // Chambre, ont quitté la réunion": what "ainsi que" adds is not the
      // subject; the phrase before it is (with or without its comma).
      if (const std::optional<size_t> also = AinsiQueIn(begin, end)) {
        end = *also == begin ? begin - 1 : *also;
        continue;
      }
      if (on_subject && begin < on_part) {
        if (const std::optional<size_t> from = AfterOnLocator(begin, end)) {
          auto phrase = *from < end ? PhraseReaching(*from, end) : std::nullopt;
          // "À Paris, on estime …", "À 18 heures, on …": where or when,
          // not who.
          const std::string_view at = Lower(*from - 1);
          if (phrase && (at == "à" || at == "au" || at == "aux") &&
              (phrase->type == "person" ||
               IsPlaceName(*phrase, TokenAtOrAfter(phrase->span.start)) ||
               phrase->reference != SourcePhrase::Reference::kNamed)) {
            return std::nullopt;
          }
          if (phrase && phrase->reference != SourcePhrase::Reference::kPronoun) return phrase;
          // "Côté syndical, on …", "Chez nous, on …": no one named.
          return std::nullopt;
        }
      }
      if (begin < end) {
        // "Le maire a rencontré Paul Roux, qui a affirmé": before "qui", a
        // clause with its own verb; the relative is about its last phrase.
        const bool clause_before_qui = relative && HasVerb(begin, end);
        auto phrase = clause_before_qui ? std::nullopt : PhraseReaching(begin, end);
        // "…avec Bernard Bonnet, qui lui avait rétorqué".
        if (!phrase && relative) phrase = PhraseEndingAt(begin, end);
        if (phrase) {
          if (auto listed = PhraseListingInto(begin, end)) return listed;
          return WithNameBefore(*phrase, begin);
        }
        // An incise between commas ("Le secrétaire général, encore en
        // fonction, demande"): the subject is before it.
        if (begin == 0 || Word(begin - 1) != "," || HasVerb(begin, end)) return std::nullopt;
      }
      if (begin == 0) break;
      // "Asie de l'Est : alerte au typhon": no subject before a colon or a
      // semicolon; only an incise between commas is stepped over.
      if (Word(begin - 1) != ",") break;
      end = begin - 1;
    }
    return std::nullopt;
  }

  // Whether tokens [begin, end) are "on", or "on ne", "on n'": a
  // subject that names nobody.
  bool IsOnPart(size_t begin, size_t end) const {
    if (begin >= end || Lower(begin) != "on") return false;
    return begin + 1 == end ||
           (begin + 2 == end && IsNegationStart(begin + 1));
  }

  // "Chez Renault", "Du côté du ministère", "Dans l'entourage du
  // ministre", alone in tokens [begin, end) after nothing but a clause
  // opener ("Mais chez Renault"): where the phrase the locator governs
  // starts, the circle a following "on" stands for (as WhereOnSays finds
  // it after an inverted "explique-t-on chez Renault"); none when the part
  // is no such locator.
  std::optional<size_t> AfterOnLocator(size_t begin, size_t end) const {
    if (begin + 1 < end && g_.IsClauseOpener(Word(begin))) ++begin;
    const std::string_view w = Lower(begin);
    size_t from = begin + 1;
    if (w == "du" && from < end && Lower(from) == "côté") {
      ++from;
      if (from < end && (Lower(from) == "de" || Lower(from) == "d'")) ++from;
    } else if (w == "dans") {
      // "dans l'entourage", "dans le camp": a circle, not a place.
      const size_t head = from + 1;
      if (head >= end || !g_.IsDeterminer(Lower(from)) ||
          (Lower(head) != "entourage" && Lower(head) != "camp")) {
        return std::nullopt;
      }
    } else if (w != "chez" && w != "côté" && w != "à" && w != "au" && w != "aux") {
      // "À Matignon, on assure …", "Au ministère, on indique …" (Subject
      // keeps them only when a body, not a place, follows).
      return std::nullopt;
    }
    return from;
  }

  // The token "ainsi" of an "ainsi que" adding to a subject in tokens
  // [begin, end): at the part's start after a comma, or inside it after
  // a phrase. Not a part with a verb of its own ("ainsi que l'a dit le
  // maire").
  std::optional<size_t> AinsiQueIn(size_t begin, size_t end) const {
    for (size_t k = begin; k + 2 < end; ++k) {
      if (Lower(k) != "ainsi" || !IsQue(k + 1)) continue;
      if (k == begin && (begin < 2 || Word(begin - 1) != ",")) return std::nullopt;
      if (HasVerb(k + 2, end)) return std::nullopt;
      return k;
    }
    return std::nullopt;
  }

  // "Les présidents des régions Aquitaine, Franche-Comté et Picardie
  // menacent": the part before the verb (tokens [begin, end)) ends a list
  // of places that a phrase opened in an earlier part ("Les présidents
  // des régions Aquitaine"); that phrase, read over the commas to `end`,
  // is the subject. The earliest of at most kMaxListedParts parts back
  // whose phrase reaches `end`, each comma crossed having a place on both
  // sides; nullopt when none does ("Le maire de New York, Michael
  // Bloomberg" is an apposition, left to WithNameBefore).
  std::optional<SourcePhrase> PhraseListingInto(size_t begin, size_t end) const {
    constexpr int kMaxListedParts = 4;
    std::optional<SourcePhrase> listed;
    size_t part = begin;
    for (int n = 0; n < kMaxListedParts && part >= 2 && Word(part - 1) == "," &&
                    InSpans(places_, part - 2) && InSpans(places_, part);
         ++n) {
      part = PartStart(part - 1);
      if (part + 1 >= begin) break;
      auto phrase = Parse(part, end);
      if (phrase && TokenAtOrAfter(phrase->span.end) == end) listed = phrase;
    }
    return listed;
  }

  // "indique le parquet de Bordeaux à l'AFP, qui précise …": the named
  // speaker of a verb cue in tokens [begin, end), to which a relative
  // after them refers (not to the audience or the complement closest to
  // "qui"); nullopt when the part holds no such cue.
  std::optional<SourcePhrase> InvertedSpeakerIn(size_t begin, size_t end) const {
    if (begin >= end || end > tokens_.size()) return std::nullopt;
    // The cues are in text order: only those in the part are looked at.
    for (auto it = FirstCueFrom(tokens_[begin].span.start);
         it != cues_.end() && it->first_token < end; ++it) {
      const Cue& cue = *it;
      if (cue.first_token < begin || cue.end_token > end || !cue.rule.empty() || cue.inverted ||
          cue.gerund) {
        continue;
      }
      auto speaker = SpeakerAfter(cue);
      if (speaker && speaker->reference == SourcePhrase::Reference::kNamed &&
          TokenAtOrAfter(speaker->span.end) <= end) {
        return speaker;
      }
    }
    return std::nullopt;
  }

  // The person named in the part before the comma at `begin` - 1 when
  // tokens [begin, end) are a title apposed to them ("X, député du
  // Rassemblement national (RN)"), else nothing.
  std::optional<SourcePhrase> PersonBeforeApposedTitle(size_t begin, size_t end) const {
    if (begin < 2 || Word(begin - 1) != ",") return std::nullopt;
    const size_t title_first = g_.IsDeterminer(Lower(begin)) ? begin + 1 : begin;
    if (title_first >= end || !g_.IsTitle(Lower(title_first))) return std::nullopt;
    auto title = Parse(begin, end);
    if (!title || !title->role || TokenAtOrAfter(title->span.end) != end) return std::nullopt;
    const size_t before = PartStart(begin - 1);
    auto named = PhraseReaching(before, begin - 1);
    if (!named || named->type != "person" || !named->proper_name) return std::nullopt;
    return named;
  }

  // The first token of the comma-separated part that ends before token
  // `end`, at most kMaxSubjectTokens back.
  // A parenthesis is stepped over whole: "L'intersyndicale (Snes, FO,
  // CGT) appelle" is one part.
  size_t PartStart(size_t end) const {
    size_t begin = end;
    const size_t floor = end > kMaxSubjectTokens ? end - kMaxSubjectTokens : 0;
    while (begin > floor && Word(begin - 1) != "," && Word(begin - 1) != ";" &&
           Word(begin - 1) != ":") {
      if (Word(begin - 1) == ")") {
        size_t open = begin - 1;
        while (open > floor && Word(open) != "(") --open;
        if (Word(open) == "(") {
          begin = open;
          continue;
        }
      }
      --begin;
    }
    return begin;
  }

  // Whether a "que"/"qu'" or a comma lies in [begin, end).
  bool HasQueOrComma(size_t begin, size_t end) const {
    for (size_t k = begin; k < end && k < tokens_.size(); ++k) {
      if (IsQue(k) || Word(k) == ",") return true;
    }
    return false;
  }

  // The last "qui" in [begin, end) after a word or a closing quote mark
  // and before a verb (a known one, or a lower-case word: "qui réunit des
  // usagers"), outside quotes.
  std::optional<size_t> RelativeBefore(size_t begin, size_t end) const {
    for (size_t k = end - 1; k > begin; --k) {
      if (Lower(k) != "qui" || InsideQuote(tokens_[k].span)) continue;
      if (!IsWord(k - 1) && !ClosesQuote(k - 1)) continue;
      if (HasVerb(k + 1, std::min(end, k + 3)) ||
          (k + 1 < end && IsWord(k + 1) && !IsUpperWord(k + 1))) {
        return k;
      }
    }
    return std::nullopt;
  }

  bool HasVerb(size_t begin, size_t end) const {
    for (size_t k = begin; k < end; ++k) {
      if (KnownFiniteVerbAt(k)) return true;
    }
    return false;
  }

  // A finite form of a verb the lexicons know, or an auxiliary of avoir.
  bool KnownFiniteVerbAt(size_t k) const {
    if (!IsWord(k)) return false;
    std::optional<Gender> unused;
    const VerbForm* verb = g_.LookupVerb(Word(k));
    return (verb && verb->finite) || g_.IsAuxiliary(Word(k), &unused);
  }

  // "La porte-parole de la gendarmerie, la lieutenant-colonel Maddy
  // Scheurer, a appelé": a title alone, the whole part before the titled
  // name and its comma, is the name's first title.
  std::optional<SourcePhrase> WithTitleBefore(const SourcePhrase& phrase, size_t begin) const {
    if (phrase.reference != SourcePhrase::Reference::kNamed || phrase.type != "person" ||
        !phrase.role || begin < 2 || Word(begin - 1) != ",") {
      return std::nullopt;
    }
    const size_t part = PartStart(begin - 1);
    auto title = Parse(part, begin - 1);
    if (!title || title->reference != SourcePhrase::Reference::kRoleOnly || !title->definite ||
        !title->role || TokenAtOrAfter(title->span.end) != begin - 1) {
      return std::nullopt;
    }
    SourcePhrase both = phrase;
    // "L'avocat de la victime, Me Karim Benali": a courtesy title that
    // stands for the office already stated ("Me" is "avocat") adds nothing.
    const std::string courtesy = LowerWord(*phrase.role);
    const std::string office = g_.CanonicalRole(LowerWord(*title->role));
    const bool restated = courtesy.find(' ') == std::string::npos &&
                          g_.TitlesCompatible(courtesy, g_.TitleOf(office));
    both.role = restated ? *title->role : *title->role + ", " + *phrase.role;
    both.span.start = title->span.start;
    if (both.gender == Gender::kUnknown) both.gender = title->gender;
    return both;
  }

  // A source phrase in tokens [begin, end) that reaches `end`, the verb, or
  // stops at a participle or a relative that qualifies it ("l'ONG Airwars
  // basée à Londres"); also after a relative or a conjunction inside the
  // part ("chez PSA où les syndicats craignent").
  // "Une étude réalisée par le cabinet ATH révèle": a document, then a
  // participle and "par", with no verb from there up to token `end` (the
  // subject's verb); IssuerOf finds who published it.
  bool IssuedBy(const SourcePhrase& phrase, size_t reached, size_t end) const {
    constexpr size_t kMaxIssuerTokens = 14;
    if (phrase.type != "document" || reached + 2 >= end || end > reached + kMaxIssuerTokens ||
        !IsWord(reached) || !LooksLikeParticiple(Lower(reached)) || Lower(reached + 1) != "par") {
      return false;
    }
    for (size_t k = reached + 2; k < end; ++k) {
      if (!IsWord(k) || VerbAt(k)) return false;
    }
    return true;
  }

  std::optional<SourcePhrase> PhraseReaching(size_t begin, size_t end) const {
    auto reaching = [&](size_t from) -> std::optional<SourcePhrase> {
      auto phrase = Parse(from, end);
      if (!phrase) return std::nullopt;
      size_t reached = TokenAtOrAfter(phrase->span.end);
      if (auto both = Coordinated(*phrase, reached, end)) return both;
      // "L'intersyndicale (Snes, FO, CGT) appelle": a parenthesis after
      // the phrase, up to the verb, describes it.
      if (reached + 1 < end && Word(reached) == "(" && Word(end - 1) == ")") return phrase;
      // "l'envoyé spécial X qui s'est rendu à Belgrade, s'est déclaré".
      bool adjacent = reached == end || (reached < end && Lower(reached) == "qui") ||
                      (reached < end && !g_.LookupVerb(Word(reached)) &&
                       Lower(reached) != "," && reached + 4 >= end);
      return adjacent || IssuedBy(*phrase, reached, end) ? phrase : std::nullopt;
    };
    if (auto phrase = reaching(begin)) return phrase;
    // "Toutefois la défense a estimé", "Pourtant le maire affirme": a
    // connector opening the sentence without its comma.
    if (begin == 0) {
      size_t after = SkipStatementWords(begin);
      // "Hier le ministre a déclaré", "Ce matin le président …": a date
      // opening the sentence without its comma.
      while (after < end && InSpans(dates_, after)) ++after;
      if (after > begin && after < end && !IsQue(begin)) {
        if (auto phrase = reaching(after)) return phrase;
      }
    }
    if (auto named = AcronymEndingPart(begin, end)) return named;
    for (size_t k = end; k > begin; --k) {
      if (g_.IsClauseOpener(Word(k - 1))) return k < end ? reaching(k) : std::nullopt;
    }
    return std::nullopt;
  }

  // "L'Union nationale des associations de parents et amis de personnes
  // handicapées mentales (UNAPEI) a dénoncé": a name too long for the
  // phrase reader, whose acronym in parentheses ends the part before the
  // verb, is the body by its acronym, the words before it its alias.
  std::optional<SourcePhrase> AcronymEndingPart(size_t begin, size_t end) const {
    if (end < begin + 5 || Word(end - 1) != ")" || Word(end - 3) != "(" ||
        !LooksLikeAcronym(Word(end - 2))) {
      return std::nullopt;
    }
    const size_t alias_first = g_.IsDeterminer(Lower(begin)) ? begin + 1 : begin;
    if (!IsUpperWord(alias_first)) return std::nullopt;
    SourcePhrase phrase;
    phrase.reference = SourcePhrase::Reference::kNamed;
    phrase.proper_name = true;
    phrase.type = "organization";
    phrase.name = std::string(Word(end - 2));
    phrase.alias = std::string(Span{tokens_[alias_first].span.start,
                                    tokens_[end - 4].span.end}.Of(text_));
    phrase.span = Span{tokens_[begin].span.start, tokens_[end - 1].span.end};
    return phrase;
  }

  // "Quant au chef du Sinn Fein, il a estimé": a pronoun right after the
  // comma of a sentence-initial "quant à X" is X. `pos` is where the
  // pronoun starts.
  std::optional<SourcePhrase> TopicBefore(size_t pos) const {
    if (tokens_.size() < 5 || Lower(0) != "quant") return std::nullopt;
    const std::string_view to = Lower(1);
    if (to != "à" && to != "au" && to != "aux") return std::nullopt;
    return FrontedPhrase(2, pos);
  }

  // "Chez Bouygues Telecom, la direction a confirmé": the body an organ
  // right after the comma of a sentence-initial "chez X" belongs to.
  std::optional<SourcePhrase> HostBefore(size_t pos) const {
    if (tokens_.size() < 4 || Lower(0) != "chez") return std::nullopt;
    return FrontedPhrase(1, pos);
  }

  // The phrase from token `first` to the comma right before `pos`, alone
  // between them (no other comma, nothing after it).
  std::optional<SourcePhrase> FrontedPhrase(size_t first, size_t pos) const {
    const size_t after = TokenAtOrAfter(pos);
    if (after < first + 2 || after >= tokens_.size() || Word(after - 1) != ",") {
      return std::nullopt;
    }
    for (size_t k = first; k + 1 < after; ++k) {
      if (Word(k) == ",") return std::nullopt;  // the phrase is the first part only
    }
    auto phrase = Parse(first, after - 1);
    if (!phrase || phrase->reference == SourcePhrase::Reference::kPronoun ||
        TokenAtOrAfter(phrase->span.end) != after - 1) {
      return std::nullopt;
    }
    return phrase;
  }

  // "Paris et Bonn se sont déclarés": two names joined by "et" right
  // before the verb speak together, under both names. `first` is the
  // phrase of the first name, `reached` the token after it.
  std::optional<SourcePhrase> Coordinated(const SourcePhrase& first, size_t reached,
                                          size_t end) const {
    const auto named = [](const SourcePhrase& p) {
      return p.reference == SourcePhrase::Reference::kNamed && p.proper_name;
    };
    if (!named(first) || reached + 1 >= end || Lower(reached) != "et") return std::nullopt;
    auto second = Parse(reached + 1, end);
    if (!second || !named(*second) || TokenAtOrAfter(second->span.end) != end) {
      return std::nullopt;
    }
    SourcePhrase both = first;
    both.name = first.name + " et " + second->name;
    both.span.end = second->span.end;
    both.gender = Gender::kPlural;
    both.role.reset();
    both.alias.reset();
    both.first_name = false;
    if (first.type != second->type) both.type = "organization";
    return both;
  }

  // The longest proper name or title phrase in [first, end) that ends
  // exactly at `end` ("…un violent clash avec Bernard Bonnet").
  std::optional<SourcePhrase> PhraseEndingAt(size_t first, size_t end) const {
    std::optional<SourcePhrase> best;
    bool best_complement = false;
    const size_t floor = std::max(first, end > kMaxSpeakerNameTokens ? end - kMaxSpeakerNameTokens : 0);
    for (size_t k = end; k > floor; --k) {
      auto phrase = Parse(k - 1, end);
      // A name, a title or a definite or plural source noun ("c'est le
      // ministre de l'Intérieur qui a annoncé", not "Intérieur"; "a
      // rencontré les syndicats, qui affirment", "des électeurs qui
      // estiment"); the longest wins.
      const bool named = phrase && phrase->reference == SourcePhrase::Reference::kNamed &&
                         phrase->proper_name;
      const bool described =
          phrase && (phrase->reference == SourcePhrase::Reference::kRoleOnly ||
                     ((phrase->definite || phrase->gender == Gender::kPlural) &&
                      phrase->reference == SourcePhrase::Reference::kNamed &&
                      !phrase->head.empty()));
      bool fits = (named || described) && TokenAtOrAfter(phrase->span.end) == end;
      if (!fits) {
        // "la Commission européenne de Bruxelles qui regrette": a phrase
        // after "de" may be the complement of a longer one.
        if (best && !best_complement) break;
        continue;
      }
      best_complement = IsDe(k - 1) || Lower(k - 1) == "des";
      best = phrase;
    }
    return best;
  }

  // "Arnaud Montebourg, le ministre du Redressement productif, qui a dit":
  // a title alone takes the name that ends the part before its comma.
  SourcePhrase WithNameBefore(SourcePhrase phrase, size_t begin) const {
    if (auto titled = WithTitleBefore(phrase, begin)) return *titled;
    // "Jean-Pierre Mercier, délégué CGT, a dénoncé": a title and an acronym
    // are a role in a body, not a person named "CGT".
    const bool title_of_body = phrase.reference == SourcePhrase::Reference::kNamed &&
                               phrase.role && LooksLikeAcronym(phrase.name);
    if ((phrase.reference != SourcePhrase::Reference::kRoleOnly && !title_of_body) ||
        begin < 2 || Word(begin - 1) != ",") {
      return phrase;
    }
    if (title_of_body) phrase.role = *phrase.role + " " + phrase.name;
    size_t end = begin - 1;
    size_t part = PartStart(end);
    // "Marie Dupont, 34 ans, mère de deux enfants, témoigne": an age
    // between commas is stepped over to the name before it.
    if (part + 2 == end && part >= 2 && AgeBetweenCommasAt(part - 1)) {
      end = part - 1;
      part = PartStart(end);
    }
    auto name = PhraseEndingAt(part, end);
    if (!name) return phrase;
    // "Le colonel Jean Martin, porte-parole, estime", "Le Dr Martin
    // Blachier, épidémiologiste, …": a titled person's apposition adds a
    // role to theirs (as "un porte-parole" does, WithApposition), it does
    // not speak instead of them.
    if (name->role) {
      if (name->reference != SourcePhrase::Reference::kNamed || name->type != "person" ||
          !phrase.role || title_of_body) {
        return phrase;
      }
      name->role = *name->role + ", " + *phrase.role;
      name->span.end = phrase.span.end;
      return *name;
    }
    // A surname alone reads as an organization ("Barroso, le président");
    // it must then be the whole part ("Devant les membres du Parlement, la
    // souveraine" is no apposition).
    bool one_word = name->name.find(' ') == std::string::npos;
    bool acronym = LooksLikeAcronym(name->name);
    const size_t first = TokenAtOrAfter(name->span.start);
    bool whole_part = first == part;
    if (name->type != "person" && !(one_word && !acronym && whole_part)) return phrase;
    // "S'exprimant devant le 10 Downing Street, la dirigeante a
    // expliqué": a name after an article, a number or a preposition is an
    // object, no apposition's head, when the title runs into the verb;
    // before a relative it is one ("à Pierre Morel, le successeur de
    // Jacques Lenoir, qui lui a rétorqué").
    const size_t after = TokenAtOrAfter(phrase.span.end);
    const bool relative = after < tokens_.size() && (Word(after) == "," || Lower(after) == "qui");
    // (At the sentence's first token there is no word before: "Milan, le
    // directeur, a parlé" read token -1, found by the annotate fuzzer.)
    const std::string_view before = first > 0 ? Lower(first - 1) : std::string_view();
    if (!whole_part && !relative && !before.empty() &&
        (std::isdigit(static_cast<unsigned char>(before[0])) || g_.IsDeterminer(before) ||
         IsFunctionWord(before))) {
      return phrase;
    }
    // "Paul Roux, agriculteur à Lunel, affirme": after a name the title is
    // an apposition, which takes complements ("à Lunel") that the title
    // read alone does not.
    if (auto apposed = Parse(first, PhraseEnd(first));
        apposed && apposed->type == "person" && apposed->role && phrase.role &&
        apposed->span.end > phrase.span.end && apposed->role->starts_with(*phrase.role) &&
        apposed->role->find(',') == std::string::npos) {
      return *apposed;
    }
    name->type = "person";
    name->role = phrase.role;
    name->span.end = phrase.span.end;
    if (name->gender == Gender::kUnknown) name->gender = phrase.gender;
    return *name;
  }

  // "Selon une source proche des services de renseignement à Paris, …":
  // a short prepositional phrase between a fronted source and its comma
  // belongs to the source; the statement starts after the comma. `after`
  // is the first token after the source phrase; it is returned when no
  // such phrase is there.
  size_t AfterSourceComplement(size_t after) const {
    constexpr size_t kMaxComplementTokens = 5;
    if (after >= tokens_.size() || !IsWord(after) || !IsPrepositionWord(Lower(after))) {
      return after;
    }
    std::optional<Gender> unused;
    for (size_t k = after + 1; k < tokens_.size() && k <= after + kMaxComplementTokens; ++k) {
      if (Word(k) == ",") return k + 1;
      if (InsideQuote(tokens_[k].span) || (!IsWord(k) && Word(k) != "'") ||
          g_.IsAuxiliary(Word(k), &unused) || g_.LookupVerb(Word(k))) {
        return after;
      }
    }
    return after;
  }

  // Where the statement after "Selon X," starts when X has an apposition
  // between commas, which is not the statement: a participle ("Selon
  // l'étude, publiée mardi, 60 % …"), a relative clause ("Pour Me Roux, qui
  // défend l'ancien directeur, son client …") or a description headed by a
  // source noun or title ("D'après l'OSDH, une ONG basée à Londres, au moins
  // …", only after a name), or whom it was made for ("D'après un sondage
  // BVA pour Le Parisien, …", with no comma before it). `after` is the
  // first token after the source's comma.
  size_t AfterSourceApposition(size_t after, const SourcePhrase& source) const {
    constexpr size_t kMaxParticipleTokens = 8, kMaxClauseTokens = 16;
    if (after + 1 >= tokens_.size() || !IsWord(after) || IsUpperWord(after)) return after;
    const std::string_view w = Lower(after);
    size_t max_tokens = 0;
    // "Selon une étude de l'Insee parue jeudi, …", "rendu public mardi".
    if (LooksLikeParticiple(w) || LooksLikeUParticiple(w)) {
      max_tokens = kMaxParticipleTokens;
    } else if (w == "qui" || w == "dont") {
      max_tokens = kMaxClauseTokens;
    } else if (source.proper_name && (w == "un" || w == "une") && IsWord(after + 1) &&
               (g_.IsSourceNoun(Lower(after + 1)) || g_.IsTitle(Lower(after + 1)))) {
      max_tokens = kMaxParticipleTokens;
    } else if (w == "pour" &&
               (IsUpperWord(after + 1) ||
                (IsWord(after + 1) && g_.IsDeterminer(Lower(after + 1)) && IsWord(after + 2) &&
                 (IsUpperWord(after + 2) || g_.IsSourceNoun(Lower(after + 2)))))) {
      max_tokens = kMaxParticipleTokens;  // "D'après un sondage BVA pour Le Parisien, …"
    }
    for (size_t comma = after + 1; comma < tokens_.size() && comma < after + max_tokens;
         ++comma) {
      if (InsideQuote(tokens_[comma].span)) break;
      if (Word(comma) == ",") return comma + 1 < tokens_.size() ? comma + 1 : after;
    }
    return after;
  }

  // The named subject of the sentence when it opens it and a predicate
  // follows it before token `before`: "Amnesty International a publié …".
  std::optional<SourcePhrase> SubjectBefore(size_t before) const {
    const size_t first = TokenAtOrAfter(StatementStart());
    if (first >= before) return std::nullopt;
    auto phrase = Parse(first, before);
    if (!phrase || phrase->reference != SourcePhrase::Reference::kNamed ||
        phrase->type == "document" || !phrase->proper_name) {
      return std::nullopt;
    }
    const size_t after = TokenAtOrAfter(phrase->span.end);
    if (after >= before || !PredicateAfter(after)) return std::nullopt;
    return phrase;
  }

  // Whether a reporting verb outside quotes follows `cue` in the sentence.
  bool VerbCueAfter(const Cue& cue) const {
    return std::any_of(cues_.begin(), cues_.end(), [&](const Cue& other) {
      return other.rule.empty() && other.span.start > cue.span.end && !InsideQuote(other.span);
    });
  }

  // Whether token k is "on" before a reporting verb ("on indique", "on
  // a appris", "on ne dément pas").
  bool OnReports(size_t k) const {
    if (!IsWord(k) || Lower(k) != "on") return false;
    ++k;
    if (IsNegationStart(k)) ++k;
    std::optional<Gender> unused;
    if (IsWord(k) && g_.IsAuxiliary(Word(k), &unused)) ++k;
    return IsWord(k) && g_.LookupVerb(Word(k)) != nullptr;
  }

  // The comma opening "a appris X" or "apprend X" right before token
  // `first`, a cue of what X learned from its source; 0 when there is none.
  size_t CommaBeforeLearner(size_t first) const {
    constexpr size_t kMaxLearnerTokens = 6;  // "a appris le quotidien Le Parisien"
    auto learns = [&](size_t k) {
      const std::string_view w = Lower(k);
      return w == "appris" || w == "apprend" || w == "apprenait";
    };
    bool learned = first < tokens_.size() && learns(first);
    for (size_t k = first; k > 0 && first - k <= kMaxLearnerTokens; --k) {
      const std::string_view w = Lower(k - 1);
      if (w == ",") return learned ? k - 1 : 0;
      // "BFMTV.com": a dot inside a word ends nothing.
      const bool inside_word = w == "." && k < tokens_.size() &&
                               tokens_[k - 1].span.end == tokens_[k].span.start;
      if ((w == "." && !inside_word) || w == ";" || w == ":") return 0;
      learned = learned || learns(k - 1);
    }
    return 0;
  }

  // "Selon les explications de X", "d'après les propos recueillis par X",
  // "selon les déclarations à la presse du ministre": the words said are
  // X's. The token X's phrase starts at ("de" and "du" included: the
  // phrase reads them), or nullopt when the cue is not followed so.
  std::optional<size_t> SpeakerOfSaidWords(const Cue& cue) const {
    if (!IsSelonCue(cue)) return std::nullopt;
    const size_t noun = cue.end_token + 1;
    if (!IsWord(noun) || !g_.IsDeterminer(Lower(cue.end_token)) || !g_.IsSaidNoun(Lower(noun))) {
      return std::nullopt;
    }
    // A few words between: "à l'AFP", "recueillis", "faites mardi".
    for (size_t k = noun + 1; k < tokens_.size() && k <= noun + kMaxSaidNounModifierTokens; ++k) {
      if (IsPreposition(k)) return k;
      const std::string_view w = Lower(k);
      if (w == "par") return k + 1;
      if (!IsWord(k) && w != "'") return std::nullopt;  // ",", a quote, a number
    }
    return std::nullopt;
  }

  void LinkNonVerbal(const Cue& cue) {
    // "…, a appris Le Parisien.": the medium learned the sentence before
    // its comma; without one ("Il a appris la nouvelle."), nobody speaks.
    if (cue.rule == "fr.source.learned_by" &&
        (cue.first_token < 2 || Word(cue.first_token - 2) != ",")) {
      return;
    }
    // "le Medef, pour qui seule une augmentation … est acceptable", "Jean
    // Dupont, selon qui la crise est finie": the source is the relative's
    // antecedent, the statement the relative clause.
    if (cue.end_token < tokens_.size() && g_.IsRelativePronoun(Lower(cue.end_token))) {
      LinkRelativeCue(cue);
      return;
    }
    std::optional<SourcePhrase> phrase;
    if (cue.speaker_pronoun) {
      phrase = SourcePhrase{};
      phrase->reference = SourcePhrase::Reference::kPronoun;
      phrase->gender = *cue.speaker_pronoun;
      phrase->span = cue.span;
      phrase->name = std::string(cue.span.Of(text_));
      phrase->type = "person";
    } else if (cue.rule == "fr.source.de_source") {
      phrase = SourcePhrase{};
      phrase->span = cue.span;
      phrase->name = std::string(cue.span.Of(text_));
      phrase->type = "anonymous";
    } else if (const std::optional<size_t> speaker = SpeakerOfSaidWords(cue)) {
      // "Selon les explications à l'AFP de François Gourand, …".
      phrase = Parse(*speaker, PhraseEnd(*speaker));
    } else {
      phrase = Parse(cue.end_token, PhraseEnd(cue.end_token));
      // "Selon Le Monde, le ministre a menti": the title after the comma is
      // the statement's subject.
      if (phrase) phrase = WithoutSubjectApposition(*phrase, cue.end_token);
    }
    if (!phrase) return;
    ExtendNameToComma(&*phrase);
    ExtendDescriptionToComma(cue, &*phrase);
    ExtendParticipleApposition(&*phrase);
    if (cue.rule == "fr.source.pour") {
      const std::string& name = phrase->name;
      bool acronym = LooksLikeAcronym(name);
      // A lone capitalized word that no recognizer took for a place or a
      // date is a name ("pour Montebourg", resolved later to the full
      // name; "Pour Airbus"), not "Pour Paris" or "Pour Noël".
      bool lone_name = phrase->proper_name && name.find(' ') == std::string::npos;
      // Or a name that calls itself a body ("Pour Amnesty International",
      // "Pour Human Rights Watch"), not in a complement ("le Tour de
      // France").
      bool body_name = false;
      const size_t name_start = TokenAtOrAfter(phrase->span.start);
      for (size_t k = name_start; k < tokens_.size() && tokens_[k].span.start < phrase->span.end;
           ++k) {
        if (lone_name) {
          lone_name = !InSpans(places_, k) && !InSpans(demonyms_, k) && !InSpans(dates_, k);
        }
        body_name |= phrase->proper_name && g_.IsOrganizationWord(Lower(k)) &&
                     !(k > name_start && IsPreposition(k - 1));
      }
      // Or a name after a source noun ("Pour le syndicat Urgences de
      // France").
      bool strong = phrase->reference != SourcePhrase::Reference::kNamed ||
                    phrase->type == "person" || phrase->role || acronym || lone_name || body_name ||
                    (!phrase->head.empty() && phrase->type != "document") ||
                    (!phrase->proper_name && phrase->type != "document");
      size_t after = TokenAtOrAfter(phrase->span.end);
      // "Pour X, …", "Pour X : « … »", also after a title's rubric
      // ("France : pour X, …").
      bool comma = after < tokens_.size() && (Word(after) == "," || Word(after) == ":");
      // "Mais pour les économistes, …": after a conjunction too.
      // "Alors, pour le directeur, …", "Par ailleurs, pour …": after one
      // word or the connectors of statement_skips, and their comma.
      bool first = cue.first_token == 0 || Word(cue.first_token - 1) == ":" ||
                   (cue.first_token == 1 && g_.IsClauseOpener(Word(0))) ||
                   (cue.first_token >= 2 && Word(cue.first_token - 1) == "," &&
                    (cue.first_token == 2 || SkipStatementWords(0) >= cue.first_token - 1));
      if (!strong || !comma || !first) return;
    }
    // The statement starts after the issuer: "selon un décompte diffusé
    // mercredi par les militaires américains, …".
    if (auto issuer = IssuerOf(*phrase)) {
      // "selon les informations publiées par notre confrère X, le médecin
      // … est décédé": the title after the issuer's comma is the
      // statement's subject.
      phrase = WithoutSubjectApposition(*issuer, TokenAtOrAfter(issuer->span.start));
      if (!phrase) return;
      ExtendNameToComma(&*phrase);  // "… recueillies par AEF info, …"
    }
    auto source = Resolve(phrase, cue.rule);
    if (!source) return;
    Span statement;
    const Quote* colon_quote = nullptr;  // a quotation after the statement's colon
    size_t cue_token = cue.first_token;
    bool at_start = true;
    for (size_t k = 0; k < cue_token && at_start; ++k) {
      if (IsWord(k) || tokens_[k].kind == TokenKind::kNumber) at_start = false;
    }
    // "En 2009, selon X, le réseau comptait...": the longer side of the
    // cue is the statement.
    Span before = TrimEnd(Span{sentence_.start, cue.span.start});
    Span rest = TrimEnd(Span{phrase->span.end, sentence_.end});
    const bool comma_after = text_[phrase->span.end] == ',';
    // "Ils étaient 12 millions selon la CGT, 450 000 selon le ministère de
    // l'Intérieur": the side after runs to the next selon, whose source
    // says what is before it.
    Span rest_to_next_source = rest;
    if (const auto next = NextNonVerbalCue(cue);
        next != cues_.end() && IsSelonCue(*next) && next->span.start < rest.end &&
        next->span.start > rest.start) {
      rest_to_next_source = TrimEnd(Span{rest.start, next->span.start});
    }
    // Not when the longer side is a quote with a cue of its own ("La
    // récolte « sera affectée » selon lui, « on pourrait … », détaille-t-il"):
    // a verb cue after the phrase (the side runs to the sentence end).
    // "S, selon un arrêté, alors que …": a contrast the reporter adds after
    // the phrase closes the statement there; the cue is postposed to S.
    const bool contrast_after =
        comma_after && ContrastOpensAt(TokenAtOrAfter(phrase->span.end) + 1);
    // "S selon le parquet, qui écarte toutefois …", "S, selon des sources
    // proches du dossier, qui évoquent …": a relative clause after the
    // comma says more of the source, however long; S is the statement,
    // and the cue no incise.
    // So does a participle clause to the sentence's end: "« … », selon ce
    // communiqué de ses services, diffusé dans la nuit" (not "En 2009,
    // selon l'Insee, publié hier, le réseau …", an incise).
    const size_t after_comma = TokenAtOrAfter(phrase->span.end) + 1;
    // (Bounded: a sentence of according-to cues stays linear.)
    // Nor "Le chômage a, selon l'Insee, baissé": the participle of an
    // auxiliary before the cue.
    auto participle_to_end = [&] {
      constexpr size_t kMaxParticipleTokens = 24;
      if (IsUpperWord(after_comma) || !LooksLikeParticiple(Lower(after_comma))) return false;
      std::optional<Gender> unused;
      if (cue_token >= 2 && Word(cue_token - 1) == "," &&
          g_.IsAuxiliary(Word(cue_token - 2), &unused)) {
        return false;
      }
      for (size_t k = after_comma + 1; k <= after_comma + kMaxParticipleTokens; ++k) {
        if (EndsSentence(k)) return true;
        if (Word(k) == ",") return false;
      }
      return false;
    };
    const bool described_after =
        comma_after && after_comma < tokens_.size() && IsWord(after_comma) &&
        (g_.IsRelativePronoun(Lower(after_comma)) || participle_to_end());
    if (!at_start && rest_to_next_source.size() > before.size() + 8 && comma_after &&
        !contrast_after &&
        !described_after && last_verb_cue_start_ < rest.start) {
      at_start = true;
    }
    // "… car selon eux, il était …": a clause opens after the conjunction;
    // "S ; selon les organisateurs, 3 000": after a semicolon; "Il s'est
    // montré prudent : selon lui, « rien ne presse »": after a colon.
    if (!at_start && comma_after && cue_token > 0 &&
        (g_.IsClauseOpener(Word(cue_token - 1)) || IsQue(cue_token - 1) ||
         Word(cue_token - 1) == ";" || Word(cue_token - 1) == ":")) {
      at_start = true;
    }
    // "Le chômage a, selon l'Insee, baissé …", "Le chômage, d'après
    // l'Insee, a baissé", "En 2009, selon X, le réseau comptait …": a cue
    // between commas inside the sentence is an incise; the statement is the
    // sentence, incise inside (EVAL.md), connectors that open it excluded.
    const bool comma_before = cue_token > 0 && Word(cue_token - 1) == ",";
    // "Le vaccin reste selon lui le moyen de sortir de la crise": a pronoun
    // source inside the clause, without commas, is an incise too.
    const bool bare_pronoun_incise =
        !comma_before && !comma_after && !at_start && cue_token > 0 && IsWord(cue_token - 1) &&
        phrase->reference == SourcePhrase::Reference::kPronoun && !EndsSentenceAt(phrase->span.end);
    // "Il n'est pas impossible selon la police que l'alarme se reproduise":
    // the clause goes on after the source with its complementizer.
    const size_t after_phrase = TokenAtOrAfter(phrase->span.end);
    const bool bare_que_incise = !comma_before && !comma_after && !at_start && cue_token > 0 &&
                                 IsWord(cue_token - 1) && after_phrase < tokens_.size() &&
                                 IsQue(after_phrase);
    const bool incise = ((comma_before && comma_after && !contrast_after && !described_after) ||
                         bare_pronoun_incise ||
                         bare_que_incise) &&
                        StatementStart() < cue.span.start &&
                        !AppositionEndsSentence(phrase->span.end) &&
                        !(cue_token >= 2 && (g_.IsClauseOpener(Word(cue_token - 2)) ||
                                             IsQue(cue_token - 2)));
    // "Un porte-parole, X, cité par l'agence Reuters, a justifié …": the
    // relay named in the speaker's apposition; the verb's claim says it.
    if (incise && cue.rule == "fr.source.cite_par" && VerbCueAfter(cue)) return;
    // "a appris l'AFP auprès du parquet ce jeudi": that cue opens with the
    // participle of the auxiliary before it, a whole verb group.
    const bool opens_with_verb = cue.lemma == "auprès de";
    bool postposed = false;  // the statement is the sentence before the cue
    if (incise || (!opens_with_verb && SplitsVerbGroup(cue_token, rest))) {
      statement = TrimEnd(Span{StatementStart(), sentence_.end});
      // "… l'attaque qui, selon des médias, aurait été perpétrée …": an
      // incise right after a relative pronoun governs the relative clause,
      // with its "ce" ("ce qui, selon lui, appelle une réponse").
      if (incise && cue_token >= 2 && g_.IsRelativePronoun(Lower(cue_token - 2))) {
        const size_t relative = cue_token >= 3 && Lower(cue_token - 3) == "ce" ? cue_token - 3
                                                                                : cue_token - 2;
        statement.start = tokens_[relative].span.start;
      }
      // "…une alerte sur l'endettement de la France, aggravé selon lui par
      // les dispositifs …": a bare pronoun inside a participle clause after
      // a comma governs that clause.
      if (bare_pronoun_incise) {
        constexpr size_t kMaxClauseLead = 6;
        for (size_t k = cue_token; k > 1 && cue_token - k < kMaxClauseLead; --k) {
          if (Word(k - 1) != ",") continue;
          if (IsWord(k) && !IsUpperWord(k) && LooksLikeParticiple(Lower(k)) &&
              tokens_[k].span.start > statement.start) {
            statement.start = tokens_[k].span.start;
          }
          break;
        }
      }
      if (incise) {
        statement = BetweenNonVerbalIncises(statement, cue, phrase->span.end);
        statement = BeforeColonQuote(statement, phrase->span.end);
        // "A, selon X, B, selon Y.": two sources, each after its own
        // words; X says A.
        if (const auto next = NextNonVerbalCue(cue);
            comma_before && next != cues_.end() && CommaBeforeFinalSource(*next)) {
          statement = TrimEnd(Span{statement.start,
                                   std::max(statement.start, tokens_[cue_token - 1].span.start)});
        }
      }
      // "L'UNAPEI a dénoncé le sort de 15 000 enfants, selon son
      // estimation, …": a possessive's document inside a sentence with a
      // reporting verb is that speaker's own reckoning, no claim of its
      // own.
      // Likewise "Il a affirmé que l'instruction serait selon lui (à ses
      // yeux) plus impartiale": a bare pronoun inside a verb's content
      // repeats that verb's speaker.
      if (incise && (phrase->possessive || bare_pronoun_incise) &&
          std::any_of(cues_.begin(), cues_.end(), [&](const Cue& other) {
            return other.rule.empty() && statement.Contains(other.span);
          })) {
        return;
      }
    } else if (at_start) {
      size_t after = AfterSourceComplement(TokenAtOrAfter(phrase->span.end));
      while (after < tokens_.size() && tokens_[after].kind == TokenKind::kPunct &&
             Word(after) != "«" && Word(after) != "\"" && Word(after) != "“") {
        ++after;
      }
      after = AfterSourceApposition(after, *phrase);
      if (after >= tokens_.size()) return;
      // "De source syndicale, on indique que …": the verb's claim, whose
      // "on" stands for the source, says it.
      if (OnReports(after)) return;
      statement = TrimEnd(Span{tokens_[after].span.start, sentence_.end});
      // "Selon la police, 300 ; selon les organisateurs, 3 000": the next
      // according-to cue after a semicolon opens another source's clause.
      statement.end = SemicolonBeforeNextNonVerbalCue(cue, statement);
      // "Pour ce dernier, il s'agit d'une « confirmation », selon les mots
      // de Guillaume Roget, lequel …": the words before the comma of a
      // later "selon" or "d'après", which gives them a source of its own.
      // "Selon la police, 300 personnes ont défilé, contre 3 000 selon les
      // organisateurs": before the other source's figure.
      if (const auto next = NextNonVerbalCue(cue); next != cues_.end() && IsSelonCue(*next)) {
        // Not "…, 40 selon nos calculs": the reporter's own reckoning is
        // no other source.
        const std::string_view owner = Lower(next->end_token);
        const bool reporter = owner == "nos" || owner == "notre";
        const auto clause = FigureClauseBefore(next->first_token, /*bare=*/!reporter);
        size_t comma = next->first_token > 0 && Word(next->first_token - 1) == ","
                           ? next->first_token - 1
                           : clause ? clause->comma : 0;
        if (comma != 0 && tokens_[comma].span.start < statement.end &&
            tokens_[comma].span.start > statement.start) {
          statement = TrimEnd(Span{statement.start, tokens_[comma].span.start});
        }
      }
      // "Pour X, l'heure n'est pas aux réjouissances : « … », a-t-elle
      // commenté": a quotation after the colon that a cue of its own
      // follows is that cue's claim. One that ends the sentence stays in
      // the clause (EVAL.md).
      const Span cut = BeforeColonQuote(statement, tokens_[after].span.start);
      if (cut.end < statement.end && ColonQuoteAfter(cut.end) == nullptr) statement = cut;
    } else {
      postposed = true;
      // "de source policière": the cue's "de" is not part of the statement.
      size_t end = cue.span.start;
      size_t first = cue.first_token;
      if (first > 0 && Lower(first - 1) == "de") {
        --first;
        end = tokens_[first].span.start;
      }
      // "…, a-t-on appris de source policière", "…, apprend-on de sources
      // diplomatiques": the impersonal verb group is the reporter's, not
      // part of the statement.
      for (size_t k = first; k > 0 && first - k < 3 && IsWord(k - 1); --k) {
        if (IsImpersonalVerb(k - 1) && k >= 2 && Word(k - 2) == ",") {
          end = tokens_[k - 2].span.start;
          break;
        }
      }
      // "…, a appris BFMTV.com auprès du parquet", "…, apprend AEF info de
      // sources concordantes": the medium that learned it is no part of
      // what it learned either.
      if (const size_t comma = CommaBeforeLearner(first); comma != 0) {
        end = std::min(end, tokens_[comma].span.start);
      }
      // "… suppressions de postes (selon le syndicat).": not the bracket.
      if (first > 0 && Word(first - 1) == "(") end = tokens_[first - 1].span.start;
      // "Le coût est évalué par Bercy à 2,5 milliards", "Les victimes,
      // dénombrées par la police, sont 300": a passive figure's agent
      // inside its clause; the sentence is the statement.
      statement = cue.rule == "fr.source.estime_par"
                      ? TrimEnd(sentence_)
                      : TrimEnd(Span{OpenParenthesisBefore(first).value_or(sentence_.start), end});
      // "A, selon X, mais B, selon Y.": after another according-to phrase
      // of the sentence, what follows it.
      // The conjunction that joins the two is neither's.
      if (last_according_phrase_end_ > sentence_.start && last_according_phrase_end_ < end &&
          cue.rule != "fr.source.estime_par") {
        size_t k = TokenAtOrAfter(PastSpacesAndCommas(last_according_phrase_end_, end));
        if (k + 1 < first && IsWord(k) && g_.OpensContrast(Lower(k), IsQue(k + 1))) {
          k += IsQue(k + 1) ? 2 : 1;
        }
        k = SkipStatementWords(k);
        if (k < first && tokens_[k].span.start > statement.start) {
          statement = TrimEnd(Span{tokens_[k].span.start, end});
        }
      }
      // "300 personnes selon la police et 3 000 selon les organisateurs":
      // after another source's phrase, the figure this one gives instead.
      if (const std::optional<Span> figure = FigureAfterOtherSource(first)) {
        statement = *figure;
      } else if (AssertedClaimsCueWithin(statement)) {
        // "« … », a-t-il souligné, selon des diplomates": the cue reports
        // a claim already made; it is not a statement of its own.
        return;
      }
    }
    if (statement.empty()) return;
    if (statement.size() < 3 && !IsFigure(statement)) return;
    if (incise) last_non_verbal_incise_end_ = statement.end;
    // Only a postposed cue's figure may be followed by another source's:
    // "300 selon la police et 3 000 selon les organisateurs", not "Selon la
    // police, 300 ; selon la CGT, 3 000".
    last_non_verbal_phrase_end_ = postposed ? phrase->span.end : 0;
    last_according_phrase_end_ = phrase->span.end;
    AddClaim(ClaimType::kAccordingTo, statement, *source, cue, ClaimRuleForCue(cue.rule));
    // "Peine perdue, selon la présidente : « … »": the quotation after the
    // colon is the source's own words too, a claim of its own.
    if (!incise && !at_start) colon_quote = ColonQuoteAfter(phrase->span.end);
    if (colon_quote) {
      AddClaim(ClaimType::kDirect, colon_quote->content, *source, cue, ClaimRuleForCue(cue.rule));
    }
  }

  // The first non-verbal cue (selon, d'après, …) of the sentence starting
  // after `cue`, or cues_.end().
  std::vector<Cue>::const_iterator NextNonVerbalCue(const Cue& cue) const {
    auto next = std::upper_bound(cues_.begin(), cues_.end(), cue.span.start,
                                 [](size_t pos, const Cue& c) { return pos < c.span.start; });
    while (next != cues_.end() && next->rule.empty()) ++next;
    return next;
  }

  // Where the semicolon right before the next non-verbal cue after `cue`
  // inside `statement` is; statement.end when there is none.
  size_t SemicolonBeforeNextNonVerbalCue(const Cue& cue, Span statement) const {
    const auto next = NextNonVerbalCue(cue);
    if (next == cues_.end() || next->span.start >= statement.end || next->first_token == 0 ||
        Word(next->first_token - 1) != ";") {
      return statement.end;
    }
    return TrimEnd(Span{statement.start, tokens_[next->first_token - 1].span.start}).end;
  }

  // "… les suppressions de postes prévues (-1 200 à -1 800 selon le
  // syndicat)": a cue inside parentheses reports what they hold. Where the
  // words after the parenthesis still open before token `first` start,
  // looked for among the kMaxParenthesisTokens tokens before it (a longer
  // aside is no such figure, and a longer look would make a sentence of
  // many cues quadratic).
  std::optional<size_t> OpenParenthesisBefore(size_t first) const {
    constexpr size_t kMaxParenthesisTokens = 24;
    for (size_t k = first; k > 0 && first - k < kMaxParenthesisTokens; --k) {
      if (Word(k - 1) == ")") return std::nullopt;
      if (Word(k - 1) == "(") {
        return k < first ? std::optional<size_t>(tokens_[k].span.start) : std::nullopt;
      }
    }
    return std::nullopt;
  }

  // "Le cortège comptait 300 personnes selon la police et 3 000 selon les
  // organisateurs", "300 selon la police, 3 000 selon les syndicats", "…,
  // contre 3 000 selon la CGT": when the words between the last
  // according-to phrase of this sentence and the cue at token `first` are
  // a comma, "et" or "contre" (or a comma and one of the two), then a
  // quantity and at most a few words (no verb, no quote), that figure;
  // none otherwise.
  std::optional<Span> FigureAfterOtherSource(size_t first) const {
    constexpr size_t kMaxFigureTokens = 8;
    const size_t end = tokens_[first].span.start;
    // "Selon la police, 300 ont défilé, contre 3 000 selon les
    // organisateurs": after a source that opened the sentence too.
    const bool other_source_before =
        last_according_phrase_end_ > sentence_.start && last_according_phrase_end_ < end;
    if (const auto clause = FigureClauseBefore(first, other_source_before)) {
      return TrimEnd(Span{tokens_[clause->figure].span.start, end});
    }
    if (last_non_verbal_phrase_end_ <= sentence_.start || last_non_verbal_phrase_end_ >= end) {
      return std::nullopt;
    }
    const size_t after_phrase = TokenAtOrAfter(last_non_verbal_phrase_end_);
    size_t from = after_phrase;
    if (from < first && Word(from) == ",") ++from;
    if (from < first && (Lower(from) == "et" || Lower(from) == "contre")) ++from;
    if (from == after_phrase) return std::nullopt;
    if (from >= first || first - from > kMaxFigureTokens || !InSpans(quantities_, from)) {
      return std::nullopt;
    }
    for (size_t i = from; i < first; ++i) {
      if (IsQue(i) || QuoteOpeningAt(i) || (IsWord(i) && VerbAt(i))) return std::nullopt;
    }
    return TrimEnd(Span{tokens_[from].span.start, end});
  }

  // "…, contre 3 000 selon les organisateurs": the comma before "contre"
  // and a figure of a few words (no verb, no quote) right before the cue
  // at token `first`. With `bare`, when another source of the sentence
  // gave its own figure first, the figure may follow the comma alone
  // ("Selon les organisateurs, ils étaient 15 000, 4 000 selon la police").
  struct FigureClause {
    size_t comma;   // the comma's token
    size_t figure;  // the figure's first token
  };
  std::optional<FigureClause> FigureClauseBefore(size_t first, bool bare = false) const {
    constexpr size_t kMaxFigureTokens = 8;
    for (size_t k = first; k-- > 0 && first - k <= kMaxFigureTokens + 2;) {
      if (Word(k) != ",") continue;
      const size_t figure = Lower(k + 1) == "contre" ? k + 2 : k + 1;
      if (figure >= first || (figure == k + 1 && !bare) || !InSpans(quantities_, figure)) {
        return std::nullopt;
      }
      for (size_t i = figure; i < first; ++i) {
        if (IsQue(i) || QuoteOpeningAt(i) || (IsWord(i) && VerbAt(i))) return std::nullopt;
      }
      return FigureClause{k, figure};
    }
    return std::nullopt;
  }

  // Whether `span` is a number alone ("12", "3 000"): a figure is a
  // statement however short.
  bool IsFigure(Span span) const {
    const size_t k = TokenAtOrAfter(span.start);
    return k < tokens_.size() && tokens_[k].kind == TokenKind::kNumber &&
           tokens_[k].span.end >= span.end;
  }

  // "A, selon X, B, selon Y, C": an incise's statement ends before the
  // comma of the sentence's next non-verbal incise, and starts after the
  // previous one's statement (at what follows its own phrase, `phrase_end`,
  // when nothing is left before it). So a sentence of many stays linear in
  // time and output: each ran from the sentence's start to its end (36 MB
  // of JSON for 35 kB of text).
  Span BetweenNonVerbalIncises(Span statement, const Cue& cue, size_t phrase_end) const {
    if (last_non_verbal_incise_end_ > sentence_.start &&
        last_non_verbal_incise_end_ <= cue.span.start) {
      size_t from = PastSpacesAndCommas(std::max(statement.start, last_non_verbal_incise_end_),
                                        cue.span.start);
      if (from >= cue.span.start) from = PastSpacesAndCommas(phrase_end, sentence_.end);
      statement.start = from;
    }
    // The next non-verbal cue only: the scans of a sentence's incises then
    // add up to one pass over its cues.
    const auto next = NextNonVerbalCue(cue);
    if (next != cues_.end() && next->span.start < statement.end && next->first_token > 0 &&
        Word(next->first_token - 1) == ",") {
      statement.end = tokens_[next->first_token - 1].span.start;
    }
    return TrimEnd(Span{statement.start, std::max(statement.start, statement.end)});
  }

  // Whether a description opens at token k and ends the sentence, or
  // runs to a colon: a determiner, a noun and at most two more words, a
  // complement with "de", then words with no verb, quote or relative
  // ("…, estime Paul Roux, le cogérant de la ferme.": the speaker's
  // apposition, whatever its noun; not "…, appuie-t-il, le français
  // recule": no complement).
  bool DescriptionEndsSentence(size_t k) const {
    constexpr size_t kMaxDescriptionTokens = 15;
    constexpr size_t kMaxWordsBeforeComplement = 3;
    if (k >= tokens_.size() || !IsWord(k) || !g_.IsDeterminer(Lower(k))) return false;
    bool complement = false;
    for (size_t j = k + 1; j < tokens_.size() && j <= k + kMaxDescriptionTokens; ++j) {
      if (EndsSentence(j) || Word(j) == ":") return complement;
      const std::string_view w = Lower(j);
      if (!IsWord(j) || VerbAt(j) || w == "que" || w == "qu'" || w == "qui" || w == "dont") {
        return false;
      }
      if (j > k + 1 && j <= k + 1 + kMaxWordsBeforeComplement && IsPreposition(j)) {
        complement = true;
      }
    }
    return false;
  }

  // The colon at most a few words and numbers after token k, no comma or
  // quote mark between; k when there is none.
  size_t SkipWordsToColon(size_t k) const {
    constexpr size_t kMaxWordsBeforeColon = 8;
    for (size_t j = k; j < tokens_.size() && j <= k + kMaxWordsBeforeColon; ++j) {
      if (Word(j) == ":") return j;
      if (!IsWord(j) && tokens_[j].kind != TokenKind::kNumber && Word(j) != "-") return k;
    }
    return k;
  }

  // The quotation after a colon right after `pos` that ends the sentence,
  // else null.
  const Quote* ColonQuoteAfter(size_t pos) const {
    const size_t colon = TokenAtOrAfter(pos);
    if (colon + 1 >= tokens_.size() || Word(colon) != ":") return nullptr;
    const Quote* quote = QuoteOpeningAt(colon + 1);
    return quote && RestOfSentence(*quote).empty() ? quote : nullptr;
  }

  // Whether token k opens a contrast or a concession, the reporter's
  // own clause: "alors que", "tandis que", "mais", "bien que".
  bool ContrastOpensAt(size_t k) const {
    if (k + 1 >= tokens_.size() || !IsWord(k)) return false;
    return g_.OpensContrast(Lower(k), IsQue(k + 1));
  }

  // "un fait qui, selon elle, fait toute la différence : « … »": the
  // quotation a colon opens after the incise's clause is a claim of its
  // own; the clause ends before the colon.
  // The colons are listed once per sentence: reading the tokens from each
  // source to its statement's end was quadratic in a sentence of
  // according-to cues ("De source policière, A. De source …", where "A."
  // is read as an initial and never ends the sentence).
  Span BeforeColonQuote(Span statement, size_t phrase_end) const {
    const size_t first = TokenAtOrAfter(phrase_end);
    auto colon = std::lower_bound(colon_quotes_.begin(), colon_quotes_.end(), first);
    if (colon != colon_quotes_.end() && tokens_[*colon].span.start < statement.end) {
      return TrimEnd(Span{statement.start, tokens_[*colon].span.start});
    }
    return statement;
  }

  // "La réforme est selon lui nécessaire", "aurait selon la police coûté
  // 3 millions": a cue right after an auxiliary, with no commas, sits
  // inside the verb group; what follows it finishes the clause.
  bool SplitsVerbGroup(size_t cue_token, Span rest) const {
    if (cue_token == 0 || rest.empty() || text_[rest.start] == ',') return false;
    std::optional<Gender> unused;
    const std::string_view before = Word(cue_token - 1);
    if (!g_.IsAuxiliary(before, &unused) && !g_.IsReflexiveAuxiliary(before)) return false;
    const size_t next = TokenAtOrAfter(rest.start);
    return next < tokens_.size() && IsWord(next) && tokens_[next].span.start < rest.end;
  }

  const ClaimLinker& linker_;
  const SourceGrammar& g_;
  bool relative_speaker_ = false;  // Resolve is reading a relative clause's speaker
  std::string_view text_;
  const std::vector<Span>& paragraphs_;
  const std::vector<Quote>& quotes_;
  const std::vector<Mention>& mentions_;
  struct Quoted {
    size_t paragraph;
    ClaimSource source;
  };
  struct ContextQuote {
    Quote quote;
    ClaimSource source;
  };

  Span sentence_;
  Span previous_sentence_;  // empty before the first sentence
  std::vector<size_t> sentence_starts_;  // of every sentence so far, in order
  size_t last_verb_cue_start_ = 0;  // where the sentence's last verb cue starts, or 0
  // Where the statement of the last non-verbal incise ends ("A, selon X,
  // B" before ", selon Y, C"); from an earlier sentence when not past this
  // sentence's start.
  size_t last_non_verbal_incise_end_ = 0;
  // Where the source phrase of the sentence's last postposed according-to
  // claim ends ("300 selon la police"), for FigureAfterOtherSource; 0 after
  // any other according-to claim.
  size_t last_non_verbal_phrase_end_ = 0;
  // Where the source phrase of the last according-to claim ends; from an
  // earlier sentence when not past this sentence's start.
  size_t last_according_phrase_end_ = 0;
  size_t previous_paragraph_ = 0;
  size_t paragraph_ = 0;
  std::vector<Cue> cues_;       // the sentence's cues, in text order
  static constexpr size_t kNoCue = static_cast<size_t>(-1);
  std::vector<size_t> previous_verb_cue_;  // per cue: the last verb cue before, no gerund
  std::vector<size_t> next_gerund_cue_;    // per cue: the first cutting gerund from it
  // Filled on demand by CutBy() and FirstCutFrom(), for this sentence.
  static constexpr size_t kUnknownCut = static_cast<size_t>(-2);
  static constexpr size_t kNoCut = static_cast<size_t>(-1);
  mutable std::vector<size_t> cut_by_;
  mutable std::vector<size_t> first_cut_from_;
  std::vector<size_t> verb_cues_;         // indexes of the verb cues outside quotes
  std::vector<size_t> colon_quotes_;      // tokens ":" before a quote's opening mark
  // Claimed(): the union of the attributed claims' spans (start -> end,
  // disjoint), the empty ones, and how many claims they hold.
  mutable std::map<size_t, size_t> covered_;
  mutable std::set<size_t> empty_claims_;
  mutable size_t claims_covered_ = 0;
  // Country and city mentions by start, and the longest one's bytes.
  std::vector<const Mention*> towns_and_countries_;
  size_t longest_town_or_country_ = 0;
  size_t sentence_claims_ = 0;  // index of the sentence's first claim
  // AssertedClaimsCueWithin's index: the cues of the sentence's claims
  // before claim cue_claims_from_ (not the conditional ones), start -> end.
  mutable std::multimap<size_t, size_t> sentence_claim_cues_;
  mutable size_t cue_claims_from_ = 0;
  std::vector<Token> tokens_;
  // tokens_ in lower case: views of the text, or of lower_copies_ (a deque,
  // so that adding a copy moves none of the others).
  std::vector<std::string_view> lower_;
  std::deque<std::string> lower_copies_;
  std::vector<Span> dates_, places_, demonyms_, quantities_;  // mention spans, by start
  std::vector<Span> durations_;                  // the dates that are durations
  struct Nation {
    Span span;
    std::string country;
  };
  std::vector<Nation> nations_;  // countries and demonyms, by start
  std::vector<Entity> entities_;
  // SpelledOutAsCommonNoun's answers, by acronym.
  mutable std::map<std::string, bool, std::less<>> common_acronyms_;
  std::optional<Quoted> last_quoted_;  // the last claim that quoted someone
  const Quote* last_incise_quote_ = nullptr;  // the last quote claimed by an incise
  struct Pending {
    size_t claim;   // index in out_.claims
    Entity entity;  // as the phrase gave it
  };
  std::optional<Quoted> last_speaker_;  // of the last claim with a cue
  std::optional<Entity> unresolved_;  // the last Resolve() found no one known
  std::vector<Pending> pending_;
  // Pronouns with no one named before them (ForwardPronoun), and whom
  // each means, once known, by index.
  std::vector<ForwardReference> forward_pronouns_;
  std::vector<std::optional<ClaimSource>> forward_sources_;
  // Forward pronouns no one has resolved yet, in text order.
  std::deque<size_t> open_masculine_;
  std::deque<size_t> open_feminine_;
  std::vector<ContextQuote> context_quotes_;
  LinkedClaims out_;
};

ClaimLinker::ClaimLinker(const RuleSet* cues, SourceGrammar grammar,
                         std::map<std::string, double, std::less<>> confidence)
    : cues_(cues), grammar_(std::move(grammar)), confidence_(std::move(confidence)) {}

Result<ClaimLinker> ClaimLinker::Create(const RuleBook& rules) {
  auto grammar = SourceGrammar::Create(rules);
  if (!grammar.ok()) return grammar.status();
  const auto* table = rules.Lexicon("claim_confidence");
  if (!table) return InvalidArgument("source rules: lexicon 'claim_confidence' is missing");
  std::map<std::string, double, std::less<>> confidence;
  for (const auto& [rule, value] : *table) {
    char* end = nullptr;
    double v = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || *end != '\0' || v < 0 || v > 1) {
      return InvalidArgument("source rules: claim_confidence '" + rule +
                             "' must be a number in [0, 1], not '" + value + "'");
    }
    confidence[rule] = v;
  }
  return ClaimLinker(rules.Dimension("source"), std::move(grammar).value(),
                     std::move(confidence));
}

double ClaimLinker::Confidence(std::string_view rule) const {
  auto it = confidence_.find(rule);
  return it == confidence_.end() ? 0.5 : it->second;
}

LinkedClaims ClaimLinker::Link(std::string_view text, const Segmentation& segmentation,
                               const std::vector<Mention>& mentions) const {
  std::vector<Quote> quotes = FindQuotes(text, segmentation.paragraphs);
  LinkPass pass(*this, text, segmentation.paragraphs, quotes, mentions);
  std::vector<Span> sentences;
  size_t paragraph = 0;
  const auto& paragraphs = segmentation.paragraphs;
  for (const Sentence& s : segmentation.sentences) {
    while (paragraph + 1 < paragraphs.size() && paragraphs[paragraph].end <= s.span.start) {
      ++paragraph;
    }
    pass.Sentence(s.span, paragraph);
    sentences.push_back(s.span);
  }
  pass.ResolveLater();
  pass.ContextQuotes();
  pass.EndAtPostposedCues();
  pass.DropNestedRepeats();
  pass.Unattributed(sentences);
  return pass.Take();
}

}  // namespace claimx
