// GNOME's idle time: org.gnome.Mutter.IdleMonitor on the session bus (GNOME on Wayland and
// on X11). An idle watch at the threshold reports idle; a one-shot user-active watch,
// added each time, reports input again. Everything arrives as WatchFired signals.
#pragma once

#include <chrono>
#include <memory>

#include <systemd/sd-bus.h>

#include "core/result.h"
#include "watch/idle_source.h"

namespace limber::watch {

// kIo when no one owns org.gnome.Mutter.IdleMonitor.
core::Result<std::unique_ptr<IdleSource>> open_mutter_idle(sd_bus* bus,
                                                           std::chrono::milliseconds threshold,
                                                           DesktopListener& listener);

}  // namespace limber::watch
