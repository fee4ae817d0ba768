// Sources, quotes and claims: the quote finder on hostile marks, the source
// grammar, the claim linker on corpora/fr/source and on the seed article.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "extractor/emit_json.h"
#include "extractor/quote.h"
#include "tests/test_util.h"

namespace claimx {
namespace {

using json = nlohmann::ordered_json;

std::vector<Span> OneParagraph(std::string_view text) { return {Span{0, text.size()}}; }

// Paragraphs separated by blank lines, as the segmenter cuts them.
std::vector<Span> Paragraphs(std::string_view text) {
  std::vector<Span> out;
  size_t start = 0;
  for (size_t blank; (blank = text.find("\n\n", start)) != std::string_view::npos;
       start = blank + 2) {
    out.push_back(Span{start, blank});
  }
  out.push_back(Span{start, text.size()});
  return out;
}

std::string QuoteText(std::string_view text, const Quote& q) {
  return std::string(q.content.Of(text));
}

// The contents of the quotes of a one-paragraph text, in order.
std::vector<std::string> QuoteTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const Quote& q : FindQuotes(text, OneParagraph(text))) out.push_back(QuoteText(text, q));
  return out;
}

TEST_CASE("quotes: French, English, straight, with inner ‹ ›", "[quote]") {
  std::string text = "Il a dit « oui ‹ non › peut-être » puis “yes” et \"no\".";
  auto quotes = FindQuotes(text, OneParagraph(text));
  REQUIRE(quotes.size() == 3);
  CHECK(QuoteText(text, quotes[0]) == "oui ‹ non › peut-être");
  CHECK(quotes[0].style == QuoteStyle::kFrench);
  CHECK(QuoteText(text, quotes[1]) == "yes");
  CHECK(quotes[1].style == QuoteStyle::kEnglish);
  CHECK(QuoteText(text, quotes[2]) == "no");
  CHECK(quotes[2].span.Of(text) == "\"no\"");
}

TEST_CASE("quotes: a mistyped “ closes an open “ when glued to the word before", "[quote]") {
  // "“A“": web text types the opening mark twice.
  std::string text = "Il a dit “Il y aura des grèves“, a-t-il expliqué. “Fin“";
  auto quotes = FindQuotes(text, OneParagraph(text));
  REQUIRE(quotes.size() == 2);
  CHECK(QuoteText(text, quotes[0]) == "Il y aura des grèves");
  CHECK(QuoteText(text, quotes[1]) == "Fin");
  // A “ after a space still opens an inner quote, and one glued to the next
  // word too: "“A “B” C”" and "“A“B” C”" are nested.
  CHECK(QuoteTexts("“un “vrai” choix” et “un“vrai” choix”") ==
        std::vector<std::string>{"un “vrai” choix", "un“vrai” choix"});
  // With no “ open, a glued “ opens as written.
  CHECK(QuoteTexts("Le mot“ ici” reste.") == std::vector<std::string>{"ici"});
}

TEST_CASE("quotes: a closing mark of the wrong kind closes the innermost quote", "[quote]") {
  // Web text typed with two keyboards: "“A »", "\"A »", "« A ”".
  std::string text = "“On a manqué de patience » puis \"une amende» et « trop tard ” enfin.";
  CHECK(QuoteTexts(text) ==
        std::vector<std::string>{"On a manqué de patience", "une amende", "trop tard"});
  CHECK(FindQuotes(text, OneParagraph(text))[0].style == QuoteStyle::kEnglish);
  // A mark that an open quote expects closes that quote, as written: in
  // "« un “faux » »" the first » closes the «, the “ inside left open.
  CHECK(QuoteTexts("« un “vrai” choix » et « un “faux » »") ==
        std::vector<std::string>{"un “vrai” choix", "un “faux"});
}

TEST_CASE("quotes: a French quote over paragraphs reopens with «", "[quote]") {
  std::string text = "«Premier paragraphe.\n\n«Deuxième paragraphe», a-t-il dit.\n\nFin.";
  auto quotes = FindQuotes(text, Paragraphs(text));
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].span.start == 0);
  CHECK(QuoteText(text, quotes[0]).find("Deuxième paragraphe") != std::string::npos);
}

TEST_CASE("quotes: a straight quote over paragraphs closes glued to the last word",
          "[quote]") {
  std::string text =
      "\"J'ai pu lire des choses.\n\nCe n'est pas le cas\" insiste-t-elle. \"Le budget a "
      "augmenté.\" Fin.";
  auto quotes = FindQuotes(text, Paragraphs(text));
  REQUIRE(quotes.size() == 2);
  CHECK(QuoteText(text, quotes[0]) == "J'ai pu lire des choses.\n\nCe n'est pas le cas");
  CHECK(QuoteText(text, quotes[1]) == "Le budget a augmenté.");
}

TEST_CASE("quotes: a straight quote left open does not swallow a paragraph that opens one",
          "[quote][bad_input]") {
  // The next paragraph's first mark opens (a space before it): the first
  // quote is unbalanced and dropped, as before.
  std::string text = "\"Jamais fermé.\n\nIl a dit \"oui\" hier.";
  auto quotes = FindQuotes(text, Paragraphs(text));
  REQUIRE(quotes.size() == 1);
  CHECK(QuoteText(text, quotes[0]) == "oui");
  // Nor across a paragraph with no mark: the open quote ends there, dropped.
  std::string far = "\"A";
  for (int i = 0; i < 12; ++i) far += "\n\nB";
  far += " fin\" dit-il.";
  CHECK(FindQuotes(far, Paragraphs(far)).empty());
}

TEST_CASE("quotes: an unbalanced « is dropped at its paragraph end", "[quote][bad_input]") {
  std::string text = "« Jamais fermé.\n\nSuite sans guillemet « ici ».";
  auto quotes = FindQuotes(text, Paragraphs(text));
  REQUIRE(quotes.size() == 1);
  CHECK(QuoteText(text, quotes[0]) == "ici");
}

TEST_CASE("quotes: hostile marks stay linear and bounded", "[quote][bad_input]") {
  std::string lone = "\xC2\xAB";
  CHECK(FindQuotes(lone, OneParagraph(lone)).empty());
  std::string many;
  for (int i = 0; i < 10000; ++i) many += "\xC2\xAB";
  CHECK(FindQuotes(many, OneParagraph(many)).empty());
  std::string nested;
  for (int i = 0; i < 50; ++i) nested += "« a ";
  for (int i = 0; i < 50; ++i) nested += " » ";
  auto quotes = FindQuotes(nested, OneParagraph(nested));
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].span == Span{0, nested.size() - 1});
  std::string big = "«" + std::string(2 << 20, 'a') + "»";
  auto one = FindQuotes(big, OneParagraph(big));
  REQUIRE(one.size() == 1);
  CHECK(one[0].content.size() == size_t{2} << 20);
}

TEST_CASE("reporting verbs are generated from lemmas and endings", "[source]") {
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  auto grammar = SourceGrammar::Create(**book);
  REQUIRE(grammar.ok());
  CHECK(grammar->verb_form_count() > 1000);
  for (const char* form : {"déclaré", "estime", "estiment", "chiffre", "indiquait",
                           "affirmerait", "dit", "reconnaît", "poursuit", "avertit"}) {
    INFO(form);
    CHECK(grammar->LookupVerb(form) != nullptr);
  }
  CHECK(grammar->LookupVerb("déclaré")->lemma == "déclarer");
  CHECK(grammar->LookupVerb("déclaré")->participle);
  CHECK_FALSE(grammar->LookupVerb("déclaré")->finite);
  CHECK(grammar->LookupVerb("maison") == nullptr);
  std::string_view verb;
  auto gender = grammar->SplitInversion("poursuit-elle", &verb);
  REQUIRE(gender);
  CHECK(*gender == Gender::kFeminine);
  CHECK(verb == "poursuit");
}

TEST_CASE("every non-verbal cue rule has a claim confidence", "[source]") {
  // A cue rule fr.source.X makes claims of rule fr.claim.X; without an
  // entry in claim_confidence they would get the 0.5 fallback silently.
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  const RuleSet* cues = (*book)->Dimension("source");
  REQUIRE(cues != nullptr);
  const auto* confidence = (*book)->Lexicon("claim_confidence");
  REQUIRE(confidence != nullptr);
  REQUIRE(!cues->rules().empty());
  for (const Rule& rule : cues->rules()) {
    const std::string claim_rule = "fr.claim." + rule.id.substr(rule.id.rfind('.') + 1);
    INFO(rule.id << " -> " << claim_rule);
    CHECK(confidence->count(claim_rule) == 1);
  }
}

TEST_CASE("a speech setting may start only with the first word of one", "[source]") {
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  auto grammar = SourceGrammar::Create(**book);
  REQUIRE(grammar.ok());
  const auto* settings = (*book)->Lexicon("speech_settings");
  REQUIRE(settings != nullptr);
  // The claim linker skips the spans from a word no setting starts with:
  // every setting's first word ("à" of "à l'afp", "l'" of "l'afp" with
  // its elision) and the setting itself must pass.
  size_t refused = 0;
  for (const auto& [key, unused] : *settings) {
    size_t end = key.find_first_of(" '");
    if (end == std::string::npos) end = key.size();
    if (end < key.size() && key[end] == '\'') ++end;
    const std::string first = key.substr(0, end);
    if (!grammar->IsSpeechSetting(key) || !grammar->MayStartSpeechSetting(first) ||
        !grammar->MayStartSpeechSetting(key)) {
      ++refused;
    }
  }
  CHECK(refused == 0);
  CHECK(grammar->MayStartSpeechSetting("à"));
  CHECK(grammar->MayStartSpeechSetting("dans"));
  CHECK_FALSE(grammar->MayStartSpeechSetting("ministre"));
  CHECK_FALSE(grammar->MayStartSpeechSetting("zzz"));
  CHECK_FALSE(grammar->MayStartSpeechSetting("à l'afpx"));  // longer than every key
}

// source.yaml with `from` replaced by `to` (once), loaded as one file.
Status GrammarWith(std::string_view from, std::string_view to) {
  std::string yaml = testing::ReadFile(std::string(CLAIMX_RULES_DIR) + "/fr/source.yaml");
  const size_t at = yaml.find(from);
  REQUIRE(at != std::string::npos);
  yaml.replace(at, from.size(), to);
  auto book = RuleBook::LoadFromText(yaml, "source.yaml");
  REQUIRE(book.ok());
  return SourceGrammar::Create(**book).status();
}

TEST_CASE("title families: each key a title, each trade a family", "[source][bad_input]") {
  CHECK(GrammarWith("  title_families:\n", "  title_families:\n").ok());
  Status not_a_title =
      GrammarWith("  title_families:\n", "  title_families:\n    plombier: artisan\n");
  CHECK_FALSE(not_a_title.ok());
  CHECK_THAT(not_a_title.message(), Catch::Contains("'plombier'"));
  Status no_family = GrammarWith("  trade_families:\n", "  trade_families:\n    marine: \"\"\n");
  CHECK_FALSE(no_family.ok());
  CHECK_THAT(no_family.message(), Catch::Contains("'marine'"));
}

TEST_CASE(
    "pair pronouns: first or second, each a pronoun; que-only values known; title prefixes "
    "end with a hyphen",
    "[source][bad_input]") {
  struct Refused {
    std::string lexicon, entry, says;
  };
  for (const Refused& r : {
           Refused{"pair_pronouns", "le tiers: third", "pair_pronouns: 'le tiers'"},
           Refused{"title_prefixes", "vice: \"\"", "title_prefixes: 'vice' does not end"},
           // A key the pronoun reader never reaches.
           Refused{"pair_pronouns", "le troisième: second", "'le troisième'"},
           Refused{"que_only_verbs", "chiffrer: nombre", "'chiffrer' names another content"},
       }) {
    CAPTURE(r.entry);
    const std::string header = "  " + r.lexicon + ":\n";
    Status status = GrammarWith(header, header + "    " + r.entry + "\n");
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains(r.says));
  }
}

TEST_CASE("organization names: each with a body's type", "[source][bad_input]") {
  CHECK(GrammarWith("  organization_names:\n", "  organization_names:\n").ok());
  Status bad_type = GrammarWith("  organization_names:\n",
                                "  organization_names:\n    parti pirate: person\n");
  CHECK_FALSE(bad_type.ok());
  CHECK_THAT(bad_type.message(), Catch::Contains("'parti pirate'"));
  CHECK_THAT(bad_type.message(), Catch::Contains("not organization, government or media"));
}

TEST_CASE("lemma and head lexicons: each key a known lemma, title or noun",
          "[source][bad_input]") {
  // "laisser_entendre" is written "laisser entendre" as a lemma.
  Status underscore = GrammarWith("  que_only_verbs:\n",
                                  "  que_only_verbs:\n    laisser_entendre: \"\"\n");
  CHECK_FALSE(underscore.ok());
  CHECK_THAT(underscore.message(), Catch::Contains("que_only_verbs: 'laisser_entendre'"));
  Status no_title = GrammarWith("  member_titles:\n", "  member_titles:\n    plombier: \"\"\n");
  CHECK_FALSE(no_title.ok());
  CHECK_THAT(no_title.message(), Catch::Contains("'plombier' is neither a title"));
  Status unknown = GrammarWith("  topic_verbs:\n", "  topic_verbs:\n    chanter: \"\"\n");
  CHECK_FALSE(unknown.ok());
  CHECK_THAT(unknown.message(), Catch::Contains("'chanter' is no lemma"));
}

TEST_CASE("contrast openers: alone or before que", "[source]") {
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  auto grammar = SourceGrammar::Create(**book);
  REQUIRE(grammar.ok());
  CHECK(grammar->OpensContrast("mais", false));
  CHECK(grammar->OpensContrast("alors", true));
  CHECK_FALSE(grammar->OpensContrast("alors", false));  // "alors" alone: then
  CHECK_FALSE(grammar->OpensContrast("parce", true));   // a cause, no contrast
  Status bad_value =
      GrammarWith("  contrast_openers:\n", "  contrast_openers:\n    pourtant: toujours\n");
  CHECK_FALSE(bad_value.ok());
  CHECK_THAT(bad_value.message(), Catch::Contains("contrast_openers: 'pourtant'"));
}

// IsDeterminer and IsTitle turn most words away by their first bytes
// before folding them: every entry must still be found as written in
// capitals, capitalized and in lower case, and a word that is none must
// not be found in any case.
TEST_CASE("determiners and titles are found whatever their case", "[source]") {
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  auto grammar = SourceGrammar::Create(**book);
  REQUIRE(grammar.ok());
  // Upper case of ASCII and of the Latin-1 small letters (C3 A0..BE).
  auto upper = [](std::string word, size_t count) {
    for (size_t i = 0; i < word.size() && count > 0; ++i, --count) {
      const auto c = static_cast<unsigned char>(word[i]);
      if (c >= 'a' && c <= 'z') {
        word[i] = static_cast<char>(c - 0x20);
      } else if (c == 0xC3 && i + 1 < word.size()) {
        const auto d = static_cast<unsigned char>(word[i + 1]);
        if (d >= 0xA0 && d <= 0xBE && d != 0xB7) word[i + 1] = static_cast<char>(d - 0x20);
        ++i;
      } else if (c >= 0x80) {
        while (i + 1 < word.size() && (static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80) ++i;
      }
    }
    return word;
  };
  size_t checked = 0;
  for (const char* name : {"determiners", "titles"}) {
    const auto* lexicon = (*book)->Lexicon(name);
    REQUIRE(lexicon != nullptr);
    const bool titles = std::string_view(name) == "titles";
    for (const auto& [word, unused] : *lexicon) {
      if (titles && word.find(' ') != std::string::npos) continue;  // IsTitle reads one word
      for (const std::string& form : {word, upper(word, 1), upper(word, word.size())}) {
        CAPTURE(name, form);
        CHECK((titles ? grammar->IsTitle(form) : grammar->IsDeterminer(form)));
        ++checked;
      }
    }
  }
  CHECK(checked > 300);
  for (std::string_view no : {"Lequel", "LESQUELS", "Mairie", "MINISTÈRE", "manifestants", "x"}) {
    CAPTURE(no);
    CHECK_FALSE(grammar->IsDeterminer(no));
    CHECK_FALSE(grammar->IsTitle(no));
  }
}

TEST_CASE("cardinals counting a phrase's head: digits and number words", "[source]") {
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  auto grammar = SourceGrammar::Create(**book);
  REQUIRE(grammar.ok());
  for (std::string_view yes : {"27", "quatre", "vingt-cinq", "quatre-vingt-dix", "vingt-et-un",
                               "cent", "mille"}) {
    CHECK(grammar->IsCardinal(yes));
  }
  // Articles, ordinals, words that only start like a number.
  for (std::string_view no : {"un", "une", "2e", "1er", "mille-pattes", "et-un", "", "-"}) {
    CHECK_FALSE(grammar->IsCardinal(no));
  }
}

TEST_CASE("elided source noun genders: each a source noun, m or f", "[source][bad_input]") {
  Status bad_gender = GrammarWith("  elided_source_noun_genders:\n",
                                  "  elided_source_noun_genders:\n    syndicat: p\n");
  CHECK_FALSE(bad_gender.ok());
  CHECK_THAT(bad_gender.message(), Catch::Contains("'syndicat' must be a source noun"));
  Status no_noun = GrammarWith("  elided_source_noun_genders:\n",
                               "  elided_source_noun_genders:\n    arbre: m\n");
  CHECK_FALSE(no_noun.ok());
  CHECK_THAT(no_noun.message(), Catch::Contains("'arbre'"));
}

TEST_CASE("negated speech verbs: each key a known lemma", "[source][bad_input]") {
  Status unknown = GrammarWith("  negated_speech_verbs:\n",
                               "  negated_speech_verbs:\n    chanter: \"\"\n");
  CHECK_FALSE(unknown.ok());
  CHECK_THAT(unknown.message(), Catch::Contains("'chanter' is no lemma"));
}

const json* FindClaim(const json& claims, const nlohmann::json& want) {
  for (const auto& c : claims) {
    if (want.contains("statement") && c["statement"] != want["statement"]) continue;
    if (want.contains("type") && c["type"] != want["type"]) continue;
    return &c;
  }
  return nullptr;
}

std::string MentionText(const json& doc, const std::string& id) {
  for (const auto& m : doc["mentions"]) {
    if (m["id"] == id) return m["text"];
  }
  return "";
}

// One corpus case: each expected claim must be found, with its type,
// statement, source name/type/role/mention text, cue text and linked
// mention texts.
void CheckSourceCase(const nlohmann::json& c) {
  const std::string text = c["text"];
  // "date": null runs the case with no document date (relative dates are
  // then no mentions).
  std::optional<std::string> date = "2016-11-10";
  if (c.contains("date")) {
    date = c["date"].is_null() ? std::nullopt : std::optional<std::string>(c["date"]);
  }
  auto doc = testing::ProjectAnnotator().Annotate(text, {"case", date});
  REQUIRE(doc.ok());
  json out = DocumentToJson(*doc, text);
  INFO("claims: " << out["claims"].dump());
  size_t attributed_expected = 0;
  for (const auto& want : c.value("expect", nlohmann::json::array())) {
    INFO("expected claim " << want.dump());
    const json* got = FindClaim(out["claims"], want);
    REQUIRE(got != nullptr);
    if (want.value("type", "") != "unattributed") ++attributed_expected;
    if (want.contains("source")) {
      REQUIRE(!(*got)["source"].is_null());
      CHECK((*got)["source"]["name"] == want["source"]);
    }
    if (want.contains("source_type")) CHECK((*got)["source"]["type"] == want["source_type"]);
    if (want.contains("role")) CHECK((*got)["source"]["role"] == want["role"]);
    if (want.contains("source_text")) {
      CHECK(MentionText(out, (*got)["source"].value("mention", "")) == want["source_text"]);
    }
    if (want.contains("cue")) CHECK((*got)["cue"]["text"] == want["cue"]);
    for (const char* kind : {"quantities", "dates", "places"}) {
      if (!want.contains(kind)) continue;
      std::vector<std::string> texts;
      for (const auto& id : (*got)[kind]) texts.push_back(MentionText(out, id));
      for (const auto& t : want[kind]) {
        INFO(kind << " " << t);
        CHECK(std::find(texts.begin(), texts.end(), t.get<std::string>()) != texts.end());
      }
    }
  }
  if (c.value("exhaustive", false)) {
    size_t attributed = 0;
    for (const auto& claim : out["claims"]) attributed += claim["type"] != "unattributed";
    CHECK(attributed == attributed_expected);
  }
}

TEST_CASE("source corpus: every case of corpora/fr/source", "[source][corpus]") {
  size_t cases = testing::ForEachCorpusCase(
      std::string(CLAIMX_CORPORA_DIR) + "/fr/source", CheckSourceCase, "eval_");
  CHECK(cases >= 30);
}

TEST_CASE("seed article: the claims of its four sources", "[source][seed]") {
  std::string text = testing::ReadFile(testing::SeedPath());
  auto doc = testing::ProjectAnnotator().Annotate(text, {"seed", "2016-11-10"});
  REQUIRE(doc.ok());
  json out = DocumentToJson(*doc, text);
  INFO(out["claims"].dump(1));
  auto by_source = [&](const std::string& name, const std::string& type) -> const json* {
    for (const auto& c : out["claims"]) {
      if (!c["source"].is_null() && c["source"]["name"] == name && c["type"] == type) return &c;
    }
    return nullptr;
  };
  auto quantity_texts = [&](const json& claim) {
    std::vector<std::string> texts;
    for (const auto& id : claim["quantities"]) texts.push_back(MentionText(out, id));
    return texts;
  };
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  const json* militaires = by_source("militaires américains", "according_to");
  REQUIRE(militaires);
  CHECK(has(quantity_texts(*militaires), "jusqu'à 119"));
  CHECK(!(*militaires)["dates"].empty());
  CHECK((*militaires)["places"].size() >= 2);

  const json* airwars = by_source("Airwars", "indirect");
  REQUIRE(airwars);
  CHECK((*airwars)["source"]["type"] == "organization");
  CHECK(has(quantity_texts(*airwars), "1787"));
  CHECK(!(*airwars)["dates"].empty());

  const json* amnesty = by_source("Amnesty International", "indirect");
  REQUIRE(amnesty);
  CHECK(has(quantity_texts(*amnesty), "au moins 300"));

  const json* centcom_quote = by_source("Centcom", "direct");
  REQUIRE(centcom_quote);
  CHECK(has(quantity_texts(*centcom_quote), "64"));
  auto texts = quantity_texts(*centcom_quote);
  CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& t) { return t.rfind("huit", 0) == 0; }));
  CHECK((*centcom_quote)["cue"]["lemma"] == "indiquer");

  const json* centcom_selon = by_source("Centcom", "according_to");
  REQUIRE(centcom_selon);
  CHECK((*centcom_selon)["statement"].get<std::string>().find("«des précautions avaient été prises»") !=
        std::string::npos);

  const json* thomas = by_source("John J. Thomas", "direct");
  REQUIRE(thomas);
  CHECK((*thomas)["source"]["type"] == "person");
  CHECK((*thomas)["source"]["role"] == "colonel, porte-parole");
  CHECK((*thomas)["statement"].get<std::string>().rfind("Parfois", 0) == 0);
  CHECK((*thomas)["cue"]["lemma"] == "déclarer");
}

TEST_CASE("claims: hostile inputs stay bounded and valid", "[source][bad_input]") {
  const Annotator& annotator = testing::ProjectAnnotator();
  std::vector<std::string> inputs = {
      "«", "selon", "Selon", "a déclaré", "«», a déclaré", ", a-t-il dit", "selon lui",
      "Il a dit", "«10 morts», selon"};
  std::string many;
  for (int i = 0; i < 10000; ++i) many += "« ";
  inputs.push_back(many);
  std::string nested = "Il a déclaré : ";
  for (int i = 0; i < 50; ++i) nested += "« a ";
  for (int i = 0; i < 50; ++i) nested += "» ";
  inputs.push_back(nested + ", a dit le ministre.");
  inputs.push_back("«" + std::string(2 << 20, 'x') + "», a déclaré M. Jean Dupont.");
  std::string cues;
  for (int i = 0; i < 2000; ++i) cues += "selon lui, a déclaré, ";
  inputs.push_back(cues);
  for (const std::string& input : inputs) {
    INFO(input.substr(0, 60));
    auto doc = annotator.Annotate(input, {"bad", "2016-11-10"});
    REQUIRE(doc.ok());
    for (const Claim& c : doc->claims) {
      CHECK(c.span.end <= input.size());
      CHECK(c.span.start <= c.span.end);
      if (c.cue) CHECK(c.cue->span.end <= input.size());
    }
  }
}

TEST_CASE("claims: a sentence of according-to incises stays linear in output",
          "[source][bad_input]") {
  // "A, selon X, B, selon Y, …": every incise's statement ran from the
  // sentence's start to its end, so 1 000 of them (35 kB) gave 1 000
  // statements of the whole sentence, 36 MB of JSON.
  std::string text;
  constexpr int kIncises = 1000;
  for (int i = 0; i < kIncises; ++i) {
    std::string surname = "R";  // a distinct capitalized surname per incise
    for (int k = i; k > 0; k /= 26) surname += static_cast<char>('a' + k % 26);
    text += "Les prix montent, selon Jean " + surname + "o, ";
  }
  text += "fin.";
  auto doc = testing::ProjectAnnotator().Annotate(text, {"incises", "2016-11-10"});
  REQUIRE(doc.ok());
  size_t according_to = 0;
  size_t statement_bytes = 0;
  for (const Claim& c : doc->claims) {
    if (c.type != ClaimType::kAccordingTo) continue;
    ++according_to;
    statement_bytes += c.span.size();
  }
  CHECK(according_to == kIncises);
  CHECK(statement_bytes <= text.size());
  // The first keeps the incise inside its statement; the others start
  // after it.
  REQUIRE(!doc->claims.empty());
  CHECK(doc->claims.front().span.Of(text) == "Les prix montent, selon Jean Ro, Les prix montent");
}

}  // namespace
}  // namespace claimx
