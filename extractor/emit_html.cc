#include "extractor/emit_html.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "extractor/emit_json.h"
#include "extractor/normalizer.h"

namespace claimx {

namespace {

using json = nlohmann::ordered_json;

// What a highlighted span is, outermost first: when two spans have the same
// extent, the lower layer encloses the higher one.
enum class Layer { kSentence, kClaim, kCue, kQuote, kSource, kPlace, kDate, kQuantity };

Layer LayerOf(MentionKind kind) {
  switch (kind) {
    case MentionKind::kQuote: return Layer::kQuote;
    case MentionKind::kSource: return Layer::kSource;
    case MentionKind::kPlace: return Layer::kPlace;
    case MentionKind::kDate: return Layer::kDate;
    case MentionKind::kQuantity: return Layer::kQuantity;
  }
  return Layer::kQuantity;
}

struct Interval {
  Span span;
  Layer layer;
  std::string open_tag;   // the whole start tag of the first piece
  std::string part_tag;   // start tag of the later pieces, when split
  std::string after;      // written right after the last piece closes
};

void AppendCodePoint(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// A JSON scalar as attribute text: strings as they are, numbers and booleans
// in their JSON spelling.
std::string ScalarText(const json& value) {
  return value.is_string() ? value.get<std::string>() : DumpJson(value, -1);
}

std::string Attribute(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  out += HtmlEscape(value);
  out += '"';
  return out;
}

// data-* attributes for every non-null value field of a mention's JSON form.
std::string ValueAttributes(const json& mention) {
  static const std::vector<std::string> kCommon = {"id", "kind", "start", "end",
                                                   "text", "rule", "sentence"};
  std::string out;
  for (const auto& [key, value] : mention.items()) {
    if (std::find(kCommon.begin(), kCommon.end(), key) != kCommon.end()) continue;
    if (value.is_null()) continue;
    std::string name = "data-" + key;
    std::replace(name.begin(), name.end(), '_', '-');
    if (value.is_object()) {  // a date range
      out += Attribute(name, ScalarText(value.value("start", json(""))) + "/" +
                                 ScalarText(value.value("end", json(""))));
    } else {
      out += Attribute(name, ScalarText(value));
    }
  }
  return out;
}

std::string MentionTag(const Mention& m, std::string_view original, bool first) {
  const json j = MentionToJson(m, original);
  const std::string kind(MentionKindName(m.kind));
  std::string tag = "<span class=\"";
  tag += first ? "m m-" : "part m-";
  tag += kind + "\"";
  if (!first) return tag + Attribute("data-part-of", m.id) + ">";
  tag += Attribute("id", m.id) + Attribute("data-id", m.id) +
         Attribute("data-kind", kind) + Attribute("data-rule", m.rule) +
         Attribute("data-start", std::to_string(m.span.start)) +
         Attribute("data-end", std::to_string(m.span.end)) + ValueAttributes(j) +
         " tabindex=\"0\" aria-describedby=\"tip\">";
  return tag;
}

std::string ClaimTag(const Claim& c, bool first) {
  if (!first) return "<span class=\"part claim\"" + Attribute("data-part-of", c.id) + ">";
  std::string tag = "<span class=\"claim\"" + Attribute("id", c.id) +
                    Attribute("data-id", c.id) +
                    Attribute("data-claim-type", ClaimTypeName(c.type)) +
                    Attribute("data-rule", c.rule) +
                    Attribute("data-start", std::to_string(c.span.start)) +
                    Attribute("data-end", std::to_string(c.span.end));
  if (c.source) {
    tag += Attribute("data-source", c.source->name);
    if (c.source->mention) tag += Attribute("data-source-ref", *c.source->mention);
  }
  return tag + ">";
}

// The link after a claim's statement: to its source mention, else to its
// source's entry in the side panel, else nothing to link to.
std::string SourceLink(const Claim& c, size_t group) {
  std::string label = c.source ? c.source->name : "no source";
  std::string href = c.source && c.source->mention ? "#" + *c.source->mention
                                                   : "#source-" + std::to_string(group);
  return "<sup class=\"cite\"><a" + Attribute("href", href) +
         Attribute("title", "source of " + c.id + ": " + label) + ">" +
         HtmlEscape(c.id) + "</a></sup>";
}

// Source names in order of first claim; unattributed claims under "".
std::vector<std::pair<std::string, std::vector<const Claim*>>> ClaimsBySource(
    const AnnotatedDocument& doc) {
  std::vector<std::pair<std::string, std::vector<const Claim*>>> groups;
  for (const Claim& c : doc.claims) {
    std::string name = c.source ? c.source->name : "";
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return g.first == name; });
    if (it == groups.end()) {
      groups.push_back({name, {}});
      it = groups.end() - 1;
    }
    it->second.push_back(&c);
  }
  return groups;
}

std::vector<Interval> Intervals(const AnnotatedDocument& doc,
                                std::string_view original) {
  std::vector<Interval> out;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    std::string tag = "<span class=\"s\"" + Attribute("data-sentence", std::to_string(s)) + ">";
    out.push_back({doc.sentences[s], Layer::kSentence, tag,
                   "<span class=\"s part\">", ""});
  }
  auto groups = ClaimsBySource(doc);
  for (const Claim& c : doc.claims) {
    size_t group = 0;
    while (group < groups.size() &&
           groups[group].first != (c.source ? c.source->name : "")) {
      ++group;
    }
    out.push_back({c.span, Layer::kClaim, ClaimTag(c, true), ClaimTag(c, false),
                   SourceLink(c, group)});
    if (c.cue) {
      std::string tag = "<span class=\"cue\"" + Attribute("data-claim", c.id) +
                        Attribute("data-lemma", c.cue->lemma) + ">";
      out.push_back({c.cue->span, Layer::kCue, tag, "<span class=\"cue part\">", ""});
    }
  }
  for (const Mention& m : doc.mentions) {
    out.push_back({m.span, LayerOf(m.kind), MentionTag(m, original, true),
                   MentionTag(m, original, false), ""});
  }
  std::stable_sort(out.begin(), out.end(), [](const Interval& a, const Interval& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.layer < b.layer;
  });
  return out;
}

// Writes original[0, size) with the intervals as nested elements. Intervals
// are sorted by start, longer first; an interval still open when an
// enclosing one closes is closed with it and reopened as a part after it.
void WriteNested(std::ostream& out, std::string_view original,
                 const std::vector<Interval>& intervals) {
  std::vector<size_t> open;  // indexes into intervals, outermost first
  size_t next = 0;
  size_t pos = 0;
  const size_t size = original.size();
  while (true) {
    // The outermost interval that ends here closes with all it encloses;
    // the enclosed ones that go on are reopened as parts.
    auto ends_here = [&](size_t i) { return intervals[i].span.end <= pos; };
    auto first_ending = std::find_if(open.begin(), open.end(), ends_here);
    if (first_ending != open.end()) {
      const size_t depth = static_cast<size_t>(first_ending - open.begin());
      std::vector<size_t> reopen;
      while (open.size() > depth) {
        size_t i = open.back();
        open.pop_back();
        out << "</span>";
        if (ends_here(i)) {
          out << intervals[i].after;
        } else {
          reopen.push_back(i);
        }
      }
      for (auto it = reopen.rbegin(); it != reopen.rend(); ++it) {
        out << intervals[*it].part_tag;
        open.push_back(*it);
      }
    }
    while (next < intervals.size() && intervals[next].span.start <= pos) {
      const Interval& iv = intervals[next++];
      if (iv.span.end > size || iv.span.start > iv.span.end) continue;  // not in the text
      out << iv.open_tag;
      if (iv.span.empty()) {
        out << "</span>" << iv.after;
      } else {
        open.push_back(static_cast<size_t>(&iv - intervals.data()));
      }
    }
    if (pos >= size) break;  // every open interval ended by `size`
    // Every interval that started is open or closed and every open one ends
    // past pos, so the next stop is past pos.
    size_t stop = size;
    if (next < intervals.size()) stop = std::min(stop, intervals[next].span.start);
    for (size_t i : open) stop = std::min(stop, intervals[i].span.end);
    out << HtmlEscape(original.substr(pos, stop - pos));
    pos = stop;
  }
}

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out.empty() ? "\u2014" : out;
}

void WriteClaimsPanel(std::ostream& out, const AnnotatedDocument& doc,
                      std::string_view original) {
  out << "<section class=\"panel\" aria-labelledby=\"claims-title\">"
         "<h2 id=\"claims-title\">Claims by source</h2>\n";
  if (doc.claims.empty()) out << "<p class=\"none\">No claim found.</p>\n";
  auto groups = ClaimsBySource(doc);
  for (size_t g = 0; g < groups.size(); ++g) {
    const auto& [name, claims] = groups[g];
    out << "<div class=\"source-group\" id=\"source-" << g << "\"><h3>"
        << (name.empty() ? "Unattributed" : HtmlEscape(name)) << "</h3><ul>\n";
    for (const Claim* c : claims) {
      out << "<li><a" << Attribute("href", "#" + c->id) << ">" << HtmlEscape(c->id)
          << "</a> <span class=\"ctype\">" << ClaimTypeName(c->type) << "</span> "
          << "<q>" << HtmlEscape(c->span.Of(original)) << "</q>";
      if (!c->quantities.empty()) {
        out << " <span class=\"figures\">";
        for (const std::string& id : c->quantities) {
          out << "<a" << Attribute("href", "#" + id) << ">" << HtmlEscape(id) << "</a> ";
        }
        out << "</span>";
      }
      out << "</li>\n";
    }
    out << "</ul></div>\n";
  }
  out << "</section>\n";
}

void WriteComparisonsPanel(std::ostream& out, const AnnotatedDocument& doc) {
  out << "<section class=\"panel\" aria-labelledby=\"cmp-title\">"
         "<h2 id=\"cmp-title\">Figures compared</h2>\n";
  if (doc.comparisons.empty()) {
    out << "<p class=\"none\">No figures from different claims measure the same "
           "thing.</p>\n";
  }
  for (size_t g = 0; g < doc.comparisons.size(); ++g) {
    const Comparison& c = doc.comparisons[g];
    out << "<table class=\"comparison\"" << Attribute("data-entity", c.entity)
        << Attribute("data-disagreement", c.disagreement ? "true" : "false")
        << "><caption>" << HtmlEscape(c.entity);
    if (c.unit) out << " (" << HtmlEscape(*c.unit) << ")";
    out << (c.disagreement ? " <span class=\"flag\">sources disagree</span>"
                           : " <span class=\"agree\">compatible</span>")
        << "</caption>\n<thead><tr><th scope=\"col\">source</th><th scope=\"col\">"
           "figure</th><th scope=\"col\">places</th><th scope=\"col\">dates</th>"
           "<th scope=\"col\">claim</th></tr></thead><tbody>\n";
    for (const ComparisonItem& item : c.items) {
      out << "<tr" << Attribute("data-claim", item.claim) << "><td>"
          << HtmlEscape(item.source.value_or("unattributed")) << "</td><td class=\"num\"><a"
          << Attribute("href", "#" + item.quantity) << ">" << HtmlEscape(FigureText(item))
          << "</a></td><td>" << HtmlEscape(Joined(item.places)) << "</td><td>"
          << HtmlEscape(Joined(item.dates)) << "</td><td><a"
          << Attribute("href", "#" + item.claim) << ">" << HtmlEscape(item.claim)
          << "</a></td></tr>\n";
    }
    out << "</tbody></table>\n";
  }
  out << "</section>\n";
}

constexpr std::string_view kStyle = R"css(
:root{--q:#0072B2;--d:#E69F00;--p:#009E73;--s:#CC79A7;--u:#F0E442;--c:#D55E00}
body{font:16px/1.6 system-ui,sans-serif;margin:0;color:#111;background:#fff}
header{padding:.6em 1.2em;border-bottom:1px solid #ccc;background:#f6f6f6}
header h1{font-size:1.1em;margin:0}
header p{margin:.2em 0;color:#444;font-size:.9em}
.legend{display:flex;flex-wrap:wrap;gap:.4em 1em;list-style:none;padding:0;margin:.4em 0 0}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(18em,2fr);gap:1.5em;padding:1em 1.2em}
@media (max-width:900px){main{grid-template-columns:1fr}}
.article{white-space:pre-wrap;max-width:48em}
.m{border-radius:2px;padding:0 1px;cursor:help}
.m-quantity{background:#d7ebf7;border-bottom:3px solid var(--q);font-weight:600}
.m-date{background:#fbeccb;border-bottom:3px dotted var(--d)}
.m-place{background:#cfeee4;border-bottom:3px dashed var(--p)}
.m-source{background:#f5dcea;border-bottom:3px double var(--s);font-weight:600}
.m-quote{background:#fbf8d0;font-style:italic}
.claim{text-decoration:underline 2px var(--c);text-underline-offset:4px}
.cue{font-variant:small-caps}
.cite a{color:var(--c);font-size:.75em;text-decoration:none;padding:0 .15em}
.m:focus,.claim:focus,a:focus{outline:3px solid #000;outline-offset:2px}
:target{outline:3px solid var(--c)}
.swatch{display:inline-block;width:1.4em;height:1em;vertical-align:middle;margin-right:.3em}
.panel h2{font-size:1em;margin:.2em 0 .5em;border-bottom:1px solid #ccc}
.panel{margin-bottom:1.5em}
.source-group h3{font-size:.95em;margin:.6em 0 .2em}
.source-group ul{margin:0;padding-left:1.2em;font-size:.9em}
.ctype{color:#555;font-size:.8em}
table.comparison{border-collapse:collapse;width:100%;font-size:.9em;margin-bottom:1em}
.comparison caption{text-align:left;font-weight:600;padding:.2em 0}
.comparison th,.comparison td{border:1px solid #ccc;padding:.2em .4em;text-align:left}
.comparison td.num{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.flag{background:var(--c);color:#fff;padding:0 .4em;border-radius:3px;font-size:.8em}
.agree{background:#ddd;padding:0 .4em;border-radius:3px;font-size:.8em}
.none{color:#555;font-size:.9em}
#tip{position:absolute;z-index:10;max-width:28em;background:#111;color:#fff;padding:.4em .6em;border-radius:4px;font-size:.85em;white-space:pre-line;pointer-events:none}
#tip[hidden]{display:none}
)css";

// Reads data-* attributes, writes textContent only: article text never
// becomes markup here.
constexpr std::string_view kScript = R"js(
(function () {
  var tip = document.getElementById('tip');
  var skip = {id: 1, start: 1, end: 1};
  function describe(el) {
    var lines = [el.dataset.kind + ' ' + el.dataset.id];
    Object.keys(el.dataset).forEach(function (key) {
      if (skip[key] || key === 'kind' || key === 'rule') return;
      lines.push(key.replace(/[A-Z]/g, function (c) { return '_' + c.toLowerCase(); }) +
                 ': ' + el.dataset[key]);
    });
    lines.push('rule: ' + el.dataset.rule);
    lines.push('bytes ' + el.dataset.start + '\u2013' + el.dataset.end);
    return lines.join('\n');
  }
  function show(el) {
    tip.textContent = describe(el);
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    tip.style.left = (window.scrollX + r.left) + 'px';
    tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
  }
  function hide() { tip.hidden = true; }
  function mention(target) {
    return target && target.closest ? target.closest('.m') : null;
  }
  document.addEventListener('mouseover', function (e) {
    var el = mention(e.target); if (el) show(el);
  });
  document.addEventListener('mouseout', function (e) {
    if (mention(e.target)) hide();
  });
  document.addEventListener('focusin', function (e) {
    var el = mention(e.target); if (el) show(el); else hide();
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });
  // A link to a mention (page.html#m12, from the claims panel or shared by
  // someone) opens with that mention's details shown, as on focus.
  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? mention(document.getElementById(id)) : null;
    if (el) { el.focus(); show(el); }
  }
  window.addEventListener('hashchange', showTarget);
  showTarget();
  document.documentElement.setAttribute('data-ready', 'true');
})();
)js";

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t': case '\n': out.push_back(static_cast<char>(c)); break;
        default: out.push_back(c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c));
      }
      ++pos;
      continue;
    }
    Utf8Char ch = DecodeUtf8At(text, pos);
    if (!ch.valid) {
      AppendCodePoint(0xFFFD, &out);
    } else if (ch.code_point >= 0x80 && ch.code_point < 0xA0) {
      out.push_back(' ');  // C1 controls
    } else {
      out.append(text.substr(pos, ch.length));
    }
    pos += ch.length;
  }
  return out;
}

void WriteHtml(std::ostream& out, const AnnotatedDocument& doc,
               std::string_view original) {
  const std::string id = doc.info.id.empty() ? "-" : doc.info.id;
  out << "<!DOCTYPE html>\n<html lang=\"" << HtmlEscape(doc.info.lang)
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"claimx\">\n<title>claimx \u00b7 "
      << HtmlEscape(id) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  out << "<header><h1>" << HtmlEscape(id) << "</h1><p>"
      << HtmlEscape(doc.info.date.value_or("no date")) << " \u00b7 " << doc.info.bytes
      << " bytes \u00b7 " << doc.sentences.size() << " sentences \u00b7 "
      << doc.mentions.size() << " mentions \u00b7 " << doc.claims.size()
      << " claims \u00b7 " << doc.comparisons.size() << " comparisons</p>\n";
  if (doc.info.normalization.invalid_utf8 > 0) {
    out << "<p class=\"warning\">" << doc.info.normalization.invalid_utf8
        << " invalid UTF-8 sequence(s) shown as \ufffd, first at byte "
        << doc.info.normalization.first_invalid_offset << "</p>\n";
  }
  out << "<ul class=\"legend\" aria-label=\"legend\">";
  for (MentionKind kind : {MentionKind::kQuantity, MentionKind::kDate, MentionKind::kPlace,
                           MentionKind::kSource, MentionKind::kQuote}) {
    std::string name(MentionKindName(kind));
    out << "<li><span class=\"swatch m-" << name << "\"></span>" << name << "</li>";
  }
  out << "<li><span class=\"claim\">claim</span><sup class=\"cite\"><a>c1</a></sup> "
         "statement, linked to its source</li></ul>\n</header>\n<main>\n"
         "<article class=\"article\" aria-label=\"annotated article\">";
  WriteNested(out, original, Intervals(doc, original));
  out << "</article>\n<aside>\n";
  WriteComparisonsPanel(out, doc);
  WriteClaimsPanel(out, doc, original);
  out << "</aside>\n</main>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>"
      << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace claimx
