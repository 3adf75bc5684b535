#include "watch/install.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/files.h"

namespace limber::watch {
namespace {

std::string quote(const std::string& word) {
  std::string escaped;
  for (const char c : word) {
    if (c == '%')
      escaped += '%';  // systemd's specifiers and the Exec key's field codes
    escaped += c;
  }
  if (!escaped.empty() && escaped.find_first_of(" \t\"\\'$`;&|<>()") == std::string::npos)
    return escaped;
  std::string quoted = "\"";
  for (const char c : escaped) {
    if (c == '"' || c == '\\' || c == '$' || c == '`')
      quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

core::Result<std::filesystem::path> config_home(const app::GetEnv& env) {
  if (auto xdg = env("XDG_CONFIG_HOME"); xdg && !xdg->empty() && xdg->front() == '/')
    return std::filesystem::path(*xdg);
  if (auto home = env("HOME"); home && !home->empty() && home->front() == '/')
    return std::filesystem::path(*home) / ".config";
  return core::fail(core::ErrorCode::kInvalidInput,
                    "cannot tell where the desktop's settings live: set HOME or XDG_CONFIG_HOME");
}

core::Result<void> write(const std::filesystem::path& path, const std::string& text) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) {
    return core::fail(
        core::ErrorCode::kIo,
        fmt::format("cannot create {}: {}", path.parent_path().string(), error.message()));
  }
  return app::write_file_atomically(path, text);
}

// Runs a program found on PATH and waits; its exit status, or -1 when it could not start.
int run(std::vector<std::string> args) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
    return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0)
    return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string exec_line(const std::filesystem::path& binary, const std::vector<std::string>& extra) {
  std::string line = quote(binary.string()) + " watch";
  for (const std::string& word : extra)
    line += " " + quote(word);
  return line;
}

std::vector<std::string> watch_args(const std::filesystem::path& data_dir,
                                    std::initializer_list<WatchArgOption> options) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(data_dir, error);
  std::vector<std::string> args{"--data-dir",
                                (error ? data_dir : absolute).lexically_normal().string()};
  for (const WatchArgOption& option : options) {
    if (option.value)
      args.insert(args.end(), {std::string(option.name), *option.value});
  }
  return args;
}

std::string unit_text(const std::string& exec) {
  return fmt::format(
      "# Written by `limber watch --install`. Remove with:\n"
      "#   systemctl --user disable --now {0}\n"
      "[Unit]\n"
      "Description=limber watch: reminders to stand up and move when you have sat too long\n"
      "PartOf=graphical-session.target\n"
      "After=graphical-session.target\n"
      "\n"
      "[Service]\n"
      "ExecStart={1}\n"
      "Restart=on-failure\n"
      "RestartSec=30\n"
      "\n"
      "[Install]\n"
      "WantedBy=graphical-session.target\n",
      kUnitName, exec);
}

std::string desktop_text(const std::string& exec) {
  return fmt::format(
      "[Desktop Entry]\n"
      "Type=Application\n"
      "Name=limber watch\n"
      "Comment=Reminds you to stand up and move when you have sat too long\n"
      "Exec={}\n"
      "Terminal=false\n"
      "NoDisplay=true\n"
      "X-GNOME-Autostart-enabled=true\n"
      "X-GNOME-HiddenUnderSystemd=true\n"
      "X-systemd-skip=true\n",
      exec);
}

core::Result<InstalledFiles> install_files(const std::string& exec, const app::GetEnv& env) {
  LIMBER_TRY_ASSIGN(auto config, config_home(env));
  InstalledFiles files{config / "systemd" / "user" / kUnitName,
                       config / "autostart" / kDesktopName};
  LIMBER_TRY(write(files.unit, unit_text(exec)));
  LIMBER_TRY(write(files.desktop, desktop_text(exec)));
  return files;
}

core::Result<void> enable_unit() {
  const int reload = run({"systemctl", "--user", "daemon-reload"});
  if (reload == -1)
    return core::fail(core::ErrorCode::kIo, "systemctl is not installed");
  if (reload != 0)
    return core::fail(core::ErrorCode::kIo, "systemctl --user found no user service manager");
  if (run({"systemctl", "--user", "enable", "--now", kUnitName}) != 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("systemctl --user enable {} failed", kUnitName));
  }
  return {};
}

}  // namespace limber::watch
