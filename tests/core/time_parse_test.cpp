#include "core/time_parse.h"

#include <gtest/gtest.h>

#include "support/clock.h"

namespace limber::core {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::kNoon;
using testing::now_at;

// 2026-11-21 is a Saturday; local noon, one hour ahead of UTC (11:00 UTC).
const Now kNow = now_at(kNoon - hours{1}, hours{1});
const LocalTime kLocalNoon{
    std::chrono::local_days{std::chrono::year{2026} / std::chrono::November / 21} + hours{12}};

LocalTime local(int day, int hour, int minute) {
  return LocalTime{std::chrono::local_days{std::chrono::year{2026} / std::chrono::November / day} +
                   hours{hour} + minutes{minute}};
}

TEST(TimeParseTest, ReadsLocalForms) {
  struct Case {
    const char* text;
    LocalTime expected;
  };
  const Case cases[] = {
      {"21:00", local(21, 21, 0)},
      {"9:05", local(21, 9, 5)},
      {"today 08:30", local(21, 8, 30)},
      {"yesterday 21:00", local(20, 21, 0)},
      {"Yesterday 9pm", local(20, 21, 0)},
      {"yesterday 12am", local(20, 0, 0)},
      {"yesterday 12pm", local(20, 12, 0)},
      {"friday 7:15am", local(20, 7, 15)},
      {"sat 10:00", local(21, 10, 0)},
      {"sunday 10:00", local(15, 10, 0)},
      {"2026-11-19T06:45", local(19, 6, 45)},
      {"2026-11-19 06:45:00", local(19, 6, 45)},
      // The day is any day of core/typed_day.h, so a date takes a 12-hour clock too.
      {"2026-11-19 9pm", local(19, 21, 0)},
      {"Mon 9:30", local(16, 9, 30)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto spec = parse_time(c.text, kNow);
    ASSERT_TRUE(spec.has_value()) << spec.error().message;
    ASSERT_TRUE(std::holds_alternative<LocalTime>(*spec));
    EXPECT_EQ(std::get<LocalTime>(*spec), c.expected);
  }
}

TEST(TimeParseTest, ReadsMomentsWithOffsetsAndRelativeTimes) {
  struct Case {
    const char* text;
    Instant expected;
  };
  const Case cases[] = {
      {"now", kNow.instant},
      {"2 hours ago", kNow.instant - hours{2}},
      {"2h ago", kNow.instant - hours{2}},
      {"90 min ago", kNow.instant - minutes{90}},
      {"1 day ago", kNow.instant - hours{24}},
      {"2026-11-21T10:00:00Z", kNoon - hours{2}},
      {"2026-11-21T12:00:00+02:00", kNoon - hours{2}},
      {"2026-11-21T05:30-0500", kNoon - hours{2} + minutes{30}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto spec = parse_time(c.text, kNow);
    ASSERT_TRUE(spec.has_value()) << spec.error().message;
    ASSERT_TRUE(std::holds_alternative<Instant>(*spec));
    EXPECT_EQ(std::get<Instant>(*spec), c.expected);
  }
}

TEST(TimeParseTest, RejectsWhatItCannotReadAndShowsTheForms) {
  for (const char* text :
       {"", "tomorrow 9:00", "25:00", "yesterday 9:60", "2026-13-01T10:00", "2026-02-30T10:00",
        "13pm", "soon", "5 fortnights ago", "2026-11-21T10:00+25:00"}) {
    SCOPED_TRACE(text);
    auto spec = parse_time(text, kNow);
    ASSERT_FALSE(spec.has_value());
    EXPECT_EQ(spec.error().code, ErrorCode::kInvalidInput);
  }
  EXPECT_NE(parse_time("soon", kNow).error().message.find("yesterday 21:00"), std::string::npos);
}

// Issue 11: from_chars took a sign, so "T-1:00" read as an hour before midnight.
TEST(TimeParseTest, RefusesSignsAndOffsetsOutOfRange) {
  for (const char* text :
       {"2026-11-20T-1:00", "2026-11-20T10:-5", "2026-11-20T10:00+-1:00", "-999-01-01T00:00",
        "2026-11-20T10:00:-1", "+202-11-20T10:00", "2026-11-20T10:00+18:30",
        "2026-11-20T10:00-14:30", "2026-11-20T10:00+15:00", "-9:00", "-2 hours ago", "+2 hours ago",
        "-2h ago", "9:-5"}) {
    SCOPED_TRACE(text);
    auto spec = parse_time(text, kNow);
    EXPECT_FALSE(spec.has_value());
  }
  auto far = parse_offset("+18:30");
  ASSERT_FALSE(far.has_value());
  EXPECT_NE(far.error().message.find("-14:00 to +14:00"), std::string::npos);
  EXPECT_FALSE(parse_offset("+-1:00").has_value());
  EXPECT_EQ(parse_offset("+14:00").value(), hours{14});
  EXPECT_EQ(parse_offset("-12:00").value(), hours{-12});
  EXPECT_FALSE(parse_iso_offset("2026-11-20T10:00:00+18:30").has_value());
  EXPECT_FALSE(parse_iso_offset("-999-01-01T00:00:00Z").has_value());
}

TEST(TimeParseTest, SaysTomorrowIsInTheFuture) {
  auto spec = parse_time("tomorrow 09:00", kNow);
  ASSERT_FALSE(spec.has_value());
  EXPECT_NE(spec.error().message.find("times in the future cannot be logged"), std::string::npos)
      << spec.error().message;
}

// Issue #12, item 14: other ways of naming a future time got "cannot read the time".
TEST(TimeParseTest, SaysOtherFutureWordsAreInTheFutureToo) {
  for (const char* text : {"in 2 hours", "In 3 days", "next monday", "next week"}) {
    SCOPED_TRACE(text);
    auto spec = parse_time(text, kNow);
    ASSERT_FALSE(spec.has_value());
    EXPECT_NE(spec.error().message.find("times in the future cannot be logged"), std::string::npos)
        << spec.error().message;
  }
}

TEST(TimeParseTest, RefusesMomentsBefore1970AndWildOffsets) {
  for (const char* text : {"0001-01-01T00:00:00Z", "1800-06-01T12:00:00+00:00",
                           "1969-12-31T23:59:59Z", "1969-12-31T23:00:00-05:00"}) {
    SCOPED_TRACE(text);
    const auto parsed = parse_iso_offset(text);
    ASSERT_TRUE(parsed.has_value());
    const auto checked = check_moment(parsed->at, parsed->utc_offset);
    ASSERT_FALSE(checked.has_value());
    EXPECT_NE(checked.error().message.find("before 1970-01-01"), std::string::npos)
        << checked.error().message;
  }
  const auto first = parse_iso_offset("1970-01-01T00:30:00+01:00");  // 1969 in UTC
  EXPECT_TRUE(check_moment(first->at, first->utc_offset).has_value());
  EXPECT_TRUE(check_moment(kNoon, hours{-5}).has_value());
  EXPECT_FALSE(check_moment(kNoon, hours{18}).has_value());
  EXPECT_EQ(check_moment(parse_iso_offset("1800-06-01T12:00:00Z")->at, seconds{0})
                .error()
                .message.find("1800-06-01"),
            9U);
}

TEST(TimeParseTest, WritesYearsOutsideFourDigitsWithoutGarbage) {
  const Instant minus_999{std::chrono::sys_days{std::chrono::year{-999} / 1 / 1}};
  EXPECT_EQ(format_iso(minus_999, seconds{0}), "-999-01-01T00:00:00+00:00");
  EXPECT_EQ(format_date(std::chrono::year{2026} / 3 / 9), "2026-03-09");
}

TEST(TimeParseTest, AsksForATimeOfDayAfterADayWord) {
  auto spec = parse_time("yesterday", kNow);
  ASSERT_FALSE(spec.has_value());
  EXPECT_NE(spec.error().message.find("'yesterday 21:00'"), std::string::npos);
}

TEST(TimeParseTest, RefusesTheFutureButAllowsClockSkew) {
  EXPECT_TRUE(not_in_future(kNow.instant + minutes{4}, kNow).has_value());
  auto future = not_in_future(kNow.instant + hours{1}, kNow);
  ASSERT_FALSE(future.has_value());
  EXPECT_NE(future.error().message.find("in the future"), std::string::npos);
}

TEST(TimeParseTest, WritesIsoWithTheOffsetAndReadsItBack) {
  const std::string text = format_iso(kNoon, hours{-5} - minutes{30});
  EXPECT_EQ(text, "2026-11-21T06:30:00-05:30");
  auto back = parse_iso_offset(text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->at, kNoon);
  EXPECT_EQ(back->utc_offset, hours{-5} - minutes{30});
  EXPECT_EQ(format_iso(kNoon, seconds{0}), "2026-11-21T12:00:00+00:00");
  EXPECT_EQ(kLocalNoon, kNow.local);
}

TEST(TimeParseTest, StrictIsoNeedsAnOffset) {
  EXPECT_FALSE(parse_iso_offset("2026-11-21T12:00:00").has_value());
  EXPECT_FALSE(parse_iso_offset("2026-11-21 12:00:00+00:00").has_value());
  EXPECT_TRUE(parse_iso_offset("2026-11-21T12:00:00Z").has_value());
}

}  // namespace
}  // namespace limber::core
