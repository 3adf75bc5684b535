#include "core/utf8.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <span>

#include <fmt/format.h>

namespace limber::core::utf8 {
namespace {

constexpr unsigned char byte_at(std::string_view text, std::size_t at) {
  return static_cast<unsigned char>(text[at]);
}

constexpr bool continuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

// Unicode 15, table 3-7 (well-formed UTF-8 byte sequences): the length a lead byte starts,
// and the range its second byte must fall in (narrower after E0, ED, F0 and F4, which is
// what rules out overlong forms, surrogates and code points above U+10FFFF).
struct Lead {
  std::size_t length = 0;  // 0: not a lead byte
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
};

constexpr Lead lead(unsigned char byte) {
  if (byte >= 0xC2 && byte <= 0xDF)
    return {2};
  if (byte == 0xE0)
    return {3, 0xA0, 0xBF};
  if (byte == 0xED)
    return {3, 0x80, 0x9F};
  if (byte >= 0xE1 && byte <= 0xEF)
    return {3};
  if (byte == 0xF0)
    return {4, 0x90, 0xBF};
  if (byte == 0xF4)
    return {4, 0x80, 0x8F};
  if (byte >= 0xF1 && byte <= 0xF3)
    return {4};
  return {};
}

// Code points from first to last, both included; the tables are sorted.
struct Range {
  char32_t first;
  char32_t last;
};

bool in(std::span<const Range> ranges, char32_t code_point) {
  const auto found =
      std::upper_bound(ranges.begin(), ranges.end(), code_point,
                       [](char32_t c, const Range& range) { return c < range.first; });
  return found != ranges.begin() && code_point <= std::prev(found)->last;
}

// Zero columns: combining marks, zero-width spaces and joiners, variation selectors
// (the common blocks of Unicode's general categories Mn, Me and Cf).
constexpr std::array<Range, 20> kZeroWidth = {{
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},   {0x0610, 0x061A},   {0x064B, 0x065F},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},   {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},   {0x20D0, 0x20FF},   {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0x1F3FB, 0x1F3FF}, {0xE0001, 0xE007F}, {0xE0100, 0xE01EF},
}};

// Two columns: East Asian Wide and Fullwidth (Unicode's EastAsianWidth.txt, W and F), and
// the emoji that terminals draw wide.
constexpr std::array<Range, 30> kWide = {{
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x2705, 0x2705},
    {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
    {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F900, 0x1FAFF}, {0x20000, 0x3FFFD},
}};

// Windows-1252's characters for 0x80-0x9F; 0 where it defines none.
constexpr std::array<char32_t, 32> kWindows1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

}  // namespace

Decoded decode(std::string_view text, std::size_t at) {
  const unsigned char first = byte_at(text, at);
  if (first < 0x80)
    return {first, 1, true};
  const Lead expected = lead(first);
  if (expected.length == 0)
    return {};
  char32_t code_point = first & (0xFFU >> (expected.length + 1));
  for (std::size_t i = 1; i < expected.length; ++i) {
    if (at + i >= text.size())
      return {kReplacement, i, false};
    const unsigned char byte = byte_at(text, at + i);
    const bool fits = i == 1 ? byte >= expected.low && byte <= expected.high : continuation(byte);
    if (!fits)
      return {kReplacement, i, false};
    code_point = (code_point << 6U) | (byte & 0x3FU);
  }
  return {code_point, expected.length, true};
}

std::size_t first_invalid(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    // ASCII runs are most of what limber reads: skip them without decoding.
    if (byte_at(text, at) < 0x80) {
      ++at;
      continue;
    }
    const Decoded decoded = decode(text, at);
    if (!decoded.valid)
      return at;
    at += decoded.length;
  }
  return kValid;
}

std::string sanitize(std::string_view text) {
  std::size_t bad = first_invalid(text);
  if (bad == kValid)
    return std::string(text);
  std::string out(text.substr(0, bad));
  std::size_t at = bad;
  while (at < text.size()) {
    const Decoded decoded = decode(text, at);
    if (decoded.valid) {
      out.append(text.substr(at, decoded.length));
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD
    }
    at += decoded.length;
  }
  return out;
}

std::size_t count(std::string_view text) {
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size(); at = next(text, at))
    ++characters;
  return characters;
}

std::string_view prefix(std::string_view text, std::size_t characters) {
  std::size_t at = 0;
  for (std::size_t n = 0; n < characters && at < text.size(); ++n)
    at = next(text, at);
  return text.substr(0, at);
}

std::size_t next_cluster(std::string_view text, std::size_t at) {
  std::size_t end = next(text, at);
  while (end < text.size()) {
    const Decoded decoded = decode(text, end);
    if (!decoded.valid || decoded.code_point < 0xA0 || width(decoded.code_point) != 0)
      break;
    end += decoded.length;
    if (decoded.code_point == U'\u200D' && end < text.size())
      end = next(text, end);
  }
  return end;
}

std::size_t width(char32_t code_point) {
  if (code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0))
    return 0;
  if (code_point < 0x300)
    return 1;
  if (in(kZeroWidth, code_point))
    return 0;
  return in(kWide, code_point) ? 2 : 1;
}

std::size_t width(std::string_view text) {
  std::size_t columns = 0;
  for (std::size_t at = 0; at < text.size();) {
    const Decoded decoded = decode(text, at);
    columns += width(decoded.code_point);
    at += decoded.length;
  }
  return columns;
}

std::string encode(char32_t code_point) {
  std::string out;
  const auto add = [&](unsigned value) {
    out.push_back(static_cast<char>(value));
  };
  if (code_point < 0x80) {
    add(code_point);
  } else if (code_point < 0x800) {
    add(0xC0U | (code_point >> 6U));
    add(0x80U | (code_point & 0x3FU));
  } else if (code_point < 0x10000) {
    add(0xE0U | (code_point >> 12U));
    add(0x80U | ((code_point >> 6U) & 0x3FU));
    add(0x80U | (code_point & 0x3FU));
  } else {
    add(0xF0U | (code_point >> 18U));
    add(0x80U | ((code_point >> 12U) & 0x3FU));
    add(0x80U | ((code_point >> 6U) & 0x3FU));
    add(0x80U | (code_point & 0x3FU));
  }
  return out;
}

std::optional<char32_t> windows_1252(unsigned char byte) {
  if (byte < 0x80)
    return byte;
  if (byte >= 0xA0)
    return byte;  // Latin-1, which Windows-1252 extends
  const char32_t mapped = kWindows1252.at(byte - 0x80U);
  if (mapped == 0)
    return std::nullopt;
  return mapped;
}

std::optional<char32_t> single_byte_guess(std::string_view text, std::size_t at) {
  const unsigned char byte = byte_at(text, at);
  const auto meant = windows_1252(byte);
  // A lead byte followed by part of its character is a character cut short, not another
  // encoding. (At the very end of the text it is more often Latin-1: "caf\xE9".)
  const bool cut_short = lead(byte).length > 0 && decode(text, at).length > 1;
  if (byte < 0x80 || !meant || cut_short || width(*meant) == 0)
    return std::nullopt;
  return meant;
}

std::string describe_byte(std::string_view text, std::size_t at) {
  const unsigned char byte = byte_at(text, at);
  if (const auto meant = single_byte_guess(text, at))
    return fmt::format("0x{:02X}, '{}' in Latin-1 or Windows-1252", byte, encode(*meant));
  return fmt::format("0x{:02X}", byte);
}

}  // namespace limber::core::utf8
