// Where it hurts: a fixed vocabulary of body regions, each with its display name and the
// SNOMED CT body-structure code used when the diary leaves limber (FHIR export).
//
// Codes from ../shared/docs/standards.md: a sided region has SNOMED CT's sided concept (the
// structure with laterality 7771000 left or 24028007 right), because FHIR R4 bodySite has no
// laterality slot; tests/fixtures/snomed-regions.json holds them as the standard has them.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/pain_score.h"
#include "core/result.h"

namespace limber::core {

enum class Region {
  kLowerBack,
  kMidBack,
  kUpperBack,
  kNeck,
  kLeftShoulder,
  kRightShoulder,
  kLeftHip,
  kRightHip,
  kLeftButtock,
  kRightButtock,
  kLeftThigh,
  kRightThigh,
  kLeftCalf,
  kRightCalf,
  kOther,
};

enum class Side { kNone, kLeft, kRight };

struct RegionInfo {
  Region region;
  std::string_view id;           // stable name used on the command line, in files and APIs
  std::string_view display;      // what a person reads
  std::string_view snomed_code;  // SNOMED CT body structure, empty when none fits
  std::string_view snomed_display;
  Side side;
};

// Every region, in body order (top to bottom is not implied; the order is the enum's).
std::span<const RegionInfo> all_regions();
const RegionInfo& info(Region region);
std::string_view to_string(Region region);
// Every region id, for suggestions and help text.
std::span<const std::string_view> region_ids();

// Parses a region id ("lower-back"); an unknown name gets an error that suggests the closest.
Result<Region> parse_region(std::string_view text);

// A region and, when the person gave one, its own 0-10 rating ("neck:3").
struct RegionRating {
  Region region = Region::kOther;
  std::optional<PainScore> pain;

  friend bool operator==(const RegionRating&, const RegionRating&) = default;
};

// A thigh or a calf, either side: where pain may be a nerve's rather than a spasm's, so limber
// asks whether it shoots, tingles or goes below the knee (issue #20).
bool is_leg(Region region);
// True when one of `ratings` is a leg (is_leg).
bool names_a_leg(std::span<const RegionRating> ratings);

// Parses "neck" or "neck:3".
Result<RegionRating> parse_region_rating(std::string_view text);
// "neck" or "neck:3", the inverse of parse_region_rating.
std::string format_region_rating(const RegionRating& rating);

// Checks a list of ratings names each region at most once.
Result<std::vector<RegionRating>> unique_regions(std::vector<RegionRating> ratings);

}  // namespace limber::core
