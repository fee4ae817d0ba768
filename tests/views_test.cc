// Views and exports: comparisons, the HTML page, JSON-LD, with documents
// built by hand where claims are needed (the claim linker lands separately).
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include <catch2/catch.hpp>

#include "extractor/comparison.h"
#include "extractor/emit_html.h"
#include "extractor/emit_json.h"
#include "extractor/emit_jsonld.h"
#include "extractor/emit_text.h"
#include "tests/test_util.h"

namespace claimx {
namespace {

using testing::ProjectAnnotator;
using testing::ReadFile;
using testing::SeedPath;

// Builds an AnnotatedDocument over `text`: mentions and claims are placed by
// searching their evidence after a cursor, so offsets are exact.
class DocBuilder {
 public:
  explicit DocBuilder(std::string text, std::string id = "synthetic")
      : text_(std::move(text)) {
    doc_.info.id = std::move(id);
    doc_.info.date = "2016-11-10";
    doc_.info.bytes = text_.size();
    doc_.paragraphs.push_back({0, text_.size()});
    doc_.sentences.push_back({0, text_.size()});
  }

  Span Find(std::string_view piece, size_t from = 0) const {
    size_t start = text_.find(piece, from);
    REQUIRE(start != std::string::npos);
    return {start, start + piece.size()};
  }

  std::string Add(MentionKind kind, Span span, MentionValue value, std::string rule) {
    Mention m;
    m.kind = kind;
    m.span = span;
    m.rule = std::move(rule);
    m.sentence = 0;
    m.value = std::move(value);
    doc_.mentions.push_back(std::move(m));
    return Renumber(span);
  }
  std::string Quantity(std::string_view piece, double value, std::string lemma,
                       Bound bound = Bound::kExact, size_t from = 0) {
    QuantityValue q;
    q.value = value;
    q.entity = lemma;
    q.entity_lemma = std::move(lemma);
    q.bound = bound;
    return Add(MentionKind::kQuantity, Find(piece, from), q, "fr.quantity.number");
  }
  std::string Place(std::string_view piece, std::string name, std::string country,
                    std::string type = "country", size_t from = 0) {
    PlaceValue p;
    p.name = std::move(name);
    p.country = std::move(country);
    p.type = std::move(type);
    return Add(MentionKind::kPlace, Find(piece, from), p, "fr.place.gazetteer");
  }
  std::string Date(std::string_view piece, std::string value, size_t from = 0) {
    DateValue d;
    d.value = std::move(value);
    d.type = "date";
    return Add(MentionKind::kDate, Find(piece, from), d, "fr.date.year");
  }
  std::string Source(std::string_view piece, std::string name, size_t from = 0) {
    SourceValue s;
    s.name = name;
    s.type = "organization";
    Add(MentionKind::kSource, Find(piece, from), s, "fr.source.organization");
    return name;  // ids change as mentions are added: claims name sources
  }
  std::string Quote(std::string_view piece, size_t from = 0) {
    return Add(MentionKind::kQuote, Find(piece, from), QuoteValue{}, "fr.quote.guillemets");
  }

  // A claim over `statement`; its quantities, dates and places are the
  // mentions inside it; its source the source mention of that name (if any).
  void AddClaim(std::string_view statement, std::optional<std::string> source_name,
                size_t from = 0) {
    Claim c;
    c.span = Find(statement, from);
    c.type = source_name ? ClaimType::kAccordingTo : ClaimType::kUnattributed;
    c.rule = "fr.claim.selon";
    c.confidence = 0.8;
    if (source_name) {
      c.source = ClaimSource{*source_name, "organization", std::nullopt,
                             SourceMentionId(*source_name)};
      size_t cue = text_.rfind("Selon", c.span.start);
      REQUIRE(cue != std::string::npos);
      c.cue = ClaimCue{{cue, cue + 5}, "selon"};
    }
    claims_.push_back(c);
  }

  std::string SourceMentionId(const std::string& name) const {
    for (const Mention& m : doc_.mentions) {
      const auto* source = std::get_if<SourceValue>(&m.value);
      if (source != nullptr && source->name == name) return m.id;
    }
    FAIL("no source mention named " << name);
    return "";
  }

  // The document, with claims numbered and their mention lists filled, and
  // comparisons computed with the project's rules.
  AnnotatedDocument Build() {
    AnnotatedDocument doc = doc_;
    std::sort(claims_.begin(), claims_.end(),
              [](const Claim& a, const Claim& b) { return a.span.start < b.span.start; });
    for (size_t i = 0; i < claims_.size(); ++i) {
      Claim c = claims_[i];
      c.id = "c" + std::to_string(i + 1);
      for (const Mention& m : doc.mentions) {
        if (!c.span.Contains(m.span)) continue;
        if (m.kind == MentionKind::kQuantity) c.quantities.push_back(m.id);
        if (m.kind == MentionKind::kDate) c.dates.push_back(m.id);
        if (m.kind == MentionKind::kPlace) c.places.push_back(m.id);
      }
      doc.claims.push_back(c);
    }
    doc.comparisons = Comparer().Compare(doc);
    return doc;
  }

  const std::string& text() const { return text_; }

  static const ClaimComparer& Comparer() {
    static const ClaimComparer comparer = ClaimComparer::Create(ProjectAnnotator().rules());
    return comparer;
  }

 private:
  // Mentions stay sorted by (start, end) and numbered m1..mN; returns the id
  // of the mention at `span`.
  std::string Renumber(Span span) {
    std::stable_sort(doc_.mentions.begin(), doc_.mentions.end(),
                     [](const Mention& a, const Mention& b) {
                       return a.span.start != b.span.start ? a.span.start < b.span.start
                                                           : a.span.end < b.span.end;
                     });
    // Claims refer to mentions by id: renumbering is only safe before them.
    REQUIRE(claims_.empty());
    std::string id;
    for (size_t i = 0; i < doc_.mentions.size(); ++i) {
      doc_.mentions[i].id = "m" + std::to_string(i + 1);
      if (doc_.mentions[i].span == span) id = doc_.mentions[i].id;
    }
    return id;
  }

  std::string text_;
  AnnotatedDocument doc_;
  std::vector<Claim> claims_;
};

// The seed article's four figures for civilian deaths, in a text of our own
// with the same shape (the seed's claims come once the linker lands).
constexpr std::string_view kFourSources =
    "Selon les militaires américains, les frappes en Irak et Syrie ont fait "
    "jusqu'à 119 victimes civiles depuis 2014. Selon Airwars, elles ont tué "
    "1787 civils en Irak et Syrie depuis août 2014. Selon Amnesty, au moins "
    "300 victimes civiles en Syrie. Selon le Centcom, elles ont «tué 64 civils "
    "et blessé huit autres».";

AnnotatedDocument FourSources() {
  DocBuilder b{std::string(kFourSources)};
  const std::string& t = b.text();
  std::string us = b.Source("les militaires américains", "armée américaine");
  b.Place("Irak", "Irak", "IQ");
  b.Place("Syrie", "Syrie", "SY");
  b.Quantity("jusqu'à 119", 119, "victime civile", Bound::kUpTo);
  b.Date("2014", "2014");
  std::string airwars = b.Source("Airwars", "Airwars");
  b.Quantity("1787", 1787, "civil");
  size_t second = t.find("1787");
  b.Place("Irak", "Irak", "IQ", "country", second);
  b.Place("Syrie", "Syrie", "SY", "country", second);
  b.Date("août 2014", "2014-08");
  std::string amnesty = b.Source("Amnesty", "Amnesty International");
  b.Quantity("au moins 300", 300, "victime civile", Bound::kAtLeast);
  b.Place("Syrie", "Syrie", "SY", "country", t.find("300"));
  std::string centcom = b.Source("le Centcom", "Centcom");
  b.Quote("«tué 64 civils et blessé huit autres»");
  b.Quantity("64", 64, "civil");
  b.Quantity("huit", 8, "civil");
  b.AddClaim("les frappes en Irak et Syrie ont fait jusqu'à 119 victimes civiles depuis 2014",
             us);
  b.AddClaim("elles ont tué 1787 civils en Irak et Syrie depuis août 2014", airwars);
  b.AddClaim("au moins 300 victimes civiles en Syrie", amnesty);
  b.AddClaim("elles ont «tué 64 civils et blessé huit autres»", centcom);
  return b.Build();
}

TEST_CASE("comparisons group the four sources' civilian deaths and flag disagreement",
          "[comparison]") {
  AnnotatedDocument doc = FourSources();
  REQUIRE(doc.comparisons.size() == 1);
  const Comparison& c = doc.comparisons[0];
  CHECK(c.entity == "civil");  // "victime civile" and "civil" meet
  CHECK_FALSE(c.unit.has_value());
  CHECK(c.disagreement);
  REQUIRE(c.items.size() == 4);
  CHECK(c.items[0].source == "armée américaine");
  CHECK(c.items[0].value == 119);
  CHECK(c.items[0].bound == Bound::kUpTo);
  CHECK(c.items[1].source == "Airwars");
  CHECK(c.items[1].value == 1787);
  CHECK((c.items[1].places == std::vector<std::string>{"Irak", "Syrie"}));
  CHECK((c.items[1].dates == std::vector<std::string>{"2014-08"}));
  CHECK(c.items[2].source == "Amnesty International");
  CHECK(c.items[2].bound == Bound::kAtLeast);
  CHECK((c.items[2].places == std::vector<std::string>{"Syrie"}));
  // Centcom's claim gives its first civilian figure, not the wounded.
  CHECK(c.items[3].value == 64);
  CHECK(c.items[3].claim == "c4");
}

TEST_CASE("comparisons keep apart other places, periods and units", "[comparison]") {
  SECTION("figures that can all be true are grouped without disagreement") {
    DocBuilder b{"Selon A, au moins 300 civils en Syrie. Selon B, 450 civils en Syrie."};
    std::string a = b.Source("A", "A");
    std::string s = b.Source("B", "B");
    b.Quantity("au moins 300", 300, "civil", Bound::kAtLeast);
    b.Quantity("450", 450, "civil");
    b.Place("Syrie", "Syrie", "SY");
    b.Place("Syrie", "Syrie", "SY", "country", b.text().find("450"));
    b.AddClaim("au moins 300 civils en Syrie", a);
    b.AddClaim("450 civils en Syrie", s);
    AnnotatedDocument doc = b.Build();
    REQUIRE(doc.comparisons.size() == 1);
    CHECK_FALSE(doc.comparisons[0].disagreement);
  }
  SECTION("two countries") {
    DocBuilder b{"Selon A, 300 civils en Syrie. Selon B, 450 civils en Irak."};
    std::string a = b.Source("A", "A");
    std::string s = b.Source("B", "B");
    b.Quantity("300", 300, "civil");
    b.Quantity("450", 450, "civil");
    b.Place("Syrie", "Syrie", "SY");
    b.Place("Irak", "Irak", "IQ");
    b.AddClaim("300 civils en Syrie", a);
    b.AddClaim("450 civils en Irak", s);
    CHECK(b.Build().comparisons.empty());
  }
  SECTION("a city lies in its country; two cities do not overlap") {
    DocBuilder b{"Selon A, 300 civils en Syrie. Selon B, 450 civils à Alep. "
                 "Selon C, 20 civils à Raqa."};
    std::string a = b.Source("A", "A");
    std::string s = b.Source("B", "B");
    std::string c = b.Source("C", "C");
    b.Quantity("300", 300, "civil");
    b.Quantity("450", 450, "civil");
    b.Quantity("20", 20, "civil");
    b.Place("Syrie", "Syrie", "SY");
    b.Place("Alep", "Alep", "SY", "city");
    b.Place("Raqa", "Raqa", "SY", "city");
    b.AddClaim("300 civils en Syrie", a);
    b.AddClaim("450 civils à Alep", s);
    b.AddClaim("20 civils à Raqa", c);
    AnnotatedDocument doc = b.Build();
    // Alep and Raqa meet only through Syria: one connected group.
    REQUIRE(doc.comparisons.size() == 1);
    CHECK(doc.comparisons[0].items.size() == 3);
  }
  SECTION("disjoint years") {
    DocBuilder b{"Selon A, 300 civils en 2014. Selon B, 450 civils en 2016."};
    std::string a = b.Source("A", "A");
    std::string s = b.Source("B", "B");
    b.Quantity("300", 300, "civil");
    b.Quantity("450", 450, "civil");
    b.Date("2014", "2014");
    b.Date("2016", "2016");
    b.AddClaim("300 civils en 2014", a);
    b.AddClaim("450 civils en 2016", s);
    CHECK(b.Build().comparisons.empty());
  }
  SECTION("a month inside a year overlaps it") {
    DocBuilder b{"Selon A, 300 civils en 2014. Selon B, 450 civils en août 2014."};
    std::string a = b.Source("A", "A");
    std::string s = b.Source("B", "B");
    b.Quantity("300", 300, "civil");
    b.Quantity("450", 450, "civil");
    b.Date("2014", "2014");
    b.Date("août 2014", "2014-08");
    b.AddClaim("300 civils en 2014", a);
    b.AddClaim("450 civils en août 2014", s);
    CHECK(b.Build().comparisons.size() == 1);
  }
  SECTION("one voice with two figures speaks of two things") {
    DocBuilder b{"Des centaines de Tibétains manifestent. 6 Tibétains se sont immolés. "
                 "Selon A, 300 civils. Selon A, 450 civils."};
    std::string a = b.Source("A", "A");
    b.Quantity("Des centaines", 200, "tibétain", Bound::kAtLeast);
    b.Quantity("6", 6, "tibétain");
    b.Quantity("300", 300, "civil");
    b.Quantity("450", 450, "civil");
    b.AddClaim("Des centaines de Tibétains manifestent", std::nullopt);
    b.AddClaim("6 Tibétains se sont immolés", std::nullopt);
    b.AddClaim("300 civils", a);
    b.AddClaim("450 civils", a);
    CHECK(b.Build().comparisons.empty());
  }
  SECTION("the article's own figure meets a source's") {
    DocBuilder b{"300 civils sont morts. Selon A, 450 civils."};
    std::string a = b.Source("A", "A");
    b.Quantity("300", 300, "civil");
    b.Quantity("450", 450, "civil");
    b.AddClaim("300 civils sont morts", std::nullopt);
    b.AddClaim("450 civils", a);
    AnnotatedDocument doc = b.Build();
    REQUIRE(doc.comparisons.size() == 1);
    CHECK_FALSE(doc.comparisons[0].items[0].source.has_value());
    CHECK(doc.comparisons[0].disagreement);
  }
  SECTION("different units") {
    DocBuilder b{"Selon A, 300 km. Selon B, 450 km2."};
    std::string a = b.Source("A", "A");
    std::string s = b.Source("B", "B");
    QuantityValue km;
    km.value = 300;
    km.unit = "km";
    km.entity = km.entity_lemma = "route";
    b.Add(MentionKind::kQuantity, b.Find("300 km"), km, "fr.quantity.unit");
    QuantityValue km2 = km;
    km2.value = 450;
    km2.unit = "km2";
    b.Add(MentionKind::kQuantity, b.Find("450 km2"), km2, "fr.quantity.unit");
    b.AddClaim("300 km", a);
    b.AddClaim("450 km2", s);
    CHECK(b.Build().comparisons.empty());
  }
}

TEST_CASE("comparisons across documents carry each item's document", "[comparison]") {
  DocBuilder one{"Selon A, 300 civils en Syrie.", "doc-1"};
  std::string a = one.Source("A", "A");
  one.Quantity("300", 300, "civil");
  one.Place("Syrie", "Syrie", "SY");
  one.AddClaim("300 civils en Syrie", a);
  DocBuilder two{"Selon B, 1787 victimes civiles en Syrie.", "doc-2"};
  std::string b = two.Source("B", "B");
  two.Quantity("1787", 1787, "victime civile");
  two.Place("Syrie", "Syrie", "SY");
  two.AddClaim("1787 victimes civiles en Syrie", b);
  AnnotatedDocument d1 = one.Build();
  AnnotatedDocument d2 = two.Build();
  CHECK(d1.comparisons.empty());  // one claim alone compares with nothing
  auto across = DocBuilder::Comparer().Compare({&d1, &d2});
  REQUIRE(across.size() == 1);
  REQUIRE(across[0].items.size() == 2);
  CHECK(across[0].items[0].doc == "doc-1");
  CHECK(across[0].items[1].doc == "doc-2");
  CHECK(across[0].disagreement);
  auto json = ComparisonToJson(across[0], /*with_doc=*/true);
  CHECK(json["items"][1]["doc"] == "doc-2");
  CHECK_FALSE(ComparisonToJson(across[0], false)["items"][0].contains("doc"));
}

TEST_CASE("comparisons across documents count each article as its own voice",
          "[comparison]") {
  // Two articles' unattributed figures are two voices, though neither has
  // a source; within one article they would be one.
  DocBuilder one{"300 civils sont morts en Syrie.", "doc-1"};
  one.Quantity("300", 300, "civil");
  one.AddClaim("300 civils sont morts en Syrie", std::nullopt);
  DocBuilder two{"450 civils sont morts en Syrie.", "doc-2"};
  two.Quantity("450", 450, "civil");
  two.AddClaim("450 civils sont morts en Syrie", std::nullopt);
  AnnotatedDocument d1 = one.Build();
  AnnotatedDocument d2 = two.Build();
  auto across = DocBuilder::Comparer().Compare({&d1, &d2});
  REQUIRE(across.size() == 1);
  CHECK(across[0].items.size() == 2);
  CHECK(across[0].disagreement);
}

TEST_CASE("comparisons are written in the JSON output with the documented fields",
          "[comparison][emit]") {
  AnnotatedDocument doc = FourSources();
  auto json = DocumentToJson(doc, kFourSources);
  REQUIRE(json["comparisons"].size() == 1);
  const auto& group = json["comparisons"][0];
  CHECK(group["entity"] == "civil");
  CHECK(group["unit"].is_null());
  CHECK(group["disagreement"] == true);
  const auto& item = group["items"][2];
  CHECK(item["claim"] == "c3");
  CHECK(item["source"] == "Amnesty International");
  CHECK(item["value"] == 300);
  CHECK(item["bound"] == "at_least");
  CHECK(item["places"] == nlohmann::ordered_json::array({"Syrie"}));
  CHECK(item["dates"].empty());
}

// ---------------------------------------------------------------------------
// HTML

std::string Html(const AnnotatedDocument& doc, std::string_view text) {
  std::ostringstream out;
  WriteHtml(out, doc, text);
  return out.str();
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos;
       p = haystack.find(needle, p + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("HTML escapes text and attributes and repairs bytes", "[html]") {
  CHECK(HtmlEscape("<script>alert(1)</script>") ==
        "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(HtmlEscape("\"><img src=x onerror='a'>&") ==
        "&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt;&amp;");
  CHECK(HtmlEscape("a\xFF" "b") == "a\uFFFD" "b");
  CHECK(HtmlEscape(std::string("a\0b\x1b[31m", 8)) == "a b [31m");
  CHECK(HtmlEscape("é\u00a0«»\n\t") == "é\u00a0«»\n\t");
}

TEST_CASE("HTML nests a quantity inside a quote inside a claim", "[html]") {
  AnnotatedDocument doc = FourSources();
  std::string html = Html(doc, kFourSources);
  // c4's statement holds the quote, which holds 64 and huit.
  size_t claim = html.find("<span class=\"claim\" id=\"c4\"");
  size_t quote = html.find("m-quote", claim);
  size_t figure = html.find("data-value=\"64\"", quote);
  REQUIRE(claim != std::string::npos);
  REQUIRE(quote != std::string::npos);
  REQUIRE(figure != std::string::npos);
  // Between the claim's start and the figure, every opened span is still
  // open: nothing closed the quote or the claim early.
  std::string between = html.substr(claim, figure - claim);
  CHECK(Count(between, "<span") > Count(between, "</span>"));
  // Balanced overall, one element per mention and per claim.
  CHECK(Count(html, "<span") == Count(html, "</span>"));
  for (const Mention& m : doc.mentions) {
    CHECK(Count(html, "data-id=\"" + m.id + "\"") == 1);
  }
  for (const Claim& c : doc.claims) {
    CHECK(Count(html, "<span class=\"claim\" id=\"" + c.id + "\"") == 1);
    // Each statement is followed by a link to its source mention.
    CHECK(Count(html, "href=\"#" + *c.source->mention + "\" title=\"source of " + c.id) == 1);
  }
  CHECK(html.find("sources disagree") != std::string::npos);
  CHECK(html.find("Amnesty International") != std::string::npos);
}

TEST_CASE("HTML splits a span that crosses another into parts", "[html]") {
  DocBuilder b{"Selon A, il y a plus de deux ans."};
  std::string a = b.Source("A", "A");
  b.Date("il y a plus de deux", "P2Y");
  QuantityValue q;
  q.value = 2;
  b.Add(MentionKind::kQuantity, b.Find("deux ans"), q, "fr.quantity.number");
  AnnotatedDocument doc = b.Build();
  std::string html = Html(doc, b.text());
  CHECK(Count(html, "<span") == Count(html, "</span>"));
  CHECK(Count(html, "data-id=\"m3\"") == 1);
  CHECK(Count(html, "data-part-of=\"m3\"") == 1);
  // The text itself is whole, in order.
  std::string visible = std::regex_replace(html.substr(html.find("<article")),
                                           std::regex("<[^>]*>"), "");
  CHECK(visible.find("Selon A, il y a plus de deux ans.") == 0);
}

TEST_CASE("HTML of a hostile article injects nothing", "[html]") {
  std::string text =
      "<script>alert(1)</script> Selon l'ONG \"><img src=x onerror=alert(2)>, "
      "1787 civils ont été tués en Irak ' onmouseover='alert(3)\xFF.";
  auto doc = ProjectAnnotator().Annotate(text, {"<b>id\"'", "2016-11-10"});
  REQUIRE(doc.ok());
  REQUIRE_FALSE(doc->mentions.empty());
  std::string html = Html(*doc, text);
  CHECK(Count(html, "<script") == 1);  // ours
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("onerror=alert") != std::string::npos);  // shown, as text
  CHECK(html.find("' onmouseover") == std::string::npos);
  CHECK(html.find("\xFF") == std::string::npos);
  // Attribute values never hold a raw quote: every attribute is name="..."
  // (or a bare boolean attribute).
  std::regex tag("<[a-z][a-z0-9]*(?: [a-z-]+(?:=\"[^\"<>]*\")?)*>");
  std::regex any_tag("<[a-z][^>]*>");
  std::string body = html.substr(html.find("<body>"), html.find("<script>") - html.find("<body>"));
  for (auto it = std::sregex_iterator(body.begin(), body.end(), any_tag);
       it != std::sregex_iterator(); ++it) {
    INFO(it->str());
    CHECK(std::regex_match(it->str(), tag));
  }
}

// ---------------------------------------------------------------------------
// JSON-LD

TEST_CASE("JSON-LD writes claims as schema.org Claim objects", "[jsonld]") {
  AnnotatedDocument doc = FourSources();
  auto ld = DocumentToJsonLd(doc, kFourSources);
  CHECK(ld["@context"] == "https://schema.org");
  const auto& graph = ld["@graph"];
  REQUIRE(graph.size() == 5);
  CHECK(graph[0]["@type"] == "NewsArticle");
  CHECK(graph[0]["datePublished"] == "2016-11-10");
  const auto& airwars = graph[2];
  CHECK(airwars["@type"] == "Claim");
  CHECK(airwars["identifier"] == "c2");
  CHECK(airwars["text"] == "elles ont tué 1787 civils en Irak et Syrie depuis août 2014");
  CHECK(airwars["author"]["@type"] == "Organization");
  CHECK(airwars["author"]["name"] == "Airwars");
  CHECK(airwars["appearance"]["@id"] == "_:article");
  CHECK(airwars["datePublished"] == "2016-11-10");
  REQUIRE(airwars["contentLocation"].size() == 2);
  CHECK(airwars["contentLocation"][0]["address"]["addressCountry"] == "IQ");
  CHECK(airwars["temporalCoverage"] == "2014-08");
  CHECK(airwars["about"][0]["value"] == 1787);
  CHECK(graph[3]["about"][0]["minValue"] == 300);
  CHECK(graph[1]["about"][0]["maxValue"] == 119);
  // Round-trips as JSON.
  CHECK(nlohmann::json::parse(DumpJson(ld, 2))["@graph"].size() == 5);
}

TEST_CASE("JSON-LD of an unattributed claim has no author", "[jsonld]") {
  DocBuilder b{"Au moins 300 civils."};
  b.Quantity("Au moins 300", 300, "civil", Bound::kAtLeast);
  b.AddClaim("Au moins 300 civils", std::nullopt);
  auto ld = DocumentToJsonLd(b.Build(), b.text());
  REQUIRE(ld["@graph"].size() == 2);
  CHECK_FALSE(ld["@graph"][1].contains("author"));
}

// ---------------------------------------------------------------------------
// Golden files: the seed article in each format. CLAIMX_UPDATE_GOLDEN=1
// rewrites them; review the diff.

void CheckGolden(const std::string& actual, const std::string& name) {
  std::string path = std::string(CLAIMX_CORPORA_DIR) + "/fr/examples/" + name;
  if (const char* update = std::getenv("CLAIMX_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
  }
  CHECK(actual == ReadFile(path));
}

TEST_CASE("seed article in HTML, text and JSON-LD matches the golden files",
          "[golden][html][jsonld][text]") {
  std::string seed = ReadFile(SeedPath());
  auto doc = ProjectAnnotator().Annotate(seed, {"afp_frappes_civils", "2016-11-10"});
  REQUIRE(doc.ok());
  CheckGolden(Html(*doc, seed), "afp_frappes_civils.golden.html");
  std::ostringstream text;
  WriteText(text, *doc, seed, TextOptions{false, 100});
  CheckGolden(text.str(), "afp_frappes_civils.golden.txt");
  CheckGolden(DumpJson(DocumentToJsonLd(*doc, seed), 2) + "\n",
              "afp_frappes_civils.golden.jsonld");
}

}  // namespace
}  // namespace claimx
