// The safety record as JSON, one mapping for every shell (CLI --json, the web API later).
#pragma once

#include <span>

#include <nlohmann/json.hpp>

#include "core/red_flags.h"
#include "store/screening_store.h"

namespace limber::app {

// ["bladder", "fever"]
nlohmann::json to_json(std::span<const core::Flag> flags);

// {"id", "at" (ISO 8601 with its offset), "level", "flags": [ids that counted],
//  "answers": {"<id>": true|false for each question asked}}
nlohmann::json to_json(const store::Screening& screening);

}  // namespace limber::app
