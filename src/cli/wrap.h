// Text for a terminal: word-wrapped to its width, counted in columns (wide characters two).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace limber::cli {

// Word-wraps `text` after `first` (a bullet, a number or an indent), continuing under the
// text, into lines of at most `width` columns (20 at least). A word longer than a line
// stands on its own line.
std::vector<std::string> wrap(std::string_view first, std::string_view text, int width);

// The width of the terminal on `fd`; $COLUMNS, else 80, when it is not a terminal.
int terminal_width(int fd);

}  // namespace limber::cli
