// A `limber-clinic serve` process for the end-to-end tests: started with its arguments,
// its address read from the first line it prints, stopped with SIGTERM at the end.
#pragma once

#include <array>
#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace limber::testing {

class ClinicProcess {
 public:
  explicit ClinicProcess(std::vector<std::string> arguments) {
    std::array<int, 2> pipe_ends{};
    if (pipe(pipe_ends.data()) != 0)
      throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(pipe_ends[1], STDOUT_FILENO);
      close(pipe_ends[0]);
      close(pipe_ends[1]);
      std::vector<char*> argv;
      argv.reserve(arguments.size() + 1);
      for (auto& argument : arguments)
        argv.push_back(argument.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(pipe_ends[1]);
    output_ = pipe_ends[0];
    address_ = first_line();
  }
  ClinicProcess(const ClinicProcess&) = delete;
  ClinicProcess& operator=(const ClinicProcess&) = delete;
  ClinicProcess(ClinicProcess&&) = delete;
  ClinicProcess& operator=(ClinicProcess&&) = delete;
  ~ClinicProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(output_);
  }

  // "https://127.0.0.1:PORT", from "limber-clinic serves https://127.0.0.1:PORT/".
  [[nodiscard]] const std::string& address() const { return address_; }

  // SIGTERM, then its exit code (-1 when it did not exit by itself).
  int stop() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  // Waits up to a minute (an ASan build on a busy machine) for the line naming the address.
  std::string first_line() {
    std::string line;
    char c = 0;
    pollfd ready{output_, POLLIN, 0};
    while (poll(&ready, 1, 60000) == 1 && read(output_, &c, 1) == 1 && c != '\n')
      line += c;
    const std::string prefix = "limber-clinic serves ";
    if (!line.starts_with(prefix) || !line.ends_with("/"))
      throw std::runtime_error("limber-clinic serve did not start: '" + line + "'");
    return line.substr(prefix.size(), line.size() - prefix.size() - 1);
  }

  pid_t pid_ = -1;
  int output_ = -1;
  std::string address_;
};

}  // namespace limber::testing
