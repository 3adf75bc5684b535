// Desktop notifications over org.freedesktop.Notifications (the Desktop Notifications
// Specification) with sd-bus: GetCapabilities decides whether buttons are offered,
// ActionInvoked and NotificationClosed bring the answer back. A reminder never steals
// focus or covers the screen: it is a normal-urgency notification that replaces the
// previous one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <systemd/sd-bus.h>

#include "core/result.h"
#include "watch/bus.h"

namespace limber::watch {

// The action keys limber sends, and the labels a person sees.
inline constexpr const char* kStoodUpAction = "stood-up";
inline constexpr const char* kStoodUpLabel = "I stood up";
inline constexpr const char* kSnoozeAction = "snooze";
inline constexpr const char* kSnoozeLabel = "In 10 minutes";
inline constexpr const char* kStandingAction = "was-standing";
inline constexpr const char* kStandingLabel = "I was standing";

// A button on a notification: the key ActionInvoked brings back, and its label.
struct NotificationAction {
  std::string key;
  std::string label;
};

class NotificationListener {
 public:
  virtual ~NotificationListener() = default;
  virtual void on_action(std::uint32_t id, std::string_view action) = 0;
  // reason: 1 expired, 2 dismissed by the person, 3 closed by CloseNotification, 4 other.
  virtual void on_closed(std::uint32_t id, std::uint32_t reason) = 0;
};

class Notifier {
 public:
  Notifier(sd_bus* bus, NotificationListener& listener) : bus_(bus), listener_(listener) {}
  Notifier(const Notifier&) = delete;
  Notifier& operator=(const Notifier&) = delete;
  Notifier(Notifier&&) = delete;
  Notifier& operator=(Notifier&&) = delete;
  ~Notifier() = default;

  // Listens for the server's signals and asks its capabilities. kIo when there is no
  // notification server on the bus.
  core::Result<void> start();

  // Shows (or, with `replaces` non-zero, updates) a notification with these buttons (when
  // the server has them); returns its id.
  core::Result<std::uint32_t> show(const std::string& summary, const std::string& body,
                                   std::uint32_t replaces,
                                   const std::vector<NotificationAction>& actions);
  // Takes it off the screen (the person took a break without clicking).
  void close(std::uint32_t id);

  [[nodiscard]] bool has_actions() const { return actions_; }
  [[nodiscard]] const std::string& server() const { return server_; }

 private:
  static int action_invoked(sd_bus_message* message, void* data, sd_bus_error* error);
  static int closed(sd_bus_message* message, void* data, sd_bus_error* error);

  sd_bus* bus_;
  NotificationListener& listener_;
  Slot action_match_;
  Slot closed_match_;
  bool actions_ = false;
  bool body_markup_ = false;
  std::string server_ = "unknown";
};

}  // namespace limber::watch
