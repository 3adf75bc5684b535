// A patient's page: the observations read through the audited functions, turned back into
// the report's records, and the page's series.
#include "clinic/patient_page.h"

#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "clinic/fhir_upload.h"
#include "clinic/patient_reads.h"
#include "clinic/pg_cluster.h"
#include "clinic/seed.h"
#include "core/fhir.h"

namespace limber::clinic {
namespace {

using std::chrono::days;
using std::chrono::local_days;
using testing::kAppRole;
using testing::kSuperuser;
using testing::Seed;
using testing::TestDatabase;

// 2026-11-20 00:00 UTC.
constexpr std::int64_t kDay = std::int64_t{24} * 3600;
constexpr std::int64_t kMidnight = 1795132800;
const local_days kToday{std::chrono::year{2026} / 11 / 20};

class ClinicPatientPageTest : public ::testing::Test {
 protected:
  ClinicPatientPageTest() {
    database_.migrate();
    const auto north = seed_.clinic("North clinic");
    ann_ = seed_.therapist(north, "ann@north.example");
    bob_ = seed_.therapist(north, "bob@north.example");
    patient_ = seed_.patient(ann_, "Dana");
  }

  void add(const std::string& identifier, const std::string& code, std::int64_t at,
           const std::string& resource) {
    ASSERT_TRUE(
        admin_
            .execute("INSERT INTO clinic.observations (patient_id, identifier, code, "
                     "effective_at, resource) VALUES ($1::bigint, $2, $3, "
                     "to_timestamp($4::bigint), $5::jsonb)",
                     {std::to_string(patient_), identifier, code, std::to_string(at), resource})
            .has_value());
  }

  nlohmann::json page(std::string_view from, std::string_view to) {
    const auto header = read_patient(app_, ann_, patient_).value();
    EXPECT_TRUE(header.has_value());
    const auto range = page_days(from, to, kToday).value();
    const auto [since, until] = observation_window(range);
    const auto observations = read_observations(app_, ann_, patient_, since, until).value();
    return patient_page_json(*header, patient_report(*header, records_of(observations), range));
  }

  TestDatabase database_;
  pg::Connection admin_ = database_.connect(kSuperuser);
  pg::Connection app_ = database_.connect(kAppRole);
  Seed seed_{admin_};
  Therapist ann_, bob_;
  std::int64_t patient_ = 0;
};

TEST_F(ClinicPatientPageTest, ShowsTheReportsSeriesFromTheObservations) {
  // 23:30 UTC on the 18th is 00:30 on the 19th where the patient was (+01:00).
  add("pain-1", "pain", kMidnight - kDay - 1800,
      R"({"resourceType":"Observation","effectiveDateTime":"2026-11-19T00:30:00+01:00",)"
      R"("valueInteger":6,"bodySite":{"coding":[{"system":"http://snomed.info/sct",)"
      R"("code":"37822005"}]}})");
  add("pain-2", "pain", kMidnight - kDay + 3600,
      R"({"resourceType":"Observation","valueInteger":4})");
  add("walk-1", "walk", kMidnight - 2 * kDay,
      R"({"resourceType":"Observation","valueInteger":25})");
  add("check-1", "check", kMidnight - 2 * kDay + 600,
      R"({"resourceType":"Observation","valueString":"urgent"})");
  add("psfs-1", "psfs", kMidnight - 10 * kDay,
      R"({"resourceType":"Observation","code":{"text":"Lifting the shopping"},"valueInteger":3})");
  add("psfs-2", "psfs", kMidnight - kDay,
      R"({"resourceType":"Observation","code":{"text":"Lifting the shopping"},"valueInteger":6})");
  // Not what its code needs: left out, the rest still shown.
  add("pain-bad", "pain", kMidnight - kDay, R"({"resourceType":"Observation","valueString":"x"})");
  add("check-bad", "check", kMidnight - kDay,
      R"({"resourceType":"Observation","valueString":"?"})");

  const auto shown = page("2026-11-07", "2026-11-20");

  EXPECT_EQ(shown["name"], "Dana");
  EXPECT_EQ(shown["from"], "2026-11-07");
  EXPECT_EQ(shown["to"], "2026-11-20");
  ASSERT_EQ(shown["days"].size(), 14U);
  // Both ratings on the 19th, the patient's own day: mean 5, highest 6.
  EXPECT_EQ(shown["days"][12]["date"], "2026-11-19");
  EXPECT_EQ(shown["days"][12]["pain_mean"], 5.0);
  EXPECT_EQ(shown["days"][12]["pain_max"], 6);
  EXPECT_EQ(shown["days"][11]["walk_minutes"], 25);
  ASSERT_EQ(shown["regions"].size(), 1U);
  EXPECT_EQ(shown["regions"][0]["region"], "lower-back");
  ASSERT_EQ(shown["checks"].size(), 1U);
  EXPECT_EQ(shown["checks"][0]["level"], "urgent");
  EXPECT_EQ(shown["checks"][0]["date"], "2026-11-18");
  ASSERT_EQ(shown["function"].size(), 1U);
  EXPECT_EQ(shown["function"][0]["activity"], "Lifting the shopping");
  EXPECT_EQ(shown["function"][0]["change"], 3);
  EXPECT_EQ(shown["weeks"][1]["walks"], 1);
}

TEST_F(ClinicPatientPageTest, FindsNoneOfAnotherTherapistsPatientsAndAuditsTheAttempt) {
  const auto bobs = seed_.patient(bob_, "Bob's patient");

  const auto found = read_patient(app_, ann_, bobs);

  ASSERT_TRUE(found.has_value()) << found.error().message;
  EXPECT_FALSE(found->has_value());
  const auto audit = admin_
                         .query(
                             "SELECT therapist_id, patient_id, action, rows_read "
                             "FROM clinic.audit")
                         .value();
  ASSERT_EQ(audit.size(), 1);
  EXPECT_EQ(audit.integer(0, 0), ann_.id);
  EXPECT_EQ(audit.integer(0, 1), bobs);
  EXPECT_EQ(audit.text(0, 2), "read patient");
  EXPECT_EQ(audit.integer(0, 3), 0);
}

TEST(ClinicPatientPageDays, AreSixWeeksByDefaultAndCheckedAsTheReportChecksThem) {
  const auto fallback = page_days("", "", kToday).value();
  EXPECT_EQ(fallback.to, kToday);
  EXPECT_EQ(fallback.from, kToday - days(41));
  const auto ending = page_days("", "2026-10-31", kToday).value();
  EXPECT_EQ(ending.from, local_days{std::chrono::year{2026} / 9 / 20});

  const auto backwards = page_days("2026-11-20", "2026-11-01", kToday);
  ASSERT_FALSE(backwards.has_value());
  EXPECT_EQ(backwards.error().code, core::ErrorCode::kInvalidInput);
  const auto garbled = page_days("next year", "", kToday);
  ASSERT_FALSE(garbled.has_value());
  EXPECT_NE(garbled.error().message.find("next year"), std::string::npos)
      << garbled.error().message;
}

// What a real limber shares (core::fhir_records), read as the clinic reads an upload and
// turned back into limber's records: sessions with their pain, reliefs with their names, a
// day's sitting as its count, total and longest, the mobility and notes of a pain rating.
// The rows the clinic keeps for an upload's resources.
std::vector<ObservationRow> rows_of(const std::vector<UploadedResource>& upload) {
  std::vector<ObservationRow> rows;
  rows.reserve(upload.size());
  for (const auto& resource : upload)
    rows.push_back({resource.identifier, resource.code, resource.effective_at, resource.resource});
  return rows;
}

TEST(ClinicPatientRecords, ReadBackEveryKindLimberShares) {
  const core::Instant at{std::chrono::sys_days{std::chrono::year{2026} / 11 / 19} +
                         std::chrono::hours{9}};
  std::vector<core::Entry> entries(3);
  entries[0].id = 1;
  entries[0].at = at;
  entries[0].detail =
      core::PainRecord{*core::PainScore::from_int(4), {}, core::Mobility::kWalk, std::nullopt};
  entries[0].note = "after the stairs";
  entries[0].tags = {"lifting"};
  entries[1].id = 2;
  entries[1].at = at;
  entries[1].detail = core::SessionRecord{{"yoga-cat-cow", "pilates-bridge"},
                                          *core::PainScore::from_int(5),
                                          *core::PainScore::from_int(3),
                                          12};
  entries[2].id = 3;
  entries[2].at = at;
  entries[2].detail = core::ReliefRecord{core::ReliefKind::kHeat, "hot water bottle"};
  const std::vector<core::SittingDayExport> sitting = {
      {std::chrono::local_days{std::chrono::year{2026} / 11 / 19}, at, std::chrono::seconds{0}, 3,
       std::chrono::minutes{100}, std::chrono::minutes{50}, 2, 1}};
  core::FhirInput input{entries, {}, std::nullopt, at};
  input.every_kind = true;
  input.sitting = sitting;
  const auto upload =
      read_upload(core::fhir_upload_bundle(core::fhir_records(input), "batch", at)).value();

  const auto records = records_of(rows_of(upload));

  ASSERT_EQ(records.entries.size(), 3U);
  const auto& pain = std::get<core::PainRecord>(records.entries[0].detail);
  EXPECT_EQ(pain.mobility, core::Mobility::kWalk);
  EXPECT_EQ(records.entries[0].note, "after the stairs");
  EXPECT_EQ(records.entries[0].tags, std::vector<std::string>{"lifting"});
  const auto& session = std::get<core::SessionRecord>(records.entries[1].detail);
  EXPECT_EQ(session.pain_before.value(), 5);
  EXPECT_EQ(session.pain_after.value(), 3);
  EXPECT_EQ(session.minutes, 12);
  EXPECT_EQ(session.exercises, (std::vector<std::string>{"yoga-cat-cow", "pilates-bridge"}));
  const auto& relief = std::get<core::ReliefRecord>(records.entries[2].detail);
  EXPECT_EQ(relief.kind, core::ReliefKind::kHeat);
  EXPECT_EQ(relief.name, "hot water bottle");
  ASSERT_EQ(records.sitting.size(), 3U);
  std::chrono::seconds total{0};
  std::chrono::seconds longest{0};
  for (const auto& stretch : records.sitting) {
    total += stretch.length;
    longest = std::max(longest, stretch.length);
  }
  EXPECT_EQ(total, std::chrono::minutes{100});
  EXPECT_EQ(longest, std::chrono::minutes{50});
}

// The rest of the report's sections, from what a patient's limber shares with notes: the
// sessions with pain before and after, getting up and about, reliefs and the notes.
TEST(ClinicPatientPageJson, HasTheSessionsMobilityReliefsAndNotesOfTheReport) {
  const auto day = [](int d, int hour) {
    return core::Instant{std::chrono::sys_days{std::chrono::year{2026} / 11 / d} +
                         std::chrono::hours{hour}};
  };
  std::vector<core::Entry> entries(5);
  for (std::size_t i = 0; i < entries.size(); ++i)
    entries[i].id = static_cast<std::int64_t>(i + 1);
  entries[0].at = day(16, 8);
  entries[0].detail =
      core::PainRecord{*core::PainScore::from_int(7), {}, core::Mobility::kLie, std::nullopt};
  entries[0].note = "stuck on the floor";
  entries[1].at = day(18, 8);
  entries[1].detail =
      core::PainRecord{*core::PainScore::from_int(5), {}, core::Mobility::kWalk, std::nullopt};
  entries[2].at = day(19, 8);
  entries[2].detail =
      core::PainRecord{*core::PainScore::from_int(6), {}, core::Mobility::kStand, std::nullopt};
  entries[3].at = day(18, 17);
  entries[3].detail = core::SessionRecord{
      {"yoga-cat-cow"}, *core::PainScore::from_int(5), *core::PainScore::from_int(3), 12};
  entries[4].at = day(17, 20);
  entries[4].detail = core::ReliefRecord{core::ReliefKind::kHeat, "hot water bottle"};
  core::FhirInput input{entries, {}, std::nullopt, day(20, 9)};
  input.every_kind = true;
  input.notes = true;
  const auto upload =
      read_upload(core::fhir_upload_bundle(core::fhir_records(input), "batch", day(20, 9))).value();
  const PatientHeader header{7, "Dana", 0, true};
  const PageDays range{local_days{std::chrono::year{2026} / 11 / 14},
                       local_days{std::chrono::year{2026} / 11 / 20}};

  const auto shown =
      patient_page_json(header, patient_report(header, records_of(rows_of(upload)), range));

  EXPECT_EQ(shown["mobility"]["start"], "could not yet stand up straight");
  EXPECT_EQ(shown["mobility"]["end"], "could stand up straight");
  const auto& steps = shown["mobility"]["steps"];
  ASSERT_FALSE(steps.empty()) << shown["mobility"].dump();
  EXPECT_EQ(steps.back()["change"], "back");
  EXPECT_EQ(steps.back()["date"], "2026-11-19");
  EXPECT_EQ(steps.back()["from"], "could walk for several minutes");
  ASSERT_EQ(shown["sessions"]["total"], 1);
  const auto& session = shown["sessions"]["lines"][0];
  EXPECT_EQ(session["date"], "2026-11-18");
  EXPECT_EQ(session["time"], "17:00");
  EXPECT_EQ(session["pain_before"], 5);
  EXPECT_EQ(session["pain_after"], 3);
  EXPECT_EQ(session["minutes"], 12);
  ASSERT_EQ(shown["reliefs"]["lines"].size(), 1U);
  EXPECT_EQ(shown["reliefs"]["lines"][0]["words"], "Heat");
  EXPECT_EQ(shown["reliefs"]["lines"][0]["name"], "hot water bottle");
  ASSERT_EQ(shown["notes"]["total"], 1);
  EXPECT_EQ(shown["notes"]["lines"][0]["text"], "stuck on the floor");
  EXPECT_EQ(shown["notes"]["lines"][0]["date"], "2026-11-16");
}

}  // namespace
}  // namespace limber::clinic
