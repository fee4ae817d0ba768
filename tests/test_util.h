// Helpers shared by the test files.
#ifndef CLAIMX_TESTS_TEST_UTIL_H_
#define CLAIMX_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

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

}  // namespace claimx::testing

#endif  // CLAIMX_TESTS_TEST_UTIL_H_
