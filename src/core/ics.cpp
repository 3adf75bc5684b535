#include "core/ics.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include <fmt/format.h>

namespace limber::core {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::minutes;

namespace {

std::string ical_date(std::chrono::local_days day) {
  const std::chrono::year_month_day ymd{day};
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// "20261123T110000": a floating local date-time (RFC 5545 3.3.5).
std::string ical_local(LocalTime at) {
  const auto day = floor<days>(at);
  const std::chrono::hh_mm_ss time{at - day};
  return fmt::format("{}T{:02}{:02}{:02}", ical_date(day), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

std::string ical_utc(Instant at) {
  const auto day = floor<days>(at);
  const std::chrono::hh_mm_ss time{at - day};
  return fmt::format("{}T{:02}{:02}{:02}Z",
                     ical_date(std::chrono::local_days{day.time_since_epoch()}),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

// TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, newlines as \n.
std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
      case ';':
      case ',':
        out += '\\';
        out += c;
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Content lines end in CRLF and fold before 75 octets (RFC 5545 3.1), never inside a UTF-8
// character.
void add_line(std::string& out, std::string_view line) {
  constexpr std::size_t kLimit = 75;
  std::size_t width = kLimit;
  while (line.size() > width) {
    std::size_t cut = width;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U)
      --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    width = kLimit - 1;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
}

// The plan's exercises of `parts`, a line each, and their minutes.
std::pair<std::string, int> exercise_lines(const Plan& plan, std::initializer_list<Part> parts) {
  std::string out;
  int minutes = 0;
  for (const PlannedExercise& planned : plan.exercises) {
    if (planned.exercise == nullptr ||
        std::find(parts.begin(), parts.end(), planned.part) == parts.end()) {
      continue;
    }
    out += fmt::format("- {} ({} min)\n", planned.exercise->name, planned.exercise->minutes);
    minutes += planned.exercise->minutes;
  }
  return {out, minutes};
}

}  // namespace

std::vector<CalendarEvent> week_events(std::span<const Plan> plans, const EventTimes& times) {
  std::vector<CalendarEvent> events;
  for (const Plan& plan : plans) {
    if (plan.paused)
      continue;
    const std::string day = ical_date(plan.day);
    const std::string why =
        "From your limber plan. Stop and rest if the pain gets sharply worse, and check for "
        "warning signs with limber check.";
    if (plan.walk_minutes > 0) {
      events.push_back(
          {fmt::format("walk-{}@limber", day), LocalTime{plan.day} + times.walk, plan.walk_minutes,
           fmt::format("Walk, {} minutes", plan.walk_minutes),
           fmt::format("An easy walk at your own pace. Sitting: stand up and move at least every "
                       "{} minutes.\n{}",
                       plan.sitting_limit_minutes, why),
           times.alarm_minutes_before});
    }
    const auto [session, session_total] =
        exercise_lines(plan, {Part::kWarmUp, Part::kMain, Part::kCoolDown});
    const auto [routine, routine_total] = exercise_lines(plan, {Part::kPosture, Part::kRelated});
    if (session.empty() && routine.empty())
      continue;
    // One length for the session everywhere (issue #12): the plan's. Before `walk` the
    // posture routine is the session.
    const int length = session.empty()
                           ? routine_total
                           : (plan.session_minutes > 0 ? plan.session_minutes : session_total);
    std::string description;
    if (!session.empty())
      description += fmt::format("Session, {} minutes:\n{}", length, session);
    if (!routine.empty()) {
      description +=
          fmt::format("Posture routine{}, {} minutes, at any time of the day:\n{}",
                      session.empty() ? "" : " (not part of the session)", routine_total, routine);
    }
    description += "Start it with: limber session\n" + why;
    events.push_back({fmt::format("session-{}@limber", day), LocalTime{plan.day} + times.session,
                      length,
                      session.empty() ? fmt::format("Posture routine, {} minutes", length)
                                      : fmt::format("Exercise session, {} minutes", length),
                      std::move(description), times.alarm_minutes_before});
  }
  return events;
}

std::vector<CalendarEvent> log_reminder_events(std::span<const Plan> plans, minutes at) {
  constexpr int kMinutes = 5;
  std::vector<CalendarEvent> events;
  events.reserve(plans.size());
  for (const Plan& plan : plans) {
    events.push_back({fmt::format("log-{}@limber", ical_date(plan.day)), LocalTime{plan.day} + at,
                      kMinutes, std::string(kLogReminderSummary),
                      "A minute to note how your back feels today: the Log page of limber, or "
                      "limber log in a terminal. Nothing to do if you logged today already.",
                      0});
  }
  return events;
}

std::string to_icalendar(std::span<const CalendarEvent> events, Instant stamp) {
  std::string out;
  add_line(out, "BEGIN:VCALENDAR");
  add_line(out, "VERSION:2.0");
  add_line(out, "PRODID:-//limber//limber plan//EN");
  add_line(out, "CALSCALE:GREGORIAN");
  add_line(out, "METHOD:PUBLISH");
  add_line(out, "X-WR-CALNAME:limber plan");
  add_line(out, "X-WR-CALDESC:" + escape("The coming week's walks and exercises from limber, a "
                                         "self-kept back pain companion; not medical advice."));
  const std::string dtstamp = ical_utc(stamp);
  for (const CalendarEvent& event : events) {
    add_line(out, "BEGIN:VEVENT");
    add_line(out, "UID:" + event.uid);
    add_line(out, "DTSTAMP:" + dtstamp);
    add_line(out, "DTSTART:" + ical_local(event.start));
    add_line(out, fmt::format("DURATION:PT{}M", event.minutes));
    add_line(out, "SUMMARY:" + escape(event.summary));
    add_line(out, "DESCRIPTION:" + escape(event.description));
    add_line(out, "CATEGORIES:limber");
    add_line(out, "TRANSP:TRANSPARENT");
    add_line(out, "BEGIN:VALARM");
    add_line(out, "ACTION:DISPLAY");
    add_line(out, "DESCRIPTION:" + escape(event.summary));
    // At the start itself: PT0M, not a "-PT0M" some readers take for a typo.
    add_line(out, event.alarm_minutes_before == 0
                      ? std::string("TRIGGER:PT0M")
                      : fmt::format("TRIGGER:-PT{}M", event.alarm_minutes_before));
    add_line(out, "END:VALARM");
    add_line(out, "END:VEVENT");
  }
  add_line(out, "END:VCALENDAR");
  return out;
}

LocalTime event_end(const CalendarEvent& event) {
  return event.start + minutes{event.minutes};
}

const CalendarEvent* event_on(std::span<const CalendarEvent> events, LocalTime at) {
  for (const CalendarEvent& event : events) {
    if (event.start <= at && at < event_end(event))
      return &event;
  }
  return nullptr;
}

Result<minutes> parse_clock_time(std::string_view text, std::string_view option) {
  int hours = -1;
  int mins = -1;
  const auto colon = text.find(':');
  if (colon != std::string_view::npos && colon > 0 && text.size() - colon == 3) {
    const auto h = std::from_chars(text.data(), text.data() + colon, hours);
    const auto m = std::from_chars(text.data() + colon + 1, text.data() + text.size(), mins);
    if (h.ec != std::errc() || h.ptr != text.data() + colon || m.ec != std::errc() ||
        m.ptr != text.data() + text.size()) {
      hours = -1;
    }
  }
  if (hours < 0 || hours > 23 || mins < 0 || mins > 59) {
    return fail(
        ErrorCode::kInvalidInput,
        fmt::format("{} '{}' is not a time of day: use HH:MM, for example 11:00", option, text));
  }
  return minutes{hours * 60 + mins};
}

}  // namespace limber::core
