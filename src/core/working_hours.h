// When the sitting timer may remind (issue #18, "working hours"): `limber watch --hours
// 09:00-18:00 --days mon-fri`. Outside these hours sitting is still measured and recorded;
// a reminder that falls due is held until the hours start again (as during full screen).
// Times are wall-clock readings (core/clock.h's LocalTime): the shell converts.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace limber::core {

struct WorkingHours {
  // Minutes after midnight. end <= start: the hours run past midnight into the next day
  // ("22:00-06:00"), and belong to the day they start on.
  std::chrono::minutes start{0};
  std::chrono::minutes end{24 * 60};
  std::array<bool, 7> days{true, true, true, true, true, true, true};  // [0] is Monday

  // Every minute of every day: no hours were asked for.
  [[nodiscard]] bool always() const;
};

// "09:00-18:00" (24-hour clock, 24:00 allowed as an end) and "mon-fri", "sat,sun",
// "mon,wed-fri" or "" for every day. kInvalidInput saying what was wrong, with the closest
// day name for a misspelt one.
Result<WorkingHours> parse_working_hours(std::string_view hours, std::string_view days);

// Whether `at` is inside the hours.
bool within(const WorkingHours& hours, LocalTime at);

// The next wall-clock minute after `at` where within() changes; nullopt when it never does
// (every minute inside, or no day chosen).
std::optional<LocalTime> next_change(const WorkingHours& hours, LocalTime at);

// The evening question (issue #15, `limber watch --log-reminder 20:00`): when it is next
// asked, at `at` minutes after midnight: today when that is still ahead of `now`, else
// tomorrow. (Whether anything was logged that day is the shell's to read.)
LocalTime next_log_reminder(std::chrono::minutes at, LocalTime now);

// "09:00-18:00, Monday to Friday", for --verbose and the status line.
std::string describe(const WorkingHours& hours);

}  // namespace limber::core
