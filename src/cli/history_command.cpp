// limber history [--days N] [--json] [--sitting]
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include "app/entry_json.h"
#include "app/sitting_service.h"
#include "cli/command.h"
#include "cli/entry_text.h"

namespace limber::cli {
namespace {

struct HistoryOptions {
  int days = 7;
  bool json = false;
  bool sitting = false;
};

// The sitting timer's diary (`limber watch`): bouts, breaks and reminders.
core::Result<void> run_sitting_history(Context& context, const HistoryOptions& options) {
  LIMBER_TRY_ASSIGN(auto db, context.database());
  const app::SittingService sitting(*db, context.now());
  LIMBER_TRY_ASSIGN(auto log, sitting.recent(options.days));
  std::ostream& out = context.io().out;
  if (options.json) {
    out << app::to_json(log).dump(2) << '\n';
    return {};
  }
  if (log.bouts.empty() && log.breaks.empty() && log.reminders.empty()) {
    fmt::print(out,
               "No sitting recorded in the last {} day{}. Start the timer with: limber watch\n",
               options.days, options.days == 1 ? "" : "s");
    return {};
  }
  for (const auto& stored : log.bouts) {
    const core::LocalTime start = core::to_local(stored.bout.start, stored.utc_offset);
    const core::LocalTime end = core::to_local(stored.bout.end, stored.utc_offset);
    fmt::print(out, "  {} {}-{}  sat {} min, {} reminder{}\n", day_heading(start),
               clock_time(start), clock_time(end),
               std::chrono::duration_cast<std::chrono::minutes>(stored.bout.length()).count(),
               stored.bout.reminders, stored.bout.reminders == 1 ? "" : "s");
  }
  // A sit-stand desk ("I was standing") or a session's standing stretch: not sitting.
  for (const auto& stored : log.breaks) {
    if (stored.pause.kind != core::BreakKind::kStanding)
      continue;
    const core::LocalTime start = core::to_local(stored.pause.start, stored.utc_offset);
    const core::LocalTime end = core::to_local(stored.pause.end, stored.utc_offset);
    fmt::print(
        out, "  {} {}-{}  stood {} min\n", day_heading(start), clock_time(start), clock_time(end),
        std::chrono::duration_cast<std::chrono::minutes>(stored.pause.end - stored.pause.start)
            .count());
  }
  if (auto summary = sitting.summary(); summary && !describe(*summary).empty())
    fmt::print(out, "{}\n", describe(*summary));
  return {};
}

// One line about sitting under the diary, when `limber watch` has recorded any.
void print_sitting_line(Context& context, std::ostream& out) {
  auto db = context.database();
  if (!db)
    return;
  auto summary = app::SittingService(**db, context.now()).summary();
  if (summary && !summary->empty()) {
    const std::string line = describe(*summary);
    if (!line.empty())
      fmt::print(out, "\n{}\n", line);
  }
}

core::Result<void> run_history(Context& context, const HistoryOptions& options) {
  if (options.sitting)
    return run_sitting_history(context, options);
  LIMBER_TRY_ASSIGN(auto diary, context.diary());
  auto entries = diary->recent(options.days);
  if (!entries)
    return core::Unexpected(entries.error());
  std::ostream& out = context.io().out;
  if (options.json) {
    out << app::to_json_text(*entries) << '\n';
    return {};
  }
  if (entries->empty()) {
    fmt::print(out, "No entries in the last {} day{}. Log one with: limber log 5 lower-back\n",
               options.days, options.days == 1 ? "" : "s");
    print_sitting_line(context, out);
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
  print_sitting_line(context, out);
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
  history->add_flag("--sitting", options->sitting,
                    "Show sitting bouts, breaks and reminders from `limber watch` instead");
  add_examples(*history,
               {{"limber history --days 3", "The entries of today and the two days before"}});
  table.add(
      history, [options](Context& context) { return run_history(context, *options); },
      Access::kReads);
}

}  // namespace limber::cli
