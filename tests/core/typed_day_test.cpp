#include "core/typed_day.h"

#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

using std::chrono::local_days;

// Today is Friday 20 November 2026.
constexpr local_days kToday{std::chrono::year{2026} / 11 / 20};

local_days date(unsigned month, unsigned day) {
  return local_days{std::chrono::year{2026} / std::chrono::month{month} / std::chrono::day{day}};
}

// Every word the vocabulary accepts (the union of what `limber today --date`, `limber report
// --from/--to`, the API's report and the typed times accepted before issue 13), and what it
// refuses.
TEST(TypedDayTest, ReadsEveryFormItNames) {
  struct Case {
    std::string_view text;
    std::optional<local_days> want;
  };
  const Case kCases[] = {
      {"today", kToday},
      {"Today", kToday},
      {"yesterday", date(11, 19)},
      {"YESTERDAY", date(11, 19)},
      {"tomorrow", date(11, 21)},
      {"friday", kToday},  // the latest Friday is today
      {"fri", kToday},
      {"thursday", date(11, 19)},
      {"thu", date(11, 19)},
      {"saturday", date(11, 14)},
      {"sat", date(11, 14)},
      {"sunday", date(11, 15)},
      {"sun", date(11, 15)},
      {"monday", date(11, 16)},
      {"Mon", date(11, 16)},
      {"tuesday", date(11, 17)},
      {"tue", date(11, 17)},
      {"wednesday", date(11, 18)},
      {"wed", date(11, 18)},
      {"2026-10-01", date(10, 1)},
      {"2026-02-28", date(2, 28)},
      {"2024-02-29", local_days{std::chrono::year{2024} / 2 / 29}},
      {"2026-02-30", std::nullopt},
      {"2026-13-01", std::nullopt},
      {"2026-10-1", std::nullopt},
      {"2026-10-01T12:00", std::nullopt},
      {"-999-01-01", std::nullopt},
      {"2026-+1-01", std::nullopt},
      {"2026-10--1", std::nullopt},
      {"1 Oct", std::nullopt},
      {"mo", std::nullopt},
      {"mond", std::nullopt},
      {"last week", std::nullopt},
      {"next monday", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(read_day(c.text, kToday), c.want);
  }
}

TEST(TypedDayTest, AnUnknownWordIsRefusedNamingTheOptionAndEveryForm) {
  const auto parsed = parse_day("last week", kToday, "--from");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parsed.error().message,
            "--from 'last week' is not a day: use today, yesterday, tomorrow, a weekday (monday "
            "or mon: the latest, today included) or a date (2026-11-20)");
}

TEST(TypedDayTest, AKnownWordIsTheDay) {
  const auto parsed = parse_day("2026-10-01", kToday, "--from");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(*parsed, date(10, 1));
}

}  // namespace
}  // namespace limber::core
