#include "store/therapist_store.h"

#include <fmt/format.h>

namespace limber::store {

core::Result<std::vector<StoredExercise>> TherapistStore::all() const {
  LIMBER_TRY_ASSIGN(auto rows, db_.prepare("SELECT id, style, exercise FROM therapist_exercises "
                                           "ORDER BY style, added_at, id"));
  std::vector<StoredExercise> out;
  LIMBER_TRY(rows.for_each_row([&](const Statement& row) {
    out.push_back({row.text(0), row.text(1), row.text(2)});
  }));
  return out;
}

core::Result<int> TherapistStore::add(const std::vector<StoredExercise>& exercises,
                                      core::Instant now) const {
  return db_.transaction([&]() -> core::Result<int> {
    LIMBER_TRY_ASSIGN(auto exists,
                      db_.prepare("SELECT count(*) FROM therapist_exercises WHERE id = ?1"));
    LIMBER_TRY_ASSIGN(
        auto insert,
        db_.prepare("INSERT INTO therapist_exercises (id, style, exercise, added_at) VALUES (?1, "
                    "?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET style = excluded.style, exercise "
                    "= excluded.exercise"));
    int added = 0;
    for (const StoredExercise& exercise : exercises) {
      exists.bind(1, std::string_view(exercise.id));
      LIMBER_TRY(exists.step());
      if (exists.integer(0) == 0)
        ++added;
      exists.reset();
      insert.bind(1, std::string_view(exercise.id))
          .bind(2, std::string_view(exercise.style))
          .bind(3, std::string_view(exercise.exercise))
          .bind(4, static_cast<std::int64_t>(now.time_since_epoch().count()));
      LIMBER_TRY(insert.run());
      insert.reset();
    }
    return added;
  });
}

core::Result<void> TherapistStore::remove(std::string_view id) const {
  return db_.transaction([&]() -> core::Result<void> {
    LIMBER_TRY_ASSIGN(auto removed, db_.prepare("DELETE FROM therapist_exercises WHERE id = ?1"));
    removed.bind(1, id);
    LIMBER_TRY(removed.run());
    if (db_.changes() == 0) {
      return core::fail(core::ErrorCode::kNotFound,
                        fmt::format("there is no exercise from your therapist '{}'", id));
    }
    return {};
  });
}

}  // namespace limber::store
