#include "app/screening_json.h"

#include <string>

#include <nlohmann/json.hpp>

#include "core/time_parse.h"

namespace limber::app {

nlohmann::json to_json(std::span<const core::Flag> flags) {
  nlohmann::json ids = nlohmann::json::array();
  for (const core::Flag flag : flags)
    ids.push_back(std::string(core::to_string(flag)));
  return ids;
}

nlohmann::json to_json(const store::Screening& screening) {
  nlohmann::json answers = nlohmann::json::object();
  for (const core::Answer& answer : screening.answers) {
    answers[std::string(core::to_string(answer.flag))] = answer.yes;
  }
  return {{"id", screening.id},
          {"at", core::format_iso(screening.at, screening.utc_offset)},
          {"level", std::string(core::to_string(screening.level))},
          {"flags", to_json(std::span<const core::Flag>(screening.flags))},
          {"answers", answers},
          {"corrects", screening.corrects ? nlohmann::json(*screening.corrects) : nullptr}};
}

std::string_view gate_name(Gate gate) {
  switch (gate) {
    case Gate::kNeedsScreen:
      return "needs-check";
    case Gate::kPaused:
      return "paused";
    case Gate::kOpen:
      return "open";
  }
  return "needs-check";
}

nlohmann::json safety_json(const Standing& standing, std::string_view advice,
                           std::string_view next) {
  const auto& visit = standing.last_visit;
  return {{"gate", std::string(gate_name(standing.gate()))},
          {"level", std::string(core::to_string(standing.assessment.level))},
          {"flags", to_json(std::span<const core::Flag>(standing.assessment.flags))},
          {"advice", std::string(advice)},
          {"next", std::string(next)},
          {"plans_paused", standing.plans_paused()},
          {"seen_clinician",
           visit ? nlohmann::json(core::format_iso(visit->at, visit->utc_offset)) : nullptr}};
}

}  // namespace limber::app
