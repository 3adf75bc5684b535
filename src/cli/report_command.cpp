// limber report [--from DAY] [--to DAY] [--name NAME] -o FILE.pdf: the diary on a page or
// two for the physical therapist.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/draw_module.h"
#include "app/files.h"
#include "app/report_service.h"
#include "cli/command.h"
#include "cli/typed_text.h"
#include "core/typed_day.h"

namespace limber::cli {
namespace {

using core::Unexpected;

struct ReportOptions {
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::string> name;
  std::string output;
};

Result<std::optional<std::chrono::local_days>> read_day(const std::optional<std::string>& text,
                                                        const core::Now& now,
                                                        std::string_view option) {
  if (!text)
    return std::optional<std::chrono::local_days>{};
  return core::parse_day(*text, std::chrono::floor<std::chrono::days>(now.local), option)
      .transform([](std::chrono::local_days day) { return std::optional(day); });
}

Result<void> run_report(Context& context, const ReportOptions& options) {
  auto from = read_day(options.from, context.now(), "--from");
  if (!from)
    return Unexpected(from.error());
  auto to = read_day(options.to, context.now(), "--to");
  if (!to)
    return Unexpected(to.error());
  if (*from && *to) {
    if (auto valid = core::check_period(**from, **to); !valid)
      return valid;
  }
  std::string name;
  if (options.name) {
    if (auto typed = check_typed_option(options.name, "--name"); !typed)
      return typed;
    LIMBER_TRY_ASSIGN(auto checked,
                      core::check_report_name(*options.name, "name given with --name"));
    name = std::move(checked);
  }
  if (options.output.empty() || options.output == "-") {
    return core::fail(core::ErrorCode::kInvalidInput,
                      "give the file to write with -o, for example -o report.pdf (a PDF is not "
                      "for the screen)");
  }
  LIMBER_TRY_ASSIGN(auto service, context.reports());
  auto report = service.report(*from, *to, std::move(name));
  if (!report)
    return Unexpected(report.error());
  LIMBER_TRY_ASSIGN(auto pdf, app::render_report_pdf(*report, context.now()));
  if (auto written = app::write_file_atomically(options.output, pdf); !written)
    return written;
  fmt::print(context.io().err,
             "Wrote the report for {} to {} to {} (PDF, A4): a self-kept diary to show your "
             "physical therapist, not a medical record\n",
             core::report_day(report->from), core::report_day(report->to), options.output);
  return {};
}

}  // namespace

void add_report_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* report = app.add_subcommand(
      "report", "A PDF of the diary for your physical therapist: pain, places, checks, progress");
  report
      ->add_option(
          "--from", options->from,
          "First day (2026-11-20, today, yesterday, a weekday; default: the episode's start, at "
          "most 12 weeks back; the web page's Report uses the same)")
      ->type_name("DAY");
  report->add_option("--to", options->to, "Last day (default: today)")->type_name("DAY");
  report
      ->add_option("--name", options->name,
                   "Your name, for the report's header (optional; the page has the same field)")
      ->type_name("NAME");
  report->add_option("--output,-o", options->output, "The PDF file to write")
      ->required()
      ->type_name("FILE");
  add_examples(*report, {{"limber report --from 2026-11-01 --name 'Alex Doe' -o report.pdf",
                          "A PDF from the first of November until today"}});
  table.add(
      report, [options](Context& context) { return run_report(context, *options); },
      Access::kReads);
}

}  // namespace limber::cli
