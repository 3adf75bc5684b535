#include "store/therapist_store.h"

#include <gtest/gtest.h>

#include "support/clock.h"

namespace limber::store {
namespace {

class TherapistStoreTest : public ::testing::Test {
 protected:
  Database db_ = *Database::open_in_memory();
  TherapistStore store_{db_};
};

TEST_F(TherapistStoreTest, AddsReplacesListsAndRemovesExercises) {
  auto added = store_.add(
      {{"basics-a", "basics", R"({"id": "basics-a"})"}, {"yoga-b", "yoga", R"({"id": "yoga-b"})"}},
      testing::kNoon);
  ASSERT_TRUE(added.has_value()) << added.error().message;
  EXPECT_EQ(*added, 2);
  auto again =
      store_.add({{"basics-a", "basics", R"({"id": "basics-a", "level": 2})"}}, testing::kNoon);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, 0) << "the same id replaces the exercise";
  auto all = store_.all();
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ(all->front().exercise, R"({"id": "basics-a", "level": 2})");
  EXPECT_EQ(all->back().style, "yoga");

  ASSERT_TRUE(store_.remove("yoga-b").has_value());
  EXPECT_EQ(store_.all()->size(), 1U);
  auto gone = store_.remove("yoga-b");
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().code, core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace limber::store
