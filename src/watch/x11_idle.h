// X11 idle time and full screen. Idle: the XSync extension's IDLETIME system counter with
// two alarms (a positive transition at the threshold means idle, a negative one means input
// again), so the process sleeps in between; where the server has no IDLETIME counter, the
// XScreenSaver extension's idle time, polled. Full screen: EWMH _NET_ACTIVE_WINDOW on the
// root window and _NET_WM_STATE_FULLSCREEN on the active window, watched with PropertyNotify.
#pragma once

#include <chrono>
#include <memory>

#include "core/result.h"
#include "watch/idle_source.h"

namespace limber::watch {

enum class X11Method { kAuto, kXSync, kXScreenSaver };

// Opens $DISPLAY. kIo when there is no display or it lacks what `method` needs.
core::Result<std::unique_ptr<IdleSource>> open_x11_idle(std::chrono::milliseconds threshold,
                                                        X11Method method,
                                                        DesktopListener& listener);

// Watches the active window's full-screen state on $DISPLAY, with its own connection; for
// when idle comes from elsewhere (GNOME on X11). kIo when there is no display.
core::Result<std::unique_ptr<IdleSource>> open_x11_fullscreen(DesktopListener& listener);

}  // namespace limber::watch
