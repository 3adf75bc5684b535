#include "core/typed_day.h"

#include <array>
#include <cctype>
#include <charconv>
#include <string>

#include <fmt/format.h>

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::local_days;

// "2026-11-20": four, two and two digits (from_chars alone would take a sign: "-999-01-01").
std::optional<local_days> read_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t length, auto& value) {
    if (text.substr(at, length).find_first_not_of("0123456789") != std::string_view::npos)
      return false;
    const char* end = text.data() + at + length;
    const auto [ptr, ec] = std::from_chars(text.data() + at, end, value);
    return ec == std::errc() && ptr == end;
  };
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day))
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  if (!date.ok())
    return std::nullopt;
  return local_days{date};
}

std::optional<local_days> read_weekday(std::string_view word, local_days today) {
  static constexpr std::array<std::string_view, 7> kWeekdays = {
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  const unsigned current = std::chrono::weekday{today}.c_encoding();
  for (unsigned i = 0; i < kWeekdays.size(); ++i) {
    if (word == kWeekdays.at(i) || (word.size() == 3 && kWeekdays.at(i).starts_with(word)))
      return today - days{(current + 7 - i) % 7};
  }
  return std::nullopt;
}

}  // namespace

std::optional<local_days> read_day(std::string_view text, local_days today) {
  std::string word(text);
  for (char& c : word)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (word == "today")
    return today;
  if (word == "yesterday")
    return today - days{1};
  if (word == "tomorrow")
    return today + days{1};
  if (auto weekday = read_weekday(word, today))
    return weekday;
  return read_date(word);
}

Result<local_days> parse_day(std::string_view text, local_days today, std::string_view what) {
  if (auto day = read_day(text, today))
    return *day;
  return fail(ErrorCode::kInvalidInput,
              fmt::format("{} '{}' is not a day: use {}", what, text, kDayForms));
}

}  // namespace limber::core
