#include "store/therapist_store.h"

#include <fmt/format.h>

namespace limber::store {

core::Result<std::vector<StoredExercise>> TherapistStore::all() const {
  LIMBER_TRY_ASSIGN(auto rows, db_.prepare("SELECT id, style, exercise, source FROM "
                                           "therapist_exercises ORDER BY style, added_at, id"));
  std::vector<StoredExercise> out;
  LIMBER_TRY(rows.for_each_row([&](const Statement& row) {
    out.push_back({row.text(0), row.text(1), row.text(2), row.text(3)});
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
                    "= excluded.exercise, source = 'file'"));
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

core::Result<std::vector<std::string>> TherapistStore::replace_from_clinic(
    const std::vector<StoredExercise>& exercises, std::string_view version,
    core::Instant now) const {
  return db_.transaction([&]() -> core::Result<std::vector<std::string>> {
    LIMBER_TRY(db_.exec("DELETE FROM therapist_exercises WHERE source = 'clinic'"));
    LIMBER_TRY_ASSIGN(
        auto insert,
        db_.prepare("INSERT INTO therapist_exercises (id, style, exercise, added_at, source) "
                    "VALUES (?1, ?2, ?3, ?4, 'clinic') ON CONFLICT (id) DO NOTHING"));
    std::vector<std::string> left_to_files;
    for (const StoredExercise& exercise : exercises) {
      insert.bind(1, std::string_view(exercise.id))
          .bind(2, std::string_view(exercise.style))
          .bind(3, std::string_view(exercise.exercise))
          .bind(4, static_cast<std::int64_t>(now.time_since_epoch().count()));
      LIMBER_TRY(insert.run());
      insert.reset();
      if (db_.changes() == 0)
        left_to_files.push_back(exercise.id);
    }
    LIMBER_TRY_ASSIGN(auto kept,
                      db_.prepare("INSERT INTO clinic_exercises (id, version, received_at) "
                                  "VALUES (1, ?1, ?2) ON CONFLICT (id) DO UPDATE SET version = "
                                  "excluded.version, received_at = excluded.received_at"));
    kept.bind(1, version).bind(2, static_cast<std::int64_t>(now.time_since_epoch().count()));
    LIMBER_TRY(kept.run());
    return left_to_files;
  });
}

core::Result<ClinicExerciseSet> TherapistStore::clinic_set() const {
  ClinicExerciseSet set;
  LIMBER_TRY_ASSIGN(
      auto count, db_.prepare("SELECT count(*) FROM therapist_exercises WHERE source = 'clinic'"));
  LIMBER_TRY(count.for_each_row(
      [&](const Statement& row) { set.exercises = static_cast<int>(row.integer(0)); }));
  LIMBER_TRY_ASSIGN(auto taken,
                    db_.prepare("SELECT version, received_at FROM clinic_exercises WHERE id = 1"));
  LIMBER_TRY(taken.for_each_row([&](const Statement& row) {
    set.version = row.text(0);
    set.received_at = core::Instant(std::chrono::seconds(row.integer(1)));
  }));
  return set;
}

}  // namespace limber::store
