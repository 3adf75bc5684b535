// limber backup [-o FILE] and limber restore FILE
#include <chrono>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/backup.h"
#include "cli/command.h"
#include "cli/remedy_text.h"

namespace limber::cli {
namespace {

std::string entries_text(std::int64_t count) {
  return fmt::format("{} entr{}", count, count == 1 ? "y" : "ies");
}

// Without -o: backups/limber-backup-YYYY-MM-DD-HHMMSS.db in the data folder. A folder
// given with -o gets that name inside it.
Result<std::filesystem::path> backup_target(Context& context, const std::string& output) {
  const auto local = context.now().local;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{local - day};
  const std::string name = fmt::format(
      "limber-backup-{:04}-{:02}-{:02}-{:02}{:02}{:02}.db", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
      time.minutes().count(), time.seconds().count());
  std::error_code ec;
  if (!output.empty()) {
    if (std::filesystem::is_directory(output, ec))
      return std::filesystem::path(output) / name;
    return std::filesystem::path(output);
  }
  LIMBER_TRY_ASSIGN(auto dir, context.data_dir());
  const std::filesystem::path folder = app::backup_folder(dir);
  store::Tightened ignored;
  LIMBER_TRY(store::make_private_folder(folder, ignored));
  return folder / name;
}

Result<void> run_backup(Context& context, const std::string& output) {
  LIMBER_TRY_ASSIGN(auto db, context.database());
  LIMBER_TRY_ASSIGN(auto target, backup_target(context, output));
  LIMBER_TRY_ASSIGN(auto facts, app::backup_diary(*db, target));
  fmt::print(context.io().out,
             "Backed up {} to {}\nThe copy was checked: it opens as a sound limber diary. "
             "Put it back with: limber restore {}\n",
             entries_text(facts.entries), target.string(), target.string());
  return {};
}

Result<void> run_restore(Context& context, const std::string& file) {
  LIMBER_TRY_ASSIGN(auto dir, context.data_dir());
  std::error_code ec;
  if (std::filesystem::equivalent(file, dir / app::kDiaryFileName, ec)) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("{} is the diary itself: choose a backup copy, for example "
                                  "from {}",
                                  file, app::backup_folder(dir).string()));
  }
  // Checked before the diary is even opened: a wrong file changes nothing.
  if (auto facts = store::check_diary_file(file); !facts) {
    return core::fail(facts.error().code,
                      fmt::format("{}; nothing was changed", explain(facts.error())));
  }
  LIMBER_TRY_ASSIGN(auto db, context.database());
  LIMBER_TRY_ASSIGN(auto restored, app::restore_diary(*db, file, context.now().today()));
  fmt::print(context.io().out, "Restored {} from {}\nThe diary as it was is kept in {}\n",
             entries_text(restored.facts.entries), file, restored.previous.string());
  return {};
}

}  // namespace

void add_backup_commands(CLI::App& app, CommandTable& table) {
  auto output = std::make_shared<std::string>();
  CLI::App* backup = app.add_subcommand(
      "backup", "Copy the diary, safely even while limber runs, and check the copy");
  backup
      ->add_option("--output,-o", *output,
                   "File or folder for the copy (default: backups/ in the data folder)")
      ->type_name("FILE");
  add_examples(*backup, {{"limber backup --output ~/diary-copy.db",
                          "A checked copy of the diary in your home folder"}});
  table.add(
      backup, [output](Context& context) { return run_backup(context, *output); }, Access::kReads);

  auto file = std::make_shared<std::string>();
  CLI::App* restore = app.add_subcommand(
      "restore", "Replace the diary with a backup copy (the diary as it was is kept beside it)");
  restore->add_option("file", *file, "A copy made by limber backup, or from backups/")
      ->required()
      ->type_name("FILE");
  add_examples(*restore, {{"limber restore ~/diary-copy.db", "Go back to that copy"}});
  table.add(
      restore, [file](Context& context) { return run_restore(context, *file); }, Access::kReplaces);
}

}  // namespace limber::cli
