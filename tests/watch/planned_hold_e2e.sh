#!/usr/bin/env bash
# The plan's own session holds the sitting reminder while it is on, end to end: Xvfb with
# xdotool, a private session bus, dunst and the real `limber watch`, its session set to
# begin this minute (a new diary's first day plans an 18-minute posture routine). Sitting
# past the limit then shows nothing: the watcher says the reminder is held by the plan.
# This is what held the desktop scripts' reminders when CI ran at 17:01, the default
# session time; those scripts now plan away from the time they run.
#
# Usage: planned_hold_e2e.sh LIMBER_BINARY
set -euo pipefail

limber=$1
test_name=planned_hold_e2e
logs=(watch.log dunst.log monitor.log)
# shellcheck source=tests/watch/desktop_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/desktop_lib.sh"

start_session_bus
start_xvfb
start_dunst <<RC
[urgency_normal]
    timeout = 0
RC

export LIMBER_HOME="$work/data"
# A minute before 00:00 the session would begin on the day the watcher does not read yet:
# wait for the new day instead.
while [[ $(date +%H:%M) == 23:59 ]]; do sleep 1; done
"$limber" watch --limit 3s --break 2s --session-at "$(date +%H:%M)" \
  --walk-at "$(date -d '+6 hours' +%H:%M)" --verbose --idle-source xsync 2>"$work/watch.log" &
watch_pid=$!
pids+=("$watch_pid")
wait_for 100 has_owner org.limber.Watch || fail "limber watch did not take its bus name"

for ((i = 0; i < 30; i++)); do
  xdotool mousemove $((100 + i * 5)) 200
  sleep 0.5
  if grep -q "reminder held: .* from the plan is on" "$work/watch.log"; then break; fi
done
grep -Eq "reminder held: (Posture routine|Exercise session), [0-9]+ minutes from the plan is on" "$work/watch.log" ||
  fail "the planned session did not hold the reminder"
# Still sitting during the session: nothing shown.
for ((i = 0; i < 8; i++)); do xdotool mousemove $((300 + i * 5)) 300; sleep 0.5; done
if grep -q 'string "Time to stand up"' "$work/monitor.log"; then
  fail "a reminder was shown during the planned session"
fi

kill -TERM "$watch_pid"
wait "$watch_pid" || fail "limber watch exited with $?"
echo "planned_hold_e2e: the plan's session held the sitting reminder"
