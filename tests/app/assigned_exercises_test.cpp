// The exercises a therapist assigns at the clinic, taken into the diary by limber's sync
// with a clinic that answers in the test: the clinic's set replaces the one before (a
// removed exercise leaves the plan), what the person added from a file is left alone and
// wins a clash of ids, an unchanged list costs a 304 and writes nothing, and a malformed
// list leaves the diary's set as it was.
#include "app/assigned_exercises.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/builtin_catalog.h"
#include "app/therapist_service.h"
#include "core/sha256.h"
#include "store/share_store.h"
#include "store/therapist_store.h"
#include "support/clock.h"
#include "support/therapist_file.h"

namespace limber::app {
namespace {

using nlohmann::json;
using testing::therapist_exercise;

class AssignedExercisesTest : public ::testing::Test {
 protected:
  AssignedExercisesTest() {
    EXPECT_TRUE(store::ShareStore(db_)
                    .start({"https://clinic.example", std::string(64, 'a'), 7, false,
                            testing::kNoon, std::nullopt, false})
                    .has_value());
  }

  // The clinic: answers 304 when the version asked with is the list's, else the list.
  core::Result<ClinicReply> answer(const std::string& /*url*/, const ClinicRequest& request) {
    paths.push_back(request.path);
    if (status_ != 200)
      return ClinicReply{status_, R"({"error":"You stopped sharing with this clinic."})"};
    const auto version = core::sha256_hex(list.dump());
    if (request.path == "/api/share/exercises?version=" + version)
      return ClinicReply{304, ""};
    return ClinicReply{200, json{{"version", version}, {"exercises", list}}.dump()};
  }

  void assign(const std::string& id, const std::string& phases = R"("walk", "move")") {
    list.push_back({{"id", id},
                    {"style", "basics"},
                    {"exercise", json::parse(therapist_exercise(id, "basics", phases))},
                    {"assigned_at", 1795000000}});
  }

  std::vector<store::StoredExercise> stored() { return store::TherapistStore(db_).all().value(); }

  store::Database db_ = *store::Database::open_in_memory();
  json list = json::array();
  int status_ = 200;
  std::vector<std::string> paths;
  AssignedExercises assigned_{
      db_, [this](const std::string& url, const ClinicRequest& r) { return answer(url, r); },
      [] { return testing::kNoon; }, builtin_catalog_files()};
};

TEST_F(AssignedExercisesTest, TheClinicsListBecomesTheDiarysSetFromYourTherapist) {
  assign("basics-towel-squeeze");
  const auto fetched = assigned_.fetch();
  ASSERT_TRUE(fetched.has_value()) << fetched.error().message;
  EXPECT_TRUE(fetched->changed);
  EXPECT_EQ(fetched->exercises, 1);
  ASSERT_EQ(stored().size(), 1U);
  EXPECT_EQ(stored()[0].source, "clinic");
  const auto catalog = diary_catalog(db_, builtin_catalog_files());
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message;
  ASSERT_NE(catalog->find("basics-towel-squeeze"), nullptr);
  EXPECT_TRUE(catalog->find("basics-towel-squeeze")->from_therapist);
  const auto now = assigned_.status().value();
  EXPECT_EQ(now.exercises, 1);
  EXPECT_EQ(now.received_at, testing::kNoon);

  // Unchanged: asked with the version it has, answered 304, nothing written.
  const auto again = assigned_.fetch();
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(paths.back(), "/api/share/exercises?version=" + core::sha256_hex(list.dump()));
}

TEST_F(AssignedExercisesTest, ARemovedExerciseLeavesAndTheFilesAreLeftAlone) {
  const core::Catalog builtin = builtin_catalog().value();
  ASSERT_TRUE(TherapistService(db_, testing::now_at(testing::kNoon))
                  .add("from-anna.json",
                       testing::therapist_file(therapist_exercise("basics-from-file")), builtin)
                  .has_value());
  assign("basics-towel-squeeze");
  assign("basics-towel-other");
  ASSERT_TRUE(assigned_.fetch().has_value());
  ASSERT_EQ(stored().size(), 3U);

  list.erase(0);
  const auto fetched = assigned_.fetch();
  ASSERT_TRUE(fetched.has_value()) << fetched.error().message;
  EXPECT_EQ(fetched->exercises, 1);
  std::vector<std::string> ids;
  for (const auto& exercise : stored())
    ids.push_back(exercise.id + ":" + exercise.source);
  EXPECT_EQ(ids, (std::vector<std::string>{"basics-from-file:file", "basics-towel-other:clinic"}));
}

TEST_F(AssignedExercisesTest, AFileExerciseWithTheSameIdWinsAndIsNamed) {
  const core::Catalog builtin = builtin_catalog().value();
  ASSERT_TRUE(TherapistService(db_, testing::now_at(testing::kNoon))
                  .add("from-anna.json",
                       testing::therapist_file(therapist_exercise("basics-towel-squeeze")), builtin)
                  .has_value());
  assign("basics-towel-squeeze", R"("rest")");

  const auto fetched = assigned_.fetch();

  ASSERT_TRUE(fetched.has_value()) << fetched.error().message;
  EXPECT_EQ(fetched->left_to_files, (std::vector<std::string>{"basics-towel-squeeze"}));
  EXPECT_EQ(fetched->exercises, 0);
  ASSERT_EQ(stored().size(), 1U);
  EXPECT_EQ(stored()[0].source, "file");
  EXPECT_EQ(json::parse(stored()[0].exercise)["phases"], json({"walk", "move"}));
}

TEST_F(AssignedExercisesTest, AMalformedListIsAClearErrorAndTheSetStaysAsItWas) {
  assign("basics-towel-squeeze");
  ASSERT_TRUE(assigned_.fetch().has_value());
  assign("basics-towel-bad");
  list[1]["exercise"]["level"] = 9;

  const auto fetched = assigned_.fetch();

  ASSERT_FALSE(fetched.has_value());
  EXPECT_EQ(fetched.error().code, core::ErrorCode::kBadFile);
  EXPECT_NE(fetched.error().message.find("basics-towel-bad"), std::string::npos)
      << fetched.error().message;
  EXPECT_NE(fetched.error().message.find("your plan keeps the exercises it had"), std::string::npos)
      << fetched.error().message;
  ASSERT_EQ(stored().size(), 1U);
  EXPECT_EQ(stored()[0].id, "basics-towel-squeeze");

  // An id of limber's own catalog from the clinic is refused the same way.
  list.erase(1);
  assign("basics-pelvic-tilt");
  EXPECT_FALSE(assigned_.fetch().has_value());
  EXPECT_EQ(stored().size(), 1U);
}

TEST_F(AssignedExercisesTest, AClinicThatNoLongerTakesThisDiaryIsSaidAndNothingChanges) {
  assign("basics-towel-squeeze");
  ASSERT_TRUE(assigned_.fetch().has_value());
  status_ = 410;

  const auto fetched = assigned_.fetch();

  ASSERT_FALSE(fetched.has_value());
  EXPECT_NE(fetched.error().message.find("You stopped sharing"), std::string::npos);
  EXPECT_EQ(stored().size(), 1U);
}

TEST_F(AssignedExercisesTest, ADiaryThatSharesWithNoClinicAsksNothing) {
  ASSERT_TRUE(store::ShareStore(db_).forget().has_value());

  const auto fetched = assigned_.fetch();

  ASSERT_TRUE(fetched.has_value());
  EXPECT_FALSE(fetched->asked);
  EXPECT_TRUE(paths.empty());
}

}  // namespace
}  // namespace limber::app
