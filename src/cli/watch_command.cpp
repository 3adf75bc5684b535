// limber watch [--limit MINUTES] [--break SECONDS] [--pause 30m] [--hours 09:00-18:00]
//              [--days mon-fri] [--walk-at 11:00] [--session-at 17:00] [--log-reminder 20:00]
//              [--install] [--verbose]
//              [--idle-source auto|wayland|gnome|xsync|xss]

#include "cli/watch_command.h"

#include <chrono>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/local_time.h"
#include "cli/command.h"
#include "core/display_names.h"
#include "core/ics.h"
#include "core/sitting_timer.h"
#include "core/working_hours.h"
#include "watch/install.h"
#include "watch/watcher.h"

namespace limber::cli {
namespace {

using std::chrono::seconds;

// The phase's limit is the default; this is the fallback when there is no plan to ask
// (the safety check not done, or its advice standing): half an hour, as in `rest`.
constexpr std::chrono::minutes kFallbackLimit{30};
constexpr seconds kDefaultBreak{120};

struct WatchOptions {
  std::optional<std::string> limit;         // bare number: minutes
  std::optional<std::string> break_length;  // bare number: seconds
  std::optional<std::string> pause;         // bare number: minutes
  std::optional<std::string> hours;         // "09:00-18:00"
  std::optional<std::string> days;          // "mon-fri"
  std::optional<std::string> walk_at;       // "11:00", as `limber export --format ics`
  std::optional<std::string> session_at;    // "17:00"
  std::optional<std::string> log_reminder;  // "20:00": the evening question
  std::string source = "auto";
  bool install = false;
  bool verbose = false;
};

// `limber`, beside this limber-watch: the unit runs `limber watch`, as a person would.
std::filesystem::path limber_binary() {
  std::error_code error;
  auto path = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path("limber") : path.parent_path() / "limber";
}

core::Instant clock_now() {
  return std::chrono::floor<seconds>(std::chrono::system_clock::now());
}

core::Result<void> install(Context& context, const WatchOptions& options) {
  // The diary this command would use, --data-dir or LIMBER_HOME included, is the one the
  // installed timer records into.
  LIMBER_TRY_ASSIGN(auto data_dir, context.data_dir());
  const std::vector<std::string> args =
      watch::watch_args(data_dir, {{"--limit", options.limit},
                                   {"--break", options.break_length},
                                   {"--hours", options.hours},
                                   {"--days", options.days},
                                   {"--walk-at", options.walk_at},
                                   {"--session-at", options.session_at},
                                   {"--log-reminder", options.log_reminder}});
  const std::string exec = watch::exec_line(limber_binary(), args);
  LIMBER_TRY_ASSIGN(auto files, watch::install_files(exec, context.env()));
  std::ostream& out = context.io().out;
  fmt::print(out, "Wrote {}\nWrote {}\nThe timer records into the diary in {}\n",
             files.unit.string(), files.desktop.string(), args[1]);
  if (auto enabled = watch::enable_unit(); !enabled) {
    fmt::print(out,
               "Not enabled now ({}). The autostart entry starts it at your next login; with "
               "systemd, enable it with: systemctl --user enable --now {}\n",
               enabled.error().message, watch::kUnitName);
  } else {
    fmt::print(out, "Enabled and started {}.\n", watch::kUnitName);
  }
  return {};
}

core::Result<void> run_watch(Context& context, const WatchOptions& options) {
  // Checked before --install writes them into the unit.
  auto hours = core::parse_working_hours(options.hours.value_or(""), options.days.value_or(""));
  if (!hours)
    return core::Unexpected(hours.error());
  // The calendar export's times, checked before --install writes them.
  core::EventTimes times;
  if (options.walk_at) {
    LIMBER_TRY_ASSIGN(times.walk, core::parse_clock_time(*options.walk_at, "--walk-at"));
  }
  if (options.session_at) {
    LIMBER_TRY_ASSIGN(times.session, core::parse_clock_time(*options.session_at, "--session-at"));
  }
  std::optional<std::chrono::minutes> log_reminder;
  if (options.log_reminder) {
    LIMBER_TRY_ASSIGN(log_reminder,
                      core::parse_clock_time(*options.log_reminder, "--log-reminder"));
  }
  if (options.install)
    return install(context, options);

  LIMBER_TRY_ASSIGN(auto source, watch::parse_source_choice(options.source));
  std::optional<core::Instant> pause_until;
  if (options.pause) {
    auto length = core::parse_duration(*options.pause, std::chrono::minutes{1});
    if (!length)
      return core::fail(core::ErrorCode::kInvalidInput, "--pause: " + length.error().message);
    pause_until = clock_now() + *length;
    const core::LocalTime local = core::to_local(*pause_until, app::utc_offset_at(*pause_until));
    const std::chrono::hh_mm_ss clock{local - std::chrono::floor<std::chrono::days>(local)};
    const std::string until_text =
        fmt::format("{:02}:{:02}", clock.hours().count(), clock.minutes().count());
    auto asked = watch::request_pause(*pause_until);
    if (asked) {
      fmt::print(context.io().out, "Reminders paused until {}.\n", until_text);
      return {};
    }
    if (asked.error().code != core::ErrorCode::kNotFound && options.verbose)
      fmt::print(context.io().err, "limber watch: {}\n", asked.error().message);
    fmt::print(context.io().err, "limber watch: starting, reminders paused until {}\n", until_text);
  }

  std::optional<seconds> typed_limit;
  if (options.limit) {
    auto typed = core::parse_duration(*options.limit, std::chrono::minutes{1});
    if (!typed)
      return core::fail(core::ErrorCode::kInvalidInput, "--limit: " + typed.error().message);
    typed_limit = *typed;
  }
  seconds break_length = kDefaultBreak;
  if (options.break_length) {
    auto typed = core::parse_duration(*options.break_length, seconds{1});
    if (!typed)
      return core::fail(core::ErrorCode::kInvalidInput, "--break: " + typed.error().message);
    break_length = *typed;
  }
  LIMBER_TRY_ASSIGN(auto catalog, context.catalog());
  LIMBER_TRY_ASSIGN(auto db, context.database());

  // Today's phase gives the limit and the kind of movement to suggest.
  core::Phase phase = core::Phase::kRest;
  seconds limit = kFallbackLimit;
  std::string limit_from = "the default";
  std::vector<core::CalendarEvent> planned;
  if (auto plans = context.plans()) {
    if (auto plan = (*plans)->plan(); plan && !plan->paused && plan->sitting_limit_minutes > 0) {
      phase = plan->phase;
      limit = std::chrono::minutes{plan->sitting_limit_minutes};
      limit_from = fmt::format("today's plan ({})", core::display_name(plan->phase));
      // The week's walks and sessions, as the calendar export plans them.
      if (auto week = (*plans)->plans(plan->day, 7))
        planned = core::week_events(*week, times);
    }
  }
  if (typed_limit) {
    limit = *typed_limit;
    limit_from = "--limit";
  }
  LIMBER_TRY_ASSIGN(auto policy, core::make_sitting_policy(limit, break_length));
  if (options.verbose) {
    fmt::print(context.io().err, "limber watch: sitting limit {} s from {}\n", limit.count(),
               limit_from);
  }

  watch::WatchOptions watch_options{policy, pause_until, source, {}, {}, options.verbose};
  watch_options.hours = *hours;
  watch_options.log_reminder = log_reminder;
  const watch::WatchContext watch_context{*db,       *catalog,        phase, std::move(planned),
                                          clock_now, context.io().err};
  return watch::run_watch(watch_options, watch_context);
}

}  // namespace

std::vector<std::string> watcher_args(std::vector<std::string> args) {
  auto word = args.begin();
  while (word != args.end()) {
    if (*word == "--data-dir" && word + 1 != args.end()) {
      word += 2;
    } else if (word->starts_with("--data-dir=")) {
      ++word;
    } else {
      break;
    }
  }
  if (word == args.end() || *word != "watch")
    args.insert(word, "watch");
  return args;
}

void add_watch_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<WatchOptions>();
  CLI::App* watch = app.add_subcommand(
      "watch",
      "Remind me to stand up when I have sat too long (runs in the background of a desktop "
      "session)");
  watch
      ->add_option("--limit", options->limit,
                   "Sitting limit in minutes (default: today's plan); 90s, 1h also work")
      ->type_name("MINUTES");
  watch
      ->add_option("--break", options->break_length,
                   "No input this long counts as a break, in seconds (default 120); 2m works")
      ->type_name("SECONDS");
  watch
      ->add_option("--pause", options->pause,
                   "Hold reminders for this long, in the running watcher (30m, 1h; a bare "
                   "number is minutes)")
      ->type_name("DURATION");
  watch
      ->add_option("--hours", options->hours,
                   "Remind only between these times, like 09:00-18:00 (sitting is still "
                   "recorded outside them)")
      ->type_name("HH:MM-HH:MM");
  watch
      ->add_option("--days", options->days,
                   "Remind only on these days, like mon-fri or mon,wed,fri (default: every day)")
      ->type_name("DAYS");
  watch
      ->add_option("--walk-at", options->walk_at,
                   "When the plan's walk is, as in the calendar export (default 11:00): "
                   "reminders wait during it")
      ->type_name("HH:MM");
  watch
      ->add_option("--session-at", options->session_at,
                   "When the plan's session is, as in the calendar export (default 17:00): "
                   "reminders wait during it")
      ->type_name("HH:MM");
  watch
      ->add_option("--log-reminder", options->log_reminder,
                   "Ask \"How is your back this evening?\" at this time on days with nothing "
                   "logged (off unless given)")
      ->type_name("HH:MM");
  watch->add_flag("--install", options->install,
                  "Write and enable a systemd user unit and an XDG autostart entry");
  watch->add_flag("--verbose,-v", options->verbose,
                  "Say which idle source was picked and what happens");
  watch
      ->add_option("--idle-source", options->source,
                   "Force an idle source: auto, wayland, gnome, xsync or xss")
      ->capture_default_str()
      ->type_name("NAME");
  add_examples(*watch,
               {{"limber watch --limit 45 --hours 09:00-18:00 --days mon-fri",
                 "A reminder after 45 minutes of sitting, on workdays during working hours"},
                {"limber watch --install", "Start the timer with every desktop session"},
                {"limber watch --pause 30m", "No reminders for half an hour"}});
  table.add(watch, [options](Context& context) { return run_watch(context, *options); });
}

}  // namespace limber::cli
