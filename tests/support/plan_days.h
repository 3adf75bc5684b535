// A plan's days for the rule tests: day 0 is 2026-11-01, times are local (UTC offset 0),
// and plan_on(catalog, n, entries) is the plan for day n. Shared by the rules on a test
// catalog (tests/core) and the checks on the real one (tests/app).
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/plan.h"
#include "support/entries.h"

namespace limber::testing {

inline std::chrono::local_days diary_day(int n) {
  return std::chrono::local_days{std::chrono::year{2026} / std::chrono::November / 1} +
         std::chrono::days{n};
}

// A pain rating on day `on_day` at `hour`, each region unrated.
inline core::Entry pain_on(int on_day, int pain, std::optional<core::Mobility> mobility = {},
                           const std::vector<core::Region>& regions = {core::Region::kLowerBack},
                           int hour = 9) {
  std::vector<core::RegionRating> ratings;
  ratings.reserve(regions.size());
  for (const core::Region region : regions)
    ratings.push_back({region, std::nullopt});
  return pain_entry(at_hour(diary_day(on_day), hour), pain, std::move(ratings), mobility);
}

// A session of cat and cow at 18:00 with pain `before` and `after` it.
inline core::Entry session_on(int on_day, int before, int after) {
  return session_entry(at_hour(diary_day(on_day), 18), before, after);
}

inline core::Plan plan_on(const core::Catalog& catalog, int on_day,
                          const std::vector<core::Entry>& entries,
                          core::PlanPreferences preferences = {},
                          core::Level safety = core::Level::kSelfCare) {
  core::PlanInput input;
  input.today = diary_day(on_day);
  input.entries = entries;
  input.safety = safety;
  input.preferences = std::move(preferences);
  return core::plan_day(input, catalog);
}

// True when one of the plan's reasons says `words`.
inline bool mentions(const core::Plan& plan, std::string_view words) {
  return std::any_of(plan.reasons.begin(), plan.reasons.end(), [&](const core::Reason& reason) {
    return reason.text.find(words) != std::string::npos;
  });
}

}  // namespace limber::testing
