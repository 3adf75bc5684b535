#include "clinic/patient_page.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/progress_json.h"
#include "core/red_flags.h"
#include "core/region.h"
#include "core/time_parse.h"
#include "core/typed_day.h"

namespace limber::clinic {
namespace {

using std::chrono::days;
using std::chrono::local_days;
using std::chrono::seconds;

constexpr int kDefaultDays = 42;  // six weeks, an episode's usual follow-up

// The moment and offset of an observation: its effectiveDateTime when it has an offset
// (the patient's wall clock), else the stored UTC time.
core::OffsetTime moment_of(const ObservationRow& row, const nlohmann::json& resource) {
  const core::Instant stored{seconds(row.effective_at)};
  if (const auto text = resource.find("effectiveDateTime");
      text != resource.end() && text->is_string()) {
    if (auto parsed = core::parse_iso_offset(text->get<std::string>());
        parsed && parsed->at == stored)
      return *parsed;
  }
  return {stored, seconds(0)};
}

std::optional<int> integer_value(const nlohmann::json& resource) {
  if (const auto value = resource.find("valueInteger");
      value != resource.end() && value->is_number_integer())
    return value->get<int>();
  if (const auto quantity = resource.find("valueQuantity");
      quantity != resource.end() && quantity->is_object() && quantity->contains("value") &&
      (*quantity)["value"].is_number())
    return static_cast<int>(std::lround((*quantity)["value"].get<double>()));
  return std::nullopt;
}

std::string string_at(const nlohmann::json& object, const char* key) {
  const auto value = object.find(key);
  return value != object.end() && value->is_string() ? value->get<std::string>() : std::string();
}

// The region of a SNOMED CT body site (core/region.h's codes); none when limber has none.
std::optional<core::Region> region_of(const nlohmann::json& resource) {
  const auto site = resource.find("bodySite");
  if (site == resource.end() || !site->is_object() || !site->contains("coding") ||
      !(*site)["coding"].is_array())
    return std::nullopt;
  for (const auto& coding : (*site)["coding"]) {
    if (!coding.is_object())
      continue;
    const auto code = string_at(coding, "code");
    for (const auto& region : core::all_regions()) {
      if (!code.empty() && region.snomed_code == code)
        return region.region;
    }
  }
  return std::nullopt;
}

void add_pain(SharedRecords& records, const core::OffsetTime& when,
              const nlohmann::json& resource) {
  const auto value = integer_value(resource);
  if (!value)
    return;
  auto score = core::PainScore::from_int(*value);
  if (!score)
    return;
  core::PainRecord pain{*score, {}, std::nullopt, std::nullopt};
  if (const auto region = region_of(resource))
    pain.regions.push_back({*region, std::nullopt});
  core::Entry entry;
  entry.at = when.at;
  entry.utc_offset = when.utc_offset;
  entry.detail = std::move(pain);
  records.entries.push_back(std::move(entry));
}

void add_walk(SharedRecords& records, const core::OffsetTime& when,
              const nlohmann::json& resource) {
  const auto minutes = integer_value(resource);
  if (!minutes || *minutes <= 0 || *minutes > core::kMaxWalkMinutes)
    return;
  core::Entry entry;
  entry.at = when.at;
  entry.utc_offset = when.utc_offset;
  entry.detail = core::WalkRecord{*minutes};
  records.entries.push_back(std::move(entry));
}

void add_check(SharedRecords& records, const core::OffsetTime& when,
               const nlohmann::json& resource) {
  auto level = core::parse_level(string_at(resource, "valueString"));
  if (!level)
    return;
  core::CheckRecord check;
  check.at = core::to_local(when.at, when.utc_offset);
  check.level = *level;
  records.checks.push_back(std::move(check));
}

void add_function_rating(SharedRecords& records, const core::OffsetTime& when,
                         const nlohmann::json& resource) {
  const auto score = integer_value(resource);
  const auto code = resource.find("code");
  if (!score || *score < 0 || *score > 10 || code == resource.end() || !code->is_object())
    return;
  const auto activity = string_at(*code, "text");
  if (activity.empty())
    return;
  if (std::find(records.function_activities.begin(), records.function_activities.end(), activity) ==
      records.function_activities.end())
    records.function_activities.push_back(activity);
  records.function_ratings.push_back({activity, core::to_local(when.at, when.utc_offset), *score});
}

nlohmann::json optional_number(const std::optional<double>& value) {
  if (!value)
    return nullptr;
  return std::round(*value * 10) / 10;
}

}  // namespace

SharedRecords records_of(std::span<const ObservationRow> observations) {
  SharedRecords records;
  for (const auto& row : observations) {
    const auto resource = nlohmann::json::parse(row.resource, nullptr, false);
    if (!resource.is_object())
      continue;
    const auto when = moment_of(row, resource);
    if (row.code == "pain")
      add_pain(records, when, resource);
    else if (row.code == "walk")
      add_walk(records, when, resource);
    else if (row.code == "check")
      add_check(records, when, resource);
    else if (row.code == "psfs")
      add_function_rating(records, when, resource);
  }
  return records;
}

core::Result<PageDays> page_days(std::string_view from, std::string_view to,
                                 std::chrono::local_days today) {
  PageDays page{today - days(kDefaultDays - 1), today};
  if (!to.empty()) {
    LIMBER_TRY_ASSIGN(page.to, core::parse_day(to, today, "to"));
    if (from.empty())
      page.from = page.to - days(kDefaultDays - 1);
  }
  if (!from.empty()) {
    LIMBER_TRY_ASSIGN(page.from, core::parse_day(from, today, "from"));
  }
  LIMBER_TRY(core::check_period(page.from, page.to));
  return page;
}

std::pair<std::int64_t, std::int64_t> observation_window(const PageDays& page) {
  const auto since = (page.from - days(8)).time_since_epoch();
  const auto until = (page.to + days(2)).time_since_epoch();
  return {std::chrono::duration_cast<seconds>(since).count(),
          std::chrono::duration_cast<seconds>(until).count()};
}

core::Report patient_report(const PatientHeader& patient, const SharedRecords& records,
                            const PageDays& page) {
  core::ReportInput input;
  input.from = page.from;
  input.to = page.to;
  input.entries = records.entries;
  input.checks = records.checks;
  input.function_activities = records.function_activities;
  input.function_ratings = records.function_ratings;
  if (auto name = core::check_report_name(patient.display_name, "name"))
    input.name = std::move(*name);
  return core::build_report(input);
}

nlohmann::json patient_page_json(const PatientHeader& patient, const core::Report& report) {
  nlohmann::json page = {{"id", patient.id},
                         {"name", patient.display_name},
                         {"sharing", patient.sharing},
                         {"from", app::iso_day(report.from)},
                         {"to", app::iso_day(report.to)}};
  auto& day_list = page["days"] = nlohmann::json::array();
  for (const auto& day : report.progress.days) {
    day_list.push_back({{"date", app::iso_day(day.summary.day)},
                        {"pain_mean", optional_number(day.summary.pain_mean)},
                        {"pain_max", day.summary.pain_max ? nlohmann::json(*day.summary.pain_max)
                                                          : nlohmann::json(nullptr)},
                        {"pain_7day", optional_number(day.pain_7day)},
                        {"walk_minutes", day.summary.walk_minutes}});
  }
  auto& columns = page["columns"] = nlohmann::json::array();
  for (const auto& column : report.columns)
    columns.push_back({{"from", app::iso_day(column.start)}, {"to", app::iso_day(column.last)}});
  auto& regions = page["regions"] = nlohmann::json::array();
  for (const auto& row : report.regions) {
    regions.push_back({{"region", core::to_string(row.region)},
                       {"name", core::info(row.region).display},
                       {"entries", row.entries},
                       {"mean_pain", optional_number(row.mean_pain)}});
  }
  auto& checks = page["checks"] = nlohmann::json::array();
  for (const auto& check : report.checks) {
    const auto day = std::chrono::floor<days>(check.at);
    const std::chrono::hh_mm_ss time{check.at - day};
    checks.push_back(
        {{"date", app::iso_day(day)},
         {"time", fmt::format("{:02}:{:02}", time.hours().count(), time.minutes().count())},
         {"level", core::to_string(check.level)}});
  }
  auto& weeks = page["weeks"] = nlohmann::json::array();
  for (const auto& week : report.activity) {
    weeks.push_back({{"from", app::iso_day(week.start)},
                     {"days", week.days},
                     {"walks", week.walks},
                     {"walk_minutes", week.walk_minutes}});
  }
  auto& function = page["function"] = nlohmann::json::array();
  for (const auto& line : report.function) {
    nlohmann::json ratings = nlohmann::json::array();
    for (const auto& [day, score] : line.ratings)
      ratings.push_back({{"date", app::iso_day(day)}, {"score", score}});
    const auto change = line.change();
    function.push_back({{"activity", line.activity},
                        {"ratings", std::move(ratings)},
                        {"change", change ? nlohmann::json(*change) : nlohmann::json(nullptr)}});
  }
  return page;
}

}  // namespace limber::clinic
