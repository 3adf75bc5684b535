#include "core/progress.h"

#include <algorithm>

#include "core/tag.h"

namespace limber::core {

using std::chrono::days;
using std::chrono::local_days;

std::vector<TagCount> count_tags(std::span<const Entry> entries, local_days first,
                                 local_days last) {
  std::map<std::string, int> counts;
  for (const Entry& entry : entries) {
    const auto day = std::chrono::floor<days>(entry.local_time());
    if (day < first || day > last)
      continue;
    for (const std::string& tag : entry.tags)
      ++counts[tag];
  }
  std::vector<TagCount> out;
  out.reserve(counts.size());
  for (auto& [tag, count] : counts)
    out.push_back({tag, count});
  std::stable_sort(out.begin(), out.end(),
                   [](const TagCount& a, const TagCount& b) { return a.entries > b.entries; });
  return out;
}

Progress progress(std::span<const Entry> all, local_days first, local_days last,
                  std::optional<std::string> tag) {
  Progress out;
  out.first = first;
  out.last = last;
  if (last < first)
    return out;
  out.tags = count_tags(all, first, last);
  std::vector<Entry> tagged;
  if (tag) {
    for (const Entry& entry : all) {
      if (has_tag(entry.tags, *tag))
        tagged.push_back(entry);
    }
  }
  const std::span<const Entry> episode = tag ? std::span<const Entry>(tagged) : all;
  out.tag = std::move(tag);

  // Daily summaries from 6 days before `first`, so the 7-day line is whole from day one.
  const auto summaries = summarize_days(episode, first - days{6}, last);
  for (std::size_t i = 6; i < summaries.size(); ++i) {
    double sum = 0;
    int count = 0;
    for (std::size_t j = i - 6; j <= i; ++j) {
      if (summaries[j].pain_mean) {
        sum += *summaries[j].pain_mean;
        ++count;
      }
    }
    out.days.push_back(
        {summaries[i], count > 0 ? std::optional<double>(sum / count) : std::nullopt});
  }
  out.recent_pain = out.days.back().pain_7day;

  // The episode's start: its first three days with pain entries.
  std::map<local_days, std::pair<int, int>> pain_by_day;  // sum, count
  for (const Entry& entry : episode) {
    if (const auto* pain = std::get_if<PainRecord>(&entry.detail)) {
      auto& [sum, count] = pain_by_day[std::chrono::floor<days>(entry.local_time())];
      sum += pain->pain.value();
      ++count;
    }
  }
  double start_sum = 0;
  int start_days = 0;
  for (const auto& [day, totals] : pain_by_day) {
    if (start_days == 3 || day > last)
      break;
    start_sum += static_cast<double>(totals.first) / totals.second;
    ++start_days;
  }
  if (start_days > 0)
    out.start_pain = start_sum / start_days;

  // Weeks end at `last`: the newest week is always whole.
  const auto span_days = (last - first).count() + 1;
  const auto week_count = static_cast<std::size_t>((span_days + 6) / 7);
  for (std::size_t w = 0; w < week_count; ++w) {
    out.weeks.push_back(last - days{static_cast<int>(7 * (week_count - w)) - 1});
  }
  std::map<Region, std::vector<int>> regions;
  for (const Entry& entry : episode) {
    const auto day = std::chrono::floor<days>(entry.local_time());
    if (day < first || day > last)
      continue;
    const auto week = week_count - 1 - static_cast<std::size_t>((last - day).count() / 7);
    if (const auto* pain = std::get_if<PainRecord>(&entry.detail)) {
      for (const RegionRating& rating : pain->regions) {
        auto& counts = regions[rating.region];
        counts.resize(week_count, 0);
        ++counts[week];
      }
    } else if (const auto* walk = std::get_if<WalkRecord>(&entry.detail)) {
      ++out.walks;
      out.walk_minutes += walk->minutes;
    } else if (const auto* session = std::get_if<SessionRecord>(&entry.detail)) {
      ++out.sessions;
      out.session_minutes += session->minutes;
      if (session->pain_after.value() - session->pain_before.value() >= 2)
        ++out.flares;
    }
  }
  for (auto& [region, counts] : regions)
    out.regions.push_back({region, std::move(counts)});
  std::stable_sort(out.regions.begin(), out.regions.end(),
                   [](const RegionWeeks& a, const RegionWeeks& b) {
                     const auto total = [](const RegionWeeks& r) {
                       int sum = 0;
                       for (int count : r.entries_per_week)
                         sum += count;
                       return sum;
                     };
                     return total(a) > total(b);
                   });
  return out;
}

}  // namespace limber::core
