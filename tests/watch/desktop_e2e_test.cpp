// The real end-to-end test of `limber watch`: Xvfb, a private session bus, dunst and
// xdotool around the real binary (tests/watch/desktop_e2e.sh does the choreography).
// Skipped, saying why, where those programs are not installed (scripts/setup installs them).
#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <sys/wait.h>

namespace limber::watch {
namespace {

struct PipeCloser {
  void operator()(FILE* pipe) const { pclose(pipe); }
};

// Runs a shell command; its exit status and everything it printed.
std::pair<int, std::string> shell(const std::string& command) {
  std::string output;
  FILE* raw = popen((command + " 2>&1").c_str(), "r");
  if (raw == nullptr)
    return {-1, "popen failed"};
  std::unique_ptr<FILE, PipeCloser> pipe(raw);
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()) != nullptr)
    output += buffer.data();
  const int status = pclose(pipe.release());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::string missing_tools() {
  auto [status, output] = shell(
      "for tool in Xvfb dbus-daemon dbus-send dbus-monitor dunst dunstctl xdotool python3; do "
      "command -v $tool >/dev/null || printf '%s ' $tool; done");
  return status == 0 ? output : "a shell";
}

void run_desktop(const std::string& source) {
  if (const std::string missing = missing_tools(); !missing.empty())
    GTEST_SKIP() << "not installed: " << missing << "(scripts/setup installs them)";
  auto [status, output] = shell(std::string("bash '") + LIMBER_SOURCE_DIR +
                                "/tests/watch/desktop_e2e.sh' '" + LIMBER_BINARY + "' " + source);
  EXPECT_EQ(status, 0) << output;
}

TEST(DesktopEndToEndTest, RemindsOnXSyncAlarmsAndRecordsTheAnswerAndTheLock) {
  run_desktop("xsync");
}

TEST(DesktopEndToEndTest, RemindsWithTheXScreenSaverFallback) {
  run_desktop("xss");
}

}  // namespace
}  // namespace limber::watch
