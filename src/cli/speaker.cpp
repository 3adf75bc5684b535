#include "cli/speaker.h"

#include <array>
#include <csignal>
#include <filesystem>
#include <vector>

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // NOLINT(readability-redundant-declaration): posix_spawn's argument

namespace limber::cli {

namespace {

// The engine on PATH, or empty.
std::string on_path(const app::GetEnv& env, std::string_view program) {
  const auto path = env("PATH");
  std::string_view dirs = path ? std::string_view(*path) : std::string_view("/usr/bin:/bin");
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    if (dir.empty())
      continue;
    const std::filesystem::path candidate = std::filesystem::path(dir) / program;
    if (access(candidate.c_str(), X_OK) == 0)
      return candidate.string();
  }
  return "";
}

}  // namespace

core::Result<Speaker> Speaker::find(const app::GetEnv& env) {
  std::string engine = on_path(env, kSpeechEngine);
  if (engine.empty()) {
    return core::fail(core::ErrorCode::kNotFound,
                      "no speech engine was found (espeak-ng): install it with 'sudo apt "
                      "install espeak-ng' for spoken cues");
  }
  const auto folder = env(kSpeechFolderVariable);
  return Speaker(std::move(engine), folder ? *folder : std::string());
}

Speaker::Speaker(Speaker&& other) noexcept
    : engine_(std::move(other.engine_)),
      folder_(std::move(other.folder_)),
      current_(other.current_),
      writing_(std::move(other.writing_)),
      spoken_(other.spoken_) {
  other.current_ = -1;
}

Speaker::~Speaker() {
  if (current_ > 0)
    waitpid(current_, nullptr, 0);
  for (const pid_t child : writing_)
    waitpid(child, nullptr, 0);
}

void Speaker::stop_current() {
  if (current_ <= 0)
    return;
  if (waitpid(current_, nullptr, WNOHANG) == 0) {
    kill(current_, SIGTERM);
    waitpid(current_, nullptr, 0);
  }
  current_ = -1;
}

void Speaker::say(std::string_view text) {
  if (text.empty())
    return;
  stop_current();
  ++spoken_;
  std::vector<std::string> args{engine_};
  if (!folder_.empty()) {
    args.emplace_back("-w");
    args.push_back((std::filesystem::path(folder_) / fmt::format("cue-{}.wav", spoken_)).string());
  }
  args.emplace_back("--");
  args.emplace_back(text);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // Its words belong in the ears, not on the session's screen or in its keys.
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t child = -1;
  if (posix_spawn(&child, engine_.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
    if (folder_.empty()) {
      current_ = child;
    } else {
      writing_.push_back(child);
    }
  }
  posix_spawn_file_actions_destroy(&actions);
}

}  // namespace limber::cli
