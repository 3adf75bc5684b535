// The article's five tips, one function each, in the order plan_day() calls them. Each adds
// its part of the plan and its reasons (tagged with the tip). Internal to the plan
// (core/plan*.cpp); the numbers they use are in core/plan_rules.h.
#pragma once

#include <optional>
#include <set>

#include "core/plan.h"
#include "core/plan_composer.h"
#include "core/plan_diary.h"
#include "core/plan_phase.h"

namespace limber::core {

// What every tip reads.
struct PlanContext {
  const PlanInput& input;
  const DiaryDays& diary;
  const PhaseState& state;
};

// Tip 1, slow down: with PSFS activities rated below kFunctionReadyForMove, `move` waits at
// the top of `walk`; returns the reason when it does.
std::optional<Reason> hold_for_function(const FunctionSummary& function, PhaseState& state);
// Tip 1: the day of the episode, the phase and level and why, silence, flares and the advice
// after them, the last episode. `held` is hold_for_function's reason.
void slow_down(const PlanContext& context, const std::optional<Reason>& held, Plan& plan);
// Tip 1, last of all: a notice when the PSFS activities are due a new rating.
void ask_for_ratings(const FunctionSummary& function, std::chrono::local_days today, Plan& plan);

// Tip 2, keep moving: the sitting limit, the walking goal and their words.
void keep_moving(const PlanContext& context, Plan& plan);

// Tip 3, posture and abs: the phase's posture routine.
void posture_and_abs(const Catalog& catalog, Composer& composer, Plan& plan);

// Tip 4, full-body exercise: from `walk` on, a warm-up, the main part, a cool-down.
void full_body(const PlanContext& context, Composer& composer, Plan& plan);

// Tip 5, related pains: what this week's diary says beyond the back, read before the
// exercises are chosen (the composer favours exercises that ease these places).
struct RelatedPains {
  std::set<Region> recent;       // every region logged in the last kRelatedPainDays days
  std::set<Region> beyond_back;  // of those, beyond the back and not "other"
  bool spare_nerves = false;     // leg pain that may be a nerve's: no nerve stretches
  bool ask_leg_pain = false;     // leg pain logged without saying whether it spreads
  bool leg_spreads = false;      // the person said it shoots, tingles or goes below the knee
};
RelatedPains read_related_pains(const DiaryDays& diary, std::chrono::local_days today);
// Tip 5: every place logged this week gets gentle work there, or a plain reason why not yet.
void related_pains(const PlanContext& context, const RelatedPains& related, Composer& composer,
                   Plan& plan);

}  // namespace limber::core
