#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/fhir_parts.h"
#include "core/region.h"
#include "core/time_parse.h"
#include "core/utf8.h"

namespace limber::core::fhir_parts {

using nlohmann::json;

namespace {

constexpr std::string_view kUcum = "http://unitsofmeasure.org";
constexpr std::string_view kCategories =
    "http://terminology.hl7.org/CodeSystem/observation-category";

json category(std::string_view code, std::string_view display) {
  return json::array(
      {{{"coding", {{{"system", kCategories}, {"code", code}, {"display", display}}}}}});
}

json minutes(int value) {
  return {{"value", value}, {"unit", "min"}, {"system", kUcum}, {"code", "min"}};
}

json seconds_of(std::chrono::seconds value) {
  return {{"value", value.count()}, {"unit", "s"}, {"system", kUcum}, {"code", "s"}};
}

json observation(const std::string& patient, std::string_view code, std::string_view text,
                 std::string_view category_code, std::string_view category_display,
                 const std::string& effective) {
  return {{"resourceType", "Observation"},
          {"status", "final"},
          {"category", category(category_code, category_display)},
          {"code", limber_code(code, text)},
          {"subject", {{"reference", patient}}},
          {"effectiveDateTime", effective}};
}

// A pain rating inside a session: LOINC's pain severity, with limber's own code saying
// before or after.
json session_pain(std::string_view which, std::string_view text, int value) {
  return {{"code",
           {{"coding",
             {{{"system", "http://loinc.org"}, {"code", kLoincPainSeverity}},
              {{"system", kLimberCodeSystem}, {"code", which}}}},
            {"text", text}}},
          {"valueInteger", value}};
}

}  // namespace

std::string urn(UuidKind kind, std::int64_t id) {
  return fmt::format("urn:uuid:6c696d62-{:04x}-4000-8000-{:012x}", static_cast<std::uint16_t>(kind),
                     static_cast<std::uint64_t>(id));
}

json identifier(const std::string& value) {
  return json::array({{{"system", kLimberIdentifierSystem}, {"value", value}}});
}

json bundle_entry(std::string full_url, json resource) {
  return {{"fullUrl", std::move(full_url)}, {"resource", std::move(resource)}};
}

json limber_code(std::string_view code, std::string_view text) {
  return {{"coding", {{{"system", kLimberCodeSystem}, {"code", code}}}}, {"text", text}};
}

void add_notes(json& resource, const Entry& entry, bool notes) {
  if (!notes)
    return;
  // A note stored before limber checked its text shows U+FFFD where it cannot be read.
  if (!entry.note.empty())
    resource["note"].push_back(json{{"text", utf8::sanitize(entry.note)}});
  // Tags (issue 15) are the person's own words, not a coded concept: an Annotation of
  // their own, so a reader tells them from the note.
  if (!entry.tags.empty())
    resource["note"].push_back(
        json{{"text", fmt::format("Tags: {}", fmt::join(entry.tags, ", "))}});
}

json activity_observation(const std::string& patient, const Entry& entry, bool notes) {
  const std::string effective = fhir_date_time(entry.at, entry.utc_offset);
  const std::string key = fmt::format("entry-{}", entry.id);
  json resource;
  if (const auto* walk = std::get_if<WalkRecord>(&entry.detail)) {
    resource =
        observation(patient, "walk", "A walk, in minutes", "activity", "Activity", effective);
    resource["identifier"] = identifier(key + "-walk");
    resource["valueQuantity"] = minutes(walk->minutes);
  } else if (const auto* relief = std::get_if<ReliefRecord>(&entry.detail)) {
    resource = observation(patient, "relief", "Something used for relief, as the person logged it",
                           "survey", "Survey", effective);
    resource["identifier"] = identifier(key + "-relief");
    const std::string kind(to_string(relief->kind));
    resource["valueCodeableConcept"] = {
        {"coding", {{{"system", "urn:limber:relief"}, {"code", kind}}}},
        {"text", relief->name.empty() ? kind : utf8::sanitize(relief->name)}};
  } else if (const auto* session = std::get_if<SessionRecord>(&entry.detail)) {
    resource = observation(patient, "session", "An exercise session, in minutes", "activity",
                           "Activity", effective);
    resource["identifier"] = identifier(key + "-session");
    resource["valueQuantity"] = minutes(session->minutes);
    resource["component"] = {
        session_pain("pain-before", "Pain before the session", session->pain_before.value()),
        session_pain("pain-after", "Pain after the session", session->pain_after.value())};
    if (!session->exercises.empty()) {
      resource["component"].push_back(
          {{"code", limber_code("exercises", "The exercises done, in order")},
           {"valueString", fmt::format("{}", fmt::join(session->exercises, ", "))}});
    }
  } else {
    return nullptr;
  }
  add_notes(resource, entry, notes);
  return resource;
}

json function_observation(const std::string& patient, const FunctionRatingExport& rating) {
  // The activity is the person's own words: the code's text, as the clinic reads it.
  json resource = observation(patient, "psfs", utf8::sanitize(rating.activity), "survey", "Survey",
                              fhir_date_time(rating.at, rating.utc_offset));
  resource["identifier"] = identifier(fmt::format("psfs-{}", rating.id));
  resource["valueInteger"] = rating.score;
  return resource;
}

json sitting_observation(const std::string& patient, const SittingDayExport& day) {
  const std::string date = format_date(std::chrono::year_month_day{day.day});
  json resource =
      observation(patient, "sitting", "Time sitting in the day, as limber watch recorded it",
                  "activity", "Activity", fhir_date_time(day.first_start, day.utc_offset));
  resource["identifier"] = identifier("sitting-" + date);
  resource["valueQuantity"] = seconds_of(day.sat);
  resource["component"] = {
      {{"code", limber_code("sitting-bouts", "Stretches of sitting")}, {"valueInteger", day.bouts}},
      {{"code", limber_code("sitting-longest", "The longest stretch of sitting")},
       {"valueQuantity", seconds_of(day.longest)}},
      {{"code", limber_code("sitting-breaks", "Breaks from sitting")},
       {"valueInteger", day.breaks}},
      {{"code", limber_code("sitting-standing-breaks", "Of them, standing")},
       {"valueInteger", day.standing_breaks}}};
  return resource;
}

namespace {

std::int64_t seconds_since_epoch(Instant at) {
  return at.time_since_epoch().count();
}

struct DetailText {
  std::string operator()(const PainRecord& pain) const {
    std::string text = fmt::format("pain {} {} {}", pain.pain.value(),
                                   pain.mobility ? static_cast<int>(*pain.mobility) : -1,
                                   pain.leg_pain_spreads ? int{*pain.leg_pain_spreads} : -1);
    for (const RegionRating& rating : pain.regions)
      text +=
          fmt::format(" {}:{}", info(rating.region).id, rating.pain ? rating.pain->value() : -1);
    return text;
  }
  std::string operator()(const ReliefRecord& relief) const {
    return fmt::format("relief {} {}", to_string(relief.kind), relief.name);
  }
  std::string operator()(const WalkRecord& walk) const {
    return fmt::format("walk {}", walk.minutes);
  }
  std::string operator()(const SessionRecord& session) const {
    return fmt::format("session {} {} {} {}", fmt::join(session.exercises, ","),
                       session.pain_before.value(), session.pain_after.value(), session.minutes);
  }
};

}  // namespace

// '\x1f' (unit separator) between fields of the person's own words.
std::string fingerprint(const Entry& entry) {
  return fmt::format("entry {} {} {} {}\x1f{}\x1f{}", entry.id, seconds_since_epoch(entry.at),
                     entry.utc_offset.count(), std::visit(DetailText{}, entry.detail), entry.note,
                     fmt::join(entry.tags, "\x1f"));
}

std::string fingerprint(const CheckExport& check) {
  std::string text = fmt::format("check {} {} {} {}", check.id, seconds_since_epoch(check.at),
                                 check.utc_offset.count(), to_string(check.level));
  for (const Answer& answer : check.answers)
    text += fmt::format(" {}:{}", info(answer.flag).id, answer.yes ? 1 : 0);
  return text;
}

std::string fingerprint(const FunctionRatingExport& rating) {
  return fmt::format("psfs {} {} {} {} {}", rating.id, seconds_since_epoch(rating.at),
                     rating.utc_offset.count(), rating.score, rating.activity);
}

std::string fingerprint(const SittingDayExport& day) {
  return fmt::format("sitting {} {} {} {} {} {} {}", seconds_since_epoch(day.first_start),
                     day.utc_offset.count(), day.bouts, day.sat.count(), day.longest.count(),
                     day.breaks, day.standing_breaks);
}

}  // namespace limber::core::fhir_parts
