#include "core/fhir.h"

#include <cstdint>
#include <cstdlib>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "core/fhir_parts.h"
#include "core/mobility.h"
#include "core/region.h"
#include "core/time_parse.h"
#include "core/utf8.h"

namespace limber::core {

using fhir_parts::bundle_entry;
using fhir_parts::identifier;
using fhir_parts::urn;
using fhir_parts::UuidKind;
using nlohmann::json;

namespace {

constexpr std::string_view kLoinc = "http://loinc.org";
constexpr std::string_view kSnomed = "http://snomed.info/sct";
constexpr std::string_view kCategories =
    "http://terminology.hl7.org/CodeSystem/observation-category";

json pain_code() {
  return {{"coding",
           {{{"system", kLoinc},
             {"code", kLoincPainSeverity},
             {"display", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}}}},
          {"text", "Pain, 0 (none) to 10 (worst imaginable)"}};
}

json body_site(Region region) {
  const RegionInfo& region_info = info(region);
  json site{{"text", region_info.display}};
  if (!region_info.snomed_code.empty()) {
    site["coding"] = {{{"system", kSnomed},
                       {"code", region_info.snomed_code},
                       {"display", region_info.snomed_display}}};
  }
  return site;
}

json observation(const std::string& patient, const Entry& entry, int value) {
  return {{"resourceType", "Observation"},
          {"status", "final"},
          {"category",
           {{{"coding", {{{"system", kCategories}, {"code", "survey"}, {"display", "Survey"}}}}}}},
          {"code", pain_code()},
          {"subject", {{"reference", patient}}},
          {"effectiveDateTime", fhir_date_time(entry.at, entry.utc_offset)},
          {"valueInteger", value}};
}

}  // namespace

std::string fhir_date_time(Instant at, std::chrono::seconds utc_offset) {
  const auto local = to_local(at, utc_offset);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{local - day};
  const auto offset_minutes = utc_offset.count() / 60;
  const auto abs_minutes = std::abs(offset_minutes);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
                     static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()), time.hours().count(), time.minutes().count(),
                     time.seconds().count(), offset_minutes < 0 ? '-' : '+', abs_minutes / 60,
                     abs_minutes % 60);
}

namespace {

struct JsonRecord {
  std::string key;
  std::vector<json> entries;
};

// The records of `input` (only those with a key in `only`, when given), and every count.
std::vector<JsonRecord> json_records(const FhirInput& input, FhirCounts& counts,
                                     const std::set<std::string>* only = nullptr) {
  const auto skipped = [only](const std::string& key) {
    return only != nullptr && !only->contains(key);
  };
  const std::string patient = urn(UuidKind::kPatient, 0);
  std::vector<JsonRecord> records;
  for (const Entry& entry : input.entries) {
    const auto* pain = std::get_if<PainRecord>(&entry.detail);
    if (pain == nullptr) {
      if (!input.every_kind)
        continue;
      const auto kind = entry.kind();
      ++(kind == EntryKind::kWalk     ? counts.walks
         : kind == EntryKind::kRelief ? counts.reliefs
                                      : counts.sessions);
      if (skipped(fmt::format("entry-{}", entry.id)))
        continue;
      json resource = fhir_parts::activity_observation(patient, entry, input.notes);
      const auto uuid = kind == EntryKind::kWalk     ? UuidKind::kWalk
                        : kind == EntryKind::kRelief ? UuidKind::kRelief
                                                     : UuidKind::kSession;
      records.push_back(JsonRecord{fmt::format("entry-{}", entry.id),
                                   {bundle_entry(urn(uuid, entry.id), std::move(resource))}});
      continue;
    }
    ++counts.pain_ratings;
    counts.mobility += pain->mobility ? 1 : 0;
    counts.region_observations +=
        pain->regions.size() == 1 ? 0 : static_cast<int>(pain->regions.size());
    const std::string key = fmt::format("entry-{}", entry.id);
    if (skipped(key))
      continue;
    json overall = observation(patient, entry, pain->pain.value());
    overall["identifier"] = identifier(key + "-pain");
    if (pain->mobility) {
      overall["component"] = {
          {{"code", fhir_parts::limber_code("mobility", "Mobility, as the person described it")},
           {"valueString",
            fmt::format("{}: {}", to_string(*pain->mobility), describe(*pain->mobility))}}};
    }
    fhir_parts::add_notes(overall, entry, input.notes);
    std::vector<json> members;
    if (pain->regions.size() == 1) {
      overall["bodySite"] = body_site(pain->regions.front().region);
    } else {
      for (const RegionRating& rating : pain->regions) {
        const std::string url =
            urn(UuidKind::kRegion, entry.id * 16 + static_cast<std::int64_t>(rating.region));
        overall["hasMember"].push_back({{"reference", url}});
        json member =
            observation(patient, entry, (rating.pain ? *rating.pain : pain->pain).value());
        member["identifier"] = identifier(fmt::format("{}-region-{}", key, info(rating.region).id));
        member["bodySite"] = body_site(rating.region);
        members.push_back(bundle_entry(url, std::move(member)));
      }
    }
    JsonRecord record{key, {bundle_entry(urn(UuidKind::kPain, entry.id), std::move(overall))}};
    for (json& member : members)
      record.entries.push_back(std::move(member));
    records.push_back(std::move(record));
  }

  for (const CheckExport& check : input.checks) {
    ++counts.checks;
    const std::string key = fmt::format("check-{}", check.id);
    if (skipped(key))
      continue;
    json items = json::array();
    for (const Answer& answer : check.answers) {
      const FlagInfo& flag = info(answer.flag);
      items.push_back({{"linkId", flag.id},
                       {"text", flag.question},
                       {"answer", {{{"valueBoolean", answer.yes}}}}});
    }
    items.push_back({{"linkId", "level"},
                     {"text", "How soon to get help, as limber reads these answers and the diary"},
                     {"answer", {{{"valueString", to_string(check.level)}}}}});
    JsonRecord record{key,
                      {bundle_entry(urn(UuidKind::kCheck, check.id),
                                    {{"resourceType", "QuestionnaireResponse"},
                                     // One Identifier here: QuestionnaireResponse has no list.
                                     {"identifier", identifier(key)[0]},
                                     {"status", "completed"},
                                     {"subject", {{"reference", patient}}},
                                     {"authored", fhir_date_time(check.at, check.utc_offset)},
                                     {"item", std::move(items)}})}};
    if (input.check_levels) {
      record.entries.push_back(
          bundle_entry(urn(UuidKind::kCheckLevel, check.id),
                       {{"resourceType", "Observation"},
                        {"identifier", identifier(key + "-level")},
                        {"status", "final"},
                        {"code",
                         {{"coding", {{{"system", kLimberCodeSystem}, {"code", "check"}}}},
                          {"text", "How soon to get help, as limber read a check's answers"}}},
                        {"subject", {{"reference", patient}}},
                        {"effectiveDateTime", fhir_date_time(check.at, check.utc_offset)},
                        {"valueString", to_string(check.level)}}));
    }
    records.push_back(std::move(record));
  }

  for (const FunctionRatingExport& rating : input.function_ratings) {
    ++counts.function_ratings;
    if (skipped(fmt::format("psfs-{}", rating.id)))
      continue;
    records.push_back(
        JsonRecord{fmt::format("psfs-{}", rating.id),
                   {bundle_entry(urn(UuidKind::kFunctionRating, rating.id),
                                 fhir_parts::function_observation(patient, rating))}});
  }
  for (const SittingDayExport& day : input.sitting) {
    ++counts.sitting_days;
    const std::string key = "sitting-" + format_date(std::chrono::year_month_day{day.day});
    if (skipped(key))
      continue;
    records.push_back(
        JsonRecord{key,
                   {bundle_entry(urn(UuidKind::kSitting, day.day.time_since_epoch().count()),
                                 fhir_parts::sitting_observation(patient, day))}});
  }
  return records;
}

std::vector<FhirRecord> text_records(std::vector<JsonRecord> json_list) {
  std::vector<FhirRecord> records;
  records.reserve(json_list.size());
  for (auto& record : json_list) {
    FhirRecord text{std::move(record.key), {}};
    for (const json& entry : record.entries)
      text.entries.push_back(entry.dump(-1, ' ', false, json::error_handler_t::replace));
    records.push_back(std::move(text));
  }
  return records;
}

}  // namespace

std::vector<FhirRecord> fhir_records(const FhirInput& input) {
  FhirCounts counts;
  return text_records(json_records(input, counts));
}

std::vector<FhirRecord> fhir_records(const FhirInput& input, const std::set<std::string>& keys) {
  FhirCounts counts;
  return text_records(json_records(input, counts, &keys));
}

std::vector<FhirRecordSource> fhir_record_sources(const FhirInput& input) {
  // Bumped whenever the resources limber writes change, so each record is sent again.
  constexpr std::string_view kFormat = "limber-fhir-2";
  const std::string choices =
      fmt::format("{} notes={} levels={}\n", kFormat, input.notes, input.check_levels);
  std::vector<FhirRecordSource> sources;
  sources.reserve(input.entries.size() + input.checks.size() + input.function_ratings.size() +
                  input.sitting.size());
  for (const Entry& entry : input.entries) {
    if (!input.every_kind && entry.kind() != EntryKind::kPain)
      continue;
    sources.push_back(
        {fmt::format("entry-{}", entry.id), choices + fhir_parts::fingerprint(entry)});
  }
  for (const CheckExport& check : input.checks)
    sources.push_back(
        {fmt::format("check-{}", check.id), choices + fhir_parts::fingerprint(check)});
  for (const FunctionRatingExport& rating : input.function_ratings)
    sources.push_back(
        {fmt::format("psfs-{}", rating.id), choices + fhir_parts::fingerprint(rating)});
  for (const SittingDayExport& day : input.sitting) {
    sources.push_back({"sitting-" + format_date(std::chrono::year_month_day{day.day}),
                       choices + fhir_parts::fingerprint(day)});
  }
  return sources;
}

std::string fhir_upload_bundle(std::span<const FhirRecord> records, std::string_view type,
                               Instant now) {
  json entries = json::array();
  for (const FhirRecord& record : records) {
    for (const std::string& entry : record.entries)
      entries.push_back(json::parse(entry));
  }
  const json bundle{{"resourceType", "Bundle"},
                    {"type", type},
                    {"timestamp", fhir_date_time(now, std::chrono::seconds{0})},
                    {"entry", std::move(entries)}};
  return bundle.dump(-1, ' ', false, json::error_handler_t::replace);
}

FhirCounts fhir_counts(const FhirInput& input) {
  FhirCounts counts;
  (void)json_records(input, counts);
  return counts;
}

FhirDocument fhir_bundle(const FhirInput& input) {
  FhirDocument document;
  const std::string patient = urn(UuidKind::kPatient, 0);
  json patient_resource{{"resourceType", "Patient"}};
  if (input.patient_name && !input.patient_name->empty()) {
    patient_resource["name"] = {{{"text", utf8::sanitize(*input.patient_name)}}};
  }
  json entries = json::array();
  entries.push_back(bundle_entry(patient, std::move(patient_resource)));
  for (auto& record : json_records(input, document.counts)) {
    for (json& entry : record.entries)
      entries.push_back(std::move(entry));
  }

  const json bundle{{"resourceType", "Bundle"},
                    {"meta",
                     {{"tag",
                       {{{"display",
                          "A self-kept pain diary from limber, not a medical record: pain ratings "
                          "(LOINC 72514-3) and red-flag checks, as the person entered them"}}}}}},
                    {"type", "collection"},
                    {"timestamp", fhir_date_time(input.now, std::chrono::seconds{0})},
                    {"entry", std::move(entries)}};
  document.json = bundle.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  return document;
}

}  // namespace limber::core
