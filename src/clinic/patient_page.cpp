#include "clinic/patient_page.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/progress_json.h"
#include "core/display_names.h"
#include "core/mobility.h"
#include "core/red_flags.h"
#include "core/region.h"
#include "core/relief.h"
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

bool has_limber_code(const nlohmann::json& codeable, std::string_view code) {
  if (!codeable.is_object() || !codeable.contains("coding") || !codeable["coding"].is_array())
    return false;
  return std::any_of(codeable["coding"].begin(), codeable["coding"].end(), [&](const auto& coding) {
    return coding.is_object() && string_at(coding, "system") == "urn:limber:code" &&
           string_at(coding, "code") == code;
  });
}

// The component of `resource` with limber's code `code`, or null.
const nlohmann::json* component(const nlohmann::json& resource, std::string_view code) {
  const auto list = resource.find("component");
  if (list == resource.end() || !list->is_array())
    return nullptr;
  for (const auto& part : *list) {
    if (part.is_object() && part.contains("code") && has_limber_code(part["code"], code))
      return &part;
  }
  return nullptr;
}

// The note and tags the patient chose to share ("Tags: a, b" is the tags' Annotation).
void read_notes(core::Entry& entry, const nlohmann::json& resource) {
  const auto notes = resource.find("note");
  if (notes == resource.end() || !notes->is_array())
    return;
  for (const auto& note : *notes) {
    const auto text = note.is_object() ? string_at(note, "text") : std::string();
    if (text.starts_with("Tags: ")) {
      std::string_view rest = std::string_view(text).substr(6);
      while (!rest.empty()) {
        const auto comma = rest.find(", ");
        entry.tags.emplace_back(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
      }
    } else if (!text.empty() && entry.note.empty()) {
      entry.note = text;
    }
  }
}

core::Entry entry_at(const core::OffsetTime& when, core::EntryDetail detail,
                     const nlohmann::json& resource) {
  core::Entry entry;
  entry.at = when.at;
  entry.utc_offset = when.utc_offset;
  entry.detail = std::move(detail);
  read_notes(entry, resource);
  return entry;
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
  // "walk: up and walking a little": limber's mobility id before the colon.
  if (const auto* mobility = component(resource, "mobility")) {
    const auto text = string_at(*mobility, "valueString");
    if (auto parsed = core::parse_mobility(text.substr(0, text.find(':'))))
      pain.mobility = *parsed;
  }
  records.entries.push_back(entry_at(when, std::move(pain), resource));
}

void add_session(SharedRecords& records, const core::OffsetTime& when,
                 const nlohmann::json& resource) {
  const auto minutes = integer_value(resource);
  const auto* before = component(resource, "pain-before");
  const auto* after = component(resource, "pain-after");
  if (!minutes || *minutes < 0 || *minutes > core::kMaxSessionMinutes || before == nullptr ||
      after == nullptr)
    return;
  const auto pain_before = integer_value(*before);
  const auto pain_after = integer_value(*after);
  if (!pain_before || !pain_after)
    return;
  auto score_before = core::PainScore::from_int(*pain_before);
  auto score_after = core::PainScore::from_int(*pain_after);
  if (!score_before || !score_after)
    return;
  core::SessionRecord session{{}, *score_before, *score_after, *minutes};
  if (const auto* exercises = component(resource, "exercises")) {
    const std::string text = string_at(*exercises, "valueString");
    std::string_view rest = text;
    while (!rest.empty() && session.exercises.size() < core::kMaxSessionExercises) {
      const auto comma = rest.find(", ");
      session.exercises.emplace_back(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
    }
  }
  records.entries.push_back(entry_at(when, std::move(session), resource));
}

void add_relief(SharedRecords& records, const core::OffsetTime& when,
                const nlohmann::json& resource) {
  const auto value = resource.find("valueCodeableConcept");
  if (value == resource.end() || !value->is_object())
    return;
  core::ReliefRecord relief;
  if (value->contains("coding") && (*value)["coding"].is_array()) {
    for (const auto& coding : (*value)["coding"]) {
      if (!coding.is_object() || string_at(coding, "system") != "urn:limber:relief")
        continue;
      if (auto kind = core::parse_relief(string_at(coding, "code")))
        relief.kind = *kind;
    }
  }
  const auto text = string_at(*value, "text");
  if (text != core::to_string(relief.kind) && text.size() <= core::kMaxNameLength)
    relief.name = text;
  records.entries.push_back(entry_at(when, std::move(relief), resource));
}

// A day's sitting as stretches that add up to its count, total and longest: the longest
// first, the rest of the time shared evenly between the others.
void add_sitting(SharedRecords& records, const core::OffsetTime& when,
                 const nlohmann::json& resource) {
  const auto total = integer_value(resource);
  const auto* bouts_part = component(resource, "sitting-bouts");
  const auto* longest_part = component(resource, "sitting-longest");
  if (!total || bouts_part == nullptr || longest_part == nullptr)
    return;
  const auto bouts = integer_value(*bouts_part);
  const auto longest = integer_value(*longest_part);
  if (!bouts || !longest || *bouts <= 0 || *bouts > 1000 || *longest < 0 || *longest > *total ||
      *total > 86400 * 2)
    return;
  const auto start = core::to_local(when.at, when.utc_offset);
  records.sitting.push_back({start, seconds(*longest)});
  const int others = *bouts - 1;
  for (int i = 0; i < others; ++i) {
    const int rest = *total - *longest;
    const int share = rest / others + (i < rest % others ? 1 : 0);
    records.sitting.push_back({start, seconds(share)});
  }
}

void add_walk(SharedRecords& records, const core::OffsetTime& when,
              const nlohmann::json& resource) {
  const auto minutes = integer_value(resource);
  if (!minutes || *minutes <= 0 || *minutes > core::kMaxWalkMinutes)
    return;
  records.entries.push_back(entry_at(when, core::WalkRecord{*minutes}, resource));
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
    if (row.code == "pain") {
      add_pain(records, when, resource);
    } else if (row.code == "walk") {
      add_walk(records, when, resource);
    } else if (row.code == "session") {
      add_session(records, when, resource);
    } else if (row.code == "relief") {
      add_relief(records, when, resource);
    } else if (row.code == "sitting") {
      add_sitting(records, when, resource);
    } else if (row.code == "check") {
      add_check(records, when, resource);
    } else if (row.code == "psfs") {
      add_function_rating(records, when, resource);
    }
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
  input.sitting = records.sitting;
  if (auto name = core::check_report_name(patient.display_name, "name"))
    input.name = std::move(*name);
  return core::build_report(input);
}

namespace {

// {"date": "2026-11-20", "time": "08:05"}: a wall-clock reading of the patient's.
nlohmann::json date_and_time(core::LocalTime at) {
  const auto day = std::chrono::floor<days>(at);
  const std::chrono::hh_mm_ss time{at - day};
  return {{"date", app::iso_day(day)},
          {"time", fmt::format("{:02}:{:02}", time.hours().count(), time.minutes().count())}};
}

nlohmann::json optional_mobility(const std::optional<core::Mobility>& mobility) {
  return mobility ? nlohmann::json(core::mobility_description(*mobility)) : nlohmann::json(nullptr);
}

// Getting up and about: where the days started and ended, and each step up or back.
nlohmann::json mobility_json(const core::Report& report) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& milestone : report.milestones) {
    steps.push_back({{"date", app::iso_day(milestone.day)},
                     {"change", "up"},
                     {"words", core::mobility_description(milestone.mobility)}});
  }
  for (const auto& setback : report.setbacks) {
    steps.push_back({{"date", app::iso_day(setback.day)},
                     {"change", "back"},
                     {"words", core::mobility_description(setback.to)},
                     {"from", core::mobility_description(setback.from)}});
  }
  std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) {
    return a["date"].template get<std::string>() < b["date"].template get<std::string>();
  });
  return {{"start", optional_mobility(report.mobility_at_start)},
          {"end", optional_mobility(report.mobility_at_end)},
          {"steps", std::move(steps)}};
}

nlohmann::json sessions_json(const core::Report& report) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& session : report.sessions) {
    nlohmann::json line = date_and_time(session.at);
    line["minutes"] = session.minutes;
    line["pain_before"] = session.pain_before;
    line["pain_after"] = session.pain_after;
    line["exercises"] = session.exercises;
    lines.push_back(std::move(line));
  }
  return {{"total", report.sessions_total}, {"lines", std::move(lines)}};
}

nlohmann::json reliefs_json(const core::Report& report) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& relief : report.reliefs) {
    lines.push_back({{"kind", core::to_string(relief.kind)},
                     {"words", core::display_name(relief.kind)},
                     {"name", relief.name},
                     {"times", relief.times},
                     {"first", app::iso_day(relief.first)},
                     {"last", app::iso_day(relief.last)}});
  }
  return {{"kinds_total", report.relief_kinds_total}, {"lines", std::move(lines)}};
}

// The notes the patient chose to share (`limber share --notes`); none otherwise.
nlohmann::json notes_json(const core::Report& report) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& note : report.notes) {
    nlohmann::json line = date_and_time(note.at);
    line["text"] = note.text;
    lines.push_back(std::move(line));
  }
  return {{"total", report.notes_total}, {"lines", std::move(lines)}};
}

}  // namespace

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
    nlohmann::json line = date_and_time(check.at);
    line["level"] = core::to_string(check.level);
    checks.push_back(std::move(line));
  }
  auto& weeks = page["weeks"] = nlohmann::json::array();
  for (const auto& week : report.activity) {
    weeks.push_back({{"from", app::iso_day(week.start)},
                     {"days", week.days},
                     {"walks", week.walks},
                     {"walk_minutes", week.walk_minutes},
                     {"sessions", week.sessions},
                     {"sitting_bouts", week.sitting_bouts},
                     {"sat_minutes", week.sat.count() / 60}});
  }
  page["mobility"] = mobility_json(report);
  page["sessions"] = sessions_json(report);
  page["reliefs"] = reliefs_json(report);
  page["notes"] = notes_json(report);
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
