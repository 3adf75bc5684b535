// What the person tagged around their flares (issue 15): the report lists the tags most
// often logged on the day of a flare or the day before it, so person and therapist can
// see what tends to come first. A count, never a cause. Pure.
#pragma once

#include <chrono>
#include <span>
#include <vector>

#include "core/entry.h"
#include "core/progress.h"

namespace limber::core {

struct FlareTags {
  int flares = 0;              // days in the period with a flare (core/plan_phase.h: flare_on)
  int flares_with_tags = 0;    // of them, those with a tag that day or the day before
  std::vector<TagCount> tags;  // `entries` here counts flares: each tag once per flare
};

inline constexpr std::size_t kMaxFlareTags = 5;

// Flares from `from` to `to` as the plan finds them (a session that left pain 2+ points
// higher, counted on the next day; a rise of 2+ points during a day), and the tags on the
// entries of each flare's day and the day before it: the kMaxFlareTags most frequent, then
// by name. `entries` in any order; those before `from` count as "the day before".
FlareTags flare_tags(std::span<const Entry> entries, std::chrono::local_days from,
                     std::chrono::local_days to);

}  // namespace limber::core
