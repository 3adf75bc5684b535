// Isolation is the database's job: a therapist reads none of another therapist's or
// another clinic's patients whatever id is sent, the application role cannot switch the
// security off, and every read of a patient's data leaves an audit row.
#include <gtest/gtest.h>

#include "clinic/clinic_world.h"
#include "clinic/migrations.h"
#include "clinic/patient_reads.h"

namespace limber::clinic {
namespace {

using testing::Seed;

constexpr std::int64_t kMonday = 1795000000;  // 2026-11-19, a moment in the diaries
constexpr std::int64_t kBefore = kMonday - 86400;
constexpr std::int64_t kAfter = kMonday + 86400;

class ClinicIsolationTest : public testing::ClinicWorld {
 protected:
  ClinicIsolationTest() {
    Seed seed(admin_);
    anns_patient_ = seed.patient(ann_, "Ann's patient");
    bobs_patient_ = seed.patient(bob_, "Bob's patient");
    cats_patient_ = seed.patient(cat_, "Cat's patient");
    for (const auto patient : {anns_patient_, bobs_patient_, cats_patient_}) {
      seed.observation(patient, "pain-1", kMonday, 6);
      seed.observation(patient, "pain-2", kMonday + 3600, 4);
    }
  }

  std::int64_t audit_rows(std::string_view where = "true") {
    return admin_.query("SELECT count(*) FROM clinic.audit WHERE " + std::string(where))
        .value()
        .integer(0, 0);
  }

  std::int64_t anns_patient_ = 0, bobs_patient_ = 0, cats_patient_ = 0;
};

TEST_F(ClinicIsolationTest, ATherapistListsOnlyTheirOwnPatients) {
  const auto patients = read_patients(app_, ann_);

  ASSERT_TRUE(patients.has_value()) << patients.error().message;
  ASSERT_EQ(patients->size(), 1U);
  EXPECT_EQ(patients->front().id, anns_patient_);
  EXPECT_EQ(patients->front().display_name, "Ann's patient");
}

TEST_F(ClinicIsolationTest, ATherapistReadsTheirOwnPatientsObservations) {
  const auto observations = read_observations(app_, ann_, anns_patient_, kBefore, kAfter);

  ASSERT_TRUE(observations.has_value()) << observations.error().message;
  ASSERT_EQ(observations->size(), 2U);
  EXPECT_EQ(observations->front().identifier, "pain-1");
  EXPECT_EQ(observations->front().effective_at, kMonday);
  EXPECT_NE(observations->front().resource.find("\"valueInteger\": 6"), std::string::npos)
      << observations->front().resource;
}

TEST_F(ClinicIsolationTest, ATherapistReadsNothingOfAnotherTherapistsOrClinicsPatientWhateverId) {
  for (const std::int64_t id :
       {bobs_patient_, cats_patient_, std::int64_t{0}, std::int64_t{-1}, cats_patient_ + 1000}) {
    SCOPED_TRACE(id);
    const auto observations = read_observations(app_, ann_, id, kBefore, kAfter);
    ASSERT_TRUE(observations.has_value()) << observations.error().message;
    EXPECT_TRUE(observations->empty());
  }
}

TEST_F(ClinicIsolationTest, TheSessionDecidesWhomARequestActsForNotTheIdsItNames) {
  // Ann's ids with Bob's session: Bob's patients, none of Ann's or Cat's.
  const Therapist mixed{ann_.id, ann_.clinic_id, bob_.session};

  const auto patients = read_patients(app_, mixed);
  ASSERT_TRUE(patients.has_value()) << patients.error().message;
  ASSERT_EQ(patients->size(), 1U);
  EXPECT_EQ(patients->front().id, bobs_patient_);
  for (const auto patient : {anns_patient_, cats_patient_}) {
    const auto observations = read_observations(app_, mixed, patient, kBefore, kAfter);
    ASSERT_TRUE(observations.has_value()) << observations.error().message;
    EXPECT_TRUE(observations->empty());
  }
  EXPECT_EQ(audit_rows("therapist_id = " + std::to_string(bob_.id)), 3);
  EXPECT_EQ(audit_rows("therapist_id = " + std::to_string(ann_.id)), 0);
}

TEST_F(ClinicIsolationTest, AMadeUpOrEndedSessionActsForNoOne) {
  const Therapist made_up{ann_.id, ann_.clinic_id, std::string(64, 'a')};
  ASSERT_FALSE(read_patients(app_, made_up).has_value());

  ASSERT_TRUE(read_patients(app_, ann_).has_value());
  ASSERT_TRUE(
      admin_
          .execute("DELETE FROM clinic.therapist_sessions WHERE token_sha256 = $1", {ann_.session})
          .has_value());
  const auto ended = read_patients(app_, ann_);
  ASSERT_FALSE(ended.has_value());
  EXPECT_EQ(pg::sqlstate_of(ended.error()), "42501");
}

TEST_F(ClinicIsolationTest, TherapistAndClinicIdsSetByHandActForNoOne) {
  // What the requests set before schema 8: two ids, which any statement of the
  // application's role could set to anyone's.
  const auto rows = pg::in_transaction(app_, [&]() -> core::Result<pg::Rows> {
    LIMBER_TRY(
        app_.execute("SELECT set_config('limber.therapist_id', $1, true), "
                     "set_config('limber.clinic_id', $2, true)",
                     {std::to_string(ann_.id), std::to_string(ann_.clinic_id)}));
    return app_.query("SELECT * FROM clinic.read_patients()");
  });

  ASSERT_FALSE(rows.has_value());
  EXPECT_EQ(pg::sqlstate_of(rows.error()), "42501");
}

TEST_F(ClinicIsolationTest, NothingIsReadWithoutATherapistForTheRequest) {
  const auto rows = app_.query("SELECT * FROM clinic.read_patients()");

  ASSERT_FALSE(rows.has_value());
  EXPECT_EQ(pg::sqlstate_of(rows.error()), "42501");
  EXPECT_NE(rows.error().message.find("no therapist is set"), std::string::npos);
}

TEST_F(ClinicIsolationTest, TheApplicationRoleHasNoDirectReadOfAPatientsTables) {
  for (const auto* table : {"patients", "observations", "invitations", "audit"}) {
    SCOPED_TRACE(table);
    EXPECT_EQ(refusal(std::string("SELECT * FROM clinic.") + table), "42501");
  }
}

TEST_F(ClinicIsolationTest, TheApplicationRoleCannotSwitchTheSecurityOff) {
  EXPECT_EQ(refusal("ALTER TABLE clinic.patients DISABLE ROW LEVEL SECURITY"), "42501");
  EXPECT_EQ(refusal("ALTER TABLE clinic.observations NO FORCE ROW LEVEL SECURITY"), "42501");
  EXPECT_EQ(refusal("DROP POLICY own_patients ON clinic.patients"), "42501");
  EXPECT_EQ(refusal("CREATE POLICY everyone ON clinic.patients USING (true)"), "42501");
  EXPECT_EQ(refusal("SET ROLE limber_clinic_owner"), "42501");
  EXPECT_EQ(refusal("SET SESSION AUTHORIZATION postgres"), "42501");
  EXPECT_EQ(refusal("GRANT limber_clinic_owner TO limber_clinic_app"), "42501");
  EXPECT_EQ(refusal("CREATE FUNCTION clinic.all_patients() RETURNS SETOF clinic.patients "
                    "LANGUAGE sql AS 'SELECT * FROM clinic.patients'"),
            "42501");
}

TEST_F(ClinicIsolationTest, RowSecurityOffMakesAReadFailInsteadOfShowingEveryone) {
  // The setting is allowed, but a query that policies would filter then errors.
  ASSERT_EQ(refusal("SET row_security = off"), "ok");

  const auto patients = read_patients(app_, ann_);

  ASSERT_FALSE(patients.has_value());
  EXPECT_EQ(pg::sqlstate_of(patients.error()), "42501") << patients.error().message;
}

TEST_F(ClinicIsolationTest, TheApplicationRoleCannotRewriteTheAudit) {
  ASSERT_TRUE(read_patients(app_, ann_).has_value());

  EXPECT_EQ(refusal("DELETE FROM clinic.audit"), "42501");
  EXPECT_EQ(refusal("UPDATE clinic.audit SET therapist_id = 0"), "42501");
  EXPECT_EQ(refusal("INSERT INTO clinic.audit (therapist_id, clinic_id, action, rows_read) "
                    "VALUES (1, 1, 'made up', 0)"),
            "42501");
  EXPECT_EQ(audit_rows(), 1);
}

TEST_F(ClinicIsolationTest, EveryReadOfAPatientsDataWritesWhoWhenAndWhatToTheAudit) {
  ASSERT_TRUE(read_observations(app_, ann_, anns_patient_, kBefore, kAfter).has_value());
  ASSERT_TRUE(read_observations(app_, ann_, cats_patient_, kBefore, kAfter).has_value());
  ASSERT_TRUE(read_patients(app_, ann_).has_value());

  const auto rows = admin_
                        .query(
                            "SELECT therapist_id, clinic_id, patient_id, action, rows_read, "
                            "at > now() - interval '1 minute' FROM clinic.audit ORDER BY id")
                        .value();
  ASSERT_EQ(rows.size(), 3);
  EXPECT_EQ(rows.integer(0, 0), ann_.id);
  EXPECT_EQ(rows.integer(0, 1), ann_.clinic_id);
  EXPECT_EQ(rows.integer(0, 2), anns_patient_);
  EXPECT_EQ(rows.text(0, 3), "read observations");
  EXPECT_EQ(rows.integer(0, 4), 2);
  EXPECT_TRUE(rows.boolean(0, 5));
  // Asking for another clinic's patient is written too, with nothing read.
  EXPECT_EQ(rows.integer(1, 2), cats_patient_);
  EXPECT_EQ(rows.integer(1, 4), 0);
  EXPECT_TRUE(rows.is_null(2, 2));
  EXPECT_EQ(rows.text(2, 3), "list patients");
  EXPECT_EQ(rows.integer(2, 4), 1);
}

}  // namespace
}  // namespace limber::clinic
