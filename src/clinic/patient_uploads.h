// What a patient's limber does with its upload token: send resources (upserted on the
// patient and limber's identifier, so a resend replaces and never doubles) and stop
// sharing (everything the clinic holds of them deleted). Each is one transaction in the
// database, through functions that take the token itself (clinic.share_resources,
// clinic.stop_sharing): the row-level policies let through only the rows of the patient
// whose token it is, and the database writes the audit.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "clinic/fhir_upload.h"
#include "clinic/pg.h"
#include "core/clock.h"
#include "core/result.h"

namespace limber::clinic {

enum class PatientOutcome {
  kDone,
  kUnknownToken,  // no patient has this token
  kStopped,       // the patient stopped sharing (an upload is refused)
};

struct PatientAnswer {
  PatientOutcome outcome = PatientOutcome::kUnknownToken;
  int rows = 0;  // written (an upload) or deleted (a stop)
};

// Writes `resources` for the token's patient, received at `now`.
core::Result<PatientAnswer> share_resources(pg::Connection& connection, std::string_view token,
                                            std::span<const UploadedResource> resources,
                                            core::Instant now);

// Deletes what the token's patient shared of the records `keys` (limber's record keys,
// "entry-12", "psfs-3": the resources whose identifier value is the key or starts with the
// key and '-'), at `now`: kDone with the count of resources deleted (0 for records already
// gone), kStopped once the patient stopped.
core::Result<PatientAnswer> delete_records(pg::Connection& connection, std::string_view token,
                                           std::span<const std::string> keys, core::Instant now);

// Deletes everything the token's patient shared and marks them stopped at `now` (kDone
// with the count deleted; again for one already stopped: kDone with 0).
core::Result<PatientAnswer> stop_sharing(pg::Connection& connection, std::string_view token,
                                         core::Instant now);

}  // namespace limber::clinic
