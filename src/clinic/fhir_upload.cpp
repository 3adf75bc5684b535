#include "clinic/fhir_upload.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/fhir.h"

namespace limber::clinic {
namespace {

using nlohmann::json;

constexpr std::size_t kIdentifierLimit = 200;  // the column's CHECK

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size())
    return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9')
      return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

const json* string_field(const json& object, const char* name) {
  const auto found = object.find(name);
  return found != object.end() && found->is_string() ? &*found : nullptr;
}

bool has_coding(const json& resource, std::string_view system, std::string_view code) {
  const auto found = resource.find("code");
  if (found == resource.end() || !found->is_object() || !found->contains("coding") ||
      !(*found)["coding"].is_array())
    return false;
  for (const auto& coding : (*found)["coding"]) {
    if (coding.is_object() && coding.value("system", "") == system &&
        coding.value("code", "") == code)
      return true;
  }
  return false;
}

std::optional<std::string> limber_code(const json& resource) {
  const auto found = resource.find("code");
  if (found == resource.end() || !found->is_object() || !found->contains("coding") ||
      !(*found)["coding"].is_array())
    return std::nullopt;
  for (const auto& coding : (*found)["coding"]) {
    if (coding.is_object() && coding.value("system", "") == kLimberCodeSystem &&
        coding.contains("code") && coding["code"].is_string())
      return coding["code"].get<std::string>();
  }
  return std::nullopt;
}

// limber's identifier: system urn:limber:..., a value; "SYSTEM|VALUE".
std::optional<std::string> limber_identifier(const json& resource) {
  const auto found = resource.find("identifier");
  if (found == resource.end())
    return std::nullopt;
  // QuestionnaireResponse.identifier is one Identifier; Observation.identifier a list.
  const json list = found->is_array() ? *found : json::array({*found});
  for (const auto& identifier : list) {
    if (!identifier.is_object())
      continue;
    const auto* system = string_field(identifier, "system");
    const auto* value = string_field(identifier, "value");
    if (system != nullptr && value != nullptr &&
        system->get<std::string>().starts_with("urn:limber:") && !value->get<std::string>().empty())
      return system->get<std::string>() + "|" + value->get<std::string>();
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_fhir_instant(std::string_view text) {
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  const auto day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2);
  const auto minute = digits(text, 14, 2);
  const auto second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second || text[4] != '-' || text[7] != '-' ||
      text[10] != 'T' || text[13] != ':' || text[16] != ':')
    return std::nullopt;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9')
      ++at;
  }
  int offset_seconds = 0;
  if (text.substr(at) == "Z") {
    offset_seconds = 0;
  } else {
    const auto offset_hours = digits(text, at + 1, 2);
    const auto offset_minutes = digits(text, at + 4, 2);
    if (text.size() != at + 6 || (text[at] != '+' && text[at] != '-') || text[at + 3] != ':' ||
        !offset_hours || !offset_minutes || *offset_hours > 14 || *offset_minutes > 59)
      return std::nullopt;
    offset_seconds = (*offset_hours * 3600 + *offset_minutes * 60) * (text[at] == '-' ? -1 : 1);
  }
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60)
    return std::nullopt;
  const auto days = std::chrono::sys_days{date}.time_since_epoch();
  return std::chrono::duration_cast<std::chrono::seconds>(days).count() + *hour * 3600 +
         *minute * 60 + *second - offset_seconds;
}

core::Result<std::vector<UploadedResource>> read_upload(std::string_view body) {
  const auto bad = [](std::string message) {
    return core::fail(core::ErrorCode::kInvalidInput, std::move(message));
  };
  const json bundle = json::parse(body, nullptr, false);
  if (bundle.is_discarded())
    return bad("The upload is not JSON: send a FHIR R4 Bundle.");
  if (!bundle.is_object() || bundle.value("resourceType", "") != "Bundle")
    return bad("The upload is not a FHIR Bundle: its resourceType must be \"Bundle\".");
  const std::string type = bundle.value("type", "");
  if (type != "batch" && type != "collection")
    return bad("The Bundle's type must be \"batch\" or \"collection\".");
  if (bundle.contains("entry") && !bundle["entry"].is_array())
    return bad("The Bundle's entry must be a list.");

  const json entries = bundle.value("entry", json::array());
  // Region ratings are the members of an overall rating (core/fhir.h): by fullUrl.
  std::set<std::string> members;
  for (const auto& entry : entries) {
    if (!entry.is_object() || !entry.contains("resource") || !entry["resource"].is_object())
      continue;
    const auto& resource = entry["resource"];
    if (resource.contains("hasMember") && resource["hasMember"].is_array()) {
      for (const auto& member : resource["hasMember"]) {
        if (member.is_object() && member.contains("reference") && member["reference"].is_string())
          members.insert(member["reference"].get<std::string>());
      }
    }
  }

  std::vector<UploadedResource> uploaded;
  std::set<std::string> identifiers;
  int number = 0;
  for (const auto& entry : entries) {
    ++number;
    if (!entry.is_object() || !entry.contains("resource") || !entry["resource"].is_object())
      return bad(fmt::format("Entry {} of the Bundle has no resource.", number));
    const auto& resource = entry["resource"];
    const std::string kind = resource.value("resourceType", "");
    if (kind == "Patient")
      continue;
    if (kind != "Observation" && kind != "QuestionnaireResponse") {
      return bad(
          fmt::format("Entry {} is a {}: only Observation and QuestionnaireResponse "
                      "are taken.",
                      number, kind.empty() ? "resource without resourceType" : kind));
    }
    const auto identifier = limber_identifier(resource);
    if (!identifier) {
      return bad(
          fmt::format("Entry {} ({}) has no limber identifier: each resource needs an "
                      "identifier with a system starting urn:limber: and a value.",
                      number, kind));
    }
    if (identifier->size() > kIdentifierLimit) {
      return bad(fmt::format("Entry {} ({}) has an identifier longer than {} characters.", number,
                             kind, kIdentifierLimit));
    }
    if (!identifiers.insert(*identifier).second) {
      return bad(
          fmt::format("Entry {} ({}) has the identifier {} of an earlier entry: each "
                      "resource is sent once.",
                      number, kind, *identifier));
    }
    const char* time_field = kind == "Observation" ? "effectiveDateTime" : "authored";
    const auto* time = string_field(resource, time_field);
    const auto at = time != nullptr ? parse_fhir_instant(time->get<std::string>()) : std::nullopt;
    if (!at) {
      return bad(
          fmt::format("Entry {} ({}) needs {} as a date and time with its zone, like "
                      "2026-11-20T21:00:00+01:00.",
                      number, kind, time_field));
    }
    std::string code;
    if (kind == "QuestionnaireResponse") {
      code = "check-answers";
    } else if (has_coding(resource, "http://loinc.org", core::kLoincPainSeverity)) {
      const auto value = resource.find("valueInteger");
      if (value == resource.end() || !value->is_number_integer() || *value < 0 || *value > 10) {
        return bad(
            fmt::format("Entry {} (a pain rating) needs valueInteger from 0 to 10.", number));
      }
      code = members.contains(entry.value("fullUrl", "")) ? "pain-region" : "pain";
    } else if (const auto own = limber_code(resource)) {
      if (own->empty() || own->size() > 100)
        return bad(fmt::format("Entry {} has an empty or overlong limber code.", number));
      code = *own;
    } else {
      return bad(
          fmt::format("Entry {} (Observation) has no code this clinic reads: LOINC {} "
                      "or a code of {}.",
                      number, core::kLoincPainSeverity, kLimberCodeSystem));
    }
    uploaded.push_back({*identifier, code, *at, resource.dump()});
  }
  return uploaded;
}

core::Result<std::vector<std::string>> read_deletions(std::string_view body) {
  const json request = json::parse(body, nullptr, false);
  const auto bad = [] {
    return core::fail(core::ErrorCode::kInvalidInput,
                      R"(Send {"records": ["entry-12", ...]}: limber's record keys, each )"
                      "letters, digits and '-', 200 characters at most.");
  };
  if (!request.is_object() || !request.contains("records") || !request["records"].is_array())
    return bad();
  std::vector<std::string> keys;
  for (const auto& key : request["records"]) {
    if (!key.is_string())
      return bad();
    const auto& text = key.get_ref<const std::string&>();
    if (text.empty() || text.size() > kIdentifierLimit ||
        !std::all_of(text.begin(), text.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-';
        }))
      return bad();
    keys.push_back(text);
  }
  return keys;
}

}  // namespace limber::clinic
