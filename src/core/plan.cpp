// plan_day(): the five tips in order (core/plan_tips.h), each in its own file
// (core/plan_tip*.cpp), with the numbers in core/plan_rules.h.
#include "core/plan.h"

#include <array>

#include <fmt/format.h>

#include "core/plan_tips.h"

namespace limber::core {

std::string tip_name(Tip tip) {
  static constexpr std::array<std::string_view, 5> kNames = {
      "slow down", "keep moving", "posture and abs", "full-body exercise", "related pains"};
  return fmt::format("Tip {}, {}", static_cast<int>(tip),
                     kNames.at(static_cast<std::size_t>(tip) - 1));
}

std::string_view to_string(Part part) {
  static constexpr std::array<std::string_view, 5> kNames = {"posture", "warm-up", "main",
                                                             "cool-down", "related"};
  return kNames.at(static_cast<std::size_t>(part));
}

const PhaseRules& rules_for(Phase phase) {
  return kPhaseRules.at(static_cast<std::size_t>(phase));
}

Plan plan_day(const PlanInput& input, const Catalog& catalog) {
  Plan plan;
  plan.day = input.today;
  plan.safety = input.safety;
  if (input.safety == Level::kEmergency || input.safety == Level::kUrgent) {
    plan.paused = true;  // the check's advice comes first; nothing else is planned
    return plan;
  }
  const DiaryDays diary = group_by_day(input.entries, input.today);
  PhaseState state = replay(diary, input.today);
  const std::optional<Reason> held = hold_for_function(input.function, state);
  const PlanContext context{input, diary, state};

  slow_down(context, held, plan);
  keep_moving(context, plan);
  // Read before any exercise is chosen: the composer favours what eases these places.
  const RelatedPains related = read_related_pains(diary, input.today);
  plan.ask_leg_pain = related.ask_leg_pain;
  Composer composer(input, catalog, plan.phase, plan.level, related.beyond_back,
                    related.spare_nerves);
  posture_and_abs(catalog, composer, plan);
  full_body(context, composer, plan);
  related_pains(context, related, composer, plan);
  ask_for_ratings(input.function, input.today, plan);
  plan.exercises = composer.take();
  return plan;
}

}  // namespace limber::core
