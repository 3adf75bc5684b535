// `limber session` as a person runs it: the real binary on a real terminal (a detached tmux
// session), driven with send-keys, read back with capture-pane, then checked in the diary.
// No fixed sleeps: every step polls the screen for what it expects, a bounded number of
// times, and says what it saw when that never comes.
#include <chrono>
#include <cstdlib>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/shell.h"
#include "support/temp_dir.h"

namespace limber::testing {
namespace {

using Outcome = ShellResult;

Outcome shell(const std::string& command) {
  return run_shell(command);
}

Outcome limber(const std::filesystem::path& home, const std::string& args) {
  return shell("LIMBER_HOME='" + home.string() + "' '" LIMBER_BINARY "' " + args + " </dev/null");
}

// One tmux server of our own (its own socket, no config file), killed at the end.
class Tmux {
 public:
  explicit Tmux(std::filesystem::path socket) : socket_(std::move(socket)) {}
  Tmux(const Tmux&) = delete;
  Tmux& operator=(const Tmux&) = delete;
  Tmux(Tmux&&) = delete;
  Tmux& operator=(Tmux&&) = delete;
  ~Tmux() { shell(tmux("kill-server")); }

  // Starts `command` in a 100x40 window; the pane stays open after it ends.
  Outcome start(const std::string& command) {
    return shell(tmux("new-session -d -s limber -x 100 -y 40 '" + command +
                      "; echo limber-exit-$?; "
                      "read line'"));
  }
  void send(const std::string& keys) { shell(tmux("send-keys -t limber " + keys)); }
  std::string screen() { return shell(tmux("capture-pane -p -t limber")).out; }

  // Polls the screen until `seen` says yes; false (and the last screen) when it never does.
  template <class Seen>
  bool wait_for(Seen seen, std::string& last) {
    constexpr int kTries = 600;  // 30 s at 50 ms: generous for sanitizer builds
    for (int i = 0; i < kTries; ++i) {
      last = screen();
      if (seen(last))
        return true;
      std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
    return false;
  }
  bool wait_for_text(const std::string& text, std::string& last) {
    return wait_for(
        [&](const std::string& screen) { return screen.find(text) != std::string::npos; }, last);
  }

 private:
  [[nodiscard]] std::string tmux(const std::string& args) const {
    return "tmux -f /dev/null -S '" + socket_.string() + "' " + args;
  }

  std::filesystem::path socket_;
};

struct Planned {
  std::string id;
  std::string name;
};

TEST(SessionTmuxTest, GuidesARealSessionWithKeysAndLogsWhatWasDone) {
  ASSERT_EQ(shell("command -v tmux").code, 0)
      << "tmux is not installed: this test runs `limber session` on a real terminal inside "
         "tmux. Install it (apt-get install tmux; it belongs in scripts/setup).";

  TempDir home;
  ASSERT_EQ(limber(home.path(), "check --answers none").code, 0);
  for (const char* when : {"'yesterday 09:00'", "'1h ago'"}) {
    const Outcome logged =
        limber(home.path(), std::string("log 3 lower-back --mobility walk --at ") + when);
    ASSERT_EQ(logged.code, 0) << logged.out;
  }
  const Outcome today = limber(home.path(), "today --json");
  ASSERT_EQ(today.code, 0) << today.out;
  const auto plan = nlohmann::json::parse(today.out);
  std::vector<Planned> session;
  for (const auto& exercise : plan["exercises"]) {
    const std::string part = exercise["part"];
    if (part == "warm-up" || part == "main" || part == "cool-down")
      session.push_back({exercise["id"], exercise["name"]});
  }
  ASSERT_GE(session.size(), 2U) << "the plan should hold a session once walking: " << today.out;

  TempDir sockets;
  Tmux tmux(sockets.path() / "tmux");
  const Outcome started =
      tmux.start("LIMBER_HOME=\"" + home.path().string() + "\" \"" LIMBER_BINARY "\" session");
  ASSERT_EQ(started.code, 0) << started.out;
  std::string screen;

  ASSERT_TRUE(tmux.wait_for_text("before you start (0-10):", screen)) << screen;
  tmux.send("3 Enter");

  // The first exercise, getting ready; Enter starts it and its countdown runs.
  const std::string first = "limber session · 1 of " + std::to_string(session.size());
  ASSERT_TRUE(tmux.wait_for_text(first, screen)) << screen;
  EXPECT_NE(screen.find(session[0].name), std::string::npos) << screen;
  EXPECT_NE(screen.find("Get ready · starts in"), std::string::npos) << screen;
  EXPECT_NE(screen.find("Stop if:"), std::string::npos) << screen;
  tmux.send("Enter");
  const std::regex countdown(R"(\d:\d\d left)");
  ASSERT_TRUE(tmux.wait_for(
      [&](const std::string& shown) {
        return shown.find(first) != std::string::npos && std::regex_search(shown, countdown);
      },
      screen))
      << "no countdown on screen:\n"
      << screen;

  // n skips through every exercise; each next one shows up in turn.
  for (std::size_t i = 1; i < session.size(); ++i) {
    tmux.send("n");
    const std::string where = "limber session · " + std::to_string(i + 1) + " of ";
    ASSERT_TRUE(tmux.wait_for(
        [&](const std::string& shown) {
          return shown.find(where) != std::string::npos &&
                 shown.find(session[i].name) != std::string::npos;
        },
        screen))
        << screen;
  }
  tmux.send("n");

  ASSERT_TRUE(tmux.wait_for_text("after the session (0-10):", screen)) << screen;
  tmux.send("4 Enter");
  ASSERT_TRUE(tmux.wait_for_text("limber-exit-", screen)) << screen;
  EXPECT_NE(screen.find("limber-exit-0"), std::string::npos) << screen;
  EXPECT_NE(screen.find("Logged #"), std::string::npos) << screen;

  const Outcome history = limber(home.path(), "history --json");
  ASSERT_EQ(history.code, 0) << history.out;
  const auto entries = nlohmann::json::parse(history.out);
  ASSERT_FALSE(entries.empty());
  const auto& logged = entries[0];
  EXPECT_EQ(logged["kind"], "session");
  EXPECT_EQ(logged["pain_before"], 3);
  EXPECT_EQ(logged["pain_after"], 4);
  EXPECT_EQ(logged["exercises"], nlohmann::json::array({session[0].id}));
  EXPECT_GE(logged["minutes"].get<int>(), 1);
}

}  // namespace
}  // namespace limber::testing
