#include "core/plan_diary.h"

#include <algorithm>

namespace limber::core {

namespace {

using std::chrono::days;
using std::chrono::local_days;

local_days day_of(const Entry& entry) {
  return std::chrono::floor<days>(entry.local_time());
}

}  // namespace

std::optional<double> DiaryDay::mean_pain() const {
  int sum = 0;
  int count = 0;
  for (const Entry* entry : entries) {
    if (const auto* pain = std::get_if<PainRecord>(&entry->detail)) {
      sum += pain->pain.value();
      ++count;
    }
  }
  if (count == 0)
    return std::nullopt;
  return static_cast<double>(sum) / count;
}

DiaryDays group_by_day(std::span<const Entry> entries, local_days today) {
  std::vector<const Entry*> sorted;
  for (const Entry& entry : entries) {
    if (day_of(entry) <= today)
      sorted.push_back(&entry);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Entry* a, const Entry* b) {
    return a->at != b->at ? a->at < b->at : a->id < b->id;
  });
  DiaryDays by_day;
  for (const Entry* entry : sorted)
    by_day[day_of(*entry)].entries.push_back(entry);
  return by_day;
}

}  // namespace limber::core
