#include "core/region.h"

#include <set>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

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

TEST(RegionTest, KeepsTheSnomedCodesOfTheStandardsSheet) {
  EXPECT_EQ(info(Region::kLowerBack).snomed_code, "37822005");
  EXPECT_EQ(info(Region::kNeck).snomed_code, "45048000");
  EXPECT_EQ(info(Region::kLeftThigh).snomed_code, "61396006");
  EXPECT_EQ(info(Region::kRightThigh).snomed_code, "11207009");
  EXPECT_EQ(info(Region::kLeftShoulder).side, Side::kLeft);
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
