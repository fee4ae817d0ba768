#include "extractor/emit_text.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/emit_json.h"
#include "extractor/normalizer.h"

namespace claimx {

namespace {

// Okabe-Ito inspired, distinguishable with the common colour blindnesses.
std::string_view KindColor(MentionKind kind) {
  switch (kind) {
    case MentionKind::kQuantity: return "\x1b[1;38;5;32m";   // blue
    case MentionKind::kDate: return "\x1b[1;38;5;214m";      // orange
    case MentionKind::kPlace: return "\x1b[1;38;5;36m";      // bluish green
    case MentionKind::kSource: return "\x1b[1;38;5;169m";    // reddish purple
    case MentionKind::kQuote: return "\x1b[3;38;5;226m";     // yellow italic
  }
  return "";
}
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kDim = "\x1b[2m";

// Original bytes made safe for a terminal: invalid UTF-8 repaired, controls
// (ESC included) turned into spaces, spaces unified.
std::string Displayable(std::string_view original) {
  std::string text = Normalize(original).text;
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

size_t CodePoints(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
}

// Greedy word wrap of styled words. Each word is (visible text, prefix,
// suffix); prefix/suffix are escape codes or brackets that take no width
// when they are escape codes.
struct Word {
  std::string visible;
  std::string before;
  std::string after;
  size_t extra_width = 0;  // width of visible brackets in before/after
  bool glued = false;  // no space before: "[2014]," keeps its comma
};

void WrapWords(std::ostream& out, const std::vector<Word>& words,
               std::string_view indent, size_t width) {
  size_t column = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    size_t len = CodePoints(w.visible) + w.extra_width;
    const bool glued = w.glued && column > 0;
    // A word and the words glued after it ("[Syrie]" ".") break as one.
    size_t run = len;
    for (size_t j = i + 1; j < words.size() && words[j].glued; ++j) {
      run += CodePoints(words[j].visible) + words[j].extra_width;
    }
    if (!glued && column > 0 && column + 1 + run > width) {
      out << '\n';
      column = 0;
    }
    if (column == 0) {
      out << indent;
      column = CodePoints(indent);
    } else if (!glued) {
      out << ' ';
      ++column;
    }
    out << w.before << w.visible << w.after;
    column += len;
  }
  if (column > 0) out << '\n';
}

void SplitInto(std::string_view text, const std::string& before,
               const std::string& after, size_t extra_width,
               std::vector<Word>* words) {
  // Marks apply to the whole mention: a mention stays one unbreakable word.
  if (!before.empty() || !after.empty()) {
    words->push_back(Word{std::string(text), before, after, extra_width, false});
    return;
  }
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = text.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    words->push_back(Word{std::string(text.substr(start, end - start)), "", "", 0, false});
    pos = end;
  }
}

// Article text between mentions: its first word sticks to the mention
// before it when no space separates them.
void AddText(const std::string& text, std::vector<Word>* words) {
  const size_t first = words->size();
  const bool glued = first > 0 && !text.empty() && text.front() != ' ';
  SplitInto(text, "", "", 0, words);
  if (words->size() > first) (*words)[first].glued = glued;
}

std::string ValueSummary(const Mention& m, std::string_view original) {
  nlohmann::ordered_json j = MentionToJson(m, original);
  std::ostringstream out;
  out << MentionKindName(m.kind);
  for (const char* key : {"value", "unit", "entity", "bound", "low", "high",
                          "approx", "type", "mod", "name", "country", "role"}) {
    if (!j.contains(key) || j[key].is_null()) continue;
    if (std::string_view(key) == "bound" && j[key] == "exact") continue;
    if (std::string_view(key) == "approx" && j[key] == false) continue;
    out << ' ' << key << '=' << DumpJson(j[key], -1);
  }
  return out.str();
}

std::string Joined(const std::vector<std::string>& values, std::string_view empty) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out.empty() ? std::string(empty) : out;
}

// The claims whose statement starts in `paragraph`, one wrapped block each:
// id, type, source and cue, the statement, and the figures, places and dates
// it holds.
void WriteClaims(std::ostream& out, const AnnotatedDocument& doc,
                 std::string_view original, Span paragraph, std::string_view indent,
                 const TextOptions& options) {
  const std::string dim = options.color ? std::string(kDim) : "";
  const std::string reset = options.color ? std::string(kReset) : "";
  bool first = true;
  for (const Claim& c : doc.claims) {
    if (c.span.start < paragraph.start || c.span.start >= paragraph.end) continue;
    if (first) out << indent << dim << "claims" << reset << "\n";
    first = false;
    std::vector<Word> words;
    words.push_back(Word{c.id, options.color ? "\x1b[1m" : "", reset, 0, false});
    SplitInto(std::string(ClaimTypeName(c.type)), "", "", 0, &words);
    words.back().before = dim;
    words.back().after = reset;
    std::string who = c.source ? c.source->name : "(no source)";
    if (c.cue) who += " (" + Displayable(c.cue->span.Of(original)) + ")";
    SplitInto("\u00b7 " + who + ":", "", "", 0, &words);
    SplitInto("\u201c" + Displayable(c.span.Of(original)) + "\u201d", "", "", 0, &words);
    WrapWords(out, words, std::string(indent) + "  ", options.width);
    std::vector<std::string> figures, places, dates;
    for (const Mention& m : doc.mentions) {
      auto listed = [&](const std::vector<std::string>& ids) {
        return std::find(ids.begin(), ids.end(), m.id) != ids.end();
      };
      if (const auto* q = std::get_if<QuantityValue>(&m.value); q && listed(c.quantities)) {
        std::string f = FigureText(q->value, q->bound, q->low, q->high, q->approx);
        if (q->unit) f += " " + *q->unit;
        if (q->entity) f += " " + *q->entity;
        figures.push_back(f);
      }
      if (const auto* p = std::get_if<PlaceValue>(&m.value); p && listed(c.places)) {
        places.push_back(p->name);
      }
      if (const auto* d = std::get_if<DateValue>(&m.value); d && listed(c.dates)) {
        dates.push_back(d->value);
      }
    }
    std::vector<Word> detail;
    SplitInto("figures: " + Joined(figures, "none") + " \u00b7 places: " +
                  Joined(places, "none") + " \u00b7 dates: " + Joined(dates, "none"),
              "", "", 0, &detail);
    for (Word& w : detail) {
      w.before = dim;
      w.after = reset;
    }
    WrapWords(out, detail, std::string(indent) + "      ", options.width);
  }
}

void WriteComparisons(std::ostream& out, const AnnotatedDocument& doc,
                      const TextOptions& options) {
  if (doc.comparisons.empty()) return;
  const std::string dim = options.color ? std::string(kDim) : "";
  const std::string reset = options.color ? std::string(kReset) : "";
  const std::string alert = options.color ? "\x1b[1;38;5;166m" : "";  // vermillion
  out << "\n" << dim << "comparisons" << reset << "\n";
  for (const Comparison& c : doc.comparisons) {
    out << "  " << c.entity << (c.unit ? " (" + *c.unit + ")" : "") << " \u00b7 "
        << (c.disagreement ? alert + "sources disagree" + reset : "compatible") << "\n";
    for (const ComparisonItem& item : c.items) {
      std::vector<Word> words;
      SplitInto(item.source.value_or("(no source)") + ":", "", "", 0, &words);
      words.push_back(Word{FigureText(item),
                           options.color ? "\x1b[1m" : "", reset, 0, false});
      SplitInto("\u00b7 places: " + Joined(item.places, "none") + " \u00b7 dates: " +
                    Joined(item.dates, "none") + " \u00b7 " + item.claim,
                "", "", 0, &words);
      WrapWords(out, words, "    ", options.width);
    }
  }
}

}  // namespace

void WriteText(std::ostream& out, const AnnotatedDocument& doc,
               std::string_view original, const TextOptions& options) {
  const std::string dim = options.color ? std::string(kDim) : "";
  const std::string reset = options.color ? std::string(kReset) : "";
  std::ostringstream header;
  header << "claimx · " << (doc.info.id.empty() ? "-" : doc.info.id) << " · "
         << doc.info.date.value_or("no date") << " · " << doc.info.bytes << " bytes · "
         << doc.sentences.size() << " sentences · " << doc.mentions.size()
         << " mentions · " << doc.claims.size() << " claims";
  std::vector<Word> header_words;
  SplitInto(Displayable(header.str()), "", "", 0, &header_words);
  for (Word& w : header_words) {
    w.before = dim;
    w.after = reset;
  }
  WrapWords(out, header_words, "", options.width);
  if (doc.info.normalization.invalid_utf8 > 0) {
    out << "warning: " << doc.info.normalization.invalid_utf8
        << " invalid UTF-8 sequence(s), first at byte "
        << doc.info.normalization.first_invalid_offset << "\n";
  }
  size_t next_mention = 0;
  size_t paragraph = 0;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Span sentence = doc.sentences[s];
    while (paragraph + 1 < doc.paragraphs.size() &&
           doc.paragraphs[paragraph].end <= sentence.start) {
      WriteClaims(out, doc, original, doc.paragraphs[paragraph], "        ", options);
      ++paragraph;
    }
    std::vector<Word> words;
    std::vector<const Mention*> inside;
    size_t pos = sentence.start;
    while (next_mention < doc.mentions.size() &&
           doc.mentions[next_mention].span.start < sentence.end) {
      const Mention& m = doc.mentions[next_mention++];
      // A quote is listed, not marked inline: it may run over sentences
      // and would hide the figures inside it.
      if (m.kind == MentionKind::kQuote) {
        inside.push_back(&m);
        continue;
      }
      if (m.span.start < pos) continue;  // overlaps a shown mention
      std::string gap = Displayable(original.substr(pos, m.span.start - pos));
      AddText(gap, &words);
      const bool glued = !words.empty() && (gap.empty() || gap.back() != ' ');
      std::string text = Displayable(m.span.Of(original));
      if (options.color) {
        SplitInto(text, std::string(KindColor(m.kind)), reset, 0, &words);
      } else {
        SplitInto(text, "[", "]", 2, &words);
      }
      words.back().glued = glued;
      inside.push_back(&m);
      pos = std::min(m.span.end, sentence.end);
    }
    AddText(Displayable(original.substr(pos, sentence.end - pos)), &words);
    std::ostringstream label;
    label << "¶" << paragraph + 1 << " s" << s + 1;
    std::string indent(std::max<size_t>(CodePoints(label.str()) + 1, 8), ' ');
    out << "\n" << dim << label.str() << reset;
    std::ostringstream body;
    WrapWords(body, words, indent, options.width);
    // The first line goes after the label instead of under it.
    std::string text = body.str();
    out << text.substr(CodePoints(label.str()) <= indent.size()
                           ? CodePoints(label.str())
                           : 0);
    for (const Mention* m : inside) {
      // One wrapped block per mention: its text, normalized value, origin.
      std::vector<Word> detail;
      detail.push_back(Word{"·", dim, reset, 0, false});
      // Split, not one word: a quote may be longer than a line.
      SplitInto(Displayable(m->span.Of(original)),
                options.color ? std::string(KindColor(m->kind)) : "", reset, 0, &detail);
      SplitInto(ValueSummary(*m, original), "", "", 0, &detail);
      std::ostringstream origin;
      origin << "(" << m->rule << ", bytes " << m->span.start << "-" << m->span.end << ")";
      SplitInto(origin.str(), "", "", 0, &detail);
      for (size_t i = detail.size() - 3; i < detail.size(); ++i) {
        detail[i].before = dim;
        detail[i].after = reset;
      }
      WrapWords(out, detail, indent, options.width);
    }
  }
  for (; paragraph < doc.paragraphs.size(); ++paragraph) {
    WriteClaims(out, doc, original, doc.paragraphs[paragraph], "        ", options);
  }
  WriteComparisons(out, doc, options);
}

}  // namespace claimx
