// Fixed moments for tests: the core and app take "now" as an argument, never a clock.
#pragma once

#include <chrono>

#include "core/clock.h"

namespace limber::testing {

// 2026-11-21 12:00:00 UTC, a Saturday.
inline constexpr core::Instant kNoon{
    std::chrono::sys_days{std::chrono::year{2026} / std::chrono::November / 21} +
    std::chrono::hours{12}};

// A Now at `at` in a zone `offset` ahead of UTC.
inline core::Now now_at(core::Instant at, std::chrono::seconds offset = std::chrono::seconds{0}) {
  return {at, core::to_local(at, offset)};
}

}  // namespace limber::testing
