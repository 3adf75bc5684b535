// `limber session` in plain mode with a scripted stdin, and `limber log session`.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"

namespace limber::testing {
namespace {

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

class SessionCommandTest : public CliTest {
 protected:
  // A safety check with no warning signs and two days of walking: the plan has a session.
  void walking_diary() {
    ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
    ASSERT_EQ(run({"log", "3", "lower-back", "--mobility", "walk", "--at", "yesterday 09:00"}).code,
              0);
    ASSERT_EQ(run({"log", "3", "lower-back", "--mobility", "walk", "--at", "2h ago"}).code, 0);
  }

  // The ids of today's session (warm-up, main part, cool-down), as `limber today` lists them.
  std::vector<std::string> session_ids() {
    const CliResult today = run({"today", "--json"});
    EXPECT_EQ(today.code, 0) << today.err;
    const auto plan = nlohmann::json::parse(today.out);
    std::vector<std::string> ids;
    for (const auto& exercise : plan["exercises"]) {
      const std::string part = exercise["part"];
      if (part == "warm-up" || part == "main" || part == "cool-down")
        ids.push_back(exercise["id"]);
    }
    return ids;
  }

  nlohmann::json sessions() {
    auto all = nlohmann::json::parse(run({"history", "--json"}).out);
    nlohmann::json only = nlohmann::json::array();
    for (const auto& entry : all) {
      if (entry["kind"] == "session")
        only.push_back(entry);
    }
    return only;
  }
};

TEST_F(SessionCommandTest, AScriptedPlainRunGuidesAndLogsWhatWasDone) {
  walking_diary();
  const std::vector<std::string> ids = session_ids();
  ASSERT_GE(ids.size(), 2U);
  // Pain 3; Enter starts the first exercise; n skips to the second; Enter starts it; q stops;
  // pain 4 after.
  const CliResult session = run({"session", "--plain"}, "3\n\nn\n\nq\n4\n");
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_TRUE(has(session.out, "Today's session:")) << session.out;
  EXPECT_TRUE(has(session.out, "[1 of ")) << session.out;
  EXPECT_TRUE(has(session.out, "Stop if:")) << session.out;
  EXPECT_TRUE(has(session.out, "How:")) << session.out;
  EXPECT_TRUE(has(session.out, "Skipped.")) << session.out;
  EXPECT_TRUE(has(session.out, "Stopped.")) << session.out;
  EXPECT_TRUE(has(session.out, "Logged #3: session 1 min, 2 exercises, pain 3 → 4")) << session.out;
  EXPECT_FALSE(has(session.out, "\x1b[")) << "plain mode never redraws";
  EXPECT_FALSE(has(session.out, "\a")) << "no bell when nobody is at a terminal";
  EXPECT_FALSE(has(session.out, "push through"));
  const auto logged = sessions();
  ASSERT_EQ(logged.size(), 1U);
  EXPECT_EQ(logged[0]["exercises"], nlohmann::json({ids[0], ids[1]}));
  EXPECT_EQ(logged[0]["pain_before"], 3);
  EXPECT_EQ(logged[0]["pain_after"], 4);
  EXPECT_EQ(logged[0]["minutes"], 1);
  EXPECT_EQ(logged[0]["at"], local_iso(kNoon));
}

TEST_F(SessionCommandTest, EnterGoesThroughEverySetToTheEnd) {
  walking_diary();
  std::string keys = "2\n";
  for (int i = 0; i < 40; ++i)
    keys += "\n";  // more than enough Enters: each starts an exercise or ends a set or rest
  keys += "2\n";
  const CliResult session = run({"session", "--plain"}, keys);
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_TRUE(has(session.out, "That is the whole session. Well done.")) << session.out;
  const auto logged = sessions();
  ASSERT_EQ(logged.size(), 1U);
  EXPECT_EQ(logged[0]["exercises"], nlohmann::json(session_ids()));
}

TEST_F(SessionCommandTest, KeysPauseGoBackAndExplainThemselves) {
  walking_diary();
  const CliResult session = run({"session", "--plain"}, "3\n\np\np\nb\nwhat\nq\n3\n");
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_TRUE(has(session.out, "Paused.")) << session.out;
  EXPECT_TRUE(has(session.out, "Going on.")) << session.out;
  EXPECT_TRUE(has(session.out, "Going back.")) << session.out;
  EXPECT_TRUE(has(session.out, "Keys: Enter goes on, n skips")) << session.out;
  EXPECT_EQ(sessions().size(), 1U);
}

TEST_F(SessionCommandTest, SkippingEverythingLogsNothing) {
  walking_diary();
  const CliResult session = run({"session", "--plain"}, "3\nn\nn\nn\nn\nn\nn\nn\nn\n");
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_TRUE(has(session.out, "nothing was logged")) << session.out;
  EXPECT_FALSE(has(session.out, "after the session")) << "no question when nothing was done";
  EXPECT_TRUE(sessions().empty());
}

TEST_F(SessionCommandTest, AsksAgainForAPainItCannotRead) {
  walking_diary();
  const CliResult session = run({"session", "--plain"}, "11\nbad\n5\n\nq\nten\n5\n");
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_TRUE(has(session.out, "Please type a whole number from 0 (no pain) to 10")) << session.out;
  const auto logged = sessions();
  ASSERT_EQ(logged.size(), 1U);
  EXPECT_EQ(logged[0]["pain_before"], 5);
  EXPECT_EQ(logged[0]["pain_after"], 5);
}

TEST_F(SessionCommandTest, InputThatEndsEarlyStopsAndLogsNothingWithoutAPainAfter) {
  walking_diary();
  const std::vector<std::string> ids = session_ids();
  const CliResult session = run({"session", "--plain"}, "3\n\n");
  EXPECT_EQ(session.code, 2);
  EXPECT_TRUE(has(session.out, "Stopped.")) << session.out;
  EXPECT_TRUE(has(session.err, "nothing was logged")) << session.err;
  EXPECT_TRUE(has(session.err, "limber log session --exercises " + ids[0] + " --pain-before 3"))
      << session.err;
  EXPECT_TRUE(sessions().empty());
  EXPECT_EQ(run({"session", "--plain"}, "").code, 2) << "no pain before";
}

TEST_F(SessionCommandTest, APainRiseOfTwoIsAFlareAndSaysTheNextPlanStepsBack) {
  walking_diary();
  const CliResult flare = run({"session", "--plain"}, "3\n\nq\n5\n");
  ASSERT_EQ(flare.code, 0) << flare.err;
  EXPECT_TRUE(has(flare.out, "2 points higher than before")) << flare.out;
  EXPECT_TRUE(has(flare.out, "tomorrow's plan will step back")) << flare.out;
  const CliResult calm = run({"session", "--plain"}, "3\n\nq\n4\n");
  ASSERT_EQ(calm.code, 0) << calm.err;
  EXPECT_FALSE(has(calm.out, "higher than before")) << calm.out;
}

TEST_F(SessionCommandTest, MinutesShortenTheMainPart) {
  walking_diary();
  const CliResult session = run({"session", "--plain", "--minutes", "1"}, "3\nq\n");
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_TRUE(has(session.out, "Shortened to about")) << session.out;
  for (const std::string minutes : {"0", "181", "ten"}) {
    SCOPED_TRACE(minutes);
    const CliResult bad = run({"session", "--plain", "--minutes", minutes}, "3\n\nq\n3\n");
    EXPECT_EQ(bad.code, 2);
    EXPECT_TRUE(bad.out.empty()) << "refused before anything is shown: " << bad.out;
  }
  EXPECT_TRUE(sessions().empty());
}

TEST_F(SessionCommandTest, BeforeWalkingThePostureRoutineIsTheSession) {
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  ASSERT_EQ(run({"log", "6", "lower-back", "--mobility", "stand"}).code, 0);
  const CliResult session = run({"session", "--plain"}, "6\n\nq\n6\n");
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_TRUE(has(session.out, "your session is the posture routine")) << session.out;
  EXPECT_TRUE(has(session.out, "posture routine]")) << session.out;
  EXPECT_EQ(sessions().size(), 1U);
}

TEST_F(SessionCommandTest, WithoutASafetyCheckItIsRefusedOffATerminal) {
  ASSERT_EQ(run({"log", "3", "--mobility", "walk"}).code, 0);
  const CliResult session = run({"session", "--plain"}, "3\n\nq\n3\n");
  EXPECT_EQ(session.code, 2);
  EXPECT_TRUE(has(session.err, "limber check")) << session.err;
  EXPECT_FALSE(has(session.out, "Today's session")) << session.out;
  EXPECT_TRUE(sessions().empty());
}

TEST_F(SessionCommandTest, AnEmergencyResultShowsTheAdviceAndNoExercise) {
  walking_diary();
  const std::vector<std::string> ids = session_ids();
  ASSERT_EQ(run({"check", "--answers", "bladder"}).code, 0);
  const CliResult session = run({"session", "--plain"}, "3\n\nq\n3\n");
  EXPECT_EQ(session.code, 3) << "a refusal a script can see: " << session.err;
  EXPECT_TRUE(has(session.err, "no session was started")) << session.err;
  EXPECT_TRUE(has(session.out, "Call emergency services")) << session.out;
  EXPECT_FALSE(has(session.out, "Today's session")) << session.out;
  EXPECT_FALSE(has(session.out, "pain now")) << session.out;
  for (const std::string& id : ids)
    EXPECT_FALSE(has(session.out, id)) << session.out;
  EXPECT_TRUE(sessions().empty());
}

TEST_F(SessionCommandTest, HelpDescribesThePlainProtocol) {
  const CliResult help = run({"session", "--help"});
  ASSERT_EQ(help.code, 0);
  EXPECT_TRUE(has(help.out, "--plain")) << help.out;
  EXPECT_TRUE(has(help.out, "an empty line (Enter) goes on, 'n' skips")) << help.out;
  EXPECT_TRUE(has(help.out, "your pain after it, 0-10")) << help.out;
}

TEST_F(SessionCommandTest, LogSessionRecordsASessionDoneElsewhere) {
  const CliResult catalog = run({"exercises", "--json"});
  ASSERT_EQ(catalog.code, 0) << catalog.err;
  int minutes = 0;
  const auto exercises = nlohmann::json::parse(catalog.out);
  for (const auto& exercise : exercises) {
    if (exercise["id"] == "yoga-cat-cow" || exercise["id"] == "basics-belly-breathing")
      minutes += exercise["minutes"].get<int>();
  }
  const CliResult logged =
      run({"log", "session", "--exercises", "yoga-cat-cow,basics-belly-breathing", "--pain-before",
           "4", "--pain-after", "3", "--at", "yesterday 18:00", "--note", "a class"});
  ASSERT_EQ(logged.code, 0) << logged.err;
  EXPECT_TRUE(has(logged.out, "Saved #1: session")) << logged.out;
  const CliResult timed = run({"log", "session", "--exercises", "yoga-cat-cow", "--pain-before",
                               "2", "--pain-after", "5", "--minutes", "25"});
  ASSERT_EQ(timed.code, 0) << timed.err;
  EXPECT_TRUE(has(timed.out, "tomorrow's plan will step back")) << timed.out;
  const auto logged_sessions = sessions();
  ASSERT_EQ(logged_sessions.size(), 2U);
  EXPECT_EQ(logged_sessions[1]["exercises"],
            nlohmann::json({"yoga-cat-cow", "basics-belly-breathing"}));
  EXPECT_EQ(logged_sessions[1]["minutes"], minutes);
  EXPECT_EQ(logged_sessions[1]["pain_before"], 4);
  EXPECT_EQ(logged_sessions[1]["pain_after"], 3);
  EXPECT_EQ(logged_sessions[1]["note"], "a class");
  EXPECT_EQ(logged_sessions[1]["at"], local_iso("2026-11-20T18:00"));
  EXPECT_EQ(logged_sessions[0]["minutes"], 25);
}

// Every bad input: exit code 2, one line naming the problem, and nothing logged.
TEST_F(SessionCommandTest, LogSessionBadInputGetsAClearErrorAndLogsNothing) {
  ASSERT_EQ(run({"log", "4", "neck"}).code, 0);
  const std::string before = run({"export"}).out;
  const std::vector<std::string> good = {"log", "session", "--exercises", "yoga-cat-cow"};
  auto with = [&](std::vector<std::string> more) {
    std::vector<std::string> args = good;
    args.insert(args.end(), more.begin(), more.end());
    return args;
  };
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const Case cases[] = {
      {with({"--pain-before", "11", "--pain-after", "3"}),
       "--pain-before: pain 11 is out of range"},
      {with({"--pain-before", "4", "--pain-after", "-1"}), "--pain-after: pain -1 is out of range"},
      {with({"--pain-before", "four", "--pain-after", "3"}), "is not a whole number"},
      {with({"--pain-before", "4"}), "needs the exercises and your pain before and after"},
      {{"log", "session", "--pain-before", "4", "--pain-after", "3"}, "needs the exercises"},
      {{"log", "session", "--exercises", "yoga-cat-cwo", "--pain-before", "4", "--pain-after", "3"},
       "Did you mean 'yoga-cat-cow'?"},
      {{"log", "session", "--exercises", "yoga-cat-cow,nothing-like-it", "--pain-before", "4",
        "--pain-after", "3"},
       "there is no exercise 'nothing-like-it'"},
      {{"log", "session", "--exercises", ",", "--pain-before", "4", "--pain-after", "3"},
       "at least one exercise"},
      {with({"--pain-before", "4", "--pain-after", "3", "--minutes", "0"}), "out of range"},
      {with({"--pain-before", "4", "--pain-after", "3", "--minutes", "500"}), "out of range"},
      {with({"--pain-before", "4", "--pain-after", "3", "--mobility", "walk"}),
       "--mobility goes with a pain rating"},
      {with({"--pain-before", "4", "--pain-after", "3", "--at", "2027-01-01T10:00"}),
       "in the future"},
      {{"log", "session", "extra", "--exercises", "yoga-cat-cow", "--pain-before", "4",
        "--pain-after", "3"},
       "needs the exercises"},
      {{"log", "5", "--exercises", "yoga-cat-cow"}, "go with a session"},
      {{"log", "walk", "10", "--pain-after", "3"}, "go with a session"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    const CliResult result = run(c.args);
    EXPECT_EQ(result.code, 2);
    EXPECT_TRUE(has(result.err, c.message)) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
  EXPECT_EQ(run({"export"}).out, before);
}

}  // namespace
}  // namespace limber::testing
