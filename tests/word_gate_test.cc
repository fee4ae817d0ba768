// WordStartGate: never turns away a word equal to a key (in any ASCII or
// Latin-1 case), and turns away most words that start no key.
#include "extractor/word_gate.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace claimx {
namespace {

TEST_CASE("a word start gate lets every key through, in either case", "[word_gate]") {
  WordStartGate gate;
  const std::vector<std::string> keys = {"déclarer", "a", "de", "l'", "vice président",
                                         "ong", "été", "œuvre"};
  for (const std::string& key : keys) gate.Add(key);
  for (const std::string& key : keys) CHECK(gate.MayStart(key));
  // Longer words with a key's first three bytes pass too: the caller looks
  // them up.
  CHECK(gate.MayStart("déclaré"));
  CHECK(gate.MayStart("DÉCLARÉ"));  // É is é with bit 5 cleared
  CHECK(gate.MayStart("Ong"));
  CHECK(gate.MayStart("ONG"));
  CHECK(gate.MayStart("A"));
  CHECK(gate.MayStart("De"));
}

TEST_CASE("a word start gate turns away words that start no key", "[word_gate]") {
  WordStartGate gate;
  for (const char* key : {"affirmer", "annoncer", "déclarer", "de"}) gate.Add(key);
  CHECK_FALSE(gate.MayStart("les"));
  CHECK_FALSE(gate.MayStart("pour"));
  CHECK_FALSE(gate.MayStart("contre"));
  CHECK_FALSE(gate.MayStart("d"));    // "de" is a key, "d" is not its start
  CHECK_FALSE(gate.MayStart("des"));  // a short key is itself, not a prefix
  CHECK_FALSE(gate.MayStart(""));
}

}  // namespace
}  // namespace claimx
