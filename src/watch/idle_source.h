// Where input activity comes from. Each desktop offers a different, event-driven way to
// learn "no input for N ms" and "input again", so the watcher sleeps between events:
//   Wayland   ext-idle-notify-v1 (wayland_idle.h)
//   GNOME     org.gnome.Mutter.IdleMonitor over D-Bus (mutter_idle.h)
//   X11       the XSync extension's IDLETIME counter with alarms, or the XScreenSaver
//             extension's idle query, polled, where XSync has no IDLETIME (x11_idle.h)
// A source reports input only: a film watched in a chair is sitting, not a break.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace limber::watch {

// What the desktop says; the watcher stamps each report with its own clock.
class DesktopListener {
 public:
  virtual ~DesktopListener() = default;
  // Input now (after a report of idle, after watch_next_input(), or at start).
  virtual void on_active() = 0;
  // No input for `idle_for`, at least the threshold the source was opened with.
  virtual void on_idle(std::chrono::milliseconds idle_for) = 0;
  // The screen locker came on (true) or went off.
  virtual void on_locked(bool locked) = 0;
  // The active window went full screen (true) or left it.
  virtual void on_fullscreen(bool fullscreen) = 0;
};

class IdleSource {
 public:
  virtual ~IdleSource() = default;

  // For `limber watch --verbose`: "X11 XSync IDLETIME alarms".
  [[nodiscard]] virtual std::string describe() const = 0;
  // A file descriptor to wait on, or -1 when the source speaks over the session bus.
  [[nodiscard]] virtual int fd() const { return -1; }
  // The fd is readable: read and report.
  virtual void dispatch() {}
  // Before the loop sleeps: send what is queued.
  virtual void flush() {}
  // Sources that must poll say how often; empty for event-driven ones.
  [[nodiscard]] virtual std::optional<std::chrono::milliseconds> poll_interval() const {
    return std::nullopt;
  }
  virtual void poll() {}
  // Report the next input with on_active() even without an idle report first: after the
  // person answers "I stood up", the next input starts the next bout.
  virtual void watch_next_input() = 0;
  // False once the connection is gone (the session ended).
  [[nodiscard]] virtual bool alive() const { return true; }
};

}  // namespace limber::watch
