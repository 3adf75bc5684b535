#include "store/plan_store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/suggest.h"

namespace limber::store {

using core::ErrorCode;
using core::fail;
using core::Unexpected;

namespace {

std::int64_t seconds_of(core::Instant at) {
  return at.time_since_epoch().count();
}

}  // namespace

Result<std::optional<std::string>> PlanStore::setting(std::string_view key) const {
  auto query = db_.prepare("SELECT value FROM settings WHERE key = ?1");
  if (!query)
    return Unexpected(query.error());
  query->bind(1, key);
  auto row = query->step();
  if (!row)
    return Unexpected(row.error());
  if (!*row)
    return std::optional<std::string>{};
  return std::optional<std::string>(query->text(0));
}

Result<void> PlanStore::set_setting(std::string_view key, std::string_view value) const {
  return db_.transaction([&]() -> Result<void> {
    auto upsert = db_.prepare(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!upsert)
      return Unexpected(upsert.error());
    upsert->bind(1, key).bind(2, value);
    return upsert->run();
  });
}

Result<std::vector<Episode>> PlanStore::episodes() const {
  auto query =
      db_.prepare("SELECT id, started_at, utc_offset FROM episodes ORDER BY started_at, id");
  if (!query)
    return Unexpected(query.error());
  std::vector<Episode> episodes;
  for (;;) {
    auto row = query->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    episodes.push_back({query->integer(0), core::Instant{std::chrono::seconds{query->integer(1)}},
                        std::chrono::seconds{query->integer(2)}});
  }
  return episodes;
}

Result<Episode> PlanStore::start_episode(core::Instant at, std::chrono::seconds utc_offset) const {
  return db_.transaction([&]() -> Result<Episode> {
    auto insert = db_.prepare("INSERT INTO episodes (started_at, utc_offset) VALUES (?1, ?2)");
    if (!insert)
      return Unexpected(insert.error());
    insert->bind(1, seconds_of(at)).bind(2, static_cast<std::int64_t>(utc_offset.count()));
    if (auto done = insert->run(); !done)
      return Unexpected(done.error());
    return Episode{db_.last_insert_id(), at, utc_offset};
  });
}

Result<std::vector<FunctionActivity>> PlanStore::activities() const {
  auto query = db_.prepare(
      "SELECT id, name, added_at FROM function_activities WHERE removed_at IS NULL ORDER BY id");
  if (!query)
    return Unexpected(query.error());
  std::vector<FunctionActivity> activities;
  for (;;) {
    auto row = query->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    activities.push_back({query->integer(0), query->text(1),
                          core::Instant{std::chrono::seconds{query->integer(2)}}});
  }
  return activities;
}

Result<FunctionActivity> PlanStore::find_activity(std::string_view name) const {
  auto current = activities();
  if (!current)
    return Unexpected(current.error());
  std::vector<std::string_view> names;
  for (const FunctionActivity& activity : *current) {
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
    auto current = activities();
    if (!current)
      return Unexpected(current.error());
    for (const FunctionActivity& activity : *current) {
      if (core::edit_distance(activity.name, name) == 0) {
        return fail(ErrorCode::kInvalidInput,
                    fmt::format("'{}' is already one of your activities", activity.name));
      }
    }
    if (current->size() >= kMaxFunctionActivities) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("you already have {} activities, the most the scale uses",
                              kMaxFunctionActivities),
                  core::Remedy::kRemoveActivity);
    }
    auto insert = db_.prepare("INSERT INTO function_activities (name, added_at) VALUES (?1, ?2)");
    if (!insert)
      return Unexpected(insert.error());
    insert->bind(1, name).bind(2, seconds_of(at));
    if (auto done = insert->run(); !done)
      return Unexpected(done.error());
    return FunctionActivity{db_.last_insert_id(), std::string(name), at};
  });
}

Result<void> PlanStore::remove_activity(std::string_view name, core::Instant at) const {
  return db_.transaction([&]() -> Result<void> {
    auto activity = find_activity(name);
    if (!activity)
      return Unexpected(activity.error());
    auto update = db_.prepare("UPDATE function_activities SET removed_at = ?2 WHERE id = ?1");
    if (!update)
      return Unexpected(update.error());
    update->bind(1, activity->id).bind(2, seconds_of(at));
    return update->run();
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
    auto activity = find_activity(name);
    if (!activity)
      return Unexpected(activity.error());
    auto insert = db_.prepare(
        "INSERT INTO function_ratings (activity_id, at, utc_offset, score) VALUES (?1, ?2, ?3, "
        "?4)");
    if (!insert)
      return Unexpected(insert.error());
    insert->bind(1, activity->id)
        .bind(2, seconds_of(at))
        .bind(3, static_cast<std::int64_t>(utc_offset.count()))
        .bind(4, static_cast<std::int64_t>(score));
    if (auto done = insert->run(); !done)
      return Unexpected(done.error());
    return FunctionRating{activity->id, at, utc_offset, score};
  });
}

Result<std::vector<FunctionRating>> PlanStore::ratings(core::Instant since) const {
  auto query = db_.prepare(
      "SELECT r.activity_id, r.at, r.utc_offset, r.score FROM function_ratings r JOIN "
      "function_activities a ON a.id = r.activity_id WHERE a.removed_at IS NULL AND r.at >= ?1 "
      "ORDER BY r.at, r.id");
  if (!query)
    return Unexpected(query.error());
  query->bind(1, seconds_of(since));
  std::vector<FunctionRating> ratings;
  for (;;) {
    auto row = query->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    ratings.push_back({query->integer(0), core::Instant{std::chrono::seconds{query->integer(1)}},
                       std::chrono::seconds{query->integer(2)},
                       static_cast<int>(query->integer(3))});
  }
  return ratings;
}

}  // namespace limber::store
