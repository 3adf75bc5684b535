#!/usr/bin/env bash
# A pause set on the page holds a real watcher's reminder (issue #18), end to end: Xvfb with
# xdotool, a private session bus, dunst, the real `limber serve` and `limber watch`. The
# page's request (PUT /api/sitting/pause, sent here with curl as a script would) writes
# "reminders paused until T" into the diary; the watcher reads it when its reminder falls
# due and holds it; "Resume now" (DELETE) lets it through without waiting for T.
#
# Usage: pause_e2e.sh LIMBER_BINARY
set -euo pipefail

limber=$1
test_name=pause_e2e
logs=(watch.log serve.log dunst.log monitor.log)
# shellcheck source=tests/watch/desktop_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/desktop_lib.sh"

start_session_bus
start_xvfb
start_dunst <<RC
[urgency_normal]
    timeout = 0
RC

export LIMBER_HOME="$work/data"
start_serve
page() {
  curl -sS -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    ${2:+--data "$2"} "${address}api/sitting/pause"
}

"$limber" watch --limit 3s --break 2s "${plan_elsewhere[@]}" --verbose --idle-source xsync 2>"$work/watch.log" &
watch_pid=$!
pids+=("$watch_pid")
wait_for 100 has_owner org.limber.Watch || fail "limber watch did not take its bus name"

# Paused on the page after the watcher started: it learns of it only from the diary.
page PUT '{"minutes": 60}' >"$work/put.json"
grep -Eq '"paused": ?true' "$work/put.json" || fail "the page's pause was refused: $(cat "$work/put.json")"
grep -q 'Reminders paused until' "$work/put.json" || fail "no words for the pause: $(cat "$work/put.json")"

# Sit past the limit: the reminder falls due and is held.
for ((i = 0; i < 30; i++)); do
  xdotool mousemove $((100 + i * 5)) 200
  sleep 0.5
  if grep -q "reminder held: reminders are paused" "$work/watch.log"; then break; fi
done
grep -q "reminder held: reminders are paused" "$work/watch.log" || fail "the reminder was not held"
grep -q "reminders paused until .* (from the diary)" "$work/watch.log" ||
  fail "the watcher did not read the pause from the diary"
if grep -q 'string "Time to stand up"' "$work/monitor.log"; then
  fail "a reminder was shown while paused"
fi
# Still sitting, still paused: nothing shown.
for ((i = 0; i < 6; i++)); do xdotool mousemove $((300 + i * 5)) 300; sleep 0.5; done
if grep -q 'string "Time to stand up"' "$work/monitor.log"; then
  fail "a reminder was shown while paused"
fi

# "Resume now" on the page: the held reminder comes without waiting out the hour.
page DELETE >"$work/delete.json"
grep -Eq '"paused": ?false' "$work/delete.json" || fail "resume failed: $(cat "$work/delete.json")"
for ((i = 0; i < 30; i++)); do
  xdotool mousemove $((500 + i * 5)) 300
  sleep 0.5
  if grep -q 'string "Time to stand up"' "$work/monitor.log"; then break; fi
done
grep -q 'string "Time to stand up"' "$work/monitor.log" || fail "no reminder after Resume now"
grep -q "reminders resumed (from the diary)" "$work/watch.log" || fail "the resume was not read"
grep -q 'string "I was standing"' "$work/monitor.log" || fail "the reminder has no I-was-standing button"

kill -TERM "$watch_pid"
wait "$watch_pid" || fail "limber watch exited with $?"
echo "pause_e2e: the page's pause held the reminder; Resume now let it through"
