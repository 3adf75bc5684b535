// limber status (also plain `limber`): how today looks, in a few lines.
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include "app/entry_json.h"
#include "cli/command.h"
#include "cli/entry_text.h"
#include "cli/safety_gate.h"
#include "cli/safety_text.h"
#include "core/day_summary.h"

namespace limber::cli {
namespace {

constexpr int kTrendDays = 14;

core::Result<void> run_status(Context& context, bool json) {
  // The first thing a new person sees: what limber is and is not.
  if (auto shown = show_disclaimer_once(context, json ? context.io().err : context.io().out);
      !shown)
    return shown;
  // Safety first (issue #12): a standing emergency, urgent or see-a-clinician result is
  // the first thing on the screen, before any figure. Nothing is asked here.
  LIMBER_TRY_ASSIGN(auto screening, context.screening());
  LIMBER_TRY_ASSIGN(auto standing, screening->standing());
  const bool safety_matters =
      standing.screened && standing.assessment.level != core::Level::kSelfCare;
  const SafetyText safety = safety_matters ? safety_text(standing, nullptr) : SafetyText{};

  auto diary = context.diary();
  if (!diary)
    return core::Unexpected(diary.error());
  LIMBER_TRY_ASSIGN(auto entries, (*diary)->recent(kTrendDays));
  LIMBER_TRY_ASSIGN(auto latest, (*diary)->store().latest_pain());

  const auto today = std::chrono::floor<std::chrono::days>(context.now().local);
  const auto days = core::summarize_days(entries, today - std::chrono::days{kTrendDays - 1}, today);
  std::vector<std::optional<double>> means;
  means.reserve(days.size());
  for (const core::DaySummary& day : days)
    means.push_back(day.pain_mean);
  const core::DaySummary& now = days.back();

  std::ostream& out = context.io().out;
  if (json) {
    nlohmann::json trend = nlohmann::json::array();
    for (const core::DaySummary& day : days) {
      trend.push_back({{"pain_mean", day.pain_mean ? nlohmann::json(*day.pain_mean) : nullptr},
                       {"walk_minutes", day.walk_minutes}});
    }
    out << nlohmann::json{{"safety", standing.screened ? safety_json(standing, safety)
                                                       : nlohmann::json(nullptr)},
                          {"latest_pain", latest ? app::to_json(*latest) : nullptr},
                          {"today",
                           {{"pain_entries", now.pain_entries},
                            {"walk_minutes", now.walk_minutes},
                            {"reliefs", now.reliefs}}},
                          {"daily", trend}}
               .dump(2)
        << '\n';
    return {};
  }

  fmt::print(out, "limber · {}\n\n", day_heading(context.now().local));
  if (safety_matters) {
    fmt::print(out, "{}\n\n", safety.shown());
  } else if (!standing.screened) {
    fmt::print(out, "No safety check yet. Before your first plan, run: limber check\n\n");
  }
  if (!latest) {
    fmt::print(out,
               "Your diary is empty. Start it with how you feel right now, for example:\n"
               "  limber log 6 lower-back --mobility stand\n"
               "Pain is 0 (none) to 10 (worst imaginable). 'limber log --help' shows more.\n");
    return {};
  }
  fmt::print(out, "Last pain entry: {} ({})\n", describe(*latest),
             short_time(latest->local_time()));
  fmt::print(out, "Today: {} pain entr{}, walked {} min, {} relief{} logged\n", now.pain_entries,
             now.pain_entries == 1 ? "y" : "ies", now.walk_minutes, now.reliefs,
             now.reliefs == 1 ? "" : "s");
  fmt::print(out, "Pain, last {} days: [{}] (daily mean, oldest left)\n", kTrendDays,
             core::sparkline(means));
  fmt::print(out, "\nLog again: limber log PAIN [REGION...]   Look back: limber history\n");
  return {};
}

}  // namespace

void add_status_command(CLI::App& app, CommandTable& table) {
  auto json = std::make_shared<bool>(false);
  CLI::App* status = app.add_subcommand("status", "How today looks (the default command)");
  status->add_flag("--json", *json, "Print JSON for scripts");
  add_examples(*status, {{"limber", "How today looks: the same as limber status"},
                         {"limber status --json", "The same for a script"}});
  table.add(
      status, [json](Context& context) { return run_status(context, *json); }, Access::kReads);
}

}  // namespace limber::cli
