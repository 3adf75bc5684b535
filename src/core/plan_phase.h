// Tip 1's engine: the phase and level earned by replaying the episode one day at a time,
// and the flares that step it back. Internal to the plan (core/plan*.cpp).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/exercise.h"
#include "core/mobility.h"
#include "core/plan_diary.h"

namespace limber::core {

// The highest phase a pain level allows: severe pain keeps the plan near the floor.
Phase pain_cap(int pain);

struct Flare {
  std::string reason;
  int rise = 0;  // in points
  int from = 0;
  int to = 0;
};

// A flare on `day`: a session the day before that left pain kFlarePoints+ higher, or a pain
// entry at any time of the day kFlarePoints+ above yesterday's mean or above the pain entry
// before it (issue #12: "4 to 7 at 15:00 after carrying the shopping" is a flare). Each
// flare counts once, on the day after the session or on the day of the rise.
std::optional<Flare> flare_on(const DiaryDays& diary, std::chrono::local_days day);

struct PhaseState {
  Phase phase = Phase::kRest;
  int level = 1;
  int calm_days = 0;
  std::optional<Flare> flare;        // today's
  std::optional<Mobility> mobility;  // the latest reported
  std::optional<int> pain;           // the latest overall rating
  Phase target = Phase::kRest;       // what today's evidence would allow
  std::chrono::local_days first_day;
  std::optional<std::chrono::local_days> last_flare;
  std::optional<Flare> last_flare_detail;
  int silent_days = 0;  // days in a row without an entry, up to today
  std::string why;      // how the phase was reached, for the reason
};

// Replays the episode day by day, so progress is earned one calm day at a time.
PhaseState replay(const DiaryDays& diary, std::chrono::local_days today);

}  // namespace limber::core
