#include "core/sitting_pause.h"

#include <array>
#include <optional>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

// Friday 27 November 2026, 14:05 on the wall clock.
const LocalTime kFriday{std::chrono::local_days{std::chrono::year{2026} / 11 / 27} + hours{14} +
                        minutes{5}};

TEST(SittingPauseTest, APauseByMinutesEndsThatMuchLater) {
  EXPECT_EQ(pause_end_after(minutes{10}, kFriday), kFriday + minutes{10});
  EXPECT_EQ(pause_end_after(minutes{60}, kFriday), kFriday + hours{1});
  EXPECT_EQ(pause_end_after(kLongestPause, kFriday), kFriday + days{1});
  for (const minutes wrong : {minutes{0}, minutes{-5}, kLongestPause + minutes{1}}) {
    SCOPED_TRACE(wrong.count());
    const auto refused = pause_end_after(wrong, kFriday);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("pause for 1 to 1440 minutes"), std::string::npos)
        << refused.error().message;
  }
}

TEST(SittingPauseTest, APauseUntilEndsAtTheNextSuchTime) {
  const std::chrono::local_days friday = std::chrono::floor<days>(kFriday);
  struct Case {
    const char* text;
    std::optional<LocalTime> end;
  };
  const auto cases = std::to_array<Case>({
      {"tomorrow", LocalTime{friday + days{1}}},
      {"16:30", LocalTime{friday + hours{16} + minutes{30}}},
      {"09:00", LocalTime{friday + days{1} + hours{9}}},  // passed today: tomorrow's
      {"14:05", LocalTime{friday + days{1} + hours{14} + minutes{5}}},
      {"25:00", std::nullopt},
      {"soon", std::nullopt},
      {"", std::nullopt},
  });
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    const auto end = pause_end_at(test.text, kFriday);
    if (test.end) {
      ASSERT_TRUE(end) << end.error().message;
      EXPECT_EQ(*end, *test.end);
    } else {
      ASSERT_FALSE(end);
      EXPECT_NE(end.error().message.find("use 'tomorrow' or a time of day such as 14:30"),
                std::string::npos)
          << end.error().message;
    }
  }
}

TEST(SittingPauseTest, SaysUntilWhenInWords) {
  const std::chrono::local_days friday = std::chrono::floor<days>(kFriday);
  EXPECT_EQ(describe_pause(kFriday + minutes{25}, kFriday), "Reminders paused until 14:30.");
  EXPECT_EQ(describe_pause(LocalTime{friday + days{1}}, kFriday),
            "Reminders paused until tomorrow.");
  EXPECT_EQ(describe_pause(LocalTime{friday + days{1} + hours{8}}, kFriday),
            "Reminders paused until tomorrow at 08:00.");
  EXPECT_EQ(describe_pause(LocalTime{friday + days{3} + hours{9}}, kFriday),
            "Reminders paused until Monday 30 November at 09:00.");
}

}  // namespace
}  // namespace limber::core
