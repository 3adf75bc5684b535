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

// Issue 17: the clinic's set replaces the clinic's set only; a file's exercise keeps its id
// against the clinic's, and a file added with a clinic's id becomes the person's own.
TEST_F(TherapistStoreTest, TheClinicsSetReplacesOnlyTheClinicsAndLeavesTheFilesAlone) {
  ASSERT_TRUE(store_.add({{"basics-file", "basics", R"({"id": "basics-file"})"}}, testing::kNoon)
                  .has_value());
  const std::string version(64, 'a');
  auto first = store_.replace_from_clinic({{"basics-c1", "basics", R"({"id": "basics-c1"})"},
                                           {"basics-file", "basics", R"({"id": "clinic"})"}},
                                          version, testing::kNoon);
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(*first, std::vector<std::string>{"basics-file"});
  auto set = store_.clinic_set();
  ASSERT_TRUE(set.has_value()) << set.error().message;
  EXPECT_EQ(set->exercises, 1);
  EXPECT_EQ(set->version, version);
  EXPECT_EQ(set->received_at, testing::kNoon);

  ASSERT_TRUE(store_
                  .replace_from_clinic({{"basics-c2", "basics", R"({"id": "basics-c2"})"}},
                                       std::string(64, 'b'), testing::kNoon)
                  .has_value());
  std::vector<std::string> rows;
  const auto all = store_.all().value();
  for (const auto& exercise : all)
    rows.push_back(exercise.id + ":" + exercise.source + ":" + exercise.exercise);
  EXPECT_EQ(rows, (std::vector<std::string>{R"(basics-c2:clinic:{"id": "basics-c2"})",
                                            R"(basics-file:file:{"id": "basics-file"})"}));

  ASSERT_TRUE(
      store_.add({{"basics-c2", "basics", R"({"id": "basics-c2", "level": 2})"}}, testing::kNoon)
          .has_value());
  EXPECT_EQ(store_.clinic_set()->exercises, 0);
  EXPECT_EQ(store_.all()->front().source, "file");
}

}  // namespace
}  // namespace limber::store
