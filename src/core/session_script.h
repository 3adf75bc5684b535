// A guided session as a pure state machine: the order of exercises, sets and rests, what
// each key and each second of the clock does, and what gets logged at the end. The shell
// (cli/session_terminal) feeds it one tick per real second and the keys the person
// presses, and shows what it says; the script itself reads no clock and does no I/O, so
// every path through a session is a unit test.
//
// For each exercise: a short "get ready" countdown (time to get into position), then its
// sets: a hold counts down, reps are counted at a slow, even pace; a rest between sets.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/entry.h"
#include "core/exercise.h"
#include "core/pain_score.h"
#include "core/plan.h"

namespace limber::core {

struct SessionItem {
  const Exercise* exercise = nullptr;  // points into the catalog, which outlives the script
  Part part = Part::kMain;
};

enum class SessionKey {
  kPause,  // pause, or go on after a pause
  kNext,   // go on now: start the exercise, end this set or this rest early
  kSkip,   // leave this exercise and go to the next one
  kBack,   // start this exercise again; from its "get ready", go to the one before
  kStop,   // end the session here
};

enum class SessionStage { kReady, kWork, kRest, kFinished, kStopped };

// What just happened, for the shell to show. Transitions ring the bell (rings()).
enum class SessionEvent {
  kExercise,  // a new exercise is up: show its name, steps, cues and "stop if" cues
  kSet,       // a set begins
  kRep,       // the rep count moved on
  kRest,      // a rest between sets begins
  kSkipped,   // the person skipped an exercise
  kBack,      // the person went back
  kPaused,
  kResumed,
  kFinished,  // every exercise is behind us
  kStopped,   // the person stopped early
};

// True for the moments worth a bell: a new exercise, a set, a rest, the end.
bool rings(SessionEvent event);

inline constexpr int kReadySeconds = 15;  // to get into position before the first set
inline constexpr int kMinSecondsPerRep = 3;
inline constexpr int kMaxSecondsPerRep = 10;

// The pace of a rep: the exercise's minutes (less its rests) spread over its reps, between
// kMinSecondsPerRep and kMaxSecondsPerRep: slow, even movements. A single rep is a short
// routine (getting up with a log roll) and takes all of that time. 0 for a hold.
int seconds_per_rep(const Exercise& exercise);

class SessionScript {
 public:
  // REQUIRES: every item's exercise is non-null and outlives the script.
  explicit SessionScript(std::vector<SessionItem> items);

  // The opening events: the first exercise (or kFinished when there is none).
  std::vector<SessionEvent> start();
  // One second has passed. Ignored while paused and once the session is over.
  std::vector<SessionEvent> tick();
  // A key. Ignored once the session is over.
  std::vector<SessionEvent> press(SessionKey key);

  [[nodiscard]] SessionStage stage() const { return stage_; }
  [[nodiscard]] bool over() const {
    return stage_ == SessionStage::kFinished || stage_ == SessionStage::kStopped;
  }
  [[nodiscard]] bool paused() const { return paused_; }
  [[nodiscard]] const std::vector<SessionItem>& items() const { return items_; }
  // The exercise up now (the last one once finished). REQUIRES: !items().empty().
  [[nodiscard]] std::size_t index() const { return index_; }
  [[nodiscard]] const SessionItem& item() const { return items_.at(index_); }
  [[nodiscard]] const Exercise& exercise() const { return *item().exercise; }
  [[nodiscard]] int set() const { return set_; }  // 1-based
  [[nodiscard]] int sets() const;
  [[nodiscard]] bool is_hold() const;
  // Seconds left in the "get ready", the set or the rest.
  [[nodiscard]] int seconds_left() const { return left_; }
  // The rep being done now, 1-based; 0 for a hold or outside a set.
  [[nodiscard]] int rep() const;
  [[nodiscard]] int reps() const;

  // The exercises begun so far, in the order first begun, each once. An exercise counts
  // once its first set has begun, even when it was skipped part-way: it was partly done.
  [[nodiscard]] std::vector<std::string> done() const;
  // Seconds spent in sets and rests (not getting ready, not paused).
  [[nodiscard]] int active_seconds() const { return active_seconds_; }
  // What to log: the exercises begun and the minutes spent (rounded up, at least 1).
  // nullopt when nothing was begun.
  [[nodiscard]] std::optional<SessionRecord> record(PainScore before, PainScore after) const;

 private:
  void get_ready(std::size_t index, std::vector<SessionEvent>& events);
  void begin_set(std::vector<SessionEvent>& events);
  void end_set(std::vector<SessionEvent>& events);
  void next_exercise(std::vector<SessionEvent>& events);

  std::vector<SessionItem> items_;
  std::vector<std::size_t> begun_;  // indexes into items_, in the order first begun
  SessionStage stage_ = SessionStage::kReady;
  std::size_t index_ = 0;
  int set_ = 1;
  int left_ = 0;
  int elapsed_ = 0;  // seconds into the current set
  bool paused_ = false;
  int active_seconds_ = 0;
};

}  // namespace limber::core
