// claimx-bench: throughput and memory of each pipeline stage, side by side
// with a bare ICU French sentence-break pass over the same text (the
// baseline the segmenter is held to).
//
//   claimx-bench [--corpus DIR] [--megabytes N] [--rounds N] [--rules DIR]
//                [--json FILE] [--cpu N]
//   claimx-bench --batch [--batch-megabytes N]   (tools/bench/batch_bench.h)
//
// The corpus is every .txt file under DIR (default ../shared/corpora next to
// the source tree), repeated until it holds at least N MB (default 100). The
// repetition is by reference, so the corpus costs only its unique texts in
// memory. Each stage runs in a forked child so that its peak RSS is its own,
// after an untimed first pass over the unique texts (see RunInChild).
// The `place` stage runs the place recognizer alone over text normalized and
// segmented beforehand (its tokenization included; `tokenize` times that
// part alone). The gazetteer load time
// and the memory it adds are printed before the table.
// Before timing, the output of each stage is verified (offsets map back,
// sentences are found, the seed article's figures are extracted): a fast
// wrong answer is not a result.
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <numeric>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "extractor/annotator.h"
#include "extractor/date.h"
#include "extractor/normalizer.h"
#include "extractor/place.h"
#include "extractor/quantity.h"
#include "extractor/rules.h"
#include "extractor/segmenter.h"
#include "tools/bench/batch_bench.h"

namespace fs = std::filesystem;

namespace {

struct Corpus {
  std::vector<std::string> unique;    // file contents
  std::vector<size_t> order;          // indices into unique, repeated
  size_t bytes = 0;
};

Corpus BuildCorpus(const std::string& dir, size_t min_bytes) {
  Corpus corpus;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    corpus.unique.emplace_back(std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>());
  }
  size_t unique_bytes = 0;
  for (const std::string& text : corpus.unique) unique_bytes += text.size();
  if (unique_bytes == 0) return corpus;
  while (corpus.bytes < min_bytes) {
    for (size_t i = 0; i < corpus.unique.size(); ++i) {
      corpus.order.push_back(i);
      corpus.bytes += corpus.unique[i].size();
    }
  }
  return corpus;
}

struct StageResult {
  std::string name;
  double seconds = 0;
  double first_pass_seconds = 0;  // the untimed warm-up pass, see RunInChild
  size_t checksum = 0;  // keeps the work observable
  long peak_rss_kb = 0;
};

// Runs `work` in a child process; its wall time and peak RSS come back.
// The child first makes one pass over every unique text (`warm_up`), timed
// apart: rules compiled on first use, RE2's DFA states and the allocator's
// arenas are built there, as they are once per process in a batch run, so
// the timed pass measures throughput, not each fork's cold start. The
// first pass is reported beside it, so the cold cost stays visible.
template <typename Work>
StageResult RunInChild(const std::string& name, Work work,
                       const std::vector<size_t>& warm_up,
                       const std::vector<size_t>& order) {
  int fds[2];
  if (pipe(fds) != 0) {
    std::perror("pipe");
    std::exit(2);
  }
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    auto elapsed = [](auto start) {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
    };
    auto warm_start = std::chrono::steady_clock::now();
    work(warm_up);
    double first_pass = elapsed(warm_start);
    auto start = std::chrono::steady_clock::now();
    size_t checksum = work(order);
    double seconds = elapsed(start);
    std::string line = std::to_string(seconds) + " " + std::to_string(checksum) + " " +
                       std::to_string(first_pass);
    if (write(fds[1], line.data(), line.size()) < 0) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  char buffer[128] = {};
  ssize_t n = read(fds[0], buffer, sizeof(buffer) - 1);
  close(fds[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  StageResult result;
  result.name = name;
  if (n <= 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "claimx-bench: stage " << name << " failed\n";
    std::exit(2);
  }
  std::istringstream(std::string(buffer, n)) >> result.seconds >> result.checksum >>
      result.first_pass_seconds;
  result.peak_rss_kb = usage.ru_maxrss;
  return result;
}

// Each unique text normalized and segmented once, before any timing, so a
// recognizer stage measures the recognizer alone.
struct Prepared {
  std::string text;
  std::vector<claimx::Span> sentences;
};

std::vector<Prepared> Prepare(const Corpus& corpus, const claimx::Segmenter& segmenter) {
  std::vector<Prepared> prepared;
  for (const std::string& original : corpus.unique) {
    Prepared p;
    p.text = claimx::Normalize(original).text;
    for (const auto& s : segmenter.Segment(p.text).sentences) p.sentences.push_back(s.span);
    prepared.push_back(std::move(p));
  }
  return prepared;
}

size_t RecognizeDates(const std::vector<size_t>& order, const std::vector<Prepared>& prepared,
                      const claimx::DateRecognizer& dates,
                      const claimx::DateContext& context) {
  size_t total = 0;
  std::vector<claimx::Mention> mentions;
  for (size_t i : order) {
    for (const claimx::Span& sentence : prepared[i].sentences) {
      mentions.clear();
      dates.Recognize(prepared[i].text, sentence, context, &mentions);
      total += mentions.size();
    }
  }
  return total;
}

size_t IcuSentenceBaseline(const Corpus& corpus, const std::vector<size_t>& order) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getFrench(), status));
  if (U_FAILURE(status)) return 0;
  size_t breaks = 0;
  UText* ut = nullptr;
  for (size_t index : order) {
    const std::string& text = corpus.unique[index];
    ut = utext_openUTF8(ut, text.data(), static_cast<int64_t>(text.size()), &status);
    it->setText(ut, status);
    for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next()) {
      ++breaks;
    }
  }
  utext_close(ut);
  return breaks;
}

// Resident set size of this process, from /proc/self/statm.
long CurrentRssKb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// Text normalized and cut into sentences once, for the recognizer stages.
int Verify(const Corpus& corpus, const claimx::Segmenter& segmenter,
           const claimx::Annotator& annotator, const std::string& seed) {
  for (const std::string& text : corpus.unique) {
    claimx::NormalizedText n = claimx::Normalize(text);
    claimx::Span all = n.map.ToOriginal({0, n.text.size()});
    if (!text.empty() && (all.start != 0 || all.end > text.size())) {
      std::cerr << "verify: normalization map is off\n";
      return 2;
    }
    if (!text.empty() && segmenter.Segment(n.text).sentences.empty()) {
      std::cerr << "verify: no sentence found in a corpus text\n";
      return 2;
    }
  }
  if (!seed.empty()) {
    auto doc = annotator.Annotate(seed, {"seed", "2016-11-10"});
    std::vector<std::string> figures;
    if (doc.ok()) {
      for (const auto& m : doc->mentions) figures.emplace_back(m.span.Of(seed));
    }
    for (const char* want : {"jusqu'à 119", "1787", "au moins 300", "64", "huit",
                             "environ 80%", "Irak", "Londres", "Mossoul", "Raqa",
                             "Alep", "Moyen-Orient", "syriens", "mercredi", "août 2014",
                             "fin 2015", "les douze derniers mois"}) {
      if (std::find(figures.begin(), figures.end(), want) == figures.end()) {
        std::cerr << "verify: seed article figure " << want << " not extracted\n";
        return 2;
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimx-bench: stage throughput (MB/s per core) and peak RSS"};
  std::string corpus_dir = std::string(CLAIMX_SOURCE_DIR) + "/../shared/corpora";
  std::string rules_dir;
  std::string json_out;
  size_t megabytes = 100;
  size_t rounds = 3;
  bool batch = false;
  size_t batch_megabytes = 1024;
  std::vector<std::string> only;
  app.add_flag("--batch", batch,
               "Batch mode: claimx batch over a generated JSONL dump, 1 and 2 threads");
  app.add_option("--batch-megabytes", batch_megabytes, "Size of the batch dump in MB (default 1024)");
  app.add_option("--corpus", corpus_dir, "Directory of .txt articles");
  app.add_option("--megabytes", megabytes, "Minimum corpus size in MB");
  app.add_option("--rules", rules_dir, "Rule directory");
  app.add_option("--json", json_out, "Also write the results as JSON here");
  app.add_option("--rounds", rounds, "Interleaved rounds; each stage keeps its best")
      ->check(CLI::Range(1, 100));
  int cpu = -1;
  app.add_option("--cpu", cpu,
                 "Pin the bench and its stages to this CPU, so that each stage and the ICU "
                 "baseline run where the others do. On the project's VM the two CPUs ran "
                 "the same work up to 1.6 times apart, the slower one changing over minutes")
      ->check(CLI::Range(0, CPU_SETSIZE - 1));
  app.add_option("--stage", only,
                 "Time only this stage (repeatable; for profiling one stage). "
                 "The ICU baseline always runs, to compare against");
  CLI11_PARSE(app, argc, argv);
  if (cpu >= 0) {
    if (batch) {
      std::cerr << "claimx-bench: --cpu pins one CPU; --batch runs threads on all\n";
      return 2;
    }
    // Forked stages inherit the mask.
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof(set), &set) != 0) {
      std::cerr << "claimx-bench: cannot pin to CPU " << cpu << ": " << std::strerror(errno)
                << "\n";
      return 2;
    }
  }

  if (!fs::is_directory(corpus_dir)) {
    std::cerr << "claimx-bench: corpus directory not found: " << corpus_dir << "\n";
    return 2;
  }
  Corpus corpus = BuildCorpus(corpus_dir, megabytes << 20);
  if (corpus.bytes == 0) {
    std::cerr << "claimx-bench: no .txt text under " << corpus_dir << "\n";
    return 2;
  }
  auto rules = claimx::RuleBook::LoadOrDefault(rules_dir, argv[0]);
  if (!rules.ok()) {
    std::cerr << "claimx-bench: " << rules.status().message() << "\n";
    return 2;
  }
  // Load the gazetteers before anything else so the RSS they add is theirs.
  double load_ms = 1e9;
  long load_rss_kb = 0;
  for (size_t round = 0; round < 3; ++round) {
    long rss_before = CurrentRssKb();
    auto start = std::chrono::steady_clock::now();
    auto places = claimx::PlaceRecognizer::Create(**rules);
    double ms = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start).count();
    if (!places.ok()) {
      std::cerr << "claimx-bench: " << places.status().message() << "\n";
      return 2;
    }
    if (round == 0) load_rss_kb = CurrentRssKb() - rss_before;
    load_ms = std::min(load_ms, ms);
  }
  // What every claimx process pays before its first document: the rule book
  // (RE2 compilation) and the annotator (gazetteers included).
  double startup_ms = 1e9;
  for (size_t round = 0; round < 3; ++round) {
    auto start = std::chrono::steady_clock::now();
    auto book = claimx::RuleBook::Load((*rules)->dir());
    bool ok = book.ok() && claimx::Annotator::Create(*book).ok();
    double ms = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start).count();
    if (!ok) {
      std::cerr << "claimx-bench: the rules or the annotator do not load\n";
      return 2;
    }
    startup_ms = std::min(startup_ms, ms);
  }
  auto place_recognizer = claimx::PlaceRecognizer::Create(**rules);
  auto annotator = claimx::Annotator::Create(*rules);
  if (batch && annotator.ok()) {
    std::string claimx_binary = (fs::read_symlink("/proc/self/exe").parent_path() / "claimx").string();
    // One round unless asked: a round over the 1 GB dump takes minutes.
    const size_t batch_rounds = app.count("--rounds") > 0 ? rounds : 1;
    return claimx::bench::RunBatchBench(
        {corpus_dir, batch_megabytes, claimx_binary, json_out, batch_rounds}, **annotator);
  }
  auto segmenter = claimx::Segmenter::Create((*rules)->abbreviations());
  if (!annotator.ok() || !segmenter.ok() || !place_recognizer.ok()) {
    std::cerr << "claimx-bench: cannot build the pipeline\n";
    return 2;
  }
  std::string seed;
  for (size_t i = 0; i < corpus.unique.size(); ++i) {
    if (corpus.unique[i].find("Airwars") != std::string::npos) seed = corpus.unique[i];
  }
  if (int rc = Verify(corpus, **segmenter, **annotator, seed); rc != 0) return rc;
  auto dates = claimx::DateRecognizer::Create(**rules);
  if (!dates.ok()) {
    std::cerr << "claimx-bench: " << dates.status().message() << "\n";
    return 2;
  }
  const std::vector<Prepared> prepared = Prepare(corpus, **segmenter);
  const claimx::DateContext date_context{claimx::ParseIsoDate("2016-11-10")};

  // Stages run interleaved, round after round, and each keeps its best time:
  // on a shared machine the noise only ever slows a run down, so the minimum
  // is the stable figure, and interleaving exposes every stage to the same
  // conditions as the baseline it is compared with.
  // Recognizer stages time the recognizer alone, over `prepared`: the texts
  // are normalized and segmented once, above, before the children fork.
  auto quantities = claimx::QuantityRecognizer::Create(**rules);
  if (!quantities.ok()) {
    std::cerr << "claimx-bench: " << quantities.status().message() << "\n";
    return 2;
  }

  // A stage does its work over the documents in `order` (indices into
  // corpus.unique) and returns a checksum.
  using Order = std::vector<size_t>;
  using Work = std::function<size_t(const Order& order)>;
  std::vector<std::pair<std::string, Work>> stages = {
      {"icu_sentence_baseline",
       [&](const Order& order) { return IcuSentenceBaseline(corpus, order); }},
      {"normalize",
       [&](const Order& order) {
         size_t total = 0;
         for (size_t i : order) total += claimx::Normalize(corpus.unique[i]).text.size();
         return total;
       }},
      {"normalize+segment",
       [&](const Order& order) {
         size_t total = 0;
         for (size_t i : order) {
           claimx::NormalizedText n = claimx::Normalize(corpus.unique[i]);
           total += (*segmenter)->Segment(n.text).sentences.size();
         }
         return total;
       }},
      {"quantity (recognizer alone)",
       [&](const Order& order) {
         size_t total = 0;
         std::vector<claimx::Mention> mentions;
         for (size_t i : order) {
           const Prepared& p = prepared[i];
           mentions.clear();
           for (const claimx::Span& sentence : p.sentences) {
             quantities->Recognize(p.text, sentence, &mentions);
           }
           total += mentions.size();
         }
         return total;
       }},
      {"date (recognizer alone)",
       [&](const Order& order) {
         return RecognizeDates(order, prepared, *dates, date_context);
       }},
      {"tokenize",
       [&](const Order& order) {
         size_t total = 0;
         for (size_t i : order) {
           const Prepared& p = prepared[i];
           for (const claimx::Span& sentence : p.sentences) {
             total += claimx::Tokenize(p.text, sentence).size();
           }
         }
         return total;
       }},
      {"place",
       [&](const Order& order) {
         size_t total = 0;
         std::vector<claimx::Mention> mentions;
         for (size_t i : order) {
           const Prepared& p = prepared[i];
           for (const claimx::Span& sentence : p.sentences) {
             mentions.clear();
             place_recognizer->Recognize(p.text, sentence, &mentions);
             total += mentions.size();
           }
         }
         return total;
       }},
      {"annotate",
       [&](const Order& order) {
         size_t total = 0;
         for (size_t i : order) {
           auto doc = (*annotator)->Annotate(corpus.unique[i], {"bench", "2016-11-10"});
           if (doc.ok()) total += doc->mentions.size();
         }
         return total;
       }},
  };
  if (!only.empty()) {
    for (const std::string& name : only) {
      if (std::none_of(stages.begin(), stages.end(),
                       [&](const auto& stage) { return stage.first == name; })) {
        std::cerr << "claimx-bench: no stage named '" << name << "'\n";
        return 2;
      }
    }
    std::erase_if(stages, [&](const auto& stage) {
      return stage.first != "icu_sentence_baseline" &&
             std::find(only.begin(), only.end(), stage.first) == only.end();
    });
  }
  std::vector<size_t> every_unique_text(corpus.unique.size());
  std::iota(every_unique_text.begin(), every_unique_text.end(), size_t{0});
  std::vector<StageResult> results;
  for (size_t round = 0; round < rounds; ++round) {
    for (size_t s = 0; s < stages.size(); ++s) {
      StageResult r = RunInChild(stages[s].first, stages[s].second, every_unique_text,
                                 corpus.order);
      if (round == 0) {
        results.push_back(r);
        continue;
      }
      results[s].seconds = std::min(results[s].seconds, r.seconds);
      results[s].first_pass_seconds =
          std::min(results[s].first_pass_seconds, r.first_pass_seconds);
      results[s].peak_rss_kb = std::max(results[s].peak_rss_kb, r.peak_rss_kb);
    }
  }

  const double mb = static_cast<double>(corpus.bytes) / (1 << 20);
  const double docs = static_cast<double>(corpus.order.size());
  const double baseline = mb / results[0].seconds;
  std::printf("corpus: %s, %.1f MB, %zu docs (%zu unique), best of %zu rounds\n",
              corpus_dir.c_str(), mb, corpus.order.size(), corpus.unique.size(),
              rounds);
  std::printf("place gazetteers: %zu entries, %zu keys, load %.0f ms (best of 3), +%.1f MB RSS\n",
              place_recognizer->entry_count(), place_recognizer->key_count(),
              load_ms, load_rss_kb / 1024.0);
  std::printf("start-up (rule book + annotator, gazetteers included): %.0f ms (best of 3)\n",
              startup_ms);
  double unique_mb = 0;
  for (const std::string& text : corpus.unique) unique_mb += text.size();
  unique_mb /= 1 << 20;
  std::printf("first pass: each stage's untimed warm-up over the %zu unique texts "
              "(%.1f MB), in MB/s\n",
              corpus.unique.size(), unique_mb);
  std::printf("%-28s %10s %12s %10s %11s %12s %14s\n", "stage", "MB/s/core",
              "docs/s", "vs ICU", "first pass", "peak RSS MB", "checksum");
  nlohmann::json report = {{"corpus_mb", mb}, {"docs", corpus.order.size()},
                           {"rounds", rounds},
                           {"place_load_ms", load_ms},
                           {"place_load_rss_mb", load_rss_kb / 1024.0},
                           {"startup_ms", startup_ms},
                           {"stages", nlohmann::json::array()}};
  for (const StageResult& r : results) {
    double rate = mb / r.seconds;
    double first_pass_rate = unique_mb / r.first_pass_seconds;
    std::printf("%-28s %10.1f %12.0f %9.2fx %11.1f %12.1f %14zu\n", r.name.c_str(),
                rate, docs / r.seconds, rate / baseline, first_pass_rate,
                r.peak_rss_kb / 1024.0, r.checksum);
    report["stages"].push_back({{"stage", r.name},
                                {"mb_per_s", rate},
                                {"first_pass_mb_per_s", first_pass_rate},
                                {"docs_per_s", docs / r.seconds},
                                {"vs_icu_baseline", rate / baseline},
                                {"peak_rss_mb", r.peak_rss_kb / 1024.0}});
  }
  if (!json_out.empty()) std::ofstream(json_out) << report.dump(2) << "\n";
  return 0;
}
