// limber exercises [--style S] [--phase P] [--json] and limber exercises show ID
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "app/plan_json.h"
#include "cli/command.h"
#include "core/display_names.h"

namespace limber::cli {
namespace {

using core::Result;
using core::Unexpected;

struct ListOptions {
  std::optional<std::string> style;
  std::optional<std::string> phase;
  bool json = false;
  std::string show_id;
  bool show_json = false;
};

std::string dose_text(const core::Dose& dose) {
  std::string what = dose.hold_seconds ? fmt::format("hold {} s", *dose.hold_seconds)
                                       : fmt::format("{} times", dose.reps.value_or(1));
  if (dose.sets > 1)
    what += fmt::format(", {} sets", dose.sets);
  if (dose.rest_seconds > 0)
    what += fmt::format(", rest {} s between", dose.rest_seconds);
  return what;
}

Result<void> run_list(Context& context, const ListOptions& options) {
  std::optional<core::Style> style;
  std::optional<core::Phase> phase;
  if (options.style) {
    auto parsed = core::parse_style(*options.style);
    if (!parsed)
      return Unexpected(parsed.error());
    style = *parsed;
  }
  if (options.phase) {
    auto parsed = core::parse_phase(*options.phase);
    if (!parsed)
      return Unexpected(parsed.error());
    phase = *parsed;
  }
  auto catalog = context.catalog();
  if (!catalog)
    return Unexpected(catalog.error());
  std::vector<const core::Exercise*> chosen;
  for (const core::Exercise& exercise : (*catalog)->all()) {
    if (style && exercise.style != *style)
      continue;
    if (phase && !exercise.suits(*phase))
      continue;
    chosen.push_back(&exercise);
  }
  std::ostream& out = context.io().out;
  if (options.json) {
    auto list = nlohmann::json::array();
    for (const core::Exercise* exercise : chosen)
      list.push_back(app::to_json(*exercise, false));
    out << list.dump(2) << '\n';
    return {};
  }
  core::Style current = core::Style::kBasics;
  bool first = true;
  for (const core::Exercise* exercise : chosen) {
    if (first || exercise->style != current) {
      fmt::print(out, "{}{}\n", first ? "" : "\n", core::to_string(exercise->style));
      current = exercise->style;
      first = false;
    }
    std::vector<std::string_view> phases;
    for (core::Phase p : exercise->phases)
      phases.push_back(core::mobility_word(p));
    fmt::print(out, "  {:<32} L{} {:>2} min  {:<24} {}\n", exercise->id, exercise->level,
               exercise->minutes, fmt::format("{}", fmt::join(phases, ",")), exercise->name);
  }
  std::vector<std::string> legend;
  for (int p = 0; p < core::kPhaseCount; ++p) {
    const auto each = static_cast<core::Phase>(p);
    legend.push_back(fmt::format("{} ({})", core::mobility_word(each), core::display_name(each)));
  }
  fmt::print(out,
             "\n{} exercise{}. L: level, 1 (gentlest) to {}. Phases: {}.\nDetails: limber "
             "exercises show ID\n",
             chosen.size(), chosen.size() == 1 ? "" : "s", core::kMaxExerciseLevel,
             fmt::join(legend, ", "));
  return {};
}

Result<void> run_show(Context& context, const std::string& id, bool json) {
  auto catalog = context.catalog();
  if (!catalog)
    return Unexpected(catalog.error());
  auto exercise = (*catalog)->get(id);
  if (!exercise)
    return Unexpected(exercise.error());
  const core::Exercise& e = **exercise;
  std::ostream& out = context.io().out;
  if (json) {
    out << app::to_json(e, true).dump(2) << '\n';
    return {};
  }
  std::vector<std::string> phases;
  for (core::Phase p : e.phases)
    phases.push_back(fmt::format("{} ({})", core::display_name(p), core::mobility_word(p)));
  fmt::print(out, "{} ({})\n{}\n\n", e.name, e.id, e.summary);
  fmt::print(out, "Style {} · level {} of {} · about {} min · {}\nPhases: {}\n",
             core::display_name(e.style), e.level, core::kMaxExerciseLevel, e.minutes,
             core::to_string(e.position), fmt::join(phases, ", "));
  fmt::print(out, "Dose: {}\n\nSteps\n", dose_text(e.dose));
  for (std::size_t i = 0; i < e.steps.size(); ++i)
    fmt::print(out, "  {}. {}\n", i + 1, e.steps[i]);
  fmt::print(out, "\nCues\n");
  for (const std::string& cue : e.cues)
    fmt::print(out, "  - {}\n", cue);
  fmt::print(out, "\nStop if\n");
  for (const std::string& stop : e.stop_if)
    fmt::print(out, "  - {}\n", stop);
  auto list = [](const auto& items) {
    std::vector<std::string_view> words;
    words.reserve(items.size());
    for (const auto& item : items)
      words.push_back(core::to_string(item));
    return words.empty() ? std::string("-") : fmt::format("{}", fmt::join(words, ", "));
  };
  fmt::print(out, "\nStrengthens: {}\nRelaxes: {}\nEases: {}\n", list(e.strengthens),
             list(e.relaxes), list(e.eases));
  return {};
}

}  // namespace

void add_exercise_commands(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* exercises = app.add_subcommand("exercises", "List the exercise catalog");
  exercises
      ->add_option("--style", options->style, "basics, ballet, capoeira, flamenco, pilates, yoga")
      ->type_name("STYLE");
  exercises
      ->add_option("--phase", options->phase,
                   "lie, stand, walk or move: the words limber log --mobility takes (rest is lie)")
      ->type_name("PHASE");
  exercises->add_flag("--json", options->json, "Print JSON for scripts");
  add_examples(*exercises, {{"limber exercises --style yoga --phase stand",
                             "Yoga exercises you can do standing"}});
  table.add(exercises, [options](Context& context) { return run_list(context, *options); });

  CLI::App* show = exercises->add_subcommand("show", "Show one exercise in full");
  show->add_option("id", options->show_id, "Exercise id, as listed")->required()->type_name("ID");
  show->add_flag("--json", options->show_json, "Print JSON for scripts");
  add_examples(*show, {{"limber exercises show yoga-cat-cow", "The cat-cow exercise in full"}});
  table.add(show, [options](Context& context) {
    return run_show(context, options->show_id, options->show_json);
  });
}

}  // namespace limber::cli
