// Thin RAII over sd-bus and sd-event (libsystemd), the only D-Bus library limber uses.
// Every object that registers a callback with a `this` pointer is neither copied nor
// moved, so the pointer stays valid while the callback can fire.
#pragma once

#include <memory>
#include <string>

#include <systemd/sd-bus.h>
#include <systemd/sd-event.h>

#include "core/result.h"

namespace limber::watch {

struct BusCloser {
  void operator()(sd_bus* bus) const { sd_bus_flush_close_unref(bus); }
};
struct SlotUnref {
  void operator()(sd_bus_slot* slot) const { sd_bus_slot_unref(slot); }
};
struct MessageUnref {
  void operator()(sd_bus_message* message) const { sd_bus_message_unref(message); }
};
struct EventUnref {
  void operator()(sd_event* event) const { sd_event_unref(event); }
};
struct EventSourceUnref {
  void operator()(sd_event_source* source) const { sd_event_source_disable_unref(source); }
};

using Bus = std::unique_ptr<sd_bus, BusCloser>;
using Slot = std::unique_ptr<sd_bus_slot, SlotUnref>;
using Message = std::unique_ptr<sd_bus_message, MessageUnref>;
using Event = std::unique_ptr<sd_event, EventUnref>;
using EventSource = std::unique_ptr<sd_event_source, EventSourceUnref>;

// sd_bus_error that frees itself.
class BusError {
 public:
  BusError() = default;
  BusError(const BusError&) = delete;
  BusError& operator=(const BusError&) = delete;
  BusError(BusError&&) = delete;
  BusError& operator=(BusError&&) = delete;
  ~BusError() { sd_bus_error_free(&error_); }

  sd_bus_error* get() { return &error_; }
  // The D-Bus error's message, or strerror of `code` (a negative errno) when there is none.
  [[nodiscard]] std::string message(int code) const;

 private:
  sd_bus_error error_{nullptr, nullptr, 0};  // SD_BUS_ERROR_NULL, without a C compound literal
};

// The user's session bus (DBUS_SESSION_BUS_ADDRESS, else $XDG_RUNTIME_DIR/bus), and the
// system bus; kIo saying why when there is none (for the session bus: what to do).
core::Result<Bus> open_session_bus();
core::Result<Bus> open_system_bus();

// strerror for a negative errno, as sd-bus returns them.
std::string errno_text(int negative_errno);

}  // namespace limber::watch
