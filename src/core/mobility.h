// What the person can do right now, as they say it (asked for, never guessed): the
// article's own milestones, which set the plan's phase.
#pragma once

#include <span>
#include <string_view>

#include "core/result.h"

namespace limber::core {

enum class Mobility {
  kLie,    // cannot yet stand up straight
  kStand,  // can stand up straight, walking is hard
  kWalk,   // can walk for several minutes
  kMove,   // daily life mostly back
};

std::string_view to_string(Mobility mobility);
std::string_view describe(Mobility mobility);
std::span<const std::string_view> mobility_ids();
Result<Mobility> parse_mobility(std::string_view text);

}  // namespace limber::core
