#include "store/plan_store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/suggest.h"

namespace limber::store {

using core::ErrorCode;
using core::fail;

namespace {

std::int64_t seconds_of(core::Instant at) {
  return at.time_since_epoch().count();
}

}  // namespace

Result<std::optional<std::string>> PlanStore::setting(std::string_view key) const {
  LIMBER_TRY_ASSIGN(auto query, db_.prepare("SELECT value FROM settings WHERE key = ?1"));
  query.bind(1, key);
  LIMBER_TRY_ASSIGN(const bool found, query.step());
  if (!found)
    return std::optional<std::string>{};
  return std::optional<std::string>(query.text(0));
}

Result<void> PlanStore::set_setting(std::string_view key, std::string_view value) const {
  return db_.transaction([&]() -> Result<void> {
    LIMBER_TRY_ASSIGN(auto upsert,
                      db_.prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    upsert.bind(1, key).bind(2, value);
    return upsert.run();
  });
}

Result<std::vector<Episode>> PlanStore::episodes() const {
  LIMBER_TRY_ASSIGN(
      auto query,
      db_.prepare("SELECT id, started_at, utc_offset FROM episodes ORDER BY started_at, id"));
  std::vector<Episode> episodes;
  LIMBER_TRY(query.for_each_row([&](const Statement& row) {
    episodes.push_back({row.integer(0), core::Instant{std::chrono::seconds{row.integer(1)}},
                        std::chrono::seconds{row.integer(2)}});
  }));
  return episodes;
}

Result<Episode> PlanStore::start_episode(core::Instant at, std::chrono::seconds utc_offset) const {
  return db_.transaction([&]() -> Result<Episode> {
    LIMBER_TRY_ASSIGN(auto insert,
                      db_.prepare("INSERT INTO episodes (started_at, utc_offset) VALUES (?1, ?2)"));
    insert.bind(1, seconds_of(at)).bind(2, static_cast<std::int64_t>(utc_offset.count()));
    LIMBER_TRY(insert.run());
    return Episode{db_.last_insert_id(), at, utc_offset};
  });
}

Result<std::vector<FunctionActivity>> PlanStore::activities() const {
  LIMBER_TRY_ASSIGN(auto query, db_.prepare("SELECT id, name, added_at FROM function_activities "
                                            "WHERE removed_at IS NULL ORDER BY id"));
  std::vector<FunctionActivity> activities;
  LIMBER_TRY(query.for_each_row([&](const Statement& row) {
    activities.push_back(
        {row.integer(0), row.text(1), core::Instant{std::chrono::seconds{row.integer(2)}}});
  }));
  return activities;
}

Result<FunctionActivity> PlanStore::find_activity(std::string_view name) const {
  LIMBER_TRY_ASSIGN(auto current, activities());
  std::vector<std::string_view> names;
  for (const FunctionActivity& activity : current) {
    if (core::edit_distance(activity.name, name) == 0)
      return activity;
    names.push_back(activity.name);
  }
  if (names.empty()) {
    return fail(ErrorCode::kNotFound, fmt::format("there is no activity '{}'", name),
                core::Remedy::kAddActivity);
  }
  return fail(ErrorCode::kNotFound,
              fmt::format("there is no activity '{}'.{} Your activities: {}", name,
                          core::did_you_mean(name, names), fmt::join(names, ", ")));
}

Result<FunctionActivity> PlanStore::add_activity(std::string_view name, core::Instant at) const {
  return db_.transaction([&]() -> Result<FunctionActivity> {
    LIMBER_TRY_ASSIGN(auto current, activities());
    for (const FunctionActivity& activity : current) {
      if (core::edit_distance(activity.name, name) == 0) {
        return fail(ErrorCode::kInvalidInput,
                    fmt::format("'{}' is already one of your activities", activity.name));
      }
    }
    if (current.size() >= kMaxFunctionActivities) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("you already have {} activities, the most the scale uses",
                              kMaxFunctionActivities),
                  core::Remedy::kRemoveActivity);
    }
    LIMBER_TRY_ASSIGN(
        auto insert,
        db_.prepare("INSERT INTO function_activities (name, added_at) VALUES (?1, ?2)"));
    insert.bind(1, name).bind(2, seconds_of(at));
    LIMBER_TRY(insert.run());
    return FunctionActivity{db_.last_insert_id(), std::string(name), at};
  });
}

Result<void> PlanStore::remove_activity(std::string_view name, core::Instant at) const {
  return db_.transaction([&]() -> Result<void> {
    LIMBER_TRY_ASSIGN(auto activity, find_activity(name));
    LIMBER_TRY_ASSIGN(auto update,
                      db_.prepare("UPDATE function_activities SET removed_at = ?2 WHERE id = ?1"));
    update.bind(1, activity.id).bind(2, seconds_of(at));
    return update.run();
  });
}

Result<FunctionRating> PlanStore::rate(std::string_view name, int score, core::Instant at,
                                       std::chrono::seconds utc_offset) const {
  if (score < 0 || score > 10) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("rating {} is out of range: use 0 (unable to do it) to 10 (as well "
                            "as before the pain)",
                            score));
  }
  return db_.transaction([&]() -> Result<FunctionRating> {
    LIMBER_TRY_ASSIGN(auto activity, find_activity(name));
    LIMBER_TRY_ASSIGN(
        auto insert,
        db_.prepare(
            "INSERT INTO function_ratings (activity_id, at, utc_offset, score) VALUES (?1, ?2, ?3, "
            "?4)"));
    insert.bind(1, activity.id)
        .bind(2, seconds_of(at))
        .bind(3, static_cast<std::int64_t>(utc_offset.count()))
        .bind(4, static_cast<std::int64_t>(score));
    LIMBER_TRY(insert.run());
    return FunctionRating{activity.id, at, utc_offset, score};
  });
}

Result<std::vector<FunctionRating>> PlanStore::ratings(core::Instant since) const {
  LIMBER_TRY_ASSIGN(
      auto query,
      db_.prepare(
          "SELECT r.activity_id, r.at, r.utc_offset, r.score FROM function_ratings r JOIN "
          "function_activities a ON a.id = r.activity_id WHERE a.removed_at IS NULL AND r.at >= ?1 "
          "ORDER BY r.at, r.id"));
  query.bind(1, seconds_of(since));
  std::vector<FunctionRating> ratings;
  LIMBER_TRY(query.for_each_row([&](const Statement& row) {
    ratings.push_back({row.integer(0), core::Instant{std::chrono::seconds{row.integer(1)}},
                       std::chrono::seconds{row.integer(2)}, static_cast<int>(row.integer(3))});
  }));
  return ratings;
}

}  // namespace limber::store
