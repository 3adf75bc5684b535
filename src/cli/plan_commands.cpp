// limber today, prefs, muscles, function, episode: the plan and what shapes it.
#include <charconv>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "app/local_time.h"
#include "app/plan_json.h"
#include "cli/command.h"
#include "cli/entry_text.h"
#include "cli/safety_gate.h"
#include "cli/typed_text.h"
#include "cli/wrap.h"
#include "core/display_names.h"
#include "core/text.h"
#include "core/time_parse.h"
#include "core/typed_day.h"

namespace limber::cli {
namespace {

using core::Unexpected;

template <class T, class Parse>
Result<std::vector<T>> parse_words(const std::string& text, Parse parse) {
  std::vector<T> out;
  for (std::string_view word : core::split_list(text)) {
    if (word == "none")
      continue;
    LIMBER_TRY_ASSIGN(auto value, parse(word));
    if (std::find(out.begin(), out.end(), value) == out.end())
      out.push_back(value);
  }
  return out;
}

template <class T>
std::string names(const std::vector<T>& items) {
  if (items.empty())
    return "none";
  std::vector<std::string_view> out;
  out.reserve(items.size());
  for (const T& item : items)
    out.push_back(core::to_string(item));
  return fmt::format("{}", fmt::join(out, ", "));
}

int minutes_of(const core::Plan& plan, std::initializer_list<core::Part> parts) {
  int total = 0;
  for (const core::PlannedExercise& planned : plan.exercises) {
    if (std::find(parts.begin(), parts.end(), planned.part) != parts.end())
      total += planned.exercise->minutes;
  }
  return total;
}

// Today's plan for a person in pain: what to do now, how much, what next, in a screenful
// wrapped to the terminal (issue #12). `full` adds each exercise's reason and the reasons
// behind the plan.
void print_plan(std::ostream& out, const core::Plan& plan, bool full, int width) {
  std::vector<std::string> lines;
  const auto add = [&](std::string_view first, std::string_view text) {
    for (std::string& line : wrap(first, text, width))
      lines.push_back(std::move(line));
  };
  const core::LocalTime day{plan.day.time_since_epoch()};
  add("", fmt::format("{} · day {} of this episode", day_heading(day), plan.day_of_episode));
  std::string phase =
      fmt::format("Phase: {} · level {}", core::phase_title(plan.phase), plan.level);
  if (plan.flare) {
    phase += " · stepped back after a flare";
  } else if (plan.days_since_flare) {
    phase += fmt::format(" · {} day{} since the last flare", *plan.days_since_flare,
                         *plan.days_since_flare == 1 ? "" : "s");
  }
  add("", phase);
  add("  ", core::level_explanation(plan.level));
  for (const std::string& notice : plan.notices)
    add("  ! ", notice);
  if (plan.offer_check)
    add("  ! ", "Safety check: limber check");
  if (plan.ask_ratings)
    add("  ! ", "Rate them: limber function rate \"ACTIVITY\" 0-10 (limber function list)");
  if (plan.ask_leg_pain) {
    add("  ? ",
        "Does the pain in your leg shoot, tingle or go below the knee? Say so with your next "
        "entry: limber log PAIN PLACES --leg-pain spreads (or stays).");
  }
  if (!plan.flare_advice.empty()) {
    lines.emplace_back();
    lines.emplace_back("After a flare, for two days");
    // A screenful (issue #12): the first piece of advice and the last (when to check
    // again) always; the rest with --full.
    for (std::size_t i = 0; i < plan.flare_advice.size(); ++i) {
      if (full || i == 0 || i + 1 == plan.flare_advice.size())
        add("  · ", plan.flare_advice[i]);
    }
  }
  lines.emplace_back();
  lines.emplace_back("Keep moving");
  for (const std::string& line : plan.keep_moving)
    add("  ", line);
  const auto section = [&](const std::string& heading, std::initializer_list<core::Part> parts,
                           bool numbered) {
    int number = 0;
    for (const core::PlannedExercise& planned : plan.exercises) {
      if (std::find(parts.begin(), parts.end(), planned.part) == parts.end())
        continue;
      if (number++ == 0) {
        lines.emplace_back();
        lines.push_back(heading);
      }
      const std::string first = numbered ? fmt::format("  {}. ", number) : std::string("  · ");
      std::string text =
          fmt::format("{}, {} min", planned.exercise->name, planned.exercise->minutes);
      if (planned.exercise->from_therapist)
        text += ", from your therapist";
      if (numbered && planned.part != core::Part::kMain)
        text += fmt::format(" ({})", core::to_string(planned.part));
      if (full)
        text += fmt::format(" [{}]: {}", planned.exercise->id, planned.reason);
      add(first, text);
    }
  };
  section(fmt::format("Posture routine ({} min)", minutes_of(plan, {core::Part::kPosture})),
          {core::Part::kPosture}, false);
  section(fmt::format("Session ({} min): warm-up, main part, cool-down", plan.session_minutes),
          {core::Part::kWarmUp, core::Part::kMain, core::Part::kCoolDown}, true);
  section(fmt::format("For related pains ({} min)", minutes_of(plan, {core::Part::kRelated})),
          {core::Part::kRelated}, false);
  if (full) {
    lines.emplace_back();
    lines.emplace_back("Why");
    for (const core::Reason& reason : plan.reasons)
      add("  ", fmt::format("{}: {}", core::tip_name(reason.tip), reason.text));
    lines.emplace_back();
    add("", "Details of an exercise: limber exercises show ID");
  } else {
    lines.emplace_back();
    add("", "Why this plan: limber today --full");
  }
  add("", plan.session_minutes > 0 ? "Start the session: limber session"
                                   : "Start the posture routine: limber session");
  for (const std::string& line : lines)
    out << line << '\n';
}

struct TodayOptions {
  std::string day = "today";
  bool json = false;
  bool full = false;
};

Result<void> run_today(Context& context, const TodayOptions& options) {
  LIMBER_TRY_ASSIGN(
      auto day,
      core::parse_day(options.day, std::chrono::floor<std::chrono::days>(context.now().local),
                      "--date"));
  LIMBER_TRY_ASSIGN(auto gate, pass_safety_gate(context, options.json));
  std::ostream& out = context.io().out;
  if (!gate.proceed) {
    if (options.json) {
      out << nlohmann::json{{"paused", true},
                            {"safety", gate.safety["level"]},
                            {"check", gate.safety},
                            {"exercises", nlohmann::json::array()}}
                 .dump(2)
          << '\n';
    }
    return {};
  }
  LIMBER_TRY_ASSIGN(auto plans, context.plans());
  LIMBER_TRY_ASSIGN(auto plan, plans->plan(day));
  if (options.json) {
    nlohmann::json json = app::to_json(plan);
    json["check"] = gate.safety;
    out << json.dump(2) << '\n';
  } else {
    const int width = &out == &std::cout ? terminal_width(STDOUT_FILENO) : 80;
    print_plan(out, plan, options.full, width);
  }
  return {};
}

struct PrefsOptions {
  std::optional<std::string> styles;
  bool json = false;
};

Result<void> show_preferences(Context& context, const core::PlanPreferences& preferences,
                              bool json) {
  std::ostream& out = context.io().out;
  if (json) {
    out << app::to_json(preferences).dump(2) << '\n';
    return {};
  }
  fmt::print(out, "Styles: {}\nWeak (to strengthen): {}\nTight (to relax): {}\n",
             preferences.styles.empty()
                 ? "basics only (choose with limber prefs --styles yoga,ballet)"
                 : names(preferences.styles),
             names(preferences.weak), names(preferences.tight));
  return {};
}

Result<void> run_prefs(Context& context, const PrefsOptions& options) {
  LIMBER_TRY_ASSIGN(auto plans, context.plans());
  std::optional<std::vector<core::Style>> styles;
  if (options.styles) {
    LIMBER_TRY_ASSIGN(auto parsed, parse_words<core::Style>(*options.styles, core::parse_style));
    styles = std::move(parsed);
  }
  LIMBER_TRY_ASSIGN(
      auto preferences,
      styles ? plans->set_preferences(styles, std::nullopt, std::nullopt) : plans->preferences());
  return show_preferences(context, preferences, options.json);
}

struct MuscleOptions {
  std::optional<std::string> weak;
  std::optional<std::string> tight;
  bool json = false;
};

Result<void> run_muscles(Context& context, const MuscleOptions& options) {
  LIMBER_TRY_ASSIGN(auto plans, context.plans());
  std::optional<std::vector<core::Muscle>> weak;
  std::optional<std::vector<core::Muscle>> tight;
  if (options.weak) {
    LIMBER_TRY_ASSIGN(auto parsed, parse_words<core::Muscle>(*options.weak, core::parse_muscle));
    weak = std::move(parsed);
  }
  if (options.tight) {
    LIMBER_TRY_ASSIGN(auto parsed, parse_words<core::Muscle>(*options.tight, core::parse_muscle));
    tight = std::move(parsed);
  }
  if (weak.has_value() != tight.has_value()) {
    LIMBER_TRY_ASSIGN(auto current, plans->preferences());
    if (!weak)
      weak = current.weak;
    if (!tight)
      tight = current.tight;
  }
  LIMBER_TRY_ASSIGN(auto preferences, (weak || tight)
                                          ? plans->set_preferences(std::nullopt, weak, tight)
                                          : plans->preferences());
  return show_preferences(context, preferences, options.json);
}

struct FunctionOptions {
  std::string action;
  std::vector<std::string> words;
  bool json = false;
};

// The CLI's words for the scale's usage; the rules (80 characters, 0-10) are app's.
constexpr std::string_view kAddUsage =
    "name one activity you find hard, up to 80 characters, in quotes: limber function add "
    "\"put on socks\"";
constexpr std::string_view kRateUsage =
    "rate an activity 0 (unable to do it) to 10 (as well as before the pain): limber function "
    "rate \"put on socks\" 4";

// "put on socks: 3 → 5 → 6 (last rated Mon 23 Nov 19:02), +3 since the first rating"
std::string rated_line(const app::RatedActivity& activity) {
  if (activity.ratings.empty())
    return fmt::format("{}: not rated yet", activity.name);
  std::vector<std::string> steps;
  steps.reserve(activity.ratings.size());
  for (const store::FunctionRating& rating : activity.ratings)
    steps.push_back(std::to_string(rating.score));
  const store::FunctionRating& last = activity.ratings.back();
  const int change = last.score - activity.ratings.front().score;
  return fmt::format("{}: {} (last rated {}){}", activity.name, fmt::join(steps, " → "),
                     short_time(core::to_local(last.at, last.utc_offset)),
                     activity.ratings.size() < 2 ? std::string()
                     : change == 0               ? std::string(", the same as at first")
                                   : fmt::format(", {:+} since the first rating", change));
}

void print_function(std::ostream& out, const app::FunctionScale& scale) {
  if (scale.activities.empty()) {
    fmt::print(out,
               "No activities yet. Name up to three things the pain makes hard:\n"
               "  limber function add \"put on socks\"\n");
    return;
  }
  fmt::print(out,
             "Activities you find hard (Patient-Specific Functional Scale, Stratford et al.):\n");
  for (const app::RatedActivity& activity : scale.activities)
    fmt::print(out, "  - {}\n", rated_line(activity));
  if (scale.summary.score) {
    fmt::print(out,
               "Score: {:.1f}/10 (change since the episode began: {:+.1f}; about 2 points is a "
               "change that matters)\n",
               *scale.summary.score, scale.summary.change.value_or(0.0));
  }
}

Result<void> run_function(Context& context, const FunctionOptions& options) {
  LIMBER_TRY_ASSIGN(auto plans, context.plans());
  const app::PlanService& service = *plans;
  std::ostream& out = context.io().out;
  Result<app::FunctionScale> scale;
  if (options.action == "add") {
    if (options.words.size() != 1 || options.words[0].empty())
      return fail(ErrorCode::kInvalidInput, std::string(kAddUsage));
    if (auto typed = check_typed_text(options.words[0], "the activity"); !typed)
      return typed;
    scale = service.add_activity(options.words[0]);
    if (scale && !options.json) {
      fmt::print(out,
                 "Added \"{}\". Rate it now, 0 (unable) to 10 (as before the pain): limber "
                 "function rate \"{}\" N\n",
                 options.words[0], options.words[0]);
      return {};
    }
  } else if (options.action == "remove") {
    if (options.words.size() != 1) {
      return fail(ErrorCode::kInvalidInput,
                  "name the activity to remove: limber function remove \"put on socks\"");
    }
    scale = service.remove_activity(options.words[0]);
    if (scale && !options.json) {
      fmt::print(out, "Removed \"{}\"; its ratings stay in your diary's history.\n",
                 options.words[0]);
      return {};
    }
  } else if (options.action == "rate") {
    int score = -1;
    bool number = false;
    if (options.words.size() == 2) {
      const std::string& text = options.words[1];
      const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), score);
      number = ec == std::errc() && ptr == text.data() + text.size();
    }
    if (!number)
      return fail(ErrorCode::kInvalidInput, std::string(kRateUsage));
    scale = service.rate(options.words[0], score);
  } else if (options.action == "list") {
    scale = service.function_scale();
  } else {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("unknown action '{}': use add, rate, remove or list", options.action));
  }
  if (!scale) {
    if (scale.error().code == ErrorCode::kInvalidInput && options.action == "rate") {
      return fail(ErrorCode::kInvalidInput, fmt::format("{}: limber function rate \"{}\" 4",
                                                        scale.error().message, options.words[0]));
    }
    return Unexpected(scale.error());
  }
  if (options.json) {
    out << app::to_json(*scale).dump(2) << '\n';
    return {};
  }
  print_function(out, *scale);
  return {};
}

Result<void> run_episode(Context& context, bool start_new, bool json) {
  LIMBER_TRY_ASSIGN(auto plans, context.plans());
  auto episode = start_new ? plans->new_episode() : plans->current_episode();
  if (!episode)
    return Unexpected(episode.error());
  if (json) {
    context.io().out << app::to_json(*episode).dump(2) << '\n';
    return {};
  }
  if (start_new) {
    fmt::print(context.io().out,
               "Started episode {}. Your plan starts again gently, from rest; your diary is kept.\n"
               "Log how you feel now: limber log PAIN lower-back --mobility lie|stand|walk|move\n",
               episode->number);
  } else if (episode->start) {
    fmt::print(context.io().out,
               "Episode {}, since {}. Start a new one when your back locks "
               "again: limber episode new\n",
               episode->number,
               short_time(core::to_local(*episode->start, app::utc_offset_at(*episode->start))));
  } else {
    fmt::print(context.io().out,
               "Episode 1, since your first entry. Start a new one when your "
               "back locks again: limber episode new\n");
  }
  return {};
}

}  // namespace

void add_plan_commands(CLI::App& app, CommandTable& table) {
  auto today_options = std::make_shared<TodayOptions>();
  CLI::App* today = app.add_subcommand("today", "Today's plan: what to do, how much, and why");
  today
      ->add_option("--date", today_options->day,
                   "The day: today, yesterday, tomorrow, a weekday (monday or mon) or 2026-11-20")
      ->type_name("DAY");
  today->add_flag("--json", today_options->json, "Print JSON for scripts");
  today->add_flag("--full", today_options->full,
                  "Also say why: each exercise's reason and the reasons behind the plan");
  add_examples(*today, {{"limber today --full", "Today's plan and the reasons for it"},
                        {"limber today --date tomorrow", "Tomorrow's plan"}});
  table.add(
      today, [today_options](Context& context) { return run_today(context, *today_options); },
      Access::kReads);

  auto prefs_options = std::make_shared<PrefsOptions>();
  CLI::App* prefs = app.add_subcommand("prefs", "Show or choose the styles you enjoy");
  prefs
      ->add_option("--styles", prefs_options->styles,
                   "basics, ballet, capoeira, flamenco, pilates, yoga (comma-separated, or none)")
      ->type_name("LIST");
  prefs->add_flag("--json", prefs_options->json, "Print JSON for scripts");
  add_examples(*prefs, {{"limber prefs --styles yoga,pilates", "Plans with yoga and pilates"}});
  table.add(prefs,
            [prefs_options](Context& context) { return run_prefs(context, *prefs_options); });

  auto muscle_options = std::make_shared<MuscleOptions>();
  CLI::App* muscles = app.add_subcommand(
      "muscles", "Mark muscles that feel weak (to strengthen) or tight (to relax)");
  muscles->add_option("--weak", muscle_options->weak, "e.g. deep-abs,glutes (or none)")
      ->type_name("LIST");
  muscles->add_option("--tight", muscle_options->tight, "e.g. hip-flexors,lower-back (or none)")
      ->type_name("LIST");
  muscles->add_flag("--json", muscle_options->json, "Print JSON for scripts");
  muscles->footer(
      "Muscle groups: deep-abs, obliques, glutes, hip-flexors, hamstrings, quads, lower-back, "
      "upper-back, neck, shoulders, calves.");
  add_examples(*muscles, {{"limber muscles --weak glutes --tight hip-flexors",
                           "Strengthen the glutes, relax the hip flexors"}});
  table.add(muscles,
            [muscle_options](Context& context) { return run_muscles(context, *muscle_options); });

  auto function_options = std::make_shared<FunctionOptions>();
  CLI::App* function = app.add_subcommand(
      "function", "Activities you find hard, rated 0-10 (add, rate, remove, list)");
  function->add_option("action", function_options->action, "add, rate, remove or list")
      ->required()
      ->type_name("ACTION");
  function->add_option("words", function_options->words, "\"ACTIVITY\" [RATING]")->type_name("");
  function->add_flag("--json", function_options->json, "Print JSON for scripts");
  add_examples(*function,
               {{"limber function add 'put on socks'", "An activity you find hard"},
                {"limber function rate 'put on socks' 4", "How well it goes today, 0-10"}});
  table.add(function, [function_options](Context& context) {
    return run_function(context, *function_options);
  });

  auto new_episode = std::make_shared<bool>(false);
  auto episode_json = std::make_shared<bool>(false);
  CLI::App* episode = app.add_subcommand("episode", "Show the current episode, or start a new one");
  episode->add_option("action", *new_episode, "new: start a new episode")
      ->type_name("new")
      ->transform([](const std::string& value) {
        if (value != "new")
          throw CLI::ValidationError("episode", "use 'limber episode new' to start a new episode");
        return std::string("true");
      });
  episode->add_flag("--json", *episode_json, "Print JSON for scripts");
  add_examples(*episode, {{"limber episode new", "Start a new episode (a new back spasm)"}});
  table.add(episode, [new_episode, episode_json](Context& context) {
    return run_episode(context, *new_episode, *episode_json);
  });
}

}  // namespace limber::cli
