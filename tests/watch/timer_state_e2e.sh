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
test_name=timer_state_e2e
logs=(watch.log serve.log dunst.log)
# shellcheck source=tests/watch/desktop_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/desktop_lib.sh"

start_session_bus
start_xvfb
start_dunst </dev/null

export LIMBER_HOME="$work/data"
start_serve
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
