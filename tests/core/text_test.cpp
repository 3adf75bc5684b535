#include "core/text.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

TEST(SplitListTest, SplitsOnCommasSpacesOrBothAndDropsEmptyWords) {
  struct Case {
    std::string_view text;
    std::vector<std::string_view> want;
  };
  const Case kCases[] = {
      {"deep-abs,glutes", {"deep-abs", "glutes"}},
      {"yoga, pilates", {"yoga", "pilates"}},
      {"lower-back neck:3", {"lower-back", "neck:3"}},
      {",a,,b ,  c, ", {"a", "b", "c"}},
      {"none", {"none"}},
      {"yoga,yoga", {"yoga", "yoga"}},  // duplicates are the caller's to drop
      {"", {}},
      {" , ", {}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(split_list(c.text), c.want);
  }
}

TEST(SplitListTest, TheWordsPointIntoTheText) {
  const std::string text = "a,bc";
  const auto words = split_list(text);
  ASSERT_EQ(words.size(), 2U);
  EXPECT_EQ(words[1].data(), text.data() + 2);
}

TEST(AsciiLowerTest, LowersOnlyTheLettersAToZ) {
  EXPECT_EQ(ascii_lower("Host: LIMBER.local"), "host: limber.local");
  // Other scripts are kept byte for byte: Istanbul's dotted capital İ stays as typed.
  EXPECT_EQ(ascii_lower("\xC4\xB0stanbul \xC3\x89T\xC3\x89"), "\xC4\xB0stanbul \xC3\x89t\xC3\x89");
}

TEST(AsciiLowerTest, ComparesWordsWhateverTheirCase) {
  EXPECT_TRUE(ascii_iequal("Content-Type", "content-type"));
  EXPECT_FALSE(ascii_iequal("Content-Type", "content-typ"));
  EXPECT_FALSE(ascii_iequal("\xC3\x89", "\xC3\xA9"));  // É is not é here
}

TEST(EscapeXmlTest, TurnsTheFourSpecialCharactersIntoEntitiesAndKeepsTheRest) {
  EXPECT_EQ(escape_xml(R"(Tom & "Jerry" <b>)"), "Tom &amp; &quot;Jerry&quot; &lt;b&gt;");
  EXPECT_EQ(escape_xml("Rücken, 背中, it's fine"), "Rücken, 背中, it's fine");
  EXPECT_EQ(escape_xml(""), "");
}

}  // namespace
}  // namespace limber::core
