#!/usr/bin/python3
# The person's hand on GNOME without a screen: a RemoteDesktop session of mutter
# (org.gnome.Mutter.RemoteDesktop, the API GNOME's own remote desktop uses) that moves the
# pointer for each line "move X Y" read on standard input. Prints "ready" once the session
# has started, and "moved" after each motion. The session ends with this process's bus
# connection. Debian's python3 with python3-gi (GLib's D-Bus), from scripts/setup.
import sys

from gi.repository import Gio, GLib

BUS_NAME = "org.gnome.Mutter.RemoteDesktop"
SESSION = "org.gnome.Mutter.RemoteDesktop.Session"

bus = Gio.bus_get_sync(Gio.BusType.SESSION)


def call(path, interface, method, arguments=None):
    return bus.call_sync(BUS_NAME, path, interface, method, arguments, None,
                         Gio.DBusCallFlags.NONE, -1, None)


session = call("/org/gnome/Mutter/RemoteDesktop", BUS_NAME, "CreateSession").unpack()[0]
call(session, SESSION, "Start")
print("ready", flush=True)
for line in sys.stdin:
    words = line.split()
    if len(words) == 3 and words[0] == "move":
        # Relative motion needs no screen-cast stream (absolute motion does); any motion
        # is input to the idle monitor.
        call(session, SESSION, "NotifyPointerMotionRelative", GLib.Variant("(dd)", (3.0, 2.0)))
        print("moved", flush=True)
call(session, SESSION, "Stop")
