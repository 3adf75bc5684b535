// The weeks going by, in numbers: daily pain with a 7-day line, the change since the
// episode began, which regions hurt week by week, walks and sessions. Pure.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/day_summary.h"
#include "core/entry.h"
#include "core/region.h"

namespace limber::core {

struct ProgressDay {
  DaySummary summary;
  std::optional<double> pain_7day;  // mean of the daily means of the 7 days ending here
};

struct RegionWeeks {
  Region region = Region::kOther;
  std::vector<int> entries_per_week;  // oldest week first, same length as Progress::weeks
};

// A tag logged in the period, and on how many entries (issue 15).
struct TagCount {
  std::string tag;
  int entries = 0;

  friend bool operator==(const TagCount&, const TagCount&) = default;
};

struct Progress {
  std::chrono::local_days first;
  std::chrono::local_days last;
  std::vector<ProgressDay> days;
  std::vector<std::chrono::local_days> weeks;  // first day of each 7-day week, ending at `last`
  std::vector<RegionWeeks> regions;            // regions named in the period, most named first
  std::optional<double> start_pain;   // mean of the episode's first 3 days with pain entries
  std::optional<double> recent_pain;  // the 7-day line at `last`
  int walks = 0;
  int walk_minutes = 0;
  int sessions = 0;
  int session_minutes = 0;
  int flares = 0;  // sessions that left pain 2+ points higher
  // Every tag on an entry in the period, most used first (then by name), whatever the filter:
  // what a filter may choose from.
  std::vector<TagCount> tags;
  std::optional<std::string> tag;  // the filter, when one was given

  [[nodiscard]] std::optional<double> change() const {
    if (!start_pain || !recent_pain)
      return std::nullopt;
    return *recent_pain - *start_pain;
  }
};

// `episode` holds the current episode's entries, oldest first or in any order; the period
// is [first, last]. The start of the episode counts for start_pain even before `first`.
// With `tag` (normalised, core/tag.h), only the entries tagged with it count.
Progress progress(std::span<const Entry> episode, std::chrono::local_days first,
                  std::chrono::local_days last, std::optional<std::string> tag = std::nullopt);

// The tags on `entries` from `first` to `last`, most used first, then by name.
std::vector<TagCount> count_tags(std::span<const Entry> entries, std::chrono::local_days first,
                                 std::chrono::local_days last);

}  // namespace limber::core
