// Fuzz target: one line of `claimx load` input, read the fast way
// (db::FlattenJsonLine: simdjson, rows flattened straight from its tree)
// and the tree way it stands for (db::ParseJsonLine, then
// db::FlattenDocument over nlohmann's tree).
//
// Checks the contract of db/rows.h: the same rows, field by field and of
// the same types, or the same error message; never a throw or an abort.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "db/json_line.h"
#include "db/rows.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  auto fast = claimx::db::FlattenJsonLine(line);
  auto json = claimx::db::ParseJsonLine(line);
  auto tree = json.ok() ? claimx::db::FlattenDocument(*json)
                        : claimx::Result<claimx::db::DocumentRows>(json.status());
  CLAIMX_FUZZ_CHECK(fast.ok() == tree.ok());
  if (fast.ok()) {
    CLAIMX_FUZZ_CHECK(claimx::db::DescribeRows(*fast) == claimx::db::DescribeRows(*tree));
  } else {
    CLAIMX_FUZZ_CHECK(fast.status().message() == tree.status().message());
  }
  return 0;
}
