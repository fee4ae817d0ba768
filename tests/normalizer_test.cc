#include "extractor/normalizer.h"

#include <algorithm>
#include <map>
#include <random>
#include <string>

#include <catch2/catch.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <utf8proc.h>

namespace claimx {
namespace {

// The original bytes behind normalized[start, end).
std::string Original(const std::string& original, const NormalizedText& n,
                     size_t start, size_t end) {
  Span span = n.map.ToOriginal(Span{start, end});
  return original.substr(span.start, span.end - span.start);
}

// Original bytes behind the first occurrence of `needle` in the normalized text.
std::string OriginalOf(const std::string& original, const std::string& needle) {
  NormalizedText n = Normalize(original);
  size_t at = n.text.find(needle);
  REQUIRE(at != std::string::npos);
  return Original(original, n, at, at + needle.size());
}

bool IsValidUtf8(const std::string& s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t pos = 0, n = static_cast<utf8proc_ssize_t>(s.size());
  while (pos < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + pos, n - pos, &cp);
    if (len <= 0) return false;
    pos += len;
  }
  return true;
}

TEST_CASE("ascii text is copied unchanged with no edits", "[normalizer]") {
  std::string text = "Les bombardements ont fait 119 victimes.\n\nFin.";
  NormalizedText n = Normalize(text);
  CHECK(n.text == text);
  CHECK(n.map.edit_runs() == 0);
  CHECK(n.map.ToOriginal({27, 30}) == Span{27, 30});
}

TEST_CASE("already-NFC accented text costs no edits", "[normalizer]") {
  std::string text = "Les États-Unis reconnaît à Alep, cœur de l'été; Œuvre.";
  NormalizedText n = Normalize(text);
  CHECK(n.text == text);
  CHECK(n.map.edit_runs() == 0);
}

TEST_CASE("every space variant becomes one ASCII space, offsets exact",
          "[normalizer]") {
  for (std::string space : {"\u00A0", "\u202F", "\u2009", "\u2007", "\u3000",
                            "\t", "\u2002"}) {
    std::string text = "soit 94" + space + "000 manifestants";
    NormalizedText n = Normalize(text);
    CHECK(n.text == "soit 94 000 manifestants");
    CHECK(OriginalOf(text, "94 000") == "94" + space + "000");
    CHECK(OriginalOf(text, "000 manifestants") == "000 manifestants");
  }
  CHECK(Normalize("a\u00A0b").stats.spaces_unified == 1);
}

TEST_CASE("typographic apostrophes become ASCII apostrophes", "[normalizer]") {
  CHECK(Normalize("l\u2019ONG").text == "l'ONG");
  CHECK(Normalize("l\u02BCONG").text == "l'ONG");
  CHECK(Normalize("l\u2032ONG").text == "l'ONG");
  CHECK(OriginalOf("aujourd\u2019hui", "aujourd'hui") == "aujourd\u2019hui");
}

TEST_CASE("quote marks are kept distinguishable", "[normalizer]") {
  std::string text = "«\u00A0a\u00A0» “b” „c“ ‹d› \"e\"";
  NormalizedText n = Normalize(text);
  CHECK(n.text == "« a » “b” „c“ ‹d› \"e\"");
}

TEST_CASE("CRLF and lone CR become LF", "[normalizer]") {
  std::string text = "un\r\ndeux\rtrois\n";
  NormalizedText n = Normalize(text);
  CHECK(n.text == "un\ndeux\ntrois\n");
  CHECK(OriginalOf(text, "deux") == "deux");
  CHECK(Original(text, n, 2, 3) == "\r\n");
  CHECK(OriginalOf(text, "trois") == "trois");
}

TEST_CASE("a byte order mark is removed and reported", "[normalizer]") {
  std::string text = "\xEF\xBB\xBF" "119 victimes";
  NormalizedText n = Normalize(text);
  CHECK(n.text == "119 victimes");
  CHECK(n.stats.had_bom);
  CHECK(n.map.ToOriginal({0, 3}) == Span{3, 6});
}

TEST_CASE("soft hyphens and zero-width characters vanish; spans skip them at the edges",
          "[normalizer]") {
  std::string text = "bom\u00ADbarde\u200Bment\u00AD fin";
  NormalizedText n = Normalize(text);
  CHECK(n.text == "bombardement fin");
  CHECK(n.stats.removed == 3);
  // Inside a span the removed bytes are part of the evidence...
  CHECK(OriginalOf(text, "bombardement") == "bom\u00ADbarde\u200Bment");
  // ...but a span never starts or ends on one.
  CHECK(OriginalOf(text, "barde") == "barde");
  CHECK(OriginalOf(text, "ment") == "ment");
}

TEST_CASE("bidi controls are removed", "[normalizer]") {
  CHECK(Normalize("a\u202Eb\u2066c\u200Fd").text == "abcd");
  CHECK(Normalize("a\u061Cb").text == "ab");  // ARABIC LETTER MARK (found by fuzzing)
}

TEST_CASE("compatibility ligatures expand; oe and ae stay", "[normalizer]") {
  std::string text = "con\uFB01rmé, re\uFB02et, cœur, ex æquo";
  NormalizedText n = Normalize(text);
  CHECK(n.text == "confirmé, reflet, cœur, ex æquo");
  CHECK(OriginalOf(text, "confirmé") == "con\uFB01rmé");
  // A span ending inside the expansion takes the whole ligature.
  CHECK(OriginalOf(text, "conf") == "con\uFB01");
}

TEST_CASE("superscript letters of ordinals and abbreviations become letters", "[normalizer]") {
  std::string text = "le 1\u1D49\u02B3 mars, au XIX\u1D49 si\u00E8cle, M\u1D50\u1D49 Roux";
  NormalizedText n = Normalize(text);
  CHECK(n.text == "le 1er mars, au XIXe si\u00E8cle, Mme Roux");
  // The span maps back to the superscripts as written.
  CHECK(OriginalOf(text, "1er") == "1\u1D49\u02B3");
  CHECK(OriginalOf(text, "Mme") == "M\u1D50\u1D49");
  // Other modifier letters are left alone.
  CHECK(Normalize("\u02B0").text == "\u02B0");
}

TEST_CASE("hyphen variants and the minus sign become '-'", "[normalizer]") {
  CHECK(Normalize("Moyen\u2010Orient \u221215 \u2011").text == "Moyen-Orient -15 -");
  CHECK(Normalize("2014 \u2013 2016 \u2014 fin").text == "2014 \u2013 2016 \u2014 fin");
}

TEST_CASE("decomposed accents are composed to NFC with exact offsets",
          "[normalizer]") {
  std::string text = "Les E\u0301tats-Unis et l'e\u0301te\u0301";
  NormalizedText n = Normalize(text);
  CHECK(n.text == "Les États-Unis et l'été");
  CHECK(OriginalOf(text, "États") == "E\u0301tats");
  CHECK(OriginalOf(text, "été") == "e\u0301te\u0301");
  CHECK(OriginalOf(text, "Unis") == "Unis");
  CHECK(n.stats.nfc_runs == 3);
}

TEST_CASE("combining sequences are reordered canonically", "[normalizer]") {
  // a + dot below (ccc 220) + acute (ccc 230) in either order composes alike.
  CHECK(Normalize("a\u0301\u0323").text == Normalize("a\u0323\u0301").text);
}

TEST_CASE("Hangul jamo compose to syllables", "[normalizer]") {
  CHECK(Normalize("\u1100\u1161\u11A8").text == "\uAC01");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD per maximal subpart, counted, offsets exact",
          "[normalizer]") {
  struct Case {
    std::string bytes;
    size_t replacements;
  };
  for (const Case& c : std::vector<Case>{
           {"\x80", 1},                  // stray continuation
           {"\xC3", 1},                  // truncated at end
           {"\xC3(", 1},                 // truncated before ASCII
           {"\xC0\x80", 2},              // overlong NUL
           {"\xE0\x80\x80", 3},          // overlong 3-byte
           {"\xED\xA0\x80", 3},          // surrogate D800
           {"\xF4\x90\x80\x80", 4},      // above U+10FFFF
           {"\xF5\x80", 2},              // invalid lead byte
           {"\xE2\x82", 1},              // truncated 3-byte
           {"\xF0\x9F\x98", 1},          // truncated 4-byte
       }) {
    std::string text = "ab" + c.bytes + "cd";
    NormalizedText n = Normalize(text);
    INFO("bytes: " << c.bytes.size());
    CHECK(n.stats.invalid_utf8 == c.replacements);
    CHECK(n.stats.first_invalid_offset == 2);
    CHECK(IsValidUtf8(n.text));
    CHECK(OriginalOf(text, "cd") == "cd");
    CHECK(OriginalOf(text, "ab") == "ab");
    std::string all = Original(text, n, 0, n.text.size());
    CHECK(all == text);
  }
}

TEST_CASE("invalid bytes inside a word keep the word's span exact", "[normalizer]") {
  std::string text = "1787 civ\xFFils tués";
  NormalizedText n = Normalize(text);
  CHECK(n.text == "1787 civ\uFFFDils tués");
  CHECK(OriginalOf(text, "civ\uFFFDils") == "civ\xFFils");
  CHECK(n.stats.first_invalid_offset == 8);
}

TEST_CASE("NUL and other control characters become spaces", "[normalizer]") {
  std::string text("a\0b\x1B[31mc\x7F", 10);
  NormalizedText n = Normalize(text);
  CHECK(n.text == "a b [31mc ");
}

TEST_CASE("separator characters become line breaks", "[normalizer]") {
  CHECK(Normalize("a\u2028b\u2029c\u0085d").text == "a\nb\n\nc\nd");
}

TEST_CASE("a run of identical edits is stored once", "[normalizer]") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "\u00A0";
  NormalizedText n = Normalize(text);
  CHECK(n.text == std::string(1000, ' '));
  CHECK(n.map.edit_runs() == 1);
  CHECK(n.map.ToOriginal({500, 501}) == Span{1000, 1002});
}

TEST_CASE("an endless combining sequence stays linear and valid", "[normalizer]") {
  std::string text = "e";
  for (int i = 0; i < 100000; ++i) text += "\u0301";
  NormalizedText n = Normalize(text);
  CHECK(IsValidUtf8(n.text));
  CHECK(n.map.ToOriginal({0, n.text.size()}) == Span{0, text.size()});
}

TEST_CASE("a long run of marks and starters is cut before a starter, never between marks",
          "[normalizer]") {
  // Runs of more than 32 non-safe code points are composed in pieces. A
  // piece must end before a starter that composes with nothing (here U+1344D,
  // a combining starter, or the singleton U+FAD3), never between U+030D
  // (ccc 230) and U+031F (ccc 220), which NFC reorders. Fuzzer finding
  // (fuzz/regressions/normalizer/long_run_cut_between_marks).
  const std::vector<std::string> pieces = {"\u031F", "\U0001344D", "\uFAD3",
                                           "\u030D", "\u0301", "\u0323"};
  std::mt19937 rng(33);
  for (int round = 0; round < 500; ++round) {
    std::string text = "a";
    size_t marks_since_starter = 0;
    for (int i = 0; i < 80; ++i) {
      const std::string& p = pieces[rng() % pieces.size()];
      bool starter = p == "\U0001344D" || p == "\uFAD3";
      // Keep every run of non-starters within the Stream-Safe bound.
      if (!starter && ++marks_since_starter > 20) continue;
      if (starter) marks_since_starter = 0;
      text += p;
    }
    utf8proc_uint8_t* expected =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
    NormalizedText n = Normalize(text);
    INFO("round " << round);
    CHECK(n.text == std::string(reinterpret_cast<char*>(expected)));
    CHECK(n.map.ToOriginal({0, n.text.size()}) == Span{0, text.size()});
    std::free(expected);
  }
}

// The fast path skips composition for code points it deems safe; ICU's
// normalizer is the oracle that they are NFC and never interact with what
// precedes them.
TEST_CASE("the NFC fast path agrees with ICU on every BMP code point",
          "[normalizer]") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  size_t checked = 0;
  for (UChar32 cp = 0x20; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    char buf[8];
    utf8proc_ssize_t len = utf8proc_encode_char(cp, reinterpret_cast<utf8proc_uint8_t*>(buf));
    // "a" + cp: if our output kept cp untouched, ICU must agree that the
    // pair is already NFC.
    std::string pair = "a" + std::string(buf, len);
    NormalizedText n = Normalize(pair);
    if (n.map.edit_runs() != 0) continue;  // folded or composed: not fast path
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(pair);
    UErrorCode s = U_ZERO_ERROR;
    INFO("U+" << std::hex << cp);
    REQUIRE(nfc->isNormalized(u, s));
    ++checked;
  }
  CHECK(checked > 60000);
}

TEST_CASE("normalized output equals utf8proc NFC on random unfolded text",
          "[normalizer]") {
  std::mt19937 rng(12345);
  const std::vector<std::string> pieces = {
      "a", "e", "E", "\u0301", "\u0300", "\u0323", "\u0327", "é", "ü", "\u1100",
      "\u1161", "\u11A8", "\uAC00", " ", "\u212B", "\u0344", "1", "\u0958", "ﬀ"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int length = rng() % 12;
    for (int i = 0; i < length; ++i) {
      const std::string& p = pieces[rng() % (pieces.size() - 1)];  // no ligature
      text += p;
    }
    utf8proc_uint8_t* expected = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
    INFO("input: " << text);
    CHECK(Normalize(text).text == std::string(reinterpret_cast<char*>(expected)));
    std::free(expected);
  }
}

TEST_CASE("a mark after a removed invisible character composes with the letter before",
          "[normalizer]") {
  // Soft hyphen and zero-width space between a letter and its accent (copy
  // and paste from PDFs and CMSs): removed, then the letter and mark compose.
  std::string text = "L'e\u200B\u0301te\u00AD\u0301 a\u200B";
  NormalizedText n = Normalize(text);
  CHECK(n.text == "L'été a");
  CHECK(n.stats.removed == 3);
  CHECK(OriginalOf(text, "é") == "e\u200B\u0301");  // the first é, with its ZWSP
  CHECK(OriginalOf(text, "a") == "a");
  // Without a mark after it the invisible character is simply removed, and
  // the letter before it is not touched.
  NormalizedText plain = Normalize("e\u200Bt");
  CHECK(plain.text == "et");
  CHECK(plain.stats.nfc_runs == 0);
  // The same after a character that is replaced: the ligature "ﬂ" + U+0301.
  std::string ligature = "\uFB02\u0301 ";
  CHECK(Normalize(ligature).text == "f\u013A ");
  CHECK(OriginalOf(ligature, "f\u013A") == "\uFB02\u0301");
}

TEST_CASE("normalized output is NFC of the text with its characters folded",
          "[normalizer]") {
  std::mt19937 rng(2026);
  const std::vector<std::string> pieces = {
      "a", "e", "l", "\u0301", "\u0327", "\u0323", "é", " ", "\u1100", "\u1161",
      "\u200B", "\u00AD", "\u2060", "\u200E", "\uFB02", "\u00A0", "\u2019"};
  const std::vector<std::string> invisible = {"\u200B", "\u00AD", "\u2060", "\u200E"};
  const std::map<std::string, std::string> folded = {
      {"\uFB02", "fl"}, {"\u00A0", " "}, {"\u2019", "'"}};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    std::string visible;
    size_t invisible_count = 0;
    int length = rng() % 10;
    for (int i = 0; i < length; ++i) {
      const std::string& p = pieces[rng() % pieces.size()];
      text += p;
      if (std::find(invisible.begin(), invisible.end(), p) != invisible.end()) {
        ++invisible_count;
      } else if (auto fold = folded.find(p); fold != folded.end()) {
        visible += fold->second;
      } else {
        visible += p;
      }
    }
    utf8proc_uint8_t* expected =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(visible.c_str()));
    INFO("input: " << text);
    NormalizedText n = Normalize(text);
    CHECK(n.text == std::string(reinterpret_cast<char*>(expected)));
    CHECK(n.stats.removed == invisible_count);
    std::free(expected);
  }
}

TEST_CASE("random bytes give valid UTF-8 and monotone, in-bounds offsets",
          "[normalizer]") {
  std::mt19937 rng(42);
  for (int round = 0; round < 500; ++round) {
    std::string text(rng() % 64, '\0');
    for (char& c : text) c = static_cast<char>(rng() & 0xFF);
    NormalizedText n = Normalize(text);
    REQUIRE(IsValidUtf8(n.text));
    size_t previous = 0;
    for (size_t i = 0; i <= n.text.size(); ++i) {
      size_t start = n.map.OriginalStart(i);
      REQUIRE(start >= previous);
      REQUIRE(start <= text.size());
      previous = start;
    }
    REQUIRE(n.map.OriginalEnd(n.text.size()) <= text.size());
  }
}

}  // namespace
}  // namespace claimx
