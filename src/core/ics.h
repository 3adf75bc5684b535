// The coming week's plan as an iCalendar file (RFC 5545), so a phone's calendar reminds
// the person to walk and to do the day's exercises (`limber export --format ics`). Pure.
//
// Times are floating local times (RFC 5545 3.3.5, form #1): "a walk at 11:00" stays at
// 11:00 on the person's clock wherever the phone is. Each event has a display alarm.
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/plan.h"

namespace limber::core {

struct CalendarEvent {
  std::string uid;  // stable: the same day and kind give the same uid, so a re-import updates
  LocalTime start;
  int minutes = 0;
  std::string summary;      // the title
  std::string description;  // plain lines, '\n' between them
  int alarm_minutes_before = 0;
};

// When in the day the plan's parts go, as minutes after midnight.
struct EventTimes {
  std::chrono::minutes walk{std::chrono::hours{11}};
  std::chrono::minutes session{std::chrono::hours{17}};
  int alarm_minutes_before = 10;
};

// One walk and one exercise event per planned day, oldest first; a paused plan (an
// urgent red-flag result) gives none.
std::vector<CalendarEvent> week_events(std::span<const Plan> plans, const EventTimes& times);

// The evening question (issue 15, as `limber watch --log-reminder 20:00` asks it): "How is
// your back this evening?" at `at` on each day of `plans`, paused or not (logging is always
// welcome), 5 minutes long, with a display alarm at its start.
std::vector<CalendarEvent> log_reminder_events(std::span<const Plan> plans,
                                               std::chrono::minutes at);
inline constexpr std::string_view kLogReminderSummary = "How is your back this evening?";

// The VCALENDAR text, CRLF line ends, lines folded at 75 octets, text escaped. `stamp` is
// DTSTAMP (when the file was made).
std::string to_icalendar(std::span<const CalendarEvent> events, Instant stamp);

// The event of `events` that is on at `at` (from its start to its end), if any: while one
// of limber's own planned walks or sessions is on, the sitting timer's reminders wait, as
// the person is already moving (issue #18). The first one that is on wins.
const CalendarEvent* event_on(std::span<const CalendarEvent> events, LocalTime at);
// When `event` ends.
LocalTime event_end(const CalendarEvent& event);

// Parses "HH:MM" (00:00-23:59) for --walk-at and --session-at.
Result<std::chrono::minutes> parse_clock_time(std::string_view text, std::string_view option);

}  // namespace limber::core
