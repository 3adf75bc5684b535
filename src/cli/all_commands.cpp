// Every command of `limber`, in the order `limber --help` lists them. In a file of its own
// so that limber-watch, which runs only `watch`, links none of the others (nor the web
// server and the report they bring).
#include "cli/command.h"

namespace limber::cli {

void add_all_commands(CLI::App& app, CommandTable& table) {
  add_status_command(app, table);
  add_log_command(app, table);
  add_history_command(app, table);
  add_edit_commands(app, table);
  add_transfer_commands(app, table);
  add_backup_commands(app, table);
  add_check_command(app, table);
  add_plan_commands(app, table);
  add_exercise_commands(app, table);
  add_session_command(app, table);
  add_progress_command(app, table);
  add_report_command(app, table);
  add_watch_forwarder(app, table);
  add_serve_command(app, table);
  add_devices_command(app, table);
  add_share_command(app, table);
  add_doctor_command(app, table);
}

}  // namespace limber::cli
