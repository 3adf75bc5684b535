// The days people type, one vocabulary for every place that asks for one: `limber today
// --date`, `limber report --from/--to`, the API's report `from` and `to`, and the day of a
// typed time ("monday 9am", core/time_parse.h).
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "core/result.h"

namespace limber::core {

// The accepted forms, in words, for messages and help.
inline constexpr std::string_view kDayForms =
    "today, yesterday, tomorrow, a weekday (monday or mon: the latest, today included) or a "
    "date (2026-11-20)";

// Reads, case-insensitively:
//   today | yesterday | tomorrow
//   a weekday, whole or its first three letters (monday, mon): the latest such day, today
//   included
//   YYYY-MM-DD: a real calendar date, digits only (2026-11-20)
// relative to `today`. nullopt for anything else.
std::optional<std::chrono::local_days> read_day(std::string_view text,
                                                std::chrono::local_days today);

// read_day, or kInvalidInput "`what` 'TEXT' is not a day: use ..." naming kDayForms.
Result<std::chrono::local_days> parse_day(std::string_view text, std::chrono::local_days today,
                                          std::string_view what);

}  // namespace limber::core
