#!/usr/bin/env bash
# The sitting timer on a real desktop stack, end to end: an X server (Xvfb), a private
# session bus (dbus-daemon), a real notification server (dunst) and real input (xdotool).
# `limber watch --limit 4s --break 2s` (seconds instead of minutes, so the test is short)
# sees the input, shows the reminder after four seconds of "sitting", dunst's own context
# menu invokes "I stood up" (a stand-in dmenu picks that line, so ActionInvoked comes from
# dunst itself), then a locked screen makes a second break, and the diary holds it all.
#
# Usage: desktop_e2e.sh LIMBER_BINARY [IDLE_SOURCE [KWIN_INPUT]]
#   IDLE_SOURCE: xsync or xss (Xvfb), gnome (mutter), wayland (KWin; KWIN_INPUT is
#   tests/watch/kwin_input.c built)
#
# gnome runs GNOME's compositor for real, headless (mutter 43 from Debian, with Xwayland),
# and moves the pointer through mutter's RemoteDesktop D-Bus API (mutter_input.py);
# wayland runs KDE's KWin 5.27 headless (its virtual backend) and moves the pointer with
# KWin's fake-input protocol.
set -euo pipefail

limber=$1
source_name=${2:-xsync}
kwin_input=${3:-}
test_name=desktop_e2e
logs=(watch.log dunst.log monitor.log mutter.log kwin.log input.log)
# shellcheck source=tests/watch/desktop_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/desktop_lib.sh"

start_session_bus

case $source_name in
  xsync | xss)
    start_xvfb
    # The person's hand on the mouse.
    user_input() { xdotool mousemove "$1" "$2"; }
    ;;
  gnome)
    # GNOME on Wayland without a screen: mutter's headless backend with a virtual monitor,
    # Xwayland for X11 clients (dunst draws its bubbles there, as an X11 program would).
    export XDG_RUNTIME_DIR="$work/runtime"
    mkdir -m 0700 "$XDG_RUNTIME_DIR"
    unset DISPLAY WAYLAND_DISPLAY XAUTHORITY
    mutter --headless --wayland --virtual-monitor 1280x800 >"$work/mutter.log" 2>&1 &
    pids+=($!)
    wait_for 200 has_owner org.gnome.Mutter.IdleMonitor || fail "mutter did not start"
    wait_for 100 grep -q "public X11 display" "$work/mutter.log" || fail "mutter has no Xwayland"
    export WAYLAND_DISPLAY=$(sed -n "s/.*Using Wayland display name '\(.*\)'.*/\1/p" "$work/mutter.log")
    export DISPLAY=$(grep -o 'public X11 display :[0-9]*' "$work/mutter.log" | grep -o ':[0-9]*')
    export XAUTHORITY=$(ls "$XDG_RUNTIME_DIR"/.mutter-Xwaylandauth.* | head -n1)
    # The person's hand: mutter's RemoteDesktop API moves the pointer, as GNOME's remote
    # desktop does. The session lives as long as the injector's bus connection.
    mkfifo "$work/input"
    /usr/bin/python3 "$(dirname "$0")/mutter_input.py" <"$work/input" >"$work/input.log" 2>&1 &
    pids+=($!)
    exec 5>"$work/input"
    wait_for 100 grep -q "^ready" "$work/input.log" || fail "mutter's RemoteDesktop session did not start"
    user_input() { echo "move $1 $2" >&5; }
    ;;
  wayland)
    # KDE Plasma on Wayland without a screen: KWin 5.27's virtual backend, which offers
    # ext-idle-notify-v1; dunst draws through its layer-shell. KWin carries a file
    # capability (cap_sys_resource) that this sandbox refuses to exec, so a plain copy
    # runs; its platform plugin wants the program to be called kwin_wayland.
    export XDG_RUNTIME_DIR="$work/runtime"
    mkdir -m 0700 "$XDG_RUNTIME_DIR" "$work/bin"
    unset DISPLAY WAYLAND_DISPLAY XAUTHORITY
    cp /usr/bin/kwin_wayland "$work/bin/kwin_wayland"
    export WAYLAND_DISPLAY=limber-kwin
    # Its own tests' switch: fake input for any client, not only KDE's own programs.
    KWIN_WAYLAND_NO_PERMISSION_CHECKS=1 "$work/bin/kwin_wayland" --virtual --no-lockscreen \
      --socket "$WAYLAND_DISPLAY" --width 1280 --height 800 >"$work/kwin.log" 2>&1 &
    pids+=($!)
    wait_for 200 test -S "$XDG_RUNTIME_DIR/$WAYLAND_DISPLAY" || fail "kwin_wayland did not start"
    # The person's hand: KWin's fake-input protocol, as KDE Connect's touchpad moves it.
    mkfifo "$work/input"
    "$kwin_input" <"$work/input" >"$work/input.log" 2>&1 &
    pids+=($!)
    exec 5>"$work/input"
    wait_for 100 grep -q "^ready" "$work/input.log" || fail "KWin's fake input did not start"
    user_input() { echo "move $1 $2" >&5; }
    ;;
  *) fail "unknown idle source $source_name" ;;
esac

# dunst keeps the reminder until it is answered; its context menu runs our "dmenu".
cat >"$work/pick" <<'PICK'
#!/bin/sh
grep -m1 '^#I stood up'
PICK
chmod +x "$work/pick"
start_dunst <<RC
[global]
    dmenu = $work/pick
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
RC

export LIMBER_HOME="$work/data"
"$limber" watch --limit 4s --break 2s "${plan_elsewhere[@]}" --verbose --idle-source "$source_name" 2>"$work/watch.log" &
watch_pid=$!
pids+=("$watch_pid")
# The line names the source asked for, and no other: both sources begin with "X11".
case $source_name in
  xsync) expected="idle source: X11 XSync IDLETIME alarms" ;;
  xss) expected="idle source: X11 XScreenSaver idle query" ;;
  gnome) expected="idle source: GNOME Mutter IdleMonitor over D-Bus" ;;
  wayland) expected="idle source: Wayland ext-idle-notify-v1" ;;
  *) fail "unknown idle source $source_name" ;;
esac
wait_for 100 grep -qF "$expected" "$work/watch.log" || fail "limber watch did not pick $expected"
wait_for 50 has_owner org.limber.Watch || fail "limber watch did not take its bus name"

# A second watcher in the same session refuses to start.
if "$limber" watch --idle-source "$source_name" 2>"$work/second.log"; then
  fail "a second watcher started"
fi
grep -q "already running" "$work/second.log" || fail "the second watcher did not say why"

# --pause reaches the running watcher.
"$limber" watch --pause 1s >"$work/pause.log" || fail "--pause failed"
grep -q "Reminders paused until" "$work/pause.log" || fail "--pause said: $(cat "$work/pause.log")"

# Sit at the computer: input every half second, past the four-second limit.
for ((i = 0; i < 16; i++)); do
  user_input $((100 + i * 5)) 200
  sleep 0.5
  if grep -q 'string "Time to stand up"' "$work/monitor.log"; then break; fi
done
wait_for 50 grep -q 'string "Time to stand up"' "$work/monitor.log" ||
  fail "no reminder reached the notification server"
grep -q 'string "I stood up"' "$work/monitor.log" || fail "the reminder has no I-stood-up button"
grep -q 'string "In 10 minutes"' "$work/monitor.log" || fail "the reminder has no snooze button"

# Answer through dunst's own menu: dunst emits ActionInvoked.
dunstctl context
wait_for 50 grep -q "action 'stood-up'" "$work/watch.log" || fail "the action did not arrive"
grep -q 'member=ActionInvoked' "$work/monitor.log" || fail "dunst sent no ActionInvoked"

# Back at the computer after the break: the next input starts a new bout.
sleep 1
user_input 500 500
wait_for 50 grep -q "confirmed break of" "$work/watch.log" || fail "the confirmed break was not recorded"

# Sit again, then lock the screen (the locker's signal) for longer than a break.
for ((i = 0; i < 14; i++)); do user_input $((300 + i * 5)) 300; sleep 0.5; done
# GNOME's locker (gnome-shell) speaks org.gnome.ScreenSaver; others the freedesktop one.
locker=org.freedesktop.ScreenSaver
[[ $source_name == gnome ]] && locker=org.gnome.ScreenSaver
dbus-send --session --type=signal "/${locker//.//}" "$locker.ActiveChanged" boolean:true
sleep 3
dbus-send --session --type=signal "/${locker//.//}" "$locker.ActiveChanged" boolean:false
user_input 10 10
wait_for 50 grep -q "locked break of" "$work/watch.log" || fail "the locked break was not recorded"

# SIGTERM: a clean exit that keeps what was recorded.
kill -TERM "$watch_pid"
wait_for 50 bash -c "! kill -0 $watch_pid" || fail "limber watch did not stop on SIGTERM"
wait "$watch_pid" || fail "limber watch exited with $?"

"$limber" history --sitting --json >"$work/history.json" || fail "history --sitting failed"
python3 - "$work/history.json" <<'CHECK' || fail "the diary is not as expected: $(cat "$work/history.json")"
import json, sys
log = json.load(open(sys.argv[1]))
bouts, breaks, reminders = log["bouts"], log["breaks"], log["reminders"]
assert len(bouts) >= 2, bouts
assert bouts[0]["seconds"] >= 4 and bouts[0]["reminders"] >= 1, bouts[0]
kinds = [b["kind"] for b in breaks]
assert "confirmed" in kinds and "locked" in kinds, kinds
first = reminders[0]
assert first["outcome"] == "stood-up", first
CHECK
echo "desktop_e2e ($source_name): reminder shown, I stood up, locked break, diary ok"
