#include "app/entry_json.h"

#include "core/time_parse.h"

namespace limber::app {

nlohmann::json to_json(const core::Entry& entry) {
  nlohmann::json out = {
      {"id", entry.id},
      {"kind", core::to_string(entry.kind())},
      {"at", core::format_iso(entry.at, entry.utc_offset)},
  };
  if (const auto* pain = std::get_if<core::PainRecord>(&entry.detail)) {
    out["pain"] = pain->pain.value();
    out["pain_words"] = pain->pain.words();
    auto regions = nlohmann::json::array();
    for (const core::RegionRating& rating : pain->regions) {
      nlohmann::json region = {{"region", core::to_string(rating.region)},
                               {"name", core::info(rating.region).display}};
      if (rating.pain)
        region["pain"] = rating.pain->value();
      regions.push_back(std::move(region));
    }
    out["regions"] = std::move(regions);
    out["mobility"] =
        pain->mobility ? nlohmann::json(core::to_string(*pain->mobility)) : nlohmann::json(nullptr);
  } else if (const auto* relief = std::get_if<core::ReliefRecord>(&entry.detail)) {
    out["relief"] = core::to_string(relief->kind);
    out["name"] = relief->name;
  } else if (const auto* walk = std::get_if<core::WalkRecord>(&entry.detail)) {
    out["minutes"] = walk->minutes;
  } else if (const auto* session = std::get_if<core::SessionRecord>(&entry.detail)) {
    out["exercises"] = session->exercises;
    out["pain_before"] = session->pain_before.value();
    out["pain_after"] = session->pain_after.value();
    out["minutes"] = session->minutes;
  }
  out["note"] = entry.note;
  return out;
}

nlohmann::json to_json(std::span<const core::Entry> entries) {
  auto out = nlohmann::json::array();
  for (const core::Entry& entry : entries)
    out.push_back(to_json(entry));
  return out;
}

}  // namespace limber::app
