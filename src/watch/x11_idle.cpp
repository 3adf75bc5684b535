#include "watch/x11_idle.h"

#include <cstring>
#include <string>
#include <string_view>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>
#include <X11/extensions/sync.h>
#include <fmt/format.h>

namespace limber::watch {
namespace {

using std::chrono::milliseconds;

// Windows come and go between an event and the request that follows it; a BadWindow then
// is expected and harmless. Xlib's default handler would exit the process.
int ignore_x_errors(Display* /*display*/, XErrorEvent* /*event*/) {
  return 0;
}

struct DisplayCloser {
  void operator()(Display* display) const { XCloseDisplay(display); }
};

enum class Idle { kNone, kXSync, kXScreenSaver };

class X11Desktop final : public IdleSource {
 public:
  X11Desktop(Display* display, Idle idle, milliseconds threshold, DesktopListener& listener)
      : display_(display), idle_(idle), threshold_(threshold), listener_(listener) {}
  X11Desktop(const X11Desktop&) = delete;
  X11Desktop& operator=(const X11Desktop&) = delete;
  X11Desktop(X11Desktop&&) = delete;
  X11Desktop& operator=(X11Desktop&&) = delete;
  ~X11Desktop() override {
    for (XSyncAlarm alarm : {idle_alarm_, active_alarm_, next_input_alarm_}) {
      if (alarm != None)
        XSyncDestroyAlarm(display_.get(), alarm);
    }
  }

  core::Result<void> start();

  [[nodiscard]] std::string describe() const override {
    switch (idle_) {
      case Idle::kXSync:
        return "X11 XSync IDLETIME alarms (event-driven)";
      case Idle::kXScreenSaver:
        return fmt::format("X11 XScreenSaver idle query, polled every {} ms", poll_every().count());
      case Idle::kNone:
        break;
    }
    return "X11 full-screen watch";
  }
  [[nodiscard]] int fd() const override { return ConnectionNumber(display_.get()); }
  void dispatch() override;
  void flush() override { XFlush(display_.get()); }
  [[nodiscard]] std::optional<milliseconds> poll_interval() const override {
    if (idle_ != Idle::kXScreenSaver)
      return std::nullopt;
    return waiting_next_input_ ? std::min(poll_every(), milliseconds{1000}) : poll_every();
  }
  void poll() override;
  void watch_next_input() override;

 private:
  [[nodiscard]] milliseconds poll_every() const {
    return std::clamp(threshold_ / 4, milliseconds{500}, milliseconds{10'000});
  }
  XSyncAlarm make_alarm(std::int64_t value, XSyncTestType test);
  [[nodiscard]] std::int64_t idle_time() const;
  void update_fullscreen();
  [[nodiscard]] Window active_window() const;

  std::unique_ptr<Display, DisplayCloser> display_;
  Idle idle_;
  milliseconds threshold_;
  DesktopListener& listener_;
  Window root_ = None;
  int sync_event_base_ = 0;
  XSyncCounter idle_counter_ = None;
  XSyncAlarm idle_alarm_ = None;
  XSyncAlarm active_alarm_ = None;
  XSyncAlarm next_input_alarm_ = None;
  Atom net_active_window_ = None;
  Atom net_wm_state_ = None;
  Atom net_wm_state_fullscreen_ = None;
  Window watched_window_ = None;
  bool fullscreen_ = false;
  bool idle_now_ = false;            // XScreenSaver: the last poll found idle
  bool waiting_next_input_ = false;  // XScreenSaver: report the next input
  std::int64_t last_idle_ms_ = 0;
};

core::Result<void> X11Desktop::start() {
  Display* display = display_.get();
  XSetErrorHandler(ignore_x_errors);
  root_ = DefaultRootWindow(display);
  net_active_window_ = XInternAtom(display, "_NET_ACTIVE_WINDOW", False);
  net_wm_state_ = XInternAtom(display, "_NET_WM_STATE", False);
  net_wm_state_fullscreen_ = XInternAtom(display, "_NET_WM_STATE_FULLSCREEN", False);
  XSelectInput(display, root_, PropertyChangeMask);

  if (idle_ == Idle::kXSync) {
    int error_base = 0;
    int major = 0;
    int minor = 0;
    if (XSyncQueryExtension(display, &sync_event_base_, &error_base) == 0 ||
        XSyncInitialize(display, &major, &minor) == 0) {
      return core::fail(core::ErrorCode::kIo, "the X server has no XSync extension");
    }
    int count = 0;
    XSyncSystemCounter* counters = XSyncListSystemCounters(display, &count);
    for (int i = 0; i < count; ++i) {
      if (std::strcmp(counters[i].name, "IDLETIME") == 0)
        idle_counter_ = counters[i].counter;
    }
    if (counters != nullptr)
      XSyncFreeSystemCounterList(counters);
    if (idle_counter_ == None)
      return core::fail(core::ErrorCode::kIo, "the X server's XSync has no IDLETIME counter");
    idle_alarm_ = make_alarm(threshold_.count(), XSyncPositiveTransition);
    active_alarm_ = make_alarm(threshold_.count(), XSyncNegativeTransition);
  } else if (idle_ == Idle::kXScreenSaver) {
    int event_base = 0;
    int error_base = 0;
    if (XScreenSaverQueryExtension(display, &event_base, &error_base) == 0)
      return core::fail(core::ErrorCode::kIo, "the X server has no XScreenSaver extension");
  }

  if (idle_ != Idle::kNone) {
    // The first reading: sitting now, or away since a while.
    const std::int64_t idle = idle_time();
    last_idle_ms_ = idle;
    if (idle >= threshold_.count()) {
      idle_now_ = true;
      listener_.on_idle(milliseconds{idle});
    } else {
      listener_.on_active();
    }
  }
  update_fullscreen();
  XFlush(display);
  return {};
}

XSyncAlarm X11Desktop::make_alarm(std::int64_t value, XSyncTestType test) {
  XSyncAlarmAttributes attributes{};
  attributes.trigger.counter = idle_counter_;
  attributes.trigger.value_type = XSyncAbsolute;
  attributes.trigger.test_type = test;
  XSyncIntsToValue(&attributes.trigger.wait_value, static_cast<unsigned>(value & 0xffffffff),
                   static_cast<int>(value >> 32));
  XSyncIntToValue(&attributes.delta, 0);
  attributes.events = True;
  const unsigned long mask = XSyncCACounter | XSyncCAValueType | XSyncCATestType | XSyncCAValue |
                             XSyncCADelta | XSyncCAEvents;
  return XSyncCreateAlarm(display_.get(), mask, &attributes);
}

std::int64_t X11Desktop::idle_time() const {
  if (idle_ == Idle::kXSync) {
    XSyncValue value;
    if (XSyncQueryCounter(display_.get(), idle_counter_, &value) == 0)
      return 0;
    return (static_cast<std::int64_t>(XSyncValueHigh32(value)) << 32) |
           static_cast<std::int64_t>(XSyncValueLow32(value));
  }
  XScreenSaverInfo* info = XScreenSaverAllocInfo();
  if (info == nullptr)
    return 0;
  std::int64_t idle = 0;
  if (XScreenSaverQueryInfo(display_.get(), root_, info) != 0)
    idle = static_cast<std::int64_t>(info->idle);
  XFree(info);
  return idle;
}

void X11Desktop::dispatch() {
  Display* display = display_.get();
  while (XPending(display) > 0) {
    XEvent event;
    XNextEvent(display, &event);
    if (idle_ == Idle::kXSync && event.type == sync_event_base_ + XSyncAlarmNotify) {
      const auto* alarm = reinterpret_cast<const XSyncAlarmNotifyEvent*>(&event);
      const std::int64_t value =
          (static_cast<std::int64_t>(XSyncValueHigh32(alarm->counter_value)) << 32) |
          static_cast<std::int64_t>(XSyncValueLow32(alarm->counter_value));
      if (alarm->alarm == idle_alarm_) {
        listener_.on_idle(milliseconds{value});
      } else if (alarm->alarm == active_alarm_ || alarm->alarm == next_input_alarm_) {
        if (next_input_alarm_ != None) {
          XSyncDestroyAlarm(display, next_input_alarm_);
          next_input_alarm_ = None;
        }
        listener_.on_active();
      }
    } else if (event.type == PropertyNotify) {
      const XPropertyEvent& property = event.xproperty;
      if ((property.window == root_ && property.atom == net_active_window_) ||
          (property.window == watched_window_ && property.atom == net_wm_state_)) {
        update_fullscreen();
      }
    }
  }
}

void X11Desktop::poll() {
  if (idle_ != Idle::kXScreenSaver)
    return;
  const std::int64_t idle = idle_time();
  const bool input_since = idle < last_idle_ms_;
  last_idle_ms_ = idle;
  if (!idle_now_ && idle >= threshold_.count()) {
    idle_now_ = true;
    listener_.on_idle(milliseconds{idle});
  } else if ((idle_now_ || waiting_next_input_) && input_since) {
    idle_now_ = false;
    waiting_next_input_ = false;
    listener_.on_active();
  }
}

void X11Desktop::watch_next_input() {
  if (idle_ == Idle::kXScreenSaver) {
    waiting_next_input_ = true;
    last_idle_ms_ = idle_time();
    return;
  }
  if (idle_ != Idle::kXSync || next_input_alarm_ != None)
    return;
  // A negative transition just below the idle time now fires at the next input.
  const std::int64_t idle = idle_time();
  if (idle < 2) {
    listener_.on_active();
    return;
  }
  next_input_alarm_ = make_alarm(idle - 1, XSyncNegativeTransition);
  XFlush(display_.get());
}

Window X11Desktop::active_window() const {
  Atom type = None;
  int format = 0;
  unsigned long items = 0;
  unsigned long after = 0;
  unsigned char* data = nullptr;
  Window window = None;
  if (XGetWindowProperty(display_.get(), root_, net_active_window_, 0, 1, False, XA_WINDOW, &type,
                         &format, &items, &after, &data) == Success &&
      data != nullptr) {
    if (type == XA_WINDOW && format == 32 && items == 1)
      window = static_cast<Window>(*reinterpret_cast<unsigned long*>(data));
    XFree(data);
  }
  return window;
}

void X11Desktop::update_fullscreen() {
  Display* display = display_.get();
  const Window active = active_window();
  if (active != watched_window_) {
    if (watched_window_ != None)
      XSelectInput(display, watched_window_, NoEventMask);
    watched_window_ = active;
    if (active != None)
      XSelectInput(display, active, PropertyChangeMask);
  }
  bool fullscreen = false;
  if (active != None) {
    Atom type = None;
    int format = 0;
    unsigned long items = 0;
    unsigned long after = 0;
    unsigned char* data = nullptr;
    if (XGetWindowProperty(display, active, net_wm_state_, 0, 64, False, XA_ATOM, &type, &format,
                           &items, &after, &data) == Success &&
        data != nullptr) {
      const auto* atoms = reinterpret_cast<const unsigned long*>(data);
      for (unsigned long i = 0; i < items; ++i) {
        if (atoms[i] == net_wm_state_fullscreen_)
          fullscreen = true;
      }
      XFree(data);
    }
  }
  if (fullscreen != fullscreen_) {
    fullscreen_ = fullscreen;
    listener_.on_fullscreen(fullscreen);
  }
}

core::Result<std::unique_ptr<X11Desktop>> open_desktop(Idle idle, milliseconds threshold,
                                                       DesktopListener& listener) {
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr)
    return core::fail(core::ErrorCode::kIo, "no X display (DISPLAY is unset or refused)");
  auto desktop = std::make_unique<X11Desktop>(display, idle, threshold, listener);
  LIMBER_TRY(desktop->start());
  return desktop;
}

}  // namespace

core::Result<std::unique_ptr<IdleSource>> open_x11_idle(milliseconds threshold, X11Method method,
                                                        DesktopListener& listener) {
  if (method != X11Method::kXScreenSaver) {
    auto xsync = open_desktop(Idle::kXSync, threshold, listener);
    if (xsync || method == X11Method::kXSync) {
      if (!xsync)
        return core::Unexpected(xsync.error());
      return std::unique_ptr<IdleSource>(std::move(*xsync));
    }
  }
  LIMBER_TRY_ASSIGN(auto xss, open_desktop(Idle::kXScreenSaver, threshold, listener));
  return std::unique_ptr<IdleSource>(std::move(xss));
}

core::Result<std::unique_ptr<IdleSource>> open_x11_fullscreen(DesktopListener& listener) {
  LIMBER_TRY_ASSIGN(auto desktop, open_desktop(Idle::kNone, milliseconds{0}, listener));
  return std::unique_ptr<IdleSource>(std::move(desktop));
}

}  // namespace limber::watch
