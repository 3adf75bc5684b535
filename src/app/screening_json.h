// The safety record as JSON, one mapping for every shell (CLI --json, the web API later).
#pragma once

#include <span>

#include <nlohmann/json_fwd.hpp>

#include "app/screening.h"
#include "core/red_flags.h"
#include "store/screening_store.h"

namespace limber::app {

// ["bladder", "fever"]
nlohmann::json to_json(std::span<const core::Flag> flags);

// {"id", "at" (ISO 8601 with its offset), "level", "flags": [ids that counted],
//  "answers": {"<id>": true|false for each question asked}}
nlohmann::json to_json(const store::Screening& screening);

// "needs-check", "paused" or "open".
std::string_view gate_name(Gate gate);

// The standing safety result, the same keys for `limber --json` and the API:
// {"gate", "level", "flags", "advice", "next", "plans_paused", "seen_clinician": ISO 8601 or
// null}. `advice` and `next` are the shell's words (a terminal names a command, the page a
// button); the shape is one.
nlohmann::json safety_json(const Standing& standing, std::string_view advice,
                           std::string_view next);

}  // namespace limber::app
