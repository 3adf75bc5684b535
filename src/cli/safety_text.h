// How a safety result reads in a terminal, and the same words in JSON: "advice" in the
// JSON is exactly the text shown. Internal to cli/.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/screening.h"
#include "store/screening_store.h"

namespace limber::cli {

// The core's advice for what counts now, then what it means for limber's plans and how
// to record a clinician visit. `this_check` is the check just run, or null; when signs
// from earlier checks still count, the words say so. No trailing newline.
std::string safety_words(const app::Standing& standing, const store::Screening* this_check);

// {"level", "flags", "advice": words, "plans_paused", "seen_clinician": ISO 8601 or null}
nlohmann::json safety_json(const app::Standing& standing, std::string_view words);

}  // namespace limber::cli
