// What `limber watch` records goes through app's SittingService (issue 13, finding 7): each
// bout, break and reminder is kept with the UTC offset in force when it began, so history
// shows the wall-clock time the person saw, on either side of a clock change.
#include <chrono>

#include <gtest/gtest.h>

#include "app/sitting_service.h"
#include "store/database.h"
#include "store/sitting_store.h"
#include "support/clock.h"
#include "support/time_zone.h"

namespace limber::watch {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::utc;

TEST(SittingRecordTest, EachRecordKeepsTheOffsetInForceWhenItBegan) {
  const testing::ScopedTimeZone berlin("Europe/Berlin");
  auto db = store::Database::open_in_memory();
  ASSERT_TRUE(db) << db.error().message;
  // Berlin moves from +02:00 to +01:00 at 01:00 UTC on 2026-10-25.
  const core::Instant summer = utc(2026, 10, 24, 12);
  const core::Instant winter = utc(2026, 10, 26, 12);
  const app::SittingService sitting(*db, testing::now_at(winter, hours{1}));

  ASSERT_TRUE(sitting.record_bout({summer, summer + minutes{50}, 1}));
  ASSERT_TRUE(sitting.record_bout({winter, winter + minutes{40}, 0}));
  ASSERT_TRUE(
      sitting.record_break({summer + minutes{50}, summer + minutes{55}, core::BreakKind::kIdle}));
  const auto reminder =
      sitting.record_reminder({1, winter + minutes{35}, minutes{35}}, "basics-desk-break");
  ASSERT_TRUE(reminder) << reminder.error().message;
  ASSERT_TRUE(
      sitting.record_answer(*reminder, winter + minutes{36}, core::ReminderOutcome::kStoodUp));
  // The first answer wins.
  ASSERT_TRUE(
      sitting.record_answer(*reminder, winter + minutes{37}, core::ReminderOutcome::kSnoozed));

  const store::SittingStore stored(*db);
  const auto bouts = stored.bouts(summer - hours{1}, winter + hours{1});
  ASSERT_TRUE(bouts);
  ASSERT_EQ(bouts->size(), 2U);
  EXPECT_EQ((*bouts)[0].utc_offset, hours{2});
  EXPECT_EQ((*bouts)[1].utc_offset, hours{1});
  const auto breaks = stored.breaks(summer - hours{1}, winter + hours{1});
  ASSERT_TRUE(breaks);
  ASSERT_EQ(breaks->size(), 1U);
  EXPECT_EQ((*breaks)[0].utc_offset, hours{2});
  const auto reminders = stored.reminders(summer - hours{1}, winter + hours{1});
  ASSERT_TRUE(reminders);
  ASSERT_EQ(reminders->size(), 1U);
  EXPECT_EQ((*reminders)[0].utc_offset, hours{1});
  EXPECT_EQ((*reminders)[0].exercise, "basics-desk-break");
  EXPECT_EQ((*reminders)[0].outcome, core::ReminderOutcome::kStoodUp);
  EXPECT_EQ((*reminders)[0].answered_at, winter + minutes{36});
}

TEST(SittingRecordTest, AnAnswerToNoReminderSaysSo) {
  auto db = store::Database::open_in_memory();
  ASSERT_TRUE(db) << db.error().message;
  const app::SittingService sitting(*db, testing::now_at(testing::kNoon));
  const auto answered = sitting.record_answer(42, testing::kNoon, core::ReminderOutcome::kStoodUp);
  ASSERT_FALSE(answered);
  EXPECT_EQ(answered.error().code, core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace limber::watch
