// A patient's page for the therapist (GET /api/patients/ID and its report.pdf): what the
// patient's observations say, turned back into limber's own records so that the page and
// the PDF are the report's (core/report.h), the same charts the patient's `limber report`
// draws. docs/clinic.md, "A patient's page".
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "clinic/patient_reads.h"
#include "core/entry.h"
#include "core/report.h"

namespace limber::clinic {

// What the observations hold, as the report takes it. Each keeps the UTC offset its FHIR
// effectiveDateTime was written with, so days are the patient's own.
struct SharedRecords {
  // pain ratings (with their body sites and mobility), walks, reliefs and sessions, with
  // their notes and tags when the patient shared them
  std::vector<core::Entry> entries;
  std::vector<core::CheckRecord> checks;
  std::vector<std::string> function_activities;  // in the order first rated
  std::vector<core::FunctionRatingRecord> function_ratings;
  // Each day's sitting (code 'sitting') as stretches with the day's count, total and
  // longest: what the report's weeks add up.
  std::vector<core::SittingRecord> sitting;
};

// Reads the codes docs/clinic.md names ('pain', 'walk', 'session', 'relief', 'check', 'psfs',
// 'sitting'); a resource that
// does not say what its code needs (no value, a level limber does not know) is left out.
SharedRecords records_of(std::span<const ObservationRow> observations);

// The days of the page: `from` and `to` as typed ("2026-11-01", or empty), checked as the
// report checks a period; by default the six weeks up to `today`. kInvalidInput with the
// words to show.
struct PageDays {
  std::chrono::local_days from;
  std::chrono::local_days to;
};
core::Result<PageDays> page_days(std::string_view from, std::string_view to,
                                 std::chrono::local_days today);

// The observations to read for those days, as UTC seconds [since, until): a week before
// `from` for the 7-day line, and a day either side for the offsets.
std::pair<std::int64_t, std::int64_t> observation_window(const PageDays& page);

core::Report patient_report(const PatientHeader& patient, const SharedRecords& records,
                            const PageDays& page);

// {"id", "name", "sharing", "from", "to", "days": [{"date", "pain_mean", "pain_max",
//  "pain_7day", "walk_minutes"}], "regions": [{"region", "name", "entries": [...]}],
//  "columns": [{"from", "to"}], "checks": [{"date", "time", "level"}], "weeks": [{"from",
//  "walks", "walk_minutes", "sessions", "sitting_bouts", "sat_minutes"}], "mobility":
//  {"start", "end", "steps": [{"date", "change": "up"|"back", "words", "from"}]},
//  "sessions": {"total", "lines": [{"date", "time", "minutes", "pain_before", "pain_after",
//  "exercises"}]}, "reliefs": {"kinds_total", "lines": [{"kind", "words", "name", "times",
//  "first", "last"}]}, "notes": {"total", "lines": [{"date", "time", "text"}]}, "function":
//  [{"activity", "ratings": [{"date", "score"}], "change"}]}
nlohmann::json patient_page_json(const PatientHeader& patient, const core::Report& report);

}  // namespace limber::clinic
