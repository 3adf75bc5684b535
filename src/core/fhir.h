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
#pragma once

#include <optional>
#include <span>
#include <string>

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

struct FhirInput {
  std::span<const Entry> entries;  // pain entries are exported; others are skipped
  std::span<const CheckExport> checks;
  std::optional<std::string> patient_name;  // empty: an anonymous Patient
  Instant now;                              // the Bundle's timestamp
};

struct FhirCounts {
  int pain_ratings = 0;
  int region_observations = 0;
  int checks = 0;
};

struct FhirDocument {
  std::string json;  // the Bundle, pretty-printed
  FhirCounts counts;
};

inline constexpr std::string_view kLoincPainSeverity = "72514-3";

FhirDocument fhir_bundle(const FhirInput& input);

// "2026-11-20T21:00:00+01:00": an instant as the wall clock read then (FHIR dateTime).
std::string fhir_date_time(Instant at, std::chrono::seconds utc_offset);

}  // namespace limber::core
