// Tests for extractor/segmenter.h: paragraphs, sentences, tokens.

#include "extractor/segmenter.h"

#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace claimx {
namespace {

const std::string kCorporaDir = CLAIMX_CORPORA_DIR;
const std::string kAbbreviationsFile =
    kCorporaDir + "/../rules/fr/abbreviations.txt";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// The entries of rules/fr/abbreviations.txt, parsed by its documented format:
// '#' starts a comment, surrounding spaces and blank lines are ignored.
std::vector<std::string> ShippedAbbreviations() {
  std::vector<std::string> entries;
  std::istringstream lines(ReadFile(kAbbreviationsFile));
  for (std::string line; std::getline(lines, line);) {
    line = line.substr(0, line.find('#'));
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    const size_t last = line.find_last_not_of(" \t");
    entries.push_back(line.substr(first, last - first + 1));
  }
  return entries;
}

std::unique_ptr<Segmenter> MakeSegmenter() {
  Result<std::unique_ptr<Segmenter>> segmenter =
      Segmenter::Create(ShippedAbbreviations());
  REQUIRE(segmenter.ok());
  return std::move(segmenter).value();
}

std::vector<std::string> Texts(std::string_view text,
                               const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& span : spans) out.emplace_back(span.Of(text));
  return out;
}

std::vector<std::string> SentenceTexts(std::string_view text,
                                       const Segmentation& segmentation) {
  std::vector<std::string> out;
  for (const Sentence& s : segmentation.sentences) {
    out.emplace_back(s.span.Of(text));
  }
  return out;
}

std::vector<std::string> Sentences(const Segmenter& segmenter,
                                   std::string_view text) {
  return SentenceTexts(text, segmenter.Segment(text));
}

bool IsTrimmed(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  return !s.empty() && !space(s.front()) && !space(s.back());
}

// The offsets contract: paragraphs and sentences are non-empty, trimmed,
// ordered, disjoint; each sentence lies inside the paragraph it names.
void CheckInvariants(std::string_view text, const Segmentation& seg) {
  for (size_t i = 0; i < seg.paragraphs.size(); ++i) {
    const Span& p = seg.paragraphs[i];
    REQUIRE(p.start < p.end);
    REQUIRE(p.end <= text.size());
    REQUIRE(IsTrimmed(p.Of(text)));
    if (i > 0) REQUIRE(seg.paragraphs[i - 1].end < p.start);
  }
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    const Sentence& s = seg.sentences[i];
    REQUIRE(s.paragraph < seg.paragraphs.size());
    REQUIRE(seg.paragraphs[s.paragraph].Contains(s.span));
    REQUIRE(s.span.start < s.span.end);
    REQUIRE(IsTrimmed(s.span.Of(text)));
    if (i > 0) {
      REQUIRE(seg.sentences[i - 1].span.end <= s.span.start);
      REQUIRE(seg.sentences[i - 1].paragraph <= s.paragraph);
    }
  }
}

std::vector<std::string> TokenTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text, Span{0, text.size()})) {
    out.emplace_back(t.span.Of(text));
  }
  return out;
}

std::vector<TokenKind> TokenKinds(std::string_view text) {
  std::vector<TokenKind> out;
  for (const Token& t : Tokenize(text, Span{0, text.size()})) {
    out.push_back(t.kind);
  }
  return out;
}

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------
// Paragraphs
// ---------------------------------------------------------------------------

// ClassifyAt() answers for C3 80..BF (U+00C0..U+00FF) without utf8proc;
// the answer must be utf8proc's.
TEST_CASE("Latin-1 letters are classified as utf8proc classifies them", "[segmenter]") {
  for (utf8proc_int32_t cp = 0xC0; cp <= 0xFF; ++cp) {
    utf8proc_uint8_t bytes[4];
    const auto len = utf8proc_encode_char(cp, bytes);
    const std::string text(reinterpret_cast<const char*>(bytes), static_cast<size_t>(len));
    const CharAt c = ClassifyAt(text, 0);
    INFO("U+" << std::hex << cp);
    CHECK(c.len == 2);
    const utf8proc_category_t category = utf8proc_category(cp);
    const bool letter = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LL;
    CHECK((c.cls == CharClass::kLetter) == letter);
    if (!letter) CHECK(c.cls == CharClass::kSymbol);  // × and ÷ (Sm)
  }
  // A lead byte without its continuation is no letter.
  CHECK(ClassifyAt(std::string("\xC3"), 0).cls == CharClass::kSymbol);
  CHECK(ClassifyAt(std::string("\xC3" "a"), 0).cls == CharClass::kSymbol);
}

TEST_CASE("paragraphs are separated by blank lines", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::string text = "Un.\n\nDeux.\nTrois.\n\n\nQuatre.";
  const Segmentation seg = segmenter->Segment(text);
  CHECK(Texts(text, seg.paragraphs) ==
        Strings{"Un.", "Deux.\nTrois.", "Quatre."});
  CHECK(seg.paragraphs[0] == Span{0, 3});
  CHECK(seg.paragraphs[1] == Span{5, 17});
  CHECK(seg.paragraphs[2] == Span{20, 27});
  CheckInvariants(text, seg);
}

TEST_CASE("a line of spaces and tabs is a blank line", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::string text = "Un.\n  \t \nDeux.\n \nTrois.";
  const Segmentation seg = segmenter->Segment(text);
  CHECK(Texts(text, seg.paragraphs) == Strings{"Un.", "Deux.", "Trois."});
  CheckInvariants(text, seg);
}

TEST_CASE("leading and trailing blank lines belong to no paragraph",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::string text = "\n\n   \nPremier.\nSecond.\n\nTroisième.\n \t\n\n";
  const Segmentation seg = segmenter->Segment(text);
  REQUIRE(seg.paragraphs.size() == 2);
  CHECK(seg.paragraphs[0].Of(text) == "Premier.\nSecond.");
  CHECK(seg.paragraphs[1].Of(text) == "Troisième.");
  CHECK(SentenceTexts(text, seg) == Strings{"Premier.", "Second.", "Troisième."});
  CheckInvariants(text, seg);
}

TEST_CASE("a text with no blank line between its lines has a paragraph per line",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  // Dumps and scrapers write one paragraph per line; leading and trailing
  // blank lines separate nothing.
  const std::string lines = "\n\nTitre du jour\n  Premier paragraphe.  \nSecond.\n\n";
  const Segmentation by_line = segmenter->Segment(lines);
  CHECK(Texts(lines, by_line.paragraphs) ==
        Strings{"Titre du jour", "Premier paragraphe.", "Second."});
  CheckInvariants(lines, by_line);
  // With a blank line between two lines, blank lines separate, as above.
  const std::string blocks = "Titre du jour\nPremier paragraphe.\n\t\nSecond.";
  const Segmentation by_block = segmenter->Segment(blocks);
  CHECK(Texts(blocks, by_block.paragraphs) ==
        Strings{"Titre du jour\nPremier paragraphe.", "Second."});
  CheckInvariants(blocks, by_block);
}

TEST_CASE("paragraph spans exclude the newline and surrounding spaces",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::string text = "  Un texte.  \n\nFin.\n";
  const Segmentation seg = segmenter->Segment(text);
  REQUIRE(seg.paragraphs.size() == 2);
  CHECK(seg.paragraphs[0] == Span{2, 11});
  CHECK(seg.paragraphs[1] == Span{15, 19});
  CheckInvariants(text, seg);
}

TEST_CASE("blank input gives no paragraph and no sentence", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  for (const std::string text : {"", "\n", "   ", " \n\t\n  \n"}) {
    const Segmentation seg = segmenter->Segment(text);
    CHECK(seg.paragraphs.empty());
    CHECK(seg.sentences.empty());
  }
}

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

TEST_CASE("seed article: sentences of afp_frappes_civils", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::string text =
      ReadFile(kCorporaDir + "/fr/examples/afp_frappes_civils.txt");
  const Segmentation seg = segmenter->Segment(text);
  CheckInvariants(text, seg);
  REQUIRE(seg.paragraphs.size() == 13);
  // One sentence per paragraph, except «Parfois... which has two.
  CHECK(seg.sentences.size() == 14);

  size_t parfois = seg.paragraphs.size();
  for (size_t i = 0; i < seg.paragraphs.size(); ++i) {
    if (seg.paragraphs[i].Of(text).starts_with("«Parfois")) parfois = i;
  }
  REQUIRE(parfois < seg.paragraphs.size());
  Strings in_parfois;
  for (const Sentence& s : seg.sentences) {
    if (s.paragraph == parfois) in_parfois.emplace_back(s.span.Of(text));
  }
  CHECK(in_parfois ==
        Strings{"«Parfois, les civils paient le prix de l'action militaire.",
                "Nous faisons tout ce que nous pouvons pour limiter ces "
                "accidents, y compris parfois en renonçant à frapper des "
                "cibles», a déclaré le colonel John J. Thomas, un "
                "porte-parole cité dans le communiqué du Centcom."});
}

TEST_CASE("initials do not end a sentence", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  for (const std::string text :
       {"a déclaré le colonel John J. Thomas, un porte-parole.",
        "Il a rejoint l'U.S. Army en 2003.",
        "Selon (J. Dupont) tout va bien.",
        "Le juge É. Martin a tranché.",
        "La société J.-C. Decaux a signé."}) {
    CAPTURE(text);
    CHECK(Sentences(*segmenter, text) == Strings{text});
  }
}

TEST_CASE("French abbreviations do not end a sentence", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  for (const std::string text :
       {"Il a parlé à M. Dupont hier soir.",
        "Mme Durand et Mme. Martin sont là.",
        "MM. Dupont et Durand sont partis.", "Le Dr. House et le Dr House.",
        "Voir p. 12 du rapport.", "Voir pp. 12-14.", "Le Pr. Raoult parle.",
        "Me. Dupond-Moretti plaide.", "La basilique St. Pierre.",
        "Paris compte env. 2 millions d'habitants.",
        "Il est né le 3 janv. 1990 à Lyon."}) {
    CAPTURE(text);
    CHECK(Sentences(*segmenter, text) == Strings{text});
  }
}

TEST_CASE("every entry of rules/fr/abbreviations.txt keeps a name attached",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::vector<std::string> entries = ShippedAbbreviations();
  REQUIRE(entries.size() > 30);
  for (const std::string& entry : entries) {
    const std::string dotted = entry.back() == '.' ? entry : entry + ".";
    const std::string text = "Il cite " + dotted + " Dupont. Puis il part.";
    CAPTURE(text);
    CHECK(Sentences(*segmenter, text) ==
          Strings{"Il cite " + dotted + " Dupont.", "Puis il part."});
  }
}

TEST_CASE("September abbreviated after a day does not end a sentence before the year",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  CHECK(Sentences(*segmenter, "Le 20 sept. 2014, il a plu.") ==
        Strings{"Le 20 sept. 2014, il a plu."});
  CHECK(Sentences(*segmenter, "Du 14 au 1er sept. 2014, le festival a lieu.") ==
        Strings{"Du 14 au 1er sept. 2014, le festival a lieu."});
  // At the text's end ICU itself breaks after the full stop.
  CHECK(Sentences(*segmenter, "Publié le 20 sept. 2014") ==
        Strings{"Publié le 20 sept. 2014"});
  // The number seven ends the sentence; so does a number that is no day.
  CHECK(Sentences(*segmenter, "Ils étaient sept. 2014 fut une année noire.") ==
        Strings{"Ils étaient sept.", "2014 fut une année noire."});
  CHECK(Sentences(*segmenter, "Ils étaient 45 sept. 600 autres sont venus.") ==
        Strings{"Ils étaient 45 sept.", "600 autres sont venus."});
}

TEST_CASE("abbreviations match whole words and not word endings",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  CHECK(Sentences(*segmenter, "Il en a beaucoup. Le reste suit.") ==
        Strings{"Il en a beaucoup.", "Le reste suit."});
  CHECK(Sentences(*segmenter, "Il siège à l'ONU. Le texte passe.") ==
        Strings{"Il siège à l'ONU.", "Le texte passe."});
  CHECK(Sentences(*segmenter, "Il vit dans le Var. Le préfet parle.") ==
        Strings{"Il vit dans le Var.", "Le préfet parle."});
  CHECK(Sentences(*segmenter, "Ils étaient sept. Le jour se lève.") ==
        Strings{"Ils étaient sept.", "Le jour se lève."});
  CHECK(Sentences(*segmenter, "Le bateau est en mer. Les secours arrivent.") ==
        Strings{"Le bateau est en mer.", "Les secours arrivent."});
  CHECK(Sentences(*segmenter, "Il dit que oui, etc. Le débat continue.") ==
        Strings{"Il dit que oui, etc.", "Le débat continue."});
}

TEST_CASE("a pronoun after initials shows the period ended the sentence",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  CHECK(Sentences(*segmenter, "Il fera 38 degrés C. Il pleuvra ensuite.") ==
        Strings{"Il fera 38 degrés C.", "Il pleuvra ensuite."});
  CHECK(Sentences(*segmenter, "Plainte contre X. C'est la loi.") ==
        Strings{"Plainte contre X.", "C'est la loi."});
  // Names after initials, including those that start with an article.
  for (const std::string text :
       {"Il soutient B. Obama ce matin.", "Selon J.-Y. Le Drian, non.",
        "Le livre de J. D'Ormesson paraît."}) {
    CAPTURE(text);
    CHECK(Sentences(*segmenter, text) == Strings{text});
  }
  // The price: a name that is also an opener loses its initial.
  CHECK(Sentences(*segmenter, "Selon Kim J. Il Sung, non.").size() == 2);
}

TEST_CASE("a segmenter without abbreviations still keeps initials",
          "[segmenter]") {
  Result<std::unique_ptr<Segmenter>> bare = Segmenter::Create();
  REQUIRE(bare.ok());
  CHECK(Sentences(**bare, "Le colonel John J. Thomas parle. Fin.") ==
        Strings{"Le colonel John J. Thomas parle.", "Fin."});
  CHECK(Sentences(**bare, "Il voit le Dr. House. Fin.") ==
        Strings{"Il voit le Dr.", "House.", "Fin."});
}

TEST_CASE("abbreviations given without their period still match",
          "[segmenter]") {
  Result<std::unique_ptr<Segmenter>> segmenter = Segmenter::Create({"Dr"});
  REQUIRE(segmenter.ok());
  CHECK(Sentences(**segmenter, "Il voit le Dr. House. Fin.") ==
        Strings{"Il voit le Dr. House.", "Fin."});
}

TEST_CASE("Create rejects abbreviations that could never match",
          "[segmenter]") {
  for (const std::string bad : {"", "av. J.-C.", ".", "(M."}) {
    CAPTURE(bad);
    Result<std::unique_ptr<Segmenter>> segmenter =
        Segmenter::Create({"M.", bad});
    REQUIRE_FALSE(segmenter.ok());
    CHECK(segmenter.status().code() == StatusCode::kInvalidArgument);
    CHECK(segmenter.status().message().find("#2") != std::string::npos);
  }
}

TEST_CASE("a number like 1.787 does not end a sentence", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  CHECK(Sentences(*segmenter,
                  "Airwars compte 1.787 civils tués. Le Centcom conteste.") ==
        Strings{"Airwars compte 1.787 civils tués.", "Le Centcom conteste."});
  CHECK(Sentences(*segmenter, "Le taux passe à 2.5 points. Puis baisse.") ==
        Strings{"Le taux passe à 2.5 points.", "Puis baisse."});
}

TEST_CASE("a number after a full stop opens a sentence", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  // ICU keeps these together: a lower-case word after the number reads to
  // it as the sentence going on (UAX #29, SB8).
  CHECK(Sentences(*segmenter, "La grève a été suivie. 600 soignants étaient absents.") ==
        Strings{"La grève a été suivie.", "600 soignants étaient absents."});
  CHECK(Sentences(*segmenter, "Le bilan s'alourdit. 12 blessés sont évacués.") ==
        Strings{"Le bilan s'alourdit.", "12 blessés sont évacués."});
  // Not after a number, an initial or an abbreviation.
  for (const std::string text :
       {"Il en reste 3. 5 autres sont partis.", "Voir le chap. 4 du rapport.",
        "Le lot B. 12 est vendu.", "Il est né le 3 janv. 1990 à Lyon."}) {
    CAPTURE(text);
    CHECK(Sentences(*segmenter, text) == Strings{text});
  }
}

TEST_CASE("a full stop glued to a capitalized word ends a sentence", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  // A typing slip of scraped pages, which ICU reads as one word.
  CHECK(Sentences(*segmenter, "Elle l'a dit en conférence de presse.La procureure a requis.") ==
        Strings{"Elle l'a dit en conférence de presse.", "La procureure a requis."});
  CHECK(Sentences(*segmenter, "Le festival est annulé!Cependant il reviendra.") ==
        Strings{"Le festival est annulé!", "Cependant il reviendra."});
  CHECK(Sentences(*segmenter, "Les résultats sont bons.Étonnant, non ?") ==
        Strings{"Les résultats sont bons.", "Étonnant, non ?"});
  CHECK(Sentences(*segmenter, "Le taux est « de 28 % ».Pour lui, c'est peu.") ==
        Strings{"Le taux est « de 28 % ».", "Pour lui, c'est peu."});
  // Not after an initial or an abbreviation, nor inside an address or a
  // word with another dot, nor before a capital alone or a lower-case word.
  for (const std::string text :
       {"Selon M.Diez, le festival est annulé.", "Il a écrit à Mme.Roux hier.",
        "Voir www.lemonde.Fr/politique pour le détail.", "Les U.S.Army sont là.",
        "Le plan pour.A est prêt.", "Le site lemonde.fr en parle."}) {
    CAPTURE(text);
    CHECK(Sentences(*segmenter, text) == Strings{text});
  }
}

TEST_CASE("an ellipsis character before a capitalized word ends a sentence", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  // As "..." does for ICU; "…" alone it reads inside a sentence.
  CHECK(Sentences(*segmenter, "Le salut est dans l'export… Patrick Vasseur a proposé un plan.") ==
        Strings{"Le salut est dans l'export…", "Patrick Vasseur a proposé un plan."});
  // Not before a lower-case word, a number or a capital alone, nor with no
  // space after it or no word before it.
  for (const std::string text :
       {"Il hésite… puis il part.", "Il a compté… 300 voix.", "Le plan… A est prêt.",
        "Le mot…Paris est collé.", "Il dit : … Rien de plus."}) {
    CAPTURE(text);
    CHECK(Sentences(*segmenter, text) == Strings{text});
  }
}

TEST_CASE("sentences end at periods and question and exclamation marks",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  CHECK(Sentences(*segmenter, "Qui ? Lui ! Oui. «Non.» Il part.") ==
        Strings{"Qui ?", "Lui !", "Oui.", "«Non.»", "Il part."});
}

TEST_CASE("a closing mark after a space closes the sentence before it",
          "[segmenter]") {
  // French sets a space before »; ICU alone made a sentence of "»".
  auto segmenter = MakeSegmenter();
  CHECK(Sentences(*segmenter, "« Nous partons. » « Non ! » Il reste.") ==
        Strings{"« Nous partons. »", "« Non ! »", "Il reste."});
  CHECK(Sentences(*segmenter, "“ Fini. ” Puis rien. » Seul.") ==
        Strings{"“ Fini. ”", "Puis rien. »", "Seul."});
  // What follows in lower case or after a comma is the same sentence.
  for (const std::string text : {"« C'est fini. », a-t-il dit.",
                                 "« C'est fini. » a-t-il dit."}) {
    CAPTURE(text);
    CHECK(Sentences(*segmenter, text) == Strings{text});
  }
}

TEST_CASE("a sentence never crosses a blank line", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::string text =
      "Il a parlé à M.\n\nDupont est parti\n   \nsans point final";
  const Segmentation seg = segmenter->Segment(text);
  CheckInvariants(text, seg);
  CHECK(SentenceTexts(text, seg) ==
        Strings{"Il a parlé à M.", "Dupont est parti", "sans point final"});
  REQUIRE(seg.sentences.size() == 3);
  CHECK(seg.sentences[0].paragraph == 0);
  CHECK(seg.sentences[1].paragraph == 1);
  CHECK(seg.sentences[2].paragraph == 2);
}

TEST_CASE("a single newline inside a paragraph ends a sentence",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::string text = "Le titre sans point\nLe texte suit. Et finit.\n\nFin.";
  const Segmentation seg = segmenter->Segment(text);
  REQUIRE(seg.paragraphs.size() == 2);
  CHECK(SentenceTexts(text, seg) ==
        Strings{"Le titre sans point", "Le texte suit.", "Et finit.", "Fin."});
  CheckInvariants(text, seg);
}

TEST_CASE("sentence spans are trimmed and ordered and inside their paragraph",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::string text =
      "  Début.   Milieu ?  \n\n\t\n Fin !  Encore.\nDernière ligne   \n";
  const Segmentation seg = segmenter->Segment(text);
  CheckInvariants(text, seg);
  CHECK(SentenceTexts(text, seg) ==
        Strings{"Début.", "Milieu ?", "Fin !", "Encore.", "Dernière ligne"});
}

TEST_CASE("Clone segments like the original and independently",
          "[segmenter]") {
  auto segmenter = MakeSegmenter();
  const std::string text =
      ReadFile(kCorporaDir + "/fr/examples/afp_frappes_civils.txt");
  const Segmentation before = segmenter->Segment(text);
  std::unique_ptr<Segmenter> clone = segmenter->Clone();
  REQUIRE(clone != nullptr);
  segmenter.reset();  // the clone must not depend on the original
  const Segmentation after = clone->Segment(text);
  CHECK(after.paragraphs == before.paragraphs);
  REQUIRE(after.sentences.size() == before.sentences.size());
  for (size_t i = 0; i < after.sentences.size(); ++i) {
    CHECK(after.sentences[i].span == before.sentences[i].span);
    CHECK(after.sentences[i].paragraph == before.sentences[i].paragraph);
  }
  // Abbreviations are kept too.
  CHECK(Sentences(*clone, "Le Dr. House. Fin.") ==
        Strings{"Le Dr. House.", "Fin."});
}

TEST_CASE("a segmenter can be reused for many texts", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  for (int round = 0; round < 3; ++round) {
    CHECK(Sentences(*segmenter, "Un. Deux.") == Strings{"Un.", "Deux."});
    CHECK(Sentences(*segmenter, "").empty());
    CHECK(Sentences(*segmenter, "Trois") == Strings{"Trois"});
  }
}

TEST_CASE("pathological inputs give sane segmentations", "[segmenter]") {
  auto segmenter = MakeSegmenter();
  SECTION("1 MB on one line without any space") {
    const std::string text(1 << 20, 'a');
    const Segmentation seg = segmenter->Segment(text);
    CheckInvariants(text, seg);
    REQUIRE(seg.sentences.size() == 1);
    CHECK(seg.sentences[0].span == Span{0, text.size()});
  }
  SECTION("1 MB of initials without any space") {
    std::string text;
    while (text.size() < (1 << 20)) text += "A.b.C.";
    CheckInvariants(text, segmenter->Segment(text));
  }
  SECTION("abbreviations and spaces over and over") {
    std::string text;
    while (text.size() < (1 << 20)) text += "M.          J. Dr. ";
    const Segmentation seg = segmenter->Segment(text);
    CheckInvariants(text, seg);
    CHECK(seg.sentences.size() == 1);
  }
  SECTION("10 000 opening guillemets") {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += "«";
    const Segmentation seg = segmenter->Segment(text);
    CheckInvariants(text, seg);
    CHECK(seg.paragraphs.size() == 1);
  }
  SECTION("10 000 lines of periods and newlines") {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += ". .\n \n";
    CheckInvariants(text, segmenter->Segment(text));
  }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

TEST_CASE("elisions are their own word tokens", "[tokenize]") {
  CHECK(TokenTexts("l'ONG") == Strings{"l'", "ONG"});
  CHECK(TokenTexts("L'Irak d'Alep qu'il jusqu'à lorsqu'on puisqu'elle") ==
        Strings{"L'", "Irak", "d'", "Alep", "qu'", "il", "jusqu'", "à",
                "lorsqu'", "on", "puisqu'", "elle"});
  CHECK(TokenTexts("j'ai n'y s'est c'est m'a t'as") ==
        Strings{"j'", "ai", "n'", "y", "s'", "est", "c'", "est", "m'", "a",
                "t'", "as"});
  CHECK(TokenKinds("l'ONG") == std::vector{TokenKind::kWord, TokenKind::kWord});
}

TEST_CASE("inner hyphens and apostrophes join a word", "[tokenize]") {
  CHECK(TokenTexts("aujourd'hui") == Strings{"aujourd'hui"});
  CHECK(TokenTexts("Moyen-Orient quatre-vingt-dix États-Unis") ==
        Strings{"Moyen-Orient", "quatre-vingt-dix", "États-Unis"});
  CHECK(TokenTexts("Saint-Étienne c'est-à-dire") ==
        Strings{"Saint-Étienne", "c'", "est-à-dire"});
  // Hyphens and apostrophes that do not sit between letters are punctuation.
  CHECK(TokenTexts("-Orient Irak- les 'rebelles' Covid-19") ==
        Strings{"-", "Orient", "Irak", "-", "les", "'", "rebelles", "'",
                "Covid", "-", "19"});
}

TEST_CASE("accented and non-Latin letters make words", "[tokenize]") {
  CHECK(TokenTexts("déclaré œuvre Ça Москва 北京") ==
        Strings{"déclaré", "œuvre", "Ça", "Москва", "北京"});
  CHECK(TokenKinds("déclaré Москва") ==
        std::vector{TokenKind::kWord, TokenKind::kWord});
}

TEST_CASE("numbers with French separators", "[tokenize]") {
  CHECK(TokenTexts("2,5 1.787.000 94 000 1 000 000 1 000,5") ==
        Strings{"2,5", "1.787.000", "94 000", "1 000 000", "1 000,5"});
  CHECK(TokenKinds("94 000") == std::vector{TokenKind::kNumber});
  // A separator needs a digit after it.
  CHECK(TokenTexts("1,5. 3, puis") == Strings{"1,5", ".", "3", ",", "puis"});
  CHECK(TokenTexts("en 1787.") == Strings{"en", "1787", "."});
}

TEST_CASE("a space groups thousands only as three digits after 1 to 3",
          "[tokenize]") {
  CHECK(TokenTexts("2016 2017") == Strings{"2016", "2017"});
  CHECK(TokenTexts("12 34567") == Strings{"12", "34567"});
  CHECK(TokenTexts("12 345 67") == Strings{"12 345", "67"});
  CHECK(TokenTexts("1 000 2000") == Strings{"1 000", "2000"});
  CHECK(TokenTexts("entre 3 et 4") == Strings{"entre", "3", "et", "4"});
  CHECK(TokenTexts("94 000,") == Strings{"94 000", ","});
  CHECK(TokenTexts("94 000e") == Strings{"94 000", "e"});
}

TEST_CASE("punctuation is one token per character", "[tokenize]") {
  CHECK(TokenTexts("«Oui», “non” ‹a› — – ...") ==
        Strings{"«", "Oui", "»", ",", "“", "non", "”", "‹", "a", "›", "—",
                "–", ".", ".", "."});
  for (TokenKind kind : TokenKinds("« » “ ” ‹ › — – ( ) ! ? : ; , .")) {
    CHECK(kind == TokenKind::kPunct);
  }
}

TEST_CASE("percent and currency and degree signs are symbols", "[tokenize]") {
  CHECK(TokenTexts("80% 5 € 3$ 2‰ 20°C km²") ==
        Strings{"80", "%", "5", "€", "3", "$", "2", "‰", "20", "°", "C",
                "km", "²"});
  CHECK(TokenKinds("80%") ==
        std::vector{TokenKind::kNumber, TokenKind::kSymbol});
  for (TokenKind kind : TokenKinds("% € $ ‰ ° + = ²")) {
    CHECK(kind == TokenKind::kSymbol);
  }
}

TEST_CASE("tokens of a span carry offsets into the whole text",
          "[tokenize]") {
  const std::string text = "Intro. L'ONG a compté 1 787 civils.";
  const std::vector<Token> tokens = Tokenize(text, Span{7, text.size()});
  REQUIRE(tokens.size() == 7);
  CHECK(tokens[0].span == Span{7, 9});
  CHECK(tokens[0].span.Of(text) == "L'");
  CHECK(tokens[4].span.Of(text) == "1 787");
  CHECK(tokens[4].kind == TokenKind::kNumber);
  CHECK(tokens[6].span == Span{text.size() - 1, text.size()});
  for (size_t i = 1; i < tokens.size(); ++i) {
    CHECK(tokens[i - 1].span.end <= tokens[i].span.start);
  }
}

TEST_CASE("spaces and newlines are skipped", "[tokenize]") {
  CHECK(TokenTexts("  un \n deux\n\n") == Strings{"un", "deux"});
  CHECK(TokenTexts("   \n ").empty());
  CHECK(TokenTexts("").empty());
}

TEST_CASE("a span past the text or cutting a character is safe",
          "[tokenize]") {
  const std::string text = "été";
  CHECK(Tokenize(text, Span{0, 1000}).size() == 1);
  CHECK(Tokenize(text, Span{50, 1000}).empty());
  CHECK(Tokenize(text, Span{2, 1}).empty());
  // "é" is two bytes: a span ending inside it leaves one undecodable byte.
  const std::vector<Token> cut = Tokenize(text, Span{0, 1});
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].span == Span{0, 1});
  CHECK(cut[0].kind == TokenKind::kSymbol);
}

TEST_CASE("tokenizing pathological inputs stays linear and sane",
          "[tokenize]") {
  SECTION("1 MB word") {
    const std::string text(1 << 20, 'a');
    const std::vector<Token> tokens = Tokenize(text, Span{0, text.size()});
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].span == Span{0, text.size()});
  }
  SECTION("10 000 guillemets") {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += "«";
    const std::vector<Token> tokens = Tokenize(text, Span{0, text.size()});
    REQUIRE(tokens.size() == 10000);
    CHECK(tokens.back().span == Span{text.size() - 2, text.size()});
  }
  SECTION("a 1 MB number of thousands groups") {
    std::string text = "1";
    while (text.size() < (1 << 20)) text += " 000";
    CHECK(TokenTexts(text) == Strings{text});
  }
  SECTION("1 MB of joined hyphens and apostrophes") {
    std::string text;
    while (text.size() < (1 << 20)) text += "a-b'c";
    CHECK(Tokenize(text, Span{0, text.size()}).size() == 1);
  }
}

}  // namespace
}  // namespace claimx
