#include "store/sitting_store.h"

#include <fmt/format.h>

#include "store/unreadable_row.h"

namespace limber::store {

using core::ErrorCode;
using core::fail;
using core::Instant;
using core::Unexpected;
using std::chrono::seconds;

namespace {

std::int64_t seconds_of(Instant at) {
  return at.time_since_epoch().count();
}

Instant instant_of(std::int64_t value) {
  return Instant{seconds{value}};
}

std::int64_t offset_of(seconds utc_offset) {
  return static_cast<std::int64_t>(utc_offset.count());
}

// Runs `query` (bound to from, to) and turns each row into a T with `read`.
template <class T, class Read>
Result<std::vector<T>> rows(const Database& db, std::string_view sql, Instant from, Instant to,
                            Read read) {
  LIMBER_TRY_ASSIGN(auto query, db.prepare(sql));
  query.bind(1, seconds_of(from)).bind(2, seconds_of(to));
  std::vector<T> found;
  LIMBER_TRY(query.for_each_row([&](const Statement& row) -> Result<void> {
    LIMBER_TRY_ASSIGN(auto item, read(row));
    found.push_back(std::move(item));
    return {};
  }));
  return found;
}

}  // namespace

Result<std::int64_t> SittingStore::add_bout(const core::SittingBout& bout,
                                            seconds utc_offset) const {
  return db_.transaction([&]() -> Result<std::int64_t> {
    LIMBER_TRY_ASSIGN(
        auto insert,
        db_.prepare("INSERT INTO sitting_bouts (started_at, ended_at, utc_offset, reminders) "
                    "VALUES (?1, ?2, ?3, ?4)"));
    insert.bind(1, seconds_of(bout.start))
        .bind(2, seconds_of(bout.end))
        .bind(3, offset_of(utc_offset))
        .bind(4, static_cast<std::int64_t>(bout.reminders));
    LIMBER_TRY(insert.run());
    return db_.last_insert_id();
  });
}

Result<std::int64_t> SittingStore::add_break(const core::SittingBreak& pause,
                                             seconds utc_offset) const {
  return db_.transaction([&]() -> Result<std::int64_t> {
    LIMBER_TRY_ASSIGN(
        auto insert,
        db_.prepare("INSERT INTO sitting_breaks (started_at, ended_at, utc_offset, kind) "
                    "VALUES (?1, ?2, ?3, ?4)"));
    insert.bind(1, seconds_of(pause.start))
        .bind(2, seconds_of(pause.end))
        .bind(3, offset_of(utc_offset))
        .bind(4, core::to_string(pause.kind));
    LIMBER_TRY(insert.run());
    return db_.last_insert_id();
  });
}

Result<std::int64_t> SittingStore::add_reminder(const core::Reminder& reminder, seconds utc_offset,
                                                std::optional<std::string_view> exercise) const {
  return db_.transaction([&]() -> Result<std::int64_t> {
    LIMBER_TRY_ASSIGN(
        auto insert,
        db_.prepare(
            "INSERT INTO sitting_reminders (shown_at, utc_offset, number, sat_seconds, exercise) "
            "VALUES (?1, ?2, ?3, ?4, ?5)"));
    insert.bind(1, seconds_of(reminder.shown_at))
        .bind(2, offset_of(utc_offset))
        .bind(3, static_cast<std::int64_t>(reminder.number))
        .bind(4, static_cast<std::int64_t>(reminder.sat.count()))
        .bind(5, exercise);
    LIMBER_TRY(insert.run());
    return db_.last_insert_id();
  });
}

Result<void> SittingStore::answer_reminder(std::int64_t id, Instant at,
                                           core::ReminderOutcome outcome) const {
  return db_.transaction([&]() -> Result<void> {
    LIMBER_TRY_ASSIGN(auto exists,
                      db_.prepare("SELECT shown_at FROM sitting_reminders WHERE id = ?1"));
    exists.bind(1, id);
    LIMBER_TRY_ASSIGN(const bool found, exists.step());
    if (!found)
      return fail(ErrorCode::kNotFound, fmt::format("no reminder #{} in the diary", id));
    const std::int64_t shown_at = exists.integer(0);
    LIMBER_TRY_ASSIGN(auto update,
                      db_.prepare("UPDATE sitting_reminders SET outcome = ?2, answered_at = ?3 "
                                  "WHERE id = ?1 AND outcome IS NULL"));
    update.bind(1, id)
        .bind(2, core::to_string(outcome))
        .bind(3, std::max(seconds_of(at), shown_at));
    return update.run();
  });
}

Result<void> SittingStore::set_pause(Instant until, Instant at, seconds utc_offset) const {
  if (until <= at)
    return fail(ErrorCode::kInvalidInput, "a pause must end after it starts");
  return db_.transaction([&]() -> Result<void> {
    LIMBER_TRY_ASSIGN(auto upsert,
                      db_.prepare("INSERT OR REPLACE INTO sitting_pause (id, until, set_at, "
                                  "utc_offset) VALUES (1, ?1, ?2, ?3)"));
    upsert.bind(1, seconds_of(until)).bind(2, seconds_of(at)).bind(3, offset_of(utc_offset));
    return upsert.run();
  });
}

Result<void> SittingStore::clear_pause() const {
  return db_.transaction([&]() -> Result<void> { return db_.exec("DELETE FROM sitting_pause"); });
}

Result<std::optional<Instant>> SittingStore::pause(Instant now) const {
  LIMBER_TRY_ASSIGN(auto query,
                    db_.prepare("SELECT until FROM sitting_pause WHERE id = 1 AND until > ?1"));
  query.bind(1, seconds_of(now));
  LIMBER_TRY_ASSIGN(const bool found, query.step());
  if (!found)
    return std::optional<Instant>{};
  return std::optional<Instant>{instant_of(query.integer(0))};
}

Result<void> SittingStore::set_watcher_seen(Instant started_at, Instant seen_at) const {
  if (seen_at < started_at)
    return fail(ErrorCode::kInvalidInput, "the sitting timer cannot be seen before it started");
  return db_.transaction([&]() -> Result<void> {
    LIMBER_TRY_ASSIGN(auto upsert, db_.prepare("INSERT OR REPLACE INTO sitting_watcher (id, "
                                               "started_at, seen_at) VALUES (1, ?1, ?2)"));
    upsert.bind(1, seconds_of(started_at)).bind(2, seconds_of(seen_at));
    return upsert.run();
  });
}

Result<void> SittingStore::clear_watcher() const {
  return db_.transaction([&]() -> Result<void> { return db_.exec("DELETE FROM sitting_watcher"); });
}

Result<std::optional<Instant>> SittingStore::watcher_seen() const {
  LIMBER_TRY_ASSIGN(auto query, db_.prepare("SELECT seen_at FROM sitting_watcher WHERE id = 1"));
  LIMBER_TRY_ASSIGN(const bool found, query.step());
  if (!found)
    return std::optional<Instant>{};
  return std::optional<Instant>{instant_of(query.integer(0))};
}

Result<std::vector<StoredBout>> SittingStore::bouts(Instant from, Instant to) const {
  return rows<StoredBout>(
      db_,
      "SELECT id, started_at, ended_at, utc_offset, reminders FROM sitting_bouts "
      "WHERE started_at >= ?1 AND started_at < ?2 ORDER BY started_at, id",
      from, to, [](const Statement& row) -> Result<StoredBout> {
        return StoredBout{row.integer(0),
                          {instant_of(row.integer(1)), instant_of(row.integer(2)),
                           static_cast<int>(row.integer(4))},
                          seconds{row.integer(3)}};
      });
}

Result<std::vector<StoredBreak>> SittingStore::breaks(Instant from, Instant to) const {
  return rows<StoredBreak>(db_,
                           "SELECT id, started_at, ended_at, utc_offset, kind FROM sitting_breaks "
                           "WHERE started_at >= ?1 AND started_at < ?2 ORDER BY started_at, id",
                           from, to, [](const Statement& row) -> Result<StoredBreak> {
                             auto kind = core::parse_break_kind(row.text(4));
                             if (!kind)
                               return Unexpected(unreadable_row("sitting_breaks", row.integer(0)));
                             return StoredBreak{
                                 row.integer(0),
                                 {instant_of(row.integer(1)), instant_of(row.integer(2)), *kind},
                                 seconds{row.integer(3)}};
                           });
}

Result<std::vector<StoredReminder>> SittingStore::reminders(Instant from, Instant to) const {
  return rows<StoredReminder>(
      db_,
      "SELECT id, shown_at, utc_offset, number, sat_seconds, exercise, outcome, answered_at "
      "FROM sitting_reminders WHERE shown_at >= ?1 AND shown_at < ?2 ORDER BY shown_at, id",
      from, to, [](const Statement& row) -> Result<StoredReminder> {
        StoredReminder stored;
        stored.id = row.integer(0);
        stored.reminder = {static_cast<int>(row.integer(3)), instant_of(row.integer(1)),
                           seconds{row.integer(4)}};
        stored.utc_offset = seconds{row.integer(2)};
        if (!row.is_null(5))
          stored.exercise = row.text(5);
        if (!row.is_null(6)) {
          auto outcome = core::parse_reminder_outcome(row.text(6));
          if (!outcome)
            return Unexpected(unreadable_row("sitting_reminders", stored.id));
          stored.outcome = *outcome;
        }
        if (auto answered = row.optional_integer(7))
          stored.answered_at = instant_of(*answered);
        return stored;
      });
}

}  // namespace limber::store
