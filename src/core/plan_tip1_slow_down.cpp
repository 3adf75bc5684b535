// Tip 1, slow down: "be patient with yourself; it can take weeks" (the article). The phase
// and level come from plan_phase.cpp; this file says where the person is and why.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/display_names.h"
#include "core/plan_rules.h"
#include "core/plan_tips.h"

namespace limber::core {
namespace {

using std::chrono::days;

// What helps in the two days after a flare: no doses, nothing to buy.
std::vector<std::string> flare_advice() {
  return {
      "Keep moving gently: shorter walks, more often, and change position often. Resting in "
      "bed all day makes a back stiffer.",
      "Go back to what felt fine before the flare, and leave out what set it off for a day or "
      "two.",
      "Heat, or a cold pack wrapped in a cloth, may ease the pain: use what helped you before.",
      "Most flares settle within a day or two. If the pain keeps building, spreads down a "
      "leg, or comes with numbness, weakness or a change in your bladder or bowels, take the "
      "safety check again."};
}

void flares(const PhaseState& state, std::chrono::local_days today, Plan& plan) {
  if (state.last_flare)
    plan.days_since_flare = static_cast<int>((today - *state.last_flare).count());
  if (state.flare) {
    plan.reasons.push_back({Tip::kSlowDown, fmt::format("A flare: {}. Pain that rises after "
                                                        "activity is a sign to ease off, not to "
                                                        "stop.",
                                                        state.flare->reason)});
    plan.notices.push_back(fmt::format("Flare: {}.", state.flare->reason));
  }
  if (plan.days_since_flare && *plan.days_since_flare < kFlareAdviceDays) {
    plan.flare_advice = flare_advice();
    if (state.last_flare_detail && state.last_flare_detail->rise >= kCheckAgainPoints) {
      plan.offer_check = true;
      plan.notices.push_back(
          fmt::format("Your pain jumped from {} to {}. Take the safety check again, in case "
                      "something new needs a doctor.",
                      state.last_flare_detail->from, state.last_flare_detail->to));
    }
  }
}

}  // namespace

std::optional<Reason> hold_for_function(const FunctionSummary& function, PhaseState& state) {
  if (state.phase != Phase::kMove || function.activities == 0 || !function.score ||
      *function.score >= kFunctionReadyForMove) {
    return std::nullopt;
  }
  state.phase = Phase::kWalk;
  state.level = rules_for(Phase::kWalk).max_level;
  return Reason{Tip::kSlowDown,
                fmt::format("The activities you find hard score {:.1f}/10 so far: the plan keeps "
                            "building at walking, and moves on once they reach {}.",
                            *function.score, kFunctionReadyForMove)};
}

void slow_down(const PlanContext& context, const std::optional<Reason>& held, Plan& plan) {
  const PhaseState& state = context.state;
  plan.phase = state.phase;
  plan.level = state.level;
  plan.flare = state.flare.has_value();
  plan.day_of_episode = static_cast<int>((context.input.today - state.first_day).count()) + 1;
  plan.reasons.push_back(
      {Tip::kSlowDown, fmt::format("Today is day {} of this episode. Most back spasms ease over "
                                   "days to a few weeks, so the plan grows one calm day at a "
                                   "time.",
                                   plan.day_of_episode)});
  if (held)
    plan.reasons.push_back(*held);
  plan.reasons.push_back(
      {Tip::kSlowDown,
       fmt::format("Phase {} at level {}: {}.", phase_title(plan.phase), plan.level, state.why)});
  if (state.silent_days > 0 && !context.diary.empty()) {
    plan.reasons.push_back(
        {Tip::kSlowDown,
         fmt::format("Nothing is logged {}, so the level holds: it rises with calm days you "
                     "have logged, not with silence.",
                     state.silent_days == 1 ? std::string("today yet")
                                            : fmt::format("for {} days", state.silent_days))});
  }
  flares(state, context.input.today, plan);
  if (const auto& previous = context.input.previous) {
    std::string text = fmt::format("Last time your back took {} days to settle.", previous->days);
    if (!previous->helped.empty())
      text += fmt::format(" What you used then: {}.", fmt::join(previous->helped, ", "));
    plan.reasons.push_back({Tip::kSlowDown, std::move(text)});
  }
}

void ask_for_ratings(const FunctionSummary& function, std::chrono::local_days today, Plan& plan) {
  if (function.activities > 0 &&
      (!function.last_rated || *function.last_rated <= today - days{kFunctionPromptDays})) {
    plan.notices.emplace_back(
        "Time to rate the activities you find hard, each from 0 to 10: the ratings show how far "
        "you have come.");
    plan.ask_ratings = true;
  }
}

}  // namespace limber::core
