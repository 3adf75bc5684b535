#include "cli/wrap.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include <sys/ioctl.h>
#include <unistd.h>

#include "core/utf8.h"

namespace limber::cli {

std::vector<std::string> wrap(std::string_view first, std::string_view text, int width) {
  const std::size_t limit = static_cast<std::size_t>(std::max(width, 20));
  const std::size_t first_columns = core::utf8::width(first);
  const std::string indent(first_columns, ' ');
  std::vector<std::string> lines;
  std::string line(first);
  std::size_t used = first_columns;
  bool empty = true;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = text.find(' ', at);
    const std::string_view word =
        text.substr(at, space == std::string_view::npos ? std::string_view::npos : space - at);
    at = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty())
      continue;
    const std::size_t columns = core::utf8::width(word);
    if (!empty && used + 1 + columns > limit) {
      lines.push_back(std::move(line));
      line = indent;
      used = indent.size();
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++used;
    }
    line += word;
    used += columns;
    empty = false;
  }
  lines.push_back(std::move(line));
  return lines;
}

int terminal_width(int fd) {
  winsize size{};
  if (isatty(fd) != 0 && ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    int value = 0;
    const std::string_view text(columns);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size() && value >= 20 && value <= 500)
      return value;
  }
  return 80;
}

}  // namespace limber::cli
