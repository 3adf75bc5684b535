#include "core/working_hours.h"

#include <gtest/gtest.h>

namespace limber::core {
namespace {

using std::chrono::minutes;

// Monday 23 November 2026, at hh:mm, plus `day_offset` days.
LocalTime at(int day_offset, int hh, int mm = 0) {
  using std::chrono::November;
  const std::chrono::local_days monday{std::chrono::year{2026} / November / 23};
  return LocalTime{monday + std::chrono::days{day_offset} + std::chrono::hours{hh} + minutes{mm}};
}

WorkingHours parse(std::string_view range, std::string_view weekdays) {
  auto parsed = parse_working_hours(range, weekdays);
  EXPECT_TRUE(parsed) << parsed.error().message;
  return parsed.value_or(WorkingHours{});
}

TEST(WorkingHoursTest, NoHoursMeansAlways) {
  const auto office = parse("", "");
  EXPECT_TRUE(office.always());
  EXPECT_TRUE(within(office, at(5, 3)));
  EXPECT_FALSE(next_change(office, at(0, 12)));
}

TEST(WorkingHoursTest, OfficeHoursOnWeekdays) {
  const auto office = parse("09:00-18:00", "mon-fri");
  EXPECT_FALSE(office.always());
  EXPECT_FALSE(within(office, at(0, 8, 59)));
  EXPECT_TRUE(within(office, at(0, 9)));
  EXPECT_TRUE(within(office, at(4, 17, 59)));  // Friday
  EXPECT_FALSE(within(office, at(0, 18)));     // the end is not inside
  EXPECT_FALSE(within(office, at(5, 12)));     // Saturday
  EXPECT_EQ(describe(office), "09:00-18:00, Monday to Friday");
}

TEST(WorkingHoursTest, NextChangeSkipsTheWeekend) {
  const auto office = parse("09:00-18:00", "mon-fri");
  EXPECT_EQ(next_change(office, at(0, 7)), at(0, 9));
  EXPECT_EQ(next_change(office, at(0, 9)), at(0, 18));
  EXPECT_EQ(next_change(office, at(4, 18)), at(7, 9));  // Friday evening -> next Monday
}

TEST(WorkingHoursTest, HoursPastMidnightBelongToTheDayTheyStart) {
  const auto office = parse("22:00-02:00", "fri");
  EXPECT_TRUE(within(office, at(4, 23)));   // Friday night
  EXPECT_TRUE(within(office, at(5, 1)));    // Saturday 01:00, still Friday's shift
  EXPECT_FALSE(within(office, at(5, 23)));  // Saturday night is not chosen
  EXPECT_FALSE(within(office, at(4, 1)));   // Friday 01:00 is Thursday's night
  EXPECT_EQ(next_change(office, at(4, 23)), at(5, 2));
}

TEST(WorkingHoursTest, DayListsAndRangesThatWrapTheWeek) {
  const auto office = parse("", "mon,wed-thu");
  EXPECT_TRUE(within(office, at(0, 12)));
  EXPECT_FALSE(within(office, at(1, 12)));
  EXPECT_TRUE(within(office, at(3, 12)));
  EXPECT_EQ(describe(office), "00:00-24:00, Monday, Wednesday, Thursday");
  const auto weekend = parse("", "Sat-Mon");
  EXPECT_TRUE(within(weekend, at(6, 12)));
  EXPECT_TRUE(within(weekend, at(0, 12)));
  EXPECT_FALSE(within(weekend, at(1, 12)));
}

TEST(WorkingHoursTest, BadInputSaysWhatWasWrongAndHowToWriteIt) {
  auto error = [](std::string_view range, std::string_view weekdays) {
    auto parsed = parse_working_hours(range, weekdays);
    EXPECT_FALSE(parsed);
    return parsed ? std::string() : parsed.error().message;
  };
  EXPECT_NE(error("9-18", "").find("HH:MM-HH:MM"), std::string::npos);
  EXPECT_NE(error("09:00", "").find("start and an end"), std::string::npos);
  EXPECT_NE(error("25:00-26:00", "").find("24-hour clock"), std::string::npos);
  EXPECT_NE(error("24:00-08:00", "").find("24-hour clock"), std::string::npos);
  EXPECT_NE(error("09:00-09:00", "").find("same time"), std::string::npos);
  const std::string misspelt = error("", "mon-fryday");
  EXPECT_NE(misspelt.find("'fryday' is not a day"), std::string::npos) << misspelt;
  EXPECT_NE(misspelt.find("Did you mean 'friday'?"), std::string::npos) << misspelt;
  EXPECT_EQ(parse("08:00-24:00", "").end, minutes{24 * 60});
}

// Issue #15: "How is your back this evening?" at the chosen time, today or tomorrow.
TEST(WorkingHoursTest, TheEveningQuestionIsNextAskedTodayOrTomorrow) {
  const std::chrono::local_days day{std::chrono::year{2026} / 11 / 27};
  const LocalTime morning{day + std::chrono::hours{9}};
  EXPECT_EQ(next_log_reminder(std::chrono::hours{20}, morning),
            LocalTime{day + std::chrono::hours{20}});
  EXPECT_EQ(next_log_reminder(std::chrono::hours{20}, LocalTime{day + std::chrono::hours{20}}),
            LocalTime{day + std::chrono::days{1} + std::chrono::hours{20}});
  EXPECT_EQ(next_log_reminder(std::chrono::hours{20}, LocalTime{day + std::chrono::hours{23}}),
            LocalTime{day + std::chrono::days{1} + std::chrono::hours{20}});
}

}  // namespace
}  // namespace limber::core
