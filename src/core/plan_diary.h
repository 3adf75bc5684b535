// The episode's diary as the plan reads it: entries grouped by local day, in time order.
// Internal to the plan (core/plan*.cpp).
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "core/entry.h"

namespace limber::core {

// The entries of one local day, in time order.
struct DiaryDay {
  std::vector<const Entry*> entries;

  // The mean of the day's pain ratings; nullopt without one.
  [[nodiscard]] std::optional<double> mean_pain() const;
};

using DiaryDays = std::map<std::chrono::local_days, DiaryDay>;

// The entries up to and including `today`, by day. The result points into `entries`.
DiaryDays group_by_day(std::span<const Entry> entries, std::chrono::local_days today);

}  // namespace limber::core
