// A real `limber serve` process for the end-to-end tests of the phone's listener: started
// with its own LIMBER_HOME under umask 022, its standard output read until a line
// appears, stopped with SIGINT (as Ctrl+C) at the end.
#pragma once

#include <array>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // NOLINT(readability-redundant-declaration): posix_spawn's argument

namespace limber::testing {

class ServeProcess {
 public:
  // Runs `program serve ARGS...` with LIMBER_HOME=home; output (stdout and stderr) is read
  // through a pipe.
  ServeProcess(const std::string& program, const std::filesystem::path& home,
               const std::vector<std::string>& args) {
    std::array<int, 2> pipe_ends{};
    if (pipe2(pipe_ends.data(), O_CLOEXEC) != 0)
      return;
    out_ = pipe_ends[0];
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<std::string> strings{program, "serve"};
    strings.insert(strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    argv.reserve(strings.size() + 1);
    for (auto& each : strings)
      argv.push_back(each.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_strings{"LIMBER_HOME=" + home.string()};
    for (char** each = environ; *each != nullptr; ++each) {
      const std::string entry(*each);
      if (!entry.starts_with("LIMBER_HOME=") && !entry.starts_with("DISPLAY=") &&
          !entry.starts_with("WAYLAND_DISPLAY=")) {
        env_strings.push_back(entry);
      }
    }
    std::vector<char*> envp;
    envp.reserve(env_strings.size() + 1);
    for (auto& each : env_strings)
      envp.push_back(each.data());
    envp.push_back(nullptr);
    const mode_t old_mask = umask(022);
    if (posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), envp.data()) != 0)
      pid_ = -1;
    umask(old_mask);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_ends[1]);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  ServeProcess(ServeProcess&&) = delete;
  ServeProcess& operator=(ServeProcess&&) = delete;
  ~ServeProcess() {
    stop();
    if (out_ >= 0)
      close(out_);
  }

  [[nodiscard]] pid_t pid() const { return pid_; }

  // Reads output until it holds `text` or the process ends or 60 s pass; true when found.
  bool wait_for(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{60};
    while (output_.find(text) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !read_some(static_cast<int>(left.count())))
        return false;
    }
    return true;
  }

  // Stops it with SIGINT and returns its exit code (-1 when it did not exit normally); the
  // rest of its output is read.
  int stop() {
    if (pid_ <= 0)
      return exit_code_;
    kill(pid_, SIGINT);
    return wait_exit();
  }

  // Waits for it to end by itself (a start-up error) and returns its exit code.
  int wait_exit() {
    while (read_some(60000)) {
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return exit_code_;
  }

  [[nodiscard]] const std::string& output() const { return output_; }

 private:
  bool read_some(int timeout_ms) {
    pollfd watched{out_, POLLIN, 0};
    if (poll(&watched, 1, timeout_ms) <= 0)
      return false;
    std::array<char, 4096> buffer{};
    const ssize_t got = read(out_, buffer.data(), buffer.size());
    if (got <= 0)
      return false;
    output_.append(buffer.data(), static_cast<std::size_t>(got));
    return true;
  }

  pid_t pid_ = -1;
  int out_ = -1;
  int exit_code_ = -1;
  std::string output_;
};

}  // namespace limber::testing
