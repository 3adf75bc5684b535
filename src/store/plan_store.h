// What the plan remembers besides the diary: preferences (styles, weak and tight muscles),
// episodes, and the Patient-Specific Functional Scale (PSFS).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::store {

struct Episode {
  std::int64_t id = 0;
  core::Instant started_at;
  std::chrono::seconds utc_offset{0};
};

struct FunctionActivity {
  std::int64_t id = 0;
  std::string name;
  core::Instant added_at;
};

struct FunctionRating {
  std::int64_t activity_id = 0;
  core::Instant at;
  std::chrono::seconds utc_offset{0};
  int score = 0;
};

inline constexpr int kMaxFunctionActivities = 3;

class PlanStore {
 public:
  explicit PlanStore(const Database& db) : db_(db) {}

  // Settings by key ('styles', 'weak', 'tight'); empty optional when never set.
  Result<std::optional<std::string>> setting(std::string_view key) const;
  Result<void> set_setting(std::string_view key, std::string_view value) const;

  // Episodes, oldest first. The first episode is implicit: it starts with the diary.
  Result<std::vector<Episode>> episodes() const;
  Result<Episode> start_episode(core::Instant at, std::chrono::seconds utc_offset) const;

  // The current activities, oldest first.
  Result<std::vector<FunctionActivity>> activities() const;
  // kInvalidInput when three are already named or the name is already there.
  Result<FunctionActivity> add_activity(std::string_view name, core::Instant at) const;
  // kNotFound (suggesting the closest) when no current activity has that name.
  Result<void> remove_activity(std::string_view name, core::Instant at) const;
  Result<FunctionRating> rate(std::string_view name, int score, core::Instant at,
                              std::chrono::seconds utc_offset) const;
  // Ratings of the current activities at or after `since`, oldest first.
  Result<std::vector<FunctionRating>> ratings(core::Instant since) const;

 private:
  Result<FunctionActivity> find_activity(std::string_view name) const;

  const Database& db_;
};

}  // namespace limber::store
