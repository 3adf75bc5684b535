// What every command file shares: the context a command runs in (cli::Context) and the table it
// adds itself to. Internal to cli/.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/data_dir.h"
#include "app/diary_service.h"
#include "app/plan_service.h"
#include "app/report_service.h"
#include "app/screening.h"
#include "cli/cli.h"
#include "cli/examples.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::cli {

// Every command speaks of results and errors: their names, once for all of cli/.
using core::ErrorCode;
using core::fail;
using core::Result;

// Whether a command only reads the diary (it may then be on read-only media), writes to it
// (the first write of a day checks the diary, refuses a damaged one and keeps a copy), or
// replaces it (limber restore: a damaged diary is what one restores over).
enum class Access { kReads, kWrites, kReplaces };

// One command's context: the invocation, the clock, and the diary and services it opens
// on first use, so `--help` and bad arguments never touch the disk.
class Context {
 public:
  Context(const Invocation& invocation, std::optional<std::string> data_dir_flag)
      : invocation_(invocation), data_dir_flag_(std::move(data_dir_flag)) {}

  // The diary's connection, opened on first use of any of these: read-only when the
  // command only reads and the diary cannot be written. Says once on io.err what opening
  // it found (files made private, recent changes that could not be read).
  core::Result<const store::Database*> database();
  // The folder of the diary: --data-dir, LIMBER_HOME, XDG.
  [[nodiscard]] core::Result<std::filesystem::path> data_dir() const;
  // After the command: says on io.err how many entries could not be read, if any.
  void tell_unreadable();
  // The command reports unreadable entries itself (limber doctor).
  void unreadable_told() { unreadable_told_ = true; }
  void set_access(Access access) { access_ = access; }
  core::Result<const app::DiaryService*> diary();
  core::Result<const app::ScreeningService*> screening();
  // The exercise catalog built into the binary with the therapist's exercises stored in the
  // diary (issue 15), parsed on first use.
  core::Result<const core::Catalog*> catalog();
  core::Result<const app::PlanService*> plans();
  // The report and the exports that travel, over the diary and its plans.
  core::Result<app::ReportService> reports();
  [[nodiscard]] const core::Now& now() const { return now_; }
  [[nodiscard]] const Io& io() const { return invocation_.io; }
  [[nodiscard]] const app::GetEnv& env() const { return invocation_.env; }
  // The command line as given, without the program name.
  [[nodiscard]] const std::vector<std::string>& args() const { return invocation_.args; }

  void set_now(core::Now now) { now_ = now; }

 private:
  const Invocation& invocation_;
  std::optional<std::string> data_dir_flag_;
  core::Now now_{};
  Access access_ = Access::kWrites;
  bool unreadable_told_ = false;
  std::optional<store::Database> db_;
  std::optional<app::DiaryService> diary_;
  std::optional<app::ScreeningService> screening_;
  std::optional<core::Catalog> catalog_;
  std::optional<app::PlanService> plans_;
};

using Action = std::function<core::Result<void>(Context&)>;

struct Command {
  CLI::App* app;
  Action action;
  Access access;
};

struct CommandTable {
  std::vector<Command> commands;

  void add(CLI::App* command, Action action, Access access = Access::kWrites) {
    commands.push_back({command, std::move(action), access});
  }
};

// One per command file.
void add_log_command(CLI::App& app, CommandTable& table);
void add_history_command(CLI::App& app, CommandTable& table);
void add_edit_commands(CLI::App& app, CommandTable& table);
void add_transfer_commands(CLI::App& app, CommandTable& table);
void add_status_command(CLI::App& app, CommandTable& table);
void add_plan_commands(CLI::App& app, CommandTable& table);
void add_exercise_commands(CLI::App& app, CommandTable& table);
void add_progress_command(CLI::App& app, CommandTable& table);
void add_check_command(CLI::App& app, CommandTable& table);
// `limber watch` hands over to the limber-watch program beside limber (watch_forward.cpp),
// which runs add_watch_command: the desktop's libraries load only in the watcher.
void add_watch_forwarder(CLI::App& app, CommandTable& table);
void add_serve_command(CLI::App& app, CommandTable& table);
void add_session_command(CLI::App& app, CommandTable& table);
void add_report_command(CLI::App& app, CommandTable& table);
void add_backup_commands(CLI::App& app, CommandTable& table);
void add_doctor_command(CLI::App& app, CommandTable& table);
void add_devices_command(CLI::App& app, CommandTable& table);
// `limber share`: sharing with a clinic (issue 17).
void add_share_command(CLI::App& app, CommandTable& table);

// Shared option readers: a usage error (kInvalidInput) names the option.
core::Result<std::vector<core::RegionRating>> read_regions(const std::vector<std::string>& words);

}  // namespace limber::cli
