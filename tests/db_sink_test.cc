// The claims database as the DocumentSink of batch/sink.h (what `claimx
// batch --db` writes through) and the flattening of schema v1 objects into
// rows. End-to-end loads, PostgreSQL, kill -9 and disk full are in
// tests/db_test.py.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "db/database.h"
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

std::string TempDatabase(const std::string& name) {
  auto path = std::filesystem::temp_directory_path() /
              ("claimx-db-sink-" + std::to_string(getpid()) + "-" + name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path.string() + suffix);
  }
  return path.string();
}

}  // namespace

TEST_CASE("A SQLite sink stores a batch and reports stored hashes", "[db]") {
  std::vector<Json> docs = Fixture();
  auto sink = claimx::OpenDatabase("sqlite:" + TempDatabase("store"));
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
  const std::string path = TempDatabase("conflict");
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
