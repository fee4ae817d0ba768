// claimx-linearity: a probe for superlinear time in the annotator.
//
// Each line of a constructions file is "prefix|piece" ("\n" written as \n;
// blank lines and lines starting with '#' are skipped). For each line the
// probe annotates prefix + piece repeated to about N bytes, then to 4N,
// keeps the best of two runs of each in this thread's user CPU time, and
// prints the ratio. Linear work gives about 4; a stage that rescans the
// document per match gives about 16. A ratio over --threshold (8 by
// default, the linearity tests' bound) with a 4N time over --floor is
// flagged, and the exit status is 1 when any line is.
//
// tests/linearity_test.cc pins the constructions that were once quadratic;
// this tool reads many more (tests/data/linearity_constructions.txt) in a
// few minutes, to find the next one before a user's document does.
// Exit status: 0 all linear, 1 a line flagged, 2 bad arguments or a line
// of the file that is no construction (named by file and line).
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "extractor/annotator.h"
#include "extractor/rules.h"
#include "tools/bench/cpu_clock.h"
#include "tools/bench/warm_heap.h"

namespace {

using claimx::ThreadUserSeconds;

std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Construction {
  size_t line = 0;
  std::string text;  // as written in the file
  std::string prefix;
  std::string piece;
};

// The best of `runs` annotations of `text`, in seconds; negative when the
// annotator refused the text (its error is printed).
double BestSeconds(const claimx::Annotator& annotator, const std::string& text, int runs) {
  double best = -1;
  for (int run = 0; run < runs; ++run) {
    const double start = ThreadUserSeconds();
    auto document = annotator.Annotate(text, {"probe", "2016-11-10"});
    const double seconds = ThreadUserSeconds() - start;
    if (!document.ok()) {
      std::cerr << "claimx-linearity: " << document.status().message() << "\n";
      return -1;
    }
    best = best < 0 ? seconds : std::min(best, seconds);
  }
  return best;
}

std::string Repeat(const Construction& c, size_t bytes) {
  std::string text = c.prefix;
  text.reserve(bytes + c.piece.size());
  while (text.size() < bytes) text += c.piece;
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimx-linearity: flags constructions whose annotation time grows faster than "
               "their size"};
  std::string file;
  std::string rules_dir;
  size_t bytes = 256 << 10;
  double threshold = 8;
  double floor_seconds = 0.05;
  std::string only;
  app.add_option("file", file, "Constructions, one \"prefix|piece\" per line")->required();
  app.add_option("--rules", rules_dir, "Rule directory");
  app.add_option("--bytes", bytes, "Size of the smaller text (default 262144)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30));
  app.add_option("--threshold", threshold, "Flag a 4x step slower than this many times (8)");
  app.add_option("--floor", floor_seconds,
                 "Times under this many seconds count as this much (0.05): too short to tell");
  app.add_option("--only", only, "Probe only the lines holding this text");
  CLI11_PARSE(app, argc, argv);

  std::ifstream in(file);
  if (!in) {
    std::cerr << "claimx-linearity: cannot read " << file << "\n";
    return 2;
  }
  std::vector<Construction> constructions;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const size_t bar = line.find('|');
    if (bar == std::string::npos || bar + 1 == line.size()) {
      std::cerr << "claimx-linearity: " << file << ":" << number
                << ": no \"prefix|piece\" (a '|' then a piece to repeat)\n";
      return 2;
    }
    if (!only.empty() && line.find(only) == std::string::npos) continue;
    constructions.push_back(
        {number, line, Unescape(line.substr(0, bar)), Unescape(line.substr(bar + 1))});
  }

  auto rules = claimx::RuleBook::LoadOrDefault(rules_dir, argv[0]);
  if (!rules.ok()) {
    std::cerr << "claimx-linearity: " << rules.status().message() << "\n";
    return 2;
  }
  auto annotator = claimx::Annotator::Create(*rules);
  if (!annotator.ok()) {
    std::cerr << "claimx-linearity: " << annotator.status().message() << "\n";
    return 2;
  }
  // Freed memory stays with the allocator, so that the larger text reuses
  // warm pages as the smaller one does (tools/bench/warm_heap.h).
  claimx::KeepFreedMemory();

  std::printf("%8s %8s %6s  %s\n", "t(N) s", "t(4N) s", "ratio", "line: construction");
  size_t flagged = 0;
  for (const Construction& c : constructions) {
    const double small = BestSeconds(**annotator, Repeat(c, bytes), 2);
    const double large = small < 0 ? -1 : BestSeconds(**annotator, Repeat(c, 4 * bytes), 2);
    if (small < 0 || large < 0) {
      std::printf("%8s %8s %6s  %zu: %s\n", "-", "-", "error", c.line, c.text.c_str());
      ++flagged;
      continue;
    }
    // A microsecond at least: the clock's tick may read 0 for tiny texts.
    const double floor = std::max(floor_seconds, 1e-6);
    const double ratio = std::max(large, floor) / std::max(small, floor);
    const bool superlinear = ratio > threshold;
    flagged += superlinear;
    std::printf("%8.3f %8.3f %6.1f  %zu: %s%s\n", small, large, ratio, c.line, c.text.c_str(),
                superlinear ? "  SUPERLINEAR" : "");
    std::fflush(stdout);
  }
  std::printf("%zu constructions, %zu flagged (ratio over %.1f)\n", constructions.size(), flagged,
              threshold);
  return flagged > 0 ? 1 : 0;
}
