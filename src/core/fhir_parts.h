// The parts core/fhir.cpp and core/fhir_kinds.cpp share: limber's stable fullUrls and
// identifiers, and the resources of what `limber share` sends beyond pain ratings and
// checks (walks, reliefs, sessions, PSFS ratings, a day's sitting). Internal to core.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/entry.h"
#include "core/fhir.h"

namespace limber::core::fhir_parts {

// Stable ids for the Bundle's fullUrls, so two exports of the same diary match line for
// line: the kind of resource and the diary's own id, laid out as a UUID.
enum class UuidKind : std::uint16_t {
  kPatient = 0,
  kPain = 1,
  kRegion = 2,
  kCheck = 3,
  kCheckLevel = 4,
  kWalk = 5,
  kRelief = 6,
  kSession = 7,
  kFunctionRating = 8,
  kSitting = 9,  // by the day's number since 1970-01-01
};

std::string urn(UuidKind kind, std::int64_t id);
nlohmann::json identifier(const std::string& value);
nlohmann::json bundle_entry(std::string full_url, nlohmann::json resource);
// {"coding": [{"system": kLimberCodeSystem, "code": code}], "text": text}
nlohmann::json limber_code(std::string_view code, std::string_view text);
// The entry's note and tags as Annotations, when `notes` (the person chose to share them).
void add_notes(nlohmann::json& resource, const Entry& entry, bool notes);

// A walk, relief or session entry as one Observation (identifier "entry-ID-walk", ...),
// or null for a pain entry (core/fhir.cpp makes those).
nlohmann::json activity_observation(const std::string& patient, const Entry& entry, bool notes);
nlohmann::json function_observation(const std::string& patient, const FunctionRatingExport& rating);
nlohmann::json sitting_observation(const std::string& patient, const SittingDayExport& day);

// What the resources of each record are made from, as text (FhirRecordSource).
std::string fingerprint(const Entry& entry);
std::string fingerprint(const CheckExport& check);
std::string fingerprint(const FunctionRatingExport& rating);
std::string fingerprint(const SittingDayExport& day);

}  // namespace limber::core::fhir_parts
