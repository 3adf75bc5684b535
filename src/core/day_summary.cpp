#include "core/day_summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace limber::core {

std::vector<DaySummary> summarize_days(std::span<const Entry> entries,
                                       std::chrono::local_days first,
                                       std::chrono::local_days last) {
  std::vector<DaySummary> days;
  if (last < first)
    return days;
  for (auto day = first; day <= last; day += std::chrono::days{1}) {
    DaySummary summary;
    summary.day = day;
    days.push_back(summary);
  }
  std::vector<int> pain_sums(days.size(), 0);
  for (const Entry& entry : entries) {
    const auto day = std::chrono::floor<std::chrono::days>(entry.local_time());
    if (day < first || day > last)
      continue;
    const auto index = static_cast<std::size_t>((day - first).count());
    DaySummary& summary = days[index];
    if (const auto* pain = std::get_if<PainRecord>(&entry.detail)) {
      ++summary.pain_entries;
      pain_sums[index] += pain->pain.value();
      summary.pain_max = std::max(summary.pain_max.value_or(0), pain->pain.value());
    } else if (const auto* walk = std::get_if<WalkRecord>(&entry.detail)) {
      summary.walk_minutes += walk->minutes;
    } else if (const auto* session = std::get_if<SessionRecord>(&entry.detail)) {
      ++summary.sessions;
      summary.session_minutes += session->minutes;
    } else {
      ++summary.reliefs;
    }
  }
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (days[i].pain_entries > 0) {
      days[i].pain_mean = static_cast<double>(pain_sums[i]) / days[i].pain_entries;
    }
  }
  return days;
}

std::string sparkline(std::span<const std::optional<double>> values) {
  static constexpr std::array<std::string_view, 8> kBars = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string out;
  for (const auto& value : values) {
    if (!value) {
      out += ' ';
      continue;
    }
    const double clamped = std::clamp(*value, 0.0, 10.0);
    const auto index = static_cast<std::size_t>(std::lround(clamped / 10.0 * 7.0));
    out += kBars.at(index);
  }
  return out;
}

}  // namespace limber::core
