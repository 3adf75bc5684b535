// The sitting timer (tip 2, "keep moving"): a pure state machine in the style of
// Workrave's timer core. The shell (src/watch/) feeds it what the desktop reports (input
// resumed, input stopped for the break length, the screen locked, a full-screen window,
// the person's answer to a reminder) and heartbeats, each with the time it happened; the
// timer answers with what to record and what to show, and when it next needs a heartbeat.
// It reads no clock and does no I/O, so every rule below has a table-driven test.
//
// Sitting is measured as continuous use of the computer: a bout runs from the first input
// after a break to the last input before the next break. A break is input stopped for at
// least the break length, a locked screen held for at least the break length, or the
// person's "I stood up". A video watched in a chair is still sitting: the idle sources
// report input only, and the timer does not guess.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/entry.h"
#include "core/exercise.h"
#include "core/result.h"

namespace limber::core {

class Catalog;

struct SittingPolicy {
  std::chrono::seconds limit{std::chrono::minutes{30}};        // remind after this much sitting
  std::chrono::seconds break_length{std::chrono::minutes{2}};  // no input this long: a break
  std::chrono::seconds snooze{std::chrono::minutes{10}};       // "In 10 minutes"
  // An ignored reminder comes back after first_repeat, then twice as long each time, up to
  // max_repeat: gentle, never a nag every minute.
  std::chrono::seconds first_repeat{std::chrono::minutes{5}};
  std::chrono::seconds max_repeat{std::chrono::minutes{30}};
  // Bouts shorter than this are not worth a diary row (walking past, touching the mouse).
  std::chrono::seconds min_bout{std::chrono::minutes{1}};
};

// The policy for a sitting limit and a break length, the rest scaled so a short limit
// (a test, or a person who wants one) still gets sensible repeats: first_repeat and
// min_bout are at most the limit. kInvalidInput when limit or break_length is not positive.
Result<SittingPolicy> make_sitting_policy(std::chrono::seconds limit,
                                          std::chrono::seconds break_length);

enum class BreakKind {
  kIdle,       // no input for at least the break length
  kLocked,     // the screen was locked for at least the break length
  kConfirmed,  // the person answered "I stood up"
  kStanding,   // at a sit-stand desk ("I was standing"), or a standing stretch of a session
};
std::string_view to_string(BreakKind kind);
Result<BreakKind> parse_break_kind(std::string_view text);

enum class ReminderOutcome {
  kStoodUp,      // "I stood up"
  kSnoozed,      // "In 10 minutes"
  kTookBreak,    // no answer, but a break followed
  kIgnored,      // dismissed, or left unanswered until the next one
  kWasStanding,  // "I was standing" (a sit-stand desk): no sitting to break
};
std::string_view to_string(ReminderOutcome outcome);
Result<ReminderOutcome> parse_reminder_outcome(std::string_view text);

struct SittingBout {
  Instant start;
  Instant end;
  int reminders = 0;  // reminders shown during the bout
  [[nodiscard]] std::chrono::seconds length() const { return end - start; }
};

struct SittingBreak {
  Instant start;
  Instant end;
  BreakKind kind = BreakKind::kIdle;
};

struct Reminder {
  int number = 1;  // 1 for the first reminder of a bout, 2 for its first repeat, ...
  Instant shown_at;
  std::chrono::seconds sat{0};  // how long the person had been sitting
};

// What the shell must do, in order.
struct TimerOutput {
  std::vector<SittingBout> bouts;    // ended bouts to record
  std::vector<SittingBreak> breaks;  // ended breaks to record
  // Reminders answered, each with the moment and how: record it; and when it is still on
  // the screen (a break came without a click), withdraw it.
  struct Answer {
    int number = 1;
    Instant at;
    ReminderOutcome outcome = ReminderOutcome::kIgnored;
  };
  std::vector<Answer> answers;
  std::optional<Reminder> show;  // show this reminder now (it replaces an earlier one)

  [[nodiscard]] bool empty() const {
    return bouts.empty() && breaks.empty() && answers.empty() && !show;
  }
};

class SittingTimer {
 public:
  explicit SittingTimer(SittingPolicy policy) : policy_(policy) {}

  // Input was seen at `at` (an idle source's "resumed", or its first reading).
  TimerOutput on_active(Instant at);
  // No input since `last_input`, for at least the break length, as reported at `at`.
  TimerOutput on_idle(Instant last_input, Instant at);
  // The screen locker came on or went off. A lock held for the break length is a break;
  // unlocking is input.
  TimerOutput on_locked(Instant at);
  TimerOutput on_unlocked(Instant at);
  // A full-screen window (a presentation, a call, a film) holds a reminder that falls due,
  // and it is shown when full screen ends: held, never dropped.
  TimerOutput on_fullscreen(bool fullscreen, Instant at);
  // Outside the person's working hours (core/working_hours.h) a reminder that falls due is
  // held, as during full screen, and shown when the hours start if they are still sitting.
  TimerOutput on_off_hours(bool off_hours, Instant at);
  // A call (a camera or microphone in use) holds a reminder the same way, until it ends.
  TimerOutput on_meeting(bool meeting, Instant at);
  // One of limber's own planned walks or sessions (the calendar export's events,
  // core/ics.h) is on: the person is already moving, so a reminder waits for its end.
  TimerOutput on_planned_event(bool on, Instant at);
  // The person's answers to the reminder on the screen.
  TimerOutput on_stood_up(Instant at);
  TimerOutput on_snooze(Instant at);
  // "I was standing" (issue #18, sit-stand desks): the person says the stretch since the
  // last break was spent standing. It is recorded as a standing break, not as sitting, and
  // counts as a break: the next reminder is a full limit after the click.
  TimerOutput on_was_standing(Instant at);
  // A standing stretch from `from` to `to` (a session's standing exercises, from the diary)
  // seen at `at`: the part of the bout before it is sitting, the stretch itself a standing
  // break, and sitting starts again at `to` (if the person is still at the computer). A
  // stretch that began before the bout, or has not ended, changes nothing.
  TimerOutput on_standing(Instant from, Instant to, Instant at);
  // The reminder was dismissed (or expired) without an answer: it counts as ignored.
  TimerOutput on_dismissed(Instant at);
  // No reminders before `until` (`limber watch --pause 30m`); sitting is still measured,
  // and a reminder that fell due meanwhile is shown when the pause ends.
  TimerOutput pause_until(Instant until, Instant at);
  // The heartbeat: shows what fell due. Call it at next_wake() at the latest.
  TimerOutput tick(Instant now);
  // Closes what is open at shutdown: the running bout or break ends at `at`, an unanswered
  // reminder is ignored. The timer is back to its first state afterwards.
  TimerOutput finish(Instant at);

  // When tick() next has something to do; empty while nothing can fall due.
  [[nodiscard]] std::optional<Instant> next_wake() const;
  // Whether tick(now) would show a reminder: the shell asks the desktop whether a call is
  // on before it lets one through.
  [[nodiscard]] bool reminder_falls_due(Instant now) const;

  [[nodiscard]] bool sitting() const {
    return state_ == State::kSitting || state_ == State::kLocked;
  }
  [[nodiscard]] std::optional<Instant> sitting_since() const;
  [[nodiscard]] std::optional<int> reminder_on_screen() const { return on_screen_; }
  [[nodiscard]] std::optional<Instant> paused_until() const { return paused_until_; }
  [[nodiscard]] const SittingPolicy& policy() const { return policy_; }

 private:
  enum class State {
    kAway,     // not at the computer, and no break in progress worth recording
    kSitting,  // a bout since bout_start_
    kLocked,   // sitting, with the screen locked since locked_at_ (not yet a break)
    kBreak,    // a break since break_start_
  };

  void end_bout(Instant end, BreakKind kind, TimerOutput& out);
  void start_bout(Instant at, TimerOutput& out);
  void answer(Instant at, ReminderOutcome outcome, TimerOutput& out);
  [[nodiscard]] std::chrono::seconds repeat_interval(int shown) const;
  [[nodiscard]] std::optional<Instant> reminder_due() const;

  SittingPolicy policy_;
  State state_ = State::kAway;
  Instant bout_start_{};
  Instant locked_at_{};
  Instant break_start_{};
  BreakKind break_kind_ = BreakKind::kIdle;
  Instant next_reminder_{};  // valid while sitting
  int shown_in_bout_ = 0;
  std::optional<int> on_screen_;
  std::optional<Instant> paused_until_;
  // What holds a reminder that falls due; it is shown when the last of them ends.
  struct Holds {
    bool fullscreen = false;
    bool off_hours = false;
    bool meeting = false;
    bool planned_event = false;
    [[nodiscard]] bool any() const { return fullscreen || off_hours || meeting || planned_event; }
  };
  TimerOutput hold(bool Holds::*what, bool on, Instant at);
  Holds holds_;
};

// A one-minute standing movement from the catalog for a break reminder, suited to `phase`,
// rotating with `turn` so repeats do not always suggest the same one; nullptr when the
// phase has none (in `rest` the person cannot yet stand up straight: no standing drill).
const Exercise* break_movement(const Catalog& catalog, Phase phase, int turn);

// The standing stretch of an exercise session logged in the diary (issue #18): the session
// ran for its minutes up to the moment it was logged, and counts as standing, not sitting,
// when the catalog marks most of its exercises (by their minutes) as done standing or
// walking. Empty for any other entry, or a session mostly on the floor or in a chair.
std::optional<SittingBreak> standing_stretch(const Entry& entry, const Catalog& catalog);

// Reads a duration as people type it: "90s", "20m", "1h", "1h30m"; a bare number is in
// `bare_unit`. kInvalidInput, naming the accepted forms, otherwise or when not positive.
Result<std::chrono::seconds> parse_duration(std::string_view text, std::chrono::seconds bare_unit);

}  // namespace limber::core
