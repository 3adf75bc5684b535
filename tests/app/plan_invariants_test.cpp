// Invariants of the plan over many generated diaries (issue 4): never an exercise above the
// phase's levels, nothing at all while a red flag stands, the same diary and date always
// give the same plan.
#include <random>

#include <gtest/gtest.h>

#include "app/builtin_catalog.h"
#include "app/plan_json.h"
#include "core/plan.h"

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::local_days;

std::vector<Entry> random_diary(std::mt19937& random, local_days first, int length) {
  std::uniform_int_distribution<int> pain(0, 10);
  std::uniform_int_distribution<int> mobility(-1, 3);
  std::uniform_int_distribution<int> per_day(0, 3);
  std::uniform_int_distribution<int> hour(6, 22);
  std::uniform_int_distribution<int> region(0, 14);
  std::vector<Entry> entries;
  for (int d = 0; d < length; ++d) {
    const int count = per_day(random);
    for (int i = 0; i < count; ++i) {
      Entry entry;
      entry.id = static_cast<std::int64_t>(entries.size()) + 1;
      entry.at = Instant{(first + days{d} + std::chrono::hours{hour(random)}).time_since_epoch()};
      if (random() % 5 == 0) {
        entry.detail = SessionRecord{{"yoga-cat-cow"},
                                     *PainScore::from_int(pain(random)),
                                     *PainScore::from_int(pain(random)),
                                     10};
      } else {
        const int m = mobility(random);
        entry.detail =
            PainRecord{*PainScore::from_int(pain(random)),
                       {{static_cast<Region>(region(random)), std::nullopt}},
                       m < 0 ? std::nullopt : std::optional<Mobility>(static_cast<Mobility>(m))};
      }
      entries.push_back(std::move(entry));
    }
  }
  return entries;
}

TEST(PlanInvariantsTest, HoldOverGeneratedDiaries) {
  const Catalog catalog = *app::builtin_catalog();
  std::mt19937 random(20261121);
  const local_days first{std::chrono::year{2026} / std::chrono::January / 1};
  const std::vector<std::vector<Style>> style_choices = {
      {}, {Style::kYoga}, {Style::kBallet, Style::kPilates}, {Style::kCapoeira, Style::kFlamenco}};
  for (int run = 0; run < 300; ++run) {
    SCOPED_TRACE(run);
    const int length = 1 + static_cast<int>(random() % 60);
    const std::vector<Entry> entries = random_diary(random, first, length);
    PlanInput input;
    input.today = first + days{static_cast<int>(random() % static_cast<unsigned>(length + 3))};
    input.entries = entries;
    input.safety = static_cast<Level>(random() % 4);
    input.preferences.styles = style_choices.at(random() % style_choices.size());
    if (random() % 2 == 0)
      input.preferences.weak = {Muscle::kDeepAbs, Muscle::kGlutes};
    if (random() % 2 == 0)
      input.preferences.tight = {Muscle::kHipFlexors};

    const Plan plan = plan_day(input, catalog);
    if (input.safety >= Level::kUrgent) {
      EXPECT_TRUE(plan.paused);
      EXPECT_TRUE(plan.exercises.empty());
      EXPECT_EQ(plan.walk_minutes, 0);
      continue;
    }
    EXPECT_FALSE(plan.paused);
    EXPECT_GE(plan.level, 1);
    EXPECT_LE(plan.level, rules_for(plan.phase).max_level);
    EXPECT_GT(plan.sitting_limit_minutes, 0);
    EXPECT_GT(plan.walk_minutes, 0);
    EXPECT_EQ(plan.session_minutes > 0, plan.phase >= Phase::kWalk);
    for (const PlannedExercise& planned : plan.exercises) {
      SCOPED_TRACE(planned.exercise->id);
      EXPECT_LE(planned.exercise->level, plan.level);
      EXPECT_TRUE(planned.exercise->suits(plan.phase));
      EXPECT_FALSE(planned.reason.empty());
      if (plan.phase < Phase::kWalk) {
        EXPECT_TRUE(planned.part == Part::kPosture || planned.part == Part::kRelated);
      }
    }
    // Deterministic: the same inputs give the same plan, word for word.
    EXPECT_EQ(app::to_json(plan_day(input, catalog)), app::to_json(plan));
    // The order of the entries does not matter either.
    std::vector<Entry> reversed(entries.rbegin(), entries.rend());
    PlanInput shuffled = input;
    shuffled.entries = reversed;
    EXPECT_EQ(app::to_json(plan_day(shuffled, catalog)), app::to_json(plan));
  }
}

}  // namespace
}  // namespace limber::core
