#include "app/diary_service.h"

#include <cstdlib>
#include <ctime>

#include <gtest/gtest.h>

#include "app/builtin_catalog.h"
#include "app/local_time.h"
#include "support/clock.h"
#include "support/entries.h"
#include "support/time_zone.h"

namespace limber::app {
namespace {

using core::Entry;
using std::chrono::hours;
using testing::kNoon;
using testing::pain_entry;

// Central European time, written as a POSIX rule so no zone database is needed; set before
// the service reads "now" in it, and put back after the test.
class DiaryServiceTest : public ::testing::Test {
 protected:
  testing::ScopedTimeZone zone_{"CET-1CEST,M3.5.0,M10.5.0/3"};

  store::Database db_ = *store::Database::open_in_memory();
  DiaryService diary_{db_, local_now(kNoon)};
};

TEST_F(DiaryServiceTest, RecordsTheLocalOffsetOfTheMomentLogged) {
  auto summer = diary_.log(pain_entry(kNoon - hours{24 * 150}, 5));  // in June
  auto winter = diary_.log(pain_entry(kNoon, 5));
  ASSERT_TRUE(summer.has_value() && winter.has_value());
  EXPECT_EQ(summer->utc_offset, hours{2});
  EXPECT_EQ(winter->utc_offset, hours{1});
}

TEST_F(DiaryServiceTest, RefusesAnEntryInTheFuture) {
  auto entry = diary_.log(pain_entry(kNoon + hours{3}, 5));
  ASSERT_FALSE(entry.has_value());
  EXPECT_EQ(*diary_.store().count(), 0);
}

TEST_F(DiaryServiceTest, RecentStartsAtLocalMidnight) {
  // Local now is 13:00; local midnight is 23:00 UTC the day before.
  ASSERT_TRUE(diary_.log(pain_entry(kNoon - hours{13} - std::chrono::minutes{1}, 7)));
  ASSERT_TRUE(diary_.log(pain_entry(kNoon - hours{12} - std::chrono::minutes{59}, 6)));
  EXPECT_EQ(diary_.recent(1)->size(), 1U);
  EXPECT_EQ(diary_.recent(2)->size(), 2U);
  EXPECT_FALSE(diary_.recent(0).has_value());
  EXPECT_FALSE(diary_.recent(kMaxHistoryDays + 1).has_value());
}

TEST_F(DiaryServiceTest, EditsOnlyWhatFitsTheKind) {
  auto saved = diary_.log(pain_entry(kNoon - hours{1}, 7));
  ASSERT_TRUE(saved.has_value());
  EntryEdit minutes;
  minutes.minutes = 10;
  auto wrong = diary_.edit(saved->id, minutes);
  ASSERT_FALSE(wrong.has_value());
  EXPECT_NE(wrong.error().message.find("is a pain entry"), std::string::npos);
  EntryEdit pain;
  pain.pain = *core::PainScore::from_int(3);
  pain.note = "better";
  auto edited = diary_.edit(saved->id, pain);
  ASSERT_TRUE(edited.has_value());
  EXPECT_EQ(std::get<core::PainRecord>(diary_.get(saved->id)->detail).pain.value(), 3);
  EXPECT_EQ(diary_.get(saved->id)->note, "better");
}

TEST_F(DiaryServiceTest, ExportThenImportIntoAnEmptyDiaryGivesTheSameFile) {
  ASSERT_TRUE(diary_.log(pain_entry(kNoon - hours{30}, 8)));
  ASSERT_TRUE(diary_.log(pain_entry(kNoon - hours{2}, 5)));
  const std::string csv = *diary_.export_csv();
  store::Database other = *store::Database::open_in_memory();
  DiaryService copy(other, local_now(kNoon));
  const core::Catalog catalog = *builtin_catalog();
  auto summary = copy.import_csv(csv, catalog);
  ASSERT_TRUE(summary.has_value()) << summary.error().message;
  EXPECT_EQ(summary->added, 2U);
  EXPECT_EQ(*copy.export_csv(), csv);
  EXPECT_EQ(copy.import_csv(csv, catalog)->already_there, 2U);
}

TEST_F(DiaryServiceTest, ReadsTypedLocalTimesInTheLocalZone) {
  auto at = read_time("yesterday 21:00", diary_.now());
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(*at, kNoon - hours{16});                           // 21:00 CET is 20:00 UTC
  EXPECT_FALSE(read_time("23:00", diary_.now()).has_value());  // later today: the future
}

}  // namespace
}  // namespace limber::app
