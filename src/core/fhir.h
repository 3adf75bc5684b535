// The diary as a FHIR R4 Bundle (JSON), for systems that clinics already use
// (`limber export --format fhir`). Pure: data in, text out.
//
// What goes in (docs/clinical-basis.md, "Exports"):
// - a Patient, anonymous unless the person gives a name;
// - each pain rating an Observation coded LOINC 72514-3 (pain severity, 0-10 verbal numeric
//   rating, reported), its value the 0-10 score, the body site coded in SNOMED CT
//   (core/region.h). An entry naming several regions becomes one Observation for the
//   overall rating with one member Observation per region (the region's own rating, or the
//   overall one), since Observation.bodySite holds one site;
// - each red-flag check a QuestionnaireResponse: one item per question, answered yes or no,
//   with the level as the response's own text.
// Walks, reliefs and sessions stay in the CSV export, which round-trips; this one does not.
// What `limber share` sends (FhirInput::every_kind) has them too, with the PSFS ratings and
// a summary of each day's sitting: each an Observation coded in kLimberCodeSystem ("walk",
// "relief", "session", "psfs", "sitting"; no LOINC code fits them), its values as FHIR
// types them (valueQuantity in UCUM minutes or seconds, valueInteger for scores).
//
// Every Observation and QuestionnaireResponse carries limber's stable identifier (system
// kLimberIdentifierSystem; value "entry-ID-pain", "entry-ID-region-REGION", "check-ID",
// "check-ID-level", "entry-ID-walk", "entry-ID-relief", "entry-ID-session", "psfs-ID",
// "sitting-YYYY-MM-DD" from the diary's own ids), so a clinic that receives a record again
// (`limber share`) replaces it instead of keeping two.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/entry.h"
#include "core/red_flags.h"

namespace limber::core {

// A red-flag check with its answers, as exported.
struct CheckExport {
  std::int64_t id = 0;
  Instant at;
  std::chrono::seconds utc_offset{0};
  Level level = Level::kSelfCare;
  std::vector<Answer> answers;
};

// A rating on the Patient-Specific Functional Scale: an activity the person finds hard, 0
// (unable) to 10 (as before the back pain).
struct FunctionRatingExport {
  std::int64_t id = 0;
  std::string activity;
  Instant at;
  std::chrono::seconds utc_offset{0};
  int score = 0;
};

// One day's sitting as `limber watch` recorded it: the bouts that started on that day of
// the person's own calendar, and the breaks from sitting taken then.
struct SittingDayExport {
  std::chrono::local_days day;
  Instant first_start;  // the day's first bout, its effective time
  std::chrono::seconds utc_offset{0};
  int bouts = 0;
  std::chrono::seconds sat{0};
  std::chrono::seconds longest{0};
  int breaks = 0;
  int standing_breaks = 0;  // of them, standing (at a desk, a standing stretch)
};

struct FhirInput {
  std::span<const Entry> entries;  // pain entries; walks, reliefs, sessions with every_kind
  std::span<const CheckExport> checks;
  std::optional<std::string> patient_name;  // empty: an anonymous Patient
  Instant now;                              // the Bundle's timestamp
  // What `limber share` changes: notes and tags only when the person chose to share them,
  // and each check's level also as an Observation coded kLimberCodeSystem "check" (its
  // level in valueString), which a clinic's caseload reads.
  bool notes = true;
  bool check_levels = false;
  // What `limber share` sends besides: walks, reliefs and sessions from `entries`, and
  // these ratings and days (the export leaves them to the CSV).
  bool every_kind = false;
  std::span<const FunctionRatingExport> function_ratings{};
  std::span<const SittingDayExport> sitting{};
};

// One diary record's resources (an entry, with a pain rating's region members; a check; a
// PSFS rating; a day's sitting), as
// Bundle entries (JSON objects with fullUrl and resource), under the record's key
// ("entry-ID", "check-ID", "psfs-ID", "sitting-YYYY-MM-DD"): every resource's identifier
// is the key or starts with the key and a '-': what `limber share` sends and remembers as one.
struct FhirRecord {
  std::string key;
  std::vector<std::string> entries;
};

inline constexpr std::string_view kLimberIdentifierSystem = "urn:limber:diary";
inline constexpr std::string_view kLimberCodeSystem = "urn:limber:code";

// The records of `input`: entries, then checks, PSFS ratings and sitting days, each in the
// diary's order.
std::vector<FhirRecord> fhir_records(const FhirInput& input);

// The records of `input` whose keys are in `keys` only, the others not built.
std::vector<FhirRecord> fhir_records(const FhirInput& input, const std::set<std::string>& keys);

// A record's key and a text that changes whenever the record's resources would (the
// person's data, FhirInput's choices, the version of limber's FHIR), made without building
// the JSON: what `limber share` compares with what it sent, so a sync of a long diary
// builds only what is new or changed.
struct FhirRecordSource {
  std::string key;
  std::string fingerprint;
};
std::vector<FhirRecordSource> fhir_record_sources(const FhirInput& input);

// A Bundle of type `type` ("collection", "batch") holding `records` and no Patient, for a
// clinic that knows the patient already (`limber share`); compact JSON.
std::string fhir_upload_bundle(std::span<const FhirRecord> records, std::string_view type,
                               Instant now);

struct FhirCounts {
  int pain_ratings = 0;
  int region_observations = 0;
  int checks = 0;
  int mobility = 0;  // pain ratings saying how the person could move
  int walks = 0;
  int sessions = 0;
  int reliefs = 0;
  int function_ratings = 0;
  int sitting_days = 0;
};

struct FhirDocument {
  std::string json;  // the Bundle, pretty-printed
  FhirCounts counts;
};

inline constexpr std::string_view kLoincPainSeverity = "72514-3";

FhirDocument fhir_bundle(const FhirInput& input);

// What fhir_bundle and fhir_records would hold, counted without writing the JSON out
// (`limber share`'s preview of a long diary).
FhirCounts fhir_counts(const FhirInput& input);

// "2026-11-20T21:00:00+01:00": an instant as the wall clock read then (FHIR dateTime).
std::string fhir_date_time(Instant at, std::chrono::seconds utc_offset);

}  // namespace limber::core
