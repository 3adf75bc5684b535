// Entries as JSON, one mapping for every shell (CLI --json, the web API later).
#pragma once

#include <span>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/entry.h"

namespace limber::app {

// {"id", "kind", "at" (ISO 8601 with the offset it was recorded in), "note", "tags" (a list,
//  maybe empty), and by kind:
//  pain: "pain", "pain_words", "regions": [{"region", "name", "pain"?}], "mobility"?;
//  relief: "relief", "name"; walk: "minutes";
//  session: "exercises", "pain_before", "pain_after", "minutes"}
nlohmann::json to_json(const core::Entry& entry);
nlohmann::json to_json(std::span<const core::Entry> entries);

// The same as to_json(entries).dump(), one entry per line, written directly: the fast path
// for a year of diary (`limber history --json`).
std::string to_json_text(std::span<const core::Entry> entries);

}  // namespace limber::app
