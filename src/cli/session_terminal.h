// The terminal side of a guided session, kept thin: it feeds a core::SessionScript one tick
// per real second and the keys pressed, and shows what cli/session_view says.
//
// Two modes:
// - terminal: when stdin and stdout are the process's own and both are terminals, and
//   plain mode was not asked for. Raw keys (termios), a poll() loop with a 1 s tick, the
//   screen redrawn with ANSI escapes on the alternate screen, a bell at transitions.
// - plain: line by line, no redraws, no raw mode; keys and answers are lines
//   (kPlainProtocol). Works over pipes and in tests. Reading the process's stdin, time
//   passes in real seconds between lines; reading any other stream (a test's), lines are
//   taken as they come, so time passes only when a key moves the session on.
// Internal to cli/.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "cli/cli.h"
#include "cli/speaker.h"
#include "core/pain_score.h"
#include "core/result.h"
#include "core/session_script.h"

namespace limber::cli {

class SessionTerminal {
 public:
  // `speaker`, when given, says each cue aloud (--speak); it must outlive the terminal.
  SessionTerminal(const Io& io, bool plain, Speaker* speaker = nullptr);

  [[nodiscard]] bool redraws() const { return terminal_; }

  // Asks `question` until a rating 0-10 comes; kInvalidInput when the input ends first.
  core::Result<core::PainScore> ask_pain(std::string_view question);
  // Runs `script` from its start until it finishes or is stopped. The end of the input
  // stops it.
  void run(core::SessionScript& script);

 private:
  enum class ReadKind { kText, kTimeout, kEnd };
  struct Read {
    ReadKind kind = ReadKind::kEnd;
    std::string text;
  };

  // A line without its newline, waiting up to `timeout` (forever when empty).
  Read read_line(std::optional<std::chrono::milliseconds> timeout);
  // One byte from the terminal in raw mode, waiting up to `timeout`.
  Read read_byte(std::chrono::milliseconds timeout);
  // Waits up to `timeout` for more bytes from stdin into buffer_; false on timeout.
  bool fill(std::optional<std::chrono::milliseconds> timeout);

  void show(const core::SessionScript& script, const std::vector<core::SessionEvent>& events);
  void redraw(const core::SessionScript& script);

  const Io& io_;
  Speaker* speaker_ = nullptr;
  bool from_stdin_ = false;  // io_.in is the process's stdin: read fd 0 with poll()
  bool terminal_ = false;
  bool bell_ = false;
  bool ended_ = false;  // stdin reached its end
  std::string buffer_;  // bytes read from stdin, not yet used
};

}  // namespace limber::cli
