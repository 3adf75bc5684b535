// UTF-8 text as limber keeps it: every text that comes in is checked here (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), and text that was stored before
// that check is made safe to show by replacing what cannot be read with U+FFFD. Lengths
// and cuts count characters (code points), never bytes, so a cut never splits one.
// Hand-written (no Debian library that limber already links offers these without a
// locale) and tested against Unicode's own examples (tests/core/utf8_test.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace limber::core::utf8 {

inline constexpr char32_t kReplacement = U'\uFFFD';
inline constexpr std::size_t kValid = std::string_view::npos;

// One character read from the text: its code point and how many bytes it took. An
// ill-formed sequence reads as U+FFFD over its maximal subpart (Unicode 15, section 3.9,
// "U+FFFD Substitution of Maximal Subparts", as browsers and Python do), never 0 bytes.
struct Decoded {
  char32_t code_point = kReplacement;
  std::size_t length = 1;
  bool valid = false;
};

// REQUIRES: at < text.size().
Decoded decode(std::string_view text, std::size_t at);

// The offset of the first byte that is not part of a well-formed character, or kValid.
std::size_t first_invalid(std::string_view text);
inline bool is_valid(std::string_view text) {
  return first_invalid(text) == kValid;
}

// The text with every ill-formed sequence replaced by U+FFFD; valid text comes back as it was.
std::string sanitize(std::string_view text);

// Characters (code points); an ill-formed sequence counts as the one U+FFFD it shows as.
std::size_t count(std::string_view text);

// The longest start of `text` with at most `characters` characters, never ending inside one.
std::string_view prefix(std::string_view text, std::size_t characters);

// Where the character that starts at `at` ends (the next boundary). REQUIRES: at < size.
inline std::size_t next(std::string_view text, std::size_t at) {
  return at + decode(text, at).length;
}

// Where the character a person sees, starting at `at`, ends: the code point with the
// combining marks, variation selectors and skin-tone modifiers after it, and what a
// zero-width joiner joins to it. A simplification of Unicode's grapheme clusters (UAX #29)
// that is enough never to cut an accent or an emoji in two. REQUIRES: at < size.
std::size_t next_cluster(std::string_view text, std::size_t at);

// Columns the text takes in a terminal, like wcwidth(3) without a locale: 0 for combining
// marks, zero-width and control characters, 2 for East Asian wide characters and emoji, 1
// otherwise. An approximation for wrapping, not a font metric.
std::size_t width(char32_t code_point);
std::size_t width(std::string_view text);

// The code point as UTF-8. REQUIRES: a Unicode scalar value.
std::string encode(char32_t code_point);

// What `byte` (0x80-0xFF) means in Windows-1252, the usual encoding of a file that is not
// UTF-8 (it is Latin-1 with printable characters in 0x80-0x9F); nullopt for the five bytes
// Windows-1252 leaves undefined.
std::optional<char32_t> windows_1252(unsigned char byte);

// What the ill-formed byte at `at` would be if the text were Windows-1252 or Latin-1, when
// that is a printable character and the byte is not the start of a character cut short.
std::optional<char32_t> single_byte_guess(std::string_view text, std::size_t at);

// Names the byte at `at` for a person, with what it would be in Windows-1252 or Latin-1
// when that is a printable character: "0xE9, 'é' in Latin-1 or Windows-1252".
std::string describe_byte(std::string_view text, std::size_t at);

}  // namespace limber::core::utf8
