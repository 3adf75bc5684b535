// The caseload: the therapist's patients by need, read through the audited function.
#include <gtest/gtest.h>

#include "clinic/patient_reads.h"
#include "clinic/pg_cluster.h"
#include "clinic/seed.h"
#include "core/sha256.h"

namespace limber::clinic {
namespace {

using testing::kAppRole;
using testing::kSuperuser;
using testing::Seed;
using testing::TestDatabase;

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kNow = 1795000000;

class ClinicCaseloadTest : public ::testing::Test {
 protected:
  ClinicCaseloadTest() {
    database_.migrate();
    const auto north = seed_.clinic("North clinic");
    ann_ = seed_.therapist(north, "ann@north.example");
    bob_ = seed_.therapist(north, "bob@north.example");
  }

  // A patient of Ann's with a pain rating every day of the last week, steady at 4.
  std::int64_t steady_patient(const std::string& name) {
    const auto patient = seed_.patient(ann_, name);
    for (int day = 0; day < 7; ++day) {
      seed_.observation(patient, name + "-pain-" + std::to_string(day), kNow - day * kDay - kHour,
                        4);
    }
    return patient;
  }

  void add(std::int64_t patient, const std::string& identifier, const std::string& code,
           std::int64_t at, const std::string& value) {
    ASSERT_TRUE(admin_
                    .execute("INSERT INTO clinic.observations (patient_id, identifier, code, "
                             "effective_at, resource) VALUES ($1::bigint, $2, $3, "
                             "to_timestamp($4::bigint), jsonb_build_object('resourceType', "
                             "'Observation', 'valueString', $5::text))",
                             {std::to_string(patient), identifier, code, std::to_string(at), value})
                    .has_value());
  }

  // A rating on the Patient-Specific Functional Scale: the activity in code.text.
  void psfs(std::int64_t patient, const std::string& identifier, const std::string& activity,
            std::int64_t at, int score) {
    ASSERT_TRUE(admin_
                    .execute("INSERT INTO clinic.observations (patient_id, identifier, code, "
                             "effective_at, resource) VALUES ($1::bigint, $2, 'psfs', "
                             "to_timestamp($3::bigint), jsonb_build_object('resourceType', "
                             "'Observation', 'code', jsonb_build_object('text', $4::text), "
                             "'valueInteger', $5::integer))",
                             {std::to_string(patient), identifier, std::to_string(at), activity,
                              std::to_string(score)})
                    .has_value());
  }

  std::vector<std::string> order() {
    std::vector<std::string> names;
    const auto caseload = read_caseload(app_, ann_, kNow);
    if (!caseload)
      return {caseload.error().message};
    for (const auto& row : *caseload)
      names.push_back(row.display_name + ": " + row.need);
    return names;
  }

  TestDatabase database_;
  pg::Connection admin_ = database_.connect(kSuperuser);
  pg::Connection app_ = database_.connect(kAppRole);
  Seed seed_{admin_};
  Therapist ann_, bob_;
};

TEST_F(ClinicCaseloadTest, ListsPatientsByNeed) {
  const auto steady = steady_patient("Steady");
  (void)steady;
  const auto silent = seed_.patient(ann_, "Silent");
  seed_.observation(silent, "old", kNow - 4 * kDay, 3);
  const auto flaring = steady_patient("Flaring");
  add(flaring, "flare-1", "flare", kNow - 2 * kDay, "flare");
  const auto rising = steady_patient("Rising");
  seed_.observation(rising, "high-1", kNow - 2 * kHour, 8);
  seed_.observation(rising, "high-2", kNow - 3 * kHour, 8);
  const auto urgent = steady_patient("Urgent");
  add(urgent, "check-1", "check", kNow - kDay, "urgent");
  const auto emergency = steady_patient("Emergency");
  add(emergency, "check-1", "check", kNow - kDay, "emergency");
  // A check that was urgent and then self-care no longer counts: the last one does.
  const auto recovered = steady_patient("Recovered");
  add(recovered, "check-1", "check", kNow - 2 * kDay, "urgent");
  add(recovered, "check-2", "check", kNow - kDay, "self-care");
  // Bob's patient, with an emergency, is not Ann's to see.
  const auto bobs = seed_.patient(bob_, "Bob's patient");
  add(bobs, "check-1", "check", kNow - kDay, "emergency");

  EXPECT_EQ(order(),
            (std::vector<std::string>{"Emergency: emergency-check", "Urgent: urgent-check",
                                      "Rising: pain-rising", "Flaring: flare", "Silent: no-entry",
                                      "Steady: steady", "Recovered: steady"}));
}

TEST_F(ClinicCaseloadTest, ALoggedRedFlagMovesAPatientToTheTop) {
  steady_patient("First");
  const auto second = steady_patient("Second");
  ASSERT_EQ(order().front(), "First: steady");

  add(second, "check-1", "check", kNow - kHour, "emergency");

  EXPECT_EQ(order().front(), "Second: emergency-check");
}

TEST_F(ClinicCaseloadTest, ShowsTheFiguresBehindEachRowAndIsAudited) {
  const auto rising = steady_patient("Rising");
  seed_.observation(rising, "high-1", kNow - 2 * kHour, 9);

  const auto caseload = read_caseload(app_, ann_, kNow);

  ASSERT_TRUE(caseload.has_value()) << caseload.error().message;
  ASSERT_EQ(caseload->size(), 1U);
  const auto& row = caseload->front();
  EXPECT_EQ(row.pain_recent, "5.3");  // 4, 4, 4 and 9 in the last three days
  EXPECT_EQ(row.pain_before, "4.0");
  EXPECT_EQ(row.last_entry_at, kNow - kHour);
  EXPECT_TRUE(row.last_check.empty());
  const auto audit =
      admin_.query("SELECT therapist_id, action, rows_read FROM clinic.audit").value();
  ASSERT_EQ(audit.size(), 1);
  EXPECT_EQ(audit.integer(0, 0), ann_.id);
  EXPECT_EQ(audit.text(0, 1), "read caseload");
  EXPECT_EQ(audit.integer(0, 2), 1);
}

TEST_F(ClinicCaseloadTest, ShowsThePainTrendActiveDaysFunctionAndTheLastCheck) {
  const auto patient = seed_.patient(ann_, "Figures");
  // Pain 4 on each of days 7-13 before now, 6 on days 0-6 but day 2, where none is rated.
  for (int day = 0; day < 14; ++day) {
    if (day != 2)
      seed_.observation(patient, "pain-" + std::to_string(day), kNow - day * kDay - kHour,
                        day < 7 ? 6 : 4);
  }
  // A walk on day 20 counts as an active day; one 31 days ago does not.
  add(patient, "walk-20", "walk", kNow - 20 * kDay - kHour, "20 minutes");
  add(patient, "walk-31", "walk", kNow - 31 * kDay, "20 minutes");
  add(patient, "check-1", "check", kNow - 5 * kDay, "see-clinician");
  // Lifting went from 2 to 5 and walking from 3 to 4; carrying, rated once, has no change.
  psfs(patient, "psfs-1", "lifting", kNow - 13 * kDay, 2);
  psfs(patient, "psfs-2", "lifting", kNow - 1 * kDay, 5);
  psfs(patient, "psfs-3", "walking", kNow - 13 * kDay, 3);
  psfs(patient, "psfs-4", "walking", kNow - 1 * kDay, 4);
  psfs(patient, "psfs-5", "carrying", kNow - 1 * kDay, 1);

  const auto caseload = read_caseload(app_, ann_, kNow);

  ASSERT_TRUE(caseload.has_value()) << caseload.error().message;
  ASSERT_EQ(caseload->size(), 1U);
  const auto& row = caseload->front();
  EXPECT_EQ(row.pain_days,
            "[4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 6.0, 6.0, 6.0, 6.0, null, 6.0, 6.0]");
  EXPECT_EQ(row.pain_change, "2.0");
  // Days 0-13 but day 2 (13 days), the walk's day 20 and the PSFS ratings' days (1, 13).
  EXPECT_EQ(row.active_days, 14);
  EXPECT_EQ(row.psfs_change, "2.0");
  EXPECT_EQ(row.last_check, "see-clinician");
  EXPECT_EQ(row.last_check_at, kNow - 5 * kDay);
}

TEST_F(ClinicCaseloadTest, LeavesTheFiguresEmptyWhenNothingWasShared) {
  seed_.patient(ann_, "New");

  const auto caseload = read_caseload(app_, ann_, kNow);

  ASSERT_TRUE(caseload.has_value()) << caseload.error().message;
  ASSERT_EQ(caseload->size(), 1U);
  const auto& row = caseload->front();
  EXPECT_EQ(row.pain_days,
            "[null, null, null, null, null, null, null, null, null, null, null, "
            "null, null, null]");
  EXPECT_EQ(row.pain_change, "");
  EXPECT_EQ(row.active_days, 0);
  EXPECT_EQ(row.psfs_change, "");
  EXPECT_EQ(row.last_check_at, std::nullopt);
}

TEST_F(ClinicCaseloadTest, CountsAResentObservationOnceAndForgetsADeletedOne) {
  const auto patient = seed_.patient(ann_, "Resent");
  seed_.observation(patient, "pain-1", kNow - kHour, 8);
  add(patient, "walk-1", "walk", kNow - kDay - kHour, "20 minutes");
  // The patient's limber sends the rating again, corrected to 2: it replaces the first.
  ASSERT_TRUE(admin_
                  .execute("INSERT INTO clinic.observations (patient_id, identifier, code, "
                           "effective_at, resource) VALUES ($1::bigint, 'pain-1', 'pain', "
                           "to_timestamp($2::bigint), "
                           "'{\"resourceType\":\"Observation\",\"valueInteger\":2}') "
                           "ON CONFLICT (patient_id, identifier) DO UPDATE SET "
                           "resource = excluded.resource, effective_at = excluded.effective_at",
                           {std::to_string(patient), std::to_string(kNow - kHour)})
                  .has_value());
  ASSERT_TRUE(
      admin_.execute("DELETE FROM clinic.observations WHERE identifier = 'walk-1'").has_value());

  const auto caseload = read_caseload(app_, ann_, kNow);

  ASSERT_TRUE(caseload.has_value()) << caseload.error().message;
  ASSERT_EQ(caseload->size(), 1U);
  EXPECT_TRUE(caseload->front().pain_days.ends_with(", null, 2.0]")) << caseload->front().pain_days;
  EXPECT_EQ(caseload->front().active_days, 1);
  const auto days =
      admin_.query("SELECT observations, pain_count FROM clinic.patient_days ORDER BY day").value();
  ASSERT_EQ(days.size(), 2);
  EXPECT_EQ(days.integer(0, 0), 0);  // the walk's day, now empty
  EXPECT_EQ(days.integer(1, 0), 1);
  EXPECT_EQ(days.integer(1, 1), 1);
}

TEST_F(ClinicCaseloadTest, IsReadForALiveSessionInOneStatementAndRefusedForAnyOther) {
  steady_patient("Ann's");
  const auto bobs = seed_.patient(bob_, "Bob's");
  (void)bobs;
  const std::string token(64, 'a');
  const std::string expired(64, 'b');
  for (const auto& [session, ends] : {std::pair{token, kNow + kHour}, std::pair{expired, kNow}}) {
    ASSERT_TRUE(admin_
                    .execute("INSERT INTO clinic.therapist_sessions (token_sha256, therapist_id, "
                             "created_at, expires_at) VALUES ($1, $2::bigint, "
                             "to_timestamp($3::bigint), to_timestamp($4::bigint))",
                             {core::sha256_hex(session), std::to_string(ann_.id),
                              std::to_string(kNow - kDay), std::to_string(ends)})
                    .has_value());
  }

  const auto live = read_caseload_of_session(app_, token, kNow);
  const auto ended = read_caseload_of_session(app_, expired, kNow);
  const auto unknown = read_caseload_of_session(app_, std::string(64, 'c'), kNow);
  const auto none = read_caseload_of_session(app_, "", kNow);

  ASSERT_TRUE(live.has_value()) << live.error().message;
  ASSERT_TRUE(live->has_value());
  ASSERT_EQ((*live)->size(), 1U);
  EXPECT_EQ((*live)->front().display_name, "Ann's");
  for (const auto* refused : {&ended, &unknown, &none}) {
    ASSERT_TRUE(refused->has_value()) << refused->error().message;
    EXPECT_FALSE(refused->value().has_value());
  }
  // The read is audited as Ann's, and the connection acts for no one after it.
  const auto audit = admin_.query("SELECT therapist_id, action FROM clinic.audit").value();
  ASSERT_EQ(audit.size(), 1);
  EXPECT_EQ(audit.integer(0, 0), ann_.id);
  EXPECT_EQ(audit.text(0, 1), "read caseload");
  EXPECT_EQ(app_.query("SELECT clinic.acting_therapist() IS NULL").value().boolean(0, 0), true);
}

TEST_F(ClinicCaseloadTest, LeavesOutAPatientWhoStoppedSharing) {
  steady_patient("Sharing");
  const auto stopped = steady_patient("Stopped");
  ASSERT_TRUE(admin_
                  .execute("UPDATE clinic.patients SET stopped_at = now() WHERE id = $1::bigint",
                           {std::to_string(stopped)})
                  .has_value());

  EXPECT_EQ(order(), std::vector<std::string>{"Sharing: steady"});
}

}  // namespace
}  // namespace limber::clinic
