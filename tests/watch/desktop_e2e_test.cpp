// The real end-to-end test of `limber watch`: Xvfb, a private session bus, dunst and
// xdotool around the real binary (tests/watch/desktop_e2e.sh does the choreography).
// Those programs are part of scripts/setup: a machine without them fails, saying which.
#include <string>

#include <gtest/gtest.h>

#include "support/shell.h"

namespace limber::watch {
namespace {

using testing::run_shell;

std::string missing_tools() {
  const auto run = run_shell(
      "for tool in Xvfb dbus-daemon dbus-send dbus-monitor dunst dunstctl xdotool python3; do "
      "command -v $tool >/dev/null || printf '%s ' $tool; done");
  return run.code == 0 ? run.out : "a shell";
}

void run_desktop(const std::string& source) {
  const std::string missing = missing_tools();
  ASSERT_TRUE(missing.empty()) << "not installed: " << missing << "(scripts/setup installs them)";
  const auto run = run_shell(std::string("bash '") + LIMBER_SOURCE_DIR +
                             "/tests/watch/desktop_e2e.sh' '" + LIMBER_BINARY + "' " + source);
  EXPECT_EQ(run.code, 0) << run.out;
}

TEST(DesktopEndToEndTest, RemindsOnXSyncAlarmsAndRecordsTheAnswerAndTheLock) {
  run_desktop("xsync");
}

TEST(DesktopEndToEndTest, RemindsWithTheXScreenSaverFallback) {
  run_desktop("xss");
}

}  // namespace
}  // namespace limber::watch
