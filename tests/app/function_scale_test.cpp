// The functional scale's rules and shape live in app, one home for the CLI and the API
// (issue #13 finding 1): the name's length, the score's range, each activity's ratings.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/builtin_catalog.h"
#include "app/plan_json.h"
#include "app/plan_service.h"
#include "support/clock.h"
#include "support/time_zone.h"

namespace limber::app {
namespace {

using std::chrono::hours;
using testing::kNoon;
using testing::now_at;

const core::Catalog& catalog() {
  static const core::Catalog kCatalog = *builtin_catalog();
  return kCatalog;
}

class FunctionScaleTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::use_suite_time_zone(); }

  // The service as it is at `at`, on the same diary.
  [[nodiscard]] PlanService at(core::Instant when) const {
    return {db_, now_at(when), catalog(), screening_};
  }

  store::Database db_ = *store::Database::open_in_memory();
  ScreeningService screening_{db_, now_at(kNoon)};
};

TEST_F(FunctionScaleTest, ANameMustBeOneLineOfAtMostEightyCharacters) {
  const PlanService plans = at(kNoon);
  for (const std::string& name : {std::string(), std::string(81, 'a'), std::string("two\nlines")}) {
    SCOPED_TRACE(name);
    const auto added = plans.add_activity(name);
    ASSERT_FALSE(added.has_value());
    EXPECT_EQ(added.error().code, core::ErrorCode::kInvalidInput);
  }
  const auto added = plans.add_activity(std::string(80, 'a'));
  ASSERT_TRUE(added.has_value()) << added.error().message;
  EXPECT_EQ(added->activities.size(), 1U);
}

TEST_F(FunctionScaleTest, AScoreOutsideZeroToTenIsRefusedAndSaysTheRange) {
  const PlanService plans = at(kNoon);
  ASSERT_TRUE(plans.add_activity("put on socks"));
  for (const int score : {-1, 11}) {
    const auto rated = plans.rate("put on socks", score);
    ASSERT_FALSE(rated.has_value());
    EXPECT_EQ(rated.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_NE(rated.error().message.find("0 (unable to do it) to 10"), std::string::npos)
        << rated.error().message;
  }
  EXPECT_TRUE(plans.rate("put on socks", 0));
  EXPECT_TRUE(plans.rate("put on socks", 10));
}

TEST_F(FunctionScaleTest, EachActivityKeepsItsRatingsOldestFirstInTheSameShapeForEveryShell) {
  ASSERT_TRUE(at(kNoon - hours{48}).add_activity("put on socks"));
  ASSERT_TRUE(at(kNoon - hours{48}).add_activity("sit through a film"));
  ASSERT_TRUE(at(kNoon - hours{48}).rate("put on socks", 2));
  ASSERT_TRUE(at(kNoon - hours{24}).rate("put on socks", 5));
  const auto scale = at(kNoon).rate("sit through a film", 3);
  ASSERT_TRUE(scale.has_value()) << scale.error().message;
  ASSERT_EQ(scale->activities.size(), 2U);
  ASSERT_EQ(scale->activities[0].ratings.size(), 2U);
  EXPECT_EQ(scale->activities[0].ratings[0].score, 2);
  EXPECT_EQ(scale->activities[0].ratings[1].score, 5);
  ASSERT_EQ(scale->activities[1].ratings.size(), 1U);
  ASSERT_TRUE(scale->summary.score.has_value());
  EXPECT_DOUBLE_EQ(*scale->summary.score, 4.0);   // (5 + 3) / 2
  EXPECT_DOUBLE_EQ(*scale->summary.change, 1.5);  // (3 + 0) / 2

  const nlohmann::json json = to_json(*scale);
  EXPECT_EQ(json["activities"], nlohmann::json({"put on socks", "sit through a film"}));
  EXPECT_EQ(json["max_activities"], 3);
  EXPECT_EQ(json["ratings"][0]["name"], "put on socks");
  EXPECT_EQ(json["ratings"][0]["ratings"][1]["score"], 5);
  EXPECT_DOUBLE_EQ(json["score"].get<double>(), 4.0);
}

TEST_F(FunctionScaleTest, RemovingAnActivityKeepsTheOthers) {
  const PlanService plans = at(kNoon);
  ASSERT_TRUE(plans.add_activity("put on socks"));
  ASSERT_TRUE(plans.add_activity("lift a bag"));
  const auto scale = plans.remove_activity("put on socks");
  ASSERT_TRUE(scale.has_value()) << scale.error().message;
  ASSERT_EQ(scale->activities.size(), 1U);
  EXPECT_EQ(scale->activities[0].name, "lift a bag");
  const auto missing = plans.remove_activity("put on sock");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace limber::app
