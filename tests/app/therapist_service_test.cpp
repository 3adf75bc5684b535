#include "app/therapist_service.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/builtin_catalog.h"
#include "app/plan_json.h"
#include "support/clock.h"
#include "support/therapist_file.h"

namespace limber::app {
namespace {

class TherapistServiceTest : public ::testing::Test {
 protected:
  store::Database db_ = *store::Database::open_in_memory();
  core::Catalog builtin_ = *builtin_catalog();
  TherapistService service_{db_, testing::now_at(testing::kNoon)};
};

// The diary's catalog is limber's own with the therapist's exercises, read back from the
// diary by the same rules.
TEST_F(TherapistServiceTest, TheDiarysCatalogHoldsTheExercisesAdded) {
  auto before = diary_catalog(db_, builtin_catalog_files());
  ASSERT_TRUE(before.has_value()) << before.error().message;
  EXPECT_EQ(before->all().size(), builtin_.all().size());

  auto added = service_.add(
      "from-anna.json",
      testing::therapist_file(testing::therapist_exercise("yoga-towel-squeeze", "yoga"), "yoga"),
      builtin_);
  ASSERT_TRUE(added.has_value()) << added.error().message;
  EXPECT_EQ(added->new_ones, 1);
  auto after = diary_catalog(db_, builtin_catalog_files());
  ASSERT_TRUE(after.has_value()) << after.error().message;
  EXPECT_EQ(after->all().size(), builtin_.all().size() + 1);
  const core::Exercise* mine = after->find("yoga-towel-squeeze");
  ASSERT_NE(mine, nullptr);
  EXPECT_TRUE(mine->from_therapist);
  EXPECT_EQ(mine->style, core::Style::kYoga);
  EXPECT_FALSE(after->find("yoga-cat-cow")->from_therapist);
  // The one JSON shape of an exercise, for `limber exercises --json` and the API.
  EXPECT_EQ(to_json(*mine, false)["from_therapist"], true);
  EXPECT_EQ(to_json(*after->find("yoga-cat-cow"), true)["from_therapist"], false);
}

TEST_F(TherapistServiceTest, RemovesOnlyWhatWasAddedSuggestingTheClosest) {
  ASSERT_TRUE(service_
                  .add("from-anna.json",
                       testing::therapist_file(testing::therapist_exercise("basics-towel-squeeze")),
                       builtin_)
                  .has_value());
  auto typo = service_.remove("basics-towel-sqeeze", builtin_);
  ASSERT_FALSE(typo.has_value());
  EXPECT_EQ(typo.error().code, core::ErrorCode::kNotFound);
  EXPECT_NE(typo.error().message.find("Did you mean 'basics-towel-squeeze'?"), std::string::npos)
      << typo.error().message;
  auto own = service_.remove("yoga-cat-cow", builtin_);
  ASSERT_FALSE(own.has_value());
  EXPECT_EQ(own.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_TRUE(service_.remove("basics-towel-squeeze", builtin_).has_value());
  EXPECT_EQ(diary_catalog(db_, builtin_catalog_files())->all().size(), builtin_.all().size());
}

}  // namespace
}  // namespace limber::app
