#include "app/progress_json.h"

#include <nlohmann/json.hpp>

#include "core/time_parse.h"

namespace limber::app {
namespace {

nlohmann::json maybe(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::string iso_day(std::chrono::local_days day) {
  return core::format_date(std::chrono::year_month_day{day});
}

nlohmann::json to_json(const core::Progress& progress, const core::FunctionSummary& function) {
  auto days = nlohmann::json::array();
  for (const core::ProgressDay& day : progress.days) {
    days.push_back({{"date", iso_day(day.summary.day)},
                    {"pain_mean", maybe(day.summary.pain_mean)},
                    {"pain_7day", maybe(day.pain_7day)},
                    {"pain_entries", day.summary.pain_entries},
                    {"walk_minutes", day.summary.walk_minutes},
                    {"sessions", day.summary.sessions},
                    {"session_minutes", day.summary.session_minutes}});
  }
  auto weeks = nlohmann::json::array();
  for (auto week : progress.weeks)
    weeks.push_back(iso_day(week));
  auto regions = nlohmann::json::array();
  for (const core::RegionWeeks& region : progress.regions) {
    regions.push_back({{"region", core::to_string(region.region)},
                       {"name", core::info(region.region).display},
                       {"weeks", region.entries_per_week}});
  }
  auto tags = nlohmann::json::array();
  for (const core::TagCount& tag : progress.tags)
    tags.push_back({{"tag", tag.tag}, {"entries", tag.entries}});
  return {
      {"from", iso_day(progress.first)},
      {"to", iso_day(progress.last)},
      {"days", std::move(days)},
      {"start_pain", maybe(progress.start_pain)},
      {"recent_pain", maybe(progress.recent_pain)},
      {"change", maybe(progress.change())},
      {"weeks", std::move(weeks)},
      {"regions", std::move(regions)},
      {"walks", progress.walks},
      {"walk_minutes", progress.walk_minutes},
      {"sessions", progress.sessions},
      {"session_minutes", progress.session_minutes},
      {"flares", progress.flares},
      {"tag", progress.tag ? nlohmann::json(*progress.tag) : nlohmann::json(nullptr)},
      {"tags", std::move(tags)},
      {"function",
       {{"activities", function.activities},
        {"score", maybe(function.score)},
        {"change", maybe(function.change)}}},
  };
}

}  // namespace limber::app
