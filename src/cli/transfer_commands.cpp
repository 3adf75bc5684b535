// limber export --format csv|fhir|ics [-o FILE] and limber import FILE.csv
#include <chrono>
#include <optional>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/files.h"
#include "app/report_service.h"
#include "cli/command.h"
#include "cli/remedy_text.h"
#include "cli/safety_gate.h"
#include "cli/typed_text.h"
#include "core/ics.h"
#include "core/vocabulary.h"

namespace limber::cli {
namespace {

using core::Unexpected;

enum class Format { kCsv, kFhir, kIcs };
constexpr std::array<std::string_view, 3> kFormats = {"csv", "fhir", "ics"};

struct ExportOptions {
  std::string format = "csv";
  std::string output = "-";
  std::optional<std::string> patient_name;
  std::optional<std::string> walk_at;       // ics only; default 11:00
  std::optional<std::string> session_at;    // ics only; default 17:00
  std::optional<std::string> log_reminder;  // ics only: the evening question, off by default
};

// The file's text and one line that says what it holds.
struct Exported {
  std::string text;
  std::string what;
};

Result<Exported> export_csv(Context& context) {
  auto diary = context.diary();
  if (!diary)
    return Unexpected(diary.error());
  LIMBER_TRY_ASSIGN(auto csv, (*diary)->export_csv());
  return Exported{std::move(csv),
                  "CSV, the whole diary, one row per entry, oldest first; limber import reads "
                  "it back"};
}

Result<Exported> export_fhir(Context& context, const ExportOptions& options) {
  LIMBER_TRY(check_typed_option(options.patient_name, "--patient-name"));
  LIMBER_TRY_ASSIGN(auto reports, context.reports());
  LIMBER_TRY_ASSIGN(auto document, reports.fhir(options.patient_name));
  const core::FhirCounts& counts = document.counts;
  return Exported{
      std::move(document.json),
      fmt::format("FHIR R4 Bundle: {} pain rating{} as {} (LOINC 72514-3, body sites "
                  "in SNOMED CT), {} check{} as {}, {} Patient; walks, reliefs and sessions are "
                  "only in the CSV export",
                  counts.pain_ratings, counts.pain_ratings == 1 ? "" : "s",
                  counts.pain_ratings == 1 ? "an Observation" : "Observations", counts.checks,
                  counts.checks == 1 ? "" : "s",
                  counts.checks == 1 ? "a QuestionnaireResponse" : "QuestionnaireResponses",
                  options.patient_name ? "a named" : "an anonymous")};
}

Result<Exported> export_ics(Context& context, const ExportOptions& options) {
  auto walk = core::parse_clock_time(options.walk_at.value_or("11:00"), "--walk-at");
  if (!walk)
    return Unexpected(walk.error());
  LIMBER_TRY_ASSIGN(auto start,
                    core::parse_clock_time(options.session_at.value_or("17:00"), "--session-at"));
  std::optional<std::chrono::minutes> log_reminder;
  if (options.log_reminder) {
    LIMBER_TRY_ASSIGN(log_reminder,
                      core::parse_clock_time(*options.log_reminder, "--log-reminder"));
  }
  // The calendar is the plan: the safety check comes first, as for limber today.
  LIMBER_TRY_ASSIGN(auto gate, pass_safety_gate(context, true));
  if (!gate.proceed) {
    return core::fail(core::ErrorCode::kPaused,
                      "the safety check's result pauses the plan, so there is nothing to put in "
                      "a calendar: see limber check");
  }
  LIMBER_TRY_ASSIGN(auto reports, context.reports());
  LIMBER_TRY_ASSIGN(
      auto calendar,
      reports.calendar({*walk, start, core::EventTimes{}.alarm_minutes_before}, log_reminder));
  return Exported{
      std::move(calendar.text),
      fmt::format("iCalendar: {} walk{} and exercise sessions from {} to {}, each with a reminder "
                  "{} minutes before{}",
                  calendar.events, calendar.events == 1 ? "" : "s",
                  core::report_day(calendar.first), core::report_day(calendar.last),
                  core::EventTimes{}.alarm_minutes_before,
                  log_reminder ? fmt::format("; \"{}\" each day at {}", core::kLogReminderSummary,
                                             *options.log_reminder)
                               : std::string())};
}

Result<void> run_export(Context& context, const ExportOptions& options) {
  auto format = core::parse_name(options.format, kFormats, "format");
  if (!format)
    return Unexpected(format.error());
  // An option for another format is a mistake worth saying, not something to ignore.
  const auto format_only = [&](bool given, std::string_view option, Format wanted) -> Result<void> {
    if (given && static_cast<Format>(*format) != wanted) {
      return core::fail(core::ErrorCode::kInvalidInput,
                        fmt::format("{} is for --format {} only", option,
                                    kFormats.at(static_cast<std::size_t>(wanted))));
    }
    return {};
  };
  for (auto check :
       {format_only(options.patient_name.has_value(), "--patient-name", Format::kFhir),
        format_only(options.walk_at.has_value(), "--walk-at", Format::kIcs),
        format_only(options.session_at.has_value(), "--session-at", Format::kIcs),
        format_only(options.log_reminder.has_value(), "--log-reminder", Format::kIcs)}) {
    if (!check)
      return check;
  }
  Result<Exported> exported = Unexpected(core::Error{});
  switch (static_cast<Format>(*format)) {
    case Format::kCsv:
      exported = export_csv(context);
      break;
    case Format::kFhir:
      exported = export_fhir(context, options);
      break;
    case Format::kIcs:
      exported = export_ics(context, options);
      break;
  }
  if (!exported)
    return Unexpected(exported.error());
  if (options.output == "-") {
    context.io().out << exported->text;
    return {};
  }
  if (auto written = app::write_file_atomically(options.output, exported->text); !written)
    return written;
  fmt::print(context.io().err, "Wrote {} ({})\n", options.output, exported->what);
  return {};
}

Result<void> run_import(Context& context, const std::string& file) {
  LIMBER_TRY_ASSIGN(auto text, app::read_file(file));
  auto diary = context.diary();
  if (!diary)
    return Unexpected(diary.error());
  LIMBER_TRY_ASSIGN(auto catalog, context.catalog());
  auto summary = (*diary)->import_csv(text, *catalog);
  if (!summary) {
    return core::fail(summary.error().code,
                      fmt::format("{}: {}; nothing was imported", file, explain(summary.error())));
  }
  fmt::print(context.io().out, "Imported {} entr{} from {}", summary->added,
             summary->added == 1 ? "y" : "ies", file);
  if (summary->already_there > 0) {
    fmt::print(context.io().out, " ({} already in the diary, skipped)", summary->already_there);
  }
  context.io().out << '\n';
  return {};
}

}  // namespace

void add_transfer_commands(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* exporter = app.add_subcommand(
      "export", "Write the diary (csv, fhir) or the week's plan (ics) to a file");
  exporter
      ->add_option("--format,-f", options->format,
                   "csv (the whole diary, re-importable), fhir (FHIR R4 JSON for clinic "
                   "systems) or ics (the coming week's plan for a phone calendar)")
      ->capture_default_str();
  exporter->add_option("--output,-o", options->output, "File to write (- for the screen)")
      ->type_name("FILE");
  exporter
      ->add_option("--patient-name", options->patient_name,
                   "fhir: the name to put in the Patient (default: left anonymous)")
      ->type_name("NAME");
  exporter->add_option("--walk-at", options->walk_at, "ics: when to walk each day (default 11:00)")
      ->type_name("HH:MM");
  exporter
      ->add_option("--session-at", options->session_at,
                   "ics: when to exercise each day (default 17:00)")
      ->type_name("HH:MM");
  exporter
      ->add_option("--log-reminder", options->log_reminder,
                   "ics: ask \"How is your back this evening?\" each day at this time, as "
                   "limber watch --log-reminder does (default: not asked)")
      ->type_name("HH:MM");
  add_examples(*exporter,
               {{"limber export --format csv --output diary.csv", "The whole diary as a CSV file"},
                {"limber export --format ics -o plan.ics", "The coming week's plan for a calendar"},
                {"limber export --format ics --log-reminder 20:00 -o plan.ics",
                 "The same, with a daily reminder to log at 20:00"}});
  table.add(
      exporter, [options](Context& context) { return run_export(context, *options); },
      Access::kReads);

  auto file = std::make_shared<std::string>();
  CLI::App* importer =
      app.add_subcommand("import", "Add the entries of a CSV export (all rows or none)");
  importer->add_option("file", *file, "A CSV file written by limber export")
      ->required()
      ->type_name("FILE");
  add_examples(*importer, {{"limber import diary.csv", "Add the entries of a CSV export"}});
  table.add(importer, [file](Context& context) { return run_import(context, *file); });
}

}  // namespace limber::cli
