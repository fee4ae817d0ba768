#include "extractor/source.h"

#include <algorithm>
#include <unordered_set>

#include <utf8proc.h>

namespace claimx {

namespace {

constexpr size_t kMaxNameWords = 8;
constexpr size_t kMaxAdjectives = 3;
constexpr size_t kMaxComplementWords = 3;
// Places listed in a complement ("des régions Aquitaine, Franche-Comté et
// Picardie").
constexpr size_t kMaxListedPlaces = 8;
constexpr size_t kMaxTitles = 4;
constexpr size_t kMaxParenthesisWords = 6;
constexpr size_t kMaxNameTailWords = 5;  // "générale du travail" before "(CGT)"
// "un responsable de l'Organisation du traité de l'Atlantique Nord"
constexpr size_t kMaxComplements = 4;
// "de 3 400 habitants": the number tokens of a count.
constexpr size_t kMaxCountTokens = 3;

bool IsUpperStart(std::string_view word) {
  if (word.empty()) return false;
  utf8proc_int32_t cp = 0;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                   static_cast<utf8proc_ssize_t>(word.size()), &cp);
  return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

// A word that may go on a name: capitalized, or glued to the Arabic
// article ("Nasser al-Khelaïfi").
bool IsNameWord(std::string_view word) {
  return IsUpperStart(word) || ArabicArticleName(word);
}

// "CNRS", "G20", "LR": two or more capitals and digits, nothing else.
bool IsAllCapitals(std::string_view w) {
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         });
}

// "2", "21", "100": one to three digits, no separator (not a year, not a
// figure with decimals).
bool IsShortNumber(std::string_view w) {
  return !w.empty() && w.size() <= 3 &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "LR", "EELV", "CFDT": a short acronym, as parties and unions are written
// before or after a title.
bool IsPartyAcronym(std::string_view w) { return w.size() <= 5 && IsAllCapitals(w); }

// "e", "er", "re", "ème", "è": what makes an ordinal of the digits it is
// glued to ("11e", "1er").
bool IsOrdinalSuffix(std::string_view lower) {
  return lower == "e" || lower == "er" || lower == "re" || lower == "ère" || lower == "ème" ||
         lower == "è";
}

// "PS", "N-VA", "CD&V": capitals (digits after the first), with hyphens or
// ampersands inside, as a party is abbreviated in parentheses after a name.
bool IsAffiliationAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 5 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  const char last = w.back();
  if (!((last >= 'A' && last <= 'Z') || (last >= '0' && last <= '9'))) return false;
  return std::all_of(w.begin(), w.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '&';
  });
}

// A lower-case particle inside a name ("de Villepin", "d'Estaing", "von
// der Leyen", "bin Salman", "Le Pen", "Di Maio").
bool IsNameParticle(std::string_view lower) {
  static constexpr std::string_view kParticles[] = {"de", "d'", "du", "von", "van", "ben", "bin",
                                                    "el", "al", "le", "la", "di",  "da",  "del"};
  return std::find(std::begin(kParticles), std::end(kParticles), lower) != std::end(kParticles);
}

// Whether the letters of `acronym` are, in order, initials of the words
// of `words`, the first one the first word's: "PNUE" of "Programme des
// Nations unies pour l'environnement", "HCR" of "Haut Commissariat des
// Nations unies pour les réfugiés".
bool AcronymOf(std::string_view acronym, std::string_view words) {
  std::string initials;
  bool at_start = true;
  for (char c : words) {
    const bool separator = c == ' ' || c == '\'' || c == '-';
    if (at_start && !separator) {
      initials += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    at_start = separator;
  }
  if (acronym.empty() || initials.empty()) return false;
  size_t i = 0;
  for (char c : acronym) {
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    if (i == 0 && initials[0] != letter) return false;
    while (i < initials.size() && initials[i] != letter) ++i;
    if (i == initials.size()) return false;
    ++i;
  }
  return true;
}

// The articles and demonstratives a source's name leaves out.
bool IsArticle(std::string_view word) {
  static constexpr std::string_view kArticles[] = {
      "le", "la", "l'", "les", "un", "une", "des", "du", "ce", "cet", "cette", "ces",
      "son", "sa", "ses", "leur", "leurs"};
  return std::find(std::begin(kArticles), std::end(kArticles), word) != std::end(kArticles);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `word` with its first letter in upper case ("front" -> "Front", "état"
// -> "État").
std::string Capitalized(std::string word) {
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()), word.size(), &cp);
  if (n <= 0) return word;
  utf8proc_uint8_t upper[4];
  const utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), upper);
  word.replace(0, n, reinterpret_cast<const char*>(upper), m);
  return word;
}

std::string Underscores(std::string lemma) {
  for (char& c : lemma) {
    if (c == '_') c = ' ';
  }
  return lemma;
}

void Join(std::string* out, std::string_view sep, std::string_view part) {
  if (!out->empty()) *out += sep;
  *out += part;
}

// The prefix of a former holder's title: "l'ex-président".
constexpr std::string_view kFormer = "ex-";

// Reads the phrase token by token; keeps the position and what it saw.
class PhraseReader {
 public:
  // `lower`: the tokens already folded, or null.
  PhraseReader(std::string_view text, const std::vector<Token>& tokens,
               size_t first, size_t limit, const std::vector<std::string_view>* lower)
      : text_(text), tokens_(tokens), lower_(lower), i_(first),
        limit_(std::min(limit, tokens.size())) {
    if (lower_ == nullptr) own_.resize(limit_);
  }

  bool done() const { return i_ >= limit_; }
  size_t pos() const { return i_; }
  void Seek(size_t i) { i_ = i; }
  void Next(size_t n = 1) { i_ += n; }
  std::string_view Word(size_t ahead = 0) const {
    return i_ + ahead < limit_ ? tokens_[i_ + ahead].span.Of(text_) : std::string_view();
  }
  // A view into the caller's folded words, or into the reader's own, each
  // folded when first read: no copy per look (a phrase reads its words
  // several times over).
  std::string_view Lower(size_t ahead = 0) const {
    const size_t i = i_ + ahead;
    if (i >= limit_) return {};
    if (lower_) return (*lower_)[i];
    if (!own_[i]) own_[i] = LowerWord(tokens_[i].span.Of(text_));
    return *own_[i];
  }
  bool IsNumber(size_t ahead = 0) const {
    return i_ + ahead < limit_ && tokens_[i_ + ahead].kind == TokenKind::kNumber;
  }
  bool IsWord(size_t ahead = 0) const {
    return i_ + ahead < limit_ && tokens_[i_ + ahead].kind == TokenKind::kWord;
  }
  const Token& TokenAt(size_t ahead = 0) const { return tokens_[i_ + ahead]; }
  // Two tokens with nothing between them ("M" ".").
  bool Glued(size_t ahead) const {
    return i_ + ahead + 1 < limit_ &&
           tokens_[i_ + ahead].span.end == tokens_[i_ + ahead + 1].span.start;
  }
  size_t End(size_t last) const { return tokens_[last].span.end; }
  size_t Start(size_t index) const { return tokens_[index].span.start; }
  std::string_view Text(size_t from, size_t to_exclusive) const {
    return Span{tokens_[from].span.start, tokens_[to_exclusive - 1].span.end}.Of(text_);
  }

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<std::string_view>* lower_;
  // Without `lower_`: the words folded so far, by token index.
  mutable std::vector<std::optional<std::string>> own_;
  size_t i_;
  size_t limit_;
};

// Capitalized words in quote marks at the reader's position ("« Vivre
// ensemble »", "\"TER21\""): the offset of the closing mark, within
// `max_tokens`, else 0. Inside, words and numbers; with `joiners`, also a
// lone apostrophe or hyphen.
size_t QuotedCapitalizedEnd(const PhraseReader& r, size_t max_tokens, bool joiners) {
  const std::string_view open = r.Word();
  if (open != "\"" && open != "«" && open != "“") return 0;
  if (!r.IsWord(1) || !IsUpperStart(r.Word(1))) return 0;
  for (size_t k = 2; k <= max_tokens; ++k) {
    const std::string_view w = r.Word(k);
    if (w == "\"" || w == "»" || w == "”") return k;
    if (!r.IsWord(k) && !r.IsNumber(k) && !(joiners && (w == "'" || w == "-"))) return 0;
  }
  return 0;
}

}  // namespace

std::string LowerWord(std::string_view word) { return LexiconKey(word); }

Gender GenderOf(std::string_view code) {
  if (code == "m") return Gender::kMasculine;
  if (code == "f") return Gender::kFeminine;
  if (code == "p") return Gender::kPlural;
  return Gender::kUnknown;
}

bool ArabicArticleName(std::string_view word) {
  return word.size() > 3 && (word.substr(0, 3) == "al-" || word.substr(0, 3) == "el-") &&
         IsUpperStart(word.substr(3));
}

bool LooksLikeParticiple(std::string_view lower) {
  return EndsWith(lower, "é") || EndsWith(lower, "ée") || EndsWith(lower, "és") ||
         EndsWith(lower, "ées");
}

// "entendaient", "savait": an imperfect's ending, which no adjective has
// but those in -fait and -trait ("satisfait", "abstrait").
bool LooksLikeImperfect(std::string_view lower) {
  constexpr size_t kMinPlural = 7, kMinSingular = 6;  // not "taient", "lait"
  return (lower.size() >= kMinPlural && EndsWith(lower, "aient")) ||
         (lower.size() >= kMinSingular && EndsWith(lower, "ait") && !EndsWith(lower, "fait") &&
          !EndsWith(lower, "trait"));
}

namespace {

// "démissionnera", "partiront": a verb in the future, which no phrase's
// modifier is ("Le maire démissionnera, affirme Sud Ouest").
bool LooksLikeFuture(std::string_view lower) {
  constexpr size_t kMinLength = 6;  // not "sera", "ira", "aura"
  if (lower.size() < kMinLength) return false;
  for (std::string_view ending : {"era", "ira", "eront", "iront"}) {
    if (EndsWith(lower, ending)) return true;
  }
  return false;
}

}  // namespace

bool LooksLikeUParticiple(std::string_view lower) {
  constexpr size_t kMinLength = 4;
  if (lower.size() < kMinLength) return false;
  for (std::string_view ending : {"u", "ue", "us", "ues"}) {
    if (lower.size() > ending.size() && EndsWith(lower, ending)) return true;
  }
  return false;
}

namespace {

// "a b": two words as one lexicon key.
std::string JoinWords(std::string_view a, std::string_view b) {
  std::string joined;
  joined.reserve(a.size() + 1 + b.size());
  joined.append(a).append(1, ' ').append(b);
  return joined;
}

// Whether `word`, folded, may start as a key the gate holds: asked of the
// word as written, before any folding, when its first four bytes (or all
// of a shorter word) are ASCII. Folding changes the first three only by
// case, which the gate does not see (word_gate.h reads bytes & 31): no
// combining mark follows them to compose with, and the word stays three
// bytes or more if it was. Other words may always.
bool MayFoldToGated(const WordStartGate& gate, std::string_view word) {
  for (size_t i = 0; i < word.size() && i < 4; ++i) {
    if (static_cast<unsigned char>(word[i]) >= 0x80) return true;
  }
  return gate.MayStart(word);
}

// A word as a lexicon key: itself when already folded, else a folded copy.
class FoldedKey {
 public:
  explicit FoldedKey(std::string_view word) {
    if (IsLatin1LexiconKey(word)) {
      view_ = word;
    } else {
      copy_ = LexiconKey(word);
      view_ = copy_;
    }
  }
  FoldedKey(const FoldedKey&) = delete;
  FoldedKey& operator=(const FoldedKey&) = delete;
  std::string_view view() const { return view_; }

 private:
  std::string copy_;
  std::string_view view_;
};

}  // namespace

Result<SourceGrammar> SourceGrammar::Create(const RuleBook& rules) {
  SourceGrammar g;
  auto load = [&](std::string_view name, auto* out) -> Status {
    const auto* lexicon = rules.Lexicon(name);
    if (!lexicon) {
      return InvalidArgument("source rules: lexicon '" + std::string(name) +
                             "' is missing from rules/fr/source.yaml");
    }
    out->insert(lexicon->begin(), lexicon->end());
    return Status::Ok();
  };
  std::map<std::string, std::string, std::less<>> lemmas, forms;  // sorted: one lemma order
  CLAIMX_RETURN_IF_ERROR(load("reporting_verbs", &lemmas));
  CLAIMX_RETURN_IF_ERROR(load("reporting_verb_forms", &forms));
  CLAIMX_RETURN_IF_ERROR(load("auxiliaries", &g.auxiliaries_));
  CLAIMX_RETURN_IF_ERROR(load("inverted_pronouns", &g.inverted_pronouns_));
  CLAIMX_RETURN_IF_ERROR(load("verb_blockers", &g.verb_blockers_));
  CLAIMX_RETURN_IF_ERROR(load("determiners", &g.determiners_));
  for (const auto& [determiner, unused] : g.determiners_) g.determiner_gate_.Add(determiner);
  // numbers.yaml's, which the quantity recognizer requires; a source.yaml
  // loaded alone (its tests) counts with digits only.
  if (const auto* number_words = rules.Lexicon("number_words")) {
    g.number_words_.insert(number_words->begin(), number_words->end());
  }
  CLAIMX_RETURN_IF_ERROR(load("titles", &g.titles_));
  CLAIMX_RETURN_IF_ERROR(load("title_prefixes", &g.title_prefixes_));
  for (const auto& [prefix, unused] : g.title_prefixes_) {
    // FindTitle() tries them only on hyphenated words.
    if (prefix.size() < 2 || prefix.back() != '-') {
      return InvalidArgument("source rules: title_prefixes: '" + prefix +
                             "' does not end with a hyphen");
    }
  }
  // IsTitle()'s gate holds each title, its hyphenated spelling (FindTitle()
  // also looks a hyphenated word up with spaces) and its form without a dot.
  for (const auto& [title, gender] : g.titles_) {
    if (const size_t space = title.find(' '); space != std::string::npos) {
      g.title_first_words_.emplace(title.substr(0, space), "");
    }
    std::string hyphenated = title;
    std::replace(hyphenated.begin(), hyphenated.end(), ' ', '-');
    g.title_gate_.Add(title);
    g.title_gate_.Add(hyphenated);
    g.title_gate_.Add("ex-" + title);
    for (const auto& [prefix, unused] : g.title_prefixes_) g.title_gate_.Add(prefix + title);
    if (!title.empty() && title.back() == '.') {
      const std::string without_dot = title.substr(0, title.size() - 1);
      g.title_abbreviations_.emplace(without_dot, "");
      g.title_gate_.Add(without_dot);
    }
  }
  CLAIMX_RETURN_IF_ERROR(load("source_nouns", &g.source_nouns_));
  CLAIMX_RETURN_IF_ERROR(load("prenominal_adjectives", &g.prenominal_adjectives_));
  CLAIMX_RETURN_IF_ERROR(load("organization_words", &g.organization_words_));
  CLAIMX_RETURN_IF_ERROR(load("organization_names", &g.organization_names_));
  for (const auto& [name, type] : g.organization_names_) {
    if (type != "organization" && type != "government" && type != "media") {
      return InvalidArgument("source rules: organization_names: '" + name + "' is '" + type +
                             "', not organization, government or media");
    }
    // An upper bound of its length in tokens: the tokenizer may cut at each
    // space, after each apostrophe and on both sides of each hyphen.
    const size_t tokens = 1 + std::count(name.begin(), name.end(), ' ') +
                          std::count(name.begin(), name.end(), '\'') +
                          std::count(name.begin(), name.end(), '-') * 2;
    g.max_organization_words_ = std::max(g.max_organization_words_, tokens);
    // The first word as a name writes it: the lookup of every capitalized
    // word of a phrase then folds nothing.
    g.organization_first_words_.emplace(Capitalized(name.substr(0, name.find_first_of(" '-"))),
                                        "");
  }
  CLAIMX_RETURN_IF_ERROR(load("phrase_stops", &g.phrase_stops_));
  CLAIMX_RETURN_IF_ERROR(load("pronouns", &g.pronouns_));
  CLAIMX_RETURN_IF_ERROR(load("latest_pronouns", &g.latest_pronouns_));
  CLAIMX_RETURN_IF_ERROR(load("pair_pronouns", &g.pair_pronouns_));
  CLAIMX_RETURN_IF_ERROR(load("statement_skips", &g.statement_skips_));
  CLAIMX_RETURN_IF_ERROR(load("speech_settings", &g.speech_settings_));
  for (const auto& [key, unused] : g.speech_settings_) g.sorted_speech_settings_.push_back(key);
  std::sort(g.sorted_speech_settings_.begin(), g.sorted_speech_settings_.end());
  CLAIMX_RETURN_IF_ERROR(load("subject_clitics", &g.subject_clitics_));
  CLAIMX_RETURN_IF_ERROR(load("reflexive_auxiliaries", &g.reflexive_auxiliaries_));
  CLAIMX_RETURN_IF_ERROR(load("modal_verbs", &g.modal_verbs_));
  CLAIMX_RETURN_IF_ERROR(load("time_nouns", &g.time_nouns_));
  CLAIMX_RETURN_IF_ERROR(load("clause_openers", &g.clause_openers_));
  CLAIMX_RETURN_IF_ERROR(load("first_names", &g.first_names_));
  CLAIMX_RETURN_IF_ERROR(load("member_titles", &g.member_titles_));
  CLAIMX_RETURN_IF_ERROR(load("speech_nouns", &g.speech_nouns_));
  CLAIMX_RETURN_IF_ERROR(load("prepositions", &g.prepositions_));
  CLAIMX_RETURN_IF_ERROR(load("clause_words", &g.clause_words_));
  CLAIMX_RETURN_IF_ERROR(load("circumstance_prepositions", &g.circumstance_prepositions_));
  CLAIMX_RETURN_IF_ERROR(load("occasion_prepositions", &g.occasion_prepositions_));
  CLAIMX_RETURN_IF_ERROR(load("demonym_endings", &g.demonym_endings_));
  CLAIMX_RETURN_IF_ERROR(load("relative_openers", &g.relative_openers_));
  CLAIMX_RETURN_IF_ERROR(load("relative_pronouns", &g.relative_pronouns_));
  CLAIMX_RETURN_IF_ERROR(load("emphatic_pronouns", &g.emphatic_pronouns_));
  CLAIMX_RETURN_IF_ERROR(load("impersonal_quote_starts", &g.impersonal_quote_starts_));
  CLAIMX_RETURN_IF_ERROR(load("news_nouns", &g.news_nouns_));
  CLAIMX_RETURN_IF_ERROR(load("said_nouns", &g.said_nouns_));
  CLAIMX_RETURN_IF_ERROR(load("appointment_words", &g.appointment_words_));
  CLAIMX_RETURN_IF_ERROR(load("opening_subordinators", &g.opening_subordinators_));
  CLAIMX_RETURN_IF_ERROR(load("que_conjunction_heads", &g.que_conjunction_heads_));
  // A lexicon whose values are "" or `other`.
  auto only_values = [](std::string_view name, const Words& words,
                        std::string_view other) -> Status {
    for (const auto& [key, value] : words) {
      if (!value.empty() && value != other) {
        return InvalidArgument("source rules: " + std::string(name) + ": '" + key + "' is '" +
                               value + "', not \"\" or \"" + std::string(other) + "\"");
      }
    }
    return Status::Ok();
  };
  // A lexicon each of whose entries `ok(key, value)` accepts, else an error
  // naming the lexicon, the key and `why` not.
  auto every_key = [](std::string_view name, const Words& words, auto ok,
                      std::string_view why) -> Status {
    for (const auto& [key, value] : words) {
      if (!ok(key, value)) {
        return InvalidArgument("source rules: " + std::string(name) + ": '" + key + "' " +
                               std::string(why));
      }
    }
    return Status::Ok();
  };
  CLAIMX_RETURN_IF_ERROR(load("anaphoric_heads", &g.anaphoric_heads_));
  CLAIMX_RETURN_IF_ERROR(only_values("anaphoric_heads", g.anaphoric_heads_, "body"));
  CLAIMX_RETURN_IF_ERROR(only_values("occasion_prepositions", g.occasion_prepositions_, "time"));
  CLAIMX_RETURN_IF_ERROR(load("topic_verbs", &g.topic_verbs_));
  CLAIMX_RETURN_IF_ERROR(every_key(
      "topic_verbs", g.topic_verbs_,
      [](const std::string&, const std::string& value) {
        return value.empty() || value == "figure" || value == "infinitive";
      },
      "is neither \"\", \"figure\" nor \"infinitive\""));
  CLAIMX_RETURN_IF_ERROR(load("continuation_verbs", &g.continuation_verbs_));
  CLAIMX_RETURN_IF_ERROR(load("unspoken_reflexives", &g.unspoken_reflexives_));
  CLAIMX_RETURN_IF_ERROR(load("negated_speech_verbs", &g.negated_speech_verbs_));
  CLAIMX_RETURN_IF_ERROR(only_values("negated_speech_verbs", g.negated_speech_verbs_, "only"));
  CLAIMX_RETURN_IF_ERROR(load("impersonal_reflexives", &g.impersonal_reflexives_));
  CLAIMX_RETURN_IF_ERROR(load("etre_participles", &g.etre_participles_));
  CLAIMX_RETURN_IF_ERROR(load("copular_verbs", &g.copular_verbs_));
  CLAIMX_RETURN_IF_ERROR(load("assertive_attributes", &g.assertive_attributes_));
  CLAIMX_RETURN_IF_ERROR(load("intensifiers", &g.intensifiers_));
  CLAIMX_RETURN_IF_ERROR(load("unspoken_objects", &g.unspoken_objects_));
  CLAIMX_RETURN_IF_ERROR(only_values("copular_verbs", g.copular_verbs_, "reflexive"));
  CLAIMX_RETURN_IF_ERROR(load("unspoken_contents", &g.unspoken_contents_));
  CLAIMX_RETURN_IF_ERROR(load("reader_participles", &g.reader_participles_));
  CLAIMX_RETURN_IF_ERROR(
      load("participle_complement_openers", &g.participle_complement_openers_));
  CLAIMX_RETURN_IF_ERROR(load("elided_source_noun_genders", &g.elided_source_noun_genders_));
  CLAIMX_RETURN_IF_ERROR(every_key(
      "elided_source_noun_genders", g.elided_source_noun_genders_,
      [&](const std::string& noun, const std::string& gender) {
        return (gender == "m" || gender == "f") && g.source_nouns_.Contains(noun);
      },
      "must be a source noun with gender m or f"));
  CLAIMX_RETURN_IF_ERROR(every_key(
      "pair_pronouns", g.pair_pronouns_,
      [&](const std::string& key, const std::string& which) {
        return (which == "first" || which == "second") && g.pronouns_.Contains(key);
      },
      "must be \"first\" or \"second\" and in pronouns"));
  CLAIMX_RETURN_IF_ERROR(load("name_heads", &g.name_heads_));
  CLAIMX_RETURN_IF_ERROR(every_key(
      "name_heads", g.name_heads_,
      [&](const std::string& key, const std::string&) { return g.source_nouns_.Contains(key); },
      "is no source noun"));
  CLAIMX_RETURN_IF_ERROR(load("role_synonyms", &g.role_synonyms_));
  CLAIMX_RETURN_IF_ERROR(load("sans_asides", &g.sans_asides_));
  CLAIMX_RETURN_IF_ERROR(load("announcing_nouns", &g.announcing_nouns_));
  CLAIMX_RETURN_IF_ERROR(load("contrast_openers", &g.contrast_openers_));
  CLAIMX_RETURN_IF_ERROR(only_values("contrast_openers", g.contrast_openers_, "que"));
  CLAIMX_RETURN_IF_ERROR(load("object_first_verbs", &g.object_first_verbs_));
  CLAIMX_RETURN_IF_ERROR(only_values("object_first_verbs", g.object_first_verbs_, "required"));
  CLAIMX_RETURN_IF_ERROR(load("title_families", &g.title_families_));
  CLAIMX_RETURN_IF_ERROR(every_key(
      "title_families", g.title_families_,
      [&](const std::string& title, const std::string& family) {
        return !family.empty() && g.FindTitle(title);
      },
      "needs a family and must be in titles"));
  CLAIMX_RETURN_IF_ERROR(load("trade_families", &g.trade_families_));
  CLAIMX_RETURN_IF_ERROR(load("career_families", &g.career_families_));
  CLAIMX_RETURN_IF_ERROR(load("head_families", &g.head_families_));
  CLAIMX_RETURN_IF_ERROR(load("leading_participles", &g.leading_participles_));
  CLAIMX_RETURN_IF_ERROR(load("heading_phrases", &g.heading_phrases_));
  CLAIMX_RETURN_IF_ERROR(load("leader_titles", &g.leader_titles_));
  CLAIMX_RETURN_IF_ERROR(every_key(
      "leader_titles", g.leader_titles_,
      [&](const std::string& title, const std::string&) { return g.FindTitle(title) != nullptr; },
      "must be in titles"));
  auto is_family = [&](const std::string& family, const std::string&) {
    return std::any_of(g.title_families_.begin(), g.title_families_.end(),
                       [&](const auto& entry) { return entry.second == family; });
  };
  for (const auto& [name, lexicon] :
       {std::pair<std::string_view, const Words*>{"trade_families", &g.trade_families_},
        {"career_families", &g.career_families_},
        {"head_families", &g.head_families_}}) {
    CLAIMX_RETURN_IF_ERROR(
        every_key(name, *lexicon, is_family, "is no family of title_families"));
  }
  CLAIMX_RETURN_IF_ERROR(load("relation_titles", &g.relation_titles_));
  // Looked up on the head of a parsed role or group: a key that is neither
  // a title nor a source noun would never be one.
  auto title_or_noun = [&](const std::string& word, const std::string&) {
    return g.FindTitle(word) || g.In(g.source_nouns_, word);
  };
  for (const auto& [name, lexicon] :
       {std::pair<std::string_view, const Words*>{"member_titles", &g.member_titles_},
        {"relation_titles", &g.relation_titles_}}) {
    CLAIMX_RETURN_IF_ERROR(
        every_key(name, *lexicon, title_or_noun, "is neither a title nor a source noun"));
  }
  CLAIMX_RETURN_IF_ERROR(load("infinitive_openers", &g.infinitive_openers_));
  CLAIMX_RETURN_IF_ERROR(load("que_only_verbs", &g.que_only_verbs_));
  CLAIMX_RETURN_IF_ERROR(every_key(
      "que_only_verbs", g.que_only_verbs_,
      [](const std::string&, const std::string& other) {
        return other.empty() || other == "infinitive" || other == "à" || other == "object" ||
               other == "figure" || other == "pour";
      },
      "names another content than \"infinitive\", \"à\", \"object\", \"figure\" or "
      "\"pour\""));

  auto add = [&](const std::string& form, const std::string& lemma,
                 std::string_view kind) -> Status {
    if (kind != "finite" && kind != "participle" && kind != "both" && kind != "gerund" &&
        kind != "infinitive") {
      return InvalidArgument("source rules: verb form '" + form + "' of '" + lemma +
                             "' has kind '" + std::string(kind) +
                             "', not finite, participle, both, gerund or infinitive");
    }
    VerbForm& v = g.verbs_[form];
    if (v.lemma.empty()) v.lemma = Underscores(lemma);
    if (kind == "finite" || kind == "both") v.finite = true;
    if (kind == "participle" || kind == "both") v.participle = true;
    if (kind == "gerund") v.gerund = true;
    if (kind == "infinitive") v.infinitive = true;
    return Status::Ok();
  };
  for (const auto& [lemma, group] : lemmas) {
    if (group == "irregular") continue;
    const auto* endings = rules.Lexicon("conjugation_" + group);
    if (!endings || !EndsWith(lemma, group)) {
      return InvalidArgument("source rules: verb '" + lemma + "' has class '" +
                             group + "' but no table conjugation_" + group +
                             " fits it");
    }
    std::string stem = lemma.substr(0, lemma.size() - group.size());
    for (const auto& [ending, kind] : *endings) {
      CLAIMX_RETURN_IF_ERROR(add(stem + ending, lemma, kind));
    }
  }
  for (const auto& [form, value] : forms) {
    size_t slash = value.find('/');
    if (slash == std::string::npos) {
      return InvalidArgument("source rules: reporting_verb_forms '" + form +
                             "' must be lemma/kind");
    }
    CLAIMX_RETURN_IF_ERROR(
        add(form, value.substr(0, slash), std::string_view(value).substr(slash + 1)));
  }
  std::unordered_set<std::string> known_lemmas;
  for (const auto& [form, verb] : g.verbs_) {
    size_t space = form.find(' ');
    if (space != std::string::npos) g.multi_word_starts_.emplace(form.substr(0, space), "");
    g.verb_gate_.Add(form);
    known_lemmas.insert(verb.lemma);
  }
  // The lexicons keyed by lemma name verbs the tables generate ("faire
  // valoir", spaces and not underscores): a typo would silently do nothing.
  auto known_lemma = [&](const std::string& lemma, const std::string&) {
    return known_lemmas.count(lemma) > 0;
  };
  for (const auto& [name, lexicon] :
       {std::pair<std::string_view, const Words*>{"que_only_verbs", &g.que_only_verbs_},
        {"topic_verbs", &g.topic_verbs_},
        {"continuation_verbs", &g.continuation_verbs_},
        {"unspoken_reflexives", &g.unspoken_reflexives_},
        {"negated_speech_verbs", &g.negated_speech_verbs_},
        {"impersonal_reflexives", &g.impersonal_reflexives_},
        {"object_first_verbs", &g.object_first_verbs_}}) {
    CLAIMX_RETURN_IF_ERROR(
        every_key(name, *lexicon, known_lemma, "is no lemma of the reporting verbs"));
  }
  // unspoken_objects: a lemma, then the object's words.
  auto known_lemma_then_words = [&](const std::string& key, const std::string&) {
    const size_t space = key.find(' ');
    return space != std::string::npos && known_lemmas.count(key.substr(0, space)) > 0;
  };
  CLAIMX_RETURN_IF_ERROR(every_key("unspoken_objects", g.unspoken_objects_,
                                   known_lemma_then_words,
                                   "is no lemma of the reporting verbs and its object"));
  return g;
}

bool SourceGrammar::In(const Words& words, std::string_view word) const {
  return words.Contains(word);
}

const std::string* SourceGrammar::Find(const Words& words, std::string_view key) const {
  return words.Find(key);
}

const VerbForm* SourceGrammar::LookupVerb(std::string_view word) const {
  return LookupLowerVerb(FoldedKey(word).view());
}

const VerbForm* SourceGrammar::LookupLowerVerb(std::string_view lower) const {
  if (!verb_gate_.MayStart(lower)) return nullptr;  // most words
  return verbs_.Find(lower);
}

std::optional<Gender> SourceGrammar::SplitInversion(
    std::string_view word, std::string_view* verb_part) const {
  size_t hyphen = word.find('-');
  while (hyphen != std::string_view::npos) {
    auto gender = Find(inverted_pronouns_, LowerWord(word.substr(hyphen)));
    if (gender) {
      *verb_part = word.substr(0, hyphen);
      return *gender == "-" ? Gender::kUnknown : GenderOf(*gender);
    }
    hyphen = word.find('-', hyphen + 1);
  }
  return std::nullopt;
}

bool SourceGrammar::IsAuxiliary(std::string_view word,
                                std::optional<Gender>* inverted) const {
  auto value = Find(auxiliaries_, FoldedKey(word).view());
  if (!value) return false;
  *inverted = std::nullopt;
  if (!value->empty()) *inverted = GenderOf(*value);
  return true;
}

bool SourceGrammar::NamesABody(std::string_view lower) const {
  // The nouns of bodies that have names of their own (anaphoric_heads,
  // not the organs): "le groupe France Télécom", not "le gouvernement",
  // whose capitalized words after it name someone else ("la porte-parole
  // du gouvernement Prisca Thevenot").
  const std::string* kind = Find(anaphoric_heads_, lower);
  return kind && kind->empty();
}

bool SourceGrammar::IsSourceNoun(std::string_view word) const {
  return In(source_nouns_, FoldedKey(word).view());
}

std::string_view SourceGrammar::SourceNounType(std::string_view word) const {
  const std::string* type = Find(source_nouns_, FoldedKey(word).view());
  return type ? std::string_view(*type) : std::string_view();
}

bool SourceGrammar::NeedsQue(std::string_view lemma) const {
  return In(que_only_verbs_, lemma);
}

std::string_view SourceGrammar::OtherContentOf(std::string_view lemma) const {
  const std::string* value = Find(que_only_verbs_, lemma);
  return value ? std::string_view(*value) : std::string_view();
}

bool SourceGrammar::NamesTopic(std::string_view lemma) const {
  return In(topic_verbs_, lemma);
}

bool SourceGrammar::CountsAsTopicObject(std::string_view lemma) const {
  const std::string* value = Find(topic_verbs_, lemma);
  return value && *value == "figure";
}

bool SourceGrammar::TakesInfinitiveContent(std::string_view lemma) const {
  const std::string* value = Find(topic_verbs_, lemma);
  return value && *value == "infinitive";
}

bool SourceGrammar::IsUnspokenContent(std::string_view lower) const {
  return In(unspoken_contents_, lower);
}

bool SourceGrammar::IsReaderParticiple(std::string_view lower) const {
  return In(reader_participles_, lower);
}

bool SourceGrammar::IsImpersonalReflexive(std::string_view lemma) const {
  return In(impersonal_reflexives_, lemma);
}

bool SourceGrammar::IsAssertiveAttribute(std::string_view lower) const {
  return In(assertive_attributes_, lower);
}

bool SourceGrammar::IsIntensifier(std::string_view lower) const {
  return In(intensifiers_, lower);
}

bool SourceGrammar::IsUnspokenObject(std::string_view lemma_and_words) const {
  return In(unspoken_objects_, lemma_and_words);
}

bool SourceGrammar::IsCopularVerb(std::string_view lower, bool* reflexive) const {
  const std::string* value = Find(copular_verbs_, lower);
  if (!value) return false;
  *reflexive = *value == "reflexive";
  return true;
}

bool SourceGrammar::SpeaksNegated(std::string_view lemma) const {
  return In(negated_speech_verbs_, lemma);
}

bool SourceGrammar::SpeaksOnlyNegated(std::string_view lemma) const {
  const std::string* value = Find(negated_speech_verbs_, lemma);
  return value != nullptr && *value == "only";
}

bool SourceGrammar::ContinuesSpeech(std::string_view lemma) const {
  return In(continuation_verbs_, lemma);
}

bool SourceGrammar::IsOrganizationName(std::string_view lower) const {
  return In(organization_names_, lower);
}

bool SourceGrammar::IsOrganizationWord(std::string_view lower) const {
  return In(organization_words_, lower);
}

bool SourceGrammar::IsUnspokenReflexive(std::string_view lemma) const {
  return In(unspoken_reflexives_, lemma);
}

std::optional<Gender> SourceGrammar::FirstNameGender(std::string_view lower) const {
  const std::string* code = Find(first_names_, lower);
  // "jean-baptiste", "marie-christine": a compound first name has the
  // gender of its first part ("jean-marie" is a man's).
  if (!code && lower.find('-') != std::string_view::npos) {
    code = Find(first_names_, lower.substr(0, lower.find('-')));
  }
  if (!code) return std::nullopt;
  return GenderOf(*code);
}

SourceGrammar::Anaphora SourceGrammar::AnaphoraOf(std::string_view head) const {
  const std::string* target = Find(anaphoric_heads_, head);
  if (!target) return Anaphora::kNone;
  return *target == "body" ? Anaphora::kAnyBody : Anaphora::kSameType;
}

std::string SourceGrammar::CanonicalRole(std::string_view role) const {
  std::string lower = LowerWord(role);
  for (const auto& [synonym, meaning] : role_synonyms_) {
    if (lower.compare(0, synonym.size(), synonym) != 0) continue;
    if (lower.size() > synonym.size() && lower[synonym.size()] != ' ' &&
        lower[synonym.size()] != ',') {
      continue;  // "chef de l'état-major" is not "chef de l'état"
    }
    return meaning + lower.substr(synonym.size());
  }
  return lower;
}

std::string_view SourceGrammar::TitleOf(std::string_view canonical_role) const {
  // "présidente de la région" is the longest title.
  constexpr size_t kMaxTitleWords = 4;
  size_t ends[kMaxTitleWords] = {};  // where the first 1 to 4 words end
  size_t words = 0;
  for (size_t i = 0; i <= canonical_role.size() && words < kMaxTitleWords; ++i) {
    if (i == canonical_role.size() || canonical_role[i] == ' ' || canonical_role[i] == ',') {
      ends[words++] = i;
      if (i < canonical_role.size() && canonical_role[i] == ',') break;
    }
  }
  for (size_t n = words; n > 0; --n) {
    std::string_view prefix = canonical_role.substr(0, ends[n - 1]);
    if (FindTitle(prefix)) return prefix;
  }
  // "ancien maire de Nice", "nouveau directeur": the title after the
  // adjective.
  if (words > 1 && canonical_role[ends[0]] == ' ' &&
      In(prenominal_adjectives_, canonical_role.substr(0, ends[0]))) {
    return TitleOf(canonical_role.substr(ends[0] + 1));
  }
  return {};
}

SourceGrammar::ObjectFirst SourceGrammar::ObjectFirstOf(std::string_view lemma) const {
  const std::string* how = Find(object_first_verbs_, lemma);
  if (!how) return ObjectFirst::kNo;
  return *how == "required" ? ObjectFirst::kRequired : ObjectFirst::kOptional;
}

bool SourceGrammar::TitlesCompatible(std::string_view a, std::string_view b) const {
  // "l'ex-sénateur" is the senator named before.
  if (a.substr(0, kFormer.size()) == kFormer) a.remove_prefix(kFormer.size());
  if (b.substr(0, kFormer.size()) == kFormer) b.remove_prefix(kFormer.size());
  if (a == b) return true;
  const std::string* family_a = FamilyOf(a);
  const std::string* family_b = FamilyOf(b);
  return family_a && family_b && *family_a == *family_b;
}

std::string_view SourceGrammar::WithoutTitlePrefix(std::string_view lower) const {
  for (const auto& [prefix, unused] : title_prefixes_) {
    if (lower.size() > prefix.size() && lower.starts_with(prefix)) {
      return lower.substr(prefix.size());
    }
  }
  return {};
}

const std::string* SourceGrammar::FamilyOf(std::string_view title) const {
  if (const std::string* family = Find(title_families_, title)) return family;
  // "la vice-procureure" is a prosecutor, "la magistrate" later.
  const std::string_view base = WithoutTitlePrefix(title);
  return base.empty() ? nullptr : Find(title_families_, base);
}

bool SourceGrammar::FamilyIn(std::string_view title, const Words& families) const {
  const std::string* family = FamilyOf(title);
  return family && In(families, *family);
}

bool SourceGrammar::IsPairPronoun(std::string_view lower) const {
  return In(pair_pronouns_, lower);
}

bool SourceGrammar::HeadsABody(std::string_view title) const {
  return FamilyIn(title, head_families_);
}

bool SourceGrammar::IsLeadingParticiple(std::string_view word) const {
  return In(leading_participles_, FoldedKey(word).view());
}

bool SourceGrammar::IsHeadingPhrase(std::string_view lower) const {
  return In(heading_phrases_, lower);
}

bool SourceGrammar::CareerDescribes(std::string_view former, std::string_view title) const {
  return FamilyIn(former, career_families_) && FamilyIn(title, career_families_);
}

bool SourceGrammar::LeaderDescribes(std::string_view leader, std::string_view office) const {
  return In(leader_titles_, leader) && FamilyIn(office, career_families_);
}

bool SourceGrammar::IsTrade(std::string_view title) const {
  return FamilyIn(title, trade_families_);
}

bool SourceGrammar::TradeDescribes(std::string_view trade, std::string_view office) const {
  return IsTrade(trade) && !office.empty() && !IsTrade(office);
}

bool SourceGrammar::IsSpeechNoun(std::string_view word) const {
  return In(speech_nouns_, FoldedKey(word).view());
}

bool SourceGrammar::IsMemberTitle(std::string_view word) const {
  return In(member_titles_, FoldedKey(word).view());
}

bool SourceGrammar::IsInfinitiveOpener(std::string_view word) const {
  return In(infinitive_openers_, FoldedKey(word).view());
}

bool SourceGrammar::IsRelationTitle(std::string_view word) const {
  return In(relation_titles_, FoldedKey(word).view());
}

bool SourceGrammar::IsPreposition(std::string_view lower) const {
  return In(prepositions_, lower);
}

bool SourceGrammar::IsClauseWord(std::string_view lower) const {
  return In(prepositions_, lower) || In(clause_words_, lower);
}

bool SourceGrammar::IsCircumstancePreposition(std::string_view lower) const {
  return In(circumstance_prepositions_, lower);
}

bool SourceGrammar::IsOccasionPreposition(std::string_view lower) const {
  return In(occasion_prepositions_, lower);
}

bool SourceGrammar::OpensOnlyOccasions(std::string_view lower) const {
  const std::string* value = occasion_prepositions_.Find(lower);
  return value != nullptr && *value != "time";
}

bool SourceGrammar::EndsLikeDemonym(std::string_view word) const {
  if (!IsUpperStart(word)) return false;
  const std::string lower = LowerWord(word);
  constexpr size_t kMinStem = 3;  // "Rennais": "Renn"; not "Lain"
  for (const auto& [ending, unused] : demonym_endings_) {
    if (lower.size() >= ending.size() + kMinStem && lower.ends_with(ending)) return true;
  }
  return false;
}

bool SourceGrammar::IsRelativeOpener(std::string_view lower) const {
  return In(relative_openers_, lower);
}

bool SourceGrammar::IsRelativePronoun(std::string_view lower) const {
  return In(relative_pronouns_, lower);
}

bool SourceGrammar::IsEmphaticPronoun(std::string_view lower) const {
  return In(emphatic_pronouns_, lower);
}

bool SourceGrammar::IsNewsNoun(std::string_view lower) const {
  return In(news_nouns_, lower);
}

bool SourceGrammar::IsSaidNoun(std::string_view lower) const {
  return In(said_nouns_, lower);
}

bool SourceGrammar::IsAppointmentWord(std::string_view lower) const {
  return In(appointment_words_, lower);
}

bool SourceGrammar::IsPrenominalAdjective(std::string_view lower) const {
  return In(prenominal_adjectives_, lower);
}

bool SourceGrammar::IsOpeningSubordinator(std::string_view lower) const {
  return In(opening_subordinators_, lower);
}

bool SourceGrammar::IsQueConjunctionHead(std::string_view lower) const {
  return In(que_conjunction_heads_, lower);
}

bool SourceGrammar::IsAnnouncingNoun(std::string_view lower) const {
  return In(announcing_nouns_, lower);
}

bool SourceGrammar::IsSansAside(std::string_view lower) const {
  return In(sans_asides_, lower);
}

bool SourceGrammar::OpensContrast(std::string_view lower, bool que_follows) const {
  const std::string* needs = Find(contrast_openers_, lower);
  return needs != nullptr && (needs->empty() || que_follows);
}

bool SourceGrammar::IsEtreParticiple(std::string_view lower) const {
  return In(etre_participles_, FoldedKey(lower).view());
}

bool SourceGrammar::StartsImpersonally(std::string_view quoted) const {
  for (const auto& [start, unused] : impersonal_quote_starts_) {
    if (quoted.size() > start.size() && quoted.substr(0, start.size()) == start &&
        quoted[start.size()] == ' ') {
      // "est revenu sur …": a compound tense, the subject's own doing.
      std::string_view next = quoted.substr(start.size() + 1);
      next = next.substr(0, next.find_first_of(" ,.;:!?"));
      return !IsEtreParticiple(next);
    }
  }
  return false;
}

bool SourceGrammar::IsClauseOpener(std::string_view word) const {
  return In(clause_openers_, FoldedKey(word).view());
}

bool SourceGrammar::IsTimeNoun(std::string_view word) const {
  return In(time_nouns_, FoldedKey(word).view());
}

bool SourceGrammar::IsModalVerb(std::string_view word) const {
  return In(modal_verbs_, FoldedKey(word).view());
}

bool SourceGrammar::IsReflexiveAuxiliary(std::string_view word) const {
  return In(reflexive_auxiliaries_, FoldedKey(word).view());
}

bool SourceGrammar::BlocksVerb(std::string_view word) const {
  return In(verb_blockers_, FoldedKey(word).view());
}

const std::string* SourceGrammar::FindTitle(std::string_view lower) const {
  if (const std::string* gender = Find(titles_, lower)) return gender;
  // "l'ex-président", "l'ex-ministre de la Santé": a former holder is named
  // by the title too.
  if (lower.size() > kFormer.size() && lower.substr(0, kFormer.size()) == kFormer) {
    return FindTitle(lower.substr(kFormer.size()));
  }
  // "secrétaire-général" for "secrétaire général".
  if (lower.find('-') == std::string_view::npos) return nullptr;
  // "vice-procureure": the prefixes end with a hyphen.
  if (const std::string_view base = WithoutTitlePrefix(lower); !base.empty()) {
    if (const std::string* gender = Find(titles_, base)) return gender;
  }
  std::string spaced(lower);
  std::replace(spaced.begin(), spaced.end(), '-', ' ');
  if (const std::string* gender = Find(titles_, spaced)) return gender;
  // "député-maire", "sénatrice-maire": two titles held at once; the first
  // gives the gender.
  const size_t hyphen = lower.find('-');
  const std::string* first = Find(titles_, lower.substr(0, hyphen));
  return first && Find(titles_, lower.substr(hyphen + 1)) ? first : nullptr;
}

bool SourceGrammar::IsTitle(std::string_view word) const {
  if (!MayFoldToGated(title_gate_, word)) return false;  // most words, unfolded
  FoldedKey key(word);
  const std::string_view lower = key.view();
  if (!title_gate_.MayStart(lower)) return false;
  // "M", "Mme", "Dr" without their dot ("Mme" is often written so).
  return FindTitle(lower) || In(title_abbreviations_, lower);
}

bool SourceGrammar::StartsLongerTitle(std::string_view lower) const {
  // A first word of three bytes or more begins with its title's first
  // three bytes, which the gate holds.
  if (lower.size() >= 3 && !title_gate_.MayStart(lower)) return false;
  return In(title_first_words_, lower);
}

bool SourceGrammar::IsCardinal(std::string_view lower) const {
  if (lower.empty()) return false;
  if (lower[0] >= '0' && lower[0] <= '9') {
    return std::all_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  if (lower == "un" || lower == "une") return false;
  // "vingt-cinq", "quatre-vingt-dix": every part a number word ("et" in
  // "vingt-et-un").
  size_t parts = 0;
  for (size_t start = 0; start <= lower.size();) {
    const size_t hyphen = std::min(lower.find('-', start), lower.size());
    const std::string_view part = lower.substr(start, hyphen - start);
    if (!In(number_words_, part) && !(parts > 0 && part == "et")) return false;
    ++parts;
    start = hyphen + 1;
  }
  return true;
}

bool SourceGrammar::IsDeterminer(std::string_view word) const {
  if (!MayFoldToGated(determiner_gate_, word)) return false;  // most words, unfolded
  return In(determiners_, FoldedKey(word).view());
}

std::optional<Gender> SourceGrammar::DeterminerGender(std::string_view word) const {
  const std::string* code = Find(determiners_, FoldedKey(word).view());
  if (!code) return std::nullopt;
  return GenderOf(*code);
}

bool SourceGrammar::IsStatementSkip(std::string_view words) const {
  return In(statement_skips_, FoldedKey(words).view());
}

bool SourceGrammar::IsSpeechSetting(std::string_view words) const {
  return In(speech_settings_, FoldedKey(words).view());
}

bool SourceGrammar::MayStartSpeechSetting(std::string_view first) const {
  auto it = std::lower_bound(sorted_speech_settings_.begin(), sorted_speech_settings_.end(),
                             first, [](const std::string& key, std::string_view prefix) {
                               return std::string_view(key) < prefix;
                             });
  return it != sorted_speech_settings_.end() && it->starts_with(first);
}

bool SourceGrammar::IsSubjectClitic(std::string_view word) const {
  return In(subject_clitics_, FoldedKey(word).view());
}

std::optional<SourcePhrase> SourceGrammar::ParsePhrase(
    std::string_view text, const std::vector<Token>& tokens, size_t first,
    size_t limit, PhrasePlaces places, const std::vector<std::string_view>* folded) const {
  PhraseReader r(text, tokens, first, limit, folded);
  // Tokens a mention of `spans` starting at token `ahead` covers (0: none).
  auto covered = [&](const std::vector<Span>* spans, size_t ahead) -> size_t {
    if (!spans || !r.IsWord(ahead)) return 0;
    const Span word = r.TokenAt(ahead).span;
    auto it = std::lower_bound(spans->begin(), spans->end(), word.start,
                               [](const Span& p, size_t start) { return p.start < start; });
    if (it == spans->end() || it->start != word.start) return 0;
    size_t n = 0;
    while (r.IsWord(ahead + n) && it->Contains(r.TokenAt(ahead + n).span)) ++n;
    return n;
  };
  auto place_tokens = [&](size_t ahead = 0) { return covered(places.names, ahead); };
  if (r.done()) return std::nullopt;
  SourcePhrase phrase;
  bool has_det = false;
  // "de X", "d'X": the preposition is not part of the phrase; "du", "des"
  // are articles and are.
  std::string_view lower = r.Lower();
  if (lower == "de" || lower == "d'") r.Next();
  if (r.done()) return std::nullopt;
  // "de hauts responsables", "d'anciens ministres": before a plural
  // adjective, "de" is the article "des".
  const bool plural_de = (lower == "de" || lower == "d'") &&
                         In(prenominal_adjectives_, r.Lower()) &&
                         (r.Lower().ends_with('s') || r.Lower().ends_with('x'));
  // "un des enquêteurs", "l'une des avocates de la famille", "l'un de ses
  // proches": one member of the group speaks; the group read from its
  // article on, singular.
  // (A size and first-letter test first: this runs for every phrase.)
  if (const std::string_view w = r.Word();
      w.size() <= 3 && (w[0] == 'u' || w[0] == 'U' || w[0] == 'l' || w[0] == 'L')) {
    const size_t elided = r.Lower() == "l'" ? 1 : 0;
    const std::string_view one = r.Lower(elided);
    const std::string_view of = r.Lower(elided + 1);
    if ((one == "un" || one == "une") && (of == "des" || of == "de" || of == "d'") &&
        r.pos() + elided + 2 < limit) {
      auto group = ParsePhrase(text, tokens, r.pos() + elided + 1, limit, places, folded);
      if (group && group->reference != SourcePhrase::Reference::kPronoun) {
        group->span.start = r.Start(r.pos());
        group->gender = one == "un" ? Gender::kMasculine : Gender::kFeminine;
        // "l'une des mamans": one person, known by the group's noun, whom
        // "elle" may mean next.
        if (group->type == "anonymous" && !group->role && !group->proper_name) {
          group->role = group->name;
        }
        return group;
      }
      return std::nullopt;
    }
  }
  const size_t start = r.pos();
  phrase.span.start = r.Start(start);
  lower = r.Lower();
  if (lower == "du" || lower == "des") {
    phrase.gender = lower == "du" ? Gender::kMasculine : Gender::kPlural;
    has_det = true;
    r.Next();
  }
  // Pronouns: "il", "lui", "ce dernier".
  if (!has_det) {
    for (size_t words : {2, 1}) {
      if (r.pos() + words > limit) continue;
      std::string key = words == 2 ? JoinWords(r.Lower(), r.Lower(1)) : std::string(r.Lower());
      if (auto g = Find(pronouns_, key)) {
        if (*g == "-") return std::nullopt;  // "on" names nobody
        // "le premier", "la seconde" stand for a person only before a
        // verb: "le Premier ministre", "la première fois" are no pronoun.
        const std::string* of_pair = Find(pair_pronouns_, key);
        if (of_pair) {
          // The token after, even past `limit` (a subject's limit is its
          // verb).
          const size_t after = r.pos() + words;
          const std::string next =
              after < tokens.size() ? LowerWord(tokens[after].span.Of(text)) : std::string();
          if (!(after == limit || In(auxiliaries_, next) || In(modal_verbs_, next) ||
                LookupVerb(next))) {
            break;
          }
        }
        phrase.of_pair = !of_pair ? 0 : *of_pair == "first" ? 1 : 2;
        phrase.reference = SourcePhrase::Reference::kPronoun;
        phrase.gender = GenderOf(*g);
        phrase.latest = In(latest_pronouns_, key);
        phrase.span.end = r.End(r.pos() + words - 1);
        phrase.name = std::string(r.Text(r.pos(), r.pos() + words));
        phrase.type = "person";
        return phrase;
      }
    }
  }
  // "rapporte Le Monde", "selon La Poste", "a déclaré Le Pen": a capitalized
  // article inside a sentence, before a capitalized word, opens a name. At
  // the start of a sentence every article is capitalized; there it opens
  // a name only when the article is part of a known one ("Le Monde
  // affirme …", "La Voix du Nord"; not "La France a annoncé …").
  const std::string_view article = r.Word();
  const bool capitalized_article =
      (article == "Le" || article == "La" || article == "Les" || article == "L'") &&
      r.IsWord(1) && IsUpperStart(r.Word(1));
  // The length in tokens of the known name starting here, article
  // included, or 0.
  auto known_name_with_article = [&]() -> size_t {
    if (!capitalized_article ||
        !In(organization_first_words_, article.substr(0, article.find('\'')))) {
      return 0;
    }
    for (size_t n = std::min(max_organization_words_, limit - r.pos()); n > 1; --n) {
      if (!r.IsWord(n - 1) && !r.IsNumber(n - 1)) continue;
      // "La Croix-Rouge" is not "La Croix": the name ends where a word does.
      if (r.Glued(n - 1) && r.Word(n) == "-") continue;
      if (In(organization_names_, LowerWord(r.Text(r.pos(), r.pos() + n)))) return n;
    }
    return 0;
  };
  const bool named_article =
      capitalized_article && (r.pos() > 0 || known_name_with_article() > 0);
  std::optional<size_t> number;  // "deux" in "les deux parties"
  // The tokens of a count before a source noun ("200", "1 200", "plus de
  // 100", "près de trente"), or 0: digits open a phrase only then ("14
  // juillet" is none), and a capitalised "Plus" is no name.
  auto count_of_a_group = [&]() -> size_t {
    static constexpr std::string_view kBounds[] = {"plus de", "près de", "moins de",
                                                    "au moins", "pas moins de"};
    // Most phrases open with a name: one look at the first word first.
    const std::string_view opening = r.Lower();
    if (!r.IsNumber() && opening != "plus" && opening != "près" && opening != "moins" &&
        opening != "au" && opening != "pas" && opening != "environ" && opening != "quelque" &&
        !IsCardinal(opening)) {
      return 0;
    }
    size_t k = 0;
    for (std::string_view bound : kBounds) {
      const size_t words = static_cast<size_t>(std::count(bound.begin(), bound.end(), ' ')) + 1;
      std::string key(r.Lower());
      for (size_t w = 1; w < words; ++w) key = JoinWords(key, r.Lower(w));
      if (key == bound) {
        k = words;
        break;
      }
    }
    // "La pétition, signée par 10 000 personnes, dénonce": a count after
    // a preposition is its object, no speaker opening there.
    if (r.pos() > 0) {
      const std::string before = LowerWord(tokens[r.pos() - 1].span.Of(text));
      for (std::string_view preposition : {"par", "de", "d'", "du", "des", "à", "au", "aux", "pour",
                                           "avec", "sur", "chez", "entre", "contre", "dont"}) {
        if (before == preposition) return 0;
      }
    }
    if (k == 0 && (r.Lower() == "environ" || r.Lower() == "quelque")) k = 1;
    const size_t first_figure = k;
    while (r.IsNumber(k) && k < first_figure + 3) ++k;  // "1 200": digits in groups
    if (k == first_figure && r.IsWord(k) && IsCardinal(r.Lower(k))) ++k;
    if (k == first_figure || !r.IsWord(k) || !In(source_nouns_, r.Lower(k))) return 0;
    return k;
  };
  bool title_gender_wins = false;
  bool courtesy_title = false;  // "M. Pouyanné": a person, whatever the name
  bool outlets_own = false;      // "notre lecteur", "nos informations"
  if (plural_de) {
    phrase.gender = Gender::kPlural;
    has_det = true;
  }
  if (!has_det && !named_article) {
    if (auto g = Find(determiners_, r.Lower())) {
      phrase.gender = GenderOf(*g);
      has_det = true;
      const std::string_view det = r.Lower();
      phrase.definite = det == "le" || det == "la" || det == "l'" || det == "ce" ||
                        det == "cet" || det == "cette";
      phrase.possessive = det == "son" || det == "sa" || det == "ses" || det == "leur" ||
                          det == "leurs";
      outlets_own = det == "notre" || det == "nos";
      // "son épouse", "son avocate": before a vowel "son" is feminine too;
      // the title says which.
      title_gender_wins = det == "son";
      phrase.demonstrative_plural = det == "ces";
      r.Next();
      // "les deux dirigeants", "ses trois avocats", "les 27 ministres": a
      // number after a plural article (not "la 4e joueuse").
      if (IsArticle(det) && phrase.gender == Gender::kPlural && IsCardinal(r.Lower())) {
        phrase.gender = Gender::kPlural;
        number = r.pos();
        r.Next();
      }
    } else if (const std::string_view w = r.Lower();
               r.IsWord(1) && !IsUpperStart(r.Word(1)) && !w.empty() &&
               !(w[0] >= '0' && w[0] <= '9') && IsCardinal(w) && !In(determiners_, r.Lower(1))) {
      // "Quatre maires affirment": a number in words opening the phrase,
      // as "deux" and "trois" (determiners) do. Not digits: "14 juillet".
      phrase.gender = Gender::kPlural;
      has_det = true;
      number = r.pos();
      r.Next();
    } else if (const size_t counted = count_of_a_group(); counted > 0) {
      // "200 médecins réclament", "Plus de 100 élus demandent": a count,
      // maybe bounded, of a group the lexicon knows.
      phrase.gender = Gender::kPlural;
      has_det = true;
      r.Next(counted);
    }
  }
  // "le nouveau ministre"; not "le Haut Conseil", whose capital says it is
  // part of a name.
  // "l'ancien ministre", "le futur Premier ministre": a former or future
  // holder; the role keeps the word (not the holder now).
  std::string_view time_of_office;
  for (size_t n = 0; n < 2 && has_det && !IsUpperStart(r.Word()) &&
                     In(prenominal_adjectives_, r.Lower());
       ++n) {
    if (phrase.definite && (r.Lower() == "même" || r.Lower() == "mêmes")) phrase.same = true;
    const std::string_view lower = r.Lower();
    if (lower == "ancien" || lower == "ancienne" || lower == "futur" || lower == "future") {
      time_of_office = r.Word();
    }
    r.Next();
  }
  // "la 5e joueuse mondiale", "le 3e adjoint": an ordinal after the
  // article ranks the title ("5" "e", glued).
  if (has_det && r.IsNumber() && r.Glued(0) && r.IsWord(1)) {
    const std::string_view suffix = r.Lower(1);
    if (suffix == "e" || suffix == "ème" || suffix == "eme" || suffix == "er" || suffix == "ère") {
      r.Next(2);
    }
  }
  size_t last = r.pos();  // one past the last token of the phrase
  // Whether the words from r's token `from` on are one to three lower-case
  // modifiers, then a comma and a capitalized word (a title's holder).
  auto NameAfterWords = [&](const PhraseReader& reader, size_t from) {
    constexpr size_t kMaxWords = 3;
    for (size_t k = from; k < from + kMaxWords && reader.IsWord(k); ++k) {
      const std::string_view w = reader.Lower(k);
      if (IsUpperStart(reader.Word(k)) || LookupVerb(w) || In(determiners_, w) ||
          In(phrase_stops_, w)) {
        return false;
      }
      if (reader.Word(k + 1) == ",") return reader.IsWord(k + 2) && IsUpperStart(reader.Word(k + 2));
    }
    return false;
  };
  std::string role;
  std::string head_type;
  size_t head_first = 0, head_end = 0;
  // Lower-case words after a title or head ("américain", "militaire"),
  // then a complement ("de la Défense", "au Moyen-Orient").
  // A lower-case word that may qualify a head: not a function word, a verb
  // or a preposition; nor a title after a title ("le ministre président"),
  // though after a head noun one is an adjective ("la direction
  // générale").
  auto IsModifier = [&](std::string_view w, bool of_title) {
    return !(In(phrase_stops_, w) || In(determiners_, w) || (of_title && In(titles_, w)) ||
             LookupVerb(w) || In(modal_verbs_, w) ||  // "le ministre va démissionner"
             In(auxiliaries_, w) || In(reflexive_auxiliaries_, w) ||
             w == "de" || w == "d'" || w == "du" || w == "des" || w == "au" || w == "aux" ||
             w == "à" || w == "en" || w == "près" ||
             // "les syndicats entendaient", "le ministre savait", "le maire
             // démissionnera".
             LooksLikeImperfect(w) || LooksLikeFuture(w));
  };
  // `of_title`: after a title, one capitalized word ending the complement
  // belongs to it ("le porte-parole de l'expérience CMS"); after a head
  // noun it is the body's name ("l'agence de notation Moody's").
  // `apposition`: the title follows a name and a comma (", professeur à
  // l'École d'économie").
  bool of_relation = false;  // the modifiers are a relation title's ("fils de X")
  // The length in tokens of a known name at the reader, capitalized and
  // followed by no capitalized word but a first name ("Les Républicains
  // de", "Les Républicains Éric Ciotti", not "La France Martin"), or 0.
  auto party_name_after_title = [&]() -> size_t {
    const std::string_view first = r.Word();
    if (!r.IsWord() || !IsUpperStart(first) ||
        !In(organization_first_words_, first.substr(0, first.find_first_of("'-")))) {
      return 0;
    }
    for (size_t n = std::min(max_organization_words_, limit - r.pos()); n > 0; --n) {
      if (!r.IsWord(n - 1) ||
          (r.IsWord(n) && IsUpperStart(r.Word(n)) && !FirstNameGender(r.Lower(n)))) {
        continue;
      }
      if (r.Glued(n - 1) && r.Word(n) == "-") continue;  // "La Croix-Rouge"
      if (In(organization_names_, LowerWord(r.Text(r.pos(), r.pos() + n)))) return n;
    }
    return 0;
  };
  auto read_modifiers = [&](bool of_title, bool apposition = false) {
    auto is_de = [](std::string_view w) {
      return w == "de" || w == "d'" || w == "du" || w == "des";
    };
    // "le maire (LR) de Virey-le-Grand, Guillaume Thiébaut": the party in
    // parentheses, before the title's complement.
    if (of_title && r.Word() == "(" && IsPartyAcronym(r.Word(1)) && r.Word(2) == ")" &&
        is_de(r.Lower(3))) {
      r.Next(3);
    }
    for (size_t n = 0; n < kMaxAdjectives && r.IsWord(); ++n) {
      std::string_view w = r.Lower();
      // A participle ends the phrase: "basée à Londres", "cité par"; not
      // "présumé", an adjective ("l'auteur présumé").
      // "les experts entendus pendant le procès", "les documents obtenus
      // par la police": a participle in -u, before the complement that
      // makes it one.
      bool participle = (LooksLikeParticiple(w) && !w.starts_with("présumé")) || w == "ayant" ||
                        w == "étant" ||
                        (LooksLikeUParticiple(w) && In(participle_complement_openers_, r.Lower(1)));
      // "occidentaux et iraniens", "le plus récent": go on over them.
      const bool superlative = (w == "le" || w == "la" || w == "les") && r.Lower(1) == "plus";
      if (((w == "et" && n > 0) || superlative) && r.IsWord(1) &&
          IsModifier(r.Lower(1), of_title)) {
        r.Next(w == "et" ? 2 : 1);
        continue;
      }
      if (of_title && ((w == "par" && r.Lower(1) == "intérim") ||  // "la directrice par intérim"
                       (w == "en" && r.Lower(1) == "chef"))) {      // "l'économiste en chef"
        r.Next(2);
        continue;
      }
      // "la ministre chargée du Numérique": the participle introduces the
      // title's complement.
      if (of_title && w.starts_with("chargé") && w.size() <= 10 && is_de(r.Lower(1))) {
        r.Next();
        break;
      }
      // "la maire EELV de Strasbourg", "le député LR de l'Yonne": an
      // acronym right after a title, with no name after it, is the title's
      // party or union; a name after it is the holder's ("le député LR
      // Éric Ciotti", below).
      if (of_title && IsPartyAcronym(r.Word()) && !(r.IsWord(1) && IsUpperStart(r.Word(1)))) {
        r.Next();
        continue;
      }
      // "le député-maire Les Républicains de Saint-Maur": so too a known
      // party's name, not a holder's.
      if (const size_t party = of_title ? party_name_after_title() : 0; party > 0) {
        r.Next(party);
        continue;
      }
      if (!IsModifier(w, of_title) || participle || IsUpperStart(r.Word())) break;
      r.Next();
    }
    // Complements: "du directoire de PSA", "de la Défense", "de New York".
    // "le ministre de la Communication, de l'Économie numérique et de la
    // Poste": complements listed with commas, the last one after "et de".
    auto listed_complement = [&] {
      constexpr size_t kMaxListTokens = 12;
      if (r.Word() != "," || !is_de(r.Lower(1))) return false;
      for (size_t k = 2; k < kMaxListTokens && r.IsWord(k); ++k) {
        const std::string_view w = r.Lower(k);
        if (w == "et" && is_de(r.Lower(k + 1))) return true;
        if (LookupVerb(w) || In(auxiliaries_, w) || In(modal_verbs_, w)) return false;
      }
      return false;
    };
    for (size_t complement = 0; complement < kMaxComplements; ++complement) {
      const size_t before_list = r.pos();
      if (complement > 0 && of_title && listed_complement()) r.Next();
      std::string_view prep = r.Lower();
      // "l'ambassadeur de France en Afghanistan": "en" before a name.
      const bool en_place = prep == "en" && r.IsWord(1) && IsUpperStart(r.Word(1));
      // "au Moyen-Orient", "aux Transports"; not "a répondu le ministre aux
      // journalistes", whose "aux" is the speech's audience.
      // Also lower-case words when the holder's name follows after a
      // comma: "le ministre délégué au budget, Jean-François Copé", "le
      // commissaire aux affaires humanitaires, Martin Griffiths".
      const bool au_name = (prep == "au" || prep == "aux") && r.IsWord(1) &&
                           (IsUpperStart(r.Word(1)) || (of_title && NameAfterWords(r, 1)));
      // "l'adjoint au maire Jean-Pierre Morin": the name after a function
      // "au" another is the first title's holder.
      if (of_title && prep == "au" && r.IsWord(1) && In(titles_, r.Lower(1))) {
        r.Next(2);
        continue;
      }
      size_t save = before_list;
      // "l'émissaire de l'ONU et de la Ligue arabe": a coordinated
      // complement after a first one.
      if (complement > 0 && prep == "et") {
        const std::string_view after_et = r.Lower(1);
        if (is_de(after_et)) {
          r.Next();
          prep = after_et;
        }
      }
      // "l'émissaire pour la Syrie", "professeur à l'École d'économie":
      // "pour" or "à" before a name, after a title; "pour" before a place
      // only ("a déclaré le ministre pour RTL" names the medium), "à" only
      // in an apposition ("a déclaré le ministre à l'Assemblée", "… à Jean
      // Roux" give the speech's place or audience).
      // Or "à" before the holder's name: "la cheffe des écologistes à
      // l'Assemblée Cyrielle Chatelain" (a known first name right after the
      // capitalized word, or after it and a comma: "le président du groupe
      // LR à l'Assemblée, Olivier Marleix"), "le procureur de la République
      // à Moulins, Pierre Gagnoud" (after a place and a comma).
      bool name_after_title = false;
      if (of_title && (prep == "pour" || prep == "à")) {
        const size_t article = IsArticle(r.Lower(1)) ? 1 : 0;
        const size_t body = 1 + article;
        const size_t place = place_tokens(body);
        // The body's name may go on in lower case ("à l'Assemblée
        // nationale, Olivier Marleix") before the comma.
        constexpr size_t kMaxBodyTailWords = 2;
        size_t body_end = body + std::max<size_t>(place, 1);
        for (size_t tail = 0; place == 0 && tail < kMaxBodyTailWords && r.IsWord(body_end) &&
                              !IsUpperStart(r.Word(body_end)) && !LookupVerb(r.Word(body_end));
             ++tail) {
          ++body_end;
        }
        const size_t holder = r.Word(body_end) == "," ? body_end + 1 : body + 1;
        const bool holder_after = prep == "à" && r.IsWord(holder) &&
                                  IsUpperStart(r.Word(holder)) &&
                                  FirstNameGender(r.Lower(holder)).has_value();
        name_after_title = r.IsWord(body) && IsUpperStart(r.Word(body)) &&
                           (prep == "à" ? apposition || holder_after : place_tokens(body));
      }
      // "le procureur du Roi près le tribunal de Casablanca", "l'avocat
      // général près la cour d'appel": the court a magistrate serves.
      const bool near_court = of_title && prep == "près" && IsArticle(r.Lower(1));
      // "Marc Lefèvre, boulanger dans le 11e arrondissement, …", "…,
      // infirmière dans un Ehpad de Nantes": where an apposition's trade
      // is practised.
      const bool where_practised = of_title && apposition && prep == "dans" &&
                                   (IsArticle(r.Lower(1)) || r.Lower(1) == "un" ||
                                    r.Lower(1) == "une");
      // "le général De Gaulle": a capitalized "De" after a title opens the
      // holder's name, not the title's complement.
      const bool name_particle = of_title && (r.Word() == "De" || r.Word() == "Du") &&
                                 r.IsWord(1) && IsUpperStart(r.Word(1));
      if (name_particle ||
          (!is_de(prep) && !au_name && !en_place && !name_after_title && !near_court &&
           !where_practised)) {
        r.Seek(save);
        break;
      }
      r.Next();
      if (r.Lower() == "la" || r.Lower() == "l'" || r.Lower() == "le" ||
          r.Lower() == "les" || (where_practised && (r.Lower() == "un" || r.Lower() == "une"))) {
        r.Next();
      } else if ((prep == "de" || prep == "d'") && In(determiners_, r.Lower()) &&
                 !IsUpperStart(r.Word()) && r.IsWord(1) && !IsUpperStart(r.Word(1))) {
        // "le maire de cette commune", "l'avocat de sa famille", "le
        // porte-parole d'un syndicat": any determiner opens a complement
        // noun.
        r.Next();
      }
      // "le maire de cette commune de plus de 3 400 habitants": a count
      // of a noun is a complement too.
      if (prep == "de") {
        const size_t about = (r.Lower() == "plus" || r.Lower() == "près" ||
                              r.Lower() == "moins") && r.Lower(1) == "de" ? 2 : 0;
        size_t digits = about;
        while (digits < about + kMaxCountTokens && r.IsNumber(digits)) ++digits;
        if (digits > about && r.IsWord(digits) && !IsUpperStart(r.Word(digits)) &&
            !IsOrdinalSuffix(r.Lower(digits)) && IsModifier(r.Lower(digits), /*of_title=*/false)) {
          r.Next(digits + 1);
          continue;
        }
      }
      // "l'interprète de « Morgane de toi »", "le réalisateur du film
      // \"Intouchables\"": a work's title in quote marks is the complement.
      constexpr size_t kMaxQuotedTitleTokens = 8;
      if (const size_t close =
              of_title ? QuotedCapitalizedEnd(r, kMaxQuotedTitleTokens, /*joiners=*/true) : 0;
          close > 0) {
        r.Next(close + 1);
        continue;
      }
      // "du 11e arrondissement", "de la 2e circonscription", "du 101e
      // département": an ordinal (digits and a glued suffix) before the
      // complement's noun.
      if (r.IsNumber() && r.Glued(0) && r.IsWord(1) && IsOrdinalSuffix(r.Lower(1))) {
        r.Next(2);
      }
      size_t words = 0;
      if (size_t n = place_tokens()) {
        r.Next(n);
        ++words;
      }
      const bool named = r.IsWord() && IsUpperStart(r.Word());
      // "le fils de Pierre Elliott Trudeau", "l'avocat de Jean-Marie Le
      // Pen": after a relation's title, the whole name is the complement's,
      // none of it the phrase's own.
      if (of_relation && named && words == 0) {
        auto particle = [&] { return IsNameParticle(r.Lower()) && r.IsWord(1) && IsNameWord(r.Word(1)); };
        while (words < kMaxComplementWords && r.IsWord() &&
               (IsNameWord(r.Word()) || (words > 0 && particle()))) {
          r.Next();
          ++words;
        }
      }
      std::string complement_head;  // the complement's first word
      bool complement_head_upper = false;  // written with a capital
      while (words < kMaxComplementWords && r.IsWord()) {
        std::string_view w = r.Lower();
        bool upper = IsUpperStart(r.Word());
        if (words == 0) {
          complement_head = w;
          complement_head_upper = upper;
        }
        // A participle ends the phrase: "de la présidence diffusé hier";
        // the word right after the preposition is a noun ("de la santé").
        // So does "ayant" or "étant" ("de l'étude ayant fourni ces
        // résultats").
        bool participle =
            words > 0 && !upper && (LooksLikeParticiple(w) || w == "ayant" || w == "étant");
        // A title opens another phrase ("l'avocat du président Jacques
        // Roux"), unless it is the complement's only noun ("la famille de
        // la victime").
        // Nor a title word right after the capitalised noun it qualifies
        // ("du Conseil scientifique", "du Comité olympique"), unless a
        // name follows it.
        const bool qualifies_name = words == 1 && !upper && complement_head_upper &&
                                    !(r.IsWord(1) && IsUpperStart(r.Word(1)));
        const bool title = In(titles_, w) && !qualifies_name &&
                           (words > 0 || (r.IsWord(1) && IsUpperStart(r.Word(1))));
        // "la présidente du groupe La France insoumise", "le président du
        // parti Les Républicains": a known party's name after the
        // complement's noun, its capitalized article too, is the
        // complement's.
        if (of_title && words > 0 && upper) {
          size_t party = party_name_after_title();  // "Les Républicains"
          if (party == 0 && In(determiners_, w)) {  // "La" "France insoumise"
            const size_t article = r.pos();
            r.Next();
            party = party_name_after_title();
            if (party > 0) ++party;
            r.Seek(article);
          }
          if (party > 0) {
            r.Next(party);
            words += party;
            break;
          }
        }
        // "La présidente du Conseil régional lui a transmis": an object
        // pronoun before the verb ends the complement.
        if (In(phrase_stops_, w) || LookupVerb(w) || title || In(auxiliaries_, w) ||
            LooksLikeImperfect(w) ||
            In(reflexive_auxiliaries_, w) || (words > 0 && In(subject_clitics_, w)) ||
            In(determiners_, w) || w == "de" || w == "d'" || w == "à" || w == "au" ||
            w == "aux" || w == "en" || w == "près" || participle) {
          break;
        }
        // "le secrétaire général du groupe France Télécom": after a body's
        // noun, the capitalized words are the body's name, the
        // complement's; the title's holder comes after a comma.
        if (of_title && words == 1 && upper && NamesABody(complement_head)) {
          while (words < kMaxComplementWords && r.IsWord() && IsNameWord(r.Word())) {
            r.Next();
            ++words;
          }
          break;
        }
        // "le président de la communauté d'agglomération Pays Basque": a
        // place's name after the complement's noun is the complement's,
        // never a holder's ("Florence", "Victoria" may open one); so are
        // the places listed with it ("des régions Aquitaine, Franche-Comté
        // et Picardie").
        if (words > 0 && upper && !FirstNameGender(w)) {
          if (size_t n = place_tokens(); n > 0) {
            // The list has a bound of its own: a complement's three words
            // cut "Aquitaine, Franche-Comté et Picardie" after the second.
            size_t listed = 0;
            do {
              r.Next(n);
              ++listed;
              n = 0;
              if ((r.Word() == "," || r.Lower() == "et") && r.IsWord(1) &&
                  IsUpperStart(r.Word(1)) && !FirstNameGender(r.Lower(1))) {
                if (const size_t next = place_tokens(1); next > 0) {
                  r.Next();
                  n = next;
                }
              }
            } while (n > 0 && listed < kMaxListedPlaces);
            break;
          }
        }
        if (words > 0 && upper) {
          // "le successeur de Claude Erignac": one more capitalized word
          // ends a person's name; "de l'expérience CMS": one capitalized
          // word names the thing; two or more are a name after the
          // complement ("le ministre de l'Intérieur Manuel Valls").
          bool last_of_name = (of_title || named) && !(r.IsWord(1) && IsNameWord(r.Word(1)));
          if (last_of_name) {
            r.Next();
            ++words;
          }
          break;
        }
        r.Next();
        ++words;
      }
      if (words == 0) {
        r.Seek(save);
        break;
      }
    }
    return r.pos();
  };
  // Titles: "le colonel", "la ministre de la Santé", "le président américain".
  for (size_t n = 0; n < kMaxTitles && !r.done(); ++n) {
    size_t title_start = r.pos();
    size_t words = 0;
    const std::string* g = nullptr;
    // Titles of up to three tokens as written ("secrétaire d'état",
    // "premier ministre").
    auto title_of = [&](size_t n) -> const std::string* {
      if (r.pos() + n > limit || !r.IsWord(n - 1)) return nullptr;
      // Most words open no title: IsTitle()'s gate, asked of the first
      // word when it holds the three bytes the gate reads (the words
      // folded together begin with them), spares folding the words.
      if (const std::string_view first = r.Lower();
          first.size() >= 3 && !title_gate_.MayStart(first)) {
        return nullptr;
      }
      return FindTitle(LowerWord(r.Text(r.pos(), r.pos() + n)));
    };
    if ((g = title_of(3))) {
      words = 3;
    } else if ((g = title_of(2))) {
      words = 2;
    } else if (r.Glued(0) && r.Word(1) == "." &&
               (g = Find(titles_, std::string(r.Lower()) + "."))) {
      words = 2;
    } else if ((g = title_of(1))) {
      words = 1;
    }
    if (!words) break;
    if (!g->empty() && (phrase.gender == Gender::kUnknown || title_gender_wins)) {
      phrase.gender = GenderOf(*g);
    }
    title_gender_wins = false;
    r.Next(words);
    bool abbreviation = r.Text(title_start, r.pos()).back() == '.' ||
                        r.Lower(0) == "." ;
    of_relation = In(relation_titles_, LowerWord(r.Text(title_start, r.pos())));
    if (!abbreviation) last = read_modifiers(true);
    of_relation = false;
    std::string_view title = r.Text(title_start, r.pos());
    bool courtesy = title == "M." || title == "Mme" || title == "Mme." ||
                    title == "Monsieur" || title == "Madame" || title == "Mlle";
    if (!courtesy) Join(&role, ", ", title);
    courtesy_title = courtesy_title || courtesy;
    last = r.pos();
  }
  // A possessive or article, a noun the lexicons do not know, then a
  // capitalized name: the noun is the person's role ("son agent Paul
  // Meyer", "sa nièce Marion").
  // Also with one adjective before a known first name: "le surfeur landais
  // Pierre Laborde".
  auto unknown_word = [&](size_t k) {
    return r.IsWord(k) && !IsUpperStart(r.Word(k)) && !In(source_nouns_, r.Lower(k)) &&
           !In(phrase_stops_, r.Lower(k)) && !In(determiners_, r.Lower(k)) &&
           !LookupVerb(r.Word(k)) && !In(prenominal_adjectives_, r.Lower(k));
  };
  if (role.empty() && has_det && unknown_word(0) && r.IsWord(1) && IsUpperStart(r.Word(1)) &&
      !In(determiners_, r.Lower(1)) && !In(pronouns_, r.Lower(1)) && !place_tokens(1)) {
    Join(&role, ", ", r.Word());
    r.Next();
    last = r.pos();
  } else if (role.empty() && has_det && unknown_word(0) && unknown_word(1) &&
             IsModifier(r.Lower(1), /*of_title=*/false) && r.IsWord(2) &&
             IsUpperStart(r.Word(2)) && FirstNameGender(r.Lower(2)) && r.IsWord(3) &&
             IsUpperStart(r.Word(3))) {
    Join(&role, ", ", r.Text(r.pos(), r.pos() + 2));
    r.Next(2);
    last = r.pos();
  }
  // The longest known name starting here, capitalized: its type, and
  // its length in tokens in *n.
  // "Selon Le Canard enchaîné": the capitalized article opening the name
  // is kept with it, not looked up.
  auto known_body = [&](size_t* n) -> const std::string* {
    // "Le Monde", "Les Echos": names listed with their article.
    if (named_article) {
      if ((*n = known_name_with_article()) > 0) {
        return Find(organization_names_, LowerWord(r.Text(r.pos(), r.pos() + *n)));
      }
    }
    const size_t article = named_article ? 1 : 0;
    if (!r.IsWord(article) && !r.IsNumber(article)) return nullptr;  // "20 Minutes"
    const std::string_view first = r.Word(article);
    if (!In(organization_first_words_, first.substr(0, first.find_first_of("'-")))) {
      return nullptr;
    }
    const size_t from = r.pos() + article;
    for (*n = std::min(max_organization_words_, limit - from); *n > 0; --*n) {
      // A name may end with a number ("France 24", "Europe 1").
      if (!r.IsWord(article + *n - 1) && !r.IsNumber(article + *n - 1)) continue;
      if (const std::string* type =
              Find(organization_names_, LowerWord(r.Text(from, from + *n)))) {
        *n += article;
        return type;
      }
    }
    return nullptr;
  };
  // A known body's name that opens with a head noun ("l'Organisation des
  // Nations unies pour l'alimentation et l'agriculture", "le Comité pour
  // la protection des journalistes") is read whole below, not as the
  // noun and complements that would stop at "pour" or "et".
  auto known_name_opens = [&]() -> bool {
    size_t n = 0;
    return IsUpperStart(r.Word()) && known_body(&n) != nullptr && n > 1;
  };
  // A head noun: "l'ONG", "les militaires américains", "une source policière".
  if (role.empty() && !known_name_opens()) {
    if (auto type = Find(source_nouns_, r.Lower())) {
      head_type = *type;
      phrase.head = r.Lower();
      // "l'association": the noun gives the gender the article did not.
      if (phrase.gender == Gender::kUnknown) {
        if (auto g = Find(elided_source_noun_genders_, phrase.head)) phrase.gender = GenderOf(*g);
      }
      head_first = r.pos();
      r.Next();
      last = read_modifiers(false);
      head_end = r.pos();
    }
  }
  // A demonym before a name is a role: "l'Américain Pete Selleck".
  if (size_t n = covered(places.demonyms, 0); n > 0 && r.IsWord(n) && IsUpperStart(r.Word(n))) {
    Join(&role, ", ", r.Text(r.pos(), r.pos() + n));
    r.Next(n);
    last = r.pos();
  }
  // "le député LR Éric Ciotti", "le syndicaliste CFDT Laurent Julien": an
  // acronym between a title and a person's name is the title's party or
  // union, not part of the name; the phrase keeps it, the name does not.
  if (!role.empty() && r.IsWord() && IsAllCapitals(r.Word()) && r.IsWord(1) &&
      IsUpperStart(r.Word(1)) && !IsAllCapitals(r.Word(1)) && !In(determiners_, r.Lower(1))) {
    r.Next();
    last = r.pos();
  }
  // A proper name: capitalized words, initials, particles inside; or a
  // known body's name with its lower-case words ("le Front national").
  size_t name_first = r.pos(), name_words = 0;
  // The tokens a particle at the reader takes inside a name before its
  // next word, 0 for none: "de Villepin", "d'Estaing", "Le Pen", "Di
  // Maio", "Lula da Silva" (the French articles only capitalized, the
  // foreign particles either way), "Bank of America", "Van der Bellen",
  // "von der Leyen" (two). Not "Jean Dupont du CNRS", "Martijn Van Roie de
  // BINCO": "de" before an acronym names the person's body, not a surname.
  auto name_particle_tokens = [&]() -> size_t {
    if (name_words == 0 || !r.IsWord()) return 0;
    const std::string_view w = r.Word();
    const std::string_view lw = r.Lower();
    const bool capitalized_only = lw == "le" || lw == "la";
    const bool particle = (IsNameParticle(lw) && (!capitalized_only || IsUpperStart(w))) ||
                          lw == "for" || lw == "of";
    const auto after_von = [&] {
      const std::string before = LowerWord(r.Text(r.pos() - 1, r.pos()));
      return before == "von" || before == "van";
    };
    const bool von_der = (lw == "der" || lw == "den") && after_von();
    const bool of_body = (lw == "de" || lw == "du") && r.IsWord(1) && IsAllCapitals(r.Word(1));
    if ((particle || von_der) && !of_body && r.IsWord(1) && IsNameWord(r.Word(1))) return 1;
    if ((lw == "von" || lw == "van") && (r.Lower(1) == "der" || r.Lower(1) == "den") &&
        r.IsWord(2) && IsUpperStart(r.Word(2))) {
      return 2;
    }
    return 0;
  };
  size_t body_tokens = 0;
  // 'le collectif "TER21"', "l'association « Vivre ensemble »": a body's
  // name in quote marks after its noun; the name is the quoted words.
  constexpr size_t kMaxQuotedNameTokens = 6;
  size_t quoted_name_end = 0;
  if (const size_t close = head_type.empty() ? 0
                           : QuotedCapitalizedEnd(r, kMaxQuotedNameTokens, /*joiners=*/false);
      close > 0) {
    name_first = r.pos() + 1;
    r.Next(close);
    quoted_name_end = r.pos();
    r.Next();  // the closing mark
    name_words = kMaxNameWords;
  } else if (const std::string* type = known_body(&body_tokens)) {
    head_type = *type;
    r.Next(body_tokens);
    name_words = kMaxNameWords;  // read no more capitalized words
  }
  while (!r.done() && name_words < kMaxNameWords &&
         (r.IsWord() || (name_words > 0 && r.Word() == "&"))) {
    // "Procter & Gamble", "Carambar & Co": an ampersand between
    // capitalized words joins them.
    if (r.Word() == "&") {
      if (!r.IsWord(1) || !IsUpperStart(r.Word(1))) break;
      r.Next();
      continue;
    }
    std::string_view w = r.Word();
    std::string_view lw = r.Lower();
    // A name after a head noun may open with its article: "le quotidien
    // Le Figaro", "l'entreprise La Poste".
    bool titled_article = name_words == 0 && (!head_type.empty() || named_article) &&
                          IsUpperStart(w) && In(determiners_, lw) && r.IsWord(1) &&
                          IsUpperStart(r.Word(1));
    // "Effrayées, les filles…": a capitalized plural participle is not a
    // name. Nor, opening the sentence, a singular one before a comma or
    // its agent ("Contacté, le propriétaire …", "Interrogée par l'AFP, …";
    // not "l'Élysée", "Selon Houdré, …", known first names: "René, …"),
    // or a present participle before its complement ("Revenant sur la
    // question, M. X …"; not "Vaillant a déclaré").
    const bool singular_ending = EndsWith(lw, "ée") || EndsWith(lw, "é");
    const bool present_ending = lw.size() > 5 && EndsWith(lw, "ant");
    const bool participle_at_start = r.pos() == 0 && (singular_ending || present_ending) &&
                                     !In(first_names_, lw);
    // The word after it, even past `limit` (a subject search may stop the
    // phrase before the comma).
    const std::string next = participle_at_start && r.pos() + 1 < tokens.size()
                                 ? LowerWord(tokens[r.pos() + 1].span.Of(text))
                                 : std::string();
    const bool singular_participle =
        participle_at_start && singular_ending && (next == "," || next == "par");
    const bool present_participle =
        participle_at_start && present_ending &&
        (In(prepositions_, next) || In(determiners_, next) || next == "que" || next == "qu'");
    bool participle = EndsWith(lw, "ées") || EndsWith(lw, "és") || singular_participle ||
                      present_participle;
    // "M. Le Vern", "Mme Le Pen": after a courtesy title, a capitalized
    // article before a capitalized word opens the surname.
    const bool surname_article = name_words == 0 && courtesy_title && IsUpperStart(w) &&
                                 (lw == "le" || lw == "la") && r.IsWord(1) &&
                                 IsUpperStart(r.Word(1));
    // "le LR Laurent Wauquiez", "le PS Olivier Faure": a party's acronym
    // before a person's full name labels them; the name starts after it.
    if (name_words == 0 && IsPartyAcronym(w) && r.IsWord(1) &&
        FirstNameGender(r.Lower(1)) && r.IsWord(2) && IsUpperStart(r.Word(2))) {
      r.Next();
      name_first = r.pos();
      continue;
    }
    // "Maria A. est une femme cinquantenaire", "selon Victor P.": a
    // surname cut to its initial after a first name (court reporting keeps
    // people anonymous), the dot the name's; "A" is no verb here. After an
    // unknown first name, only before a lower-case word ("Sonia B. a
    // témoigné"; "… a dit Sonia B. Elle …" may end a sentence).
    if (name_words == 1 && w.size() == 1 && IsUpperStart(w) && r.Glued(0) &&
        r.Word(1) == "." &&
        (FirstNameGender(LowerWord(r.Text(r.pos() - 1, r.pos()))) ||
         (r.IsWord(2) && !IsUpperStart(r.Word(2))))) {
      r.Next(2);
      ++name_words;
      continue;
    }
    if (titled_article || surname_article || ArabicArticleName(w) ||
        (IsUpperStart(w) && !In(determiners_, lw) && !In(phrase_stops_, lw) &&
         !In(pronouns_, lw) && !(participle && name_words == 0))) {
      // "le président de la Région Bretagne Jean Dupont": after a title,
      // a known first name inside the capitalized words, with a surname
      // after it, starts the person's name; the words before it end the
      // title's complement.
      if (name_words > 0 && !role.empty() && r.IsWord(1) && IsUpperStart(r.Word(1)) &&
          FirstNameGender(lw) && !FirstNameGender(LowerWord(r.Text(r.pos() - 1, r.pos())))) {
        role += " " + std::string(r.Text(name_first, r.pos()));
        name_first = r.pos();
        name_words = 0;
      }
      // "John J. Thomas": an initial goes on to a name word; "a ajouté M.
      // Li." ends with its sentence's full stop.
      bool initial = w.size() <= 2 && r.Glued(0) && r.Word(1) == "." && r.IsWord(2) &&
                     IsUpperStart(r.Word(2));
      // "TER21", "G20": digits glued to a capitalized word are the name's.
      const bool digits = !initial && r.Glued(0) && r.IsNumber(1);
      // "Selon Century 21, …", "l'université Rennes 2": a short number
      // after it, where the phrase ends, is the name's too.
      const bool spaced_number = !initial && !digits && IsShortNumber(r.Word(1)) &&
                                 r.IsNumber(1) &&
                                 (r.Word(2).empty() || r.Word(2) == "," ||
                                  r.Word(2) == ":" || r.Word(2) == ")");
      r.Next(initial || digits || spaced_number ? 2 : 1);
      ++name_words;
      continue;
    }
    // "Marine Le Pen", "Ursula von der Leyen": a particle inside the name.
    if (const size_t particle = name_particle_tokens()) {
      r.Next(particle);
      continue;
    }
    break;
  }
  size_t name_end = quoted_name_end > 0 ? quoted_name_end : r.pos();
  if (name_words > 0) last = quoted_name_end > 0 ? r.pos() : name_end;  // past the mark
  // An acronym in parentheses: "(Centcom)", also after the lower-case
  // words of a French name: "la Confédération générale du travail (CGT)".
  std::optional<std::string> acronym;
  // The rest of a name spelled out before its acronym, capitalized words
  // among lower-case ones: "le Programme des Nations unies pour
  // l'environnement (PNUE)". Taken only when the acronym's letters are
  // its words' initials; the tokens to "(", else 0.
  auto expansion_before_acronym = [&]() -> size_t {
    constexpr size_t kMaxExpansionTokens = 10;
    size_t k = 0;
    while (k < kMaxExpansionTokens && r.IsWord(k) && !LookupVerb(r.Word(k))) ++k;
    if (k == 0 || r.Word(k) != "(" || !r.IsWord(k + 1) || r.Word(k + 2) != ")") return 0;
    return AcronymOf(r.Word(k + 1), r.Text(name_first, r.pos() + k)) ? k : 0;
  };
  if (name_words > 0 && r.Word() != "(") {
    size_t k = 0;
    while (k < kMaxNameTailWords && r.IsWord(k) && !IsUpperStart(r.Word(k)) &&
           !LookupVerb(r.Word(k)) && !In(phrase_stops_, r.Lower(k))) {
      ++k;
    }
    if (k > 0 && r.Word(k) == "(" && r.IsWord(k + 1) && IsUpperStart(r.Word(k + 1))) {
      r.Next(k);
      name_end = r.pos();
    } else if (size_t n = expansion_before_acronym(); n > 0) {
      r.Next(n);
      name_end = r.pos();
    }
  } else if (name_words == 0 && head_end > head_first && r.pos() == head_end && !r.done() &&
             r.Word() != "(") {
    // "l'agence des Nations unies pour les réfugiés (HCR)", "l'Agence de
    // l'environnement et de la maîtrise de l'énergie (Ademe)": a head
    // noun's complements that stopped at "pour" or "et" go on to the
    // body's acronym in parentheses, which names it; what the writer says
    // of it need not spell the acronym ("HCR" is the French name's).
    constexpr size_t kMaxComplementTokens = 10;
    size_t k = 0;
    while (k < kMaxComplementTokens && r.IsWord(k) && !LookupVerb(r.Word(k))) ++k;
    if (k > 0 && r.Word(k) == "(" && r.IsWord(k + 1) && IsAllCapitals(r.Word(k + 1)) &&
        r.Word(k + 2) == ")") {
      r.Next(k);
      head_end = r.pos();
    }
  }
  if (r.Word() == "(") {
    size_t open = r.pos();
    size_t k = 1;
    while (k <= kMaxParenthesisWords && r.IsWord(k) && IsUpperStart(r.Word(k))) ++k;
    // Not one letter: "le centre opérationnel d'Annecy (F)" gives a country.
    const bool letter = k == 2 && r.Word(1).size() == 1;
    // "le maire (PC) Stéphane Barré": between a title and a name, the
    // parenthesis gives the party; the name follows.
    const bool party = !role.empty() && name_words == 0 && r.Word(k) == ")" &&
                       r.IsWord(k + 1) && IsUpperStart(r.Word(k + 1)) &&
                       !In(determiners_, r.Lower(k + 1));
    if (party) {
      r.Next(k + 1);
      last = r.pos();
      name_first = r.pos();
      while (!r.done() && name_words < kMaxNameWords && r.IsWord() && IsUpperStart(r.Word())) {
        r.Next();
        ++name_words;
      }
      name_end = r.pos();
      last = name_end;
    } else if (k > 1 && !letter && r.Word(k) == ")") {
      // "Jean Asselborn (LSAP)": after a person's full name, known by the
      // first name, the parenthesis gives the party, not another name.
      // Also "Loïg Chesnais-Girard (PS)", a first name not in the
      // lexicon: two name words and a short capitalized acronym that is
      // not their initials ("Crédit Agricole (CA)" is a body's).
      const std::string letters(r.Text(open + 1, open + k));
      const bool affiliation =
          name_words >= 2 &&
          (FirstNameGender(LowerWord(r.Text(name_first, name_first + 1))) ||
           (name_words == 2 && k == 2 && letters.size() <= 4 && IsAffiliationAcronym(letters) &&
            !AcronymOf(letters, r.Text(name_first, name_end))));
      // "le Secrétaire général (SG) du ministère": the title's own
      // abbreviation, no name.
      const bool title_abbreviation = !role.empty() && name_words == 0 && AcronymOf(letters, role);
      if (!affiliation && !title_abbreviation) acronym = letters;
      r.Next(k + 1);
      if (title_abbreviation) {
        // The title's complements go on after it: "… (SG) du ministère de
        // la Santé".
        const size_t complement = r.pos();
        read_modifiers(true);
        if (r.pos() > complement) role += " " + std::string(r.Text(complement, r.pos()));
      }
      last = r.pos();
    }
  }
  // The words of a title at the reader's position, its adjective
  // included (", ancien maire de Nice"); 0 when none starts there.
  auto title_words_here = [&]() -> size_t {
    size_t adjective = In(prenominal_adjectives_, r.Lower()) ? 1 : 0;
    if (r.pos() + adjective + 1 < limit &&
        In(titles_, JoinWords(r.Lower(adjective), r.Lower(adjective + 1)))) {
      return adjective + 2;
    }
    if (r.pos() + adjective < limit && In(titles_, r.Lower(adjective))) return adjective + 1;
    return 0;
  };
  // Apposition: ", un porte-parole", ", porte-parole de l'armée".
  auto read_apposition_title = [&]() {
    if (r.Word() != ",") return;
    size_t save = r.pos();
    r.Next();
    // ", par ailleurs porte-parole du gouvernement,": a connector before
    // the title.
    if (In(statement_skips_, JoinWords(r.Lower(), r.Lower(1)))) {
      r.Next(2);
    } else if (In(statement_skips_, r.Lower()) && r.IsWord(1)) {
      r.Next();
    }
    // "Jean Dupont, 45 ans, agriculteur à Lunel": the age before the title.
    if (IsShortNumber(r.Word()) && r.Lower(1) == "ans" && r.Word(2) == ",") r.Next(3);
    if (In(determiners_, r.Lower())) r.Next();
    size_t title_start = r.pos();
    const size_t words = title_words_here();
    if (!words) {
      r.Seek(save);
      return;
    }
    r.Next(words);
    // "Olivier Marleix, juge de son côté que …": a connector right after
    // the title makes it the verb the word also spells.
    if (In(statement_skips_, JoinWords(JoinWords(r.Lower(), r.Lower(1)), r.Lower(2))) ||
        In(statement_skips_, JoinWords(r.Lower(), r.Lower(1)))) {
      r.Seek(save);
      return;
    }
    read_modifiers(true, /*apposition=*/true);
    // ", sociologue français et professeur à l'Université Bordeaux II,":
    // a second title joined by "et".
    if (r.Lower() == "et") {
      const size_t before_et = r.pos();
      r.Next();
      if (In(determiners_, r.Lower())) r.Next();
      if (const size_t more = title_words_here(); more > 0) {
        r.Next(more);
        read_modifiers(true, /*apposition=*/true);
      } else {
        r.Seek(before_et);
      }
    }
    // "Selon la procureure, Pascale Fontaine, le suspect a été
    // interpellé": a title followed by an auxiliary is the next clause's
    // subject, not an apposition.
    if (r.IsWord() && (In(auxiliaries_, r.Lower()) || In(modal_verbs_, r.Lower()) ||
                       r.Lower() == "est" || r.Lower() == "sont" ||
                       LooksLikeImperfect(r.Lower()))) {
      r.Seek(save);
      return;
    }
    // "Le président du groupe, Olivier Marleix, juge le texte
    // insuffisant": a title right before an object's article is the verb
    // it also spells ("juge", "pilote", "garde"); an apposition ends at a
    // comma or at the verb. ("du", "des" open a complement the modifiers
    // did not take.)
    if (r.IsWord() && In(determiners_, r.Lower()) && r.Lower() != "du" && r.Lower() != "des") {
      r.Seek(save);
      return;
    }
    Join(&role, ", ", r.Text(title_start, r.pos()));
    last = r.pos();
  };
  if (name_words > 0 || acronym) read_apposition_title();
  // ", de l'hôpital Bichat,", ", du Parti socialiste,": an affiliation
  // between commas after a name belongs to the phrase (its span, not its
  // name); a capitalized word in it and no verb tell it from a statement
  // ("Selon X, de nombreux civils …").
  auto read_affiliation = [&]() {
    constexpr size_t kMaxAffiliationTokens = 10;
    if (r.Word() != ",") return;
    const std::string_view first = r.Lower(1);
    if (first != "de" && first != "du" && first != "des" && first != "d'") return;
    bool capital = false;
    size_t k = 2;
    for (; k <= kMaxAffiliationTokens && r.IsWord(k); ++k) {
      const std::string_view w = r.Lower(k);
      if (LookupVerb(w) || In(auxiliaries_, w) || In(reflexive_auxiliaries_, w)) return;
      capital = capital || IsUpperStart(r.Word(k));
    }
    // ", de l'Observatoire français des conjonctures économiques (OFCE),".
    if (r.Word(k) == "(" && r.IsWord(k + 1) && r.Word(k + 2) == ")") k += 3;
    if (!capital || r.Word(k) != ",") return;
    r.Next(k);
    last = r.pos();
  };
  if (name_words > 0 && !acronym) read_affiliation();
  // Whether the name of someone titled starts `ahead` tokens on.
  auto name_at = [&](size_t ahead) {
    return r.IsWord(ahead) && IsUpperStart(r.Word(ahead)) && !In(determiners_, r.Lower(ahead));
  };
  // A second title between the first and the name: "La porte-parole de la
  // gendarmerie, la lieutenant-colonel Maddy Scheurer", "le ministre
  // d'État, ministre de l'Intérieur, Tayeb Belaïz". Both are the role.
  bool name_follows = false;
  if (!role.empty() && name_words == 0 && !acronym && r.Word() == ",") {
    const size_t save = r.pos();
    r.Next();
    if (In(determiners_, r.Lower())) r.Next();
    const size_t title_start = r.pos();
    // "Son avocate, Me Laure Picard": a courtesy title before the name
    // is no second title (the apposition below steps over it).
    const std::string_view first_word = r.Lower();
    const bool courtesy = first_word == "me" || first_word == "maître" || first_word == "m" ||
                          first_word == "mme" || first_word == "mlle";
    const size_t words = courtesy ? 0 : title_words_here();
    if (words) {
      r.Next(words);
      read_modifiers(true, /*apposition=*/true);
      const size_t title_end = r.pos();
      name_follows = name_at(0);
      if (name_follows || (r.Word() == "," && name_at(1))) {
        Join(&role, ", ", r.Text(title_start, title_end));
      } else {
        r.Seek(save);
      }
    } else {
      r.Seek(save);
    }
  }
  // A title or a source noun without a name, then the name in apposition:
  // "le ministre de l'Intérieur, Bernard Cazeneuve,", "a annoncé son
  // équipe, Arkéa-Samsic.". The name ends the apposition: a clause that
  // goes on after it has it as subject ("Selon le ministre, Paris sera
  // candidate", "Selon le correspondant de la BBC, Jean Roux a
  // démissionné"). A subject whose closing comma was forgotten ("le
  // ministre, Bernard Cazeneuve a déclaré") is read up to its verb, the
  // phrase's limit. After a source noun, the name must end the sentence:
  // "Pour le parti, Paris, Lyon et Lille …" name no source.
  bool person_in_apposition = false;
  auto apposition_ends = [&] {
    if (r.done()) return true;
    if (role.empty()) {
      // Or an affiliation follows: "l'un des membres de l'équipe, Fabio
      // Pacucci, du Harvard-Smithsonian Center."
      const std::string_view next = r.Word();
      const std::string_view of = r.Lower(1);
      return next == "." || next == "!" || next == "?" || next == "…" ||
             (next == "," && (of == "du" || of == "de" || of == "d'" || of == "des"));
    }
    return !r.IsWord();
  };
  // After a title, an acronym may be its complement's: "le ministre de
  // l'Agriculture (MAER), Papa Abdoulaye Seck" (below, dropped once the
  // name is read).
  if ((!role.empty() || !head_type.empty()) && name_words == 0 && (!acronym || !role.empty()) &&
      (name_follows || (r.Word() == "," && name_at(1)))) {
    const size_t before_apposition = r.pos();
    if (!name_follows) r.Next();
    bool courtesy_before_name = false;
    // "Son avocat, Me Antoine Casubolo": the courtesy title is not a name.
    // It makes a person of the name ("son confrère, Me Yanis Haddad": not
    // the press that "confrère" names alone).
    if (r.Glued(0) && r.Word(1) == "." && In(titles_, std::string(r.Lower()) + ".") &&
        r.IsWord(2) && IsUpperStart(r.Word(2))) {
      r.Next(2);  // "M. Jean Roux"
      courtesy_before_name = true;
    } else if (r.IsWord(1) && IsUpperStart(r.Word(1)) && In(titles_, r.Lower())) {
      r.Next();  // "Me Antoine Casubolo", "Mme Roux"
      courtesy_before_name = true;
    }
    name_first = r.pos();
    while (!r.done() && name_words < kMaxNameWords && r.IsWord()) {
      // "Ursula von der Leyen", "Charles de Courson": as in a name read
      // first.
      if (const size_t particle = name_particle_tokens()) {
        r.Next(particle);
        continue;
      }
      if (!IsUpperStart(r.Word()) && !(name_words > 0 && ArabicArticleName(r.Word()))) break;
      bool initial = r.Word().size() <= 2 && r.Glued(0) && r.Word(1) == ".";
      r.Next(initial ? 2 : 1);
      ++name_words;
    }
    if (name_follows || apposition_ends()) {
      name_end = r.pos();
      last = name_end;
      // "l'un des membres de l'équipe, Fabio Pacucci": a member of a group
      // of people, named, is a person.
      if ((role.empty() && head_type == "anonymous") || courtesy_before_name) {
        person_in_apposition = true;
      }
      if (name_words > 0) acronym.reset();
      // "…, Bruno Koné, par ailleurs porte-parole du gouvernement,": a title
      // in apposition after that name too.
      if (name_words > 0) read_apposition_title();
    } else {
      r.Seek(before_apposition);
      name_first = r.pos();
      name_words = 0;
    }
  }
  if (last <= start) return std::nullopt;
  phrase.span.end = r.End(last - 1);
  if (!time_of_office.empty() && !role.empty()) role = std::string(time_of_office) + " " + role;
  phrase.role = role.empty() ? std::nullopt : std::optional<std::string>(role);

  if (acronym) {
    phrase.name = *acronym;
    size_t alias_first = head_end > head_first ? head_first : name_first;
    size_t alias_end = name_words > 0 ? name_end : head_end;
    if (alias_end > alias_first) phrase.alias = std::string(r.Text(alias_first, alias_end));
    phrase.type = head_type.empty() ? "organization" : head_type;
    phrase.proper_name = true;
    return phrase;
  }
  // "la Fondation Abbé-Pierre", "l'Institut Montaigne": a head of
  // name_heads written with a capital, right before the name, is part of
  // it ("le Groupe France Télécom", "l'ONG Airwars" are not).
  if (name_words > 0 && !acronym && head_end == head_first + 1 && name_first == head_end &&
      IsUpperStart(tokens[head_first].span.Of(text)) && In(name_heads_, phrase.head)) {
    name_first = head_first;
  }
  if (name_words > 0) {
    phrase.name = std::string(r.Text(name_first, name_end));
    phrase.proper_name = true;
    if (!role.empty() || courtesy_title || person_in_apposition) {
      phrase.type = "person";
    } else if (!head_type.empty()) {
      phrase.type = head_type == "anonymous" || head_type == "document"
                        ? "organization" : head_type;
    } else if (const std::string* known = Find(organization_names_, LowerWord(phrase.name))) {
      // "la BBC", "CNN", "RMC Sport": a listed name in capitals, or one
      // whose first word the capitalized lookup above did not fold.
      phrase.type = *known;
    } else {
      // "le Centcom", "SUD", "Amnesty International" are organizations;
      // "Hassan", "Jean Dupont" people.
      std::string_view first_word = tokens[name_first].span.Of(text);
      bool acronym_like = name_words == 1 && first_word.size() >= 2 &&
                          IsUpperStart(first_word.substr(1));
      // A lone unknown word is rarely a person's first mention: people are
      // introduced by full name, and their surname alone is resolved later.
      bool organization = has_det || acronym_like || name_words == 1;
      for (size_t k = name_first; k < name_end && !organization; ++k) {
        organization = In(organization_words_, LowerWord(tokens[k].span.Of(text)));
      }
      phrase.type = organization ? "organization" : "person";
    }
    if (phrase.type == "person" && phrase.gender == Gender::kUnknown) {
      // "Marine Le Pen", "Jean-Marie Le Pen": the first name tells.
      std::string first = LowerWord(tokens[name_first].span.Of(text));
      auto g = Find(first_names_, first);
      if (!g && first.find('-') != std::string::npos) {
        g = Find(first_names_, first.substr(0, first.find('-')));
      }
      if (g) {
        phrase.gender = GenderOf(*g);
        phrase.first_name = name_words > 1;
      }
    }
    return phrase;
  }
  // "selon nos informations", "d'après nos calculs": the article itself.
  if (outlets_own && head_type == "document") return std::nullopt;
  if (!head_type.empty()) {
    // "plusieurs partis d'opposition", "quelques associations": a group's
    // quantifier is part of its description; an article is not.
    const std::string det = has_det ? LowerWord(tokens[start].span.Of(text)) : "";
    const bool quantifier = has_det && tokens[start].span.start < tokens[head_first].span.start &&
                            !IsArticle(det);
    phrase.name = std::string(r.Text(quantifier ? start : number.value_or(head_first), head_end));
    phrase.type = head_type;
    // "le Parti populaire", "la Commission européenne": a capitalized head
    // names one body.
    phrase.proper_name = IsUpperStart(tokens[head_first].span.Of(text));
    // "La Direction générale de la santé": a capitalized organ is a body.
    if (phrase.proper_name && phrase.type == "anonymous") phrase.type = "organization";
    return phrase;
  }
  if (!role.empty()) {
    phrase.reference = SourcePhrase::Reference::kRoleOnly;
    phrase.name = role;
    phrase.type = "anonymous";
    return phrase;
  }
  return std::nullopt;
}

}  // namespace claimx
