// Unit tests of batch/: the content digest, the line reader's bounds, the
// JSONL record contract, HTML text extraction, JsonlSink resume, the
// runner's order and resume decisions, the annotator's time budget.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "batch/byte_source.h"
#include "batch/content_hash.h"
#include "batch/html_text.h"
#include "batch/input.h"
#include "batch/jsonl_sink.h"
#include "batch/line_reader.h"
#include "batch/quarantine.h"
#include "batch/record.h"
#include "batch/runner.h"
#include "extractor/emit_json.h"
#include "test_util.h"

namespace claimx {
namespace {

namespace fs = std::filesystem;

std::vector<Line> AllLines(std::string bytes, size_t max_line) {
  auto source = ByteSource::FromBytes(std::move(bytes), "test");
  LineReader reader(source.get(), max_line);
  std::vector<Line> lines;
  std::vector<std::string> keep;
  while (true) {
    auto line = reader.Next();
    REQUIRE(line.ok());
    if (!line->has_value()) break;
    lines.push_back(**line);
    keep.emplace_back((*line)->text);
    lines.back().text = {};
  }
  return lines;
}

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("claimx-batch-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST_CASE("ContentHash is SHA-256 (FIPS 180-4 vectors)", "[batch]") {
  CHECK(ContentHash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(ContentHash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(ContentHash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(ContentHash(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("LineReader gives numbers and byte offsets, drops CR, keeps a last line without LF",
          "[batch]") {
  auto source = ByteSource::FromBytes("ab\r\n\ncd\nlast", "test");
  LineReader reader(source.get(), 100);
  std::vector<std::tuple<std::string, uint64_t, uint64_t>> seen;
  while (true) {
    auto line = reader.Next();
    REQUIRE(line.ok());
    if (!line->has_value()) break;
    seen.emplace_back(std::string((*line)->text), (*line)->number, (*line)->offset);
  }
  using T = std::tuple<std::string, uint64_t, uint64_t>;
  CHECK(seen == std::vector<T>{T{"ab", 1, 0}, T{"", 2, 4}, T{"cd", 3, 5}, T{"last", 4, 8}});
}

TEST_CASE("LineReader skips an oversized line without holding it and goes on", "[batch]") {
  std::string big(5u << 20, 'x');
  auto lines = AllLines("ok\n" + big + "\nafter\n", 1000);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].oversized);
  CHECK(lines[1].size == big.size());
  CHECK(lines[1].offset == 3);
  CHECK_FALSE(lines[2].oversized);
  CHECK(lines[2].offset == 3 + big.size() + 1);
  CHECK(lines[2].number == 3);
}

TEST_CASE("ParseJsonlRecord accepts the documented record and refuses the rest by reason",
          "[batch]") {
  RecordFields fields;
  auto ok = ParseJsonlRecord(
      R"({"id": 42, "date": "2016-11-10T09:00:00Z", "title": "T", "url": null, "text": "x", "extra": [1]})",
      fields);
  REQUIRE(std::holds_alternative<Article>(ok));
  const Article& article = std::get<Article>(ok);
  CHECK(article.id == "42");
  CHECK(article.date == "2016-11-10");
  CHECK(article.title == "T");
  CHECK_FALSE(article.url.has_value());

  auto reason = [&](std::string_view line) {
    auto parsed = ParseJsonlRecord(line, fields);
    REQUIRE(std::holds_alternative<RecordError>(parsed));
    return std::string(QuarantineReasonName(std::get<RecordError>(parsed).reason));
  };
  CHECK(reason(R"({"id": "a", "text": "x")") == "invalid_json");
  CHECK(reason(R"([1, 2])") == "invalid_json");
  CHECK(reason("{\"id\": \"a\", \"text\": \"\xff\"}") == "invalid_json");
  CHECK(reason(R"({"id": "a"})") == "missing_text");
  CHECK(reason(R"({"id": "a", "text": ["x"]})") == "bad_field");
  CHECK(reason(R"({"id": "", "text": "x"})") == "bad_field");
  CHECK(reason(R"({"text": "x"})") == "missing_id");
  CHECK(reason(R"({"id": "a", "text": "x", "date": "2016-13-01"})") == "bad_date");
  CHECK(reason(R"({"id": "a", "text": "x", "title": 3})") == "bad_field");

  RecordFields renamed;
  renamed.text = "body";
  renamed.id = "guid";
  auto custom = ParseJsonlRecord(R"({"guid": "g", "body": "texte"})", renamed);
  REQUIRE(std::holds_alternative<Article>(custom));
  CHECK(std::get<Article>(custom).text == "texte");
}

// The same outcome, field for field, or the same refusal in the same words.
void CheckSameRecord(std::string_view line, const RecordFields& fields) {
  INFO("line: " << line.substr(0, 200));
  const ParsedRecord fast = ParseJsonlRecord(line, fields);
  const ParsedRecord reference = ParseJsonlRecordWithNlohmann(line, fields);
  REQUIRE(fast.index() == reference.index());
  if (const auto* article = std::get_if<Article>(&reference)) {
    const Article& read = std::get<Article>(fast);
    CHECK(read.id == article->id);
    CHECK(read.date == article->date);
    CHECK(read.title == article->title);
    CHECK(read.url == article->url);
    CHECK(read.text == article->text);
  } else {
    const auto& error = std::get<RecordError>(reference);
    const auto& refused = std::get<RecordError>(fast);
    CHECK(QuarantineReasonName(refused.reason) == QuarantineReasonName(error.reason));
    CHECK(refused.message == error.message);
    CHECK(refused.id == error.id);
  }
}

TEST_CASE("ParseJsonlRecord reads every record as its nlohmann reference does", "[batch]") {
  RecordFields fields;
  const std::string long_text(kJsonlFastPathMaxBytes + 10, 'a');
  const std::vector<std::string> lines = {
      R"({"id": "a", "text": "Selon l'ONG, \"1787\" civils\n\u00e9t\u00E9 tu\u00e9s \ud83d\ude00"})",
      R"({"id": "a", "id": "b", "text": "x", "text": "y"})",  // the last key counts
      R"({"id": 42, "text": "x"})",
      R"({"id": -7, "text": "x"})",
      R"({"id": -0, "text": "x"})",
      R"({"id": 18446744073709551615, "text": "x"})",
      R"({"id": -9223372036854775808, "text": "x"})",
      R"({"id": 123456789012345678901234567890, "text": "x"})",
      R"({"id": 1e3, "text": "x"})",
      R"({"id": true, "text": "x"})",
      R"({"id": "a", "text": "x", "date": "2016-11-10T09:00:00+01:00", "title": null, "url": "u"})",
      R"({"id": "a", "text": "x", "date": ""})",
      R"({"id": "a", "text": "x", "date": null})",
      R"({"id": "a", "text": "x", "date": "2016-02-30"})",
      R"({"id": "a", "text": "x", "date": 20161110})",
      R"({"id": "a", "text": "x", "url": ["u"]})",
      R"({"id": "a", "text": {"p": "x"}})",
      R"({"id": "a", "text": null})",
      R"({"id": "a", "text": "x", "extra": {"deep": [1, 2.5, null, "\u0000"]}, "n": 1.0e-400})",
      R"({"id": "a", "text": "x", "n": 2e9662})",
      R"({"id": "a", "text": "\ud800"})",
      R"({"id": "a", "text": "\udc00\ud800"})",
      "{\"id\": \"a\", \"text\": \"x\x01\"}",
      "{\"id\": \"a\", \"text\": \"\xc3\"}",
      "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"x\"}",
      "  {\"id\": \"a\", \"text\": \"x\"}\r",
      R"({"id": "a", "text": "x"} {})",
      R"({"id": "a", "text": "x")",
      R"(["id", "text"])",
      R"("text")",
      "",
      R"({"id": "a", "text": ")" + long_text + R"("})",
  };
  for (const std::string& line : lines) CheckSameRecord(line, fields);

  // Renamed fields, one name for two of them.
  RecordFields renamed;
  renamed.id = "guid";
  renamed.text = "body";
  renamed.title = "body";
  CheckSameRecord(R"({"guid": 3, "body": "texte", "text": 5})", renamed);
  CheckSameRecord(R"({"id": "a", "text": "x"})", renamed);

  // Every line of the JSONL fuzz seeds, and each example article as a record.
  size_t seeded = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(CLAIMX_SOURCE_DIR) / "fuzz" / "seeds" / "jsonl")) {
    if (entry.path().extension() != ".jsonl") continue;
    std::istringstream in(testing::ReadFile(entry.path()));
    for (std::string line; std::getline(in, line); ++seeded) CheckSameRecord(line, fields);
  }
  CHECK(seeded > 10);
  size_t articles = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(CLAIMX_CORPORA_DIR) / "fr" / "examples")) {
    if (entry.path().extension() != ".txt") continue;
    const nlohmann::json record = {{"id", entry.path().filename().string()},
                                   {"date", "2016-11-10"},
                                   {"text", testing::ReadFile(entry.path())}};
    CheckSameRecord(record.dump(), fields);
    ++articles;
  }
  CHECK(articles > 0);
}

TEST_CASE("HtmlToText keeps the visible text as paragraphs", "[batch]") {
  HtmlText html = HtmlToText(
      "<html><head><title> Le  titre </title><style>p{}</style></head><body>"
      "<h1>Frappes</h1><p>Selon   l'ONG,\n<b>1787</b>&nbsp;civils<br>tués.</p>"
      "<script>var n = 99;</script><pre>a  b\nc</pre><p>fin");
  CHECK(html.title == "Le titre");
  CHECK(html.text == "Frappes\n\nSelon l'ONG, 1787\u00a0civils\ntués.\n\na  b\nc\n\nfin");
}

// An empty annotated document as a sink receives it: schema v1 with its
// content hash.
nlohmann::ordered_json SinkDocument(const std::string& id, const std::string& text) {
  AnnotatedDocument d;
  d.info.id = id;
  d.info.bytes = text.size();
  nlohmann::ordered_json json = DocumentToJson(d, text);
  json["doc"]["content_hash"] = ContentHash(text);
  return json;
}

TEST_CASE("JsonlSink resumes: a torn last line is cut, stored ids answer with their hash",
          "[batch]") {
  fs::path dir = TempDir("sink");
  std::string path = (dir / "out.jsonl").string();
  {
    auto sink = JsonlSink::OpenFile(path);
    REQUIRE(sink.ok());
    REQUIRE((*sink)->Write({SinkDocument("a", "un"), SinkDocument("b", "deux")}).ok());
    REQUIRE((*sink)->Close().ok());
  }
  { std::ofstream(path, std::ios::app) << R"({"schema":"claimx/1","doc":{"id":"c")"; }
  auto sink = JsonlSink::OpenFile(path);
  REQUIRE(sink.ok());
  CHECK((*sink)->resumed_documents() == 2);
  CHECK((*sink)->torn_bytes_removed() > 0);
  auto stored = (*sink)->StoredHash("b");
  REQUIRE(stored.ok());
  CHECK(*stored == ContentHash("deux"));
  CHECK_FALSE((*sink)->StoredHash("c")->has_value());
  REQUIRE((*sink)->Close().ok());
  std::string content = testing::ReadFile(path);
  CHECK(std::count(content.begin(), content.end(), '\n') == 2);
  CHECK(content.back() == '\n');
  fs::remove_all(dir);
}

// The runner serializes documents in its workers for a JSONL sink
// (StoresJsonText); WriteSerialized must write the same lines as Write,
// which a reopened sink reads back as stored. What a sink writes is not
// "stored by an earlier run" while it is open: memory stays flat over a
// dump (the runner knows this run's ids).
TEST_CASE("JsonlSink writes serialized documents as Write writes documents", "[batch]") {
  fs::path dir = TempDir("serialized");
  const std::vector<nlohmann::ordered_json> documents = {SinkDocument("a", "un"),
                                                         SinkDocument("b", "deux")};
  std::vector<SerializedDocument> serialized;
  for (const auto& d : documents) {
    serialized.push_back({DumpJson(d, -1), d["doc"]["id"].get<std::string>(),
                          d["doc"]["content_hash"].get<std::string>()});
  }
  const std::string by_document = (dir / "documents.jsonl").string();
  const std::string by_text = (dir / "serialized.jsonl").string();
  {
    auto sink = JsonlSink::OpenFile(by_document);
    REQUIRE(sink.ok());
    REQUIRE((*sink)->Write(documents).ok());
    REQUIRE((*sink)->Close().ok());
  }
  {
    auto sink = JsonlSink::OpenFile(by_text);
    REQUIRE(sink.ok());
    CHECK((*sink)->StoresJsonText());
    REQUIRE((*sink)->WriteSerialized(serialized).ok());
    CHECK_FALSE((*sink)->StoredHash("a")->has_value());  // written by this run
    REQUIRE((*sink)->Close().ok());
  }
  CHECK(testing::ReadFile(by_text) == testing::ReadFile(by_document));
  auto reopened = JsonlSink::OpenFile(by_text);
  REQUIRE(reopened.ok());
  CHECK((*reopened)->resumed_documents() == 2);
  CHECK(*(*reopened)->StoredHash("b") == ContentHash("deux"));
  REQUIRE((*reopened)->Close().ok());
  fs::remove_all(dir);
}

// An in-memory DocumentSink, with documents "stored by an earlier run".
class MemorySink : public DocumentSink {
 public:
  std::map<std::string, std::string> stored;
  std::vector<std::string> written;  // doc ids in write order
  Result<std::optional<std::string>> StoredHash(std::string_view id) override {
    auto it = stored.find(std::string(id));
    if (it == stored.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
  Status Write(const std::vector<nlohmann::ordered_json>& batch) override {
    for (const auto& d : batch) written.push_back(d["doc"]["id"].get<std::string>());
    return Status::Ok();
  }
  Status Close() override { return Status::Ok(); }
};

class MemoryQuarantine : public QuarantineSink {
 public:
  std::vector<QuarantineEntry> entries;
  Status Add(const QuarantineEntry& entry) override {
    entries.push_back(entry);
    return Status::Ok();
  }
  Status Close() override { return Status::Ok(); }
  size_t added() const override { return entries.size(); }
};

struct RunResult {
  std::vector<std::string> written;
  std::vector<std::string> quarantined;  // reasons
  uint64_t skipped_stored = 0, skipped_duplicates = 0;
};

RunResult RunOver(const std::string& jsonl, size_t threads, MemorySink sink = {}) {
  fs::path dir = TempDir("runner");
  std::string path = (dir / "in.jsonl").string();
  { std::ofstream(path) << jsonl; }
  auto input = InputReader::Open({path}, InputOptions{});
  REQUIRE(input.ok());
  MemoryQuarantine quarantine;
  BatchOptions options;
  options.threads = threads;
  options.sink_batch = 3;
  options.window_documents = 5;
  std::atomic<bool> stop{false};
  BatchCounters counters;
  BatchSummary summary;
  Status status = BatchRunner(testing::ProjectAnnotator(), options)
                      .Run(input->get(), &sink, &quarantine, &stop, &counters, &summary);
  REQUIRE(status.ok());
  RunResult result;
  result.written = sink.written;
  for (const auto& e : quarantine.entries) {
    result.quarantined.emplace_back(QuarantineReasonName(e.error.reason));
  }
  result.skipped_stored = counters.skipped_stored;
  result.skipped_duplicates = counters.skipped_duplicates;
  fs::remove_all(dir);
  return result;
}

TEST_CASE("BatchRunner writes in input order whatever the thread count", "[batch]") {
  std::string jsonl;
  std::vector<std::string> ids;
  for (int i = 0; i < 60; ++i) {
    // Lengths vary so that workers finish out of order.
    std::string text = std::string(static_cast<size_t>((i * 7919) % 40 + 1) * 50, 'a') + " 12 morts.";
    jsonl += nlohmann::json{{"id", "d" + std::to_string(i)}, {"text", text}}.dump() + "\n";
    ids.push_back("d" + std::to_string(i));
  }
  CHECK(RunOver(jsonl, 1).written == ids);
  CHECK(RunOver(jsonl, 2).written == ids);
  CHECK(RunOver(jsonl, 4).written == ids);
}

TEST_CASE("BatchRunner skips stored and repeated documents, quarantines conflicting ids",
          "[batch]") {
  MemorySink sink;
  sink.stored["old"] = ContentHash("déjà là");
  sink.stored["changed"] = ContentHash("avant");
  std::string jsonl =
      R"({"id": "old", "text": "déjà là"})" "\n"
      R"({"id": "changed", "text": "après"})" "\n"
      R"({"id": "new", "text": "nouveau"})" "\n"
      R"({"id": "new", "text": "nouveau"})" "\n"
      R"({"id": "new", "text": "autre"})" "\n"
      R"({"id": "bad")" "\n";
  RunResult result = RunOver(jsonl, 2, sink);
  CHECK(result.written == std::vector<std::string>{"new"});
  CHECK(result.skipped_stored == 1);
  CHECK(result.skipped_duplicates == 1);
  CHECK(result.quarantined ==
        std::vector<std::string>{"duplicate_id", "duplicate_id", "invalid_json"});
}

TEST_CASE("Annotate stops at a passed deadline with kResourceExhausted", "[batch]") {
  DocumentOptions options;
  options.id = "late";
  options.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  auto doc = testing::ProjectAnnotator().Annotate("Une phrase. Une autre.", options);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::kResourceExhausted);
  options.deadline.reset();
  CHECK(testing::ProjectAnnotator().Annotate("Une phrase. Une autre.", options).ok());
}

TEST_CASE("ByteSource reads plain bytes as they are", "[batch]") {
  auto source = ByteSource::FromBytes("plain\n", "mem");
  CHECK(source->compression() == Compression::kNone);
  char buffer[16];
  auto n = source->Read(buffer, sizeof(buffer));
  REQUIRE(n.ok());
  CHECK(std::string(buffer, *n) == "plain\n");
  CHECK(*source->Read(buffer, sizeof(buffer)) == 0);
}

}  // namespace
}  // namespace claimx
