#include "cli/session_terminal.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <iostream>
#include <ostream>

#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "cli/session_view.h"

namespace limber::cli {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// Raw keys for as long as it lives: no line editing, no echo, Ctrl-C as a byte (so it
// stops the session like 'q' and the terminal is always put back).
class RawMode {
 public:
  RawMode() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0)
      return;
    termios raw = saved_;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    active_ = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
  }
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;
  RawMode(RawMode&&) = delete;
  RawMode& operator=(RawMode&&) = delete;
  ~RawMode() {
    if (active_)
      tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }

 private:
  termios saved_{};
  bool active_ = false;
};

constexpr std::string_view kEnterScreen = "\x1b[?1049h\x1b[?25l";  // alternate screen, no cursor
constexpr std::string_view kLeaveScreen = "\x1b[?25h\x1b[?1049l";
constexpr std::string_view kHome = "\x1b[H";
constexpr std::string_view kClearLine = "\x1b[K";
constexpr std::string_view kClearBelow = "\x1b[J";

void strip_return(std::string& line) {
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
}

milliseconds until(steady_clock::time_point deadline) {
  return std::max(milliseconds{0},
                  std::chrono::duration_cast<milliseconds>(deadline - steady_clock::now()));
}

}  // namespace

SessionTerminal::SessionTerminal(const Io& io, bool plain, Speaker* speaker)
    : io_(io), speaker_(speaker) {
  from_stdin_ = io.in.rdbuf() == std::cin.rdbuf();
  const bool to_stdout = io.out.rdbuf() == std::cout.rdbuf() && isatty(STDOUT_FILENO) == 1;
  terminal_ = !plain && from_stdin_ && to_stdout && isatty(STDIN_FILENO) == 1;
  bell_ = to_stdout && (terminal_ || io.interactive);
}

bool SessionTerminal::fill(std::optional<milliseconds> timeout) {
  pollfd input{STDIN_FILENO, POLLIN, 0};
  const int ready = poll(&input, 1, timeout ? static_cast<int>(timeout->count()) : -1);
  if (ready == 0)
    return false;
  if (ready < 0)
    return true;  // EINTR (a resized window): the caller works out the time left
  std::array<char, 256> bytes{};
  const ssize_t count = read(STDIN_FILENO, bytes.data(), bytes.size());
  if (count > 0) {
    buffer_.append(bytes.data(), static_cast<std::size_t>(count));
  } else if (count == 0 || (errno != EINTR && errno != EAGAIN)) {
    ended_ = true;
  }
  return true;
}

SessionTerminal::Read SessionTerminal::read_line(std::optional<milliseconds> timeout) {
  if (!from_stdin_) {
    std::string line;
    if (!std::getline(io_.in, line))
      return {ReadKind::kEnd, {}};
    strip_return(line);
    return {ReadKind::kText, std::move(line)};
  }
  const auto deadline = steady_clock::now() + timeout.value_or(milliseconds{0});
  while (true) {
    if (const auto newline = buffer_.find('\n'); newline != std::string::npos) {
      std::string line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      strip_return(line);
      return {ReadKind::kText, std::move(line)};
    }
    if (ended_) {
      if (buffer_.empty())
        return {ReadKind::kEnd, {}};
      std::string line = std::move(buffer_);
      buffer_.clear();
      return {ReadKind::kText, std::move(line)};
    }
    if (!fill(timeout ? std::optional(until(deadline)) : std::nullopt))
      return {ReadKind::kTimeout, {}};
  }
}

SessionTerminal::Read SessionTerminal::read_byte(milliseconds timeout) {
  const auto deadline = steady_clock::now() + timeout;
  while (true) {
    if (!buffer_.empty()) {
      const char byte = buffer_.front();
      buffer_.erase(0, 1);
      if (byte != '\x1b')
        return {ReadKind::kText, std::string(1, byte)};
      // An escape sequence (an arrow key): drop it whole, so its letters are not keys.
      if (!buffer_.empty() && (buffer_.front() == '[' || buffer_.front() == 'O')) {
        const auto end = std::find_if(buffer_.begin() + 1, buffer_.end(),
                                      [](char c) { return c >= '@' && c <= '~'; });
        buffer_.erase(buffer_.begin(), end == buffer_.end() ? end : end + 1);
      }
      continue;
    }
    if (ended_)
      return {ReadKind::kEnd, {}};
    if (!fill(until(deadline)))
      return {ReadKind::kTimeout, {}};
  }
}

core::Result<core::PainScore> SessionTerminal::ask_pain(std::string_view question) {
  // A person at a terminal answers on the same line; a script's log reads better with one.
  const bool same_line = terminal_ || io_.interactive;
  while (true) {
    io_.out << question << (same_line ? " " : "\n") << std::flush;
    Read answer = read_line(std::nullopt);
    if (answer.kind != ReadKind::kText) {
      return core::fail(core::ErrorCode::kInvalidInput,
                        "the input ended before a pain rating from 0 to 10 came");
    }
    std::string& text = answer.text;
    text.erase(0, text.find_first_not_of(' '));
    text.erase(text.find_last_not_of(' ') + 1);
    if (auto pain = core::PainScore::parse(text))
      return *pain;
    io_.out << "Please type a whole number from 0 (no pain) to 10 (worst imaginable).\n";
  }
}

void SessionTerminal::redraw(const core::SessionScript& script) {
  winsize size{};
  int width = 80;
  int height = 24;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 && size.ws_row > 0) {
    width = size.ws_col;
    height = size.ws_row;
  }
  // One line short of the screen, so the last newline never scrolls it.
  io_.out << kHome;
  for (const std::string& line : screen_lines(script, width, height - 1))
    io_.out << line << kClearLine << '\n';
  io_.out << kClearBelow;
}

void SessionTerminal::show(const core::SessionScript& script,
                           const std::vector<core::SessionEvent>& events) {
  if (terminal_) {
    if (!script.over())
      redraw(script);
  } else if (events.empty()) {
    if (auto line = plain_tick_line(script))
      io_.out << *line << '\n';
  } else {
    for (const core::SessionEvent event : events) {
      for (const std::string& line : plain_lines(script, event))
        io_.out << line << '\n';
    }
  }
  if (bell_ && std::any_of(events.begin(), events.end(), core::rings))
    io_.out << '\a';
  if (speaker_ != nullptr) {
    for (const core::SessionEvent event : events) {
      if (auto cue = spoken_cue(script, event))
        speaker_->say(*cue);
    }
  }
  io_.out << std::flush;
}

void SessionTerminal::run(core::SessionScript& script) {
  std::optional<RawMode> raw;
  if (terminal_) {
    raw.emplace();
    io_.out << kEnterScreen;
  }
  show(script, script.start());
  auto next_tick = steady_clock::now() + std::chrono::seconds{1};
  while (!script.over()) {
    const milliseconds wait = until(next_tick);
    const Read read = terminal_ ? read_byte(wait) : read_line(wait);
    if (read.kind == ReadKind::kTimeout) {
      next_tick += std::chrono::seconds{1};
      show(script, script.tick());
      continue;
    }
    std::optional<core::SessionKey> key = core::SessionKey::kStop;  // the input ended
    if (read.kind == ReadKind::kText)
      key = terminal_ ? key_for_byte(read.text.front()) : key_for_line(read.text);
    if (!key) {
      if (!terminal_)
        io_.out << "Keys: Enter goes on, n skips, b goes back, p pauses, q stops.\n";
      continue;
    }
    const auto events = script.press(*key);
    if (!events.empty())
      next_tick = steady_clock::now() + std::chrono::seconds{1};  // a full first second
    show(script, events);
  }
  if (terminal_) {
    io_.out << kLeaveScreen;
    raw.reset();
    buffer_.clear();  // keys pressed during the session are not an answer to what comes next
    const auto last = script.stage() == core::SessionStage::kFinished
                          ? core::SessionEvent::kFinished
                          : core::SessionEvent::kStopped;
    for (const std::string& line : plain_lines(script, last))
      io_.out << line << '\n';
    io_.out << std::flush;
  }
}

}  // namespace limber::cli
