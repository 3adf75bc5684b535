#include "core/sitting_timer.h"

#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/catalog.h"
#include "support/clock.h"
#include "support/test_catalog.h"

namespace limber::core {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// A script of desktop events at minutes (or seconds) after kNoon. The runner plays it like
// the watcher's event loop: before each event it delivers the heartbeats the timer asked
// for (next_wake), so the schedule is tested as the real loop drives it.
enum class Do {
  kActive,
  kIdle,
  kLock,
  kUnlock,
  kFullscreen,
  kWindowed,
  kOffHours,
  kOnHours,
  kCall,
  kCallOver,
  kPlanned,
  kPlannedOver,
  kStoodUp,
  kSnooze,
  kDismiss,
  kPause,
  kWasStanding,
  kStanding,
  kFinish
};

struct Step {
  int at;  // seconds after the start
  Do what;
  int arg = 0;   // kIdle: seconds of the last input; kPause: seconds until; kStanding: from
  int arg2 = 0;  // kStanding: to
};

// Everything the timer said, as one line per item, in seconds after the start.
std::vector<std::string> play(const SittingPolicy& policy, const std::vector<Step>& steps) {
  const Instant start = testing::kNoon;
  const auto offset = [&](Instant at) {
    return (at - start).count();
  };
  SittingTimer timer(policy);
  std::vector<std::string> log;
  const auto record = [&](const TimerOutput& out) {
    for (const auto& answer : out.answers) {
      log.push_back(fmt::format("answer {} {} at {}", answer.number, to_string(answer.outcome),
                                offset(answer.at)));
    }
    for (const auto& bout : out.bouts) {
      log.push_back(fmt::format("bout {}-{} reminders {}", offset(bout.start), offset(bout.end),
                                bout.reminders));
    }
    for (const auto& pause : out.breaks) {
      log.push_back(fmt::format("break {}-{} {}", offset(pause.start), offset(pause.end),
                                to_string(pause.kind)));
    }
    if (out.show) {
      log.push_back(fmt::format("remind {} at {} sat {}", out.show->number,
                                offset(out.show->shown_at), out.show->sat.count()));
    }
  };
  for (const Step& step : steps) {
    const Instant at = start + seconds{step.at};
    for (auto wake = timer.next_wake(); wake && *wake <= at; wake = timer.next_wake()) {
      const auto before = timer.next_wake();
      record(timer.tick(*wake));
      if (timer.next_wake() == before)
        break;  // nothing changed: the pause ends at the event itself
    }
    switch (step.what) {
      case Do::kActive:
        record(timer.on_active(at));
        break;
      case Do::kIdle:
        record(timer.on_idle(start + seconds{step.arg}, at));
        break;
      case Do::kLock:
        record(timer.on_locked(at));
        break;
      case Do::kUnlock:
        record(timer.on_unlocked(at));
        break;
      case Do::kFullscreen:
        record(timer.on_fullscreen(true, at));
        break;
      case Do::kWindowed:
        record(timer.on_fullscreen(false, at));
        break;
      case Do::kOffHours:
        record(timer.on_off_hours(true, at));
        break;
      case Do::kOnHours:
        record(timer.on_off_hours(false, at));
        break;
      case Do::kCall:
        record(timer.on_meeting(true, at));
        break;
      case Do::kCallOver:
        record(timer.on_meeting(false, at));
        break;
      case Do::kPlanned:
        record(timer.on_planned_event(true, at));
        break;
      case Do::kPlannedOver:
        record(timer.on_planned_event(false, at));
        break;
      case Do::kStoodUp:
        record(timer.on_stood_up(at));
        break;
      case Do::kSnooze:
        record(timer.on_snooze(at));
        break;
      case Do::kDismiss:
        record(timer.on_dismissed(at));
        break;
      case Do::kPause:
        record(timer.pause_until(start + seconds{step.arg}, at));
        break;
      case Do::kWasStanding:
        record(timer.on_was_standing(at));
        break;
      case Do::kStanding:
        record(timer.on_standing(start + seconds{step.arg}, start + seconds{step.arg2}, at));
        break;
      case Do::kFinish:
        record(timer.finish(at));
        break;
    }
  }
  return log;
}

// Limit 30 minutes, breaks of 2 minutes: the defaults, in seconds below.
constexpr int kMin = 60;

struct Case {
  const char* name;
  std::vector<Step> steps;
  std::vector<std::string> expected;
};

const auto kCases = std::to_array<Case>({
    {"a short bout ends in an idle break and is recorded; the break ends at the next input",
     {{0, Do::kActive}, {12 * kMin, Do::kIdle, 10 * kMin}, {20 * kMin, Do::kActive}},
     {"bout 0-600 reminders 0", "break 600-1200 idle"}},
    {"sitting to the limit shows a reminder at the limit, with how long",
     {{0, Do::kActive}, {31 * kMin, Do::kFinish}},
     {"remind 1 at 1800 sat 1800", "answer 1 ignored at 1860", "bout 0-1860 reminders 1"}},
    {"an ignored reminder repeats at a growing interval: 5, 10, 20, then 30 minutes at most",
     {{0, Do::kActive}, {120 * kMin, Do::kFinish}},
     {"remind 1 at 1800 sat 1800", "answer 1 ignored at 2100", "remind 2 at 2100 sat 2100",
      "answer 2 ignored at 2700", "remind 3 at 2700 sat 2700", "answer 3 ignored at 3900",
      "remind 4 at 3900 sat 3900", "answer 4 ignored at 5700", "remind 5 at 5700 sat 5700",
      "answer 5 ignored at 7200", "bout 0-7200 reminders 5"}},
    {"I stood up ends the bout at the click; the confirmed break ends at the next input",
     {{0, Do::kActive}, {31 * kMin, Do::kStoodUp}, {33 * kMin, Do::kActive}},
     {"remind 1 at 1800 sat 1800", "answer 1 stood-up at 1860", "bout 0-1860 reminders 1",
      "break 1860-1980 confirmed"}},
    {"In 10 minutes snoozes for ten minutes, then reminds again",
     {{0, Do::kActive}, {31 * kMin, Do::kSnooze}, {45 * kMin, Do::kFinish}},
     {"remind 1 at 1800 sat 1800", "answer 1 snoozed at 1860", "remind 2 at 2460 sat 2460",
      "answer 2 ignored at 2700", "bout 0-2700 reminders 2"}},
    {"a break without a click answers the reminder as a break taken",
     {{0, Do::kActive}, {33 * kMin, Do::kIdle, 31 * kMin}, {40 * kMin, Do::kActive}},
     {"remind 1 at 1800 sat 1800", "answer 1 took-break at 1980", "bout 0-1860 reminders 1",
      "break 1860-2400 idle"}},
    {"a dismissed reminder is ignored and the next comes on the growing schedule",
     {{0, Do::kActive}, {31 * kMin, Do::kDismiss}, {36 * kMin, Do::kFinish}},
     {"remind 1 at 1800 sat 1800", "answer 1 ignored at 1860", "remind 2 at 2100 sat 2100",
      "answer 2 ignored at 2160", "bout 0-2160 reminders 2"}},
    {"a reminder due in full screen is held until it ends, not dropped",
     {{0, Do::kActive},
      {25 * kMin, Do::kFullscreen},
      {50 * kMin, Do::kWindowed},
      {51 * kMin, Do::kFinish}},
     {"remind 1 at 3000 sat 3000", "answer 1 ignored at 3060", "bout 0-3060 reminders 1"}},
    {"outside working hours a reminder is held and sitting recorded; the hours' start shows it",
     {{0, Do::kOffHours}, {kMin, Do::kActive}, {60 * kMin, Do::kOnHours}, {61 * kMin, Do::kFinish}},
     {"remind 1 at 3600 sat 3540", "answer 1 ignored at 3660", "bout 60-3660 reminders 1"}},
    {"the hours ending mid-bout hold the next reminder; a break then shows none at all",
     {{0, Do::kOnHours},
      {0, Do::kActive},
      {29 * kMin, Do::kOffHours},
      {45 * kMin, Do::kIdle, 44 * kMin},
      {50 * kMin, Do::kFinish}},
     {"bout 0-2640 reminders 0", "break 2640-3000 idle"}},
    {"a call holds a reminder until it ends; full screen ending meanwhile does not show it",
     {{0, Do::kActive},
      {29 * kMin, Do::kCall},
      {35 * kMin, Do::kFullscreen},
      {40 * kMin, Do::kWindowed},
      {45 * kMin, Do::kCallOver},
      {46 * kMin, Do::kFinish}},
     {"remind 1 at 2700 sat 2700", "answer 1 ignored at 2760", "bout 0-2760 reminders 1"}},
    // Issue #18: the calendar export's own events.
    {"a planned walk or session holds a reminder until it ends",
     {{0, Do::kActive},
      {29 * kMin, Do::kPlanned},
      {40 * kMin, Do::kPlannedOver},
      {41 * kMin, Do::kFinish}},
     {"remind 1 at 2400 sat 2400", "answer 1 ignored at 2460", "bout 0-2460 reminders 1"}},
    {"a pause holds reminders until it ends; sitting is still measured",
     {{0, Do::kActive}, {kMin, Do::kPause, 40 * kMin}, {41 * kMin, Do::kFinish}},
     {"remind 1 at 2400 sat 2400", "answer 1 ignored at 2460", "bout 0-2460 reminders 1"}},
    // Issue #18, snooze from the page: "Resume now" is a pause that ends at once.
    {"resume now ends a pause: the reminder it held is shown at once",
     {{0, Do::kActive},
      {kMin, Do::kPause, 90 * kMin},
      {35 * kMin, Do::kPause, 35 * kMin},
      {36 * kMin, Do::kFinish}},
     {"remind 1 at 2100 sat 2100", "answer 1 ignored at 2160", "bout 0-2160 reminders 1"}},
    {"a pause outlives a break: the next bout's reminder waits for its end, then comes alone",
     {{0, Do::kActive},
      {10 * kMin, Do::kPause, 70 * kMin},
      {20 * kMin, Do::kIdle, 15 * kMin},
      {25 * kMin, Do::kActive},
      {74 * kMin, Do::kFinish}},
     {"bout 0-900 reminders 0", "break 900-1500 idle", "remind 1 at 4200 sat 2700",
      "answer 1 ignored at 4440", "bout 1500-4440 reminders 1"}},
    // Issue #18, sit-stand desks.
    {"I was standing makes the stretch a standing break, and the limit starts again",
     {{0, Do::kActive}, {31 * kMin, Do::kWasStanding}, {62 * kMin, Do::kFinish}},
     {"remind 1 at 1800 sat 1800", "answer 1 was-standing at 1860", "break 0-1860 standing",
      "remind 1 at 3660 sat 1800", "answer 1 ignored at 3720", "bout 1860-3720 reminders 1"}},
    {"a session's standing stretch in a bout: sitting before it, standing in it, sitting after",
     {{0, Do::kActive}, {29 * kMin, Do::kStanding, 10 * kMin, 20 * kMin}, {54 * kMin, Do::kFinish}},
     {"bout 0-600 reminders 0", "break 600-1200 standing", "remind 1 at 3000 sat 1800",
      "answer 1 ignored at 3240", "bout 1200-3240 reminders 1"}},
    {"a standing stretch from before the bout, or still running, changes nothing",
     {{20 * kMin, Do::kActive},
      {25 * kMin, Do::kStanding, 10 * kMin, 22 * kMin},
      {26 * kMin, Do::kStanding, 24 * kMin, 27 * kMin},
      {30 * kMin, Do::kFinish}},
     {"bout 1200-1800 reminders 0"}},
    {"a screen locked for the break length is a break from the lock",
     {{0, Do::kActive}, {10 * kMin, Do::kLock}, {20 * kMin, Do::kUnlock}},
     {"bout 0-600 reminders 0", "break 600-1200 locked"}},
    {"a short lock is not a break: the bout goes on",
     {{0, Do::kActive}, {10 * kMin, Do::kLock}, {11 * kMin, Do::kUnlock}, {20 * kMin, Do::kFinish}},
     {"bout 0-1200 reminders 0"}},
    {"a lock after leaving makes the idle break a locked one",
     {{0, Do::kActive},
      {12 * kMin, Do::kIdle, 10 * kMin},
      {13 * kMin, Do::kLock},
      {30 * kMin, Do::kUnlock}},
     {"bout 0-600 reminders 0", "break 600-1800 locked"}},
    {"bouts shorter than a minute are not recorded, the breaks around them are",
     {{0, Do::kActive}, {150, Do::kIdle, 30}, {10 * kMin, Do::kFinish}},
     {"break 30-600 idle"}},
    {"idle before any input is nothing to record",
     {{0, Do::kIdle, 0}, {5 * kMin, Do::kFinish}},
     {}},
    {"finish closes a running break",
     {{0, Do::kActive}, {12 * kMin, Do::kIdle, 10 * kMin}, {15 * kMin, Do::kFinish}},
     {"bout 0-600 reminders 0", "break 600-900 idle"}},
});

TEST(SittingTimerTest, FollowsTheRulesOfEachScript) {
  const SittingPolicy policy;
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.name);
    EXPECT_EQ(play(policy, test.steps), test.expected);
  }
}

TEST(SittingTimerTest, SleepsWhileNothingCanFallDue) {
  SittingTimer timer{SittingPolicy{}};
  EXPECT_FALSE(timer.next_wake());
  (void)timer.on_active(testing::kNoon);
  EXPECT_EQ(timer.next_wake(), testing::kNoon + minutes{30});
  (void)timer.on_idle(testing::kNoon + minutes{5}, testing::kNoon + minutes{7});
  EXPECT_FALSE(timer.next_wake());
  EXPECT_FALSE(timer.sitting());
}

TEST(SittingTimerTest, ScalesTheScheduleToAShortLimit) {
  auto policy = make_sitting_policy(seconds{8}, seconds{3});
  ASSERT_TRUE(policy);
  EXPECT_EQ(policy->first_repeat, seconds{8});
  EXPECT_EQ(policy->min_bout, seconds{8});
  EXPECT_EQ(
      play(*policy, {{0, Do::kActive}, {9, Do::kStoodUp}, {20, Do::kActive}, {30, Do::kFinish}}),
      (std::vector<std::string>{"remind 1 at 8 sat 8", "answer 1 stood-up at 9",
                                "bout 0-9 reminders 1", "break 9-20 confirmed",
                                "remind 1 at 28 sat 8", "answer 1 ignored at 30",
                                "bout 20-30 reminders 1"}));
}

TEST(SittingTimerTest, RejectsALimitOrBreakOfZero) {
  EXPECT_FALSE(make_sitting_policy(seconds{0}, seconds{5}));
  EXPECT_FALSE(make_sitting_policy(seconds{60}, seconds{-1}));
}

TEST(SittingTimerTest, ReadsDurationsAsPeopleTypeThem) {
  struct DurationCase {
    const char* text;
    seconds bare_unit;
    std::optional<seconds> expected;
  };
  const auto cases = std::to_array<DurationCase>({
      {"30", minutes{1}, minutes{30}},
      {"90s", minutes{1}, seconds{90}},
      {"30m", seconds{1}, minutes{30}},
      {"1h30m", seconds{1}, minutes{90}},
      {"2H", seconds{1}, minutes{120}},
      {"5", seconds{1}, seconds{5}},
      {"", seconds{1}, std::nullopt},
      {"0", seconds{1}, std::nullopt},
      {"-5", seconds{1}, std::nullopt},
      {"1h30", seconds{1}, std::nullopt},
      {"10x", seconds{1}, std::nullopt},
      {"m", seconds{1}, std::nullopt},
  });
  for (const auto& test : cases) {
    SCOPED_TRACE(test.text);
    auto parsed = parse_duration(test.text, test.bare_unit);
    if (test.expected) {
      ASSERT_TRUE(parsed) << parsed.error().message;
      EXPECT_EQ(*parsed, *test.expected);
    } else {
      EXPECT_FALSE(parsed);
    }
  }
}

// Issue #18: a session mostly on the feet is a standing stretch; one on the floor is not.
TEST(SittingTimerTest, ASessionMostlyStandingIsAStandingStretch) {
  const Catalog& catalog = testing::test_catalog();
  const auto session = [](std::vector<std::string> ids, int length) {
    Entry entry;
    entry.at = testing::kNoon;
    entry.detail = SessionRecord{std::move(ids), PainScore::from_int(3).value(),
                                 PainScore::from_int(2).value(), length};
    return entry;
  };
  const auto standing =
      standing_stretch(session({"basics-stand-tall", "basics-wall-check", "yoga-cat-cow"}, 8),
                       catalog);  // 4 minutes standing, 4 on hands and knees
  ASSERT_TRUE(standing);
  EXPECT_EQ(standing->start, testing::kNoon - minutes{8});
  EXPECT_EQ(standing->end, testing::kNoon);
  EXPECT_EQ(standing->kind, BreakKind::kStanding);
  EXPECT_FALSE(standing_stretch(session({"basics-stand-tall", "basics-lie-flat"}, 7), catalog));
  EXPECT_FALSE(standing_stretch(session({"basics-sit-to-stand"}, 4), catalog));
  Entry walk;
  walk.at = testing::kNoon;
  walk.detail = WalkRecord{20};
  EXPECT_FALSE(standing_stretch(walk, catalog));
}

TEST(SittingTimerTest, NamesBreakKindsAndOutcomesBothWays) {
  for (auto kind :
       {BreakKind::kIdle, BreakKind::kLocked, BreakKind::kConfirmed, BreakKind::kStanding})
    EXPECT_EQ(parse_break_kind(to_string(kind)), kind);
  for (auto outcome :
       {ReminderOutcome::kStoodUp, ReminderOutcome::kSnoozed, ReminderOutcome::kTookBreak,
        ReminderOutcome::kIgnored, ReminderOutcome::kWasStanding})
    EXPECT_EQ(parse_reminder_outcome(to_string(outcome)), outcome);
  EXPECT_FALSE(parse_break_kind("nap"));
}

}  // namespace
}  // namespace limber::core
