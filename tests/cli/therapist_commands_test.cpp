// Issue 15: exercises from the person's therapist through the command line: added from a
// file in the catalog's schema, listed and shown as theirs, planned by the same rules (and
// not while a red flag stands), removed by id, and carried through CSV and backups.
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"
#include "support/therapist_file.h"

namespace limber::testing {
namespace {

class TherapistCommandsTest : public CliTest {
 protected:
  // The therapist's file with one exercise for walking, at level 1.
  std::string write_file(const std::string& text, const std::string& name = "from-anna.json") {
    const auto path = dir_.path() / name;
    std::ofstream(path) << text;
    return path.string();
  }

  std::string good_file() {
    return write_file(therapist_file(therapist_exercise("basics-towel-squeeze")));
  }

  nlohmann::json json(std::vector<std::string> args) {
    auto result = run(std::move(args));
    EXPECT_EQ(result.code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }
};

TEST_F(TherapistCommandsTest, AddsShowsPlansAndRemovesATherapistsExercise) {
  auto added = run({"exercises", "add", good_file()});
  ASSERT_EQ(added.code, 0) << added.err;
  EXPECT_NE(added.out.find("Added 1 exercise from your therapist"), std::string::npos) << added.out;
  EXPECT_NE(run({"exercises"}).out.find("Towel squeeze (from your therapist)"), std::string::npos);
  EXPECT_NE(run({"exercises", "show", "basics-towel-squeeze"}).out.find(", from your therapist"),
            std::string::npos);
  const auto listed = json({"exercises", "--style", "basics", "--json"});
  bool found = false;
  for (const auto& exercise : listed) {
    if (exercise["id"] == "basics-towel-squeeze") {
      found = true;
      EXPECT_EQ(exercise["from_therapist"], true);
    } else {
      EXPECT_EQ(exercise["from_therapist"], false);
    }
  }
  EXPECT_TRUE(found);

  // Walking: the phase allows it, and it opens the main part.
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  ASSERT_EQ(run({"log", "4", "lower-back", "--mobility", "walk"}).code, 0);
  const auto plan = json({"today", "--json"});
  ASSERT_EQ(plan["phase"], "walk");
  bool planned = false;
  for (const auto& exercise : plan["exercises"])
    planned = planned || (exercise["id"] == "basics-towel-squeeze" && exercise["from_therapist"]);
  EXPECT_TRUE(planned) << plan["exercises"].dump(2);
  EXPECT_NE(run({"today"}).out.find("Towel squeeze, 3 min, from your therapist"),
            std::string::npos);

  // A red flag stops it like every other exercise.
  ASSERT_EQ(run({"check", "--answers", "fever"}).code, 0);
  EXPECT_TRUE(json({"today", "--json"})["exercises"].empty());

  auto typo = run({"exercises", "remove", "basics-towel-sqeeze"});
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("Did you mean 'basics-towel-squeeze'?"), std::string::npos) << typo.err;
  auto own = run({"exercises", "remove", "basics-pelvic-tilt"});
  EXPECT_EQ(own.code, 2);
  EXPECT_NE(own.err.find("one of limber's own exercises"), std::string::npos) << own.err;
  auto removed = run({"exercises", "remove", "basics-towel-squeeze"});
  ASSERT_EQ(removed.code, 0) << removed.err;
  EXPECT_EQ(run({"exercises"}).out.find("Towel squeeze"), std::string::npos);
}

TEST_F(TherapistCommandsTest, ABadFileNamesTheLineAndTheFieldAndAddsNothing) {
  std::string text = therapist_file(therapist_exercise("basics-towel-squeeze"));
  text.replace(text.find(R"("level": 1)"), 10, R"("level": 9)");
  auto bad = run({"exercises", "add", write_file(text)});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("from-anna.json, line 10: basics-towel-squeeze: 'level' is 9"),
            std::string::npos)
      << bad.err;
  auto clash = run(
      {"exercises", "add", write_file(therapist_file(therapist_exercise("basics-pelvic-tilt")))});
  EXPECT_EQ(clash.code, 1);
  EXPECT_NE(clash.err.find("limber's own catalog has an exercise with this id"), std::string::npos)
      << clash.err;
  EXPECT_EQ(run({"exercises"}).out.find("(from your therapist)"), std::string::npos);
}

TEST_F(TherapistCommandsTest, SessionsWithATherapistsExerciseRoundTripThroughCsvAndBackup) {
  const std::string file = good_file();
  ASSERT_EQ(run({"exercises", "add", file}).code, 0);
  ASSERT_EQ(run({"log", "session", "--exercises", "basics-towel-squeeze", "--pain-before", "4",
                 "--pain-after", "3"})
                .code,
            0);
  const auto csv = dir_.path() / "diary.csv";
  ASSERT_EQ(run({"export", "--format", "csv", "-o", csv.string()}).code, 0);
  const auto copy = dir_.path() / "copy.db";
  ASSERT_EQ(run({"backup", "-o", copy.string()}).code, 0);

  // A new diary knows the exercise once the therapist's file is added to it.
  home_ = dir_.path() / "new";
  auto unknown = run({"import", csv.string()});
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("basics-towel-squeeze"), std::string::npos) << unknown.err;
  ASSERT_EQ(run({"exercises", "add", file}).code, 0);
  auto imported = run({"import", csv.string()});
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_EQ(json({"history", "--json"})[0]["exercises"][0], "basics-towel-squeeze");

  // A backup copy holds the exercise itself: restored, the diary knows it again.
  ASSERT_EQ(run({"exercises", "remove", "basics-towel-squeeze"}).code, 0);
  ASSERT_EQ(run({"restore", copy.string()}).code, 0);
  EXPECT_NE(run({"exercises"}).out.find("Towel squeeze (from your therapist)"), std::string::npos);
}

}  // namespace
}  // namespace limber::testing
