#include "watch/wayland_idle.h"

#include <cstdlib>
#include <cstring>
#include <string_view>

#include <wayland-client.h>

#include "ext-idle-notify-v1-client-protocol.h"

namespace limber::watch {
namespace {

using std::chrono::milliseconds;

class WaylandIdle final : public IdleSource {
 public:
  WaylandIdle(wl_display* display, milliseconds threshold, DesktopListener& listener)
      : display_(display), threshold_(threshold), listener_(listener) {}
  WaylandIdle(const WaylandIdle&) = delete;
  WaylandIdle& operator=(const WaylandIdle&) = delete;
  WaylandIdle(WaylandIdle&&) = delete;
  WaylandIdle& operator=(WaylandIdle&&) = delete;
  ~WaylandIdle() override {
    if (probe_ != nullptr)
      ext_idle_notification_v1_destroy(probe_);
    if (notification_ != nullptr)
      ext_idle_notification_v1_destroy(notification_);
    if (notifier_ != nullptr)
      ext_idle_notifier_v1_destroy(notifier_);
    if (seat_ != nullptr)
      wl_seat_destroy(seat_);
    if (registry_ != nullptr)
      wl_registry_destroy(registry_);
    wl_display_disconnect(display_);
  }

  core::Result<void> start();

  [[nodiscard]] std::string describe() const override {
    return "Wayland ext-idle-notify-v1 (event-driven)";
  }
  [[nodiscard]] int fd() const override { return wl_display_get_fd(display_); }
  void dispatch() override {
    if (wl_display_dispatch(display_) < 0)
      alive_ = false;
  }
  void flush() override {
    (void)wl_display_dispatch_pending(display_);
    (void)wl_display_flush(display_);
  }
  void watch_next_input() override;
  [[nodiscard]] bool alive() const override { return alive_; }

 private:
  static void global(void* data, wl_registry* registry, std::uint32_t name, const char* interface,
                     std::uint32_t /*version*/) {
    auto* self = static_cast<WaylandIdle*>(data);
    const std::string_view wanted = interface;
    if (wanted == ext_idle_notifier_v1_interface.name && self->notifier_ == nullptr) {
      self->notifier_ = static_cast<ext_idle_notifier_v1*>(
          wl_registry_bind(registry, name, &ext_idle_notifier_v1_interface, 1));
    } else if (wanted == wl_seat_interface.name && self->seat_ == nullptr) {
      self->seat_ = static_cast<wl_seat*>(wl_registry_bind(registry, name, &wl_seat_interface, 1));
    }
  }
  static void global_remove(void* /*data*/, wl_registry* /*registry*/, std::uint32_t /*name*/) {}

  static void idled(void* data, ext_idle_notification_v1* notification) {
    auto* self = static_cast<WaylandIdle*>(data);
    if (notification == self->notification_)
      self->listener_.on_idle(self->threshold_);
  }
  static void resumed(void* data, ext_idle_notification_v1* notification) {
    auto* self = static_cast<WaylandIdle*>(data);
    if (notification == self->probe_) {
      ext_idle_notification_v1_destroy(self->probe_);
      self->probe_ = nullptr;
    }
    self->listener_.on_active();
  }

  static constexpr wl_registry_listener kRegistryListener = {global, global_remove};
  static constexpr ext_idle_notification_v1_listener kIdleListener = {idled, resumed};

  wl_display* display_;
  milliseconds threshold_;
  DesktopListener& listener_;
  wl_registry* registry_ = nullptr;
  wl_seat* seat_ = nullptr;
  ext_idle_notifier_v1* notifier_ = nullptr;
  ext_idle_notification_v1* notification_ = nullptr;
  ext_idle_notification_v1* probe_ = nullptr;  // timeout 0: reports the next input
  bool alive_ = true;
};

core::Result<void> WaylandIdle::start() {
  registry_ = wl_display_get_registry(display_);
  wl_registry_add_listener(registry_, &kRegistryListener, this);
  if (wl_display_roundtrip(display_) < 0)
    return core::fail(core::ErrorCode::kIo, "the Wayland compositor hung up");
  if (notifier_ == nullptr) {
    return core::fail(core::ErrorCode::kIo,
                      "the Wayland compositor does not offer ext-idle-notify-v1");
  }
  if (seat_ == nullptr)
    return core::fail(core::ErrorCode::kIo, "the Wayland compositor has no seat");
  notification_ = ext_idle_notifier_v1_get_idle_notification(
      notifier_, static_cast<std::uint32_t>(threshold_.count()), seat_);
  ext_idle_notification_v1_add_listener(notification_, &kIdleListener, this);
  (void)wl_display_flush(display_);
  // The protocol has no "idle since": starting means someone is at the computer.
  listener_.on_active();
  return {};
}

void WaylandIdle::watch_next_input() {
  if (probe_ != nullptr)
    return;
  // A zero timeout goes idle as soon as the seat is, and resumes at the next input.
  probe_ = ext_idle_notifier_v1_get_idle_notification(notifier_, 0, seat_);
  ext_idle_notification_v1_add_listener(probe_, &kIdleListener, this);
  (void)wl_display_flush(display_);
}

}  // namespace

core::Result<std::unique_ptr<IdleSource>> open_wayland_idle(milliseconds threshold,
                                                            DesktopListener& listener) {
  // libwayland would complain on stderr about XDG_RUNTIME_DIR outside a Wayland session.
  const char* name = std::getenv("WAYLAND_DISPLAY");
  const char* socket = std::getenv("WAYLAND_SOCKET");
  if ((name == nullptr || *name == '\0') && socket == nullptr)
    return core::fail(core::ErrorCode::kIo, "no Wayland compositor (WAYLAND_DISPLAY is unset)");
  wl_display* display = wl_display_connect(nullptr);
  if (display == nullptr)
    return core::fail(core::ErrorCode::kIo, "no Wayland compositor (WAYLAND_DISPLAY)");
  auto source = std::make_unique<WaylandIdle>(display, threshold, listener);
  LIMBER_TRY(source->start());
  return std::unique_ptr<IdleSource>(std::move(source));
}

}  // namespace limber::watch
