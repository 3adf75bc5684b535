#!/usr/bin/env bash
# Whether a sitting timer runs, as the page hears it (issue #18), end to end: Xvfb, a
# private session bus, dunst, the real `limber serve` and `limber watch`. Before the
# watcher starts, GET /api/sitting/pause says the timer is not running; once it runs, that
# it is (the watcher's row in the diary, written when its event loop starts); once it has
# stopped on SIGTERM, that it is not again.
#
# Usage: timer_state_e2e.sh LIMBER_BINARY
set -euo pipefail

limber=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/limber-timer-e2e-XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "timer_state_e2e: $*" >&2
  for log in watch.log serve.log dunst.log; do
    [[ -f "$work/$log" ]] && { echo "--- $log" >&2; tail -n 40 "$work/$log" >&2; }
  done
  exit 1
}

wait_for() {
  local tenths=$1
  shift
  for ((i = 0; i < tenths; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  return 1
}

dbus-daemon --session --nofork --print-address=4 4>"$work/bus" 2>"$work/dbus.log" &
pids+=($!)
wait_for 100 test -s "$work/bus" || fail "dbus-daemon did not start"
export DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$work/bus")
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/no-system-bus"
has_owner() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
    org.freedesktop.DBus.NameHasOwner "string:$1" | grep -q 'boolean true'
}

Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
wait_for 100 test -s "$work/display" || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$work/display")"

dunst >"$work/dunst.log" 2>&1 &
pids+=($!)
wait_for 100 has_owner org.freedesktop.Notifications || fail "dunst did not take the bus name"

export LIMBER_HOME="$work/data"
mkfifo "$work/serve-in"
"$limber" serve --port 0 --no-open <"$work/serve-in" >"$work/serve.log" 2>&1 &
pids+=($!)
exec 6>"$work/serve-in"
wait_for 200 grep -q "Authorization: Bearer" "$work/serve.log" || fail "limber serve did not start"
address=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -n1)
token=$(sed -n "s/.*'Authorization: Bearer \([^']*\)'.*/\1/p" "$work/serve.log")
timer() {
  curl -sS -H "Authorization: Bearer $token" "${address}api/sitting/pause" |
    python3 -c 'import json, sys; t = json.load(sys.stdin)["timer"]; print("running" if t["running"] else "off", t["seen_at"])'
}

[[ $(timer) == "off None" ]] || fail "a timer was heard before any ran: $(timer)"

"$limber" watch --verbose --idle-source xsync 2>"$work/watch.log" &
watch_pid=$!
pids+=("$watch_pid")
wait_for 100 has_owner org.limber.Watch || fail "limber watch did not take its bus name"
seen=""
for ((i = 0; i < 100; i++)); do
  seen=$(timer)
  [[ $seen == running* ]] && break
  sleep 0.1
done
[[ $seen =~ ^running\ [0-9]{4}-[0-9]{2}-[0-9]{2}T ]] || fail "no time it was heard: $seen"

kill -TERM "$watch_pid"
wait "$watch_pid" || fail "limber watch exited with $?"
[[ $(timer) == "off None" ]] || fail "the stopped timer is still heard: $(timer)"
echo "timer_state_e2e: the page heard the sitting timer while it ran, and not after it stopped"
