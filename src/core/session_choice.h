// Which exercises today's guided session holds: the plan's warm-up, main part and
// cool-down, fitted to the minutes the person has (`limber session --minutes N`). Never
// above the plan's level (tip 1, slow down): a longer session only adds exercises of the
// plan's phase at or below its level, and no session grows past the phase's longest
// (rules_for(phase) at its top level, docs/clinical-basis.md "Phases and pacing").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/exercise.h"
#include "core/plan.h"
#include "core/result.h"
#include "core/session_script.h"

namespace limber::core {

struct SessionChoice {
  std::vector<SessionItem> items;  // warm-up, main part, cool-down, in that order
  bool posture_only = false;       // no full-body session in this phase yet: the posture routine
  int minutes = 0;                 // the items' catalog minutes, added up
  std::vector<std::string> notes;  // plain sentences: why the session looks as it does
};

// The longest session the phase allows, in minutes; 0 before `walk`.
int longest_session(Phase phase);

// The session for `plan`, drawn from the plan itself and, to lengthen it, from `catalog`
// (which the plan must point into). `minutes` empty: the plan as it is. Otherwise the main
// part is trimmed (keeping at least one exercise) or lengthened towards `minutes`.
// - before `walk` (session_minutes 0) the posture routine is the session; it can be
//   shortened, not lengthened;
// kInvalidInput when `minutes` is outside 1 to kMaxSessionMinutes; kNotFound when the plan
// holds nothing to guide (a paused plan).
Result<SessionChoice> choose_session(const Plan& plan, std::span<const Exercise> catalog,
                                     std::optional<int> minutes);

}  // namespace limber::core
