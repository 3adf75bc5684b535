// limber history [--days N] [--json]
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/entry_json.h"
#include "cli/command.h"
#include "cli/entry_text.h"

namespace limber::cli {
namespace {

struct HistoryOptions {
  int days = 7;
  bool json = false;
};

core::Result<void> run_history(Session& session, const HistoryOptions& options) {
  auto diary = session.diary();
  if (!diary)
    return core::Unexpected(diary.error());
  auto entries = (*diary)->recent(options.days);
  if (!entries)
    return core::Unexpected(entries.error());
  std::ostream& out = session.io().out;
  if (options.json) {
    out << app::to_json_text(*entries) << '\n';
    return {};
  }
  if (entries->empty()) {
    fmt::print(out, "No entries in the last {} day{}. Log one with: limber log 5 lower-back\n",
               options.days, options.days == 1 ? "" : "s");
    return {};
  }
  std::string current_day;
  for (const core::Entry& entry : *entries) {
    const core::LocalTime local = entry.local_time();
    std::string heading = day_heading(local);
    if (heading != current_day) {
      fmt::print(out, "{}{}\n", current_day.empty() ? "" : "\n", heading);
      current_day = std::move(heading);
    }
    fmt::print(out, "  {}  #{:<5} {}\n", clock_time(local), entry.id, describe(entry));
  }
  return {};
}

}  // namespace

void add_history_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<HistoryOptions>();
  CLI::App* history = app.add_subcommand("history", "List diary entries, newest first");
  history->add_option("--days,-d", options->days, "How many days back, today included")
      ->capture_default_str()
      ->type_name("N");
  history->add_flag("--json", options->json, "Print JSON for scripts");
  table.add(history, [options](Session& session) { return run_history(session, *options); });
}

}  // namespace limber::cli
