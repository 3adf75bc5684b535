// Exercises a therapist assigns to a patient (issue 17, docs/clinic.md "Assigned
// exercises"): the catalog's own JSON, checked on the server by core's own parser
// (core/therapist_file.h) before anything is written; kept in clinic.assigned_exercises,
// written and read by the therapist through the schema's audited functions, and read by
// the patient's limber with its upload token, which opens only its own patient's list.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clinic/acting_for.h"
#include "clinic/pg.h"
#include "core/catalog.h"
#include "core/clock.h"
#include "core/result.h"

namespace limber::clinic {

// The most a therapist's POST may hold: a file of dozens of exercises.
inline constexpr std::size_t kAssignmentLimit = std::size_t{256} * 1024;

// One exercise checked and ready to keep.
struct CheckedExercise {
  std::string id;
  std::string style;
  std::string exercise;  // its JSON object
};

// Reads a therapist's POST: one exercise (an object with its "id" and "style") or a file
// of the catalog's schema ({"style": ..., "exercises": [...]}). kBadFile "Your exercises,
// line N: ID: what is wrong" by the catalog's own rules, for an id of limber's own
// catalog (with another to use), and for anything else sent.
core::Result<std::vector<CheckedExercise>> read_assignment(std::string_view text,
                                                           const core::Catalog& builtin);

struct AssignedExercise {
  std::string id;
  std::string style;
  std::string exercise;          // its JSON object
  std::string assigned_by;       // the therapist's name
  std::int64_t assigned_at = 0;  // UTC seconds
};

// The acting therapist's patient's assigned exercises, oldest first; audited. None for
// another's patient.
core::Result<std::vector<AssignedExercise>> read_assigned(pg::Connection& connection,
                                                          const Therapist& therapist,
                                                          std::int64_t patient_id);

enum class AssignOutcome {
  kDone,
  kUnknown,  // not the therapist's patient, or (removing) no such exercise
  kStopped,  // the patient stopped sharing (assigning is refused)
};

// Assigns `exercises` (one with an id already assigned is replaced), in one transaction,
// audited as "assigned exercise".
core::Result<AssignOutcome> assign(pg::Connection& connection, const Therapist& therapist,
                                   std::int64_t patient_id,
                                   std::span<const CheckedExercise> exercises, core::Instant now);

// Removes one, audited as "removed exercise".
core::Result<AssignOutcome> remove_assigned(pg::Connection& connection, const Therapist& therapist,
                                            std::int64_t patient_id, std::string_view exercise_id);

enum class PatientListOutcome { kList, kUnchanged, kUnknownToken, kStopped };

struct PatientList {
  PatientListOutcome outcome = PatientListOutcome::kUnknownToken;
  std::string exercises;  // kList: a JSON array of {id, style, exercise, assigned_at}
  std::string version;    // kList, kUnchanged: the SHA-256 of the list
};

// The list assigned to the patient whose upload token `token` is; kUnchanged (nothing
// read) when `known_version` is its version.
core::Result<PatientList> assigned_to_patient(pg::Connection& connection, std::string_view token,
                                              std::string_view known_version);

}  // namespace limber::clinic
