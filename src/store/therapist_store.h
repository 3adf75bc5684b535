// Exercises from the person's therapist (issue 15, `limber exercises add`), kept in the
// diary as the JSON objects of the catalog's schema they were added with. The store keeps
// text; core::Catalog reads it (app/diary_catalog.h).
#pragma once

#include <optional>
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
  // "file" (`limber exercises add`) or "clinic" (assigned at the clinic, issue 17)
  std::string source = "file";

  friend bool operator==(const StoredExercise&, const StoredExercise&) = default;
};

// The exercises from the clinic in the diary (issue 17).
struct ClinicExerciseSet {
  int exercises = 0;                         // stored from the clinic now
  std::string version;                       // of the list last taken; empty: none yet
  std::optional<core::Instant> received_at;  // when it was taken
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

  // The clinic's set (issue 17): in one transaction, the exercises from the clinic stored
  // before are deleted and `exercises` stored from the clinic, except one whose id an
  // exercise added from a file holds (the file's stays: what the person added is changed
  // only by them), and the list's `version` kept. Returns the ids left to the file's.
  core::Result<std::vector<std::string>> replace_from_clinic(
      const std::vector<StoredExercise>& exercises, std::string_view version,
      core::Instant now) const;
  // What came from the clinic: how many are stored, the list's version and when.
  core::Result<ClinicExerciseSet> clinic_set() const;

 private:
  const Database& db_;
};

}  // namespace limber::store
