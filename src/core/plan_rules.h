// Every number today's plan decides by, in one place for a clinician to review. The rows
// mirror docs/clinical-basis.md, "The plan's numbers", which says where each comes from;
// tests/core/plan_numbers_test.cpp reads that page and fails when the two differ. Most of the
// numbers are limber's own reading: no guideline gives minutes (the page says which).
#pragma once

#include <array>
#include <string_view>

#include "core/exercise.h"

namespace limber::core {

// The limits of each phase (docs/clinical-basis.md, "Phases and pacing").
struct PhaseRules {
  Phase phase;
  int max_level;              // the highest exercise level the phase ever allows
  int sitting_limit_minutes;  // stand up and move at least this often (tip 2)
  int walk_minutes;           // the day's walking goal at level 1 (tip 2)
  int walk_step_minutes;      // added per level
  int session_minutes;        // 0: no full-body session yet (tip 4)
  int session_step_minutes;   // added per level
};

// One row per phase, in the order of `Phase`.
inline constexpr std::array<PhaseRules, 4> kPhaseRules = {{
    {Phase::kRest, 1, 20, 5, 0, 0, 0},
    {Phase::kStand, 2, 30, 10, 5, 0, 0},
    {Phase::kWalk, 3, 40, 15, 5, 10, 5},
    {Phase::kMove, 5, 50, 25, 5, 15, 5},
}};

// Tip 1, slow down: how the phase and level move.
inline constexpr int kPainAtMostStand = 8;        // latest pain this or more: at most `stand`
inline constexpr int kPainAtMostWalk = 5;         // latest pain this or more: at most `walk`
inline constexpr int kPainRestWithoutReport = 7;  // no mobility said yet: `rest` from this pain
inline constexpr int kCalmDaysToLevelUp = 3;      // calm days at a level before the next
inline constexpr int kFlarePoints = 2;            // a rise this big is a flare
inline constexpr int kCheckAgainPoints = 4;       // a rise this big: take the safety check again
inline constexpr int kFlareAdviceDays = 2;        // the flare advice stands this long (48 hours)
inline constexpr int kFunctionReadyForMove = 6;   // PSFS mean below this holds the plan at `walk`
inline constexpr int kFunctionPromptDays = 7;     // ask for new PSFS ratings this often

// Tip 4, full-body exercise: how a session is put together.
inline constexpr int kWeakMuscleWeight = 3;        // per muscle marked weak that it strengthens
inline constexpr int kTightMuscleWeight = 3;       // per muscle marked tight that it relaxes
inline constexpr int kRelatedRegionWeight = 1;     // per region logged this week that it eases
inline constexpr int kAtLevelWeight = 1;           // at the level earned, not below it
inline constexpr int kWarmUpLevel = 1;             // the warm-up's level
inline constexpr int kWarmUpMaxMinutes = 3;        // the warm-up's longest
inline constexpr int kCoolDownMaxLevel = 2;        // the cool-down's highest level
inline constexpr int kCoolDownMaxMinutes = 4;      // the cool-down's longest
inline constexpr int kMainPartTurns = 12;          // the main part draws at most this many times
inline constexpr int kMainPartOverrunMinutes = 1;  // an exercise may pass the budget by this
inline constexpr int kLongTermPainDays = 12 * 7;   // beyond this the evidence text is the ACP's

// Tip 5, related pains.
inline constexpr int kRelatedPainDays = 7;  // "recent", and "new this week"

// Every number above by name, for the test that keeps docs/clinical-basis.md equal to it.
struct PlanNumber {
  std::string_view name;
  int value;
};
inline constexpr auto kPlanNumbers = std::to_array<PlanNumber>({
    {"kPainAtMostStand", kPainAtMostStand},
    {"kPainAtMostWalk", kPainAtMostWalk},
    {"kPainRestWithoutReport", kPainRestWithoutReport},
    {"kCalmDaysToLevelUp", kCalmDaysToLevelUp},
    {"kFlarePoints", kFlarePoints},
    {"kCheckAgainPoints", kCheckAgainPoints},
    {"kFlareAdviceDays", kFlareAdviceDays},
    {"kFunctionReadyForMove", kFunctionReadyForMove},
    {"kFunctionPromptDays", kFunctionPromptDays},
    {"kWeakMuscleWeight", kWeakMuscleWeight},
    {"kTightMuscleWeight", kTightMuscleWeight},
    {"kRelatedRegionWeight", kRelatedRegionWeight},
    {"kAtLevelWeight", kAtLevelWeight},
    {"kWarmUpLevel", kWarmUpLevel},
    {"kWarmUpMaxMinutes", kWarmUpMaxMinutes},
    {"kCoolDownMaxLevel", kCoolDownMaxLevel},
    {"kCoolDownMaxMinutes", kCoolDownMaxMinutes},
    {"kMainPartTurns", kMainPartTurns},
    {"kMainPartOverrunMinutes", kMainPartOverrunMinutes},
    {"kLongTermPainDays", kLongTermPainDays},
    {"kRelatedPainDays", kRelatedPainDays},
});

}  // namespace limber::core
