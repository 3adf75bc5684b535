#include "core/text.h"

#include <algorithm>
#include <cstdint>

#include <fmt/core.h>

#include "core/utf8.h"

namespace limber::core {

Result<std::string> check_text(std::string text, std::size_t max_characters, std::string_view what,
                               Lines lines) {
  if (const std::size_t bad = utf8::first_invalid(text); bad != utf8::kValid) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("the {} is not UTF-8 text: byte {} ({}) cannot be read", what, bad + 1,
                            utf8::describe_byte(text, bad)));
  }
  if (const std::size_t length = utf8::count(text); length > max_characters) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("the {} is {} characters long: keep it to {} or fewer", what, length,
                            max_characters));
  }
  for (std::size_t at = 0; at < text.size();) {
    const utf8::Decoded decoded = utf8::decode(text, at);
    const char32_t c = decoded.code_point;
    if (c == '\n' && lines == Lines::kOne)
      return fail(ErrorCode::kInvalidInput, fmt::format("the {} must fit on one line", what));
    if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0)) {
      return fail(
          ErrorCode::kInvalidInput,
          fmt::format("the {} holds a control character (code {}) at character {}: "
                      "remove it",
                      what, static_cast<std::uint32_t>(c), utf8::count(text.substr(0, at)) + 1));
    }
    at += decoded.length;
  }
  return text;
}

std::vector<std::string_view> split_list(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find_first_of(", ", begin), text.size());
    if (end > begin)
      words.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

namespace {

char lower_char(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = lower_char(c);
  return out;
}

bool ascii_iequal(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return lower_char(x) == lower_char(y); });
}

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace limber::core
