// What a patient's limber uploads (PUT /api/share/resources): a FHIR R4 Bundle, read and
// checked whole before anything is written, so malformed FHIR is refused with a sentence
// naming the entry and what is wrong, and nothing half-written (docs/clinic.md, "Sharing").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace limber::clinic {

// The largest upload read: the listener's own cap on a body (src/tls/mhd_listener.cpp).
// limber sends a long diary in several uploads below it.
inline constexpr std::size_t kUploadLimit = std::size_t{1} << 20;

// limber's codes for what it shares beyond pain ratings, in Observation.code.coding with
// this system; the clinic's `code` column takes them as they are.
inline constexpr std::string_view kLimberCodeSystem = "urn:limber:code";

struct UploadedResource {
  std::string identifier;  // "SYSTEM|VALUE" of limber's identifier, unique per patient
  // What the caseload reads (docs/clinic.md, "The caseload"): "pain" (an overall pain
  // rating), "pain-region" (a region's rating, a member of one), "check" (a check's level,
  // valueString), "check-answers" (the check's QuestionnaireResponse), or limber's own
  // code (kLimberCodeSystem).
  std::string code;
  std::int64_t effective_at = 0;  // UTC seconds
  std::string resource;           // the resource as JSON, as sent
};

// The Bundle's Observations and QuestionnaireResponses (a Patient entry is skipped), or
// kInvalidInput with one sentence naming the first thing wrong.
core::Result<std::vector<UploadedResource>> read_upload(std::string_view body);

// A request to delete records (POST /api/share/deletions): {"records": ["entry-12",
// "psfs-3", ...]}, each key 1 to 200 letters, digits and '-'; kInvalidInput with one
// sentence otherwise.
core::Result<std::vector<std::string>> read_deletions(std::string_view body);

// A FHIR instant or dateTime with a time and zone ("2026-11-20T21:00:00+01:00",
// "...Z", fractions of a second allowed) as UTC seconds; nullopt for anything else.
std::optional<std::int64_t> parse_fhir_instant(std::string_view text);

}  // namespace limber::clinic
