// Progress as JSON, for `limber progress --json` and the web API.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "core/plan.h"
#include "core/progress.h"

namespace limber::app {

// {"from", "to", "days": [{"date", "pain_mean", "pain_7day", "pain_entries", "walk_minutes",
//  "sessions", "session_minutes"}], "start_pain", "recent_pain", "change", "weeks",
//  "regions": [{"region", "name", "weeks"}], "walks", "walk_minutes", "sessions",
//  "session_minutes", "flares", "tag" (the filter, or null), "tags": [{"tag", "entries"}],
//  "function": {"activities", "score", "change"}}
nlohmann::json to_json(const core::Progress& progress, const core::FunctionSummary& function);

// "2026-11-21"
std::string iso_day(std::chrono::local_days day);

}  // namespace limber::app
