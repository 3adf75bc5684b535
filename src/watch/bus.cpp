#include "watch/bus.h"

#include <cstring>

#include <fmt/format.h>

#include "watch/install.h"

namespace limber::watch {

namespace {

// `missing` says what to do, given why the bus could not be opened.
core::Result<Bus> open_bus(int (*opener)(sd_bus**), std::string (*missing)(const std::string&)) {
  sd_bus* raw = nullptr;
  const int r = opener(&raw);
  if (r < 0)
    return core::fail(core::ErrorCode::kIo, missing(errno_text(r)));
  Bus bus(raw);
  // A short method timeout: a hung notification server must not stall the timer for long.
  (void)sd_bus_set_method_call_timeout(bus.get(), 5'000'000);
  return bus;
}

// Said for a person who started it from a text console, over ssh or from cron.
std::string no_session_bus(const std::string& reason) {
  return fmt::format(
      "no desktop session bus was found ({}): limber watch needs to run inside a desktop "
      "session, or with DBUS_SESSION_BUS_ADDRESS set to that session's bus. To start it with "
      "your desktop, run 'limber watch --install' once in a terminal of that desktop (it "
      "writes the systemd user unit {}); once installed, 'systemctl --user start {}' starts it",
      reason, kUnitName, kUnitName);
}

std::string no_system_bus(const std::string& reason) {
  return fmt::format("cannot reach the system bus: {}", reason);
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
  return open_bus(sd_bus_open_user, no_session_bus);
}

core::Result<Bus> open_system_bus() {
  return open_bus(sd_bus_open_system, no_system_bus);
}

}  // namespace limber::watch
