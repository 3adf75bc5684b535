#include "core/region.h"

#include <algorithm>
#include <array>
#include <string>

#include <fmt/core.h>

#include "core/vocabulary.h"

namespace limber::core {
namespace {

// Source: ../shared/docs/standards.md, "Body regions (SNOMED CT body structures)", and
// SNOMED CT's sided concepts for the sided regions (tests/fixtures/snomed-regions.json):
// R4's bodySite has no laterality slot, so the side must be in the code.
constexpr std::array<RegionInfo, 15> kRegions = {{
    {Region::kLowerBack, "lower-back", "Lower back", "37822005", "Lower back structure",
     Side::kNone},
    {Region::kMidBack, "mid-back", "Middle of the back", "1141986006",
     "Structure of thoracic vertebral column region", Side::kNone},
    {Region::kUpperBack, "upper-back", "Upper back", "1141986006",
     "Structure of thoracic vertebral column region", Side::kNone},
    {Region::kNeck, "neck", "Neck", "45048000", "Neck structure", Side::kNone},
    {Region::kLeftShoulder, "left-shoulder", "Left shoulder", "91775009",
     "Structure of left shoulder region", Side::kLeft},
    {Region::kRightShoulder, "right-shoulder", "Right shoulder", "91774008",
     "Structure of right shoulder region", Side::kRight},
    {Region::kLeftHip, "left-hip", "Left hip", "287679003", "Left hip region structure",
     Side::kLeft},
    {Region::kRightHip, "right-hip", "Right hip", "287579007", "Right hip region structure",
     Side::kRight},
    {Region::kLeftButtock, "left-buttock", "Left buttock", "723979003", "Structure of left buttock",
     Side::kLeft},
    {Region::kRightButtock, "right-buttock", "Right buttock", "723980000",
     "Structure of right buttock", Side::kRight},
    {Region::kLeftThigh, "left-thigh", "Left thigh", "61396006", "Structure of left thigh",
     Side::kLeft},
    {Region::kRightThigh, "right-thigh", "Right thigh", "11207009", "Structure of right thigh",
     Side::kRight},
    {Region::kLeftCalf, "left-calf", "Left calf", "48979004", "Structure of left lower leg",
     Side::kLeft},
    {Region::kRightCalf, "right-calf", "Right calf", "32696007", "Structure of right lower leg",
     Side::kRight},
    {Region::kOther, "other", "Somewhere else", "", "", Side::kNone},
}};

constexpr std::array<std::string_view, kRegions.size()> kIds = [] {
  std::array<std::string_view, kRegions.size()> ids{};
  for (std::size_t i = 0; i < kRegions.size(); ++i)
    ids.at(i) = kRegions.at(i).id;
  return ids;
}();

}  // namespace

std::span<const RegionInfo> all_regions() {
  return kRegions;
}

const RegionInfo& info(Region region) {
  return kRegions.at(static_cast<std::size_t>(region));
}

std::string_view to_string(Region region) {
  return info(region).id;
}

std::span<const std::string_view> region_ids() {
  return kIds;
}

Result<Region> parse_region(std::string_view text) {
  return parse_name(text, kIds, "region").transform([](std::size_t i) {
    return kRegions.at(i).region;
  });
}

bool is_leg(Region region) {
  return region == Region::kLeftThigh || region == Region::kRightThigh ||
         region == Region::kLeftCalf || region == Region::kRightCalf;
}

bool names_a_leg(std::span<const RegionRating> ratings) {
  return std::any_of(ratings.begin(), ratings.end(),
                     [](const RegionRating& rating) { return is_leg(rating.region); });
}

Result<RegionRating> parse_region_rating(std::string_view text) {
  const auto colon = text.find(':');
  LIMBER_TRY_ASSIGN(auto region, parse_region(text.substr(0, colon)));
  RegionRating rating{region, std::nullopt};
  if (colon != std::string_view::npos) {
    auto pain = PainScore::parse(text.substr(colon + 1));
    if (!pain) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("{}: {}", text.substr(0, colon), pain.error().message));
    }
    rating.pain = *pain;
  }
  return rating;
}

std::string format_region_rating(const RegionRating& rating) {
  std::string out(to_string(rating.region));
  if (rating.pain)
    out += fmt::format(":{}", rating.pain->value());
  return out;
}

Result<std::vector<RegionRating>> unique_regions(std::vector<RegionRating> ratings) {
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    for (std::size_t j = i + 1; j < ratings.size(); ++j) {
      if (ratings[i].region == ratings[j].region) {
        return fail(ErrorCode::kInvalidInput,
                    fmt::format("region '{}' is named twice: give each region once",
                                to_string(ratings[i].region)));
      }
    }
  }
  return ratings;
}

}  // namespace limber::core
