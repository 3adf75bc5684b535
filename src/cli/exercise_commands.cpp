// limber exercises [--style S] [--phase P] [--json] and limber exercises show ID
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "app/builtin_catalog.h"
#include "app/files.h"
#include "app/plan_json.h"
#include "app/therapist_service.h"
#include "cli/command.h"
#include "core/display_names.h"

namespace limber::cli {
namespace {

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
    LIMBER_TRY_ASSIGN(auto parsed, core::parse_style(*options.style));
    style = parsed;
  }
  if (options.phase) {
    LIMBER_TRY_ASSIGN(auto parsed, core::parse_phase(*options.phase));
    phase = parsed;
  }
  LIMBER_TRY_ASSIGN(auto catalog, context.catalog());
  std::vector<const core::Exercise*> chosen;
  for (const core::Exercise& exercise : catalog->all()) {
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
    fmt::print(out, "  {:<32} L{} {:>2} min  {:<24} {}{}\n", exercise->id, exercise->level,
               exercise->minutes, fmt::format("{}", fmt::join(phases, ",")), exercise->name,
               exercise->from_therapist ? " (from your therapist)" : "");
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
  LIMBER_TRY_ASSIGN(auto catalog, context.catalog());
  LIMBER_TRY_ASSIGN(auto exercise, catalog->get(id));
  const core::Exercise& e = *exercise;
  std::ostream& out = context.io().out;
  if (json) {
    out << app::to_json(e, true).dump(2) << '\n';
    return {};
  }
  std::vector<std::string> phases;
  for (core::Phase p : e.phases)
    phases.push_back(fmt::format("{} ({})", core::display_name(p), core::mobility_word(p)));
  fmt::print(out, "{} ({}){}\n{}\n\n", e.name, e.id,
             e.from_therapist ? ", from your therapist" : "", e.summary);
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

// Issue 15: exercises from the person's therapist, from a file in the catalog's schema.
Result<void> run_add(Context& context, const std::string& file) {
  LIMBER_TRY_ASSIGN(std::string text, app::read_file(file));
  LIMBER_TRY_ASSIGN(auto db, context.database());
  LIMBER_TRY_ASSIGN(auto builtin, app::builtin_catalog());
  LIMBER_TRY_ASSIGN(auto added,
                    app::TherapistService(*db, context.now())
                        .add(std::filesystem::path(file).filename().string(), text, builtin));
  std::ostream& out = context.io().out;
  fmt::print(out, "Added {} exercise{} from your therapist{}:\n", added.exercises.size(),
             added.exercises.size() == 1 ? "" : "s",
             added.new_ones < static_cast<int>(added.exercises.size())
                 ? fmt::format(" ({} replaced, with the same id)",
                               static_cast<int>(added.exercises.size()) - added.new_ones)
                 : "");
  for (const core::Exercise& exercise : added.exercises)
    fmt::print(out, "  {:<32} {}\n", exercise.id, exercise.name);
  fmt::print(out,
             "The plan offers them when your phase and level allow, like every exercise, and "
             "not while the safety check says to stop.\n");
  return {};
}

Result<void> run_remove(Context& context, const std::string& id) {
  LIMBER_TRY_ASSIGN(auto db, context.database());
  LIMBER_TRY_ASSIGN(auto builtin, app::builtin_catalog());
  LIMBER_TRY(app::TherapistService(*db, context.now()).remove(id, builtin));
  fmt::print(context.io().out, "Removed {}. Sessions logged with it keep it in the diary.\n", id);
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

  auto file = std::make_shared<std::string>();
  CLI::App* add = exercises->add_subcommand(
      "add",
      "Add exercises from your therapist, from a JSON file in the catalog's own format "
      "(data/exercises/schema.json); ids must not be limber's own");
  add->add_option("file", *file, R"(The JSON file ({"style": ..., "exercises": [...]}))")
      ->required()
      ->type_name("FILE.json");
  table.add(add, [file](Context& context) { return run_add(context, *file); });

  auto id = std::make_shared<std::string>();
  CLI::App* remove =
      exercises->add_subcommand("remove", "Remove an exercise you added from your therapist");
  remove->add_option("id", *id, "Its id, as limber exercises lists it")
      ->required()
      ->type_name("ID");
  table.add(remove, [id](Context& context) { return run_remove(context, *id); });
}

}  // namespace limber::cli
