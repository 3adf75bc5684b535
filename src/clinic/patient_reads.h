// The reads of patients' data, each through the schema's audited functions
// (clinic.read_patients, clinic.read_observations): the database writes who read what and
// when in clinic.audit, in the same transaction, and its policies show only the acting
// therapist's own patients whatever id is asked for.
#pragma once

#include <cstdint>
#include <string>
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
