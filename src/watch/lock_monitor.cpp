#include "watch/lock_monitor.h"

#include <cstring>

#include <fmt/format.h>
#include <unistd.h>

namespace limber::watch {
namespace {

constexpr const char* kLogind = "org.freedesktop.login1";
constexpr const char* kSessionInterface = "org.freedesktop.login1.Session";

// The graphical session's object path: this process's own session, else (a systemd user
// service runs outside any session) the user's display session.
std::string session_path(sd_bus* system) {
  {
    BusError error;
    sd_bus_message* raw = nullptr;
    const int r = sd_bus_call_method(system, kLogind, "/org/freedesktop/login1",
                                     "org.freedesktop.login1.Manager", "GetSessionByPID",
                                     error.get(), &raw, "u", static_cast<std::uint32_t>(getpid()));
    Message reply(raw);
    const char* path = nullptr;
    if (r >= 0 && sd_bus_message_read(reply.get(), "o", &path) >= 0 && path != nullptr)
      return path;
  }
  BusError error;
  sd_bus_message* raw = nullptr;
  const int r =
      sd_bus_get_property(system, kLogind, "/org/freedesktop/login1/user/self",
                          "org.freedesktop.login1.User", "Display", error.get(), &raw, "(so)");
  Message reply(raw);
  const char* id = nullptr;
  const char* path = nullptr;
  if (r >= 0 && sd_bus_message_read(reply.get(), "(so)", &id, &path) >= 0 && path != nullptr &&
      std::strcmp(path, "/") != 0)
    return path;
  return {};
}

}  // namespace

LockMonitor::LockMonitor(sd_bus* session, sd_bus* system, DesktopListener& listener)
    : listener_(listener) {
  sd_bus_slot* slot = nullptr;
  if (sd_bus_match_signal(session, &slot, nullptr, nullptr, "org.freedesktop.ScreenSaver",
                          "ActiveChanged", screensaver_changed, this) >= 0)
    freedesktop_.reset(slot);
  slot = nullptr;
  if (sd_bus_match_signal(session, &slot, nullptr, nullptr, "org.gnome.ScreenSaver",
                          "ActiveChanged", screensaver_changed, this) >= 0)
    gnome_.reset(slot);
  description_ = "screen locker: org.freedesktop.ScreenSaver and org.gnome.ScreenSaver signals";
  if (system == nullptr) {
    description_ += "; no system bus, so no logind LockedHint";
    return;
  }
  const std::string path = session_path(system);
  if (path.empty()) {
    description_ += "; logind knows no graphical session for this user";
    return;
  }
  slot = nullptr;
  if (sd_bus_match_signal(system, &slot, nullptr, path.c_str(), "org.freedesktop.DBus.Properties",
                          "PropertiesChanged", session_changed, this) >= 0) {
    logind_.reset(slot);
    description_ += fmt::format("; logind LockedHint of {}", path);
  }
}

int LockMonitor::screensaver_changed(sd_bus_message* message, void* data, sd_bus_error* /*error*/) {
  int active = 0;
  if (sd_bus_message_read(message, "b", &active) >= 0)
    static_cast<LockMonitor*>(data)->report(active != 0);
  return 0;
}

int LockMonitor::session_changed(sd_bus_message* message, void* data, sd_bus_error* /*error*/) {
  const char* interface = nullptr;
  if (sd_bus_message_read(message, "s", &interface) < 0 || interface == nullptr ||
      std::strcmp(interface, kSessionInterface) != 0)
    return 0;
  if (sd_bus_message_enter_container(message, 'a', "{sv}") < 0)
    return 0;
  while (sd_bus_message_enter_container(message, 'e', "sv") > 0) {
    const char* name = nullptr;
    if (sd_bus_message_read(message, "s", &name) < 0)
      return 0;
    if (name != nullptr && std::strcmp(name, "LockedHint") == 0) {
      int locked = 0;
      if (sd_bus_message_read(message, "v", "b", &locked) >= 0)
        static_cast<LockMonitor*>(data)->report(locked != 0);
    } else if (sd_bus_message_skip(message, "v") < 0) {
      return 0;
    }
    if (sd_bus_message_exit_container(message) < 0)
      return 0;
  }
  return 0;
}

void LockMonitor::report(bool locked) {
  if (locked == locked_)
    return;
  locked_ = locked;
  listener_.on_locked(locked);
}

}  // namespace limber::watch
