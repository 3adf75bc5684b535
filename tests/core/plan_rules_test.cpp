// The plan's rules (core/plan.h) on a small test catalog (support/test_catalog.h): phases,
// pacing, flares, pauses, new regions. What they say does not hang on the real catalog's
// content; the checks that do are in tests/app/plan_rules_test.cpp.
#include <gtest/gtest.h>

#include "core/plan.h"
#include "support/plan_days.h"
#include "support/test_catalog.h"

namespace limber::core {
namespace {

using testing::diary_day;
using testing::mentions;
using testing::pain_on;
using testing::session_on;

Plan plan_on(int on_day, const std::vector<Entry>& entries, PlanPreferences preferences = {},
             Level safety = Level::kSelfCare) {
  return testing::plan_on(testing::test_catalog(), on_day, entries, std::move(preferences), safety);
}

TEST(PlanRulesTest, PhaseFollowsMobilityCappedByPain) {
  struct Case {
    const char* name;
    std::optional<Mobility> mobility;
    int pain;
    Phase expected;
  };
  const std::vector<Case> cases = {
      {"cannot stand", Mobility::kLie, 8, Phase::kRest},
      {"stands, severe pain", Mobility::kStand, 9, Phase::kStand},
      {"walks, severe pain", Mobility::kWalk, 8, Phase::kStand},
      {"walks, moderate pain", Mobility::kWalk, 6, Phase::kWalk},
      {"moves, moderate pain", Mobility::kMove, 5, Phase::kWalk},
      {"moves, low pain", Mobility::kMove, 3, Phase::kMove},
      {"no mobility, high pain", std::nullopt, 7, Phase::kRest},
      {"no mobility, lower pain", std::nullopt, 5, Phase::kStand},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    // The same report every day for a week: enough days to climb one phase a day.
    std::vector<Entry> entries;
    entries.reserve(7);
    for (int d = 0; d < 7; ++d)
      entries.push_back(pain_on(d, c.pain, c.mobility));
    EXPECT_EQ(plan_on(6, entries).phase, c.expected);
  }
}

// Tip 2 with what `limber watch` saw: a stretch longer than today's limit is named.
TEST(PlanRulesTest, YesterdaysLongSittingIsNamedOnlyWhenOverTheLimit) {
  const std::vector<Entry> entries = {pain_on(0, 4, Mobility::kWalk),
                                      pain_on(1, 4, Mobility::kWalk)};
  const auto sitting_reasons = [&](std::optional<std::chrono::minutes> longest) {
    PlanInput input;
    input.today = diary_day(1);
    input.entries = entries;
    input.longest_sitting_yesterday = longest;
    const Plan plan = plan_day(input, testing::test_catalog());
    std::vector<std::string> found;
    for (const std::string& line : plan.keep_moving) {
      if (line.find("at a stretch yesterday") != std::string::npos)
        found.push_back(line);
    }
    return std::pair{found, plan.sitting_limit_minutes};
  };
  const auto [long_day, limit] = sitting_reasons(std::chrono::minutes{95});
  ASSERT_EQ(long_day.size(), 1U);
  EXPECT_NE(long_day[0].find("You sat 95 minutes"), std::string::npos) << long_day[0];
  EXPECT_NE(long_day[0].find(std::to_string(limit)), std::string::npos) << long_day[0];
  EXPECT_TRUE(sitting_reasons(std::chrono::minutes{limit}).first.empty());
  EXPECT_TRUE(sitting_reasons(std::nullopt).first.empty());
}

TEST(PlanRulesTest, AnEmptyDiaryStartsAtRest) {
  const Plan plan = plan_on(0, {});
  EXPECT_EQ(plan.phase, Phase::kRest);
  EXPECT_EQ(plan.session_minutes, 0);
  EXPECT_FALSE(plan.exercises.empty());
}

TEST(PlanRulesTest, ClimbsOnePhaseADayAndNeverJumps) {
  const std::vector<Entry> entries = {pain_on(0, 8, Mobility::kLie),
                                      pain_on(1, 4, Mobility::kMove)};
  EXPECT_EQ(plan_on(0, entries).phase, Phase::kRest);
  EXPECT_EQ(plan_on(1, entries).phase, Phase::kStand);
  EXPECT_EQ(plan_on(2, entries).phase, Phase::kWalk);
  EXPECT_EQ(plan_on(3, entries).phase, Phase::kMove);
}

TEST(PlanRulesTest, DropsAtOnceWhenThingsGetWorse) {
  std::vector<Entry> entries;
  entries.reserve(5);
  for (int d = 0; d < 5; ++d)
    entries.push_back(pain_on(d, 3, Mobility::kMove));
  entries.push_back(pain_on(5, 8, Mobility::kLie));
  EXPECT_EQ(plan_on(4, entries).phase, Phase::kMove);
  EXPECT_EQ(plan_on(5, entries).phase, Phase::kRest);
}

TEST(PlanRulesTest, LevelsUpAfterThreeCalmDaysUpToThePhaseCap) {
  std::vector<Entry> entries;
  entries.reserve(30);
  for (int d = 0; d < 30; ++d)
    entries.push_back(pain_on(d, 6, Mobility::kWalk));
  // Days 0-2 climb to walk; then a level every three calm days, at most 3 in walk.
  EXPECT_EQ(plan_on(2, entries).level, 1);
  EXPECT_EQ(plan_on(5, entries).level, 2);
  EXPECT_EQ(plan_on(8, entries).level, 3);
  EXPECT_EQ(plan_on(29, entries).level, rules_for(Phase::kWalk).max_level);
  EXPECT_GT(plan_on(8, entries).walk_minutes, plan_on(2, entries).walk_minutes);
  EXPECT_GT(plan_on(8, entries).session_minutes, plan_on(2, entries).session_minutes);
}

TEST(PlanRulesTest, ASessionThatRaisesPainStepsBackALevelTheNextDay) {
  std::vector<Entry> entries;
  entries.reserve(5);
  for (int d = 0; d < 5; ++d)
    entries.push_back(pain_on(d, 6, Mobility::kWalk));
  ASSERT_EQ(plan_on(3, entries).level, 2);  // walk from day 0, a level after 3 calm days
  entries.push_back(session_on(3, 4, 6));   // +2 after the session
  EXPECT_FALSE(plan_on(3, entries).flare);  // the plan reacts the next day, once
  const Plan plan = plan_on(4, entries);
  EXPECT_TRUE(plan.flare);
  EXPECT_EQ(plan.phase, Phase::kWalk);
  EXPECT_EQ(plan.level, 1);
  ASSERT_FALSE(plan.notices.empty());
  EXPECT_NE(plan.notices.front().find("from 4 to 6"), std::string::npos) << plan.notices.front();
  EXPECT_FALSE(plan_on(5, entries).flare);
}

TEST(PlanRulesTest, AFlareAtTheFirstLevelStepsBackAPhase) {
  std::vector<Entry> entries;
  entries.reserve(3);
  for (int d = 0; d < 3; ++d)
    entries.push_back(pain_on(d, 6, Mobility::kWalk));
  entries.push_back(session_on(0, 5, 6));  // +1: not a flare
  EXPECT_FALSE(plan_on(1, entries).flare);
  entries.push_back(session_on(1, 4, 7));
  const Plan plan = plan_on(2, entries);
  EXPECT_TRUE(plan.flare);
  EXPECT_EQ(plan.phase, Phase::kStand);
  EXPECT_EQ(plan_on(3, entries).phase, Phase::kStand);  // not straight back up after a flare
  EXPECT_EQ(plan_on(4, entries).phase, Phase::kWalk);
}

TEST(PlanRulesTest, AMorningTwoPointsAboveYesterdayIsAFlare) {
  std::vector<Entry> entries;
  entries.reserve(7);
  for (int d = 0; d < 7; ++d)
    entries.push_back(pain_on(d, 4, Mobility::kWalk, {Region::kLowerBack}, 15));
  entries.push_back(pain_on(7, 6, Mobility::kWalk, {Region::kLowerBack}, 8));
  const Plan morning = plan_on(7, entries);
  EXPECT_TRUE(morning.flare);
  // The same rise in the evening is a flare too (issue #12).
  entries.back() = pain_on(7, 6, Mobility::kWalk, {Region::kLowerBack}, 19);
  const Plan evening = plan_on(7, entries);
  EXPECT_TRUE(evening.flare);
  ASSERT_FALSE(evening.notices.empty());
  EXPECT_NE(evening.notices.front().find("from 4 to 6 (at 19:00)"), std::string::npos)
      << evening.notices.front();
  // One point is not.
  entries.back() = pain_on(7, 5, Mobility::kWalk, {Region::kLowerBack}, 19);
  EXPECT_FALSE(plan_on(7, entries).flare);
}

TEST(PlanRulesTest, ARiseDuringTheDayIsAFlareWhateverTheHour) {
  // Issue #12's two cases: 4 to 7 at 15:00 after carrying the shopping, and 2 to 8.
  for (const auto& [low, high] : {std::pair{4, 7}, std::pair{2, 8}}) {
    SCOPED_TRACE(::testing::Message() << low << " to " << high);
    std::vector<Entry> entries;
    entries.reserve(5);
    for (int d = 0; d < 5; ++d)
      entries.push_back(pain_on(d, low, Mobility::kWalk, {Region::kLowerBack}, 9));
    EXPECT_FALSE(plan_on(5, entries).flare);
    entries.push_back(pain_on(5, low, Mobility::kWalk, {Region::kLowerBack}, 9));
    entries.push_back(pain_on(5, high, Mobility::kWalk, {Region::kLowerBack}, 15));
    const Plan plan = plan_on(5, entries);
    EXPECT_TRUE(plan.flare);
    EXPECT_EQ(plan.level, 1);
  }
}

TEST(PlanRulesTest, NothingIsPlannedWhileAnUrgentOrEmergencyResultStands) {
  const std::vector<Entry> entries = {pain_on(0, 4, Mobility::kWalk)};
  for (Level level : {Level::kUrgent, Level::kEmergency}) {
    const Plan plan = plan_on(0, entries, {}, level);
    EXPECT_TRUE(plan.paused);
    EXPECT_TRUE(plan.exercises.empty());
    EXPECT_EQ(plan.walk_minutes, 0);
  }
  EXPECT_FALSE(plan_on(0, entries, {}, Level::kSeeClinician).paused);
}

TEST(PlanRulesTest, LowFunctionScoresHoldThePlanAtWalk) {
  std::vector<Entry> entries;
  entries.reserve(6);
  for (int d = 0; d < 6; ++d)
    entries.push_back(pain_on(d, 2, Mobility::kMove));
  PlanInput input;
  input.today = diary_day(5);
  input.entries = entries;
  EXPECT_EQ(plan_day(input, testing::test_catalog()).phase, Phase::kMove);
  input.function = {2, 4.0, 1.0, diary_day(5)};
  EXPECT_EQ(plan_day(input, testing::test_catalog()).phase, Phase::kWalk);
}

TEST(PlanRulesTest, EveryReasonNamesATip) {
  std::vector<Entry> entries = {pain_on(0, 6, Mobility::kWalk, {Region::kNeck})};
  const Plan plan = plan_on(0, entries, {{Style::kYoga}, {}, {}});
  ASSERT_FALSE(plan.reasons.empty());
  for (const Reason& reason : plan.reasons) {
    EXPECT_FALSE(reason.text.empty());
    EXPECT_NE(tip_name(reason.tip).find("Tip"), std::string::npos);
  }
}

// Issue #12, item 10: a region is new from the episode's first days, not after a week.
TEST(PlanRulesTest, ARegionIsNewWhenItFirstAppearsInTheEpisode) {
  std::vector<Entry> entries = {
      pain_on(0, 6, Mobility::kStand, {Region::kLowerBack, Region::kRightHip})};
  EXPECT_TRUE(plan_on(0, entries).notices.empty()) << "the first day's places are the start";
  entries.push_back(pain_on(2, 6, Mobility::kStand, {Region::kLowerBack, Region::kNeck}));
  const auto is_new = [](const Plan& plan, std::string_view name) {
    return std::any_of(plan.notices.begin(), plan.notices.end(), [&](const std::string& n) {
      return n.find("New this week") != std::string::npos && n.find(name) != std::string::npos;
    });
  };
  EXPECT_TRUE(is_new(plan_on(2, entries), "neck"));
  EXPECT_FALSE(is_new(plan_on(2, entries), "hip"));
  EXPECT_TRUE(is_new(plan_on(8, entries), "neck"));
  EXPECT_FALSE(is_new(plan_on(9, entries), "neck")) << "a week later it is no longer new";
}

// Issue #20, item 3: nine silent days unlocked the hardest exercises.
TEST(PlanRulesTest, DaysWithoutAnEntryHoldTheLevel) {
  std::vector<Entry> entries;
  entries.reserve(3);
  for (int d = 0; d < 3; ++d)
    entries.push_back(pain_on(d, 3, Mobility::kMove));
  const Plan logged = plan_on(2, entries);
  const Plan silent = plan_on(11, entries);
  EXPECT_EQ(silent.phase, logged.phase);
  EXPECT_EQ(silent.level, logged.level);
  EXPECT_TRUE(mentions(silent, "for 9 days")) << "the plan says why it holds";
  EXPECT_FALSE(mentions(logged, "not with silence"));
  // Logging again resumes the climb: three calm logged days raise the level.
  for (int d = 12; d < 15; ++d)
    entries.push_back(pain_on(d, 3, Mobility::kMove));
  EXPECT_GT(plan_on(14, entries).level, logged.level);
}

// Issue #12, item 4: a flare is said, advised on for 48 hours, counted, and a big jump
// offers the safety check again.
TEST(PlanRulesTest, AFlareBringsTwoDaysOfAdviceAndABigJumpOffersTheCheck) {
  std::vector<Entry> entries;
  entries.reserve(5);
  for (int d = 0; d < 5; ++d)
    entries.push_back(pain_on(d, 2, Mobility::kWalk));
  EXPECT_FALSE(plan_on(4, entries).days_since_flare.has_value());
  entries.push_back(pain_on(5, 2, Mobility::kWalk, {Region::kLowerBack}, 9));
  entries.push_back(pain_on(5, 8, Mobility::kWalk, {Region::kLowerBack}, 16));  // "sharp again"
  for (int d = 6; d < 10; ++d)
    entries.push_back(pain_on(d, 4, Mobility::kWalk));
  const Plan flare = plan_on(5, entries);
  EXPECT_TRUE(flare.flare);
  EXPECT_EQ(flare.days_since_flare, 0);
  EXPECT_FALSE(flare.flare_advice.empty());
  EXPECT_TRUE(flare.offer_check);
  for (const std::string& advice : flare.flare_advice) {
    EXPECT_EQ(advice.find(" mg"), std::string::npos) << "no doses: " << advice;
  }
  const Plan next = plan_on(6, entries);
  EXPECT_EQ(next.days_since_flare, 1);
  EXPECT_FALSE(next.flare_advice.empty()) << "48 hours";
  const Plan later = plan_on(7, entries);
  EXPECT_EQ(later.days_since_flare, 2);
  EXPECT_TRUE(later.flare_advice.empty());
  EXPECT_FALSE(later.offer_check);
  // A rise of 2 or 3 is a flare without the check.
  entries = {pain_on(0, 4, Mobility::kWalk, {Region::kLowerBack}, 9),
             pain_on(0, 7, Mobility::kWalk, {Region::kLowerBack}, 15)};
  EXPECT_TRUE(plan_on(0, entries).flare);
  EXPECT_FALSE(plan_on(0, entries).offer_check);
}

}  // namespace
}  // namespace limber::core
