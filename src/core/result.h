// Expected failures as values. Everything that can fail for a reason a person can fix
// returns Result<T>; exceptions are left for bugs and exhausted resources.
//
// Only the calls that std::expected shares are used (has_value, value, error, operator*,
// operator->, and_then, transform), so switching to std::expected touches this file only.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

#include "core/remedy.h"

namespace limber::core {

// What kind of failure, so each shell can map it to an exit code or an HTTP status in
// one table (cli/cli.cpp, later server/).
enum class ErrorCode {
  kInvalidInput,  // a value the person typed is wrong: fix the command
  kNotFound,      // an ID or name that does not exist
  kBadFile,       // a file to read is malformed (an import)
  kBusy,          // another process holds the database
  kNotLimber,     // the database file is not one of ours
  kTooNew,        // the database was written by a newer limber
  kCorrupt,       // the database is damaged
  kIo,            // the disk said no: permissions, space
  kPaused,        // a standing safety result pauses exercise: nothing was started
  kConflict,      // an id already stands for something else (a device's entry id reused)
};

// One line, for a person: what was wrong and how to fix it. Where the fix is done in a
// shell's own terms (a command, a page), the message says what was wrong and `remedy`
// names the fix, for the shell to phrase (core/remedy.h).
struct Error {
  Error() = default;
  Error(ErrorCode error_code, std::string what, Remedy fix = Remedy::kNone)
      : code(error_code), message(std::move(what)), remedy(fix) {}

  ErrorCode code = ErrorCode::kInvalidInput;
  std::string message;
  Remedy remedy = Remedy::kNone;
};

template <class T>
using Result = tl::expected<T, Error>;

using Unexpected = tl::unexpected<Error>;

inline Unexpected fail(ErrorCode code, std::string message, Remedy remedy = Remedy::kNone) {
  return Unexpected(Error{code, std::move(message), remedy});
}

}  // namespace limber::core

// Propagation in one word (after ccache's util/expected.hpp). Inside a function that
// returns a Result, these return the error of `expression` unchanged when it failed:
//
//   LIMBER_TRY(db.exec("BEGIN"));                         // a Result<void>, or any Result
//   LIMBER_TRY_ASSIGN(auto statement, db.prepare(sql));   // binds the value on success
//
// The expression is evaluated once. Use them only where the error passes through as it
// is; an error that gains words or changes code is still written out with `if`.
// The hidden Result is named after the line, so that a TRY inside a lambda inside a TRY
// (a for_each_row callback) does not shadow the outer one.
#define LIMBER_TRY_CONCAT_INNER(a, b) a##b
#define LIMBER_TRY_CONCAT(a, b) LIMBER_TRY_CONCAT_INNER(a, b)
#define LIMBER_TRY_NAME LIMBER_TRY_CONCAT(limber_try_result, __LINE__)

#define LIMBER_TRY(...)                                                      \
  do {                                                                       \
    auto LIMBER_TRY_NAME = (__VA_ARGS__);                                    \
    if (!LIMBER_TRY_NAME)                                                    \
      return ::limber::core::Unexpected(std::move(LIMBER_TRY_NAME.error())); \
  } while (false)

// `declaration` is what the value is bound to: `auto name`, `const auto name`, or an
// existing variable. The Result itself stays alive (moved from) to the end of the scope.
#define LIMBER_TRY_ASSIGN(declaration, ...)                                \
  auto LIMBER_TRY_NAME = (__VA_ARGS__);                                    \
  if (!LIMBER_TRY_NAME)                                                    \
    return ::limber::core::Unexpected(std::move(LIMBER_TRY_NAME.error())); \
  declaration = std::move(*LIMBER_TRY_NAME) /* NOLINT(bugprone-macro-parentheses) */
