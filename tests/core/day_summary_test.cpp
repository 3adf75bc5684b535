#include "core/day_summary.h"

#include <gtest/gtest.h>

#include "support/clock.h"
#include "support/entries.h"

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::hours;
using testing::kNoon;

Entry pain_at(Instant at, int pain, std::chrono::seconds offset = std::chrono::seconds{0}) {
  return testing::recorded_at(testing::pain_entry(at, pain), offset);
}

TEST(DaySummaryTest, FoldsEntriesIntoLocalDaysIncludingEmptyOnes) {
  const auto today = std::chrono::floor<days>(to_local(kNoon, std::chrono::seconds{0}));
  const std::vector<Entry> entries = {pain_at(kNoon - days{2}, 8), pain_at(kNoon, 4),
                                      pain_at(kNoon + hours{1}, 6), testing::walk_entry(kNoon, 20)};
  const auto summary = summarize_days(entries, today - days{2}, today);
  ASSERT_EQ(summary.size(), 3U);
  EXPECT_EQ(summary[0].pain_mean, 8.0);
  EXPECT_FALSE(summary[1].pain_mean.has_value());
  EXPECT_EQ(summary[2].pain_mean, 5.0);
  EXPECT_EQ(summary[2].pain_max, 6);
  EXPECT_EQ(summary[2].pain_entries, 2);
  EXPECT_EQ(summary[2].walk_minutes, 20);
}

TEST(DaySummaryTest, CountsAnEntryOnTheLocalDayItWasRecorded) {
  // 23:30 UTC is already tomorrow at +01:00.
  const Instant late = kNoon + hours{11} + std::chrono::minutes{30};
  const auto today = std::chrono::floor<days>(to_local(kNoon, std::chrono::seconds{0}));
  const std::vector<Entry> entries = {pain_at(late, 3, hours{1})};
  const auto summary = summarize_days(entries, today, today + days{1});
  EXPECT_EQ(summary[0].pain_entries, 0);
  EXPECT_EQ(summary[1].pain_entries, 1);
}

TEST(DaySummaryTest, DrawsASparklineWithGaps) {
  const std::vector<std::optional<double>> values = {0.0, std::nullopt, 10.0, 5.0};
  EXPECT_EQ(sparkline(values), "▁ █▅");
}

}  // namespace
}  // namespace limber::core
