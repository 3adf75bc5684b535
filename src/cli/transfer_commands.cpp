// limber export --format csv [-o FILE] and limber import FILE.csv
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/files.h"
#include "cli/command.h"
#include "core/vocabulary.h"

namespace limber::cli {
namespace {

using core::Result;
using core::Unexpected;

constexpr std::array<std::string_view, 1> kFormats = {"csv"};

struct ExportOptions {
  std::string format = "csv";
  std::string output = "-";
};

Result<void> run_export(Session& session, const ExportOptions& options) {
  if (auto format = core::parse_name(options.format, kFormats, "format"); !format) {
    return Unexpected(format.error());
  }
  auto diary = session.diary();
  if (!diary)
    return Unexpected(diary.error());
  auto csv = (*diary)->export_csv();
  if (!csv)
    return Unexpected(csv.error());
  if (options.output == "-") {
    session.io().out << *csv;
    return {};
  }
  if (auto written = app::write_file_atomically(options.output, *csv); !written)
    return written;
  fmt::print(session.io().err, "Wrote the diary to {} (CSV, one row per entry, oldest first)\n",
             options.output);
  return {};
}

Result<void> run_import(Session& session, const std::string& file) {
  auto text = app::read_file(file);
  if (!text)
    return Unexpected(text.error());
  auto diary = session.diary();
  if (!diary)
    return Unexpected(diary.error());
  auto summary = (*diary)->import_csv(*text);
  if (!summary) {
    return core::fail(summary.error().code,
                      fmt::format("{}: {}; nothing was imported", file, summary.error().message));
  }
  fmt::print(session.io().out, "Imported {} entr{} from {}", summary->added,
             summary->added == 1 ? "y" : "ies", file);
  if (summary->already_there > 0) {
    fmt::print(session.io().out, " ({} already in the diary, skipped)", summary->already_there);
  }
  session.io().out << '\n';
  return {};
}

}  // namespace

void add_transfer_commands(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* exporter = app.add_subcommand("export", "Write the whole diary to a file");
  exporter->add_option("--format,-f", options->format, "csv")->capture_default_str();
  exporter->add_option("--output,-o", options->output, "File to write (- for the screen)")
      ->type_name("FILE");
  table.add(exporter, [options](Session& session) { return run_export(session, *options); });

  auto file = std::make_shared<std::string>();
  CLI::App* importer =
      app.add_subcommand("import", "Add the entries of a CSV export (all rows or none)");
  importer->add_option("file", *file, "A CSV file written by limber export")
      ->required()
      ->type_name("FILE");
  table.add(importer, [file](Session& session) { return run_import(session, *file); });
}

}  // namespace limber::cli
