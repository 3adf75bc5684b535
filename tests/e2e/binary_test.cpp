// The real `limber` binary, run as a person runs it: a process, an environment, exit codes.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/shell.h"
#include "support/temp_dir.h"

namespace limber::testing {
namespace {

using Outcome = ShellResult;

// Runs `limber ARGS` with LIMBER_HOME=home; stderr joins stdout.
Outcome limber(const std::filesystem::path& home, const std::string& args) {
  return run_shell("LIMBER_HOME='" + home.string() + "' " LIMBER_BINARY " " + args + " </dev/null");
}

TEST(BinaryTest, LogsAndListsThroughTheRealBinary) {
  TempDir home;
  const Outcome logged = limber(home.path(), "log 6 lower-back neck:3 --mobility stand");
  ASSERT_EQ(logged.code, 0) << logged.out;
  EXPECT_NE(logged.out.find("Saved #1"), std::string::npos);
  const Outcome history = limber(home.path(), "history --json");
  ASSERT_EQ(history.code, 0) << history.out;
  const auto entries = nlohmann::json::parse(history.out);
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0]["regions"][0]["region"], "lower-back");
  EXPECT_TRUE(std::filesystem::exists(home.path() / "limber.db"));
}

// `limber watch` hands its arguments to limber-watch, which checks them.
TEST(BinaryTest, WatchGoesToTheWatcherWhichRefusesBadDurations) {
  TempDir home;
  struct Case {
    const char* args;
    const char* says;  // the watcher names the option and the value it refused
  };
  for (const Case c : {Case{"watch --limit 0", "limber: --limit: '0' is not a duration"},
                       Case{"watch --break soon", "limber: --break: 'soon' is not a duration"},
                       Case{"watch --idle-source kde", "limber: unknown idle source 'kde'"}}) {
    SCOPED_TRACE(c.args);
    const Outcome refused = limber(home.path(), c.args);
    EXPECT_EQ(refused.code, 2) << refused.out;
    EXPECT_NE(refused.out.find(c.says), std::string::npos) << refused.out;
  }
  const Outcome help = limber(home.path(), "watch --help");
  EXPECT_EQ(help.code, 0) << help.out;
  EXPECT_NE(help.out.find("--idle-source"), std::string::npos) << help.out;
  EXPECT_FALSE(std::filesystem::exists(home.path() / "limber.db"));
}

TEST(BinaryTest, ExitsTwoForUsageAndOneForRuntimeErrors) {
  TempDir home;
  const Outcome usage = limber(home.path(), "log 11");
  EXPECT_EQ(usage.code, 2);
  EXPECT_NE(usage.out.find("out of range"), std::string::npos);
  const Outcome unknown = limber(home.path(), "histroy");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.out.find("Did you mean 'history'?"), std::string::npos) << unknown.out;
  const Outcome runtime = limber(home.path(), "import /nonexistent.csv");
  EXPECT_EQ(runtime.code, 1);
  EXPECT_EQ(limber(home.path(), "--help").code, 0);
}

TEST(BinaryTest, DeleteRefusesWithoutATerminalOrYes) {
  TempDir home;
  ASSERT_EQ(limber(home.path(), "log walk 10").code, 0);
  const Outcome refused = limber(home.path(), "delete 1");
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.out.find("--yes"), std::string::npos);
  EXPECT_EQ(limber(home.path(), "delete 1 --yes").code, 0);
  EXPECT_EQ(nlohmann::json::parse(limber(home.path(), "history --json").out).size(), 0U);
}

// Issue #15: `limber session --speak` says its cues through the real espeak-ng, which
// writes them as WAV files into LIMBER_SPEECH_DIR (this machine has no sound card).
TEST(BinaryTest, ASpokenSessionSpeaksThroughEspeakNg) {
  TempDir home;
  const std::filesystem::path spoken = home.path() / "spoken";
  std::filesystem::create_directory(spoken);
  ASSERT_EQ(limber(home.path(), "check --answers none").code, 0);
  const Outcome session = run_shell("printf '3\\n\\n\\nq\\n3\\n' | LIMBER_SPEECH_DIR='" +
                                    spoken.string() + "' LIMBER_HOME='" + home.path().string() +
                                    "' " LIMBER_BINARY " session --plain --speak");
  ASSERT_EQ(session.code, 0) << session.out;
  ASSERT_TRUE(std::filesystem::exists(spoken / "cue-1.wav")) << session.out;
  EXPECT_GT(std::filesystem::file_size(spoken / "cue-1.wav"), 1000U);
  std::ifstream wav(spoken / "cue-1.wav", std::ios::binary);
  std::string riff(4, '\0');
  wav.read(riff.data(), 4);
  EXPECT_EQ(riff, "RIFF");
  EXPECT_EQ(session.out.find("speech engine"), std::string::npos) << session.out;

  // Asked for, with no engine on PATH: said clearly, and the session goes on without it.
  const Outcome silent =
      run_shell("printf '3\\nq\\n' | PATH=/nonexistent LIMBER_HOME='" + home.path().string() +
                "' " LIMBER_BINARY " session --plain --speak");
  EXPECT_NE(silent.out.find("no speech engine was found (espeak-ng): install it with 'sudo apt "
                            "install espeak-ng'"),
            std::string::npos)
      << silent.out;
  EXPECT_NE(silent.out.find("goes on without speech"), std::string::npos) << silent.out;
}

}  // namespace
}  // namespace limber::testing
