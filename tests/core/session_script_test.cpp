#include "core/session_script.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

Exercise hold(std::string id, int seconds, int sets, int rest) {
  Exercise exercise;
  exercise.id = std::move(id);
  exercise.name = exercise.id;
  exercise.dose = Dose{seconds, std::nullopt, sets, rest};
  exercise.minutes = 1;
  return exercise;
}

Exercise reps(std::string id, int count, int sets, int rest, int minutes) {
  Exercise exercise;
  exercise.id = std::move(id);
  exercise.name = exercise.id;
  exercise.dose = Dose{std::nullopt, count, sets, rest};
  exercise.minutes = minutes;
  return exercise;
}

// A hold of 3 s twice with 2 s rest; 4 reps twice at 3 s a rep (1 minute less 30 s rest
// over 8 reps) with 30 s rest; a hold of 5 s twice with no rest.
const Exercise kHold = hold("basics-hold", 3, 2, 2);
const Exercise kReps = reps("yoga-reps", 4, 2, 30, 1);
const Exercise kCool = hold("basics-cool", 5, 2, 0);

SessionScript three_part_script() {
  return SessionScript({{&kHold, Part::kWarmUp}, {&kReps, Part::kMain}, {&kCool, Part::kCoolDown}});
}

// Drives a script with a line of inputs: '.' one second, 'e' Enter, ' ' space, 'n' skip,
// 'b' back, 'q' stop. Returns the events of the last input.
std::vector<SessionEvent> drive(SessionScript& script, std::string_view inputs) {
  std::vector<SessionEvent> events = script.start();
  for (const char input : inputs) {
    switch (input) {
      case '.':
        events = script.tick();
        break;
      case 'e':
        events = script.press(SessionKey::kNext);
        break;
      case ' ':
        events = script.press(SessionKey::kPause);
        break;
      case 'n':
        events = script.press(SessionKey::kSkip);
        break;
      case 'b':
        events = script.press(SessionKey::kBack);
        break;
      case 'q':
        events = script.press(SessionKey::kStop);
        break;
      default:
        ADD_FAILURE() << "unknown input '" << input << "'";
    }
  }
  return events;
}

std::string dots(int count) {
  return std::string(static_cast<std::size_t>(count), '.');
}

TEST(SessionScriptTest, FollowsTicksAndKeysThroughSetsRestsAndExercises) {
  struct Case {
    std::string name;
    std::string inputs;
    std::size_t index;
    SessionStage stage;
    int set;
    int seconds_left;
    int rep;
    bool paused;
    std::vector<std::string> done;
  };
  const Case cases[] = {
      {"starts by getting ready", "", 0, SessionStage::kReady, 1, kReadySeconds, 0, false, {}},
      {"get ready counts down", "...", 0, SessionStage::kReady, 1, kReadySeconds - 3, 0, false, {}},
      {"the countdown starts the first set",
       dots(kReadySeconds),
       0,
       SessionStage::kWork,
       1,
       3,
       0,
       false,
       {"basics-hold"}},
      {"Enter starts it now", "e", 0, SessionStage::kWork, 1, 3, 0, false, {"basics-hold"}},
      {"a hold counts down", "e..", 0, SessionStage::kWork, 1, 1, 0, false, {"basics-hold"}},
      {"a finished hold rests before the next set",
       "e...",
       0,
       SessionStage::kRest,
       1,
       2,
       0,
       false,
       {"basics-hold"}},
      {"the rest counts down", "e....", 0, SessionStage::kRest, 1, 1, 0, false, {"basics-hold"}},
      {"after the rest, the next set",
       "e.....",
       0,
       SessionStage::kWork,
       2,
       3,
       0,
       false,
       {"basics-hold"}},
      {"the last set leads to the next exercise",
       "e........",
       1,
       SessionStage::kReady,
       1,
       kReadySeconds,
       0,
       false,
       {"basics-hold"}},
      {"Enter ends a set early", "ee", 0, SessionStage::kRest, 1, 2, 0, false, {"basics-hold"}},
      {"Enter ends a rest early", "eee", 0, SessionStage::kWork, 2, 3, 0, false, {"basics-hold"}},
      {"reps start at one", "ne", 1, SessionStage::kWork, 1, 12, 1, false, {"yoga-reps"}},
      {"reps count at the exercise's pace",
       "ne......",
       1,
       SessionStage::kWork,
       1,
       6,
       3,
       false,
       {"yoga-reps"}},
      {"the last rep ends the set",
       "ne" + dots(12),
       1,
       SessionStage::kRest,
       1,
       30,
       0,
       false,
       {"yoga-reps"}},
      {"a set with no rest goes straight on",
       "nnee",
       2,
       SessionStage::kWork,
       2,
       5,
       0,
       false,
       {"basics-cool"}},
      {"space pauses the clock", "e ...", 0, SessionStage::kWork, 1, 3, 0, true, {"basics-hold"}},
      {"space again goes on", "e ... .", 0, SessionStage::kWork, 1, 2, 0, false, {"basics-hold"}},
      {"Enter after a pause only goes on",
       "e e",
       0,
       SessionStage::kWork,
       1,
       3,
       0,
       false,
       {"basics-hold"}},
      {"a pause while getting ready holds the countdown",
       " ..",
       0,
       SessionStage::kReady,
       1,
       kReadySeconds,
       0,
       true,
       {}},
      {"skip goes to the next exercise",
       "n",
       1,
       SessionStage::kReady,
       1,
       kReadySeconds,
       0,
       false,
       {}},
      {"skip during a set keeps what was begun",
       "e.n",
       1,
       SessionStage::kReady,
       1,
       kReadySeconds,
       0,
       false,
       {"basics-hold"}},
      {"skip works while paused",
       "e n",
       1,
       SessionStage::kReady,
       1,
       kReadySeconds,
       0,
       false,
       {"basics-hold"}},
      {"skipping the last exercise finishes",
       "nnn",
       2,
       SessionStage::kFinished,
       1,
       0,
       0,
       false,
       {}},
      {"back during a set starts the exercise again",
       "ne...b",
       1,
       SessionStage::kReady,
       1,
       kReadySeconds,
       0,
       false,
       {"yoga-reps"}},
      {"back while getting ready goes to the one before",
       "nb",
       0,
       SessionStage::kReady,
       1,
       kReadySeconds,
       0,
       false,
       {}},
      {"back at the first exercise stays there",
       "b",
       0,
       SessionStage::kReady,
       1,
       kReadySeconds,
       0,
       false,
       {}},
      {"an exercise done twice is listed once",
       "e.nbbe.",
       0,
       SessionStage::kWork,
       1,
       2,
       0,
       false,
       {"basics-hold"}},
      {"the order is the order begun",
       "ne.bbe",
       0,
       SessionStage::kWork,
       1,
       3,
       0,
       false,
       {"yoga-reps", "basics-hold"}},
      {"stop ends it at once", "e.q", 0, SessionStage::kStopped, 1, 2, 0, false, {"basics-hold"}},
      {"nothing moves once stopped",
       "e.qne...",
       0,
       SessionStage::kStopped,
       1,
       2,
       0,
       false,
       {"basics-hold"}},
      {"nothing moves once finished", "nnn.eb", 2, SessionStage::kFinished, 1, 0, 0, false, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    SessionScript script = three_part_script();
    drive(script, c.inputs);
    EXPECT_EQ(script.index(), c.index);
    EXPECT_EQ(script.stage(), c.stage);
    EXPECT_EQ(script.set(), c.set);
    EXPECT_EQ(script.seconds_left(), c.seconds_left);
    EXPECT_EQ(script.rep(), c.rep);
    EXPECT_EQ(script.paused(), c.paused);
    EXPECT_EQ(script.done(), c.done);
  }
}

TEST(SessionScriptTest, SaysWhatHappenedAndRingsAtTransitions) {
  using E = SessionEvent;
  struct Case {
    std::string name;
    std::string inputs;
    std::vector<SessionEvent> events;  // of the last input
    bool rings;
  };
  const Case cases[] = {
      {"the opening", "", {E::kExercise}, true},
      {"a tick while getting ready", ".", {}, false},
      {"a set begins", "e", {E::kSet}, true},
      {"a rest begins", "ee", {E::kRest}, true},
      {"the next set", "eee", {E::kSet}, true},
      {"the next exercise", "eeee", {E::kExercise}, true},
      {"a rep", "ne...", {E::kRep}, false},
      {"a tick between reps", "ne..", {}, false},
      {"pause", "e ", {E::kPaused}, false},
      {"go on", "e  ", {E::kResumed}, false},
      {"skip", "n", {E::kSkipped, E::kExercise}, true},
      {"back", "nb", {E::kBack, E::kExercise}, true},
      {"the end", "nneee", {E::kFinished}, true},
      {"skipping to the end", "nnn", {E::kSkipped, E::kFinished}, true},
      {"stop", "q", {E::kStopped}, false},
      {"a key after the end", "qe", {}, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    SessionScript script = three_part_script();
    const std::vector<SessionEvent> events = drive(script, c.inputs);
    EXPECT_EQ(events, c.events);
    EXPECT_EQ(std::any_of(events.begin(), events.end(), rings), c.rings);
  }
}

TEST(SessionScriptTest, PacesRepsFromTheExerciseMinutes) {
  struct Case {
    std::string name;
    Exercise exercise;
    int seconds;
  };
  const Case cases[] = {
      {"minutes spread over the reps", reps("a", 8, 2, 30, 3), 9},
      {"never faster than the floor", reps("b", 20, 2, 0, 1), kMinSecondsPerRep},
      {"never slower than the ceiling", reps("c", 6, 2, 30, 5), kMaxSecondsPerRep},
      {"a single rep takes the whole time", reps("d", 1, 1, 0, 2), 120},
      {"a hold has no pace", hold("e", 20, 2, 10), 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(seconds_per_rep(c.exercise), c.seconds);
  }
}

TEST(SessionScriptTest, RecordsWhatWasBegunAndTheMinutesSpent) {
  const PainScore before = *PainScore::from_int(3);
  const PainScore after = *PainScore::from_int(5);
  struct Case {
    std::string name;
    std::string inputs;
    std::optional<SessionRecord> record;
  };
  const Case cases[] = {
      {"nothing begun, nothing to log", "nnq", std::nullopt},
      {"stopped while getting ready", dots(5) + "q", std::nullopt},
      {"a set ended at once still counts, for a minute", "eq",
       SessionRecord{{"basics-hold"}, before, after, 1}},
      {"a whole session", "e" + dots(8) + "e" + dots(12 + 30 + 12) + "e" + dots(10),
       SessionRecord{{"basics-hold", "yoga-reps", "basics-cool"}, before, after, 2}},
      {"skipped part-way", "e.nne.",
       SessionRecord{{"basics-hold", "basics-cool"}, before, after, 1}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    SessionScript script = three_part_script();
    drive(script, c.inputs);
    EXPECT_EQ(script.record(before, after), c.record);
  }
}

TEST(SessionScriptTest, CountsActiveSecondsButNotGettingReadyOrPauses) {
  SessionScript script = three_part_script();
  drive(script, dots(kReadySeconds) + ".. ..... .");  // 15 ready, 2 work, paused 5, 1 work
  EXPECT_EQ(script.active_seconds(), 3);
}

TEST(SessionScriptTest, AnEmptySessionIsFinishedAtOnce) {
  SessionScript script({});
  EXPECT_EQ(script.start(), std::vector<SessionEvent>{SessionEvent::kFinished});
  EXPECT_TRUE(script.over());
  EXPECT_EQ(script.record(PainScore{}, PainScore{}), std::nullopt);
  EXPECT_TRUE(script.press(SessionKey::kNext).empty());
}

}  // namespace
}  // namespace limber::core
