#include "core/flare_tags.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/plan_diary.h"
#include "core/plan_phase.h"

namespace limber::core {

using std::chrono::days;
using std::chrono::local_days;

FlareTags flare_tags(std::span<const Entry> entries, local_days from, local_days to) {
  FlareTags out;
  if (to < from)
    return out;
  const DiaryDays diary = group_by_day(entries, to);
  std::map<std::string, int> counts;
  for (auto day = from; day <= to; day += days{1}) {
    if (!flare_on(diary, day))
      continue;
    ++out.flares;
    std::set<std::string> around;  // once per flare, however often it was logged
    for (const local_days which : {day - days{1}, day}) {
      const auto found = diary.find(which);
      if (found == diary.end())
        continue;
      for (const Entry* entry : found->second.entries)
        around.insert(entry->tags.begin(), entry->tags.end());
    }
    if (!around.empty())
      ++out.flares_with_tags;
    for (const std::string& tag : around)
      ++counts[tag];
  }
  for (const auto& [tag, count] : counts)
    out.tags.push_back({tag, count});
  std::stable_sort(out.tags.begin(), out.tags.end(),
                   [](const TagCount& a, const TagCount& b) { return a.entries > b.entries; });
  if (out.tags.size() > kMaxFlareTags)
    out.tags.resize(kMaxFlareTags);
  return out;
}

}  // namespace limber::core
