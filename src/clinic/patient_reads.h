// The reads of patients' data, each through the schema's audited functions
// (clinic.read_patients, clinic.read_observations): the database writes who read what and
// when in clinic.audit, in the same transaction, and its policies show only the acting
// therapist's own patients whatever id is asked for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clinic/acting_for.h"
#include "clinic/pg.h"
#include "core/result.h"

namespace limber::clinic {

struct PatientRow {
  std::int64_t id = 0;
  std::string display_name;
  bool sharing = true;  // false once the patient stopped sharing
};

struct ObservationRow {
  std::string identifier;
  std::string code;
  std::int64_t effective_at = 0;  // UTC seconds
  std::string resource;           // the FHIR resource as JSON
};

// Why a patient is where they are in the caseload, most pressing first.
struct CaseloadRow {
  std::int64_t id = 0;
  std::string display_name;
  // "emergency-check", "urgent-check", "pain-rising", "flare", "no-entry", "steady"
  std::string need;
  std::string last_check;                     // the last check's level; empty: none
  std::optional<std::int64_t> last_check_at;  // UTC seconds; none: no check yet
  std::optional<std::int64_t> last_entry_at;  // UTC seconds; none: nothing shared yet
  std::string pain_recent;                    // mean pain of the last 3 days, "" for none
  std::string pain_before;                    // of the 4 days before them
  // The mean pain of each of the last 14 days, oldest first, null for a day without a
  // rating: a JSON array of 14 (a day is 24 hours counted back from `at`).
  std::string pain_days;
  std::string pain_change;  // the last 7 days' mean minus the 7 before's, "" when either has none
  int active_days = 0;      // of the last 30, days with anything shared
  std::string psfs_change;  // mean of (latest - first) per PSFS activity rated twice, "" for none
};

// One patient as the patient's page names them.
struct PatientHeader {
  std::int64_t id = 0;
  std::string display_name;
  std::int64_t sharing_since = 0;  // UTC seconds
  bool sharing = true;
};

// The acting therapist's patients who share, by need at `at` (UTC seconds): an emergency
// or urgent check first, then pain rising, flares, no entry for three days, then the rest.
core::Result<std::vector<CaseloadRow>> read_caseload(pg::Connection& connection,
                                                     const Therapist& therapist, std::int64_t at);

// The acting therapist's patient `patient_id`, audited; none for another's patient or an
// unknown id (the same answer, so ids cannot be probed).
core::Result<std::optional<PatientHeader>> read_patient(pg::Connection& connection,
                                                        const Therapist& therapist,
                                                        std::int64_t patient_id);

// The caseload of the therapist whose session `token` is (the cookie's), live at `at`, read
// in one statement (clinic.read_caseload_of_session: the database finds the session and
// acts for its therapist); none when `token` is no live session.
core::Result<std::optional<std::vector<CaseloadRow>>> read_caseload_of_session(
    pg::Connection& connection, std::string_view token, std::int64_t at);

// The acting therapist's patients, by id.
core::Result<std::vector<PatientRow>> read_patients(pg::Connection& connection,
                                                    const Therapist& therapist);

// One patient's observations with since <= effective time < until (UTC seconds), oldest
// first. None for a patient who is not the therapist's (the same answer as for one who
// does not exist, so ids cannot be probed).
core::Result<std::vector<ObservationRow>> read_observations(pg::Connection& connection,
                                                            const Therapist& therapist,
                                                            std::int64_t patient_id,
                                                            std::int64_t since, std::int64_t until);

}  // namespace limber::clinic
