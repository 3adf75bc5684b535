// The real end-to-end test of `limber watch`: a desktop (Xvfb with xdotool, or GNOME's
// mutter headless), a private session bus and dunst around the real binary
// (tests/watch/desktop_e2e.sh does the choreography).
// Those programs are part of scripts/setup: a machine without them fails, saying which.
#include <string>

#include <gtest/gtest.h>

#include "support/shell.h"

namespace limber::watch {
namespace {

using testing::run_shell;

std::string missing_tools(const std::string& tools) {
  const auto run = run_shell("for tool in " + tools +
                             "; do command -v $tool >/dev/null || printf '%s ' $tool; done");
  return run.code == 0 ? run.out : "a shell";
}

void run_desktop(const std::string& source) {
  const char* desktop = source == "gnome"     ? "mutter Xwayland"
                        : source == "wayland" ? "kwin_wayland"
                                              : "Xvfb xdotool";
  std::string missing = missing_tools(
      std::string("dbus-daemon dbus-send dbus-monitor dunst dunstctl python3 ") + desktop);
  if (source == "gnome" && run_shell("/usr/bin/python3 -c 'import gi'").code != 0)
    missing += "python3-gi ";
  ASSERT_TRUE(missing.empty()) << "not installed: " << missing << "(scripts/setup installs them)";
  const auto run =
      run_shell(std::string("bash '") + LIMBER_SOURCE_DIR + "/tests/watch/desktop_e2e.sh' '" +
                LIMBER_BINARY + "' " + source + " '" + LIMBER_KWIN_INPUT + "'");
  EXPECT_EQ(run.code, 0) << run.out;
}

TEST(DesktopEndToEndTest, RemindsOnXSyncAlarmsAndRecordsTheAnswerAndTheLock) {
  run_desktop("xsync");
}

TEST(DesktopEndToEndTest, RemindsWithTheXScreenSaverFallback) {
  run_desktop("xss");
}

// GNOME on Wayland, Debian's and Ubuntu's default desktop: mutter runs headless, input
// comes through its RemoteDesktop API, idleness from its IdleMonitor (issue #18).
TEST(DesktopEndToEndTest, RemindsOnGnomeWaylandThroughMuttersIdleMonitor) {
  run_desktop("gnome");
}

// KDE Plasma on Wayland: KWin 5.27 runs headless and offers ext-idle-notify-v1, the
// protocol of the Wayland source; input comes through KWin's fake-input protocol.
TEST(DesktopEndToEndTest, RemindsOnKdeWaylandThroughExtIdleNotify) {
  run_desktop("wayland");
}

// Issue #18: a pause set on the page (the real `limber serve`) holds a real watcher's
// reminder through the diary, and "Resume now" lets it through.
TEST(DesktopEndToEndTest, APauseSetOnThePageHoldsTheReminderUntilResumed) {
  const std::string missing =
      missing_tools("dbus-daemon dbus-send dbus-monitor dunst Xvfb xdotool curl");
  ASSERT_TRUE(missing.empty()) << "not installed: " << missing << "(scripts/setup installs them)";
  const auto run = run_shell(std::string("bash '") + LIMBER_SOURCE_DIR +
                             "/tests/watch/pause_e2e.sh' '" + LIMBER_BINARY + "'");
  EXPECT_EQ(run.code, 0) << run.out;
}

// The desktop of pause_e2e.sh, around one script of tests/watch/.
void run_script(const std::string& script) {
  const std::string missing =
      missing_tools("dbus-daemon dbus-send dbus-monitor dunst Xvfb xdotool curl python3");
  ASSERT_TRUE(missing.empty()) << "not installed: " << missing << "(scripts/setup installs them)";
  const auto run = run_shell(std::string("bash '") + LIMBER_SOURCE_DIR + "/tests/watch/" + script +
                             "' '" + LIMBER_BINARY + "'");
  EXPECT_EQ(run.code, 0) << run.out;
}

// Issue #18: the page hears whether a real watcher runs (its row in the diary), and that
// it stopped.
TEST(DesktopEndToEndTest, ThePageHearsWhetherTheSittingTimerRuns) {
  run_script("timer_state_e2e.sh");
}

// Issue #15: "How is your back this evening?" at the --log-reminder time, once, on a day
// with nothing logged; nothing on a logged day. Waits for the coming minute, twice.
TEST(DesktopEndToEndTest, TheEveningQuestionComesOnlyOnADayWithNothingLogged) {
  run_script("log_reminder_e2e.sh");
}

// The plan's session holds the sitting reminder while it is on (a session set to begin
// this minute); the other scripts plan theirs hours away, or a run at 17:01 fails.
TEST(DesktopEndToEndTest, ThePlannedSessionHoldsTheSittingReminder) {
  run_script("planned_hold_e2e.sh");
}

}  // namespace
}  // namespace limber::watch
