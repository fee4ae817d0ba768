// claimx: the command-line tool over the extractor library.
//
//   claimx annotate [FILE|-] [--format json|jsonl|text|html|jsonld] [--date YYYY-MM-DD]
//   claimx rules check [--rules DIR]
//   claimx load [FILE...|-] --db URL       (tools/claimx/load_command.cc)
//   claimx batch [INPUT...] [--out FILE] [--threads N] [--mapper] (batch_command.h)
//   claimx explain [FILE|-] [--at OFFSET | --rule ID] [--date YYYY-MM-DD]
//   claimx compare [FILE...|-]           (compare_command.h: figures across documents)
//
// Exit status follows ripgrep: 0 when something was found, 1 when nothing
// was, 2 on error. Machine output goes to stdout only; errors and warnings go
// to stderr and name the file (and byte offset where there is one).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>

#include "extractor/annotator.h"
#include "extractor/emit_html.h"
#include "extractor/emit_json.h"
#include "extractor/emit_jsonld.h"
#include "extractor/emit_text.h"
#include "extractor/rule_check.h"
#include "extractor/rules.h"
#include "tools/claimx/batch_command.h"
#include "tools/claimx/cli_io.h"
#include "tools/claimx/compare_command.h"
#include "tools/claimx/explain_command.h"
#include "tools/claimx/load_command.h"

namespace {

using claimx::cli::Fail;
using claimx::cli::kExitError;
using claimx::cli::kExitFound;
using claimx::cli::kExitNothing;

struct AnnotateFlags {
  std::string file = "-";
  std::string format = "json";
  std::string date;
  std::string id;
  std::string rules;
  std::string color = "auto";
  size_t max_bytes = size_t{256} << 20;
};

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

size_t TerminalWidth() {
  if (const char* columns = std::getenv("COLUMNS")) {
    long width = std::strtol(columns, nullptr, 10);
    if (width >= 40 && width <= 1000) return static_cast<size_t>(width);
  }
  return 100;
}

int RunAnnotate(const AnnotateFlags& flags, const char* argv0) {
  auto rules = claimx::cli::LoadRules(flags.rules, argv0);
  if (!rules.ok()) return Fail("claimx", rules.status().message());
  claimx::AnnotatorOptions options;
  options.max_document_bytes = flags.max_bytes;
  auto annotator = claimx::Annotator::Create(*rules, options);
  if (!annotator.ok()) return Fail("claimx", annotator.status().message());

  auto input = claimx::cli::ReadInput(flags.file, flags.max_bytes);
  if (!input.ok()) return Fail("claimx", input.status().message());
  const std::string display_name = flags.file == "-" ? "<stdin>" : flags.file;

  claimx::DocumentOptions doc_options;
  doc_options.id = !flags.id.empty() ? flags.id
                   : flags.file == "-"
                       ? "stdin"
                       : std::filesystem::path(flags.file).stem().string();
  if (!flags.date.empty()) doc_options.date = flags.date;
  auto doc = (*annotator)->Annotate(*input, doc_options);
  if (!doc.ok()) return Fail("claimx", display_name + ": " + doc.status().message());

  const auto& stats = doc->info.normalization;
  if (stats.invalid_utf8 > 0) {
    std::cerr << "claimx: " << display_name << ": warning: "
              << stats.invalid_utf8
              << " invalid UTF-8 sequence(s) replaced by U+FFFD, first at byte "
              << stats.first_invalid_offset << "\n";
  }

  std::string output;
  if (flags.format == "text") {
    claimx::TextOptions text_options;
    text_options.color = UseColor(flags.color);
    text_options.width = TerminalWidth();
    std::ostringstream text;
    claimx::WriteText(text, *doc, *input, text_options);
    output = std::move(text).str();
  } else if (flags.format == "html") {
    std::ostringstream html;
    claimx::WriteHtml(html, *doc, *input);
    output = std::move(html).str();
  } else if (flags.format == "jsonld") {
    output = claimx::DumpJson(claimx::DocumentToJsonLd(*doc, *input), 2) + "\n";
  } else {
    int indent = flags.format == "json" ? 2 : -1;
    output = claimx::DumpJson(claimx::DocumentToJson(*doc, *input), indent) + "\n";
  }
  // A reader that left (`| head`) is not an error to report, but the output
  // is incomplete: no success status either.
  if (int error = claimx::cli::WriteStdout(output); error == EPIPE) {
    return kExitError;
  } else if (error != 0) {
    return Fail("claimx", "writing output: " + std::string(std::strerror(error)));
  }
  bool found = !doc->mentions.empty() || !doc->claims.empty();
  return found ? kExitFound : kExitNothing;
}

int RunRulesCheck(const std::string& rules_dir, const char* argv0) {
  auto rules = claimx::cli::LoadRules(rules_dir, argv0);
  if (!rules.ok()) return Fail("claimx", rules.status().message());
  auto annotator = claimx::Annotator::Create(*rules);
  if (!annotator.ok()) return Fail("claimx", annotator.status().message());
  claimx::RuleCheckReport report = claimx::CheckRuleExamples(**annotator);
  for (const claimx::RuleError& failure : report.failures) {
    std::cout << failure.ToString() << "\n";
  }
  std::cout << (*rules)->dir() << ": " << (*rules)->rule_count()
            << " rules compiled, " << report.examples << " examples run, "
            << report.failures.size() << " failed\n";
  return report.failures.empty() ? kExitFound : kExitNothing;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimx: extract checkable claims from French news text"};
  app.set_version_flag("--version", std::string("claimx ") + CLAIMX_VERSION);
  app.require_subcommand(1);

  AnnotateFlags annotate_flags;
  CLI::App* annotate =
      app.add_subcommand("annotate", "Annotate one article (FILE or - for stdin)");
  annotate->add_option("file", annotate_flags.file, "Article text, or - for stdin");
  annotate->add_option("--format", annotate_flags.format, "Output format")
      ->check(CLI::IsMember({"json", "jsonl", "text", "html", "jsonld"}));
  annotate->add_option("--date", annotate_flags.date,
                       "Publication date YYYY-MM-DD (relative dates resolve against it)");
  annotate->add_option("--id", annotate_flags.id, "Document id (default: file name)");
  annotate->add_option("--rules", annotate_flags.rules, "Rule directory (e.g. rules/fr)");
  annotate->add_option("--color", annotate_flags.color, "Colour in --format text")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  annotate->add_option("--max-bytes", annotate_flags.max_bytes,
                       "Refuse larger documents (default 256 MiB)");

  claimx::cli::BatchCommand batch_command(&app);

  std::string check_rules_dir;
  CLI::App* rules = app.add_subcommand("rules", "Rule files");
  rules->require_subcommand(1);
  CLI::App* check = rules->add_subcommand(
      "check", "Compile every rule and run the examples written beside it");
  check->add_option("--rules", check_rules_dir, "Rule directory (e.g. rules/fr)");

  std::function<int()> run_load = claimx::cli::AddLoadCommand(app);
  auto explain = claimx::cli::AddExplainCommand(app);
  auto run_compare = claimx::cli::AddCompareCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitError;
  }
  if (annotate->parsed()) return RunAnnotate(annotate_flags, argv[0]);
  if (check->parsed()) return RunRulesCheck(check_rules_dir, argv[0]);
  if (app.got_subcommand("load")) return run_load();
  if (app.got_subcommand("compare")) return run_compare(argv[0]);
  if (batch_command.parsed()) return batch_command.Run(argv[0]);
  if (explain->app->parsed()) {
    return claimx::cli::RunExplainCommand(*explain, claimx::cli::LoadRules(explain->rules, argv[0]),
                                          claimx::cli::ReadInput(explain->file, size_t{256} << 20));
  }
  return kExitError;
}
