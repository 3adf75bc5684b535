// Exercises the therapist assigns at the clinic, flowing back into the person's plan
// (issue 17, docs/clinic.md "Assigned exercises"). When limber syncs with the clinic
// (`limber share`, limber serve's sharing thread) it asks for the list assigned to the
// person, checks it by the catalog's own rules (core/therapist_file.h) and keeps it in the
// diary with the exercises added from a file, marked as the clinic's
// (store/therapist_store.h): the clinic's set replaces the one before, so an exercise the
// therapist removed leaves the plan, and the file's are left alone. They are planned like
// every exercise from the therapist: "from your therapist", by phase and level, and never
// past a red flag.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/share_service.h"
#include "core/catalog.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::app {

struct AssignedFetch {
  bool asked = false;    // false: the diary shares with no clinic (or is stopping)
  bool changed = false;  // the clinic's list was new and is now the diary's set
  int exercises = 0;     // from the clinic, in the diary now
  int before = 0;        // from the clinic, in the diary before
  // Ids the clinic assigned that an exercise added from a file already holds: the file's
  // stays (`limber exercises remove ID` lets the clinic's in at the next sync).
  std::vector<std::string> left_to_files;
};

struct AssignedStatus {
  int exercises = 0;                         // from the clinic, in the diary
  std::optional<core::Instant> received_at;  // when the clinic's list was last taken
};

class AssignedExercises {
 public:
  AssignedExercises(const store::Database& db, ClinicCall call,
                    std::function<core::Instant()> clock,
                    std::span<const core::CatalogFile> builtin)
      : db_(db), call_(std::move(call)), clock_(std::move(clock)), builtin_(builtin) {}

  // Asks the clinic for the list (GET /api/share/exercises?version=, the version of the
  // list last taken, so an unchanged list is answered 304 and nothing is written) and, when
  // it changed, makes it the diary's clinic set (a 404, a clinic older than assignments,
  // changes nothing). A list that breaks the catalog's rules is
  // kBadFile naming the exercise and what is wrong, and the diary's set is left as it was;
  // a clinic that cannot be reached is kBusy; 401/410 (the clinic no longer takes this
  // diary) kInvalidInput with the clinic's sentence.
  core::Result<AssignedFetch> fetch() const;

  core::Result<AssignedStatus> status() const;

 private:
  const store::Database& db_;
  ClinicCall call_;
  std::function<core::Instant()> clock_;
  std::span<const core::CatalogFile> builtin_;
};

}  // namespace limber::app
