#include "core/ics.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::local_days;

const local_days kMonday{std::chrono::year{2026} / std::chrono::November / 23};

Plan plan_on(local_days day, int walk, int session, const Exercise* exercise) {
  Plan plan;
  plan.day = day;
  plan.walk_minutes = walk;
  plan.session_minutes = session;
  plan.sitting_limit_minutes = 30;
  if (exercise != nullptr)
    plan.exercises.push_back({exercise, Part::kMain, "why"});
  return plan;
}

TEST(IcsTest, PlansAWalkAndASessionEachDayAtTheChosenTimes) {
  Exercise cat_cow;
  cat_cow.name = "Cat and cow";
  cat_cow.minutes = 3;
  const std::vector<Plan> plans = {plan_on(kMonday, 10, 8, &cat_cow),
                                   plan_on(kMonday + days{1}, 12, 0, nullptr)};
  const auto events =
      week_events(plans, EventTimes{std::chrono::hours{9}, std::chrono::hours{18}, 15});
  ASSERT_EQ(events.size(), 3U);
  EXPECT_EQ(events[0].summary, "Walk, 10 minutes");
  EXPECT_EQ(events[0].start, LocalTime{kMonday} + std::chrono::hours{9});
  EXPECT_EQ(events[0].uid, "walk-20261123@limber");
  EXPECT_EQ(events[1].summary, "Exercise session, 8 minutes");
  EXPECT_EQ(events[1].start, LocalTime{kMonday} + std::chrono::hours{18});
  EXPECT_NE(events[1].description.find("- Cat and cow (3 min)"), std::string::npos);
  EXPECT_EQ(events[1].alarm_minutes_before, 15);
  EXPECT_EQ(events[2].summary, "Walk, 12 minutes");
}

// Issue #18: while one of limber's own planned events is on, the sitting timer waits.
TEST(IcsTest, SaysWhichPlannedEventIsOnFromItsStartToItsEnd) {
  const std::vector<Plan> plans = {plan_on(kMonday, 10, 0, nullptr)};
  const auto events =
      week_events(plans, EventTimes{std::chrono::hours{11}, std::chrono::hours{17}, 10});
  ASSERT_EQ(events.size(), 1U);
  const LocalTime eleven = LocalTime{kMonday} + std::chrono::hours{11};
  EXPECT_EQ(event_on(events, eleven - std::chrono::seconds{1}), nullptr);
  EXPECT_EQ(event_on(events, eleven), &events[0]);
  EXPECT_EQ(event_on(events, eleven + std::chrono::minutes{9}), &events[0]);
  EXPECT_EQ(event_end(events[0]), eleven + std::chrono::minutes{10});
  EXPECT_EQ(event_on(events, eleven + std::chrono::minutes{10}), nullptr);
  EXPECT_EQ(event_on({}, eleven), nullptr);
}

// Issue #12, item 7: the calendar said 25 minutes where today said 20: it added the posture
// routine to the session. The session's length is the plan's.
TEST(IcsTest, TheSessionEventLastsAsLongAsThePlansSession) {
  Exercise cat_cow;
  cat_cow.name = "Cat and cow";
  cat_cow.minutes = 8;
  Exercise wall;
  wall.name = "Wall check";
  wall.minutes = 5;
  Plan plan = plan_on(kMonday, 10, 8, &cat_cow);
  plan.exercises.push_back({&wall, Part::kPosture, "why"});
  const std::vector<Plan> plans = {plan};
  const auto events = week_events(plans, EventTimes{});
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[1].minutes, 8);
  EXPECT_EQ(events[1].summary, "Exercise session, 8 minutes");
  EXPECT_NE(events[1].description.find("Posture routine (not part of the session), 5 minutes"),
            std::string::npos)
      << events[1].description;
}

TEST(IcsTest, APausedPlanGivesNoEvents) {
  Plan paused = plan_on(kMonday, 10, 0, nullptr);
  paused.paused = true;
  const std::vector<Plan> plans = {paused};
  EXPECT_TRUE(week_events(plans, EventTimes{}).empty());
}

TEST(IcsTest, WritesCrlfLinesWithAnAlarmForEachEvent) {
  const std::vector<CalendarEvent> events = {{"walk-20261123@limber",
                                              LocalTime{kMonday} + std::chrono::hours{11}, 10,
                                              "Walk, 10 minutes", "Easy; slow\nthen rest", 10}};
  const Instant stamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} +
                      std::chrono::hours{7} + std::chrono::minutes{5}};
  const std::string text = to_icalendar(events, stamp);
  EXPECT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
  EXPECT_NE(text.find("\r\nDTSTART:20261123T110000\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDTSTAMP:20261122T070500Z\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDURATION:PT10M\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nSUMMARY:Walk\\, 10 minutes\r\n"), std::string::npos);
  EXPECT_NE(text.find("DESCRIPTION:Easy\\; slow\\nthen rest\r\n"), std::string::npos);
  EXPECT_NE(text.find("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"), std::string::npos);
  EXPECT_NE(text.find("TRIGGER:-PT10M\r\n"), std::string::npos);
  // No bare newline anywhere: every line ends in CRLF.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ASSERT_EQ(text[i - 1], '\r') << i;
    }
  }
}

TEST(IcsTest, FoldsLongLinesAt75OctetsWithoutSplittingACharacter) {
  std::string long_text;
  for (int i = 0; i < 40; ++i)
    long_text += "ü ";  // two-byte characters
  const std::vector<CalendarEvent> events = {
      {"x@limber", LocalTime{kMonday}, 5, "s", long_text, 5}};
  const std::string text = to_icalendar(events, Instant{});
  std::size_t start = 0;
  std::string unfolded;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    const std::string line = text.substr(start, end - start);
    EXPECT_LE(line.size(), 75U) << line;
    // A continuation line starts with a space and never with half a character.
    if (line.starts_with(' ')) {
      EXPECT_NE(static_cast<unsigned char>(line[1]) & 0xC0U, 0x80U);
      unfolded += line.substr(1);
    } else {
      unfolded += "\n" + line;
    }
    start = end + 2;
  }
  EXPECT_NE(unfolded.find("DESCRIPTION:" + long_text), std::string::npos);
}

TEST(IcsTest, ReadsTimesOfDay) {
  EXPECT_EQ(parse_clock_time("07:30", "--walk-at"), std::chrono::minutes{450});
  EXPECT_EQ(parse_clock_time("23:59", "--walk-at"), std::chrono::minutes{1439});
  for (std::string_view bad : {"24:00", "7", "7:5", "07:60", "ab:cd", "", "-1:00"}) {
    SCOPED_TRACE(bad);
    const auto parsed = parse_clock_time(bad, "--walk-at");
    ASSERT_FALSE(parsed.has_value());
    EXPECT_NE(parsed.error().message.find("--walk-at"), std::string::npos);
  }
}

}  // namespace
}  // namespace limber::core
