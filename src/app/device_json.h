// A paired phone as JSON, the same for `limber devices --json` and GET /api/devices:
// {"name", "paired_at", "last_seen"}, times in ISO 8601 with the local offset (null when
// never seen). The secret's hash is never shown.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "store/device_store.h"

namespace limber::app {

nlohmann::json to_json(const store::DeviceRow& device);
nlohmann::json to_json(const std::vector<store::DeviceRow>& devices);

}  // namespace limber::app
