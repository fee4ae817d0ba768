#include "tools/claimx/batch_command.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "batch/input.h"
#include "batch/jsonl_sink.h"
#include "batch/progress.h"
#include "batch/quarantine.h"
#include "batch/runner.h"
#include "db/database.h"
#include "extractor/annotator.h"
#include "extractor/rules.h"
#include "tools/claimx/cli_io.h"

namespace claimx::cli {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitQuarantined = 1;

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};

extern "C" void OnStopSignal(int signal) {
  g_signal.store(signal);
  g_stop.store(true);
}

// SIGINT and SIGTERM ask the run to stop reading and finish what it read.
// A second one kills (SA_RESETHAND restores the default action).
void InstallStopHandlers() {
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// The one place where the output is chosen: --db URL (a database, resumed
// by id + content hash), --out FILE (resumable), or standard output.
Result<std::unique_ptr<DocumentSink>> OpenOutputSink(const BatchFlags& flags) {
  if (!flags.db.empty() && !flags.mapper) return OpenDatabase(flags.db);
  if (flags.out.empty() || flags.mapper) {
    return std::unique_ptr<DocumentSink>(JsonlSink::ForDescriptor(STDOUT_FILENO, "<stdout>"));
  }
  auto sink = JsonlSink::OpenFile(flags.out);
  if (!sink.ok()) return sink.status();
  if ((*sink)->resumed_documents() > 0 || (*sink)->torn_bytes_removed() > 0) {
    std::cerr << "claimx batch: resuming " << flags.out << ": "
              << (*sink)->resumed_documents() << " documents already written";
    if ((*sink)->torn_bytes_removed() > 0) {
      std::cerr << ", a torn last line of " << (*sink)->torn_bytes_removed() << " bytes cut";
    }
    std::cerr << "\n";
  }
  return std::unique_ptr<DocumentSink>(std::move(sink).value());
}

// "claims.jsonl" -> "claims.quarantine.jsonl"; standard output ->
// "claimx-quarantine.jsonl" in the working directory.
std::string DefaultQuarantinePath(const std::string& out) {
  if (out.empty()) return "claimx-quarantine.jsonl";
  std::filesystem::path path(out);
  std::string stem = path.extension() == ".jsonl" ? path.stem().string() : path.filename().string();
  return (path.parent_path() / (stem + ".quarantine.jsonl")).string();
}

// With --db, a SQLite file gets its quarantine beside it ("claims.db" ->
// "claims.db.quarantine.jsonl"); a PostgreSQL URL, the working directory's.
std::string QuarantinePath(const BatchFlags& flags) {
  if (!flags.quarantine.empty()) return flags.quarantine;
  if (!flags.db.empty()) {
    if (flags.db.rfind("postgres", 0) == 0) return DefaultQuarantinePath("");
    std::string path = flags.db.rfind("sqlite:", 0) == 0 ? flags.db.substr(7) : flags.db;
    return path + ".quarantine.jsonl";
  }
  return DefaultQuarantinePath(flags.out);
}

Result<std::unique_ptr<QuarantineSink>> OpenQuarantine(const BatchFlags& flags) {
  if (flags.mapper) return std::unique_ptr<QuarantineSink>(new QuarantineStream(STDOUT_FILENO));
  std::string path = QuarantinePath(flags);
  auto file = QuarantineFile::Open(path);
  if (!file.ok()) return file.status();
  return std::unique_ptr<QuarantineSink>(std::move(file).value());
}

ProgressReporter::Mode ProgressMode(const BatchFlags& flags) {
  if (flags.quiet || flags.mapper) return ProgressReporter::Mode::kQuiet;
  return isatty(STDERR_FILENO) ? ProgressReporter::Mode::kTerminal
                               : ProgressReporter::Mode::kLines;
}

}  // namespace

BatchCommand::BatchCommand(CLI::App* app) {
  command_ = app->add_subcommand(
      "batch", "Annotate article dumps (JSONL, directories of .txt/.html, gzip/zstd) into JSONL");
  BatchFlags& f = flags_;
  command_->add_option("inputs", f.inputs,
                       "JSONL files, directories of .txt/.html files, - for stdin (default -)");
  auto* out = command_->add_option("--out", f.out,
                                   "Output JSONL file, resumed if it exists (default stdout)");
  command_->add_option("--db", f.db,
                       "Load into a database instead: a SQLite file path or "
                       "postgresql://... (docs/db.md), resumed by id + content hash")
      ->excludes(out);
  command_->add_option("--quarantine", f.quarantine,
                       "Quarantine JSONL (default: OUT.quarantine.jsonl, or "
                       "claimx-quarantine.jsonl with stdout)");
  command_->add_option("--threads", f.threads, "Worker threads (default: the number of cores)");
  command_->add_flag("--unordered", f.unordered, "Write documents as they finish, not in input order");
  command_->add_option("--max-doc-bytes", f.max_doc_bytes,
                       "Quarantine larger records: a JSONL line or an article file (default 16 MiB)");
  command_->add_option("--doc-timeout-ms", f.doc_timeout_ms,
                       "Per-document time budget, 0 for none (default 10000)");
  command_->add_option("--date", f.date, "Publication date YYYY-MM-DD for records without one");
  command_->add_option("--id-field", f.fields.id, "JSONL field of the document id");
  command_->add_option("--text-field", f.fields.text, "JSONL field of the article text");
  command_->add_option("--date-field", f.fields.date, "JSONL field of the publication date");
  command_->add_option("--title-field", f.fields.title, "JSONL field of the title");
  command_->add_option("--url-field", f.fields.url, "JSONL field of the URL");
  command_->add_option("--rules", f.rules, "Rule directory (e.g. rules/fr)");
  command_->add_flag("--mapper", f.mapper,
                     "Pure stdin-to-stdout filter: one output line per record, errors inline, "
                     "no state (Hadoop Streaming, Spark pipe, parallel --pipe)");
  command_->add_flag("--quiet,-q", f.quiet, "No progress and no summary on stderr");
}

int BatchCommand::Run(const char* argv0) const {
  BatchFlags flags = flags_;
  if (flags.inputs.empty()) flags.inputs.push_back("-");
  if (flags.mapper && (flags.inputs != std::vector<std::string>{"-"} || !flags.out.empty() ||
                       !flags.db.empty())) {
    return Fail("claimx batch", "--mapper reads standard input and writes standard output only");
  }
  if (!flags.date.empty() && !IsIsoDate(flags.date)) {
    return Fail("claimx batch", "--date '" + flags.date + "' is not a calendar date YYYY-MM-DD");
  }
  if (flags.doc_timeout_ms < 0) return Fail("claimx batch", "--doc-timeout-ms must be >= 0");
  if (flags.max_doc_bytes == 0) return Fail("claimx batch", "--max-doc-bytes must be > 0");

  auto rules = LoadRules(flags.rules, argv0);
  if (!rules.ok()) return Fail("claimx batch", rules.status().message());
  AnnotatorOptions annotator_options;
  annotator_options.max_document_bytes = flags.max_doc_bytes;
  auto annotator = Annotator::Create(*rules, annotator_options);
  if (!annotator.ok()) return Fail("claimx batch", annotator.status().message());

  InputOptions input_options;
  input_options.fields = flags.fields;
  input_options.max_record_bytes = flags.max_doc_bytes;
  if (!flags.date.empty()) input_options.default_date = flags.date;
  auto input = InputReader::Open(flags.inputs, input_options);
  if (!input.ok()) return Fail("claimx batch", input.status().message());
  auto sink = OpenOutputSink(flags);
  if (!sink.ok()) return Fail("claimx batch", sink.status().message());
  auto quarantine = OpenQuarantine(flags);
  if (!quarantine.ok()) return Fail("claimx batch", quarantine.status().message());

  BatchOptions options;
  options.threads = flags.threads > 0 ? flags.threads
                                      : std::max(1u, std::thread::hardware_concurrency());
  options.ordered = !flags.unordered;
  options.doc_timeout = std::chrono::milliseconds(flags.doc_timeout_ms);
  options.skip_known = !flags.mapper;

  InstallStopHandlers();
  BatchCounters counters;
  BatchSummary summary;
  ProgressReporter progress(ProgressMode(flags), **input, counters);
  auto start = std::chrono::steady_clock::now();
  progress.Start();
  Status status = BatchRunner(**annotator, options)
                      .Run(input->get(), sink->get(), quarantine->get(), &g_stop, &counters,
                           &summary);
  progress.Stop();
  Status closed = (*sink)->Close();
  Status quarantine_closed = (*quarantine)->Close();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!flags.quiet && !flags.mapper) std::cerr << FormatSummary(**input, counters, summary, seconds);

  for (const Status* s : {&status, &closed, &quarantine_closed}) {
    if (!s->ok()) {
      Fail("claimx batch", s->message());
      std::cerr << "claimx batch: what was written is valid; re-run the same command to resume\n";
      return kExitError;
    }
  }
  if (g_stop.load()) {
    if (!flags.quiet) {
      std::cerr << "claimx batch: interrupted; re-run the same command to resume\n";
    }
    return 128 + g_signal.load();
  }
  if (flags.mapper) return kExitClean;
  if (counters.quarantined.load() > 0 && !flags.quiet) {
    std::cerr << "claimx batch: " << counters.quarantined.load()
              << " records quarantined, see " << QuarantinePath(flags) << "\n";
  }
  return counters.quarantined.load() > 0 ? kExitQuarantined : kExitClean;
}

}  // namespace claimx::cli
