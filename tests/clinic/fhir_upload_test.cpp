// What a patient's upload must be: read whole and refused with a sentence naming the
// entry and what is wrong, before anything is written.
#include "clinic/fhir_upload.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace limber::clinic {
namespace {

using nlohmann::json;

json pain_entry(const std::string& url, const std::string& value, int rating) {
  return {{"fullUrl", url},
          {"resource",
           {{"resourceType", "Observation"},
            {"identifier", {{{"system", "urn:limber:install-1"}, {"value", value}}}},
            {"code", {{"coding", {{{"system", "http://loinc.org"}, {"code", "72514-3"}}}}}},
            {"effectiveDateTime", "2026-11-20T21:00:00+01:00"},
            {"valueInteger", rating}}}};
}

json bundle(json entries, const std::string& type = "collection") {
  return {{"resourceType", "Bundle"}, {"type", type}, {"entry", std::move(entries)}};
}

std::string refusal(const json& body) {
  const auto read = read_upload(body.dump());
  return read ? "taken" : read.error().message;
}

TEST(FhirUploadTest, ReadsPainRatingsRegionsChecksAndLimbersOwnCodes) {
  auto overall = pain_entry("urn:uuid:a", "entry-1-pain", 6);
  overall["resource"]["hasMember"] = {{{"reference", "urn:uuid:b"}}};
  auto check = json{{"resource",
                     {{"resourceType", "Observation"},
                      {"identifier", {{{"system", "urn:limber:install-1"}, {"value", "check-1"}}}},
                      {"code", {{"coding", {{{"system", "urn:limber:code"}, {"code", "check"}}}}}},
                      {"effectiveDateTime", "2026-11-20T20:00:00Z"},
                      {"valueString", "urgent"}}}};
  auto answers =
      json{{"resource",
            {{"resourceType", "QuestionnaireResponse"},
             {"identifier", {{"system", "urn:limber:install-1"}, {"value", "check-1-answers"}}},
             {"authored", "2026-11-20T20:00:00.250Z"}}}};
  const json patient = {{"resource", {{"resourceType", "Patient"}}}};

  const auto read =
      read_upload(bundle({patient, overall,
                          pain_entry("urn:uuid:b", "entry-1-region-lower-back", 6), check, answers},
                         "batch")
                      .dump());

  ASSERT_TRUE(read.has_value()) << read.error().message;
  ASSERT_EQ(read->size(), 4U);
  EXPECT_EQ((*read)[0].identifier, "urn:limber:install-1|entry-1-pain");
  EXPECT_EQ((*read)[0].code, "pain");
  EXPECT_EQ((*read)[0].effective_at, 1795204800);  // 21:00 at +01:00
  EXPECT_EQ((*read)[1].code, "pain-region");
  EXPECT_EQ((*read)[2].code, "check");
  EXPECT_EQ((*read)[2].effective_at, 1795204800);
  EXPECT_EQ((*read)[3].code, "check-answers");
  EXPECT_EQ((*read)[3].identifier, "urn:limber:install-1|check-1-answers");
}

TEST(FhirUploadTest, RefusesWhatIsNotABundleOfLimbersResources) {
  EXPECT_EQ(read_upload("{not json").error().message,
            "The upload is not JSON: send a FHIR R4 Bundle.");
  EXPECT_NE(refusal({{"resourceType", "Observation"}}).find("not a FHIR Bundle"),
            std::string::npos);
  EXPECT_NE(refusal(bundle(json::array(), "transaction")).find("\"batch\" or \"collection\""),
            std::string::npos);
  EXPECT_EQ(refusal(bundle(json::array())), "taken");

  auto no_identifier = pain_entry("urn:uuid:a", "entry-1-pain", 6);
  no_identifier["resource"].erase("identifier");
  EXPECT_NE(refusal(bundle({no_identifier})).find("Entry 1 (Observation) has no limber identifier"),
            std::string::npos);

  auto foreign = pain_entry("urn:uuid:a", "entry-1-pain", 6);
  foreign["resource"]["identifier"][0]["system"] = "http://elsewhere.example";
  EXPECT_NE(refusal(bundle({foreign})).find("no limber identifier"), std::string::npos);

  EXPECT_NE(
      refusal(bundle({pain_entry("a", "entry-1-pain", 6), pain_entry("b", "entry-1-pain", 5)}))
          .find("Entry 2 (Observation) has the identifier urn:limber:install-1|entry-1-pain "
                "of an earlier entry"),
      std::string::npos);

  EXPECT_NE(refusal(bundle({pain_entry("a", "entry-1-pain", 11)}))
                .find("Entry 1 (a pain rating) needs valueInteger from 0 to 10"),
            std::string::npos);

  auto no_zone = pain_entry("a", "entry-1-pain", 6);
  no_zone["resource"]["effectiveDateTime"] = "2026-11-20T21:00:00";
  EXPECT_NE(refusal(bundle({no_zone})).find("needs effectiveDateTime as a date and time"),
            std::string::npos);

  auto medication = json{{"resource", {{"resourceType", "MedicationStatement"}}}};
  EXPECT_NE(refusal(bundle({pain_entry("a", "entry-1-pain", 6), medication}))
                .find("Entry 2 is a MedicationStatement"),
            std::string::npos);

  auto uncoded = pain_entry("a", "entry-1-pain", 6);
  uncoded["resource"].erase("code");
  EXPECT_NE(refusal(bundle({uncoded})).find("has no code this clinic reads"), std::string::npos);
}

TEST(FhirUploadTest, ReadsFhirInstantsWithTheirZone) {
  EXPECT_EQ(parse_fhir_instant("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_fhir_instant("1970-01-01T01:00:00+01:00"), 0);
  EXPECT_EQ(parse_fhir_instant("1969-12-31T19:30:00-04:30"), 0);
  EXPECT_EQ(parse_fhir_instant("2026-11-20T20:00:00.5Z"), 1795204800);
  EXPECT_FALSE(parse_fhir_instant("2026-11-20"));
  EXPECT_FALSE(parse_fhir_instant("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_fhir_instant("2026-11-20T20:00:00+1:00"));
  EXPECT_FALSE(parse_fhir_instant("2026-11-20T20:00:00Zjunk"));
}

TEST(FhirUploadTest, ReadsTheRecordKeysToDeleteAndRefusesAnythingElse) {
  EXPECT_EQ(read_deletions(R"({"records": ["entry-12", "sitting-2026-11-20"]})").value(),
            (std::vector<std::string>{"entry-12", "sitting-2026-11-20"}));
  EXPECT_TRUE(read_deletions(R"({"records": []})").value().empty());
  for (const char* body :
       {"", "[]", R"({"records": "entry-1"})", R"({"records": [12]})", R"({"records": [""]})",
        R"({"records": ["entry-1%"]})", R"({"records": ["entry 1"]})"}) {
    const auto refused = read_deletions(body);
    ASSERT_FALSE(refused.has_value()) << body;
    EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_NE(refused.error().message.find("record keys"), std::string::npos);
  }
}

}  // namespace
}  // namespace limber::clinic
