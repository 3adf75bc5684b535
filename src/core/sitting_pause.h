// Snoozing the sitting timer's reminders (issue #18, "snooze for N with one tap, and
// automatic resume"): how long a pause asked for on the page or in the notification runs,
// and the words that show it. A pause is a moment in the diary ("reminders paused until
// T", store/sitting_store.h); the watcher holds reminders until then and resumes by itself.
// Wall-clock readings only: the shell converts (core/clock.h).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace limber::core {

// The longest pause by minutes: a day. Longer is "tomorrow" or a time of day.
inline constexpr std::chrono::minutes kLongestPause{24 * 60};

// When a pause of `length` minutes asked for at `now` ends. kInvalidInput unless
// 1 <= length <= kLongestPause.
Result<LocalTime> pause_end_after(std::chrono::minutes length, LocalTime now);

// When a pause "until" `text` ends: "tomorrow" is the start of the next day (midnight),
// "HH:MM" the next time the clock shows it (today if still ahead, else tomorrow).
// kInvalidInput naming the accepted forms otherwise.
Result<LocalTime> pause_end_at(std::string_view text, LocalTime now);

// "Reminders paused until 14:30.", "... until tomorrow at 08:00.", "... until tomorrow."
// (midnight), or "... until Monday 27 November at 09:00." further ahead.
std::string describe_pause(LocalTime until, LocalTime now);

}  // namespace limber::core
