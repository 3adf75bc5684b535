// Requests to the API, read and validated once, at the boundary, into the core's types:
// anything a person or a script could get wrong comes back as kInvalidInput with one line
// saying what was wrong and how to fix it. Nothing here touches the diary, so a request
// that fails here has written nothing.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/entry.h"
#include "core/exercise.h"
#include "core/red_flags.h"
#include "core/result.h"

namespace limber::server {

// A request body that must be one JSON object. `example` is shown when it is not.
core::Result<nlohmann::json> parse_object(std::string_view body, std::string_view example);

// POST /api/entries. One of:
//   {"pain": 0-10, "regions": ["lower-back", "neck:3", {"region": "neck", "pain": 3}],
//    "mobility": "lie|stand|walk|move"}                         ("kind": "pain" optional)
//   {"kind": "relief", "relief": "medication|cream|heat|cold|other", "name": "..."}
//   {"kind": "walk", "minutes": 1-600}
//   {"kind": "session", "exercises": [catalog ids], "pain_before": 0-10,
//    "pain_after": 0-10, "minutes": 1-180}
// each with an optional "note", "client_id" (a device's id for the entry, such as a UUID:
// core::check_client_id) and "at" (ISO 8601, "yesterday 21:00", "2h ago"; not in the
// future; default now). Unknown fields are refused, with a "did you mean".
core::Result<core::Entry> entry_from_json(const nlohmann::json& body, const core::Now& now,
                                          const core::Catalog& catalog);

// POST /api/check: {"answers": {"bladder": false, "bowel": false, ...}}. Every question is
// answered true or false, in any order, except those after a "yes" that ends the
// questions (core::ends_questions). Returns the answers in asking order.
core::Result<std::vector<core::Answer>> answers_from_json(const nlohmann::json& body);

// PUT /api/preferences: {"styles": [...], "weak": [...], "tight": [...]}, each optional.
struct PreferencesChange {
  std::optional<std::vector<core::Style>> styles;
  std::optional<std::vector<core::Muscle>> weak;
  std::optional<std::vector<core::Muscle>> tight;
};
core::Result<PreferencesChange> preferences_from_json(const nlohmann::json& body);

// A whole-number query parameter such as ?days=N, between `min` and `max`; `fallback`
// when absent.
core::Result<int> int_param(std::optional<std::string_view> text, std::string_view name,
                            int fallback, int min, int max);

}  // namespace limber::server
