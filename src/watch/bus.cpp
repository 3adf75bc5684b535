#include "watch/bus.h"

#include <cstring>

#include <fmt/format.h>

namespace limber::watch {

namespace {

core::Result<Bus> open_bus(int (*opener)(sd_bus**), const char* which) {
  sd_bus* raw = nullptr;
  const int r = opener(&raw);
  if (r < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("cannot reach the {} bus: {}", which, errno_text(r)));
  }
  Bus bus(raw);
  // A short method timeout: a hung notification server must not stall the timer for long.
  (void)sd_bus_set_method_call_timeout(bus.get(), 5'000'000);
  return bus;
}

}  // namespace

std::string BusError::message(int code) const {
  if (error_.message != nullptr)
    return error_.message;
  if (error_.name != nullptr)
    return error_.name;
  return errno_text(code);
}

std::string errno_text(int negative_errno) {
  return std::strerror(-negative_errno);
}

core::Result<Bus> open_session_bus() {
  return open_bus(sd_bus_open_user, "session");
}

core::Result<Bus> open_system_bus() {
  return open_bus(sd_bus_open_system, "system");
}

}  // namespace limber::watch
