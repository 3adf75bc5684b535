#include "cli/safety_text.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/screening_json.h"
#include "core/time_parse.h"

namespace limber::cli {
namespace {

// True when a sign answered "yes" in an earlier check (not this one) still counts.
bool earlier_signs_count(const app::Standing& standing, const store::Screening& this_check) {
  const auto now_yes = core::present_flags(this_check.answers);
  return std::any_of(standing.since_visit.begin(), standing.since_visit.end(),
                     [&](const store::Screening& screening) {
                       if (screening.id == this_check.id)
                         return false;
                       const auto yes = core::present_flags(screening.answers);
                       return std::any_of(yes.begin(), yes.end(), [&](core::Flag flag) {
                         return std::find(now_yes.begin(), now_yes.end(), flag) == now_yes.end();
                       });
                     });
}

}  // namespace

std::string SafetyText::shown() const {
  if (next.empty())
    return advice;
  return advice + "\n\n" + next;
}

SafetyText safety_text(const app::Standing& standing, const store::Screening* this_check) {
  SafetyText text{core::advice(standing.assessment), {}};
  if (this_check != nullptr && earlier_signs_count(standing, *this_check)) {
    text.advice +=
        "\nSome of these signs come from an earlier check. They count until a clinician has "
        "seen you.";
  }
  switch (standing.assessment.level) {
    case core::Level::kEmergency:
    case core::Level::kUrgent:
      text.next =
          "limber's exercise plans are paused. When a clinician has seen you, record it: "
          "limber check --seen-clinician";
      if (this_check != nullptr) {
        text.next +=
            "\nIf you pressed the wrong answer, take the check again as a correction: limber "
            "check --correct (both checks are kept).";
      }
      break;
    case core::Level::kSeeClinician:
      text.next = "After the visit, record it: limber check --seen-clinician";
      break;
    case core::Level::kSelfCare:
      break;
  }
  return text;
}

nlohmann::json safety_json(const app::Standing& standing, const SafetyText& text) {
  return app::safety_json(standing, text.advice, text.next);
}

}  // namespace limber::cli
