#include "core/utf8.h"

#include <gtest/gtest.h>

namespace limber::core::utf8 {
namespace {

using std::string_view_literals::operator""sv;

constexpr std::string_view kReplacementText = "\xEF\xBF\xBD";

TEST(Utf8Test, AcceptsWellFormedTextOfEveryLength) {
  struct Case {
    std::string_view name;
    std::string_view text;
  };
  const Case cases[] = {
      {"empty", ""},
      {"ascii", "lower back, 5/10"},
      {"two bytes", "café über"},
      {"three bytes", "腰痛 …"},
      {"four bytes", "😀🦵"},
      {"lowest of each length", "\x00\xC2\x80\xE0\xA0\x80\xF0\x90\x80\x80"sv},
      {"highest of each length", "\x7F\xDF\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF"},
      {"around the surrogates", "\xED\x9F\xBF\xEE\x80\x80"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_TRUE(is_valid(c.text));
    EXPECT_EQ(first_invalid(c.text), kValid);
    EXPECT_EQ(sanitize(c.text), c.text);
  }
}

TEST(Utf8Test, FindsTheFirstByteThatIsNotUtf8) {
  struct Case {
    std::string_view name;
    std::string_view text;
    std::size_t offset;
  };
  const Case cases[] = {
      {"latin-1 e acute", "caf\xE9", 3},
      {"lone continuation", "a\x80", 1},
      {"overlong slash", "\xC0\xAF", 0},
      {"overlong nul", "ok \xC1\x80", 3},
      {"overlong three bytes", "\xE0\x80\xAF", 0},
      {"overlong four bytes", "\xF0\x80\x80\xAF", 0},
      {"surrogate", "x\xED\xA0\x80", 1},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"F5 lead", "\xF5\x80\x80\x80", 0},
      {"FF", "ab\xFF", 2},
      {"cut short at the end", "é\xE2\x82", 2},
      {"cut short by ascii", "\xE2\x82x", 0},
      {"after valid multibyte text", "腰痛\xA0", 6},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_FALSE(is_valid(c.text));
    EXPECT_EQ(first_invalid(c.text), c.offset);
  }
}

// Unicode 15, section 3.9, table 3-8: each maximal subpart becomes one U+FFFD.
TEST(Utf8Test, ReplacesEachMaximalSubpartWithOneReplacementCharacter) {
  const std::string_view text = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
  const std::string r(kReplacementText);
  EXPECT_EQ(sanitize(text), "a" + r + r + r + "b" + r + "c" + r + r + "d");
  EXPECT_EQ(count(text), 10U);
  EXPECT_TRUE(is_valid(sanitize("caf\xE9 \xFF\xFE")));
  EXPECT_EQ(sanitize("caf\xE9"), "caf" + r);
  EXPECT_EQ(sanitize("\xED\xA0\x80"), r + r + r);  // a surrogate: no maximal subpart is longer
  EXPECT_EQ(sanitize("\xF0\x9F\x98"), r);          // an emoji cut short
}

TEST(Utf8Test, DecodesCodePointsAndTheirLength) {
  const std::string_view text = "aé腰😀";
  EXPECT_EQ(decode(text, 0).code_point, U'a');
  EXPECT_EQ(decode(text, 1).code_point, U'é');
  EXPECT_EQ(decode(text, 1).length, 2U);
  EXPECT_EQ(decode(text, 3).code_point, U'腰');
  EXPECT_EQ(decode(text, 3).length, 3U);
  EXPECT_EQ(decode(text, 6).code_point, U'😀');
  EXPECT_EQ(decode(text, 6).length, 4U);
  EXPECT_TRUE(decode(text, 6).valid);
  const Decoded inside = decode(text, 7);  // a continuation byte on its own
  EXPECT_FALSE(inside.valid);
  EXPECT_EQ(inside.code_point, kReplacement);
  EXPECT_EQ(inside.length, 1U);
}

TEST(Utf8Test, EncodesEveryLengthAndRoundTrips) {
  for (const char32_t c : {U'\0', U'a', U'\x7F', U'\x80', U'é', U'\x7FF', U'\x800', U'腰',
                           U'\xFFFD', U'\x10000', U'😀', U'\x10FFFF'}) {
    SCOPED_TRACE(static_cast<std::uint32_t>(c));
    const std::string text = encode(c);
    ASSERT_TRUE(is_valid(text));
    EXPECT_EQ(decode(text, 0).code_point, c);
    EXPECT_EQ(decode(text, 0).length, text.size());
  }
}

TEST(Utf8Test, CountsCharactersNotBytes) {
  EXPECT_EQ(count(""), 0U);
  EXPECT_EQ(count("abc"), 3U);
  EXPECT_EQ(count("café"), 4U);
  EXPECT_EQ(count("腰痛"), 2U);
  EXPECT_EQ(count("😀x"), 2U);
  EXPECT_EQ(count("\xE2\x82"), 1U);  // shown as one U+FFFD
}

TEST(Utf8Test, CutsOnACharacterBoundaryNeverInsideOne) {
  const std::string_view text = "aé腰😀b";
  EXPECT_EQ(prefix(text, 0), "");
  EXPECT_EQ(prefix(text, 1), "a");
  EXPECT_EQ(prefix(text, 2), "aé");
  EXPECT_EQ(prefix(text, 3), "aé腰");
  EXPECT_EQ(prefix(text, 4), "aé腰😀");
  EXPECT_EQ(prefix(text, 5), text);
  EXPECT_EQ(prefix(text, 99), text);
  for (std::size_t n = 0; n < 6; ++n)
    EXPECT_TRUE(is_valid(prefix(text, n))) << n;
  EXPECT_EQ(next(text, 0), 1U);
  EXPECT_EQ(next(text, 1), 3U);
  EXPECT_EQ(next(text, 3), 6U);
  EXPECT_EQ(next(text, 6), 10U);
}

TEST(Utf8Test, KeepsAccentsAndEmojiModifiersWithTheirCharacter) {
  EXPECT_EQ(next_cluster("e\u0301x", 0), 3U);         // e and a combining acute
  EXPECT_EQ(next_cluster("👍🏽x", 0), 8U);        // a thumb and its skin tone
  EXPECT_EQ(next_cluster("❤️x", 0), 6U);          // a heart and its emoji selector
  const std::string_view family = "👨\u200D👩\u200D👧";  // joined by zero-width joiners
  EXPECT_EQ(next_cluster(family, 0), family.size());
  EXPECT_EQ(next_cluster("ab", 0), 1U);
  EXPECT_EQ(next_cluster("a\xCC", 0), 1U);  // a lone lead byte is not a mark
}

TEST(Utf8Test, MeasuresTerminalColumns) {
  EXPECT_EQ(width("lower back"), 10U);
  EXPECT_EQ(width("café"), 4U);
  EXPECT_EQ(width("cafe\xCC\x81"), 4U);  // e and a combining acute accent
  EXPECT_EQ(width("腰痛"), 4U);
  EXPECT_EQ(width("ｘ"), 2U);  // fullwidth
  EXPECT_EQ(width("😀"), 2U);
  EXPECT_EQ(width("a\u200Bb"), 2U);  // zero-width space
  EXPECT_EQ(width("\t"), 0U);
  EXPECT_EQ(width(U'→'), 1U);
}

TEST(Utf8Test, NamesAByteWithWhatItWouldBeInAnotherEncoding) {
  EXPECT_EQ(windows_1252(0xE9), U'é');
  EXPECT_EQ(windows_1252(0x80), U'€');
  EXPECT_EQ(windows_1252(0x92), U'’');
  EXPECT_FALSE(windows_1252(0x81).has_value());
  EXPECT_EQ(describe_byte("caf\xE9", 3), "0xE9, 'é' in Latin-1 or Windows-1252");
  EXPECT_EQ(describe_byte("\x93quoted\x94", 0), "0x93, '“' in Latin-1 or Windows-1252");
  EXPECT_EQ(describe_byte("\x81", 0), "0x81");
  EXPECT_EQ(describe_byte("\xE2\x82", 0), "0xE2");  // a character cut short, not Latin-1
}

}  // namespace
}  // namespace limber::core::utf8
