#include "core/session_script.h"

#include <algorithm>
#include <utility>

namespace limber::core {

bool rings(SessionEvent event) {
  switch (event) {
    case SessionEvent::kExercise:
    case SessionEvent::kSet:
    case SessionEvent::kRest:
    case SessionEvent::kFinished:
      return true;
    case SessionEvent::kRep:
    case SessionEvent::kSkipped:
    case SessionEvent::kBack:
    case SessionEvent::kPaused:
    case SessionEvent::kResumed:
    case SessionEvent::kStopped:
      return false;
  }
  return false;
}

int seconds_per_rep(const Exercise& exercise) {
  const Dose& dose = exercise.dose;
  if (dose.hold_seconds || !dose.reps || *dose.reps < 1)
    return 0;
  const int sets = std::max(dose.sets, 1);
  const int moving = std::max(exercise.minutes * 60 - dose.rest_seconds * (sets - 1), 0);
  const int pace = moving / (*dose.reps * sets);
  if (*dose.reps == 1)
    return std::max(pace, kMinSecondsPerRep);
  return std::clamp(pace, kMinSecondsPerRep, kMaxSecondsPerRep);
}

SessionScript::SessionScript(std::vector<SessionItem> items) : items_(std::move(items)) {}

int SessionScript::sets() const {
  return std::max(exercise().dose.sets, 1);
}

bool SessionScript::is_hold() const {
  return exercise().dose.hold_seconds.has_value();
}

int SessionScript::reps() const {
  return is_hold() ? 0 : std::max(exercise().dose.reps.value_or(1), 1);
}

int SessionScript::rep() const {
  if (stage_ != SessionStage::kWork || is_hold())
    return 0;
  return std::min(elapsed_ / std::max(seconds_per_rep(exercise()), 1) + 1, reps());
}

std::vector<SessionEvent> SessionScript::start() {
  std::vector<SessionEvent> events;
  if (items_.empty()) {
    stage_ = SessionStage::kFinished;
    events.push_back(SessionEvent::kFinished);
  } else {
    get_ready(0, events);
  }
  return events;
}

std::vector<SessionEvent> SessionScript::tick() {
  std::vector<SessionEvent> events;
  if (over() || paused_)
    return events;
  switch (stage_) {
    case SessionStage::kReady:
      if (--left_ <= 0)
        begin_set(events);
      break;
    case SessionStage::kWork:
      ++active_seconds_;
      ++elapsed_;
      if (--left_ <= 0) {
        end_set(events);
      } else if (!is_hold() && elapsed_ % std::max(seconds_per_rep(exercise()), 1) == 0) {
        events.push_back(SessionEvent::kRep);
      }
      break;
    case SessionStage::kRest:
      ++active_seconds_;
      if (--left_ <= 0) {
        ++set_;
        begin_set(events);
      }
      break;
    case SessionStage::kFinished:
    case SessionStage::kStopped:
      break;
  }
  return events;
}

std::vector<SessionEvent> SessionScript::press(SessionKey key) {
  std::vector<SessionEvent> events;
  if (over())
    return events;
  if (key == SessionKey::kPause || (key == SessionKey::kNext && paused_)) {
    // Enter after a pause only resumes: the person may not be ready for the next step.
    paused_ = !paused_;
    events.push_back(paused_ ? SessionEvent::kPaused : SessionEvent::kResumed);
    return events;
  }
  paused_ = false;
  switch (key) {
    case SessionKey::kNext:
      if (stage_ == SessionStage::kReady) {
        begin_set(events);
      } else if (stage_ == SessionStage::kWork) {
        end_set(events);
      } else if (stage_ == SessionStage::kRest) {
        ++set_;
        begin_set(events);
      }
      break;
    case SessionKey::kSkip:
      events.push_back(SessionEvent::kSkipped);
      next_exercise(events);
      break;
    case SessionKey::kBack:
      events.push_back(SessionEvent::kBack);
      get_ready(stage_ == SessionStage::kReady && index_ > 0 ? index_ - 1 : index_, events);
      break;
    case SessionKey::kStop:
      stage_ = SessionStage::kStopped;
      events.push_back(SessionEvent::kStopped);
      break;
    case SessionKey::kPause:
      break;
  }
  return events;
}

void SessionScript::get_ready(std::size_t index, std::vector<SessionEvent>& events) {
  index_ = index;
  stage_ = SessionStage::kReady;
  set_ = 1;
  elapsed_ = 0;
  left_ = kReadySeconds;
  events.push_back(SessionEvent::kExercise);
}

void SessionScript::begin_set(std::vector<SessionEvent>& events) {
  stage_ = SessionStage::kWork;
  elapsed_ = 0;
  const Dose& dose = exercise().dose;
  left_ = dose.hold_seconds ? std::max(*dose.hold_seconds, 1)
                            : reps() * std::max(seconds_per_rep(exercise()), 1);
  if (std::find(begun_.begin(), begun_.end(), index_) == begun_.end())
    begun_.push_back(index_);
  events.push_back(SessionEvent::kSet);
}

void SessionScript::end_set(std::vector<SessionEvent>& events) {
  if (set_ >= sets()) {
    next_exercise(events);
  } else if (exercise().dose.rest_seconds > 0) {
    stage_ = SessionStage::kRest;
    left_ = exercise().dose.rest_seconds;
    events.push_back(SessionEvent::kRest);
  } else {
    ++set_;
    begin_set(events);
  }
}

void SessionScript::next_exercise(std::vector<SessionEvent>& events) {
  if (index_ + 1 < items_.size()) {
    get_ready(index_ + 1, events);
  } else {
    stage_ = SessionStage::kFinished;
    left_ = 0;
    events.push_back(SessionEvent::kFinished);
  }
}

std::vector<std::string> SessionScript::done() const {
  std::vector<std::string> ids;
  ids.reserve(begun_.size());
  for (std::size_t index : begun_) {
    const std::string& id = items_.at(index).exercise->id;
    if (std::find(ids.begin(), ids.end(), id) == ids.end())
      ids.push_back(id);
  }
  return ids;
}

std::optional<SessionRecord> SessionScript::record(PainScore before, PainScore after) const {
  std::vector<std::string> ids = done();
  if (ids.empty())
    return std::nullopt;
  if (ids.size() > kMaxSessionExercises)
    ids.resize(kMaxSessionExercises);
  const int minutes = std::clamp((active_seconds_ + 59) / 60, 1, kMaxSessionMinutes);
  return SessionRecord{std::move(ids), before, after, minutes};
}

}  // namespace limber::core
