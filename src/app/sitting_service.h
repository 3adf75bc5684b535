// The sitting diary's use cases, shared by `limber watch` (which records), `limber history`
// and the plan (which read): yesterday's longest bout, today's reminders, a day's log.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"
#include "store/sitting_store.h"

namespace limber::app {

// What the plan and history say about sitting ("you sat 52 minutes at a stretch yesterday").
struct SittingSummary {
  std::optional<core::SittingBout> longest_yesterday;
  std::optional<core::SittingBout> longest_today;
  std::chrono::seconds sat_today{0};  // all of today's bouts added up
  int breaks_today = 0;
  int reminders_today = 0;  // shown
  int stood_up_today = 0;   // answered "I stood up", or a break followed
  int snoozed_today = 0;
  int ignored_today = 0;
  int was_standing_today = 0;           // answered "I was standing"
  std::chrono::seconds stood_today{0};  // standing breaks (sit-stand desk, a session)

  [[nodiscard]] bool empty() const {
    return !longest_yesterday && !longest_today && breaks_today == 0 && reminders_today == 0;
  }
};

// Everything recorded between two moments.
struct SittingLog {
  std::vector<store::StoredBout> bouts;
  std::vector<store::StoredBreak> breaks;
  std::vector<store::StoredReminder> reminders;
};

// One local day of sitting, for the progress charts.
struct SittingDay {
  std::chrono::local_days day;
  std::chrono::seconds sat{0};      // all bouts that began that day
  std::chrono::seconds longest{0};  // the longest of them
  int breaks = 0;
  int reminders = 0;
  int stood_up = 0;               // reminders answered "I stood up"
  std::chrono::seconds stood{0};  // standing breaks added up
};

// "Reminders paused until T" (issue #18): set on the page, in the notification or with
// `limber watch --pause`; the watcher holds reminders until then and resumes by itself.
struct SittingPause {
  std::optional<core::Instant> until;  // empty: reminders are on
  std::string text;                    // "Reminders paused until 14:30.", or empty
};

// Whether the sitting timer runs (issue 18): `limber watch` says so in the diary when it
// starts and every kTimerHeartbeat after, and takes it back when it stops; heard from within
// kTimerSilence, it counts as running (a watcher that was killed goes quiet).
inline constexpr std::chrono::minutes kTimerHeartbeat{5};
inline constexpr std::chrono::minutes kTimerSilence{12};
struct SittingTimerState {
  bool running = false;
  std::optional<core::Instant> seen_at;  // when it last said it runs; empty: stopped
};

class SittingService {
 public:
  SittingService(const store::Database& db, core::Now now) : store_(db), now_(now) {}

  // What `limber watch` records, as core::SittingTimer reports it: each write is one
  // transaction, stored with the UTC offset in force at the moment it began (so history
  // shows the wall-clock time the person saw), and returns the new row's id. `now` plays
  // no part in them.
  core::Result<std::int64_t> record_bout(const core::SittingBout& bout) const;
  core::Result<std::int64_t> record_break(const core::SittingBreak& pause) const;
  // A reminder as it appears on the screen, with the movement it suggested, if any.
  core::Result<std::int64_t> record_reminder(const core::Reminder& reminder,
                                             std::optional<std::string_view> exercise) const;
  // The answer to the reminder recorded as row `id`; the first answer wins.
  core::Result<void> record_answer(std::int64_t id, core::Instant at,
                                   core::ReminderOutcome outcome) const;

  // Pauses reminders for `length` (1 minute to a day), or until `when` ("tomorrow" or
  // "HH:MM", core/sitting_pause.h), from now; replaces a pause set before. kInvalidInput
  // for a length or time out of range.
  core::Result<SittingPause> pause_for(std::chrono::minutes length) const;
  core::Result<SittingPause> pause_until(std::string_view when) const;
  // Pauses until a moment (the notification's snooze, `limber watch --pause`).
  core::Result<SittingPause> pause_until(core::Instant until) const;
  // "Resume now".
  core::Result<SittingPause> resume() const;
  // The pause that runs now, if any.
  core::Result<SittingPause> pause() const;

  // The watcher says it runs, since `started_at` (at start, then every kTimerHeartbeat);
  // and that it stopped.
  core::Result<void> record_timer_running(core::Instant started_at) const;
  core::Result<void> record_timer_stopped() const;
  // Whether the sitting timer runs now.
  core::Result<SittingTimerState> timer() const;

  // Yesterday's longest bout and today's bouts, breaks and reminders, by local days.
  core::Result<SittingSummary> summary() const;
  // The last `days` local days, today included.
  core::Result<SittingLog> recent(int days) const;
  // The last `days` local days, oldest first, one for every day (zeros when none).
  core::Result<std::vector<SittingDay>> by_day(int days) const;

  [[nodiscard]] const store::SittingStore& store() const { return store_; }

 private:
  store::SittingStore store_;
  core::Now now_;
};

// One line for a person, or empty when there is nothing to say:
// "You sat 52 minutes at a stretch yesterday. Today: 3 reminders, 1 answered by standing up."
std::string describe(const SittingSummary& summary);

// {"longest_yesterday": {"start","end","minutes"}|null, "longest_today": ...|null,
//  "sat_today_minutes", "breaks_today", "reminders_today", "stood_up_today",
//  "snoozed_today", "ignored_today", "was_standing_today", "stood_today_minutes"}
nlohmann::json to_json(const SittingSummary& summary);
// {"bouts": [{"id","start","end","minutes","reminders"}], "breaks": [{"id","start","end",
//  "seconds","kind"}], "reminders": [{"id","shown_at","number","sat_minutes","exercise",
//  "outcome","answered_at"}]}
nlohmann::json to_json(const SittingLog& log);
// {"paused": bool, "until": "2026-11-27T14:30:00+01:00"|null, "text": "Reminders paused
//  until 14:30."|""}
nlohmann::json to_json(const SittingPause& pause);
// {"running": bool, "seen_at": "2026-11-27T14:30:00+01:00"|null}
nlohmann::json to_json(const SittingTimerState& timer);
// [{"date": "2026-11-22", "sat_minutes", "longest_minutes", "breaks", "reminders",
//   "stood_up", "stood_minutes"}]
nlohmann::json to_json(const std::vector<SittingDay>& by_day);

}  // namespace limber::app
