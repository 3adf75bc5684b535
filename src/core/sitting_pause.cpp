#include "core/sitting_pause.h"

#include <array>

#include <fmt/format.h>

#include "core/ics.h"

namespace limber::core {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::minutes;

namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

Result<LocalTime> pause_end_after(minutes length, LocalTime now) {
  if (length < minutes{1} || length > kLongestPause) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("a pause of {} minutes is not possible: pause for 1 to {} minutes, "
                            "or until a time of day",
                            length.count(), kLongestPause.count()));
  }
  return now + length;
}

Result<LocalTime> pause_end_at(std::string_view text, LocalTime now) {
  const auto today = floor<days>(now);
  if (text == "tomorrow")
    return LocalTime{today + days{1}};
  auto clock = parse_clock_time(text, "the pause's end");
  if (!clock) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is not when a pause can end: use 'tomorrow' or a time of day "
                            "such as 14:30",
                            text));
  }
  LocalTime end{today + *clock};
  if (end <= now)
    end += days{1};
  return end;
}

std::string describe_pause(LocalTime until, LocalTime now) {
  const auto day = floor<days>(until);
  const auto today = floor<days>(now);
  const std::chrono::hh_mm_ss clock{until - day};
  const std::string time =
      fmt::format("{:02}:{:02}", clock.hours().count(), clock.minutes().count());
  if (day == today)
    return fmt::format("Reminders paused until {}.", time);
  if (day == today + days{1}) {
    if (until == LocalTime{day})
      return "Reminders paused until tomorrow.";
    return fmt::format("Reminders paused until tomorrow at {}.", time);
  }
  const std::chrono::year_month_day date{day};
  const std::chrono::weekday weekday{day};
  return fmt::format("Reminders paused until {} {} {} at {}.", kWeekdays.at(weekday.c_encoding()),
                     static_cast<unsigned>(date.day()),
                     kMonths.at(static_cast<unsigned>(date.month()) - 1), time);
}

}  // namespace limber::core
