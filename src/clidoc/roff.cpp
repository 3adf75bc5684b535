#include "clidoc/roff.h"

#include <fmt/format.h>

namespace limber::clidoc {
namespace {

// The code point starting at text[i] (UTF-8 as --help prints it); advances i past it.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  int more = 0;
  char32_t point = lead;
  if (lead >= 0xF0) {
    more = 3;
    point = lead & 0x07U;
  } else if (lead >= 0xE0) {
    more = 2;
    point = lead & 0x0FU;
  } else if (lead >= 0xC0) {
    more = 1;
    point = lead & 0x1FU;
  }
  for (; more > 0 && i < text.size(); --more)
    point = (point << 6U) | (static_cast<unsigned char>(text[i++]) & 0x3FU);
  return point;
}

std::string escape(std::string_view text, bool code) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      out += fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(next_code_point(text, i)));
      continue;
    }
    ++i;
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && code) {
      out += "\\-";
    } else {
      if ((c == '.' || c == '\'') && (out.empty() || out.back() == '\n'))
        out += "\\&";
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string roff_text(std::string_view text) {
  return escape(text, false);
}

std::string roff_code(std::string_view text) {
  return escape(text, true);
}

}  // namespace limber::clidoc
