// The plan's use cases: today's plan, preferences, weak and tight muscles, episodes and the
// Patient-Specific Functional Scale. Gathers what core::plan_day needs from the store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/screening.h"
#include "app/sitting_service.h"
#include "core/catalog.h"
#include "core/clock.h"
#include "core/plan.h"
#include "core/progress.h"
#include "core/result.h"
#include "store/database.h"
#include "store/diary_store.h"
#include "store/plan_store.h"

namespace limber::app {

struct EpisodeRange {
  std::optional<core::Instant> start;  // empty: from the diary's first entry
  int number = 1;                      // 1 for the first episode
};

// An activity of the functional scale with its ratings this episode, oldest first.
struct RatedActivity {
  std::string name;
  std::vector<store::FunctionRating> ratings;
};

// The Patient-Specific Functional Scale as every shell shows it.
struct FunctionScale {
  std::vector<RatedActivity> activities;  // the current ones, oldest first
  core::FunctionSummary summary;          // up to the end of today
};

// The scale's rules, one home for every shell.
inline constexpr std::size_t kMaxActivityChars = 80;
inline constexpr int kMinFunctionScore = 0;
inline constexpr int kMaxFunctionScore = 10;

class PlanService {
 public:
  PlanService(const store::Database& db, core::Now now, const core::Catalog& catalog,
              const ScreeningService& screening)
      : diary_(db),
        store_(db),
        sitting_(db, now),
        now_(now),
        catalog_(catalog),
        screening_(screening) {}

  // The plan for a local day (default today). Entries of the current episode only.
  core::Result<core::Plan> plan(std::optional<std::chrono::local_days> day = std::nullopt) const;
  // The plans for `count` days from `first`, as plan(day) gives each, with the diary read
  // once (for a calendar of the coming week). The days must not be before today.
  core::Result<std::vector<core::Plan>> plans(std::chrono::local_days first, int count) const;

  core::Result<core::PlanPreferences> preferences() const;
  // Each list replaces the stored one; an empty optional leaves it as it is.
  core::Result<core::PlanPreferences> set_preferences(
      const std::optional<std::vector<core::Style>>& styles,
      const std::optional<std::vector<core::Muscle>>& weak,
      const std::optional<std::vector<core::Muscle>>& tight) const;

  core::Result<EpisodeRange> current_episode() const;
  // Starts a new episode now: the plan starts again from `rest`; the diary is kept.
  core::Result<EpisodeRange> new_episode() const;

  core::Result<core::FunctionSummary> function_summary(std::chrono::local_days today) const;
  core::Result<FunctionScale> function_scale() const;
  // kInvalidInput for an empty name, one over kMaxActivityChars characters or of more than
  // one line; the store refuses a fourth activity and a name used twice.
  core::Result<FunctionScale> add_activity(std::string_view name) const;
  // kInvalidInput for a score outside 0-10; kNotFound (suggesting the closest) for a name
  // that is not a current activity.
  core::Result<FunctionScale> rate(std::string_view name, int score) const;
  core::Result<FunctionScale> remove_activity(std::string_view name) const;
  // The last `days` days of the current episode, today included; with `tag`, only the
  // entries tagged with it (kInvalidInput when it is not a tag, core/tag.h).
  core::Result<core::Progress> progress(int days,
                                        std::optional<std::string_view> tag = std::nullopt) const;
  [[nodiscard]] const store::PlanStore& store() const { return store_; }
  [[nodiscard]] const core::Catalog& catalog() const { return catalog_; }
  [[nodiscard]] const core::Now& now() const { return now_; }

  // The current episode's entries up to the end of `day`, oldest first.
  core::Result<std::vector<core::Entry>> episode_entries(std::chrono::local_days day) const;

 private:
  // What plan_day needs, read once for the days up to `last`.
  struct Gathered {
    core::Level level = core::Level::kSelfCare;
    std::vector<core::Entry> entries;
    core::PlanPreferences preferences;
    int activities = 0;
    std::vector<store::FunctionRating> ratings;
    std::optional<core::PreviousEpisode> previous;
    std::optional<std::chrono::minutes> longest_sitting_yesterday;  // for today only
  };
  core::Result<Gathered> gather(std::chrono::local_days last) const;
  // The one way a day's input is made, for plan() and plans() alike.
  core::Plan plan_from(const Gathered& gathered, std::chrono::local_days day) const;
  core::Result<std::optional<core::PreviousEpisode>> previous_episode() const;
  // The ratings of the current activities this episode, oldest first.
  core::Result<std::vector<store::FunctionRating>> episode_ratings() const;

  store::DiaryStore diary_;
  store::PlanStore store_;
  SittingService sitting_;
  core::Now now_;
  const core::Catalog& catalog_;
  const ScreeningService& screening_;
};

}  // namespace limber::app
