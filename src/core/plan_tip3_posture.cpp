// Tip 3, posture and abs: "stand up straight using your abs; lie flat on your back to align
// your posture" (the article). A daily routine for the phase, gentlest first.
#include <map>

#include "core/plan_tips.h"

namespace limber::core {
namespace {

// Ids from data/exercises/basics.json; tests/app/plan_rules_test.cpp checks that each exists.
const std::map<Phase, std::vector<std::string_view>>& posture_routines() {
  static const std::map<Phase, std::vector<std::string_view>> kRoutines = {
      {Phase::kRest,
       {"basics-lie-flat", "basics-belly-breathing", "basics-drawing-in", "basics-log-roll",
        "basics-assisted-steps"}},
      {Phase::kStand,
       {"basics-stand-tall", "basics-wall-check", "basics-drawing-in", "basics-lie-flat"}},
      {Phase::kWalk, {"basics-wall-check", "basics-drawing-in"}},
      {Phase::kMove, {"basics-wall-check"}},
  };
  return kRoutines;
}

}  // namespace

const std::vector<std::string_view>& posture_routine(Phase phase) {
  return posture_routines().at(phase);
}

void posture_and_abs(const Catalog& catalog, Composer& composer, Plan& plan) {
  for (std::string_view id : posture_routine(plan.phase)) {
    const Exercise* exercise = catalog.find(id);
    if (exercise != nullptr && composer.allowed(*exercise))
      composer.add(*exercise, Part::kPosture, exercise->summary);
  }
  plan.reasons.push_back(
      {Tip::kPostureAndAbs,
       plan.phase == Phase::kRest
           ? "Lie on your back with your knees bent, or on your side with a pillow between your "
             "knees, to let tense muscles settle. It is a comfort position, not a cure, so get "
             "up and take a few steps when you can."
           : "Stand tall with your abs gently engaged and your shoulders over your hips. If "
             "your leg, hip or back muscles take over, relax them and let your abs do the "
             "work."});
}

}  // namespace limber::core
