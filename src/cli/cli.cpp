#include "cli/cli.h"

#include <algorithm>
#include <charconv>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/backup.h"
#include "app/builtin_catalog.h"
#include "app/local_time.h"
#include "app/therapist_service.h"
#include "cli/command.h"
#include "cli/remedy_text.h"
#include "core/suggest.h"

namespace limber::cli {

namespace {

// The one table from failure kind to exit code (2: the command was wrong, fix and retry).
int exit_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
      return kExitUsage;
    case ErrorCode::kBadFile:
    case ErrorCode::kBusy:
    case ErrorCode::kNotLimber:
    case ErrorCode::kTooNew:
    case ErrorCode::kCorrupt:
    case ErrorCode::kIo:
      return kExitFailure;
    case ErrorCode::kPaused:
      return kExitPaused;
  }
  return kExitFailure;
}

std::chrono::milliseconds busy_timeout(const app::GetEnv& env) {
  // LIMBER_BUSY_TIMEOUT_MS: how long a write waits for another writer (default 5 s).
  if (auto text = env("LIMBER_BUSY_TIMEOUT_MS")) {
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec == std::errc() && ptr == text->data() + text->size() && value >= 0) {
      return std::chrono::milliseconds{value};
    }
  }
  return std::chrono::milliseconds{5000};
}

// CLI11 words an unknown command as "arguments were not expected"; say it plainly.
std::string unknown_command_message(const CLI::App& app, const CLI::ParseError& error) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({}))
    names.push_back(sub->get_name());
  const auto remaining = app.remaining();
  if (app.get_subcommands().empty() && !remaining.empty() && !remaining.front().starts_with('-')) {
    const std::vector<std::string_view> views(names.begin(), names.end());
    return fmt::format("unknown command '{}'.{} Commands: {}", remaining.front(),
                       core::did_you_mean(remaining.front(), views), fmt::join(names, ", "));
  }
  return error.what();
}

// One line each, on what opening the diary found.
void tell_opened(const store::Database& db, std::ostream& err) {
  const store::OpenReport& report = db.report();
  if (!report.tightened.empty()) {
    std::vector<std::string> names;
    for (const auto& path : report.tightened)
      names.push_back(path.string());
    fmt::print(err,
               "limber: other users of this computer could read your diary; {} now readable "
               "by you only: {}\n",
               names.size() == 1 ? "it is" : "these are", fmt::join(names, ", "));
  }
  if (report.wal_skipped) {
    fmt::print(err,
               "limber: the diary {} cannot be written here, and its latest changes (in {}-wal) "
               "could not be read with it: copy its folder somewhere you may write to see them\n",
               db.path().string(), db.path().string());
  }
}

}  // namespace

core::Result<std::filesystem::path> Context::data_dir() const {
  return app::data_dir(data_dir_flag_, invocation_.env);
}

core::Result<const store::Database*> Context::database() {
  if (db_)
    return &*db_;
  LIMBER_TRY_ASSIGN(auto dir, data_dir());
  const bool writes = access_ != Access::kReads;
  const std::filesystem::path backups = app::backup_folder(dir);
  const auto today = now_.today();
  // The first write of the day checks the diary and keeps a copy of it: a stat otherwise.
  const bool daily = access_ == Access::kWrites && app::daily_copy_due(backups, today);
  store::OpenOptions options{
      .busy_timeout = busy_timeout(invocation_.env),
      .read_only = !writes,
      .quick_check = daily,
      .backup_folder = backups,
  };
  LIMBER_TRY_ASSIGN(auto db, store::Database::open(dir / app::kDiaryFileName, options));
  db_.emplace(std::move(db));
  tell_opened(*db_, invocation_.io.err);
  if (daily && !db_->read_only()) {
    if (auto copied = app::make_daily_copy(*db_, backups, today); !copied) {
      fmt::print(invocation_.io.err, "limber: today's backup copy was not made: {}\n",
                 explain(copied.error()));
    }
  }
  return &*db_;
}

void Context::tell_unreadable() {
  if (!db_ || unreadable_told_ || db_->unreadable().empty())
    return;
  const std::size_t count = db_->unreadable().size();
  fmt::print(invocation_.io.err,
             "limber: {} entr{} could not be read (the diary is damaged there) and {} left out; "
             "run 'limber doctor'\n",
             count, count == 1 ? "y" : "ies", count == 1 ? "was" : "were");
}

core::Result<const app::DiaryService*> Context::diary() {
  if (!diary_) {
    LIMBER_TRY_ASSIGN(auto db, database());
    diary_.emplace(*db, now_);
  }
  return &*diary_;
}

core::Result<const core::Catalog*> Context::catalog() {
  if (!catalog_) {
    // limber's own and, issue 15, the exercises from the person's therapist in the diary.
    LIMBER_TRY_ASSIGN(auto db, database());
    LIMBER_TRY_ASSIGN(auto catalog, app::diary_catalog(*db, app::builtin_catalog_files()));
    catalog_.emplace(std::move(catalog));
  }
  return &*catalog_;
}

core::Result<const app::PlanService*> Context::plans() {
  if (!plans_) {
    LIMBER_TRY_ASSIGN(auto db, database());
    LIMBER_TRY_ASSIGN(auto catalog, this->catalog());
    LIMBER_TRY_ASSIGN(auto screening, this->screening());
    plans_.emplace(*db, now_, *catalog, *screening);
  }
  return &*plans_;
}

core::Result<app::ReportService> Context::reports() {
  LIMBER_TRY_ASSIGN(auto plans, this->plans());
  LIMBER_TRY_ASSIGN(auto db, database());
  return app::ReportService(*db, *plans);
}

core::Result<const app::ScreeningService*> Context::screening() {
  if (!screening_) {
    LIMBER_TRY_ASSIGN(auto db, database());
    screening_.emplace(*db, now_);
  }
  return &*screening_;
}

namespace {

// limber's own options and every command of `commands`: what --help shows.
void define(CLI::App& app, std::optional<std::string>& data_dir_flag, CommandSet commands,
            CommandTable& table) {
  app.description(
      "limber: a companion for getting over a back spasm at home.\n"
      "It keeps a pain diary, and never gives a diagnosis or a dose.");
  app.name("limber");
  app.set_version_flag("--version", std::string(LIMBER_VERSION));
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.add_option("--data-dir", data_dir_flag,
                 "Folder of the diary (default: $LIMBER_HOME, else $XDG_DATA_HOME/limber)")
      ->type_name("DIR");
  commands(app, table);
}

}  // namespace

void describe(CommandSet commands, const std::function<void(const CLI::App&)>& visit) {
  CLI::App app;
  std::optional<std::string> data_dir_flag;
  CommandTable table;
  define(app, data_dir_flag, commands, table);
  visit(app);
}

std::string_view version() {
  return LIMBER_VERSION;
}

int run(const Invocation& invocation, CommandSet commands) {
  const Io& io = invocation.io;
  CLI::App app;
  std::optional<std::string> data_dir_flag;
  CommandTable table;
  define(app, data_dir_flag, commands, table);

  std::vector<std::string> reversed(invocation.args.rbegin(), invocation.args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    io.out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion& version) {
    io.out << version.what() << '\n';
    return kExitOk;
  } catch (const CLI::ParseError& error) {
    // A subcommand's --help arrives as CallForHelp from that subcommand.
    const CLI::App* failing = &app;
    for (CLI::App* sub : app.get_subcommands())
      failing = sub;
    fmt::print(io.err, "limber: {}\nRun 'limber{}{} --help' for usage.\n",
               unknown_command_message(app, error), failing == &app ? "" : " ",
               failing == &app ? "" : failing->get_name());
    return kExitUsage;
  }

  Context context(invocation, data_dir_flag);
  context.set_now(app::local_now(invocation.now));
  // The deepest subcommand given ("exercises show" runs show).
  const CLI::App* chosen = nullptr;
  for (auto parsed = app.get_subcommands(); !parsed.empty();
       parsed = parsed.front()->get_subcommands()) {
    chosen = parsed.front();
  }
  for (const auto& [command, action, access] : table.commands) {
    if (command == chosen || (chosen == nullptr && command->get_name() == "status")) {
      context.set_access(access);
      auto result = action(context);
      context.tell_unreadable();
      if (!result) {
        fmt::print(io.err, "limber: {}\n", explain(result.error()));
        return exit_code(result.error().code);
      }
      return kExitOk;
    }
  }
  fmt::print(io.err, "limber: that command is not ready yet\n");
  return kExitFailure;
}

core::Result<std::vector<core::RegionRating>> read_regions(const std::vector<std::string>& words) {
  std::vector<core::RegionRating> ratings;
  for (const std::string& word : words) {
    LIMBER_TRY_ASSIGN(auto rating, core::parse_region_rating(word));
    ratings.push_back(rating);
  }
  return core::unique_regions(std::move(ratings));
}

}  // namespace limber::cli
