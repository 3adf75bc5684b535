#include "app/device_json.h"

#include "app/local_time.h"
#include "core/time_parse.h"

namespace limber::app {
namespace {

std::string local_iso(core::Instant at) {
  return core::format_iso(at, utc_offset_at(at));
}

}  // namespace

nlohmann::json to_json(const store::DeviceRow& device) {
  return {{"name", device.name},
          {"paired_at", local_iso(device.paired_at)},
          {"last_seen", device.last_seen ? nlohmann::json(local_iso(*device.last_seen)) : nullptr}};
}

nlohmann::json to_json(const std::vector<store::DeviceRow>& devices) {
  nlohmann::json list = nlohmann::json::array();
  for (const store::DeviceRow& device : devices)
    list.push_back(to_json(device));
  return list;
}

}  // namespace limber::app
