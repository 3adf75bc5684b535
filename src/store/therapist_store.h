// Exercises from the person's therapist (issue 15, `limber exercises add`), kept in the
// diary as the JSON objects of the catalog's schema they were added with. The store keeps
// text; core::Catalog reads it (app/diary_catalog.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::store {

struct StoredExercise {
  std::string id;
  std::string style;     // the file's "style"
  std::string exercise;  // the exercise's JSON object, as one line

  friend bool operator==(const StoredExercise&, const StoredExercise&) = default;
};

class TherapistStore {
 public:
  explicit TherapistStore(const Database& db) : db_(db) {}

  // Every stored exercise, by style then in the order added.
  core::Result<std::vector<StoredExercise>> all() const;
  // Adds the exercises in one transaction; one with an id already stored replaces it (the
  // therapist changed it). Returns how many were new.
  core::Result<int> add(const std::vector<StoredExercise>& exercises, core::Instant now) const;
  // kNotFound when there is no such id.
  core::Result<void> remove(std::string_view id) const;

 private:
  const Database& db_;
};

}  // namespace limber::store
