// Status and Result<T>: errors are values in claimx.
//
// Library code never aborts or throws across its boundary on bad user data;
// it returns a Status naming what went wrong and where (file, line, byte
// offset, rule id), in the style of SentencePiece's util::Status and RE2's
// ok()/error(). The CLI turns a failed Status into a message on stderr and
// exit code 2.
#ifndef CLAIMX_EXTRACTOR_STATUS_H_
#define CLAIMX_EXTRACTOR_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace claimx {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed (bad rule, bad flag)
  kNotFound,         // a file or directory does not exist
  kIoError,          // reading or writing failed
  kResourceExhausted,  // a configured size or time bound was exceeded
  kInternal,         // a bug in claimx; never caused by input alone
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFound(std::string m) {
  return Status(StatusCode::kNotFound, std::move(m));
}
inline Status IoError(std::string m) {
  return Status(StatusCode::kIoError, std::move(m));
}
inline Status ResourceExhausted(std::string m) {
  return Status(StatusCode::kResourceExhausted, std::move(m));
}

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace claimx

#define CLAIMX_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::claimx::Status _claimx_status = (expr); \
    if (!_claimx_status.ok()) return _claimx_status; \
  } while (0)

#endif  // CLAIMX_EXTRACTOR_STATUS_H_
