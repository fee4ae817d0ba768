#include "tools/eval/source_eval.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "extractor/claim.h"
#include "extractor/place.h"
#include "extractor/segmenter.h"
#include "tools/eval/scorer.h"

namespace claimx::eval {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// ---------------------------------------------------------------------------
// SHA-1 (FIPS 180-4), only to fingerprint short spans of the gold: no
// dependency is worth adding for it.

uint32_t RotateLeft(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

void Sha1Block(const unsigned char* block, std::array<uint32_t, 5>* h) {
  uint32_t w[80];
  for (int i = 0; i < 16; ++i) {
    w[i] = uint32_t{block[4 * i]} << 24 | uint32_t{block[4 * i + 1]} << 16 |
           uint32_t{block[4 * i + 2]} << 8 | uint32_t{block[4 * i + 3]};
  }
  for (int i = 16; i < 80; ++i) w[i] = RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = (*h)[0], b = (*h)[1], c = (*h)[2], d = (*h)[3], e = (*h)[4];
  for (int i = 0; i < 80; ++i) {
    uint32_t f, k;
    if (i < 20) {
      f = (b & c) | (~b & d), k = 0x5A827999;
    } else if (i < 40) {
      f = b ^ c ^ d, k = 0x6ED9EBA1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
    } else {
      f = b ^ c ^ d, k = 0xCA62C1D6;
    }
    uint32_t t = RotateLeft(a, 5) + f + e + k + w[i];
    e = d, d = c, c = RotateLeft(b, 30), b = a, a = t;
  }
  (*h)[0] += a, (*h)[1] += b, (*h)[2] += c, (*h)[3] += d, (*h)[4] += e;
}

std::array<uint32_t, 5> Sha1(std::string_view bytes) {
  std::array<uint32_t, 5> h = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string padded(bytes);
  padded.push_back(static_cast<char>(0x80));
  while (padded.size() % 64 != 56) padded.push_back('\0');
  uint64_t bits = uint64_t{bytes.size()} * 8;
  for (int i = 7; i >= 0; --i) padded.push_back(static_cast<char>(bits >> (8 * i)));
  for (size_t i = 0; i < padded.size(); i += 64) {
    Sha1Block(reinterpret_cast<const unsigned char*>(padded.data() + i), &h);
  }
  return h;
}

// ---------------------------------------------------------------------------
// Loading and checking the gold.

template <size_t N>
bool OneOf(const std::string& value, const std::string_view (&allowed)[N]) {
  return std::find(std::begin(allowed), std::end(allowed), value) != std::end(allowed);
}

bool IsHex8(const std::string& s) {
  return s.size() == 8 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Span ReadSpan(const json& j) { return Span{j.at("start").get<size_t>(), j.at("end").get<size_t>()}; }

// Parses and checks one claim line; throws json::exception on a missing or
// mistyped field, returns a message for a value outside the vocabulary.
std::optional<std::string> ParseClaim(const json& j, GoldClaim* c) {
  c->id = j.at("id").get<std::string>();
  c->doc = j.at("doc").get<std::string>();
  c->type = j.at("type").get<std::string>();
  c->span = ReadSpan(j);
  c->sha1 = j.at("sha1").get<std::string>();
  if (!j.at("cue").is_null()) {
    c->cue = ReadSpan(j.at("cue"));
    c->cue_sha1 = j.at("cue").at("sha1").get<std::string>();
  }
  const json& s = j.at("source");
  c->source.name = s.at("name").get<std::string>();
  if (s.contains("aliases")) c->source.aliases = s.at("aliases").get<std::vector<std::string>>();
  c->source.type = s.at("type").get<std::string>();
  if (s.contains("role")) c->source.role = s.at("role").get<std::string>();
  c->speaker_form = j.at("speaker_form").get<std::string>();

  if (!OneOf(c->type, kGoldClaimTypes)) return "unknown claim type '" + c->type + "'";
  if (!OneOf(c->source.type, kGoldSourceTypes)) {
    return "unknown source type '" + c->source.type + "'";
  }
  if (!OneOf(c->speaker_form, kSpeakerForms)) {
    return "unknown speaker_form '" + c->speaker_form + "'";
  }
  if (c->span.empty()) return "empty statement span";
  if (c->cue && c->cue->empty()) return "empty cue span";
  if (c->speaker_form == "context" && c->cue) {
    return "speaker_form 'context' means there is no cue, but a cue is given";
  }
  if (!IsHex8(c->sha1) || (c->cue && !IsHex8(c->cue_sha1))) {
    return "sha1 must be 8 lower-case hex digits";
  }
  if (NormalizeSourceName(c->source.name).empty()) return "source name has no word";
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Matching.

size_t SharedBytes(const Span& a, const Span& b) {
  size_t start = std::max(a.start, b.start), end = std::min(a.end, b.end);
  return end > start ? end - start : 0;
}

// The shared bytes are at least half of the longer span.
bool SpansMatch(const Span& gold, const Span& predicted) {
  size_t shared = SharedBytes(gold, predicted);
  return shared > 0 && 2 * shared >= std::max(gold.size(), predicted.size());
}

struct Candidate {
  size_t gold;       // index into the document's gold claims
  size_t predicted;  // index into the document's scored predictions
  size_t shared;
  bool source_ok;
};

// One-to-one, greedy: largest overlap first; at equal overlap a pair with
// the right source first, then text order. Returns predicted index per gold
// index (npos when unmatched).
std::vector<size_t> GreedyMatch(std::vector<Candidate> candidates, size_t gold_count,
                                size_t predicted_count) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.shared != b.shared) return a.shared > b.shared;
    if (a.source_ok != b.source_ok) return a.source_ok;
    if (a.gold != b.gold) return a.gold < b.gold;
    return a.predicted < b.predicted;
  });
  std::vector<size_t> match(gold_count, std::string::npos);
  std::vector<bool> taken(predicted_count, false);
  for (const Candidate& c : candidates) {
    if (match[c.gold] != std::string::npos || taken[c.predicted]) continue;
    match[c.gold] = c.predicted;
    taken[c.predicted] = true;
  }
  return match;
}

void Count(PRF* into, size_t gold, size_t predicted, size_t matched) {
  into->gold += gold;
  into->predicted += predicted;
  into->matched += matched;
}

bool PredictedSourceMatches(const GoldClaim& gold, const PredictedClaim& predicted) {
  return predicted.source && SourceMatches(gold.source, *predicted.source);
}

// Every (gold, predicted) pair whose spans match, and the subset whose
// sources match too.
void CollectCandidates(const std::vector<const GoldClaim*>& gold,
                       const std::vector<const PredictedClaim*>& predicted,
                       std::vector<Candidate>* span_candidates,
                       std::vector<Candidate>* full_candidates) {
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (!SpansMatch(gold[g]->span, predicted[p]->span)) continue;
      bool source_ok = PredictedSourceMatches(*gold[g], *predicted[p]);
      Candidate c{g, p, SharedBytes(gold[g]->span, predicted[p]->span), source_ok};
      span_candidates->push_back(c);
      if (source_ok) full_candidates->push_back(c);
    }
  }
}

// A gold claim without a full match is "wrong_source" when its span match
// is a prediction no other gold claim took, else "missed"; predictions left
// over are "spurious".
void ListErrors(const std::string& doc, const std::vector<const GoldClaim*>& gold,
                const std::vector<const PredictedClaim*>& predicted,
                const std::vector<size_t>& span_match, const std::vector<size_t>& full_match,
                std::vector<SourceError>* errors) {
  std::vector<bool> accounted(predicted.size(), false);
  for (size_t p : full_match) {
    if (p != std::string::npos) accounted[p] = true;
  }
  std::vector<bool> fully_matched = accounted;
  for (size_t g = 0; g < gold.size(); ++g) {
    if (full_match[g] != std::string::npos) continue;
    const GoldClaim& claim = *gold[g];
    SourceError e{doc, "missed", claim.id, claim.span, std::nullopt, claim.source.name, ""};
    if (size_t p = span_match[g]; p != std::string::npos && !fully_matched[p]) {
      e.what = "wrong_source";
      e.predicted_span = predicted[p]->span;
      e.predicted_source = predicted[p]->source.value_or("(none)");
      accounted[p] = true;
    }
    errors->push_back(std::move(e));
  }
  for (size_t p = 0; p < predicted.size(); ++p) {
    if (accounted[p]) continue;
    errors->push_back(SourceError{doc, "spurious", "", std::nullopt, predicted[p]->span, "",
                                  predicted[p]->source.value_or("(none)")});
  }
}

size_t Matched(const std::vector<size_t>& match) {
  return static_cast<size_t>(std::count_if(match.begin(), match.end(),
                                           [](size_t p) { return p != std::string::npos; }));
}

void ScoreDocument(const std::string& doc, const std::vector<const GoldClaim*>& gold,
                   const std::vector<PredictedClaim>& all_predicted, SourceReport* report) {
  std::vector<const PredictedClaim*> predicted;
  for (const PredictedClaim& p : all_predicted) {
    if (p.type == ClaimTypeName(ClaimType::kUnattributed)) {
      ++report->ignored_unattributed;
    } else {
      predicted.push_back(&p);
    }
  }
  std::vector<Candidate> span_candidates, full_candidates;
  CollectCandidates(gold, predicted, &span_candidates, &full_candidates);
  std::vector<size_t> span_match = GreedyMatch(span_candidates, gold.size(), predicted.size());
  std::vector<size_t> full_match = GreedyMatch(full_candidates, gold.size(), predicted.size());

  for (size_t g = 0; g < gold.size(); ++g) {
    SpeakerScore& form = report->speaker_by_form[gold[g]->speaker_form];
    PRF& type = report->claims_by_type[gold[g]->type];
    ++form.gold, ++report->speaker.gold, ++type.gold;
    if (full_match[g] != std::string::npos) ++type.matched;
    if (size_t p = span_match[g]; p != std::string::npos) {
      ++form.span_matched, ++report->speaker.span_matched;
      if (PredictedSourceMatches(*gold[g], *predicted[p])) ++form.correct, ++report->speaker.correct;
    }
  }
  ListErrors(doc, gold, predicted, span_match, full_match, &report->errors);
  Count(&report->claims, gold.size(), predicted.size(), Matched(full_match));
  Count(&report->spans, gold.size(), predicted.size(), Matched(span_match));
  Count(&report->claims_by_doc[doc], gold.size(), predicted.size(), Matched(full_match));
}

// A short view of a span of `text` for error listings, cut at a UTF-8
// character boundary.
std::string Excerpt(std::string_view text, const std::optional<Span>& span) {
  if (!span || span->end > text.size()) return "";
  std::string_view s = span->Of(text);
  constexpr size_t kMax = 70;
  if (s.size() <= kMax) return "\"" + std::string(s) + "\"";
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(s.substr(0, cut)) + "…\"";
}

std::string SpanText(const std::optional<Span>& span) {
  if (!span) return "-";
  return "[" + std::to_string(span->start) + "," + std::to_string(span->end) + ")";
}

}  // namespace

std::string Sha1Prefix8(std::string_view bytes) {
  char hex[9];
  std::snprintf(hex, sizeof(hex), "%08x", static_cast<unsigned>(Sha1(bytes)[0]));
  return hex;
}

Result<SourceGold> LoadSourceGold(const std::string& file) {
  std::ifstream in(file);
  if (!in) return NotFound("cannot read source gold " + file);
  SourceGold gold;
  std::set<std::string> documents, ids;
  bool header = false;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    std::string where = file + ":" + std::to_string(line_number) + ": ";
    try {
      json j = json::parse(line);
      std::string kind = j.at("kind").get<std::string>();
      if (kind == "header") {
        if (header) return InvalidArgument(where + "second header");
        header = true;
        gold.documents = j.at("documents").get<std::vector<std::string>>();
        documents.insert(gold.documents.begin(), gold.documents.end());
        if (documents.size() != gold.documents.size()) {
          return InvalidArgument(where + "a document is listed twice");
        }
        continue;
      }
      if (kind != "claim") return InvalidArgument(where + "unknown kind '" + kind + "'");
      if (!header) return InvalidArgument(where + "claim before the header");
      GoldClaim claim;
      claim.line = line_number;
      if (auto bad = ParseClaim(j, &claim)) return InvalidArgument(where + *bad);
      if (!documents.count(claim.doc)) {
        return InvalidArgument(where + "document " + claim.doc + " is not in the header");
      }
      if (!ids.insert(claim.id).second) return InvalidArgument(where + "duplicate id " + claim.id);
      gold.claims.push_back(std::move(claim));
    } catch (const json::exception& e) {
      return InvalidArgument(where + e.what());
    }
  }
  if (!header) return InvalidArgument(file + ": no header line");
  return gold;
}

Status CheckGoldClaim(const GoldClaim& claim, std::string_view text) {
  auto check = [&](const Span& span, const std::string& sha1, const char* what) -> Status {
    if (span.end > text.size()) {
      return InvalidArgument("gold claim " + claim.id + ": " + what + " " + SpanText(span) +
                             " ends past the document (" + std::to_string(text.size()) +
                             " bytes)");
    }
    if (std::string found = Sha1Prefix8(span.Of(text)); found != sha1) {
      return InvalidArgument("gold claim " + claim.id + ": " + what + " " + SpanText(span) +
                             " has sha1 " + found + ", the gold says " + sha1 +
                             " (did the corpus change?)");
    }
    return Status::Ok();
  };
  CLAIMX_RETURN_IF_ERROR(check(claim.span, claim.sha1, "statement"));
  if (claim.cue) CLAIMX_RETURN_IF_ERROR(check(*claim.cue, claim.cue_sha1, "cue"));
  return Status::Ok();
}

std::string NormalizeSourceName(std::string_view name) {
  // Tokenize() knows the ASCII apostrophe only (the annotator folds the
  // typographic one before it runs); names come from anywhere.
  std::string ascii;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name.substr(i, 3) == "\u2019") {
      ascii.push_back('\'');
      i += 2;
    } else {
      ascii.push_back(name[i]);
    }
  }
  static const std::set<std::string, std::less<>> kArticles = {"le", "la",  "les", "l'",
                                                                "un", "une", "des", "du"};
  std::vector<std::string> words;
  for (const Token& t : Tokenize(ascii, Span{0, ascii.size()})) {
    if (t.kind == TokenKind::kPunct) continue;
    std::string key = FoldPlaceKey(t.span.Of(ascii));
    if (words.empty() && kArticles.count(key)) continue;
    words.push_back(std::move(key));
  }
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

bool SourceMatches(const GoldSource& gold, std::string_view predicted) {
  std::string key = NormalizeSourceName(predicted);
  if (key.empty()) return false;
  if (key == NormalizeSourceName(gold.name)) return true;
  return std::any_of(gold.aliases.begin(), gold.aliases.end(),
                     [&](const std::string& alias) { return key == NormalizeSourceName(alias); });
}

std::vector<PredictedClaim> PredictedClaims(const AnnotatedDocument& document) {
  std::vector<PredictedClaim> out;
  for (const Claim& c : document.claims) {
    PredictedClaim p{std::string(ClaimTypeName(c.type)), c.span, std::nullopt};
    if (c.source) p.source = c.source->name;
    out.push_back(std::move(p));
  }
  return out;
}

SourceReport ScoreSources(const SourceGold& gold,
                          const std::vector<DocumentPrediction>& predictions) {
  SourceReport report;
  static const std::vector<PredictedClaim> kNone;
  for (const std::string& doc : gold.documents) {
    ++report.documents;
    std::vector<const GoldClaim*> gold_claims;
    for (const GoldClaim& c : gold.claims) {
      if (c.doc == doc) gold_claims.push_back(&c);
    }
    auto found = std::find_if(predictions.begin(), predictions.end(),
                              [&](const DocumentPrediction& p) { return p.doc == doc; });
    ScoreDocument(doc, gold_claims, found == predictions.end() ? kNone : found->claims, &report);
  }
  return report;
}

Result<SourceReport> EvaluateSources(const Annotator& annotator, const SourceGold& gold,
                                     const std::string& corpus_dir,
                                     std::vector<DocumentPrediction>* predictions_out) {
  struct IndexEntry {
    std::string file;
    std::optional<std::string> date;
  };
  std::map<std::string, IndexEntry> index;
  fs::path index_path = fs::path(corpus_dir) / "index.jsonl";
  std::ifstream in(index_path);
  if (!in) return NotFound("no index.jsonl in " + corpus_dir);
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    try {
      // Wikinews writes "id" and "date"; French TimeBank "name" and
      // "document_creation_time".
      json j = json::parse(line);
      IndexEntry e{j.at("file").get<std::string>(), std::nullopt};
      const char* date_key = j.contains("date") ? "date" : "document_creation_time";
      if (j.contains(date_key) && !j.at(date_key).is_null()) {
        e.date = j.at(date_key).get<std::string>();
      }
      index[j.at(j.contains("id") ? "id" : "name").get<std::string>()] = std::move(e);
    } catch (const json::exception& e) {
      return InvalidArgument(index_path.string() + ":" + std::to_string(line_number) + ": " +
                             e.what());
    }
  }
  std::vector<DocumentPrediction> predictions;
  for (const std::string& doc : gold.documents) {
    auto entry = index.find(doc);
    if (entry == index.end()) return NotFound("document " + doc + " is not in " + index_path.string());
    fs::path path = fs::path(corpus_dir) / entry->second.file;
    if (!fs::exists(path)) return NotFound("cannot read " + path.string());
    DocumentPrediction prediction{doc, ReadAll(path), {}};
    for (const GoldClaim& c : gold.claims) {
      if (c.doc == doc) CLAIMX_RETURN_IF_ERROR(CheckGoldClaim(c, prediction.text));
    }
    auto annotated = annotator.Annotate(prediction.text, DocumentOptions{doc, entry->second.date});
    if (!annotated.ok()) return Status(annotated.status().code(), path.string() + ": " + annotated.status().message());
    prediction.claims = PredictedClaims(*annotated);
    predictions.push_back(std::move(prediction));
  }
  SourceReport report = ScoreSources(gold, predictions);
  if (predictions_out) *predictions_out = std::move(predictions);
  return report;
}

std::string FormatSourceReport(const SourceReport& r) {
  std::ostringstream out;
  char line[256];
  out << "sources: " << r.documents << " documents, " << r.claims.gold << " gold claims, "
      << r.claims.predicted << " predicted (" << r.ignored_unattributed
      << " unattributed ignored)\n";
  std::snprintf(line, sizeof(line), "%-22s %6s %6s %6s %8s %8s %8s\n", "", "gold", "found",
                "match", "P", "R", "F1");
  out << line;
  auto prf = [&](const std::string& name, const PRF& s) {
    std::snprintf(line, sizeof(line), "%-22s %6zu %6zu %6zu %8.3f %8.3f %8.3f\n", name.c_str(),
                  s.gold, s.predicted, s.matched, s.Precision(), s.Recall(), s.F1());
    out << line;
  };
  prf("claims (span+source)", r.claims);
  prf("spans only", r.spans);
  out << "recall by gold type (span+source):\n";
  for (const auto& [type, s] : r.claims_by_type) {
    std::snprintf(line, sizeof(line), "  %-20s %6zu %6zu %8.3f\n", type.c_str(), s.gold,
                  s.matched, s.Recall());
    out << line;
  }
  out << "speaker accuracy (right source among span-matched pairs):\n";
  std::snprintf(line, sizeof(line), "  %-20s %6s %6s %6s %8s\n", "form", "gold", "spanok",
                "right", "acc");
  out << line;
  auto speaker = [&](const std::string& name, const SpeakerScore& s) {
    std::snprintf(line, sizeof(line), "  %-20s %6zu %6zu %6zu %8.3f\n", name.c_str(), s.gold,
                  s.span_matched, s.correct, s.Accuracy());
    out << line;
  };
  for (const auto& [form, s] : r.speaker_by_form) speaker(form, s);
  speaker("all", r.speaker);
  return out.str();
}

std::string FormatSourceErrors(const SourceReport& report, const SourceGold& gold,
                               const std::vector<DocumentPrediction>& predictions) {
  std::ostringstream out;
  std::string current;
  for (const SourceError& e : report.errors) {
    auto doc = std::find_if(predictions.begin(), predictions.end(),
                            [&](const DocumentPrediction& p) { return p.doc == e.doc; });
    std::string_view text = doc == predictions.end() ? std::string_view() : doc->text;
    if (e.doc != current) {
      const PRF& s = report.claims_by_doc.at(e.doc);
      out << "doc " << e.doc << ": gold " << s.gold << ", found " << s.predicted << ", matched "
          << s.matched << "\n";
      current = e.doc;
    }
    out << "  " << e.what;
    if (!e.gold_id.empty()) {
      auto claim = std::find_if(gold.claims.begin(), gold.claims.end(),
                                [&](const GoldClaim& c) { return c.id == e.gold_id; });
      out << " " << e.gold_id << " " << claim->type << "/" << claim->speaker_form << " gold "
          << SpanText(e.gold_span) << " source '" << e.gold_source << "' "
          << Excerpt(text, e.gold_span);
    }
    if (e.predicted_span) {
      out << (e.gold_id.empty() ? " " : " | ") << "found " << SpanText(e.predicted_span)
          << " source '" << e.predicted_source << "'";
      if (e.what == "spurious") out << " " << Excerpt(text, e.predicted_span);
    }
    out << "\n";
  }
  return out.str();
}

json SourceReportToJson(const SourceReport& r) {
  auto prf = [](const PRF& s) {
    return json{{"gold", s.gold},
                {"found", s.predicted},
                {"matched", s.matched},
                {"precision", s.Precision()},
                {"recall", s.Recall()},
                {"f1", s.F1()}};
  };
  auto speaker = [](const SpeakerScore& s) {
    return json{{"gold", s.gold},
                {"span_matched", s.span_matched},
                {"correct", s.correct},
                {"accuracy", s.Accuracy()}};
  };
  json out = {{"suite", "sources"},
              {"documents", r.documents},
              {"ignored_unattributed", r.ignored_unattributed},
              {"claims", prf(r.claims)},
              {"spans", prf(r.spans)},
              {"speaker", speaker(r.speaker)}};
  for (const auto& [form, s] : r.speaker_by_form) out["speaker_by_form"][form] = speaker(s);
  for (const auto& [type, s] : r.claims_by_type) out["claims_by_type"][type] = prf(s);
  for (const auto& [doc, s] : r.claims_by_doc) out["claims_by_doc"][doc] = prf(s);
  out["errors"] = json::array();
  for (const SourceError& e : r.errors) {
    json j = {{"doc", e.doc}, {"what", e.what}};
    if (!e.gold_id.empty()) j["gold"] = e.gold_id;
    if (e.gold_span) j["gold_span"] = {e.gold_span->start, e.gold_span->end};
    if (!e.gold_source.empty()) j["gold_source"] = e.gold_source;
    if (e.predicted_span) j["found_span"] = {e.predicted_span->start, e.predicted_span->end};
    if (!e.predicted_source.empty()) j["found_source"] = e.predicted_source;
    out["errors"].push_back(std::move(j));
  }
  return out;
}

Result<json> RunSourceEval(const Annotator& annotator, const std::string& gold_file,
                          const std::string& corpus_dir, bool verbose, std::ostream& out) {
  auto gold = LoadSourceGold(gold_file);
  if (!gold.ok()) return gold.status();
  std::vector<DocumentPrediction> predictions;
  auto report = EvaluateSources(annotator, *gold, corpus_dir, &predictions);
  if (!report.ok()) return report.status();
  out << FormatSourceReport(*report) << "\n";
  if (verbose) out << FormatSourceErrors(*report, *gold, predictions);
  return SourceReportToJson(*report);
}

}  // namespace claimx::eval
