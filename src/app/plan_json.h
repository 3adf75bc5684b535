// Plans and exercises as JSON, one mapping for every shell (CLI --json, the web API).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "app/plan_service.h"
#include "core/exercise.h"
#include "core/plan.h"

namespace limber::app {

// {"id", "name", "style", "level", "minutes", "position", "phases", "summary", "dose",
//  "eases", "strengthens", "relaxes", "from_therapist" (added from the person's therapist's
//  file, issue 15)}; with `full`, also "steps", "cues", "stop_if".
nlohmann::json to_json(const core::Exercise& exercise, bool full);

// {"date", "phase", "level", "day_of_episode", "flare", "paused", "safety" (the level),
//  "sitting_limit_minutes", "walk_minutes", "session_minutes", "exercises" (each exercise
//  with "part" and "reason"), "reasons" ([{"tip", "tip_name", "text"}]), "notices"}
nlohmann::json to_json(const core::Plan& plan);

// {"styles", "weak", "tight"}: lists of ids.
nlohmann::json to_json(const core::PlanPreferences& preferences);

// {"number", "started": ISO 8601 with its offset, or null before the first new episode}
nlohmann::json to_json(const EpisodeRange& episode);

// {"activities": [names], "max_activities", "ratings": [{"name", "ratings": [{"at",
//  "score"}]}] (this episode, oldest first), "score", "change" (null until rated)}
nlohmann::json to_json(const FunctionScale& scale);

}  // namespace limber::app
