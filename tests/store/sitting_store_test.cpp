#include "store/sitting_store.h"

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
