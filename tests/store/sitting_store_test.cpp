#include "store/sitting_store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/migrations.h"
#include "support/clock.h"
#include "support/temp_dir.h"

namespace limber::store {
namespace {

using core::BreakKind;
using core::ReminderOutcome;
using std::chrono::hours;
using std::chrono::minutes;
using testing::kNoon;

class SittingStoreTest : public ::testing::Test {
 protected:
  // The one number a query reads.
  Result<std::int64_t> query_count(std::string_view sql) const { return pragma(db_, sql); }

  Database db_ = *Database::open_in_memory();
  SittingStore store_{db_};
};

TEST_F(SittingStoreTest, KeepsBoutsAndBreaksWithTheirOffsets) {
  ASSERT_TRUE(store_.add_bout({kNoon, kNoon + minutes{52}, 2}, hours{1}));
  ASSERT_TRUE(store_.add_break({kNoon + minutes{52}, kNoon + minutes{60}, BreakKind::kConfirmed},
                               hours{1}));
  auto bouts = store_.bouts(kNoon, kNoon + hours{1});
  ASSERT_TRUE(bouts) << bouts.error().message;
  ASSERT_EQ(bouts->size(), 1U);
  EXPECT_EQ((*bouts)[0].bout.length(), minutes{52});
  EXPECT_EQ((*bouts)[0].bout.reminders, 2);
  EXPECT_EQ((*bouts)[0].utc_offset, hours{1});
  auto breaks = store_.breaks(kNoon, kNoon + hours{1});
  ASSERT_TRUE(breaks);
  ASSERT_EQ(breaks->size(), 1U);
  EXPECT_EQ((*breaks)[0].pause.kind, BreakKind::kConfirmed);
  EXPECT_EQ((*breaks)[0].pause.end, kNoon + minutes{60});
}

TEST_F(SittingStoreTest, SelectsByStartHalfOpen) {
  ASSERT_TRUE(store_.add_bout({kNoon - minutes{10}, kNoon + minutes{5}, 0}, hours{0}));
  ASSERT_TRUE(store_.add_bout({kNoon, kNoon + minutes{5}, 0}, hours{0}));
  ASSERT_TRUE(store_.add_bout({kNoon + hours{1}, kNoon + hours{2}, 0}, hours{0}));
  auto bouts = store_.bouts(kNoon, kNoon + hours{1});
  ASSERT_TRUE(bouts);
  ASSERT_EQ(bouts->size(), 1U);
  EXPECT_EQ((*bouts)[0].bout.start, kNoon);
}

TEST_F(SittingStoreTest, AReminderIsKeptWhenShownAndAnsweredOnce) {
  auto id = store_.add_reminder({1, kNoon, minutes{30}}, hours{0}, "basics-desk-break");
  ASSERT_TRUE(id) << id.error().message;
  auto shown = store_.reminders(kNoon, kNoon + hours{1});
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->size(), 1U);
  EXPECT_FALSE((*shown)[0].outcome);
  EXPECT_EQ((*shown)[0].exercise, "basics-desk-break");

  ASSERT_TRUE(store_.answer_reminder(*id, kNoon + minutes{1}, ReminderOutcome::kStoodUp));
  ASSERT_TRUE(store_.answer_reminder(*id, kNoon + minutes{2}, ReminderOutcome::kIgnored));
  auto answered = store_.reminders(kNoon, kNoon + hours{1});
  ASSERT_TRUE(answered);
  EXPECT_EQ((*answered)[0].outcome, ReminderOutcome::kStoodUp);
  EXPECT_EQ((*answered)[0].answered_at, kNoon + minutes{1});
  EXPECT_EQ((*answered)[0].reminder.sat, minutes{30});
}

TEST_F(SittingStoreTest, AnsweringAReminderThatIsNotThereIsNotFound) {
  auto answered = store_.answer_reminder(42, kNoon, ReminderOutcome::kSnoozed);
  ASSERT_FALSE(answered);
  EXPECT_EQ(answered.error().code, core::ErrorCode::kNotFound);
}

TEST_F(SittingStoreTest, TheSchemaRefusesWhatTheCoreWouldReject) {
  // A bout that ends before it starts, an unknown break kind, an outcome without a time.
  EXPECT_FALSE(
      db_.exec("INSERT INTO sitting_bouts (started_at, ended_at, utc_offset) "
               "VALUES (100, 50, 0)"));
  EXPECT_FALSE(
      db_.exec("INSERT INTO sitting_breaks (started_at, ended_at, utc_offset, kind) "
               "VALUES (0, 50, 0, 'nap')"));
  EXPECT_FALSE(
      db_.exec("INSERT INTO sitting_reminders (shown_at, utc_offset, number, "
               "sat_seconds, outcome) VALUES (0, 0, 1, 0, 'ignored')"));
}

// Issue #18: "reminders paused until T", written by the page, read by the watcher.
TEST_F(SittingStoreTest, KeepsOnePauseUntilItEndsOrIsCleared) {
  auto none = store_.pause(kNoon);
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_FALSE(*none);
  ASSERT_TRUE(store_.set_pause(kNoon + minutes{30}, kNoon, hours{1}));
  ASSERT_TRUE(store_.set_pause(kNoon + minutes{60}, kNoon + minutes{1}, hours{1}));  // replaces
  EXPECT_EQ(store_.pause(kNoon + minutes{59}).value(), std::optional(kNoon + minutes{60}));
  EXPECT_EQ(store_.pause(kNoon + minutes{60}).value(), std::optional<core::Instant>{});  // ended
  ASSERT_TRUE(store_.clear_pause());
  EXPECT_EQ(store_.pause(kNoon).value(), std::optional<core::Instant>{});
  auto backwards = store_.set_pause(kNoon, kNoon + minutes{1}, hours{0});
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().code, core::ErrorCode::kInvalidInput);
}

// Issue #18: the sitting timer says in the diary that it runs, so the page can tell
// "Reminders are off" from a timer that is not there.
TEST_F(SittingStoreTest, KeepsWhenTheSittingTimerWasLastSeenUntilItStops) {
  EXPECT_EQ(store_.watcher_seen().value(), std::optional<core::Instant>{});
  ASSERT_TRUE(store_.set_watcher_seen(kNoon, kNoon));
  ASSERT_TRUE(store_.set_watcher_seen(kNoon, kNoon + minutes{5}));  // replaces
  EXPECT_EQ(store_.watcher_seen().value(), std::optional(kNoon + minutes{5}));
  EXPECT_EQ(*query_count("SELECT count(*) FROM sitting_watcher"), 1);
  ASSERT_TRUE(store_.clear_watcher());
  EXPECT_EQ(store_.watcher_seen().value(), std::optional<core::Instant>{});
  auto backwards = store_.set_watcher_seen(kNoon, kNoon - minutes{1});
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().code, core::ErrorCode::kInvalidInput);
}

// Issue #18, sit-stand desks: a standing break and an "I was standing" answer are kept.
TEST_F(SittingStoreTest, KeepsStandingBreaksAndIWasStanding) {
  ASSERT_TRUE(store_.add_break({kNoon, kNoon + minutes{20}, BreakKind::kStanding}, hours{0}));
  auto id = store_.add_reminder({1, kNoon, minutes{30}}, hours{0}, std::nullopt);
  ASSERT_TRUE(id);
  ASSERT_TRUE(store_.answer_reminder(*id, kNoon + minutes{1}, ReminderOutcome::kWasStanding));
  auto breaks = store_.breaks(kNoon, kNoon + hours{1});
  ASSERT_TRUE(breaks);
  ASSERT_EQ(breaks->size(), 1U);
  EXPECT_EQ((*breaks)[0].pause.kind, BreakKind::kStanding);
  auto reminders = store_.reminders(kNoon, kNoon + hours{1});
  ASSERT_TRUE(reminders);
  ASSERT_EQ(reminders->size(), 1U);
  EXPECT_EQ((*reminders)[0].outcome, ReminderOutcome::kWasStanding);
}

// The step that widened the CHECKs made both tables again: every row of a diary from
// before it is kept, with its id. That step is schema version 10 (the sitting pause); the
// diary below is put back to the version before it, not to the latest but one, which a
// later step (the sitting timer's heartbeat, sharing) would make skip it; the steps after it make
// their tables only if missing.
constexpr int kBeforeTheSittingPause = 9;

TEST(SittingStoreMigrationTest, RebuildingTheSittingTablesKeepsEveryRow) {
  const testing::TempDir dir;
  const auto path = dir.path() / "limber.db";
  std::int64_t reminder = 0;
  {
    auto db = Database::open(path, {});
    ASSERT_TRUE(db);
    const SittingStore store(*db);
    ASSERT_TRUE(store.add_break({kNoon, kNoon + minutes{5}, BreakKind::kLocked}, hours{1}));
    auto id = store.add_reminder({2, kNoon, minutes{40}}, hours{1}, "basics-desk-break");
    ASSERT_TRUE(id);
    reminder = *id;
    ASSERT_TRUE(store.answer_reminder(reminder, kNoon + minutes{2}, ReminderOutcome::kSnoozed));
    // Back to the step before: the old CHECKs, the rows kept.
    ASSERT_TRUE(db->exec(fmt::format(
        "DROP TABLE sitting_pause;"
        "CREATE TABLE old_breaks AS SELECT * FROM sitting_breaks;"
        "CREATE TABLE old_reminders AS SELECT * FROM sitting_reminders;"
        "DROP TABLE sitting_breaks; DROP TABLE sitting_reminders;"
        "CREATE TABLE sitting_breaks (id INTEGER PRIMARY KEY, started_at INTEGER NOT NULL, "
        "ended_at INTEGER NOT NULL, utc_offset INTEGER NOT NULL, kind TEXT NOT NULL CHECK "
        "(kind IN ('idle', 'locked', 'confirmed'))) STRICT;"
        "CREATE TABLE sitting_reminders (id INTEGER PRIMARY KEY, shown_at INTEGER NOT NULL, "
        "utc_offset INTEGER NOT NULL, number INTEGER NOT NULL, sat_seconds INTEGER NOT NULL, "
        "exercise TEXT, outcome TEXT CHECK (outcome IN ('stood-up', 'snoozed', 'took-break', "
        "'ignored')), answered_at INTEGER) STRICT;"
        "INSERT INTO sitting_breaks SELECT * FROM old_breaks;"
        "INSERT INTO sitting_reminders SELECT * FROM old_reminders;"
        "DROP TABLE old_breaks; DROP TABLE old_reminders; PRAGMA user_version = {}",
        kBeforeTheSittingPause)));
    EXPECT_FALSE(store.add_break({kNoon, kNoon + minutes{5}, BreakKind::kStanding}, hours{1}));
  }
  auto db = Database::open(path, {});
  ASSERT_TRUE(db) << db.error().message;
  const SittingStore store(*db);
  auto breaks = store.breaks(kNoon, kNoon + hours{1});
  ASSERT_TRUE(breaks) << breaks.error().message;
  ASSERT_EQ(breaks->size(), 1U);
  EXPECT_EQ((*breaks)[0].pause.kind, BreakKind::kLocked);
  EXPECT_EQ((*breaks)[0].utc_offset, hours{1});
  auto reminders = store.reminders(kNoon, kNoon + hours{1});
  ASSERT_TRUE(reminders);
  ASSERT_EQ(reminders->size(), 1U);
  EXPECT_EQ((*reminders)[0].id, reminder);
  EXPECT_EQ((*reminders)[0].exercise, "basics-desk-break");
  EXPECT_EQ((*reminders)[0].outcome, ReminderOutcome::kSnoozed);
  EXPECT_TRUE(store.add_break({kNoon, kNoon + minutes{5}, BreakKind::kStanding}, hours{1}));
  EXPECT_TRUE(store.set_pause(kNoon + minutes{30}, kNoon, hours{1}));
}

TEST(SittingStoreMigrationTest, AVersionThreeDiaryGainsTheSittingTables) {
  const testing::TempDir dir;
  const auto path = dir.path() / "limber.db";
  {
    auto db = Database::open(path, {});
    ASSERT_TRUE(db);
    ASSERT_TRUE(
        db->exec("DROP TABLE sitting_bouts; DROP TABLE sitting_breaks; "
                 "DROP TABLE sitting_reminders; PRAGMA user_version = 3"));
  }
  auto db = Database::open(path, {});
  ASSERT_TRUE(db) << db.error().message;
  EXPECT_GE(latest_schema_version(), 4);
  EXPECT_TRUE(SittingStore(*db).add_bout({kNoon, kNoon + minutes{40}, 1}, hours{0}));
}

}  // namespace
}  // namespace limber::store
