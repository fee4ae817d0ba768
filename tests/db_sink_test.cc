// The claims database as the DocumentSink of batch/sink.h (what `claimx
// batch --db` writes through) and the flattening of schema v1 objects into
// rows. End-to-end loads, PostgreSQL, kill -9 and disk full are in
// tests/db_test.py.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "db/database.h"
#include "db/json_line.h"
#include "db/rows.h"

namespace {

using Json = nlohmann::ordered_json;

std::vector<Json> Fixture() {
  std::ifstream in(std::string(CLAIMX_SOURCE_DIR) + "/tests/data/db/claims.jsonl");
  std::vector<Json> documents;
  for (std::string line; std::getline(in, line);) documents.push_back(Json::parse(line));
  REQUIRE(documents.size() == 4);
  return documents;
}

// A database file in the temp directory, named after the test, removed
// (with its WAL and shared-memory files) before and after the test. Declare
// it before the database that uses it, so that the database closes first.
class TempDatabase {
 public:
  explicit TempDatabase(const std::string& name)
      : path_((std::filesystem::temp_directory_path() /
               ("claimx-db-sink-" + std::to_string(getpid()) + "-" + name + ".db"))
                  .string()) {
    Remove();
  }
  ~TempDatabase() { Remove(); }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;
  const std::string& path() const { return path_; }

 private:
  void Remove() const {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }
  std::string path_;
};

}  // namespace

TEST_CASE("A SQLite sink stores a batch and reports stored hashes", "[db]") {
  std::vector<Json> docs = Fixture();
  const TempDatabase file("store");
  auto sink = claimx::OpenDatabase("sqlite:" + file.path());
  REQUIRE(sink.ok());
  auto before = (*sink)->StoredHash("fixture-syrie-1");
  REQUIRE(before.ok());
  CHECK_FALSE(before->has_value());
  REQUIRE((*sink)->Write(docs).ok());
  auto after = (*sink)->StoredHash("fixture-syrie-1");
  REQUIRE(after.ok());
  CHECK(after->value() == docs[0]["doc"]["content_hash"].get<std::string>());
  // annotate output has no content_hash: the JSON's hash stands in for it.
  auto derived = (*sink)->StoredHash("fixture-2015");
  REQUIRE(derived.ok());
  CHECK(derived->value() == claimx::db::JsonContentHash(docs[2]));
  CHECK((*sink)->Close().ok());
}

TEST_CASE("A batch with a conflicting id is refused whole", "[db]") {
  std::vector<Json> docs = Fixture();
  const TempDatabase file("conflict");
  const std::string& path = file.path();
  auto db = claimx::OpenClaimsDatabase(path);
  REQUIRE(db.ok());
  REQUIRE((*db)->Write({docs[0]}).ok());
  Json changed = docs[0];
  changed["doc"]["content_hash"] = "another";
  Json fresh = docs[1];
  claimx::Status status = (*db)->Write({fresh, changed});
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("document 'fixture-syrie-1' is already stored"));
  CHECK_THAT(status.message(), Catch::Contains("rolled back"));
  auto fresh_hash = (*db)->StoredHash("fixture-syrie-2");
  REQUIRE(fresh_hash.ok());
  CHECK_FALSE(fresh_hash->has_value());  // atomic: the good document went too
  // The same document again is skipped, not duplicated.
  REQUIRE((*db)->Write({docs[0], docs[1]}).ok());
  CHECK((*db)->stats().documents == 2);
  CHECK((*db)->stats().skipped == 1);
  CHECK((*db)->Close().ok());
}

TEST_CASE("Flattening names the document and field of a bad value", "[db]") {
  std::vector<Json> docs = Fixture();
  SECTION("a claim listing a mention of the wrong kind") {
    docs[0]["claims"][0]["quantities"] = {"m1"};
    auto rows = claimx::db::FlattenDocument(docs[0]);
    REQUIRE_FALSE(rows.ok());
    CHECK(rows.status().message() ==
          "document 'fixture-syrie-1': claims[0].quantities[0]: names no quantity "
          "mention of this document");
  }
  SECTION("a malformed mention id") {
    docs[1]["mentions"][2]["id"] = "x3";
    auto rows = claimx::db::FlattenDocument(docs[1]);
    REQUIRE_FALSE(rows.ok());
    CHECK_THAT(rows.status().message(), Catch::Contains("mentions[2].id: 'x3' is not an id"));
  }
  SECTION("a value of the wrong type") {
    docs[1]["mentions"][1]["value"] = "4000";
    auto rows = claimx::db::FlattenDocument(docs[1]);
    REQUIRE_FALSE(rows.ok());
    CHECK_THAT(rows.status().message(), Catch::Contains("mentions[1].value: expected a number"));
  }
  SECTION("comparisons without items") {
    docs[0]["comparisons"][0].erase("items");
    auto rows = claimx::db::FlattenDocument(docs[0]);
    REQUIRE_FALSE(rows.ok());
    CHECK_THAT(rows.status().message(), Catch::Contains("comparisons[0].items"));
  }
  SECTION("not a claimx/1 object") {
    auto rows = claimx::db::FlattenDocument(Json::array());
    CHECK_FALSE(rows.ok());
  }
}

TEST_CASE("Flattening fills one row per mention, claim, link and comparison item", "[db]") {
  std::vector<Json> docs = Fixture();
  auto rows = claimx::db::FlattenDocument(docs[0]);
  REQUIRE(rows.ok());
  CHECK(rows->tables[claimx::db::kMentions].size() == docs[0]["mentions"].size());
  CHECK(rows->tables[claimx::db::kClaims].size() == docs[0]["claims"].size());
  size_t links = 0;
  for (const Json& c : docs[0]["claims"]) {
    links += c["quantities"].size() + c["dates"].size() + c["places"].size();
  }
  CHECK(rows->tables[claimx::db::kClaimMentions].size() == links);
  CHECK(rows->tables[claimx::db::kComparisonItems].size() == 3);
  CHECK(rows->sources.size() == 3);  // Amnesty International, Airwars, Centcom
  for (size_t t = 0; t < claimx::db::kTableCount; ++t) {
    for (const claimx::db::Row& row : rows->tables[t]) {
      CHECK(row.size() == claimx::db::DocumentTables()[t].columns.size());
    }
  }
}

TEST_CASE("CompactJson writes what the db stores: the bytes of nlohmann's one-line dump", "[db]") {
  // The stored `doc` column and the json-fnv1a64 content hash of documents
  // without doc.content_hash are defined by dump(-1, ' ', false, replace):
  // a different byte would make a re-load conflict with an earlier one.
  const auto dump = [](const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
  };
  for (const Json& document : Fixture()) {
    CHECK(claimx::db::CompactJson(document) == dump(document));
  }
  Json tricky = Json::object();
  tricky["quote \" and \\ backslash"] = "tab\there, newline\n, cr\r, bell\x07, \x1f, del\x7f";
  tricky["short escapes"] = "\b\f";
  tricky["utf8"] = "é à « » – 🙂 \xe2\x80\xaf";
  tricky["invalid utf8"] = std::string("ab\xff\xc3(\xed\xa0\x80 \xf4\x90\x80\x80 \xe0\x80\xaf z");
  tricky["truncated utf8"] = std::string("end \xe2\x82");
  tricky["numbers"] = {0, -7, 300, 18446744073709551615ull, -9223372036854775807ll - 1,
                       0.5, 300.0, -1.25e-7, 1e300, 0.1};
  tricky["nested"] = {{"empty object", Json::object()}, {"empty array", Json::array()},
                      {"null", nullptr}, {"yes", true}, {"no", false}};
  for (const auto& [key, value] : tricky.items()) {
    CAPTURE(key);
    CHECK(claimx::db::CompactJson(value) == dump(value));
  }
  CHECK(claimx::db::CompactJson(tricky) == dump(tricky));
}

TEST_CASE("The db content hash of a document without one is FNV-1a of its one-line dump", "[db]") {
  Json document = Fixture()[2];
  REQUIRE_FALSE(document["doc"].contains("content_hash"));
  const std::string text = document.dump(-1, ' ', false, Json::error_handler_t::replace);
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  CHECK(claimx::db::JsonContentHash(document) == std::string("json-fnv1a64:") + hex);
}

// Copies of the fixture under new ids, enough for several multi-row inserts
// per table.
std::vector<Json> Copies(size_t count) {
  std::vector<Json> fixture = Fixture();
  std::vector<Json> copies;
  for (size_t i = 0; i < count; ++i) {
    Json copy = fixture[i % fixture.size()];
    copy["doc"]["id"] = copy["doc"]["id"].get<std::string>() + "-copy" + std::to_string(i);
    copies.push_back(std::move(copy));
  }
  return copies;
}

TEST_CASE("A db batch larger than one multi-row insert stores every row once", "[db]") {
  std::vector<Json> docs = Copies(41);
  size_t claims = 0, mentions = 0;
  for (const Json& d : docs) {
    claims += d["claims"].size();
    mentions += d["mentions"].size();
  }
  REQUIRE(mentions > 100);  // several groups of 32 and a remainder
  const TempDatabase file("many");
  auto db = claimx::OpenClaimsDatabase(file.path());
  REQUIRE(db.ok());
  REQUIRE((*db)->Write(docs).ok());
  CHECK((*db)->stats().documents == docs.size());
  CHECK((*db)->stats().claims == claims);
  CHECK((*db)->stats().mentions == mentions);
  CHECK((*db)->Close().ok());
}

TEST_CASE("A db insert error inside a multi-row insert names the document", "[db]") {
  std::vector<Json> docs = Copies(41);
  // Two mentions "m1" in one document: the mentions primary key refuses it.
  // Document 30's mention rows are in the eighth group of 32 of the batch.
  Json& bad = docs[30];
  bad["mentions"].push_back(bad["mentions"][0]);
  const TempDatabase file("duplicate");
  const std::string& path = file.path();
  auto db = claimx::OpenClaimsDatabase(path);
  REQUIRE(db.ok());
  claimx::Status status = (*db)->Write(docs);
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(),
             Catch::Contains("document '" + bad["doc"]["id"].get<std::string>() +
                             "': inserting into mentions"));
  CHECK_THAT(status.message(), Catch::Contains("rolled back"));
  auto first = (*db)->StoredHash(docs[0]["doc"]["id"].get<std::string>());
  REQUIRE(first.ok());
  CHECK_FALSE(first->has_value());
  CHECK((*db)->Close().ok());
}

TEST_CASE("The db loader's ParseJsonLine gives what ordered_json::parse gives", "[db]") {
  std::ifstream in(std::string(CLAIMX_SOURCE_DIR) + "/tests/data/db/claims.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  lines.push_back(R"({"b": 1, "a": [1, -2, 3.5, 1e300, 18446744073709551615, true, null],)"
                  R"( "nested": {"z": {}, "y": [], "x": [[{"k": "\u00e9\n\"q\""}]]}})");
  // A repeated key: the first position, the last value (nlohmann's operator[]).
  lines.push_back(R"({"a": 1, "b": 2, "a": {"c": 3}, "d": [4], "b": null})");
  lines.push_back(R"([1, "two", {"three": 3}])");
  lines.push_back(R"("just a string")");
  lines.push_back("   42   ");
  // Integers at the edges of int64 and uint64, past them (a double for
  // nlohmann, which simdjson refuses), and other numbers.
  lines.push_back(R"([0, -1, 9223372036854775807, -9223372036854775808, 9223372036854775808,)"
                  R"( 18446744073709551616, 123456789012345678901234567890, -1.5e-7, 1E2, 0.1])");
  lines.push_back(R"({"deep": )" + std::string(2000, '[') + std::string(2000, ']') + "}");
  lines.push_back("\xEF\xBB\xBF{\"bom\": true}");
  lines.push_back(R"({"s": "\ud83d\ude00 \u0000 \/ \b\f\r\t"})");
  lines.push_back(R"({"big": ")" + std::string((size_t{4} << 20) + 1, 'x') + R"("})");
  // The same value, and the same type at every node (unsigned vs signed).
  std::function<void(const Json&, const Json&)> same_types = [&](const Json& a, const Json& b) {
    REQUIRE(a.type() == b.type());
    if (a.is_structured()) {
      REQUIRE(a.size() == b.size());
      auto x = a.begin();
      for (auto y = b.begin(); y != b.end(); ++x, ++y) same_types(*x, *y);
    }
  };
  for (const std::string& line : lines) {
    CAPTURE(line.substr(0, 200));
    auto parsed = claimx::db::ParseJsonLine(line);
    REQUIRE(parsed.ok());
    const Json expected = Json::parse(line);
    CHECK(*parsed == expected);
    CHECK(parsed->dump() == expected.dump());  // member order too
    same_types(*parsed, expected);
  }
}

TEST_CASE("The db loader's ParseJsonLine reports nlohmann's byte and message", "[db]") {
  for (std::string line : {R"({"a": 1,)", R"({"a": tru})", "", R"({"a": 1} x)", R"([1, 2)"}) {
    CAPTURE(line);
    auto parsed = claimx::db::ParseJsonLine(line);
    REQUIRE_FALSE(parsed.ok());
    try {
      Json accepted = Json::parse(line);
      CAPTURE(accepted.dump());
      FAIL("nlohmann accepted it");
    } catch (const Json::parse_error& e) {
      CHECK(parsed.status().message() ==
            "invalid JSON at byte " + std::to_string(e.byte) + ": " + e.what());
    }
  }
}

namespace {

// FlattenJsonLine against the tree path it replaces in `claimx load`
// (ParseJsonLine then FlattenDocument): the same rows or the same message.
// Returns whether the line went the simdjson way (no tree kept).
bool FlattensLikeTheTreePath(const std::string& line) {
  CAPTURE(line);
  auto fast = claimx::db::FlattenJsonLine(line);
  auto json = claimx::db::ParseJsonLine(line);
  auto tree = json.ok() ? claimx::db::FlattenDocument(*json)
                        : claimx::Result<claimx::db::DocumentRows>(json.status());
  REQUIRE(fast.ok() == tree.ok());
  if (!fast.ok()) {
    CHECK(fast.status().message() == tree.status().message());
    return false;
  }
  CHECK(claimx::db::DescribeRows(*fast) == claimx::db::DescribeRows(*tree));
  return fast->tree == nullptr;
}

// Each value of `document`, member by member: its JSON pointers, root excluded.
void CollectPointers(const Json& value, const Json::json_pointer& at,
                     std::vector<Json::json_pointer>* out) {
  if (!at.empty()) out->push_back(at);
  if (value.is_object()) {
    for (const auto& [name, member] : value.items()) CollectPointers(member, at / name, out);
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) CollectPointers(value[i], at / i, out);
  }
}

}  // namespace

TEST_CASE("The db loader flattens a line read by simdjson as the tree path does", "[db]") {
  std::vector<Json> docs = Fixture();
  SECTION("the fixture, through simdjson") {
    // fixture-2015 has no doc.content_hash: its hash is computed.
    REQUIRE_FALSE(docs[2]["doc"].contains("content_hash"));
    for (const Json& doc : docs) CHECK(FlattensLikeTheTreePath(doc.dump()));
  }
  SECTION("every value replaced by one of each type, or removed") {
    const std::vector<Json> replacements = {
        nullptr, true, 0, -1, 7, 2.5, -0.0, 9223372036854775807u, 18446744073709551615u,
        "", "m1", "c1", "m99", "x\u00e9\"\\\n", Json::array(), Json::array({"m2"}),
        Json::array({1.5}), Json::object(), Json{{"name", "N"}, {"type", "person"}}};
    size_t lines = 0, flattened = 0, through_simdjson = 0;
    for (const Json& doc : docs) {
      std::vector<Json::json_pointer> pointers;
      CollectPointers(doc, Json::json_pointer(), &pointers);
      for (const Json::json_pointer& at : pointers) {
        for (const Json& value : replacements) {
          Json changed = doc;
          changed[at] = value;
          through_simdjson += FlattensLikeTheTreePath(changed.dump());
          flattened += claimx::db::FlattenDocument(changed).ok();
          ++lines;
        }
        Json removed = doc;
        if (removed[at.parent_pointer()].is_object()) {
          removed[at.parent_pointer()].erase(at.back());
          through_simdjson += FlattensLikeTheTreePath(removed.dump());
          flattened += claimx::db::FlattenDocument(removed).ok();
          ++lines;
        }
      }
    }
    CHECK(lines > 4000);
    // Every line that flattens took the fast path: nothing here repeats a name.
    CHECK(flattened > lines / 10);
    CHECK(through_simdjson == flattened);
  }
  SECTION("a repeated member name keeps its last value") {
    std::string line = docs[1].dump();
    const std::string kind = R"("kind":"quantity")";
    REQUIRE(line.find(kind) != std::string::npos);
    line.replace(line.find(kind), kind.size(), R"("kind":"place","kind":"quantity")");
    CHECK(FlattensLikeTheTreePath(line));
  }
  SECTION("what simdjson cannot write as nlohmann goes the tree way") {
    const std::string line = docs[0].dump();
    const std::string title = R"("title":)";
    REQUIRE(line.find(title) != std::string::npos);
    // A repeated name in the stored doc object, and, without a
    // doc.content_hash (the hash is that of the whole dump), in a mention.
    std::string repeated = line;
    repeated.insert(line.find(title), R"("title":"first",)");
    CHECK_FALSE(FlattensLikeTheTreePath(repeated));
    Json unhashed = docs[0];
    unhashed["doc"].erase("content_hash");
    std::string unhashed_line = unhashed.dump();
    const std::string rule = R"("rule":)";
    unhashed_line.insert(unhashed_line.find(rule), R"("rule":"first",)");
    CHECK_FALSE(FlattensLikeTheTreePath(unhashed_line));
    // Floating-point numbers are written as nlohmann writes them.
    std::string numbers = line;
    numbers.insert(line.find(title), R"("scores":[0.5,300.0,1e300,-1.5e-7,0.1],)");
    CHECK(FlattensLikeTheTreePath(numbers));
  }
  SECTION("integers at the edges and escapes") {
    Json doc = docs[1];
    doc["mentions"][0]["start"] = 9223372036854775808u;  // nlohmann's cast wraps
    doc["mentions"][0]["text"] = "\u00ab\t\u0001\\ \U0001F600 \u00bb";
    std::string line = doc.dump();
    CHECK(FlattensLikeTheTreePath(line));
    const std::string bytes = R"("bytes":)";
    line.insert(line.find(bytes), R"("bytes":-0,)");  // repeated: the later value wins
    CHECK_FALSE(FlattensLikeTheTreePath(line));
  }
  SECTION("invalid lines give the tree path's message") {
    for (const std::string line : {std::string("{\"schema\": \"claimx/1\""), std::string("[]"),
                                   std::string("{}"), docs[0].dump().substr(0, 100)}) {
      CHECK_FALSE(FlattensLikeTheTreePath(line));
    }
  }
}
