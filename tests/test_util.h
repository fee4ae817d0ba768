// Helpers shared by the test files.
#ifndef CLAIMX_TESTS_TEST_UTIL_H_
#define CLAIMX_TESTS_TEST_UTIL_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "extractor/annotator.h"

namespace claimx::testing {

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string SeedPath() {
  return std::string(CLAIMX_CORPORA_DIR) + "/fr/examples/afp_frappes_civils.txt";
}

// The annotator over the project's rules, built once per test binary.
inline const Annotator& ProjectAnnotator() {
  static std::unique_ptr<Annotator> annotator = [] {
    auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
    REQUIRE(book.ok());
    auto a = Annotator::Create(*book);
    REQUIRE(a.ok());
    return std::move(a).value();
  }();
  return *annotator;
}

// Calls `run_case` on every case of the *.jsonl files in `dir` (one JSON
// object per line, blank lines skipped), files in name order, with an INFO
// naming file, line and case id around it; returns the number of cases.
// Files whose name starts with `skip_prefix` (when not empty) are left out.
inline size_t ForEachCorpusCase(
    const std::filesystem::path& dir,
    const std::function<void(const nlohmann::json&)>& run_case,
    std::string_view skip_prefix = {}) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".jsonl") continue;
    if (!skip_prefix.empty() && name.rfind(skip_prefix, 0) == 0) continue;
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  size_t cases = 0;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    size_t line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      if (line.empty()) continue;
      auto c = nlohmann::json::parse(line);
      ++cases;
      INFO(file.filename().string() << ":" << line_number << " " << c.value("id", ""));
      run_case(c);
    }
  }
  return cases;
}

// Whether a field of claimx's output equals the value a corpus case expects;
// numbers compare by value (94000 == 94000.0).
inline bool SameField(const nlohmann::ordered_json& actual, const nlohmann::json& want) {
  if (actual.is_number() && want.is_number()) {
    return actual.get<double>() == want.get<double>();
  }
  return nlohmann::json::parse(actual.dump()) == want;
}

}  // namespace claimx::testing

#endif  // CLAIMX_TESTS_TEST_UTIL_H_
