// The sitting timer's diary (schema v4, v8): bouts of sitting, breaks, the reminders shown
// with what became of each, and the pause the page or the notification set. Written by `limber
// watch`, read by history and the plan.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "core/sitting_timer.h"
#include "store/database.h"

namespace limber::store {

struct StoredBout {
  std::int64_t id = 0;
  core::SittingBout bout;
  std::chrono::seconds utc_offset{0};
};

struct StoredBreak {
  std::int64_t id = 0;
  core::SittingBreak pause;
  std::chrono::seconds utc_offset{0};
};

struct StoredReminder {
  std::int64_t id = 0;
  core::Reminder reminder;
  std::chrono::seconds utc_offset{0};
  std::optional<std::string> exercise;           // the movement it suggested
  std::optional<core::ReminderOutcome> outcome;  // empty: not answered (yet)
  std::optional<core::Instant> answered_at;
};

class SittingStore {
 public:
  explicit SittingStore(const Database& db) : db_(db) {}

  // Each write is one transaction, committed before it returns. Returns the new row's id.
  Result<std::int64_t> add_bout(const core::SittingBout& bout,
                                std::chrono::seconds utc_offset) const;
  Result<std::int64_t> add_break(const core::SittingBreak& pause,
                                 std::chrono::seconds utc_offset) const;
  // A reminder as it appears on the screen, not yet answered.
  Result<std::int64_t> add_reminder(const core::Reminder& reminder, std::chrono::seconds utc_offset,
                                    std::optional<std::string_view> exercise) const;
  // Records the answer to reminder `id`; kNotFound when there is no such reminder, and an
  // answer already recorded is kept (the first answer wins).
  Result<void> answer_reminder(std::int64_t id, core::Instant at,
                               core::ReminderOutcome outcome) const;

  // "Reminders paused until `until`" (issue #18), set at `at`: replaces any pause before.
  // kInvalidInput unless until > at.
  Result<void> set_pause(core::Instant until, core::Instant at,
                         std::chrono::seconds utc_offset) const;
  // "Resume now": no pause any more (nothing to do when none is set).
  Result<void> clear_pause() const;
  // The pause's end, when one is set and still runs at `now`; an ended one is not.
  Result<std::optional<core::Instant>> pause(core::Instant now) const;

  // The sitting timer says it runs (issue 18): started at `started_at`, still there at
  // `seen_at`; replaces what an earlier watcher wrote. kInvalidInput unless seen_at >=
  // started_at.
  Result<void> set_watcher_seen(core::Instant started_at, core::Instant seen_at) const;
  // The sitting timer stopped.
  Result<void> clear_watcher() const;
  // When the sitting timer last said it runs; empty when it stopped or never ran.
  Result<std::optional<core::Instant>> watcher_seen() const;

  // Rows that start in [from, to), oldest first.
  Result<std::vector<StoredBout>> bouts(core::Instant from, core::Instant to) const;
  Result<std::vector<StoredBreak>> breaks(core::Instant from, core::Instant to) const;
  Result<std::vector<StoredReminder>> reminders(core::Instant from, core::Instant to) const;

 private:
  const Database& db_;
};

}  // namespace limber::store
