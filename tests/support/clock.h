// Fixed moments for tests: the core and app take "now" as an argument, never a clock.
#pragma once

#include <chrono>

#include "core/clock.h"

namespace limber::testing {

// 2026-11-21 12:00:00 UTC, a Saturday.
inline constexpr core::Instant kNoon{
    std::chrono::sys_days{std::chrono::year{2026} / std::chrono::November / 21} +
    std::chrono::hours{12}};

// A moment given in UTC: utc(2026, 11, 27, 12) is 2026-11-27T12:00:00Z.
inline core::Instant utc(int year, unsigned month, unsigned day, int hour, int minute = 0) {
  return core::Instant{std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                                             std::chrono::day{day}} +
                       std::chrono::hours{hour} + std::chrono::minutes{minute}};
}

// A Now at `at` in a zone `offset` ahead of UTC.
inline core::Now now_at(core::Instant at, std::chrono::seconds offset = std::chrono::seconds{0}) {
  return {at, core::to_local(at, offset)};
}

}  // namespace limber::testing
