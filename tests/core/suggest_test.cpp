#include "core/suggest.h"

#include <array>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

constexpr std::array<std::string_view, 4> kWords = {"log", "history", "export", "import"};

TEST(SuggestTest, CountsEditsAndSwaps) {
  EXPECT_EQ(edit_distance("log", "log"), 0);
  EXPECT_EQ(edit_distance("lgo", "log"), 1);
  EXPECT_EQ(edit_distance("histroy", "history"), 1);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("LOG", "log"), 0);
}

TEST(SuggestTest, FindsTheClosestLikelyTypo) {
  EXPECT_EQ(closest("histroy", kWords), "history");
  EXPECT_EQ(closest("exprt", kWords), "export");
  EXPECT_EQ(closest("lgo", kWords), "log");
}

TEST(SuggestTest, IgnoresHyphensWhenComparing) {
  constexpr std::array<std::string_view, 2> kRegions = {"lower-back", "left-thigh"};
  EXPECT_EQ(closest("lowerback", kRegions), "lower-back");
  EXPECT_EQ(closest("LEFT_THIGH", kRegions), "left-thigh");
}

TEST(SuggestTest, StaysQuietWhenNothingIsClose) {
  EXPECT_EQ(closest("banana", kWords), std::nullopt);
  EXPECT_EQ(did_you_mean("banana", kWords), "");
  EXPECT_EQ(did_you_mean("imprt", kWords), " Did you mean 'import'?");
}

}  // namespace
}  // namespace limber::core
