#include "core/fhir.h"

#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/entries.h"

namespace limber::core {
namespace {

using nlohmann::json;
using std::chrono::hours;

// 2026-11-21 08:00 UTC, recorded at +01:00.
constexpr Instant kAt{std::chrono::sys_days{std::chrono::year{2026} / 11 / 21} + hours{8}};

// Entry `id`, standing, at kAt, with a note.
Entry pain_entry(std::int64_t id, int value, std::vector<RegionRating> regions) {
  Entry entry = testing::pain_entry(kAt, value, std::move(regions), Mobility::kStand);
  return testing::with_id(testing::noted(testing::recorded_at(entry, hours{1}), "after the stairs"),
                          id);
}

json bundle_of(const std::vector<Entry>& entries, const std::vector<CheckExport>& checks = {},
               std::optional<std::string> name = std::nullopt) {
  return json::parse(fhir_bundle({entries, checks, std::move(name), kAt}).json);
}

std::vector<json> resources(const json& bundle, std::string_view type) {
  std::vector<json> out;
  for (const json& entry : bundle["entry"]) {
    if (entry["resource"]["resourceType"] == type)
      out.push_back(entry["resource"]);
  }
  return out;
}

TEST(FhirTest, CodesAPainRatingWithLoincAndItsBodySiteInSnomed) {
  const json bundle = bundle_of({pain_entry(7, 6, {{Region::kLowerBack, std::nullopt}})});
  EXPECT_EQ(bundle["resourceType"], "Bundle");
  EXPECT_EQ(bundle["type"], "collection");
  const auto observations = resources(bundle, "Observation");
  ASSERT_EQ(observations.size(), 1U);
  const json& observation = observations[0];
  EXPECT_EQ(observation["code"]["coding"][0]["system"], "http://loinc.org");
  EXPECT_EQ(observation["code"]["coding"][0]["code"], "72514-3");
  EXPECT_EQ(observation["valueInteger"], 6);
  EXPECT_EQ(observation["status"], "final");
  EXPECT_EQ(observation["effectiveDateTime"], "2026-11-21T09:00:00+01:00");
  EXPECT_EQ(observation["bodySite"]["coding"][0]["system"], "http://snomed.info/sct");
  EXPECT_EQ(observation["bodySite"]["coding"][0]["code"], "37822005");
  EXPECT_EQ(observation["note"][0]["text"], "after the stairs");
  EXPECT_EQ(observation["component"][0]["valueString"],
            fmt::format("stand: {}", describe(Mobility::kStand)));
}

// Issue 15: an entry's tags go in an Annotation of their own after the note; an entry
// without tags has only its note.
TEST(FhirTest, PutsAnEntrysTagsInANoteOfTheirOwn) {
  const Entry plain = pain_entry(7, 6, {{Region::kLowerBack, std::nullopt}});
  const json bundle =
      bundle_of({plain, testing::tagged(testing::with_id(plain, 8), {"lifting", "long-drive"})});
  const auto observations = resources(bundle, "Observation");
  ASSERT_EQ(observations.size(), 2U);
  EXPECT_EQ(observations[0]["note"].size(), 1U);
  ASSERT_EQ(observations[1]["note"].size(), 2U);
  EXPECT_EQ(observations[1]["note"][0]["text"], "after the stairs");
  EXPECT_EQ(observations[1]["note"][1]["text"], "Tags: lifting, long-drive");
}

TEST(FhirTest, GivesEachOfSeveralRegionsItsOwnMemberObservation) {
  const json bundle = bundle_of({pain_entry(
      3, 6, {{Region::kLeftThigh, *PainScore::from_int(4)}, {Region::kRightShoulder, {}}})});
  const auto observations = resources(bundle, "Observation");
  ASSERT_EQ(observations.size(), 3U);
  const json& overall = observations[0];
  EXPECT_FALSE(overall.contains("bodySite"));
  ASSERT_EQ(overall["hasMember"].size(), 2U);
  // Members are in the Bundle under the fullUrls the overall rating points to.
  for (const json& member : overall["hasMember"]) {
    bool found = false;
    for (const json& entry : bundle["entry"])
      found = found || entry["fullUrl"] == member["reference"];
    EXPECT_TRUE(found) << member.dump();
  }
  EXPECT_EQ(observations[1]["bodySite"]["coding"][0]["code"], "61396006");  // left thigh
  EXPECT_EQ(observations[1]["valueInteger"], 4);                            // its own rating
  EXPECT_EQ(observations[2]["bodySite"]["coding"][0]["code"], "91774008");  // right shoulder
  EXPECT_EQ(observations[2]["bodySite"]["text"], "Right shoulder");
  EXPECT_EQ(observations[2]["valueInteger"], 6);  // the overall one
}

TEST(FhirTest, LeavesThePatientAnonymousUnlessNamed) {
  const std::vector<Entry> entries = {pain_entry(1, 2, {{Region::kNeck, std::nullopt}})};
  const auto anonymous = resources(bundle_of(entries), "Patient");
  ASSERT_EQ(anonymous.size(), 1U);
  EXPECT_FALSE(anonymous[0].contains("name"));
  const auto named = resources(bundle_of(entries, {}, "Ada Lovelace"), "Patient");
  EXPECT_EQ(named[0]["name"][0]["text"], "Ada Lovelace");
}

TEST(FhirTest, WritesACheckAsAQuestionnaireResponseWithEveryAnswer) {
  CheckExport check{
      9, kAt, hours{1}, Level::kSeeClinician, {{Flag::kBladder, false}, {Flag::kFever, true}}};
  const json bundle = bundle_of({}, {check});
  const auto responses = resources(bundle, "QuestionnaireResponse");
  ASSERT_EQ(responses.size(), 1U);
  const json& items = responses[0]["item"];
  ASSERT_EQ(items.size(), 3U);
  EXPECT_EQ(items[0]["linkId"], "bladder");
  EXPECT_EQ(items[0]["answer"][0]["valueBoolean"], false);
  EXPECT_EQ(items[1]["linkId"], "fever");
  EXPECT_EQ(items[1]["answer"][0]["valueBoolean"], true);
  EXPECT_EQ(items[2]["answer"][0]["valueString"], "see-clinician");
  EXPECT_EQ(responses[0]["authored"], "2026-11-21T09:00:00+01:00");
}

TEST(FhirTest, SkipsWalksAndReliefAndCountsWhatItWrote) {
  const Entry walk = testing::with_id(testing::walk_entry(kAt, 20), 2);
  const std::vector<Entry> entries = {walk, pain_entry(3, 5, {{Region::kNeck, std::nullopt}})};
  const FhirDocument document = fhir_bundle({entries, {}, std::nullopt, kAt});
  EXPECT_EQ(document.counts.pain_ratings, 1);
  EXPECT_EQ(json::parse(document.json)["entry"].size(), 2U);  // the Patient and the rating
}

TEST(FhirTest, WritesTheSameDiaryTheSameWay) {
  const std::vector<Entry> entries = {pain_entry(3, 5, {{Region::kNeck, std::nullopt}})};
  EXPECT_EQ(fhir_bundle({entries, {}, std::nullopt, kAt}).json,
            fhir_bundle({entries, {}, std::nullopt, kAt}).json);
}

TEST(FhirTest, WritesDateTimesWithTheOffsetOfTheirTime) {
  EXPECT_EQ(fhir_date_time(kAt, std::chrono::seconds{0}), "2026-11-21T08:00:00+00:00");
  EXPECT_EQ(fhir_date_time(kAt, -std::chrono::minutes{330}), "2026-11-21T02:30:00-05:30");
}

TEST(FhirTest, EveryResourceCarriesLimbersStableIdentifier) {
  const CheckExport check{9, kAt, hours{1}, Level::kSeeClinician, {{Flag::kFever, true}}};
  const json bundle = bundle_of(
      {pain_entry(3, 6, {{Region::kLeftThigh, std::nullopt}, {Region::kNeck, std::nullopt}}),
       pain_entry(4, 2, {{Region::kNeck, std::nullopt}})},
      {check});

  std::vector<std::string> values;
  for (const json& entry : bundle["entry"]) {
    const json& resource = entry["resource"];
    if (resource["resourceType"] == "Patient")
      continue;
    const json& identifier =
        resource["identifier"].is_array() ? resource["identifier"][0] : resource["identifier"];
    EXPECT_EQ(identifier["system"], kLimberIdentifierSystem);
    values.push_back(identifier["value"].get<std::string>());
  }
  EXPECT_EQ(values, (std::vector<std::string>{"entry-3-pain", "entry-3-region-left-thigh",
                                              "entry-3-region-neck", "entry-4-pain", "check-9"}));
}

TEST(FhirTest, RecordsForSharingLeaveNotesOutAndAddEachChecksLevel) {
  const std::vector<Entry> entries = {pain_entry(3, 6, {{Region::kNeck, std::nullopt}})};
  const std::vector<CheckExport> checks = {
      {9, kAt, hours{1}, Level::kSeeClinician, {{Flag::kFever, true}}}};
  FhirInput input{entries, checks, std::nullopt, kAt};
  input.notes = false;
  input.check_levels = true;

  const auto records = fhir_records(input);

  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].key, "entry-3");
  ASSERT_EQ(records[0].entries.size(), 1U);
  EXPECT_EQ(records[0].entries[0].find("after the stairs"), std::string::npos);
  EXPECT_EQ(records[1].key, "check-9");
  ASSERT_EQ(records[1].entries.size(), 2U);
  const json level = json::parse(records[1].entries[1])["resource"];
  EXPECT_EQ(level["code"]["coding"][0]["system"], kLimberCodeSystem);
  EXPECT_EQ(level["code"]["coding"][0]["code"], "check");
  EXPECT_EQ(level["valueString"], to_string(Level::kSeeClinician));
  EXPECT_EQ(level["identifier"][0]["value"], "check-9-level");
  const json upload = json::parse(fhir_upload_bundle(records, "batch", kAt));
  EXPECT_EQ(upload["type"], "batch");
  EXPECT_EQ(upload["entry"].size(), 3U);
  // Records are the same text each time, so a hash of them tells what changed.
  EXPECT_EQ(fhir_records(input)[0].entries, records[0].entries);
}

// What `limber share` sends besides (every_kind): walks, reliefs and sessions, PSFS ratings
// and a day's sitting, each an Observation coded in limber's own system with the values
// FHIR types them as, under stable record keys.
TEST(FhirTest, SharesEveryKindWithStableKeysAndLimbersCodes) {
  const std::vector<Entry> entries = {
      testing::with_id(testing::walk_entry(kAt, 20), 2),
      testing::with_id(testing::relief_entry(kAt, ReliefKind::kHeat, "hot water bottle"), 3),
      testing::with_id(testing::noted(testing::session_entry(kAt, 5, 3), "easy"), 4)};
  const std::vector<FunctionRatingExport> ratings = {{9, "put on socks", kAt, hours{1}, 4}};
  const std::vector<SittingDayExport> sitting = {
      {std::chrono::local_days{std::chrono::year{2026} / 11 / 21}, kAt, hours{1}, 2,
       std::chrono::minutes{70}, std::chrono::minutes{50}, 1, 0}};
  FhirInput input{entries, {}, std::nullopt, kAt};
  input.every_kind = true;
  input.notes = false;
  input.function_ratings = ratings;
  input.sitting = sitting;

  const auto records = fhir_records(input);

  ASSERT_EQ(records.size(), 5U);
  std::vector<std::string> keys;
  std::vector<json> shared;
  for (const auto& record : records) {
    keys.push_back(record.key);
    ASSERT_EQ(record.entries.size(), 1U);
    shared.push_back(json::parse(record.entries[0])["resource"]);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"entry-2", "entry-3", "entry-4", "psfs-9",
                                            "sitting-2026-11-21"}));
  const auto code_of = [](const json& resource) {
    EXPECT_EQ(resource["code"]["coding"][0]["system"], kLimberCodeSystem);
    return resource["code"]["coding"][0]["code"].get<std::string>();
  };
  EXPECT_EQ(code_of(shared[0]), "walk");
  EXPECT_EQ(shared[0]["identifier"][0]["value"], "entry-2-walk");
  EXPECT_EQ(shared[0]["valueQuantity"]["value"], 20);
  EXPECT_EQ(shared[0]["valueQuantity"]["code"], "min");
  EXPECT_EQ(code_of(shared[1]), "relief");
  EXPECT_EQ(shared[1]["valueCodeableConcept"]["coding"][0]["code"], "heat");
  EXPECT_EQ(shared[1]["valueCodeableConcept"]["text"], "hot water bottle");
  EXPECT_EQ(code_of(shared[2]), "session");
  EXPECT_EQ(shared[2]["component"][0]["valueInteger"], 5);
  EXPECT_EQ(shared[2]["component"][1]["valueInteger"], 3);
  EXPECT_FALSE(shared[2].contains("note"));  // notes only when the person chose them
  EXPECT_EQ(code_of(shared[3]), "psfs");
  EXPECT_EQ(shared[3]["code"]["text"], "put on socks");
  EXPECT_EQ(shared[3]["valueInteger"], 4);
  EXPECT_EQ(code_of(shared[4]), "sitting");
  EXPECT_EQ(shared[4]["valueQuantity"]["value"], 4200);
  EXPECT_EQ(shared[4]["effectiveDateTime"], "2026-11-21T09:00:00+01:00");
  EXPECT_EQ(shared[4]["component"][0]["valueInteger"], 2);

  // The sources name the same records, and a filter builds only the records asked for.
  std::vector<std::string> source_keys;
  for (const auto& source : fhir_record_sources(input))
    source_keys.push_back(source.key);
  EXPECT_EQ(source_keys, keys);
  const auto only = fhir_records(input, std::set<std::string>{"entry-3", "psfs-9"});
  ASSERT_EQ(only.size(), 2U);
  EXPECT_EQ(only[0].key, "entry-3");
  EXPECT_EQ(only[1].key, "psfs-9");
  const auto before = fhir_record_sources(input);
  input.notes = true;
  EXPECT_EQ(json::parse(fhir_records(input)[2].entries[0])["resource"]["note"][0]["text"], "easy");
  EXPECT_NE(fhir_record_sources(input)[2].fingerprint, before[2].fingerprint);
  // The export leaves them to the CSV, as its header says.
  input.every_kind = false;
  input.function_ratings = {};
  input.sitting = {};
  EXPECT_TRUE(fhir_records(input).empty());
}

}  // namespace
}  // namespace limber::core
