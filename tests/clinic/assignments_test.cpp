// Assigned exercises on a real PostgreSQL (issue 17): the exercise checked by the catalog's
// own rules before anything is written; a therapist reads and writes only their own
// patients' assignments, another therapist or clinic none whatever id they send; the
// patient's token reads only its own list, "unchanged" when it has it already, nothing
// once stopped; the application role has no direct way in; assigning and removing audited.
#include "clinic/assignments.h"

#include <array>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/builtin_catalog.h"
#include "clinic/clinic_world.h"
#include "clinic/invitations.h"
#include "clinic/patient_uploads.h"
#include "support/therapist_file.h"

namespace limber::clinic {
namespace {

using testing::therapist_exercise;
using testing::therapist_file;

constexpr core::Instant kNow{std::chrono::seconds(1795000000)};

class ClinicAssignmentsTest : public testing::ClinicWorld {
 protected:
  ClinicAssignmentsTest() {
    dee_ = joined(ann_, "Dee", kNow);
    eve_ = joined(bob_, "Eve", kNow);
    fay_ = joined(cat_, "Fay", kNow);
  }

  std::vector<CheckedExercise> checked(const std::string& id) {
    return read_assignment(therapist_file(therapist_exercise(id)), builtin_).value();
  }

  std::int64_t rows(const std::string& where = "true") {
    return admin_.query("SELECT count(*) FROM clinic.assigned_exercises WHERE " + where)
        .value()
        .integer(0, 0);
  }

  core::Catalog builtin_ = app::builtin_catalog().value();
  Joined dee_, eve_, fay_;
};

TEST_F(ClinicAssignmentsTest, OneExerciseOrAFileIsCheckedByTheCatalogsOwnRules) {
  const auto one = read_assignment(therapist_exercise("basics-towel-squeeze"), builtin_);
  ASSERT_TRUE(one.has_value()) << one.error().message;
  ASSERT_EQ(one->size(), 1U);
  EXPECT_EQ(one->front().id, "basics-towel-squeeze");
  EXPECT_EQ(one->front().style, "basics");
  const auto file = read_assignment(therapist_file(therapist_exercise("basics-towel-a") + ",\n" +
                                                   therapist_exercise("basics-towel-b")),
                                    builtin_);
  ASSERT_TRUE(file.has_value()) << file.error().message;
  EXPECT_EQ(file->size(), 2U);

  struct Case {
    const char* what;
    std::string text;
    const char* says;
  };
  const std::string good = therapist_exercise("basics-towel-squeeze");
  const std::array<Case, 5> cases = {{
      // A single exercise keeps its own lines: "level" is on line 7 of it.
      {"a level out of range",
       std::string(good).replace(good.find(R"("level": 1)"), 10, R"("level": 9)"),
       "Your exercises, line 7: basics-towel-squeeze"},
      {"limber's own id", therapist_file(therapist_exercise("basics-pelvic-tilt")),
       "give yours another, like basics-my-pelvic-tilt"},
      {"not JSON", "{\"id\": ", "Your exercises, line 1, column"},
      {"no style", R"({"id": "basics-x"})", R"(has no "style")"},
      {"something else", "[1, 2]", "Send one exercise"},
  }};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const auto read = read_assignment(c.text, builtin_);
    ASSERT_FALSE(read.has_value());
    EXPECT_NE(read.error().message.find(c.says), std::string::npos) << read.error().message;
  }
}

TEST_F(ClinicAssignmentsTest, ATherapistAssignsListsAndRemovesTheirOwnPatientsExercises) {
  ASSERT_EQ(assign(app_, ann_, dee_.patient_id, checked("basics-towel-squeeze"), kNow).value(),
            AssignOutcome::kDone);
  // Again with the same id: replaced, not doubled.
  ASSERT_EQ(assign(app_, ann_, dee_.patient_id, checked("basics-towel-squeeze"), kNow).value(),
            AssignOutcome::kDone);

  const auto listed = read_assigned(app_, ann_, dee_.patient_id).value();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed.front().id, "basics-towel-squeeze");
  EXPECT_EQ(listed.front().assigned_by, "ann@north.example");
  EXPECT_EQ(listed.front().assigned_at, kNow.time_since_epoch().count());
  EXPECT_EQ(nlohmann::json::parse(listed.front().exercise)["name"], "Towel squeeze");

  EXPECT_EQ(remove_assigned(app_, ann_, dee_.patient_id, "basics-towel-squeeze").value(),
            AssignOutcome::kDone);
  EXPECT_EQ(remove_assigned(app_, ann_, dee_.patient_id, "basics-towel-squeeze").value(),
            AssignOutcome::kUnknown);
  EXPECT_EQ(rows(), 0);
  const auto audit = admin_
                         .query(
                             "SELECT action, rows_read FROM clinic.audit WHERE patient_id = "
                             "$1::bigint AND action LIKE '%exercise%' ORDER BY id",
                             {std::to_string(dee_.patient_id)})
                         .value();
  ASSERT_EQ(audit.size(), 5);
  EXPECT_EQ(audit.text(0, 0), "assigned exercise");
  EXPECT_EQ(audit.text(2, 0), "read assigned exercises");
  EXPECT_EQ(audit.text(3, 0), "removed exercise");
  EXPECT_EQ(audit.integer(3, 1), 1);
}

TEST_F(ClinicAssignmentsTest, AnotherTherapistOrClinicReadsAndWritesNoneWhateverIdIsSent) {
  ASSERT_EQ(assign(app_, ann_, dee_.patient_id, checked("basics-towel-squeeze"), kNow).value(),
            AssignOutcome::kDone);
  // Ann's ids with Cat's session: the database acts for the session's therapist, Cat.
  const Therapist mixed{ann_.id, ann_.clinic_id, cat_.session};
  for (const Therapist& other : {bob_, cat_, mixed}) {
    SCOPED_TRACE(other.id);
    EXPECT_TRUE(read_assigned(app_, other, dee_.patient_id).value().empty());
    EXPECT_EQ(assign(app_, other, dee_.patient_id, checked("basics-towel-other"), kNow).value(),
              AssignOutcome::kUnknown);
    EXPECT_EQ(remove_assigned(app_, other, dee_.patient_id, "basics-towel-squeeze").value(),
              AssignOutcome::kUnknown);
  }
  for (const std::int64_t id : {std::int64_t{0}, std::int64_t{-1}, fay_.patient_id + 1000}) {
    EXPECT_EQ(assign(app_, ann_, id, checked("basics-towel-other"), kNow).value(),
              AssignOutcome::kUnknown);
  }
  EXPECT_EQ(rows(), 1);
  EXPECT_EQ(rows("exercise_id = 'basics-towel-squeeze'"), 1);
}

TEST_F(ClinicAssignmentsTest, TheApplicationRoleHasNoDirectWayToTheTable) {
  EXPECT_EQ(refusal("SELECT * FROM clinic.assigned_exercises"), "42501");
  EXPECT_EQ(refusal("DELETE FROM clinic.assigned_exercises"), "42501");
  EXPECT_EQ(refusal("ALTER TABLE clinic.assigned_exercises NO FORCE ROW LEVEL SECURITY"), "42501");
  // Without a therapist for the request, the functions refuse.
  EXPECT_EQ(refusal("SELECT * FROM clinic.read_assigned_exercises(1)"), "42501");
  EXPECT_EQ(refusal("SELECT clinic.remove_assigned_exercise(1, 'x')"), "42501");
}

TEST_F(ClinicAssignmentsTest, ThePatientsTokenReadsOnlyItsOwnListAndNothingOnceStopped) {
  ASSERT_EQ(assign(app_, ann_, dee_.patient_id, checked("basics-towel-squeeze"), kNow).value(),
            AssignOutcome::kDone);
  ASSERT_EQ(assign(app_, bob_, eve_.patient_id, checked("basics-towel-eve"), kNow).value(),
            AssignOutcome::kDone);

  const auto mine = assigned_to_patient(app_, dee_.token, "").value();
  ASSERT_EQ(mine.outcome, PatientListOutcome::kList);
  const auto list = nlohmann::json::parse(mine.exercises);
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["id"], "basics-towel-squeeze");
  EXPECT_EQ(list[0]["exercise"]["style"], "basics");
  EXPECT_EQ(mine.version.size(), 64U);
  EXPECT_EQ(nlohmann::json::parse(assigned_to_patient(app_, fay_.token, "").value().exercises),
            nlohmann::json::array());

  // The version it has: unchanged, nothing read; a change makes a new version.
  EXPECT_EQ(assigned_to_patient(app_, dee_.token, mine.version).value().outcome,
            PatientListOutcome::kUnchanged);
  ASSERT_EQ(remove_assigned(app_, ann_, dee_.patient_id, "basics-towel-squeeze").value(),
            AssignOutcome::kDone);
  const auto after = assigned_to_patient(app_, dee_.token, mine.version).value();
  EXPECT_EQ(after.outcome, PatientListOutcome::kList);
  EXPECT_NE(after.version, mine.version);

  EXPECT_EQ(assigned_to_patient(app_, std::string(64, 'a'), "").value().outcome,
            PatientListOutcome::kUnknownToken);
  ASSERT_TRUE(stop_sharing(app_, dee_.token, kNow).has_value());
  EXPECT_EQ(assigned_to_patient(app_, dee_.token, "").value().outcome,
            PatientListOutcome::kStopped);
  EXPECT_EQ(assign(app_, ann_, dee_.patient_id, checked("basics-towel-late"), kNow).value(),
            AssignOutcome::kStopped);
}

}  // namespace
}  // namespace limber::clinic
