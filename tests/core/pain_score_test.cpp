#include "core/pain_score.h"

#include <gtest/gtest.h>

namespace limber::core {
namespace {

TEST(PainScoreTest, AcceptsEveryWholeNumberFromZeroToTen) {
  for (int value = 0; value <= 10; ++value) {
    auto score = PainScore::from_int(value);
    ASSERT_TRUE(score.has_value()) << value;
    EXPECT_EQ(score->value(), value);
  }
}

TEST(PainScoreTest, RejectsElevenWithTheRange) {
  auto score = PainScore::from_int(11);
  ASSERT_FALSE(score.has_value());
  EXPECT_EQ(score.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(score.error().message.find("0 (no pain) to 10"), std::string::npos);
}

TEST(PainScoreTest, RejectsMinusOne) {
  EXPECT_FALSE(PainScore::from_int(-1).has_value());
}

TEST(PainScoreTest, ParsesTypedNumbersAndRejectsEverythingElse) {
  struct Case {
    const char* text;
    bool ok;
  };
  constexpr Case kCases[] = {{"0", true},   {"6", true},    {"10", true},          {"11", false},
                             {"-1", false}, {"6.5", false}, {"six", false},        {"", false},
                             {" 6", false}, {"6 ", false},  {"99999999999", false}};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PainScore::parse(c.text).has_value(), c.ok);
  }
}

TEST(PainScoreTest, NamesTheEndsOfTheScaleInWords) {
  EXPECT_EQ(PainScore::from_int(0)->words(), "no pain");
  EXPECT_EQ(PainScore::from_int(10)->words(), "worst imaginable");
}

}  // namespace
}  // namespace limber::core
