// Tip 2, keep moving: "resist the urge to lie down; don't stay seated for too long" (the
// article). The sitting limit and walking goal of the phase (core/plan_rules.h).
#include <fmt/format.h>

#include "core/plan_tips.h"

namespace limber::core {
namespace {

// Tip 2 in the words of the phase: lying down all day is what to avoid at first, so the
// rest phase asks for changes of position and supported steps, not walks (issue #12).
std::vector<std::string> keep_moving_lines(const Plan& plan) {
  if (plan.phase == Phase::kRest) {
    return {fmt::format("Change position at least every {} minutes: lie, sit, stand, a few "
                        "steps.",
                        plan.sitting_limit_minutes),
            fmt::format("When you are ready, take short supported steps, holding a counter or a "
                        "wall: up to {} minutes in all today.",
                        plan.walk_minutes)};
  }
  return {fmt::format("Stand up and move at least every {} minutes.", plan.sitting_limit_minutes),
          fmt::format("Walk about {} minutes today, in short {}bouts on even ground.",
                      plan.walk_minutes, plan.phase == Phase::kStand ? "slow " : "")};
}

}  // namespace

void keep_moving(const PlanContext& context, Plan& plan) {
  const PhaseRules& rules = rules_for(plan.phase);
  plan.sitting_limit_minutes = rules.sitting_limit_minutes;
  plan.walk_minutes = rules.walk_minutes + rules.walk_step_minutes * (plan.level - 1);
  plan.keep_moving = keep_moving_lines(plan);
  plan.reasons.push_back(
      {Tip::kKeepMoving,
       plan.phase == Phase::kRest
           ? "Lying down all day makes a back stiffer: change position often and take a few "
             "steps when you can. Keeping active, as far as the pain allows, helps a little "
             "more than bed rest (NICE NG59; Cochrane review, Dahm 2010)."
           : "Short, frequent bouts of movement keep a back from stiffening. Keeping active, "
             "as far as the pain allows, helps a little more than bed rest (NICE NG59; "
             "Cochrane review, Dahm 2010)."});
  const auto& sat = context.input.longest_sitting_yesterday;
  if (sat && sat->count() > plan.sitting_limit_minutes) {
    plan.keep_moving.push_back(
        fmt::format("You sat {} minutes at a stretch yesterday, longer than today's {}: when "
                    "the reminder comes, stand up then, even for a minute.",
                    sat->count(), plan.sitting_limit_minutes));
  }
}

}  // namespace limber::core
