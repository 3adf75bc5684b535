# What the desktop end-to-end scripts share (sourced, not run): a work folder removed at
# exit with every process started, waiting for a condition, a private session bus, an X
# display, a notification server and a monitor of what is shown.
#
# The script sets `test_name` (for its messages) and `logs` (the files in $work whose
# tails a failure prints) before sourcing this file.

work=$(mktemp -d "${TMPDIR:-/tmp}/limber-$test_name-XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "$test_name: $*" >&2
  local log
  for log in "${logs[@]}"; do
    [[ -f "$work/$log" ]] && { echo "--- $log" >&2; tail -n 40 "$work/$log" >&2; }
  done
  exit 1
}

# Waits up to $1 tenths of a second for the command after it to succeed.
wait_for() {
  local tenths=$1
  shift
  for ((i = 0; i < tenths; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  return 1
}

# A private session bus (GNOME's compositor serves its D-Bus APIs on it), and no system
# bus: logind is not part of the tests.
start_session_bus() {
  dbus-daemon --session --nofork --print-address=4 4>"$work/bus" 2>"$work/dbus.log" &
  pids+=($!)
  wait_for 100 test -s "$work/bus" || fail "dbus-daemon did not start"
  DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$work/bus")
  export DBUS_SESSION_BUS_ADDRESS
  export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/no-system-bus"
}

has_owner() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
    org.freedesktop.DBus.NameHasOwner "string:$1" | grep -q 'boolean true'
}

# An X display of our own; Xvfb picks a free number and writes it to fd 3.
start_xvfb() {
  Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
  pids+=($!)
  wait_for 100 test -s "$work/display" || fail "Xvfb did not start"
  DISPLAY=":$(head -n1 "$work/display")"
  export DISPLAY
}

# dunst, the notification server, with the configuration on standard input; then a monitor
# that writes every call to it into $work/monitor.log.
start_dunst() {
  cat >"$work/dunstrc"
  dunst -config "$work/dunstrc" >"$work/dunst.log" 2>&1 &
  pids+=($!)
  wait_for 100 has_owner org.freedesktop.Notifications || fail "dunst did not take the bus name"
  dbus-monitor --session "interface='org.freedesktop.Notifications'" >"$work/monitor.log" 2>&1 &
  pids+=($!)
}

# The real `limber serve` on a free port of 127.0.0.1, its standard input held open (Enter
# would make a new address); sets `address` and `token` for requests to its API.
start_serve() {
  mkfifo "$work/serve-in"
  "$limber" serve --port 0 --no-open <"$work/serve-in" >"$work/serve.log" 2>&1 &
  pids+=($!)
  exec 6>"$work/serve-in"
  wait_for 200 grep -q "Authorization: Bearer" "$work/serve.log" || fail "limber serve did not start"
  address=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -n1)
  token=$(sed -n "s/.*'Authorization: Bearer \([^']*\)'.*/\1/p" "$work/serve.log")
}

# The plan's walk (11:00) and session (17:00) hold a reminder while they are on, as they
# should: a script run at 17:05 saw its reminder held by the day's posture routine. The
# scripts that wait for a reminder put both hours away from the time they run (local
# time, as the watcher reads it; `date` follows TZ and daylight saving as limber does).
plan_elsewhere=(--walk-at "$(date -d '+6 hours' +%H:%M)" --session-at "$(date -d '+9 hours' +%H:%M)")
