#include "app/screening_json.h"

#include <string>

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

}  // namespace limber::app
