// `limber watch ...` runs the limber-watch program that is installed beside limber, with
// the same arguments. The watcher needs the desktop's libraries (libsystemd for D-Bus, X11,
// Wayland): in limber itself they would load, and cost time, in every `limber log`.

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/command.h"

namespace limber::cli {
namespace {

constexpr const char* kWatcherName = "limber-watch";

std::filesystem::path watcher_path() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return (error ? std::filesystem::path(".") : self.parent_path()) / kWatcherName;
}

core::Result<void> forward(const Context& context) {
  const std::filesystem::path watcher = watcher_path();
  std::vector<std::string> args{kWatcherName};
  args.insert(args.end(), context.args().begin(), context.args().end());
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  context.io().out.flush();
  context.io().err.flush();
  execv(watcher.c_str(), argv.data());
  const int error = errno;  // execv returns only when it failed
  return core::fail(
      error == ENOENT ? core::ErrorCode::kNotFound : core::ErrorCode::kIo,
      fmt::format("cannot start {} ({}): it is built and installed beside limber; build it with "
                  "'cmake --build' (or 'make run'), or reinstall limber",
                  watcher.string(), std::strerror(error)));
}

}  // namespace

void add_watch_forwarder(CLI::App& app, CommandTable& table) {
  CLI::App* watch = app.add_subcommand(
      "watch",
      "Remind me to stand up when I have sat too long (runs in the background of a desktop "
      "session; 'limber watch --help' for its options)");
  // Everything after `watch`, --help included, is the watcher's to read.
  watch->prefix_command();
  watch->allow_extras();
  watch->fallthrough(false);
  watch->set_help_flag();
  table.add(watch, [](Context& context) { return forward(context); });
}

}  // namespace limber::cli
