#include "core/working_hours.h"

#include <cctype>
#include <charconv>
#include <string>

#include <fmt/format.h>

#include "core/suggest.h"
#include "core/text.h"

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::minutes;

constexpr minutes kDay{24 * 60};
constexpr std::array<std::string_view, 7> kDayWords = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kDayNames = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 7> kLongDayWords = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

constexpr const char* kHoursExample = "like --hours 09:00-18:00";

// "09:30" -> 570 minutes; "24:00" only as an end.
std::optional<minutes> read_clock(std::string_view text, bool end) {
  if (text.size() != 5 || text[2] != ':')
    return std::nullopt;
  int hour = -1;
  int minute = -1;
  const auto* first = text.data();
  if (std::from_chars(first, first + 2, hour).ptr != first + 2 ||
      std::from_chars(first + 3, first + 5, minute).ptr != first + 5)
    return std::nullopt;
  if (minute < 0 || minute > 59 || hour < 0 || hour > 24 || (hour == 24 && (!end || minute != 0)))
    return std::nullopt;
  return minutes{hour * 60 + minute};
}

Result<std::size_t> read_day(std::string_view word) {
  const std::string lower = ascii_lower(word);
  for (std::size_t i = 0; i < kDayWords.size(); ++i) {
    if (lower == kDayWords.at(i) || lower == kLongDayWords.at(i))
      return i;
  }
  return fail(ErrorCode::kInvalidInput,
              fmt::format("'{}' is not a day: use mon, tue, wed, thu, fri, sat or sun, like "
                          "--days mon-fri.{}",
                          word, did_you_mean(lower, kLongDayWords)));
}

Result<std::array<bool, 7>> read_days(std::string_view text) {
  std::array<bool, 7> chosen{};
  const auto words = split_list(text);
  if (words.empty())
    return WorkingHours{}.days;
  for (const std::string_view word : words) {
    const auto dash = word.find('-');
    if (dash == std::string_view::npos) {
      LIMBER_TRY_ASSIGN(const std::size_t day, read_day(word));
      chosen.at(day) = true;
      continue;
    }
    LIMBER_TRY_ASSIGN(const std::size_t from, read_day(word.substr(0, dash)));
    LIMBER_TRY_ASSIGN(const std::size_t to, read_day(word.substr(dash + 1)));
    // A range may wrap the week: "fri-mon" is Friday to Monday.
    for (std::size_t day = from;; day = (day + 1) % 7) {
      chosen.at(day) = true;
      if (day == to)
        break;
    }
  }
  return chosen;
}

// Monday = 0 for a local day.
std::size_t weekday_index(std::chrono::local_days day) {
  return (std::chrono::weekday{day}.iso_encoding() - 1) % 7;
}

}  // namespace

bool WorkingHours::always() const {
  for (const bool day : days) {
    if (!day)
      return false;
  }
  return start == minutes{0} && end == kDay;
}

Result<WorkingHours> parse_working_hours(std::string_view hours, std::string_view days) {
  WorkingHours result;
  if (!hours.empty()) {
    const auto dash = hours.find('-');
    if (dash == std::string_view::npos) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}' is not a range of hours: give a start and an end, {}", hours,
                              kHoursExample));
    }
    const auto start = read_clock(hours.substr(0, dash), false);
    const auto end = read_clock(hours.substr(dash + 1), true);
    if (!start || !end) {
      return fail(
          ErrorCode::kInvalidInput,
          fmt::format("'{}' is not a range of hours: use the 24-hour clock, HH:MM-HH:MM, {}", hours,
                      kHoursExample));
    }
    if (*start == *end) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}' starts and ends at the same time: {}, or leave the hours out "
                              "to be reminded at any time",
                              hours, kHoursExample));
    }
    result.start = *start;
    result.end = *end;
  }
  LIMBER_TRY_ASSIGN(result.days, read_days(days));
  bool any = false;
  for (const bool day : result.days)
    any = any || day;
  if (!any)
    return fail(ErrorCode::kInvalidInput, "--days needs at least one day, like --days mon-fri");
  return result;
}

bool within(const WorkingHours& hours, LocalTime at) {
  const auto day = std::chrono::floor<days>(at);
  const auto since_midnight = std::chrono::duration_cast<minutes>(at - day);
  if (hours.start < hours.end) {
    return hours.days.at(weekday_index(day)) && since_midnight >= hours.start &&
           since_midnight < hours.end;
  }
  // Past midnight: the evening part belongs to today, the morning part to yesterday.
  if (since_midnight >= hours.start)
    return hours.days.at(weekday_index(day));
  return since_midnight < hours.end && hours.days.at(weekday_index(day - days{1}));
}

std::optional<LocalTime> next_change(const WorkingHours& hours, LocalTime at) {
  // within() can only change at a start or an end, so look at those over the next 8 days.
  const bool now_inside = within(hours, at);
  const auto today = std::chrono::floor<days>(at);
  std::optional<LocalTime> first;
  for (int offset = 0; offset <= 8 && !first; ++offset) {
    const auto day = today + days{offset};
    for (const minutes boundary : {hours.start, hours.end}) {
      if (boundary == kDay)
        continue;  // the next day's midnight is that day's 00:00
      const LocalTime moment{day + boundary};
      if (moment > at && within(hours, moment) != now_inside && (!first || moment < *first))
        first = moment;
    }
  }
  return first;
}

std::string describe(const WorkingHours& hours) {
  const auto clock = [](minutes m) {
    return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60);
  };
  std::string text = fmt::format("{}-{}", clock(hours.start), clock(hours.end));
  std::string chosen;
  int count = 0;
  for (std::size_t i = 0; i < hours.days.size(); ++i) {
    if (!hours.days.at(i))
      continue;
    chosen += (count++ == 0 ? "" : ", ") + std::string(kDayNames.at(i));
  }
  if (count == 7)
    return text + ", every day";
  if (chosen == "Monday, Tuesday, Wednesday, Thursday, Friday")
    return text + ", Monday to Friday";
  return text + ", " + chosen;
}

LocalTime next_log_reminder(std::chrono::minutes at, LocalTime now) {
  const auto today = std::chrono::floor<std::chrono::days>(now);
  LocalTime next{today + at};
  if (next <= now)
    next += std::chrono::days{1};
  return next;
}

}  // namespace limber::core
