#!/usr/bin/env bash
# The evening question (issue #15), end to end under a real desktop: Xvfb, a private
# session bus, dunst and the real `limber watch --log-reminder HH:MM`, with the time set to
# the coming minute. A diary with an entry today: the time passes and nothing is asked. A
# diary with none: one notification "How is your back this evening?" with its button "Open
# the Log page", and only one.
#
# Usage: log_reminder_e2e.sh LIMBER_BINARY
set -euo pipefail

limber=$1
test_name=log_reminder_e2e
logs=(watch-logged.log watch-empty.log dunst.log monitor.log)
# shellcheck source=tests/watch/desktop_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/desktop_lib.sh"

export TZ=UTC
start_session_bus
start_xvfb
start_dunst <<RC
[urgency_normal]
    timeout = 0
RC

question='string "How is your back this evening?"'

# The coming minute, at least 10 seconds away so the watcher is up before it.
coming_minute() {
  if (($(date +%-S) > 50)); then date -d '+2 min' +%H:%M; else date -d '+1 min' +%H:%M; fi
}

# Runs a watcher on diary $1 asking at the coming minute, logging to $2, until its log
# holds $3 (at most 150 s), then stops it.
watch_until() {
  local home=$1 log=$2 line=$3 at
  at=$(coming_minute)
  LIMBER_HOME=$home "$limber" watch --log-reminder "$at" --verbose --idle-source xsync 2>"$work/$log" &
  local watcher=$!
  pids+=("$watcher")
  wait_for 100 has_owner org.limber.Watch || fail "limber watch did not take its bus name"
  # The watcher says when it will ask just after it takes its name: wait for that line too.
  wait_for 100 grep -q "the evening question at" "$work/$log" || fail "no evening question set for $at"
  wait_for 1500 grep -q "$line" "$work/$log" || fail "'$line' never came at $at"
  sleep 1  # a second question, if one came, would be on the bus by now
  kill -TERM "$watcher"
  wait "$watcher" || fail "limber watch exited with $?"
  wait_for 50 sh -c '! dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner string:org.limber.Watch | grep -q "boolean true"' ||
    fail "the bus name stayed taken"
}

# Logged today: the time passes and nothing is asked.
LIMBER_HOME="$work/logged" "$limber" log 3 lower-back >/dev/null
watch_until "$work/logged" watch-logged.log "the evening question not asked: 1 entries today"
if grep -q "$question" "$work/monitor.log"; then
  fail "asked although the day was logged"
fi

# Nothing logged: asked once, with the button to the Log page.
watch_until "$work/empty" watch-empty.log "the evening question shown as notification"
asked=$(grep -c "$question" "$work/monitor.log" || true)
[[ $asked == 1 ]] || fail "asked $asked times, not once"
grep -q 'string "Open the Log page"' "$work/monitor.log" || fail "no button to open the Log page"
echo "log_reminder_e2e: nothing asked on a logged day; asked once on a day with nothing logged"
