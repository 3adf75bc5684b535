#include "watch/watcher.h"

#include <gtest/gtest.h>

#include "app/builtin_catalog.h"
#include "core/catalog.h"
#include "support/time_zone.h"

namespace limber::watch {
namespace {

using std::chrono::minutes;

TEST(WatcherTest, ReadsTheIdleSourceNames) {
  EXPECT_EQ(parse_source_choice("xsync"), SourceChoice::kXSync);
  EXPECT_EQ(parse_source_choice("xss"), SourceChoice::kXScreenSaver);
  EXPECT_EQ(parse_source_choice("wayland"), SourceChoice::kWayland);
  EXPECT_EQ(parse_source_choice("gnome"), SourceChoice::kGnome);
  EXPECT_EQ(parse_source_choice("auto"), SourceChoice::kAuto);
  EXPECT_FALSE(parse_source_choice("kde"));
}

TEST(WatcherTest, SuggestsOneMinuteStandingMovementsInTurn) {
  auto catalog = app::builtin_catalog();
  ASSERT_TRUE(catalog) << catalog.error().message;
  const core::Exercise* first = core::break_movement(*catalog, core::Phase::kStand, 0);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->position, core::Position::kStanding);
  EXPECT_LE(first->minutes, 1);
  const core::Exercise* second = core::break_movement(*catalog, core::Phase::kStand, 1);
  ASSERT_NE(second, nullptr);
  EXPECT_NE(first->id, second->id);
  // In `rest` the person cannot stand up straight yet: no standing drill.
  EXPECT_EQ(core::break_movement(*catalog, core::Phase::kRest, 0), nullptr);
}

TEST(WatcherTest, TheReminderSaysHowLongAndWhatToTry) {
  auto catalog = app::builtin_catalog();
  ASSERT_TRUE(catalog);
  const core::Exercise* desk = catalog->find("basics-desk-break");
  ASSERT_NE(desk, nullptr);
  const core::Reminder reminder{1, core::Instant{}, minutes{52}};
  const std::string body = reminder_body(reminder, desk);
  // Issue #12, item 14: "Try Stand tall..." read as a sentence with a stray capital.
  EXPECT_EQ(body.rfind("You have been sitting for 52 minutes. Try “" + desk->name + "” (", 0), 0U)
      << body;
  EXPECT_NE(body.find(desk->stop_if.front()), std::string::npos);
  EXPECT_NE(reminder_body(reminder, nullptr).find("Change position"), std::string::npos);
  EXPECT_NE(
      reminder_body({1, core::Instant{}, std::chrono::seconds{8}}, nullptr).find("for 8 seconds"),
      std::string::npos);
}

// Issue #12, item 14: `limber watch -v` printed "paused until 1795771800".
TEST(WatcherTest, VerboseTimesAreLocalDatesAndTimes) {
  const testing::ScopedTimeZone berlin("Europe/Berlin");
  const core::Instant at{std::chrono::sys_days{std::chrono::year{2026} / 11 / 27} +
                         std::chrono::hours{13} + minutes{5} + std::chrono::seconds{9}};
  EXPECT_EQ(log_time(at), "2026-11-27 14:05:09");
}

}  // namespace
}  // namespace limber::watch
