#include "watch/mutter_idle.h"

#include <fmt/format.h>

#include "watch/bus.h"

namespace limber::watch {
namespace {

using std::chrono::milliseconds;

constexpr const char* kService = "org.gnome.Mutter.IdleMonitor";
constexpr const char* kPath = "/org/gnome/Mutter/IdleMonitor/Core";
constexpr const char* kInterface = "org.gnome.Mutter.IdleMonitor";

class MutterIdle final : public IdleSource {
 public:
  MutterIdle(sd_bus* bus, milliseconds threshold, DesktopListener& listener)
      : bus_(bus), threshold_(threshold), listener_(listener) {}
  MutterIdle(const MutterIdle&) = delete;
  MutterIdle& operator=(const MutterIdle&) = delete;
  MutterIdle(MutterIdle&&) = delete;
  MutterIdle& operator=(MutterIdle&&) = delete;
  ~MutterIdle() override = default;

  core::Result<void> start();

  [[nodiscard]] std::string describe() const override {
    return "GNOME Mutter IdleMonitor over D-Bus (event-driven)";
  }
  void watch_next_input() override { add_active_watch(); }

 private:
  static int watch_fired(sd_bus_message* message, void* data, sd_bus_error* /*error*/) {
    auto* self = static_cast<MutterIdle*>(data);
    std::uint32_t id = 0;
    if (sd_bus_message_read(message, "u", &id) < 0)
      return 0;
    if (id == self->idle_watch_) {
      self->add_active_watch();
      self->listener_.on_idle(self->threshold_);
    } else if (id == self->active_watch_) {
      self->active_watch_ = 0;  // user-active watches fire once
      self->listener_.on_active();
    }
    return 0;
  }

  core::Result<std::uint32_t> call_u(const char* method, const char* types, std::uint64_t arg);
  void add_active_watch() {
    if (active_watch_ != 0)
      return;
    if (auto id = call_u("AddUserActiveWatch", "", 0))
      active_watch_ = *id;
  }

  sd_bus* bus_;
  milliseconds threshold_;
  DesktopListener& listener_;
  Slot match_;
  std::uint32_t idle_watch_ = 0;
  std::uint32_t active_watch_ = 0;
};

core::Result<std::uint32_t> MutterIdle::call_u(const char* method, const char* types,
                                               std::uint64_t arg) {
  BusError error;
  sd_bus_message* raw = nullptr;
  const int r = types[0] == '\0' ? sd_bus_call_method(bus_, kService, kPath, kInterface, method,
                                                      error.get(), &raw, "")
                                 : sd_bus_call_method(bus_, kService, kPath, kInterface, method,
                                                      error.get(), &raw, types, arg);
  Message reply(raw);
  if (r < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("Mutter IdleMonitor.{}: {}", method, error.message(r)));
  }
  std::uint32_t id = 0;
  if (sd_bus_message_read(reply.get(), "u", &id) < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("Mutter IdleMonitor.{}: bad reply", method));
  }
  return id;
}

core::Result<void> MutterIdle::start() {
  BusError error;
  sd_bus_message* raw = nullptr;
  int r =
      sd_bus_call_method(bus_, kService, kPath, kInterface, "GetIdletime", error.get(), &raw, "");
  Message reply(raw);
  if (r < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("no GNOME Mutter IdleMonitor: {}", error.message(r)));
  }
  std::uint64_t idle = 0;
  if (sd_bus_message_read(reply.get(), "t", &idle) < 0)
    return core::fail(core::ErrorCode::kIo, "GNOME Mutter IdleMonitor: bad GetIdletime reply");
  sd_bus_slot* slot = nullptr;
  r = sd_bus_match_signal(bus_, &slot, nullptr, kPath, kInterface, "WatchFired", watch_fired, this);
  if (r < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("cannot listen to Mutter IdleMonitor: {}", errno_text(r)));
  }
  match_.reset(slot);
  LIMBER_TRY_ASSIGN(auto watch,
                    call_u("AddIdleWatch", "t", static_cast<std::uint64_t>(threshold_.count())));
  idle_watch_ = watch;
  if (idle >= static_cast<std::uint64_t>(threshold_.count())) {
    add_active_watch();
    listener_.on_idle(milliseconds{idle});
  } else {
    listener_.on_active();
  }
  return {};
}

}  // namespace

core::Result<std::unique_ptr<IdleSource>> open_mutter_idle(sd_bus* bus, milliseconds threshold,
                                                           DesktopListener& listener) {
  auto source = std::make_unique<MutterIdle>(bus, threshold, listener);
  LIMBER_TRY(source->start());
  return std::unique_ptr<IdleSource>(std::move(source));
}

}  // namespace limber::watch
