// The screen locker, which counts as a break: the ActiveChanged signal of
// org.freedesktop.ScreenSaver (KDE, XFCE, and others) and org.gnome.ScreenSaver on the
// session bus, and logind's LockedHint on the graphical session, on the system bus.
#pragma once

#include <memory>
#include <string>

#include <systemd/sd-bus.h>

#include "watch/bus.h"
#include "watch/idle_source.h"

namespace limber::watch {

class LockMonitor {
 public:
  // Listens on `session` (required) and `system` (may be null: no logind). Reports changes
  // to listener.on_locked(). Never fails: a desktop without a locker simply never reports.
  LockMonitor(sd_bus* session, sd_bus* system, DesktopListener& listener);
  LockMonitor(const LockMonitor&) = delete;
  LockMonitor& operator=(const LockMonitor&) = delete;
  LockMonitor(LockMonitor&&) = delete;
  LockMonitor& operator=(LockMonitor&&) = delete;
  ~LockMonitor() = default;

  // For --verbose: what is being listened to.
  [[nodiscard]] const std::string& describe() const { return description_; }

 private:
  static int screensaver_changed(sd_bus_message* message, void* data, sd_bus_error* error);
  static int session_changed(sd_bus_message* message, void* data, sd_bus_error* error);
  void report(bool locked);

  DesktopListener& listener_;
  Slot freedesktop_;
  Slot gnome_;
  Slot logind_;
  bool locked_ = false;
  std::string description_;
};

}  // namespace limber::watch
