#include "core/region.h"

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace limber::core {
namespace {

using nlohmann::json;

TEST(RegionTest, EveryRegionRoundTripsThroughItsId) {
  for (const RegionInfo& region : all_regions()) {
    auto parsed = parse_region(region.id);
    ASSERT_TRUE(parsed.has_value()) << region.id;
    EXPECT_EQ(*parsed, region.region);
    EXPECT_EQ(&info(region.region), &region);
  }
}

TEST(RegionTest, IdsAreUniqueAndEveryBodyRegionHasASnomedCode) {
  std::set<std::string_view> ids;
  for (const RegionInfo& region : all_regions()) {
    EXPECT_TRUE(ids.insert(region.id).second) << region.id;
    if (region.region != Region::kOther) {
      EXPECT_FALSE(region.snomed_code.empty()) << region.id;
      EXPECT_FALSE(region.display.empty()) << region.id;
    }
  }
  EXPECT_EQ(ids.size(), 15U);
}

TEST(RegionTest, LegsAreTheThighsAndCalvesOfEitherSide) {
  const std::set<std::string_view> legs = {"left-thigh", "right-thigh", "left-calf", "right-calf"};
  for (const RegionInfo& region : all_regions()) {
    EXPECT_EQ(is_leg(region.region), legs.contains(region.id)) << region.id;
  }
  const std::vector<RegionRating> back_and_calf = {{Region::kLowerBack, std::nullopt},
                                                   {Region::kLeftCalf, std::nullopt}};
  const std::vector<RegionRating> back_and_hip = {{Region::kLowerBack, std::nullopt},
                                                  {Region::kLeftHip, std::nullopt}};
  EXPECT_TRUE(names_a_leg(back_and_calf));
  EXPECT_FALSE(names_a_leg(back_and_hip));
  EXPECT_FALSE(names_a_leg({}));
}

// The codes are checked against tests/fixtures/snomed-regions.json, written from SNOMED CT
// itself rather than copied from the table under test.
json snomed_fixture() {
  std::ifstream file(LIMBER_SOURCE_DIR "/tests/fixtures/snomed-regions.json");
  return json::parse(file);
}

std::string_view laterality_of(Side side) {
  switch (side) {
    case Side::kLeft:
      return "7771000";
    case Side::kRight:
      return "24028007";
    case Side::kNone:
      break;
  }
  return "";
}

TEST(RegionTest, CodesEveryRegionAsTheSnomedFixtureDoes) {
  const json fixture = snomed_fixture();
  ASSERT_EQ(fixture["regions"].size(), all_regions().size());
  for (const json& expected : fixture["regions"]) {
    const std::string id = expected["id"];
    SCOPED_TRACE(id);
    auto region = parse_region(id);
    ASSERT_TRUE(region.has_value());
    const RegionInfo& actual = info(*region);
    EXPECT_EQ(actual.snomed_code,
              expected["code"].is_null() ? "" : expected["code"].get<std::string>());
    EXPECT_EQ(actual.snomed_display,
              expected["term"].is_null() ? "" : expected["term"].get<std::string>());
    // The side is the laterality qualifier the sided concept carries.
    EXPECT_EQ(laterality_of(actual.side),
              expected["laterality"].is_null() ? "" : expected["laterality"].get<std::string>());
  }
}

TEST(RegionTest, TellsLeftFromRightByCodeAlone) {
  // FHIR R4's bodySite has no laterality slot: a receiver knows the side only from the code.
  std::set<std::string_view> sided;
  for (const RegionInfo& region : all_regions()) {
    if (region.side != Side::kNone) {
      EXPECT_TRUE(sided.insert(region.snomed_code).second) << region.id;
    }
  }
  EXPECT_EQ(sided.size(), 10U);
}

TEST(RegionTest, SuggestsLowerBackForLowerback) {
  auto region = parse_region("lowerback");
  ASSERT_FALSE(region.has_value());
  EXPECT_NE(region.error().message.find("Did you mean 'lower-back'?"), std::string::npos)
      << region.error().message;
}

TEST(RegionTest, SuggestsNothingForAWordFarFromEveryRegion) {
  auto region = parse_region("elbow");
  ASSERT_FALSE(region.has_value());
  EXPECT_EQ(region.error().message.find("Did you mean"), std::string::npos);
  EXPECT_NE(region.error().message.find("lower-back"), std::string::npos);
}

TEST(RegionTest, ReadsARegionWithItsOwnRating) {
  auto rating = parse_region_rating("neck:3");
  ASSERT_TRUE(rating.has_value());
  EXPECT_EQ(rating->region, Region::kNeck);
  ASSERT_TRUE(rating->pain.has_value());
  EXPECT_EQ(rating->pain->value(), 3);
  EXPECT_EQ(format_region_rating(*rating), "neck:3");
}

TEST(RegionTest, RejectsARegionRatingOutOfRange) {
  auto rating = parse_region_rating("neck:11");
  ASSERT_FALSE(rating.has_value());
  EXPECT_NE(rating.error().message.find("neck"), std::string::npos);
}

TEST(RegionTest, RejectsTheSameRegionTwice) {
  auto ratings = unique_regions({{Region::kNeck, std::nullopt}, {Region::kNeck, std::nullopt}});
  EXPECT_FALSE(ratings.has_value());
}

}  // namespace
}  // namespace limber::core
