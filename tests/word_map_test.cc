// WordMap: finds every key it holds and no other word, keeps the first
// value of a key, iterates in insertion order, and stays right as it grows.
#include "extractor/word_map.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

namespace claimx {
namespace {

TEST_CASE("a word map finds its keys and nothing else", "[word_map]") {
  WordMap<std::string> words;
  CHECK(words.Find("le") == nullptr);  // empty: no table yet
  CHECK(words.emplace("ministre", "m"));
  CHECK(words.emplace("première ministre", "f"));
  CHECK(words.emplace("", "empty key"));
  REQUIRE(words.Find("ministre") != nullptr);
  CHECK(*words.Find("ministre") == "m");
  CHECK(*words.Find("première ministre") == "f");
  CHECK(*words.Find("") == "empty key");
  CHECK_FALSE(words.Contains("ministr"));     // a prefix
  CHECK_FALSE(words.Contains("ministres"));   // a longer word
  CHECK_FALSE(words.Contains("Ministre"));    // keys are exact bytes
  CHECK_FALSE(words.Contains("première"));
}

TEST_CASE("a word map keeps the first value of a key, like std::map::insert", "[word_map]") {
  WordMap<std::string> words;
  CHECK(words.emplace("dit", "first"));
  CHECK_FALSE(words.emplace("dit", "second"));
  CHECK(*words.Find("dit") == "first");
  CHECK(words.size() == 1);
  words["dit"] = "assigned";  // operator[] reaches the same entry
  words["dire"];               // and adds a missing one with a default value
  CHECK(*words.Find("dit") == "assigned");
  REQUIRE(words.Find("dire") != nullptr);
  CHECK(words.Find("dire")->empty());
}

TEST_CASE("a word map iterates in insertion order", "[word_map]") {
  const std::map<std::string, std::string> sorted = {{"chef", "1"}, {"chef de l'état", "2"},
                                                     {"ministre", "3"}};
  WordMap<std::string> words;
  words.insert(sorted.begin(), sorted.end());
  std::vector<std::string> keys;
  for (const auto& [key, value] : words) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"chef", "chef de l'état", "ministre"});
}

TEST_CASE("a word map stays right over many growths", "[word_map]") {
  WordMap<int> numbers;
  constexpr int kCount = 20000;
  int wrong = 0;
  for (int i = 0; i < kCount; ++i) {
    if (!numbers.emplace("w" + std::to_string(i), i)) ++wrong;
  }
  CHECK(numbers.size() == kCount);
  for (int i = 0; i < kCount; ++i) {
    const int* value = numbers.Find("w" + std::to_string(i));
    if (value == nullptr || *value != i) ++wrong;
    if (numbers.Contains("x" + std::to_string(i))) ++wrong;
  }
  CHECK(wrong == 0);
}

TEST_CASE("the word hash reads a word's every byte", "[word_map]") {
  // Words of 1 to 17 bytes that differ in one byte only hash apart: the
  // tail after the last full 8 bytes counts too.
  for (size_t size = 1; size <= 17; ++size) {
    std::string a(size, 'a');
    for (size_t at = 0; at < size; ++at) {
      std::string b = a;
      b[at] = 'b';
      CHECK(WordHash64(a) != WordHash64(b));
    }
    CHECK(WordHash64(a) != WordHash64(a + '\0'));  // the length counts
  }
}

}  // namespace
}  // namespace claimx
