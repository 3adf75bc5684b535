#include "cli/safety_text.h"

#include <algorithm>

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

std::string safety_words(const app::Standing& standing, const store::Screening* this_check) {
  std::string words = core::advice(standing.assessment);
  if (this_check != nullptr && earlier_signs_count(standing, *this_check)) {
    words +=
        "\nSome of these signs come from an earlier check. They count until a clinician has "
        "seen you.";
  }
  switch (standing.assessment.level) {
    case core::Level::kEmergency:
    case core::Level::kUrgent:
      words +=
          "\n\nlimber's exercise plans are paused. When a clinician has seen you, record it: "
          "limber check --seen-clinician";
      if (this_check != nullptr) {
        words +=
            "\nIf you pressed the wrong answer, take the check again as a correction: limber "
            "check --correct (both checks are kept).";
      }
      break;
    case core::Level::kSeeClinician:
      words += "\n\nAfter the visit, record it: limber check --seen-clinician";
      break;
    case core::Level::kSelfCare:
      break;
  }
  return words;
}

nlohmann::json safety_json(const app::Standing& standing, std::string_view words) {
  const auto& visit = standing.last_visit;
  return {{"level", std::string(core::to_string(standing.assessment.level))},
          {"flags", app::to_json(std::span<const core::Flag>(standing.assessment.flags))},
          {"advice", std::string(words)},
          {"plans_paused", standing.plans_paused()},
          {"seen_clinician",
           visit ? nlohmann::json(core::format_iso(visit->at, visit->utc_offset)) : nullptr}};
}

}  // namespace limber::cli
