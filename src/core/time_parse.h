// Reading the times people type ("yesterday 21:00", "2h ago", ISO 8601) and writing
// ISO 8601 back.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <variant>

#include "core/clock.h"
#include "core/result.h"

namespace limber::core {

// A typed time is either a moment (it carried its offset, or was relative to now) or a
// wall-clock reading that the edge must place in the local time zone.
using TimeSpec = std::variant<Instant, LocalTime>;

// Accepts, case-insensitively:
//   now | HH:MM | DAY HH:MM, DAY any day of core/typed_day.h (today, yesterday, a weekday:
//   the latest such day, today included, a date) | N minutes|hours|days ago (also "90m ago",
//   "2h ago") | YYYY-MM-DD[T ]HH:MM[:SS] with an optional Z or +HH:MM offset (-14:00 to +14:00).
// Every number is digits only (no signs). "tomorrow ..." is refused as a future time.
// HH:MM may end in am/pm ("9pm"). Returns kInvalidInput with the accepted forms otherwise.
Result<TimeSpec> parse_time(std::string_view text, const Now& now);

// Allows five minutes of clock skew; anything later is an error that says so.
Result<Instant> not_in_future(Instant at, const Now& now);

// The earliest day a diary holds, on the clock of the person who logged it. Earlier dates
// are typing mistakes (year 1, 1800), and limber's files and charts assume four-digit years.
inline constexpr std::chrono::local_days kEarliestDay{std::chrono::year{1970} / 1 / 1};
// UTC offsets in use run from -12:00 to +14:00; -14:00 is allowed for symmetry. The
// database's CHECK (18 hours) is wider, so a bad offset is caught here with a clear message.
inline constexpr std::chrono::seconds kMaxUtcOffset{14 * 3600};

// Refuses a moment whose local date is before kEarliestDay, or an offset outside +-14:00,
// saying which.
Result<Instant> check_moment(Instant at, std::chrono::seconds utc_offset);

// "2026-11-20": a calendar date, with no time zone applied (fmt 9 formats a sys_time
// through localtime, so a date must never be formatted as one).
std::string format_date(std::chrono::year_month_day date);

// 2026-11-20T21:00:00+01:00 for a moment and the offset it was recorded with.
std::string format_iso(Instant at, std::chrono::seconds utc_offset);

// A moment with its offset, parsed from strict ISO 8601 with a required offset; used for
// files (CSV) where the writer is limber itself or a careful script.
struct OffsetTime {
  Instant at;
  std::chrono::seconds utc_offset{0};
};
Result<OffsetTime> parse_iso_offset(std::string_view text);

// "+01:00", "-05:30", "+00:00".
std::string format_offset(std::chrono::seconds utc_offset);
Result<std::chrono::seconds> parse_offset(std::string_view text);

}  // namespace limber::core
