// Wayland idle time through the ext-idle-notify-v1 protocol (wlroots compositors, KDE
// Plasma 6, COSMIC and others): one notification object at the threshold reports idled and
// resumed, so the process sleeps in between. Debian 12's wayland-protocols ships version 1
// of the protocol, whose notifications honour idle inhibitors (a video that inhibits idle
// keeps the person "sitting", which is what they are doing).
#pragma once

#include <chrono>
#include <memory>

#include "core/result.h"
#include "watch/idle_source.h"

namespace limber::watch {

// Connects to $WAYLAND_DISPLAY. kIo when there is no compositor or it lacks the protocol.
core::Result<std::unique_ptr<IdleSource>> open_wayland_idle(std::chrono::milliseconds threshold,
                                                            DesktopListener& listener);

}  // namespace limber::watch
