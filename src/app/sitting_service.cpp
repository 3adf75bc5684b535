#include "app/sitting_service.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/local_time.h"
#include "app/progress_json.h"
#include "core/sitting_pause.h"
#include "core/time_parse.h"

namespace limber::app {

using core::Instant;
using std::chrono::days;
using std::chrono::local_days;

namespace {

// [start of `day`, start of the next day) in the local zone.
std::pair<Instant, Instant> day_range(local_days day) {
  return {from_local(core::LocalTime{day.time_since_epoch()}),
          from_local(core::LocalTime{(day + days{1}).time_since_epoch()})};
}

std::optional<core::SittingBout> longest(const std::vector<store::StoredBout>& bouts) {
  std::optional<core::SittingBout> best;
  for (const auto& stored : bouts) {
    if (!best || stored.bout.length() > best->length())
      best = stored.bout;
  }
  return best;
}

long long whole_minutes(std::chrono::seconds length) {
  return std::chrono::duration_cast<std::chrono::minutes>(length + std::chrono::seconds{30})
      .count();
}

nlohmann::json bout_json(const std::optional<core::SittingBout>& bout) {
  if (!bout)
    return nullptr;
  const std::chrono::seconds offset = utc_offset_at(bout->start);
  return {{"start", core::format_iso(bout->start, offset)},
          {"end", core::format_iso(bout->end, offset)},
          {"minutes", whole_minutes(bout->length())}};
}

}  // namespace

core::Result<std::int64_t> SittingService::record_bout(const core::SittingBout& bout) const {
  return store_.add_bout(bout, utc_offset_at(bout.start));
}

core::Result<std::int64_t> SittingService::record_break(const core::SittingBreak& pause) const {
  return store_.add_break(pause, utc_offset_at(pause.start));
}

core::Result<std::int64_t> SittingService::record_reminder(
    const core::Reminder& reminder, std::optional<std::string_view> exercise) const {
  return store_.add_reminder(reminder, utc_offset_at(reminder.shown_at), exercise);
}

core::Result<void> SittingService::record_answer(std::int64_t id, core::Instant at,
                                                 core::ReminderOutcome outcome) const {
  return store_.answer_reminder(id, at, outcome);
}

core::Result<SittingPause> SittingService::pause_for(std::chrono::minutes length) const {
  LIMBER_TRY_ASSIGN(const core::LocalTime end, core::pause_end_after(length, now_.local));
  return pause_until(from_local(end));
}

core::Result<SittingPause> SittingService::pause_until(std::string_view when) const {
  LIMBER_TRY_ASSIGN(const core::LocalTime end, core::pause_end_at(when, now_.local));
  return pause_until(from_local(end));
}

core::Result<SittingPause> SittingService::pause_until(core::Instant until) const {
  LIMBER_TRY(store_.set_pause(until, now_.instant, now_.utc_offset()));
  return pause();
}

core::Result<SittingPause> SittingService::resume() const {
  LIMBER_TRY(store_.clear_pause());
  return SittingPause{};
}

core::Result<SittingPause> SittingService::pause() const {
  LIMBER_TRY_ASSIGN(const auto until, store_.pause(now_.instant));
  if (!until)
    return SittingPause{};
  return SittingPause{
      until, core::describe_pause(core::to_local(*until, utc_offset_at(*until)), now_.local)};
}

core::Result<void> SittingService::record_timer_running(core::Instant started_at) const {
  return store_.set_watcher_seen(started_at, now_.instant);
}

core::Result<void> SittingService::record_timer_stopped() const {
  return store_.clear_watcher();
}

core::Result<SittingTimerState> SittingService::timer() const {
  LIMBER_TRY_ASSIGN(const auto seen, store_.watcher_seen());
  return SittingTimerState{seen && now_.instant - *seen <= kTimerSilence, seen};
}

core::Result<SittingSummary> SittingService::summary() const {
  const local_days today = std::chrono::floor<days>(now_.local);
  const auto [yesterday_start, today_start] = day_range(today - days{1});
  const Instant tomorrow_start = day_range(today).second;
  SittingSummary summary;
  LIMBER_TRY_ASSIGN(auto yesterday, store_.bouts(yesterday_start, today_start));
  summary.longest_yesterday = longest(yesterday);
  LIMBER_TRY_ASSIGN(auto bouts, store_.bouts(today_start, tomorrow_start));
  summary.longest_today = longest(bouts);
  for (const auto& stored : bouts)
    summary.sat_today += stored.bout.length();
  LIMBER_TRY_ASSIGN(auto breaks, store_.breaks(today_start, tomorrow_start));
  summary.breaks_today = static_cast<int>(breaks.size());
  for (const auto& stored : breaks) {
    if (stored.pause.kind == core::BreakKind::kStanding)
      summary.stood_today += stored.pause.end - stored.pause.start;
  }
  LIMBER_TRY_ASSIGN(auto reminders, store_.reminders(today_start, tomorrow_start));
  for (const auto& stored : reminders) {
    ++summary.reminders_today;
    if (!stored.outcome)
      continue;
    switch (*stored.outcome) {
      case core::ReminderOutcome::kStoodUp:
      case core::ReminderOutcome::kTookBreak:
        ++summary.stood_up_today;
        break;
      case core::ReminderOutcome::kSnoozed:
        ++summary.snoozed_today;
        break;
      case core::ReminderOutcome::kIgnored:
        ++summary.ignored_today;
        break;
      case core::ReminderOutcome::kWasStanding:
        ++summary.was_standing_today;
        break;
    }
  }
  return summary;
}

core::Result<SittingLog> SittingService::recent(int days_back) const {
  const local_days today = std::chrono::floor<days>(now_.local);
  const Instant from = day_range(today - days{std::max(days_back, 1) - 1}).first;
  const Instant to = day_range(today).second;
  SittingLog log;
  LIMBER_TRY_ASSIGN(log.bouts, store_.bouts(from, to));
  LIMBER_TRY_ASSIGN(log.breaks, store_.breaks(from, to));
  LIMBER_TRY_ASSIGN(log.reminders, store_.reminders(from, to));
  return log;
}

core::Result<std::vector<SittingDay>> SittingService::by_day(int days_back) const {
  const int count = std::max(days_back, 1);
  LIMBER_TRY_ASSIGN(auto log, recent(count));
  const local_days first = std::chrono::floor<days>(now_.local) - days{count - 1};
  std::vector<SittingDay> result(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i)
    result[static_cast<std::size_t>(i)].day = first + days{i};
  // The day an instant fell on where it was recorded; nullptr outside the range.
  const auto day_of = [&](Instant at, std::chrono::seconds offset) -> SittingDay* {
    const auto index = (std::chrono::floor<days>(core::to_local(at, offset)) - first).count();
    return index >= 0 && index < count ? &result[static_cast<std::size_t>(index)] : nullptr;
  };
  for (const auto& stored : log.bouts) {
    if (SittingDay* day = day_of(stored.bout.start, stored.utc_offset)) {
      day->sat += stored.bout.length();
      day->longest = std::max(day->longest, stored.bout.length());
    }
  }
  for (const auto& stored : log.breaks) {
    if (SittingDay* day = day_of(stored.pause.start, stored.utc_offset)) {
      ++day->breaks;
      if (stored.pause.kind == core::BreakKind::kStanding)
        day->stood += stored.pause.end - stored.pause.start;
    }
  }
  for (const auto& stored : log.reminders) {
    if (SittingDay* day = day_of(stored.reminder.shown_at, stored.utc_offset)) {
      ++day->reminders;
      if (stored.outcome == core::ReminderOutcome::kStoodUp)
        ++day->stood_up;
    }
  }
  return result;
}

std::string describe(const SittingSummary& summary) {
  std::string text;
  if (summary.longest_yesterday) {
    text = fmt::format("You sat {} minutes at a stretch yesterday.",
                       whole_minutes(summary.longest_yesterday->length()));
  }
  if (summary.reminders_today > 0) {
    text += fmt::format("{}Today: {} reminder{} to stand up, {} answered by standing up.",
                        text.empty() ? "" : " ", summary.reminders_today,
                        summary.reminders_today == 1 ? "" : "s", summary.stood_up_today);
    if (summary.was_standing_today > 0) {
      text.pop_back();
      text += fmt::format(", {} by \"I was standing\".", summary.was_standing_today);
    }
  } else if (summary.longest_today) {
    text += fmt::format("{}Longest stretch today: {} minutes.", text.empty() ? "" : " ",
                        whole_minutes(summary.longest_today->length()));
  }
  if (whole_minutes(summary.stood_today) > 0) {
    text += fmt::format("{}Standing at the desk today: {} minutes.", text.empty() ? "" : " ",
                        whole_minutes(summary.stood_today));
  }
  return text;
}

nlohmann::json to_json(const SittingSummary& summary) {
  return {{"longest_yesterday", bout_json(summary.longest_yesterday)},
          {"longest_today", bout_json(summary.longest_today)},
          {"sat_today_minutes", whole_minutes(summary.sat_today)},
          {"breaks_today", summary.breaks_today},
          {"reminders_today", summary.reminders_today},
          {"stood_up_today", summary.stood_up_today},
          {"snoozed_today", summary.snoozed_today},
          {"ignored_today", summary.ignored_today},
          {"was_standing_today", summary.was_standing_today},
          {"stood_today_minutes", whole_minutes(summary.stood_today)}};
}

nlohmann::json to_json(const SittingPause& pause) {
  if (!pause.until)
    return {{"paused", false}, {"until", nullptr}, {"text", ""}};
  return {{"paused", true},
          {"until", core::format_iso(*pause.until, utc_offset_at(*pause.until))},
          {"text", pause.text}};
}

nlohmann::json to_json(const SittingTimerState& timer) {
  return {{"running", timer.running},
          {"seen_at", timer.seen_at ? nlohmann::json(core::format_iso(
                                          *timer.seen_at, utc_offset_at(*timer.seen_at)))
                                    : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const SittingLog& log) {
  auto bouts = nlohmann::json::array();
  for (const auto& stored : log.bouts) {
    bouts.push_back({{"id", stored.id},
                     {"start", core::format_iso(stored.bout.start, stored.utc_offset)},
                     {"end", core::format_iso(stored.bout.end, stored.utc_offset)},
                     {"minutes", whole_minutes(stored.bout.length())},
                     {"seconds", stored.bout.length().count()},
                     {"reminders", stored.bout.reminders}});
  }
  auto breaks = nlohmann::json::array();
  for (const auto& stored : log.breaks) {
    breaks.push_back({{"id", stored.id},
                      {"start", core::format_iso(stored.pause.start, stored.utc_offset)},
                      {"end", core::format_iso(stored.pause.end, stored.utc_offset)},
                      {"seconds", (stored.pause.end - stored.pause.start).count()},
                      {"kind", core::to_string(stored.pause.kind)}});
  }
  auto reminders = nlohmann::json::array();
  for (const auto& stored : log.reminders) {
    nlohmann::json reminder = {
        {"id", stored.id},
        {"shown_at", core::format_iso(stored.reminder.shown_at, stored.utc_offset)},
        {"number", stored.reminder.number},
        {"sat_minutes", whole_minutes(stored.reminder.sat)},
        {"exercise", stored.exercise ? nlohmann::json(*stored.exercise) : nlohmann::json(nullptr)},
        {"outcome", stored.outcome ? nlohmann::json(core::to_string(*stored.outcome))
                                   : nlohmann::json(nullptr)},
        {"answered_at", stored.answered_at ? nlohmann::json(core::format_iso(*stored.answered_at,
                                                                             stored.utc_offset))
                                           : nlohmann::json(nullptr)}};
    reminders.push_back(std::move(reminder));
  }
  return {{"bouts", std::move(bouts)},
          {"breaks", std::move(breaks)},
          {"reminders", std::move(reminders)}};
}

nlohmann::json to_json(const std::vector<SittingDay>& by_day) {
  nlohmann::json out = nlohmann::json::array();
  for (const SittingDay& day : by_day) {
    out.push_back({{"date", iso_day(day.day)},
                   {"sat_minutes", whole_minutes(day.sat)},
                   {"longest_minutes", whole_minutes(day.longest)},
                   {"breaks", day.breaks},
                   {"reminders", day.reminders},
                   {"stood_up", day.stood_up},
                   {"stood_minutes", whole_minutes(day.stood)}});
  }
  return out;
}

}  // namespace limber::app
