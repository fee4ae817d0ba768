#include "extractor/submatch.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace claimx {

namespace {

// Escapes that RE2 and PCRE2 both accept but read differently: \v is the
// vertical tab in RE2 and any vertical space in PCRE2; PCRE2's \s and \S
// count the vertical tab as space, RE2's do not.
bool HasEscapeReadOtherwise(std::string_view pattern) { return HasEscapeOf(pattern, "vsS"); }

// Whether a match's groups may depend on the text after it: \b, \B and \z
// test it, and so does $ under a multi-line flag ("(?m", "(?im:"...).
// Errs on the side of yes.
bool MayReadRightContext(std::string_view pattern) {
  if (HasEscapeOf(pattern, "bBz")) return true;
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;  // the escaped character
      continue;
    }
    if (pattern[i] == '(' && pattern[i + 1] == '?') {
      for (size_t k = i + 2; k < pattern.size(); ++k) {
        const char flag = pattern[k];
        if (flag == 'm') return true;
        if (flag != 'i' && flag != 's' && flag != 'U' && flag != '-') break;
      }
    }
  }
  return false;
}

// One thread's match data, grown to the largest group count asked for.
pcre2_match_data* ThreadMatchData(uint32_t pairs) {
  struct Holder {
    pcre2_match_data* data = nullptr;
    uint32_t pairs = 0;
    ~Holder() { pcre2_match_data_free(data); }
  };
  thread_local Holder holder;
  if (holder.pairs < pairs) {
    pcre2_match_data_free(holder.data);
    holder.data = pcre2_match_data_create(pairs, nullptr);
    holder.pairs = holder.data != nullptr ? pairs : 0;
  }
  return holder.data;
}

}  // namespace

bool HasEscapeOf(std::string_view pattern, std::string_view letters) {
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] != '\\') continue;
    if (letters.find(pattern[i + 1]) != std::string_view::npos) return true;
    ++i;  // the escaped character
  }
  return false;
}

struct Submatcher::Code {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  ~Code() {
    pcre2_match_context_free(context);
    pcre2_code_free(code);
  }
};

Submatcher::Submatcher(std::unique_ptr<Code> code, int group_count, bool reads_right_context)
    : code_(std::move(code)),
      group_count_(group_count),
      reads_right_context_(reads_right_context) {}

Submatcher::~Submatcher() = default;

std::unique_ptr<Submatcher> Submatcher::Create(std::string_view pattern, Anchor anchor) {
  if (HasEscapeReadOtherwise(pattern)) return nullptr;
  auto code = std::make_unique<Code>();
  pcre2_compile_context* compile_context = pcre2_compile_context_create(nullptr);
  if (compile_context == nullptr) return nullptr;
  // RE2's '.' stops at '\n' only; PCRE2's default newline is a build option.
  pcre2_set_newline(compile_context, PCRE2_NEWLINE_LF);
  int error = 0;
  PCRE2_SIZE error_offset = 0;
  // $ only at the very end, as RE2's without (?m); \C refused (RE2 takes
  // it as any byte, PCRE2 in UTF mode could split a character).
  uint32_t options = PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_NEVER_BACKSLASH_C | PCRE2_ANCHORED;
  if (anchor == Anchor::kBoth) options |= PCRE2_ENDANCHORED;
  code->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                             options, &error, &error_offset, compile_context);
  pcre2_compile_context_free(compile_context);
  if (code->code == nullptr) return nullptr;
  if (pcre2_jit_compile(code->code, PCRE2_JIT_COMPLETE) != 0) return nullptr;
  code->context = pcre2_match_context_create(nullptr);
  if (code->context == nullptr) return nullptr;
  pcre2_set_match_limit(code->context, kSubmatchStepLimit);
  uint32_t captures = 0;
  pcre2_pattern_info(code->code, PCRE2_INFO_CAPTURECOUNT, &captures);
  return std::unique_ptr<Submatcher>(new Submatcher(
      std::move(code), static_cast<int>(captures), MayReadRightContext(pattern)));
}

Submatcher::Outcome Submatcher::Match(std::string_view text, size_t start, size_t end,
                                      std::vector<re2::StringPiece>* groups) const {
  if (start > end || end > text.size()) return Outcome::kNoMatch;
  // PCRE2's subject ends at `end`; RE2 would still see the text after it.
  const bool cut_short = end < text.size();
  if (cut_short && reads_right_context_) return Outcome::kUnknown;
  const uint32_t pairs = static_cast<uint32_t>(group_count_) + 1;
  pcre2_match_data* data = ThreadMatchData(pairs);
  if (data == nullptr) return Outcome::kUnknown;
  // $ must not hold at a cut-short end: for RE2 the text goes on.
  const uint32_t options = cut_short ? PCRE2_NOTEOL : 0;
  const int rc = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), end, start,
                             options, data, code_->context);
  if (rc == PCRE2_ERROR_NOMATCH) return Outcome::kNoMatch;
  if (rc <= 0) return Outcome::kUnknown;  // limits, bad UTF-8, ovector too small
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
  groups->assign(pairs, re2::StringPiece());
  for (uint32_t g = 0; g < pairs && g < static_cast<uint32_t>(rc); ++g) {
    const PCRE2_SIZE from = ovector[2 * g];
    if (from == PCRE2_UNSET) continue;
    (*groups)[g] = re2::StringPiece(text.data() + from, ovector[2 * g + 1] - from);
  }
  return Outcome::kMatch;
}

const Submatcher* LazySubmatcher::Get() const {
  std::call_once(once_, [&] {
    submatcher_ = Submatcher::Create(pattern_, anchor_);
    if (submatcher_ != nullptr && submatcher_->group_count() != groups_) submatcher_.reset();
  });
  return submatcher_.get();
}

}  // namespace claimx
