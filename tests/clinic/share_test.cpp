// A patient's uploads on a real PostgreSQL: FHIR resources upserted on limber's
// identifier (a resend replaces, never doubles), stop deletes everything, and a token
// acts for its own patient only, whatever the upload says.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "clinic/clinic_world.h"
#include "clinic/invitations.h"
#include "clinic/patient_reads.h"
#include "clinic/patient_uploads.h"

namespace limber::clinic {
namespace {

constexpr std::int64_t kNowSeconds = 1795000000;
constexpr core::Instant kNow{std::chrono::seconds(kNowSeconds)};

// A pain rating with limber's identifier, `hours_ago` before kNow (UTC).
UploadedResource pain(const std::string& value, int rating, int hours_ago = 1) {
  return {"urn:limber:test|" + value, "pain", kNowSeconds - hours_ago * 3600,
          fmt::format(R"({{"resourceType":"Observation","valueInteger":{}}})", rating)};
}

UploadedResource check(const std::string& value, const std::string& level) {
  return {"urn:limber:test|" + value, "check", kNowSeconds - 60,
          fmt::format(R"({{"resourceType":"Observation","valueString":"{}"}})", level)};
}

class ClinicShareTest : public testing::ClinicWorld {
 protected:
  ClinicShareTest() {
    dee_ = joined(ann_, "Dee", kNow);
    eve_ = joined(ann_, "Eve", kNow);
    fay_ = joined(cat_, "Fay", kNow);
  }

  PatientAnswer share(const Joined& patient, const std::vector<UploadedResource>& resources) {
    auto answer = share_resources(app_, patient.token, resources, kNow);
    if (!answer)
      throw std::runtime_error(answer.error().message);
    return *answer;
  }

  std::int64_t rows_of(const Joined& patient) {
    return admin_
        .query("SELECT count(*) FROM clinic.observations WHERE patient_id = $1::bigint",
               {std::to_string(patient.patient_id)})
        .value()
        .integer(0, 0);
  }

  std::vector<std::string> caseload_names() {
    std::vector<std::string> names;
    const auto caseload = read_caseload(app_, ann_, kNowSeconds).value();
    for (const auto& row : caseload)
      names.push_back(row.display_name + ":" + row.need);
    return names;
  }

  Joined dee_, eve_, fay_;
};

TEST_F(ClinicShareTest, AnUploadIsWrittenForTheTokensPatient) {
  const auto answer = share(dee_, {pain("entry-1-pain", 4), pain("entry-2-pain", 5, 2)});

  EXPECT_EQ(answer.outcome, PatientOutcome::kDone);
  EXPECT_EQ(answer.rows, 2);
  EXPECT_EQ(rows_of(dee_), 2);
  EXPECT_EQ(rows_of(eve_), 0);
  const auto observations =
      read_observations(app_, ann_, dee_.patient_id, kNowSeconds - 86400, kNowSeconds + 1).value();
  ASSERT_EQ(observations.size(), 2U);
  EXPECT_EQ(observations[0].identifier, "urn:limber:test|entry-2-pain");
  EXPECT_EQ(observations[0].code, "pain");
}

TEST_F(ClinicShareTest, AResendReplacesInsteadOfDoubling) {
  ASSERT_EQ(share(dee_, {pain("entry-1-pain", 4), pain("entry-2-pain", 5)}).rows, 2);

  const auto again = share(dee_, {pain("entry-1-pain", 7), pain("entry-2-pain", 5)});

  EXPECT_EQ(again.outcome, PatientOutcome::kDone);
  EXPECT_EQ(rows_of(dee_), 2);
  EXPECT_EQ(admin_
                .query("SELECT resource->>'valueInteger' FROM clinic.observations "
                       "WHERE identifier = 'urn:limber:test|entry-1-pain'")
                .value()
                .text(0, 0),
            "7");
}

TEST_F(ClinicShareTest, TwoPatientsMayUseTheSameIdentifiersWithoutTouchingEachOther) {
  ASSERT_EQ(share(dee_, {pain("entry-1-pain", 4)}).rows, 1);

  ASSERT_EQ(share(fay_, {pain("entry-1-pain", 9)}).rows, 1);

  EXPECT_EQ(admin_
                .query("SELECT resource->>'valueInteger' FROM clinic.observations "
                       "WHERE patient_id = $1::bigint",
                       {std::to_string(dee_.patient_id)})
                .value()
                .text(0, 0),
            "4");
  EXPECT_EQ(rows_of(fay_), 1);
}

TEST_F(ClinicShareTest, AnUnknownTokenWritesNothing) {
  Joined stranger = dee_;
  stranger.token = std::string(64, 'a');

  EXPECT_EQ(share(stranger, {pain("entry-1-pain", 4)}).outcome, PatientOutcome::kUnknownToken);
  EXPECT_EQ(admin_.query("SELECT count(*) FROM clinic.observations").value().integer(0, 0), 0);
}

TEST_F(ClinicShareTest, AFailingUploadLeavesNothingHalfWritten) {
  ASSERT_EQ(share(dee_, {pain("entry-1-pain", 4)}).rows, 1);
  // The second resource breaks the table's CHECK (an empty code): all or nothing.
  auto broken = pain("entry-3-pain", 6);
  broken.code = "";

  const std::vector<UploadedResource> upload = {pain("entry-2-pain", 5), broken};

  const auto answer = share_resources(app_, dee_.token, upload, kNow);

  EXPECT_FALSE(answer.has_value());
  EXPECT_EQ(rows_of(dee_), 1);
}

TEST_F(ClinicShareTest, StoppingDeletesEverythingAndTakesThePatientOffTheCaseload) {
  ASSERT_EQ(share(dee_, {pain("entry-1-pain", 4), pain("entry-2-pain", 5)}).rows, 2);
  ASSERT_EQ(share(eve_, {pain("entry-1-pain", 4)}).rows, 1);
  ASSERT_EQ(caseload_names().size(), 2U);

  const auto stopped = stop_sharing(app_, dee_.token, kNow).value();

  EXPECT_EQ(stopped.outcome, PatientOutcome::kDone);
  EXPECT_EQ(stopped.rows, 2);
  EXPECT_EQ(rows_of(dee_), 0);
  EXPECT_EQ(rows_of(eve_), 1);
  EXPECT_EQ(caseload_names(), std::vector<std::string>{"Eve:steady"});
  // Afterwards: an upload is refused, and a second stop (a retry) is answered again.
  EXPECT_EQ(share(dee_, {pain("entry-3-pain", 4)}).outcome, PatientOutcome::kStopped);
  EXPECT_EQ(rows_of(dee_), 0);
  const auto again = stop_sharing(app_, dee_.token, kNow).value();
  EXPECT_EQ(again.outcome, PatientOutcome::kDone);
  EXPECT_EQ(again.rows, 0);
}

// What limber sends: identifiers of the system urn:limber:diary, the record key in front.
UploadedResource diary(const std::string& value, int rating) {
  auto resource = pain(value, rating);
  resource.identifier = "urn:limber:diary|" + value;
  return resource;
}

TEST_F(ClinicShareTest, DeletingRecordsTakesTheirResourcesOfTheTokensPatientOnly) {
  ASSERT_EQ(share(dee_, {diary("entry-1-pain", 4), diary("entry-1-region-neck", 3),
                         diary("entry-12-pain", 5), diary("check-1", 2)})
                .rows,
            4);
  ASSERT_EQ(share(eve_, {diary("entry-1-pain", 4)}).rows, 1);
  const std::vector<std::string> keys = {"entry-1", "check-9"};

  const auto deleted = delete_records(app_, dee_.token, keys, kNow).value();

  EXPECT_EQ(deleted.outcome, PatientOutcome::kDone);
  EXPECT_EQ(deleted.rows, 2);  // entry-1's rating and its region; not entry-12's
  EXPECT_EQ(rows_of(dee_), 2);
  EXPECT_EQ(rows_of(eve_), 1);
  // Again (a retry after a lost answer): nothing more, and fine.
  EXPECT_EQ(delete_records(app_, dee_.token, keys, kNow).value().rows, 0);
  EXPECT_EQ(delete_records(app_, std::string(64, 'f'), keys, kNow).value().outcome,
            PatientOutcome::kUnknownToken);
  const auto audited = admin_
                           .query(
                               "SELECT rows_read FROM clinic.audit WHERE patient_id = "
                               "$1::bigint AND action = 'patient deleted records' ORDER BY id",
                               {std::to_string(dee_.patient_id)})
                           .value();
  ASSERT_EQ(audited.size(), 2);
  EXPECT_EQ(audited.integer(0, 0), 2);
  ASSERT_TRUE(stop_sharing(app_, dee_.token, kNow).has_value());
  EXPECT_EQ(delete_records(app_, dee_.token, keys, kNow).value().outcome, PatientOutcome::kStopped);
}

TEST_F(ClinicShareTest, ARedFlagCheckSharedPutsThePatientFirst) {
  ASSERT_EQ(share(dee_, {pain("entry-1-pain", 4)}).rows, 1);
  ASSERT_EQ(share(eve_, {pain("entry-1-pain", 4, 2)}).rows, 1);
  ASSERT_EQ(caseload_names(), (std::vector<std::string>{"Eve:steady", "Dee:steady"}));

  ASSERT_EQ(share(dee_, {check("check-1", "emergency")}).rows, 1);

  EXPECT_EQ(caseload_names(), (std::vector<std::string>{"Dee:emergency-check", "Eve:steady"}));
}

TEST_F(ClinicShareTest, UploadsAndStopsAreAudited) {
  ASSERT_EQ(share(dee_, {pain("entry-1-pain", 4), pain("entry-2-pain", 5)}).rows, 2);
  ASSERT_TRUE(stop_sharing(app_, dee_.token, kNow).has_value());

  const auto rows = admin_
                        .query(
                            "SELECT therapist_id, patient_id, action, rows_read "
                            "FROM clinic.audit WHERE patient_id = $1::bigint ORDER BY id",
                            {std::to_string(dee_.patient_id)})
                        .value();
  ASSERT_EQ(rows.size(), 3);
  EXPECT_EQ(rows.text(0, 2), "patient joined");
  EXPECT_EQ(rows.integer(1, 0), ann_.id);
  EXPECT_EQ(rows.text(1, 2), "patient shared");
  EXPECT_EQ(rows.integer(1, 3), 2);
  EXPECT_EQ(rows.text(2, 2), "patient stopped sharing");
  EXPECT_EQ(rows.integer(2, 3), 2);
}

TEST_F(ClinicShareTest, TheApplicationRoleCannotWriteObservationsOrActAsAPatientBySetting) {
  for (const auto* sql :
       {"INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource) "
        "VALUES (1, 'x', 'pain', now(), '{\"resourceType\":\"Observation\"}')",
        "DELETE FROM clinic.observations", "UPDATE clinic.patients SET stopped_at = now()"}) {
    SCOPED_TRACE(sql);
    const auto done = app_.execute(sql);
    ASSERT_FALSE(done.has_value());
    EXPECT_EQ(pg::sqlstate_of(done.error()), "42501");
  }
  // A made-up token in the setting opens nothing: the policy needs the token whose hash
  // the patient holds, and a therapist's reads still see only their own patients.
  ASSERT_TRUE(share(fay_, {pain("entry-1-pain", 9)}).rows == 1);
  ASSERT_TRUE(
      app_.execute("SELECT set_config('limber.patient_token', $1, false)", {std::string(64, 'b')})
          .has_value());
  EXPECT_TRUE(read_observations(app_, ann_, fay_.patient_id, 0, kNowSeconds + 1).value().empty());
}

}  // namespace
}  // namespace limber::clinic
