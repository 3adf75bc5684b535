#include "core/progress.h"

#include <gtest/gtest.h>

#include "support/entries.h"

namespace limber::core {
namespace {

using std::chrono::days;
using testing::october_day;

Entry pain(int on_day, int value, std::initializer_list<Region> regions = {Region::kLowerBack}) {
  return testing::pain_entry(testing::at_hour(october_day(on_day), 9), value,
                             testing::unrated(regions));
}

TEST(ProgressTest, ShowsTheChangeSinceTheEpisodeBeganAndASevenDayLine) {
  std::vector<Entry> entries;
  for (int d = 0; d < 21; ++d)
    entries.push_back(pain(d, std::max(1, 8 - d / 3)));
  const Progress p = progress(entries, october_day(7), october_day(20));
  ASSERT_EQ(p.days.size(), 14U);
  ASSERT_TRUE(p.start_pain.has_value());
  EXPECT_DOUBLE_EQ(*p.start_pain, 8.0);  // days 0-2, before the period: still the start
  ASSERT_TRUE(p.recent_pain.has_value());
  EXPECT_LT(*p.recent_pain, 3.0);
  EXPECT_LT(*p.change(), -5.0);
  // The 7-day line at the first day of the period already covers six days before it.
  EXPECT_TRUE(p.days.front().pain_7day.has_value());
}

TEST(ProgressTest, CountsRegionsPerWeekEndingToday) {
  const std::vector<Entry> entries = {pain(0, 5, {Region::kNeck}), pain(13, 5, {Region::kNeck}),
                                      pain(13, 5, {Region::kNeck, Region::kLeftThigh})};
  const Progress p = progress(entries, october_day(0), october_day(13));
  ASSERT_EQ(p.weeks.size(), 2U);
  EXPECT_EQ(p.weeks.front(), october_day(0));
  ASSERT_EQ(p.regions.size(), 2U);
  EXPECT_EQ(p.regions[0].region, Region::kNeck);
  EXPECT_EQ(p.regions[0].entries_per_week, (std::vector<int>{1, 2}));
  EXPECT_EQ(p.regions[1].entries_per_week, (std::vector<int>{0, 1}));
}

TEST(ProgressTest, CountsWalksSessionsAndFlares) {
  const Entry walk = testing::walk_entry(testing::at_hour(october_day(1), 10), 20);
  const Entry calm =
      testing::session_entry(testing::at_hour(october_day(2), 10), 4, 3, {"yoga-cat-cow"}, 12);
  const Entry flare = testing::session_entry(calm.at, 3, 6, {"yoga-cat-cow"}, 8);
  const std::vector<Entry> entries = {walk, calm, flare};
  const Progress p = progress(entries, october_day(0), october_day(6));
  EXPECT_EQ(p.walks, 1);
  EXPECT_EQ(p.walk_minutes, 20);
  EXPECT_EQ(p.sessions, 2);
  EXPECT_EQ(p.session_minutes, 20);
  EXPECT_EQ(p.flares, 1);
  EXPECT_FALSE(p.change().has_value());
}

// Issue 15: `progress --tag X` counts only the entries tagged X, and lists every tag of the
// period with its count, whatever the filter.
TEST(ProgressTest, ATagFilterCountsOnlyTheEntriesTaggedWithIt) {
  const std::vector<Entry> entries = {
      testing::tagged(pain(1, 7), {"lifting"}), testing::tagged(pain(2, 3), {"gardening"}),
      testing::tagged(pain(3, 6), {"lifting", "long-drive"}),
      testing::tagged(testing::walk_entry(testing::at_hour(october_day(3), 10), 20), {"gardening"}),
      pain(4, 2)};
  const Progress all = progress(entries, october_day(0), october_day(6));
  EXPECT_FALSE(all.tag.has_value());
  EXPECT_EQ(all.walks, 1);
  EXPECT_EQ(all.tags, (std::vector<TagCount>{{"gardening", 2}, {"lifting", 2}, {"long-drive", 1}}));

  const Progress lifting = progress(entries, october_day(0), october_day(6), "lifting");
  EXPECT_EQ(lifting.tag, "lifting");
  EXPECT_EQ(lifting.tags, all.tags);
  EXPECT_EQ(lifting.walks, 0);
  EXPECT_EQ(lifting.days[1].summary.pain_mean, 7.0);
  EXPECT_EQ(lifting.days[3].summary.pain_mean, 6.0);
  EXPECT_FALSE(lifting.days[2].summary.pain_mean.has_value());
  EXPECT_FALSE(lifting.days[4].summary.pain_mean.has_value());
  EXPECT_EQ(lifting.regions.front().entries_per_week, std::vector<int>{2});
}

}  // namespace
}  // namespace limber::core
