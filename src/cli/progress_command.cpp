// limber progress [--days N] [--json]: the weeks going by.
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "app/progress_json.h"
#include "cli/command.h"
#include "core/day_summary.h"

namespace limber::cli {
namespace {

struct ProgressOptions {
  int days = 28;
  std::optional<std::string> tag;
  bool json = false;
};

// One bar per week, on one scale for every region (`most` entries is the full bar), so 3
// neck entries never look like 8 lower-back ones.
std::string bars(const std::vector<int>& counts, int most) {
  std::vector<std::optional<double>> scaled;
  scaled.reserve(counts.size());
  for (int count : counts) {
    scaled.push_back(count == 0 ? std::nullopt : std::optional<double>(10.0 * count / most));
  }
  return core::sparkline(scaled);
}

core::Result<void> run_progress(Context& context, const ProgressOptions& options) {
  LIMBER_TRY_ASSIGN(auto plans, context.plans());
  LIMBER_TRY_ASSIGN(auto progress, plans->progress(options.days, options.tag));
  auto function = plans->function_summary(progress.last);
  if (!function)
    return core::Unexpected(function.error());
  std::ostream& out = context.io().out;
  if (options.json) {
    out << app::to_json(progress, *function).dump(2) << '\n';
    return {};
  }
  std::vector<std::optional<double>> daily;
  std::vector<std::optional<double>> line;
  for (const core::ProgressDay& day : progress.days) {
    daily.push_back(day.summary.pain_mean);
    line.push_back(day.pain_7day);
  }
  fmt::print(out, "Progress, {} to {}{}\n\n", app::iso_day(progress.first),
             app::iso_day(progress.last),
             progress.tag ? fmt::format(", entries tagged {} only", *progress.tag) : "");
  fmt::print(out, "Pain, daily mean  [{}]\n", core::sparkline(daily));
  fmt::print(out, "Pain, 7-day line  [{}]\n", core::sparkline(line));
  if (progress.recent_pain && progress.start_pain) {
    const double change = *progress.change();
    fmt::print(out,
               "Now {:.1f}/10 over the last 7 days; {:.1f} when this episode began ({:+.1f}{})\n",
               *progress.recent_pain, *progress.start_pain, change,
               change <= -2  ? ": a real improvement"
               : change >= 2 ? ": worse, take it slower"
                             : "");
  } else if (progress.tag) {
    fmt::print(out, "No pain entries tagged {} in this period.\n", *progress.tag);
  } else {
    fmt::print(out, "No pain entries in this period yet. Log one: limber log 5 lower-back\n");
  }
  if (!progress.regions.empty()) {
    int most = 1;
    for (const core::RegionWeeks& region : progress.regions) {
      for (int count : region.entries_per_week)
        most = std::max(most, count);
    }
    fmt::print(out, "\nWhere it hurt, entries per week (oldest left; a full bar is {})\n", most);
    for (const core::RegionWeeks& region : progress.regions) {
      fmt::print(out, "  {:<20} [{}]\n", core::info(region.region).display,
                 bars(region.entries_per_week, most));
    }
  }
  fmt::print(out, "\nWalks: {} ({} min). Sessions: {} ({} min){}.\n", progress.walks,
             progress.walk_minutes, progress.sessions, progress.session_minutes,
             progress.flares > 0 ? fmt::format(", {} followed by more pain", progress.flares) : "");
  if (!progress.tags.empty()) {
    std::vector<std::string> tags;
    for (const core::TagCount& tag : progress.tags)
      tags.push_back(fmt::format("{} ({})", tag.tag, tag.entries));
    fmt::print(out, "Tags in this period: {}\n", fmt::join(tags, ", "));
  }
  if (function->score) {
    fmt::print(out,
               "Activities you find hard: {:.1f}/10 ({:+.1f} since the start; about 2 points is a "
               "change that matters)\n",
               *function->score, function->change.value_or(0.0));
  } else if (function->activities == 0) {
    fmt::print(out, "Track what the pain makes hard: limber function add \"put on socks\"\n");
  }
  return {};
}

}  // namespace

void add_progress_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ProgressOptions>();
  CLI::App* progress =
      app.add_subcommand("progress", "Pain, regions, walks and sessions over time");
  progress->add_option("--days,-d", options->days, "How many days back, today included")
      ->capture_default_str()
      ->type_name("N");
  progress
      ->add_option("--tag,-t", options->tag,
                   "Count only the entries with this tag, like lifting (limber progress lists "
                   "the tags used)")
      ->type_name("TAG");
  progress->add_flag("--json", options->json, "Print JSON for scripts");
  add_examples(*progress, {{"limber progress --days 28", "The last four weeks"}});
  table.add(
      progress, [options](Context& context) { return run_progress(context, *options); },
      Access::kReads);
}

}  // namespace limber::cli
