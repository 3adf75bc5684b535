// limber-clidoc OUTDIR [BINDIR]: the man pages and the bash, zsh and fish completions of
// limber and limber-watch, made at build time from the command line --help prints
// (cli::describe), and the sitting timer's systemd user unit and autostart entry as
// `limber watch --install` writes them, starting `limber` from BINDIR (default: by name,
// which systemd and the desktop look up in /usr/local/bin, /usr/bin...: the same files
// serve a package in /usr and a `cmake --install` in /usr/local).
#include <filesystem>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/data_dir.h"
#include "cli/cli.h"
#include "cli/watch_command.h"
#include "clidoc/command_doc.h"
#include "clidoc/completions.h"
#include "clidoc/man_page.h"
#include "watch/install.h"

namespace {

namespace fs = std::filesystem;
using limber::clidoc::CommandDoc;

bool write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) {
    std::cerr << "limber-clidoc: cannot write " << path.string() << '\n';
    return false;
  }
  return true;
}

CommandDoc program(limber::cli::CommandSet commands, const std::string& name) {
  CommandDoc doc;
  limber::cli::describe(commands,
                        [&](const CLI::App& app) { doc = limber::clidoc::document(app, name); });
  return doc;
}

std::string exit_status() {
  return fmt::format(
      "  {}  Done.\n"
      "  {}  It did not work; the message says why.\n"
      "  {}  The command was not right (a word, a number, an option): the message says how "
      "to put it.\n"
      "  {}  A safety answer stands: its advice was shown and nothing was started.\n",
      limber::cli::kExitOk, limber::cli::kExitFailure, limber::cli::kExitUsage,
      limber::cli::kExitPaused);
}

std::string files_section() {
  return fmt::format(
      "  ~/.local/share/limber/{}  The diary, an SQLite file readable by you only "
      "($XDG_DATA_HOME/limber when that is set).\n"
      "  ~/.local/share/limber/backups/  A copy of the diary made on the first change of each "
      "day (limber restore puts one back).\n",
      limber::app::kDiaryFileName);
}

const char* const kEnvironment =
    "  LIMBER_HOME  The folder of the diary, when --data-dir is not given.\n"
    "  XDG_DATA_HOME  Without LIMBER_HOME, the diary is in $XDG_DATA_HOME/limber "
    "(default ~/.local/share/limber).\n"
    "  LIMBER_BUSY_TIMEOUT_MS  How long a change waits for another limber that is writing "
    "(default 5000).\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: limber-clidoc OUTDIR [BINDIR]\n";
    return 2;
  }
  const fs::path out = argv[1];
  const fs::path limber_program = argc == 3 ? fs::path(argv[2]) / "limber" : fs::path("limber");
  CommandDoc limber = program(limber::cli::add_all_commands, "limber");
  const CommandDoc watcher_app = program(limber::cli::add_watch_command, "limber-watch");
  limber::clidoc::adopt_forwarded(limber, watcher_app);
  const CommandDoc watcher = limber::clidoc::flatten_single_command(watcher_app);

  const std::string version(limber::cli::version());
  const limber::clidoc::ManPage limber_page{
      .version = version,
      .sections = {{"ENVIRONMENT", kEnvironment},
                   {"FILES", files_section()},
                   {"EXIT STATUS", exit_status()},
                   {"SEE ALSO", "limber-watch(1), sqlite3(1)\n"}}};
  const limber::clidoc::ManPage watcher_page{
      .version = version,
      .sections = {
          {"ENVIRONMENT", kEnvironment},
          {"FILES", fmt::format("  ~/.config/systemd/user/{}  The user unit limber watch "
                                "--install writes.\n"
                                "  ~/.config/autostart/{}  Its autostart entry, for desktops "
                                "that do not start it with systemd.\n",
                                limber::watch::kUnitName, limber::watch::kDesktopName)},
          {"EXIT STATUS", exit_status()},
          {"SEE ALSO", "limber(1), systemctl(1)\n"}}};

  const std::string exec = limber::watch::exec_line(limber_program, {});
  bool written = true;
  for (const auto& [path, text] : std::initializer_list<std::pair<fs::path, std::string>>{
           {"man/limber.1", limber::clidoc::man_page(limber, limber_page)},
           {"man/limber-watch.1", limber::clidoc::man_page(watcher, watcher_page)},
           {"bash/limber", limber::clidoc::bash_completion(limber)},
           {"bash/limber-watch", limber::clidoc::bash_completion(watcher)},
           {"zsh/_limber", limber::clidoc::zsh_completion(limber)},
           {"zsh/_limber-watch", limber::clidoc::zsh_completion(watcher)},
           {"fish/limber.fish", limber::clidoc::fish_completion(limber)},
           {"fish/limber-watch.fish", limber::clidoc::fish_completion(watcher)},
           {fs::path("systemd") / limber::watch::kUnitName, limber::watch::unit_text(exec)},
           {fs::path("autostart") / limber::watch::kDesktopName, limber::watch::desktop_text(exec)},
       }) {
    written = write(out / path, text) && written;
  }
  return written ? 0 : 1;
}
