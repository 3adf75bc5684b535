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

}  // namespace
}  // namespace limber::core
