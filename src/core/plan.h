// Today's plan: what to do, how much, and why, from the diary alone. The article's five
// tips made into rules (docs/clinical-basis.md names the source of each):
//   1 slow down: a phase from what the person can do, pacing, flares step back;
//   2 keep moving: a sitting limit and a walking goal;
//   3 posture and abs: a daily posture routine;
//   4 full-body exercise: from `walk` on, a short session in the chosen styles;
//   5 related pains: regions beyond the back add gentle work there.
// Pure: the same diary, inputs and day always give the same plan. Every number it decides by
// is in core/plan_rules.h, one function per tip in core/plan_tip*.cpp.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/entry.h"
#include "core/exercise.h"
#include "core/plan_rules.h"
#include "core/red_flags.h"

namespace limber::core {

enum class Tip { kSlowDown = 1, kKeepMoving, kPostureAndAbs, kFullBody, kRelatedPains };

// "Tip 1, slow down"
std::string tip_name(Tip tip);

struct Reason {
  Tip tip = Tip::kSlowDown;
  std::string text;  // one sentence or two, plain words
};

struct PlanPreferences {
  std::vector<Style> styles;  // the styles the person enjoys; empty means basics only
  std::vector<Muscle> weak;   // to strengthen
  std::vector<Muscle> tight;  // to relax
};

// The Patient-Specific Functional Scale, summarized (0 unable .. 10 as before).
struct FunctionSummary {
  int activities = 0;            // activities named, up to three
  std::optional<double> score;   // mean of the latest ratings
  std::optional<double> change;  // since the first ratings of the episode
  std::optional<std::chrono::local_days> last_rated;
};

// What the last episode teaches: how long it took, what the person used.
struct PreviousEpisode {
  int days = 0;
  std::vector<std::string> helped;  // plain words: "heat", "Cat and cow"
};

struct PlanInput {
  std::chrono::local_days today;
  std::span<const Entry> entries;  // the current episode; entries after today are ignored
  Level safety = Level::kSelfCare;
  PlanPreferences preferences;
  FunctionSummary function;
  std::optional<PreviousEpisode> previous;
  // The longest stretch of sitting `limber watch` recorded the day before, if any.
  std::optional<std::chrono::minutes> longest_sitting_yesterday;
};

enum class Part { kPosture, kWarmUp, kMain, kCoolDown, kRelated };
std::string_view to_string(Part part);

struct PlannedExercise {
  const Exercise* exercise = nullptr;
  Part part = Part::kMain;
  std::string reason;
};

// The limits of each phase (core/plan_rules.h).
const PhaseRules& rules_for(Phase phase);

// The daily posture routine of a phase (tip 3), gentlest first: catalog ids.
const std::vector<std::string_view>& posture_routine(Phase phase);

struct Plan {
  std::chrono::local_days day;
  Level safety = Level::kSelfCare;
  bool paused = false;  // an emergency or urgent result stands: nothing else is planned
  Phase phase = Phase::kRest;
  int level = 1;
  int day_of_episode = 1;
  bool flare = false;
  int sitting_limit_minutes = 0;
  int walk_minutes = 0;
  // The session's length: its warm-up, main part and cool-down, as planned. The guided
  // session and the calendar use the same number.
  int session_minutes = 0;
  std::vector<std::string> keep_moving;    // tip 2 in a sentence or two that fit the phase
  std::vector<PlannedExercise> exercises;  // posture routine first, then the session
  std::vector<Reason> reasons;
  std::vector<std::string> notices;       // things to point out: a flare, a new region, a prompt
  std::optional<int> days_since_flare;    // since the episode's last flare (0: today)
  std::vector<std::string> flare_advice;  // for two days after a flare: what helps
  bool offer_check = false;               // pain jumped by kCheckAgainPoints or more: check again
  // Leg pain was logged this week without saying whether it shoots, tingles or goes below
  // the knee; until it is said, no exercise that pulls on a nerve is planned.
  bool ask_leg_pain = false;
  // The activities of the functional scale are due a rating (kFunctionPromptDays): each
  // shell says where to rate them.
  bool ask_ratings = false;
};

// The plan for `input.today`. Exercises are drawn from `catalog`; the plan points into it,
// so the catalog must outlive the plan.
Plan plan_day(const PlanInput& input, const Catalog& catalog);

}  // namespace limber::core
