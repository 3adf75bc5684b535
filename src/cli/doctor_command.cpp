// limber doctor: checks a diary that limber calls damaged, and says what can be saved.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/backup.h"
#include "cli/command.h"
#include "store/diagnosis.h"

namespace limber::cli {
namespace {

// The newest copy in backups/, if any.
std::optional<std::filesystem::path> newest_copy(const std::filesystem::path& folder) {
  std::error_code ec;
  std::optional<std::filesystem::path> newest;
  std::filesystem::file_time_type newest_time{};
  for (const auto& item : std::filesystem::directory_iterator(folder, ec)) {
    if (item.path().extension() != ".db")
      continue;
    const auto time = item.last_write_time(ec);
    if (!newest || time > newest_time) {
      newest = item.path();
      newest_time = time;
    }
  }
  return newest;
}

void print_list(std::ostream& out, std::string_view heading,
                const std::vector<std::string>& lines) {
  if (lines.empty())
    return;
  fmt::print(out, "{}\n", heading);
  for (const std::string& line : lines)
    fmt::print(out, "  {}\n", line);
}

Result<void> run_doctor(Context& context) {
  context.unreadable_told();
  LIMBER_TRY_ASSIGN(auto db, context.database());
  LIMBER_TRY_ASSIGN(auto diagnosis, store::diagnose(*db));
  std::ostream& out = context.io().out;
  fmt::print(out, "Diary: {}\n", db->path().string());
  if (diagnosis.sound()) {
    fmt::print(out,
               "All {} entries can be read; SQLite's integrity and foreign-key checks found "
               "nothing wrong.\n",
               diagnosis.readable);
    return {};
  }
  print_list(out, "SQLite's integrity check found:", diagnosis.integrity);
  print_list(out, "Rows that point at nothing:", diagnosis.foreign_keys);
  if (!diagnosis.unreadable.empty()) {
    fmt::print(out, "Entries that cannot be read ({}), as stored:\n", diagnosis.unreadable.size());
    for (const store::UnreadableEntry& entry : diagnosis.unreadable)
      fmt::print(out, "  #{}  {}\n", entry.id, entry.stored);
  }
  fmt::print(out,
             "\nWhat to do:\n"
             "  1. Save what can be read: limber export -o limber.csv ({} entr{})\n",
             diagnosis.readable, diagnosis.readable == 1 ? "y" : "ies");
  auto dir = context.data_dir();
  const auto copy = dir ? newest_copy(app::backup_folder(*dir)) : std::nullopt;
  if (copy) {
    fmt::print(out, "  2. Put back a backup copy: limber restore {}\n", copy->string());
  } else {
    fmt::print(out,
               "  2. Put back a backup copy with limber restore FILE, if you have one; or move "
               "the diary away and limber import limber.csv into a new one\n");
  }
  fmt::print(out, "  3. Log again by hand any entry listed above that you still need\n");
  return core::fail(core::ErrorCode::kCorrupt,
                    "the diary is damaged: see above for what can be saved");
}

}  // namespace

void add_doctor_command(CLI::App& app, CommandTable& table) {
  CLI::App* doctor =
      app.add_subcommand("doctor", "Check the diary for damage and say what can be saved");
  add_examples(*doctor, {{"limber doctor", "Check the diary and say what can be saved"}});
  table.add(
      doctor, [](Context& context) { return run_doctor(context); }, Access::kReads);
}

}  // namespace limber::cli
