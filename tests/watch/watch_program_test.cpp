// The real limber and limber-watch programs, where no desktop is needed: the watcher's own
// help, what `limber watch --install` writes, and what it says without a session bus.
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "support/shell.h"
#include "support/temp_dir.h"

namespace limber::watch {
namespace {

using testing::run_shell;
using testing::TempDir;

const std::string kWatcher =
    (std::filesystem::path(LIMBER_BINARY).parent_path() / "limber-watch").string();

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(WatchProgramTest, LimberWatchHelpIsTheWatchersOwn) {
  for (const std::string args : {"--help", "watch --help", "--data-dir /tmp --help"}) {
    SCOPED_TRACE(args);
    const auto help = run_shell(std::string(kWatcher).append(" ").append(args));
    EXPECT_EQ(help.code, 0) << help.out;
    EXPECT_NE(help.out.find("--idle-source"), std::string::npos) << help.out;
    EXPECT_NE(help.out.find("--pause"), std::string::npos) << help.out;
    // Not limber's: no list of its commands.
    EXPECT_EQ(help.out.find("a companion for getting over a back spasm"), std::string::npos)
        << help.out;
  }
}

// Issue 11, defect 9: the unit and the autostart entry ran `limber watch` without the
// folder, so the timer recorded into another diary. No systemctl on PATH here: the files
// are written and nothing is enabled.
TEST(WatchProgramTest, InstallCarriesTheDiaryFolderHoweverItWasGiven) {
  const TempDir dir;
  const std::string config = (dir.path() / "config").string();
  const std::string unit = config + "/systemd/user/limber-watch.service";
  const std::string desktop = config + "/autostart/limber-watch.desktop";
  struct Case {
    std::string how;       // the command line, run in `dir`
    std::string expected;  // the folder in the files
  };
  const auto cases = std::to_array<Case>({
      {"LIMBER_HOME='" + dir.path().string() + "/home' " LIMBER_BINARY " watch --install",
       dir.path().string() + "/home"},
      {LIMBER_BINARY " watch --data-dir other --install", dir.path().string() + "/other"},
      {LIMBER_BINARY " --data-dir relative/diary watch --install --limit 45",
       dir.path().string() + "/relative/diary"},
  });
  for (const Case& c : cases) {
    SCOPED_TRACE(c.how);
    const auto run = run_shell("cd '" + dir.path().string() + "' && PATH=/nonexistent HOME='" +
                               dir.path().string() + "' XDG_CONFIG_HOME='" + config + "' " + c.how);
    ASSERT_EQ(run.code, 0) << run.out;
    EXPECT_NE(run.out.find("records into the diary in " + c.expected), std::string::npos)
        << run.out;
    EXPECT_NE(slurp(unit).find(" watch --data-dir " + c.expected), std::string::npos)
        << slurp(unit);
    EXPECT_NE(slurp(desktop).find(" watch --data-dir " + c.expected), std::string::npos)
        << slurp(desktop);
  }
  // The last case's limit is kept too.
  EXPECT_NE(slurp(unit).find("/relative/diary --limit 45\n"), std::string::npos) << slurp(unit);
}

// Issue #18, working hours: the unit keeps them, and a mistake in them is named before
// anything is written.
TEST(WatchProgramTest, InstallKeepsTheWorkingHoursAndRefusesWrongOnes) {
  const TempDir dir;
  const std::string config = (dir.path() / "config").string();
  const std::string unit = config + "/systemd/user/limber-watch.service";
  const std::string env = "cd '" + dir.path().string() + "' && PATH=/nonexistent HOME='" +
                          dir.path().string() + "' XDG_CONFIG_HOME='" + config + "' ";
  const auto wrong = run_shell(env + LIMBER_BINARY " watch --install --days mon-fryday");
  EXPECT_EQ(wrong.code, 2) << wrong.out;
  EXPECT_NE(wrong.out.find("'fryday' is not a day"), std::string::npos) << wrong.out;
  EXPECT_NE(wrong.out.find("Did you mean 'friday'?"), std::string::npos) << wrong.out;
  EXPECT_FALSE(std::filesystem::exists(unit));
  const auto late = run_shell(env + LIMBER_BINARY " watch --hours 9-17");
  EXPECT_EQ(late.code, 2) << late.out;
  EXPECT_NE(late.out.find("HH:MM-HH:MM, like --hours 09:00-18:00"), std::string::npos) << late.out;

  const auto run = run_shell(env + LIMBER_BINARY
                             " --data-dir d watch --install --hours 09:00-18:00 --days mon-fri");
  ASSERT_EQ(run.code, 0) << run.out;
  EXPECT_NE(slurp(unit).find("/d --hours 09:00-18:00 --days mon-fri\n"), std::string::npos)
      << slurp(unit);
}

// Issue #15 and #18: the evening question's time and the calendar's times are kept by the
// unit, and a wrong one is named before anything is written.
TEST(WatchProgramTest, InstallKeepsTheLogReminderAndThePlansTimes) {
  const TempDir dir;
  const std::string config = (dir.path() / "config").string();
  const std::string unit = config + "/systemd/user/limber-watch.service";
  const std::string env = "cd '" + dir.path().string() + "' && PATH=/nonexistent HOME='" +
                          dir.path().string() + "' XDG_CONFIG_HOME='" + config + "' ";
  const auto wrong = run_shell(env + LIMBER_BINARY " watch --install --log-reminder 8pm");
  EXPECT_EQ(wrong.code, 2) << wrong.out;
  EXPECT_NE(wrong.out.find("--log-reminder '8pm' is not a time of day"), std::string::npos)
      << wrong.out;
  EXPECT_FALSE(std::filesystem::exists(unit));
  const auto run = run_shell(env + LIMBER_BINARY
                             " --data-dir d watch --install --log-reminder 20:00 --walk-at 10:30");
  ASSERT_EQ(run.code, 0) << run.out;
  EXPECT_NE(slurp(unit).find("/d --walk-at 10:30 --log-reminder 20:00\n"), std::string::npos)
      << slurp(unit);
}

TEST(WatchProgramTest, WithoutASessionBusSaysWhatToDo) {
  const TempDir dir;
  const auto run = run_shell("env -u DBUS_SESSION_BUS_ADDRESS -u XDG_RUNTIME_DIR LIMBER_HOME='" +
                             dir.path().string() + "' " LIMBER_BINARY " watch");
  EXPECT_EQ(run.code, 1) << run.out;
  EXPECT_NE(run.out.find("limber: no desktop session bus was found"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("systemctl --user start limber-watch.service"), std::string::npos)
      << run.out;
}

}  // namespace
}  // namespace limber::watch
