// A made-up but lifelike limber diary, for benchmarks: years of back trouble with an
// episode of back spasm every few months. In an episode the pain starts high (7-9) and
// eases over weeks, the person logs several times a day, moves from lying down to standing,
// walking and ordinary life, and uses medication, creams and heat; between episodes there
// are fewer, lower ratings and longer walks. Regions move around: mostly the lower back,
// sometimes the neck, pain running into a buttock, thigh or hip.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "core/entry.h"

namespace limber::bench {

struct DiaryShape {
  int years = 5;
  std::uint32_t seed = 1;
  // The diary's last local day; entries on it end by 23:00 local time.
  std::chrono::year_month_day last_day{std::chrono::year{2025}, std::chrono::December,
                                       std::chrono::day{31}};
};

// Returns the entries oldest first, with ids 1..N as an export would have them, every one
// valid (core::validate). The same shape gives the same diary. About 3,000 entries a year.
std::vector<core::Entry> generate_diary(const DiaryShape& shape);

}  // namespace limber::bench
