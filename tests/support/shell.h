// Runs a command through /bin/sh as the end-to-end tests drive real programs: stdout and
// stderr together, and the exit code (-1 when it did not exit normally).
#pragma once

#include <array>
#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace limber::testing {

struct ShellResult {
  int code = -1;
  std::string out;
};

inline ShellResult run_shell(const std::string& command) {
  ShellResult run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");  // NOLINT(cert-env33-c): tests only
  if (pipe == nullptr) {
    run.out = "popen failed";
    return run;
  }
  std::array<char, 4096> buffer{};
  while (const std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace limber::testing
