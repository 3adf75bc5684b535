#include "watch/notifier.h"

#include <fmt/format.h>

#include "core/text.h"

namespace limber::watch {
namespace {

constexpr const char* kService = "org.freedesktop.Notifications";
constexpr const char* kPath = "/org/freedesktop/Notifications";
constexpr const char* kInterface = "org.freedesktop.Notifications";

}  // namespace

core::Result<void> Notifier::start() {
  sd_bus_slot* slot = nullptr;
  int r = sd_bus_match_signal(bus_, &slot, nullptr, kPath, kInterface, "ActionInvoked",
                              action_invoked, this);
  if (r < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("cannot listen for notification actions: {}", errno_text(r)));
  }
  action_match_.reset(slot);
  slot = nullptr;
  r = sd_bus_match_signal(bus_, &slot, nullptr, kPath, kInterface, "NotificationClosed", closed,
                          this);
  if (r < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("cannot listen for closed notifications: {}", errno_text(r)));
  }
  closed_match_.reset(slot);

  BusError error;
  sd_bus_message* raw = nullptr;
  r = sd_bus_call_method(bus_, kService, kPath, kInterface, "GetCapabilities", error.get(), &raw,
                         "");
  Message reply(raw);
  if (r < 0) {
    return core::fail(
        core::ErrorCode::kIo,
        fmt::format("no notification server on the session bus: {}", error.message(r)));
  }
  if (sd_bus_message_enter_container(reply.get(), 'a', "s") > 0) {
    const char* capability = nullptr;
    while (sd_bus_message_read(reply.get(), "s", &capability) > 0) {
      const std::string_view name = capability;
      actions_ = actions_ || name == "actions";
      body_markup_ = body_markup_ || name == "body-markup";
    }
  }

  BusError info_error;
  raw = nullptr;
  if (sd_bus_call_method(bus_, kService, kPath, kInterface, "GetServerInformation",
                         info_error.get(), &raw, "") >= 0) {
    Message info(raw);
    const char* name = nullptr;
    const char* vendor = nullptr;
    const char* version = nullptr;
    const char* spec = nullptr;
    if (sd_bus_message_read(info.get(), "ssss", &name, &vendor, &version, &spec) >= 0)
      server_ = fmt::format("{} {}", name, version);
  }
  return {};
}

core::Result<std::uint32_t> Notifier::show(const std::string& summary, const std::string& body,
                                           std::uint32_t replaces,
                                           const std::vector<NotificationAction>& actions) {
  sd_bus_message* raw = nullptr;
  int r = sd_bus_message_new_method_call(bus_, &raw, kService, kPath, kInterface, "Notify");
  Message call(raw);
  if (r < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("cannot build a notification: {}", errno_text(r)));
  }
  sd_bus_message* m = call.get();
  const std::string text = body_markup_ ? core::escape_xml(body) : body;
  r = sd_bus_message_append(m, "susss", "limber", replaces, "", summary.c_str(), text.c_str());
  if (r >= 0)
    r = sd_bus_message_open_container(m, 'a', "s");
  for (const NotificationAction& action : actions) {
    if (r < 0 || !actions_)
      break;
    r = sd_bus_message_append(m, "ss", action.key.c_str(), action.label.c_str());
  }
  if (r >= 0)
    r = sd_bus_message_close_container(m);
  if (r >= 0) {
    // Normal urgency (a byte, 1): shown and then kept in the list; never critical, which
    // some servers keep on top of everything.
    r = sd_bus_message_append(m, "a{sv}", 3, "urgency", "y", std::uint8_t{1}, "category", "s",
                              "x-limber.break", "desktop-entry", "s", "limber");
  }
  if (r >= 0)
    r = sd_bus_message_append(m, "i", std::int32_t{0});  // stays until answered
  if (r < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("cannot build a notification: {}", errno_text(r)));
  }
  BusError error;
  sd_bus_message* reply_raw = nullptr;
  r = sd_bus_call(bus_, m, 0, error.get(), &reply_raw);
  Message reply(reply_raw);
  if (r < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("the notification server refused: {}", error.message(r)));
  }
  std::uint32_t id = 0;
  if (sd_bus_message_read(reply.get(), "u", &id) < 0)
    return core::fail(core::ErrorCode::kIo, "the notification server gave no id");
  return id;
}

void Notifier::close(std::uint32_t id) {
  BusError error;
  (void)sd_bus_call_method(bus_, kService, kPath, kInterface, "CloseNotification", error.get(),
                           nullptr, "u", id);
}

int Notifier::action_invoked(sd_bus_message* message, void* data, sd_bus_error* /*error*/) {
  std::uint32_t id = 0;
  const char* key = nullptr;
  if (sd_bus_message_read(message, "us", &id, &key) >= 0 && key != nullptr)
    static_cast<Notifier*>(data)->listener_.on_action(id, key);
  return 0;
}

int Notifier::closed(sd_bus_message* message, void* data, sd_bus_error* /*error*/) {
  std::uint32_t id = 0;
  std::uint32_t reason = 0;
  if (sd_bus_message_read(message, "uu", &id, &reason) >= 0)
    static_cast<Notifier*>(data)->listener_.on_closed(id, reason);
  return 0;
}

}  // namespace limber::watch
