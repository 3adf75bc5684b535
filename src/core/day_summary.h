// A diary folded into local days: the numbers the status, the plan and the charts show.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <vector>

#include "core/entry.h"

namespace limber::core {

struct DaySummary {
  std::chrono::local_days day;
  int pain_entries = 0;
  std::optional<double> pain_mean;  // mean overall pain of the day's entries
  std::optional<int> pain_max;
  int walk_minutes = 0;
  int reliefs = 0;
  int sessions = 0;
  int session_minutes = 0;
};

// One summary per local day in [first, last], in order, empty days included. Entries
// outside the range are ignored; each entry counts on the local day it was recorded.
std::vector<DaySummary> summarize_days(std::span<const Entry> entries,
                                       std::chrono::local_days first, std::chrono::local_days last);

// "▁▃▅█": one bar per value on a 0-10 scale; a missing value is a space.
std::string sparkline(std::span<const std::optional<double>> values);

}  // namespace limber::core
