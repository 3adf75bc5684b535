#include "core/sitting_timer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <variant>

#include <fmt/format.h>

#include "core/catalog.h"

namespace limber::core {

using std::chrono::seconds;

namespace {

constexpr std::array<std::string_view, 4> kBreakKinds = {"idle", "locked", "confirmed", "standing"};
constexpr std::array<std::string_view, 5> kOutcomes = {"stood-up", "snoozed", "took-break",
                                                       "ignored", "was-standing"};

}  // namespace

Result<SittingPolicy> make_sitting_policy(seconds limit, seconds break_length) {
  if (limit <= seconds{0})
    return fail(ErrorCode::kInvalidInput, "the sitting limit must be more than zero");
  if (break_length <= seconds{0})
    return fail(ErrorCode::kInvalidInput, "the break length must be more than zero");
  SittingPolicy policy;
  policy.limit = limit;
  policy.break_length = break_length;
  policy.first_repeat = std::min(policy.first_repeat, limit);
  policy.max_repeat = std::max(policy.max_repeat, policy.first_repeat);
  policy.min_bout = std::min(policy.min_bout, limit);
  return policy;
}

std::string_view to_string(BreakKind kind) {
  return kBreakKinds.at(static_cast<std::size_t>(kind));
}

Result<BreakKind> parse_break_kind(std::string_view text) {
  for (std::size_t i = 0; i < kBreakKinds.size(); ++i) {
    if (kBreakKinds[i] == text)
      return static_cast<BreakKind>(i);
  }
  return fail(ErrorCode::kInvalidInput, fmt::format("unknown break kind '{}'", text));
}

std::string_view to_string(ReminderOutcome outcome) {
  return kOutcomes.at(static_cast<std::size_t>(outcome));
}

Result<ReminderOutcome> parse_reminder_outcome(std::string_view text) {
  for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
    if (kOutcomes[i] == text)
      return static_cast<ReminderOutcome>(i);
  }
  return fail(ErrorCode::kInvalidInput, fmt::format("unknown reminder outcome '{}'", text));
}

std::optional<Instant> SittingTimer::sitting_since() const {
  if (sitting())
    return bout_start_;
  return std::nullopt;
}

seconds SittingTimer::repeat_interval(int shown) const {
  seconds interval = policy_.first_repeat;
  for (int i = 1; i < shown && interval < policy_.max_repeat; ++i)
    interval *= 2;
  return std::min(interval, policy_.max_repeat);
}

void SittingTimer::answer(Instant at, ReminderOutcome outcome, TimerOutput& out) {
  if (!on_screen_)
    return;
  out.answers.push_back({*on_screen_, at, outcome});
  on_screen_.reset();
}

void SittingTimer::start_bout(Instant at, TimerOutput& out) {
  if (state_ == State::kBreak)
    out.breaks.push_back({break_start_, std::max(at, break_start_), break_kind_});
  state_ = State::kSitting;
  bout_start_ = at;
  next_reminder_ = at + policy_.limit;
  shown_in_bout_ = 0;
}

void SittingTimer::end_bout(Instant end, BreakKind kind, TimerOutput& out) {
  end = std::max(end, bout_start_);
  if (end - bout_start_ >= policy_.min_bout)
    out.bouts.push_back({bout_start_, end, shown_in_bout_});
  state_ = State::kBreak;
  break_start_ = end;
  break_kind_ = kind;
  shown_in_bout_ = 0;
}

TimerOutput SittingTimer::on_active(Instant at) {
  TimerOutput out;
  switch (state_) {
    case State::kAway:
    case State::kBreak:
      start_bout(at, out);
      break;
    case State::kSitting:
      break;
    case State::kLocked:
      // Input while locked means the lock has gone: the same as unlocking.
      return on_unlocked(at);
  }
  auto due = tick(at);
  out.show = due.show;
  out.answers.insert(out.answers.end(), due.answers.begin(), due.answers.end());
  return out;
}

TimerOutput SittingTimer::on_idle(Instant last_input, Instant at) {
  TimerOutput out;
  if (state_ == State::kSitting) {
    answer(at, ReminderOutcome::kTookBreak, out);
    end_bout(std::min(last_input, at), BreakKind::kIdle, out);
  } else if (state_ == State::kLocked) {
    answer(at, ReminderOutcome::kTookBreak, out);
    end_bout(std::min(last_input, locked_at_), BreakKind::kLocked, out);
  }
  return out;
}

TimerOutput SittingTimer::on_locked(Instant at) {
  TimerOutput out;
  if (state_ == State::kSitting) {
    state_ = State::kLocked;
    locked_at_ = at;
  } else if (state_ == State::kBreak && break_kind_ == BreakKind::kIdle) {
    break_kind_ = BreakKind::kLocked;  // left, and locked the screen on the way
  }
  return out;
}

TimerOutput SittingTimer::on_unlocked(Instant at) {
  TimerOutput out = tick(at);  // a lock held long enough became a break
  if (state_ == State::kLocked) {
    state_ = State::kSitting;  // a short lock: the bout goes on
    return out;
  }
  auto active = on_active(at);
  out.bouts.insert(out.bouts.end(), active.bouts.begin(), active.bouts.end());
  out.breaks.insert(out.breaks.end(), active.breaks.begin(), active.breaks.end());
  out.answers.insert(out.answers.end(), active.answers.begin(), active.answers.end());
  if (active.show)
    out.show = active.show;
  return out;
}

TimerOutput SittingTimer::hold(bool Holds::*what, bool on, Instant at) {
  holds_.*what = on;
  if (on)
    return {};
  return tick(at);  // a reminder held until now is shown, unless something else holds it
}

TimerOutput SittingTimer::on_fullscreen(bool fullscreen, Instant at) {
  return hold(&Holds::fullscreen, fullscreen, at);
}

TimerOutput SittingTimer::on_off_hours(bool off_hours, Instant at) {
  return hold(&Holds::off_hours, off_hours, at);
}

TimerOutput SittingTimer::on_meeting(bool meeting, Instant at) {
  return hold(&Holds::meeting, meeting, at);
}

TimerOutput SittingTimer::on_planned_event(bool on, Instant at) {
  return hold(&Holds::planned_event, on, at);
}

TimerOutput SittingTimer::on_stood_up(Instant at) {
  TimerOutput out;
  answer(at, ReminderOutcome::kStoodUp, out);
  if (state_ == State::kSitting || state_ == State::kLocked) {
    end_bout(at, BreakKind::kConfirmed, out);
  } else if (state_ == State::kBreak) {
    break_kind_ = BreakKind::kConfirmed;
  }
  return out;
}

TimerOutput SittingTimer::on_snooze(Instant at) {
  TimerOutput out;
  answer(at, ReminderOutcome::kSnoozed, out);
  if (sitting())
    next_reminder_ = at + policy_.snooze;
  return out;
}

TimerOutput SittingTimer::on_was_standing(Instant at) {
  TimerOutput out;
  answer(at, ReminderOutcome::kWasStanding, out);
  if (!sitting())
    return out;
  out.breaks.push_back({bout_start_, std::max(at, bout_start_), BreakKind::kStanding});
  // Still at the desk, standing: the next stretch starts now, a full limit to go.
  state_ = State::kSitting;
  bout_start_ = at;
  next_reminder_ = at + policy_.limit;
  shown_in_bout_ = 0;
  return out;
}

TimerOutput SittingTimer::on_standing(Instant from, Instant to, Instant at) {
  TimerOutput out;
  if (state_ != State::kSitting || from < bout_start_ || to <= from || to > at)
    return out;
  answer(at, ReminderOutcome::kTookBreak, out);
  if (from - bout_start_ >= policy_.min_bout)
    out.bouts.push_back({bout_start_, from, shown_in_bout_});
  out.breaks.push_back({from, to, BreakKind::kStanding});
  bout_start_ = to;
  next_reminder_ = to + policy_.limit;
  shown_in_bout_ = 0;
  return out;
}

TimerOutput SittingTimer::on_dismissed(Instant at) {
  TimerOutput out;
  answer(at, ReminderOutcome::kIgnored, out);
  return out;
}

TimerOutput SittingTimer::pause_until(Instant until, Instant at) {
  paused_until_ = until;
  if (until <= at)
    paused_until_.reset();
  return tick(at);
}

std::optional<Instant> SittingTimer::reminder_due() const {
  if (state_ != State::kSitting || holds_.any())
    return std::nullopt;
  Instant due = next_reminder_;
  if (paused_until_)
    due = std::max(due, *paused_until_);
  return due;
}

TimerOutput SittingTimer::tick(Instant now) {
  TimerOutput out;
  if (paused_until_ && now >= *paused_until_)
    paused_until_.reset();
  if (state_ == State::kLocked && now - locked_at_ >= policy_.break_length) {
    answer(now, ReminderOutcome::kTookBreak, out);
    end_bout(locked_at_, BreakKind::kLocked, out);
  }
  if (auto due = reminder_due(); due && now >= *due) {
    // One still on the screen was ignored; the new one replaces it.
    answer(now, ReminderOutcome::kIgnored, out);
    ++shown_in_bout_;
    out.show = Reminder{shown_in_bout_, now, now - bout_start_};
    on_screen_ = shown_in_bout_;
    next_reminder_ = now + repeat_interval(shown_in_bout_);
  }
  return out;
}

TimerOutput SittingTimer::finish(Instant at) {
  TimerOutput out;
  answer(at, ReminderOutcome::kIgnored, out);
  if (state_ == State::kLocked) {
    if (at - locked_at_ >= policy_.break_length) {
      end_bout(locked_at_, BreakKind::kLocked, out);
    } else {
      state_ = State::kSitting;
    }
  }
  if (state_ == State::kSitting)
    end_bout(at, BreakKind::kIdle, out);
  if (state_ == State::kBreak && at > break_start_)
    out.breaks.push_back({break_start_, at, break_kind_});
  state_ = State::kAway;
  shown_in_bout_ = 0;
  return out;
}

bool SittingTimer::reminder_falls_due(Instant now) const {
  const auto due = reminder_due();  // a pause's end included
  return due && now >= *due;
}

std::optional<Instant> SittingTimer::next_wake() const {
  std::optional<Instant> wake = reminder_due();
  if (state_ == State::kLocked) {
    const Instant lock_break = locked_at_ + policy_.break_length;
    wake = wake ? std::min(*wake, lock_break) : lock_break;
  }
  if (paused_until_ && (!wake || *paused_until_ < *wake) && state_ != State::kSitting)
    wake = *paused_until_;  // to clear the pause on time
  return wake;
}

const Exercise* break_movement(const Catalog& catalog, Phase phase, int turn) {
  std::vector<const Exercise*> fits;
  for (const Exercise& exercise : catalog.all()) {
    if (exercise.minutes <= 1 && exercise.position == Position::kStanding &&
        exercise.style == Style::kBasics && exercise.suits(phase)) {
      fits.push_back(&exercise);
    }
  }
  if (fits.empty())
    return nullptr;
  const auto index = static_cast<std::size_t>(std::max(turn, 0)) % fits.size();
  return fits[index];
}

std::optional<SittingBreak> standing_stretch(const Entry& entry, const Catalog& catalog) {
  const auto* session = std::get_if<SessionRecord>(&entry.detail);
  if (session == nullptr || session->minutes <= 0)
    return std::nullopt;
  int standing = 0;
  int other = 0;
  for (const std::string& id : session->exercises) {
    const Exercise* exercise = catalog.find(id);
    if (exercise == nullptr)
      continue;
    const int minutes = std::max(exercise->minutes, 1);
    const bool upright =
        exercise->position == Position::kStanding || exercise->position == Position::kWalking;
    (upright ? standing : other) += minutes;
  }
  if (standing == 0 || standing < other)
    return std::nullopt;
  return SittingBreak{entry.at - std::chrono::minutes{session->minutes}, entry.at,
                      BreakKind::kStanding};
}

Result<seconds> parse_duration(std::string_view text, seconds bare_unit) {
  const auto bad = [&] {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is not a duration: use a number with s, m or h, such as 90s, "
                            "20m, 1h or 1h30m",
                            text));
  };
  if (text.empty())
    return bad();
  seconds total{0};
  std::string_view rest = text;
  bool bare = true;
  while (!rest.empty()) {
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (ec != std::errc() || ptr == rest.data() || value > 1'000'000)
      return bad();
    rest.remove_prefix(static_cast<std::size_t>(ptr - rest.data()));
    if (rest.empty()) {
      if (!bare)
        return bad();  // "1h30" is ambiguous
      total += value * bare_unit;
      break;
    }
    bare = false;
    const char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(rest.front())));
    rest.remove_prefix(1);
    switch (unit) {
      case 's':
        total += seconds{value};
        break;
      case 'm':
        total += std::chrono::minutes{value};
        break;
      case 'h':
        total += std::chrono::hours{value};
        break;
      default:
        return bad();
    }
  }
  if (total <= seconds{0})
    return bad();
  return total;
}

}  // namespace limber::core
