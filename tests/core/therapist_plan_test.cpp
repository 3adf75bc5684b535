// Issue 15: exercises from the person's therapist go through the plan's rules like every
// other: the phase and level allow them or not, and a red flag stops them too; the report
// says which were the therapist's.
#include <algorithm>

#include <gtest/gtest.h>

#include "core/plan.h"
#include "core/report.h"
#include "core/therapist_file.h"
#include "support/plan_days.h"
#include "support/test_catalog.h"
#include "support/therapist_file.h"

namespace limber::core {
namespace {

using testing::pain_on;

// The test catalog with two exercises from a therapist in yoga, a style the person did not
// choose: one for walking at level 1, one only at level 5.
const Catalog& catalog_with_therapist() {
  static const std::string kFile = testing::therapist_file(
      testing::therapist_exercise("yoga-towel-squeeze", "yoga", R"("walk", "move")", 1) + ",\n" +
          testing::therapist_exercise("yoga-hard-one", "yoga", R"("walk", "move")", 5),
      "yoga");
  static const Catalog kCatalog = [] {
    std::vector<CatalogFile> files(testing::test_catalog_files().begin(),
                                   testing::test_catalog_files().end());
    files.push_back({"therapist", kFile, true});
    auto parsed = Catalog::parse(files);
    EXPECT_TRUE(parsed.has_value()) << parsed.error().message;
    return parsed.value_or(Catalog{});
  }();
  return kCatalog;
}

bool planned(const Plan& plan, std::string_view id) {
  return std::any_of(plan.exercises.begin(), plan.exercises.end(),
                     [&](const PlannedExercise& p) { return p.exercise->id == id; });
}

std::vector<Entry> walking_week() {
  std::vector<Entry> entries;
  for (int d = 0; d < 7; ++d)
    entries.push_back(pain_on(d, 4, Mobility::kWalk));
  return entries;
}

TEST(TherapistPlanTest, ATherapistsExerciseOpensTheMainPartWhenThePhaseAndLevelAllowIt) {
  const Plan plan = testing::plan_on(catalog_with_therapist(), 6, walking_week());
  ASSERT_EQ(plan.phase, Phase::kWalk);
  ASSERT_LT(plan.level, 5);
  const auto main = std::find_if(plan.exercises.begin(), plan.exercises.end(),
                                 [](const PlannedExercise& p) { return p.part == Part::kMain; });
  ASSERT_NE(main, plan.exercises.end());
  EXPECT_EQ(main->exercise->id, "yoga-towel-squeeze");
  EXPECT_TRUE(main->exercise->from_therapist);
  EXPECT_TRUE(main->reason.starts_with("From your therapist.")) << main->reason;
  EXPECT_FALSE(planned(plan, "yoga-hard-one")) << "level 5 is beyond the level earned";
}

TEST(TherapistPlanTest, NotBeforeItsPhaseNorWhileARedFlagStands) {
  const std::vector<Entry> lying = {pain_on(0, 8, Mobility::kLie)};
  EXPECT_FALSE(planned(testing::plan_on(catalog_with_therapist(), 0, lying), "yoga-towel-squeeze"));
  for (Level level : {Level::kUrgent, Level::kEmergency}) {
    const Plan plan = testing::plan_on(catalog_with_therapist(), 6, walking_week(), {}, level);
    EXPECT_TRUE(plan.paused);
    EXPECT_TRUE(plan.exercises.empty());
  }
}

TEST(TherapistPlanTest, TheReportNamesATherapistsExerciseAsTheirs) {
  const std::vector<Entry> entries = {testing::session_entry(
      testing::at_hour(testing::diary_day(1), 18), 4, 3, {"yoga-towel-squeeze", "yoga-cat-cow"})};
  ReportInput input;
  input.from = testing::diary_day(0);
  input.to = testing::diary_day(6);
  input.entries = entries;
  input.catalog = &catalog_with_therapist();
  const Report report = build_report(input);
  ASSERT_EQ(report.sessions.size(), 1U);
  EXPECT_EQ(report.sessions[0].exercises,
            (std::vector<std::string>{"Towel squeeze (from your therapist)", "yoga-cat-cow"}));
}

}  // namespace
}  // namespace limber::core
