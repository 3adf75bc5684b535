// `limber check` in process, and the safety gate that later plan commands call.
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/local_time.h"
#include "cli/cli.h"
#include "cli/command.h"
#include "cli/safety_gate.h"
#include "support/clock.h"
#include "support/temp_dir.h"
#include "support/time_zone.h"

namespace limber::cli {
namespace {

using testing::kNoon;

struct Output {
  int code = 0;
  std::string out;
  std::string err;
};

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::string yes_no(std::size_t count, const std::string& answer) {
  std::string input;
  for (std::size_t i = 0; i < count; ++i)
    input += answer + "\n";
  return input;
}

class CheckCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::use_suite_time_zone(); }

  [[nodiscard]] Invocation invocation(std::vector<std::string> args, std::istream& in,
                                      std::ostream& out, std::ostream& err,
                                      bool interactive) const {
    return {.args = std::move(args),
            .now = now_,
            .env = [this](const char* name) -> std::optional<std::string> {
              if (std::string_view(name) == "LIMBER_HOME")
                return dir_.path().string();
              return std::nullopt;
            },
            .io = {in, out, err, interactive}};
  }

  Output run(std::vector<std::string> args, const std::string& input = "",
             bool interactive = false) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::run(invocation(std::move(args), in, out, err, interactive));
    return {code, out.str(), err.str()};
  }

  nlohmann::json run_json(std::vector<std::string> args) {
    const Output output = run(std::move(args));
    EXPECT_EQ(output.code, kExitOk) << output.err;
    return nlohmann::json::parse(output.out);
  }

  struct GateOutput {
    core::Result<GateResult> result;
    std::string out;
    std::string err;
  };

  // What a plan command sees: a "today" subcommand that calls the gate first.
  GateOutput gate(bool json = false, const std::string& input = "", bool interactive = false,
                  std::vector<std::string> args = {"today"}) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    const Invocation call = invocation(args, in, out, err, interactive);
    std::optional<std::string> data_dir;
    if (args.size() > 1 && args[0] == "--data-dir")
      data_dir = args[1];
    Context context(call, data_dir);
    context.set_now(app::local_now(now_));
    auto result = pass_safety_gate(context, json);
    return {std::move(result), out.str(), err.str()};
  }

  [[nodiscard]] std::filesystem::path db_path() const { return dir_.path() / "limber.db"; }

  testing::TempDir dir_;
  core::Instant now_ = kNoon;
};

TEST_F(CheckCommandTest, ScriptedAnswersGiveTheirLevel) {
  struct Case {
    std::string answers;
    std::string level;
    std::vector<std::string> flags;
    std::string advice_starts;
    bool paused;
  };
  const std::vector<Case> cases = {
      {"none", "self-care", {}, "No warning signs found.", false},
      {"bladder", "emergency", {"bladder"}, "Call emergency services now", true},
      {"saddle,both-legs", "emergency", {"saddle", "both-legs"}, "Call emergency services", true},
      {"chest", "emergency", {"chest"}, "Call emergency services now", true},
      {"fever", "urgent", {"fever"}, "Contact a doctor today", true},
      {"cancer,leg-weakness", "emergency", {"leg-weakness", "cancer"}, "Call emergency", true},
      {"weight-loss", "see-clinician", {"weight-loss"}, "Book a visit", false},
      {"weight-loss,night-pain", "urgent", {"weight-loss", "night-pain"}, "Contact a doctor", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.answers);
    testing::TempDir fresh;
    const auto json =
        run_json({"--data-dir", fresh.path().string(), "check", "--answers", c.answers, "--json"});
    EXPECT_EQ(json["level"], c.level);
    EXPECT_EQ(json["flags"], nlohmann::json(c.flags));
    EXPECT_TRUE(json["advice"].get<std::string>().starts_with(c.advice_starts)) << json["advice"];
    EXPECT_EQ(json["plans_paused"], c.paused);
    EXPECT_EQ(json["check"]["level"], c.level);
    EXPECT_EQ(json["check"]["answers"].size(), 12U);
  }
}

TEST_F(CheckCommandTest, ShowsTheAdviceItPrintsAsJson) {
  const Output text = run({"check", "--answers", "fever"});
  ASSERT_EQ(text.code, kExitOk) << text.err;
  now_ += std::chrono::minutes{1};
  const auto json = run_json({"check", "--answers", "fever", "--json"});
  EXPECT_TRUE(has(text.out, json["advice"].get<std::string>())) << text.out;
  EXPECT_TRUE(has(text.out, "limber check --seen-clinician"));
  EXPECT_EQ(json["seen_clinician"], nullptr);
}

TEST_F(CheckCommandTest, ShowsTheDisclaimerOnlyTheFirstTime) {
  const Output first = run({"check", "--answers", "none"});
  ASSERT_EQ(first.code, kExitOk) << first.err;
  EXPECT_TRUE(first.out.starts_with("About limber\n")) << first.out;
  EXPECT_TRUE(has(first.out, "It is not a doctor."));
  const Output second = run({"check", "--answers", "none"});
  EXPECT_FALSE(has(second.out, "About limber"));
  EXPECT_FALSE(has(second.err, "About limber"));
}

TEST_F(CheckCommandTest, KeepsJsonCleanByShowingTheDisclaimerOnStderr) {
  const Output output = run({"check", "--answers", "none", "--json"});
  ASSERT_EQ(output.code, kExitOk) << output.err;
  EXPECT_TRUE(has(output.err, "About limber"));
  EXPECT_TRUE(nlohmann::json::accept(output.out)) << output.out;
}

TEST_F(CheckCommandTest, BadAnswerIdsAreAUsageErrorWithASuggestion) {
  struct Case {
    std::string answers;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"bladdr", "Did you mean 'bladder'?"},
      {"fever,chst", "Did you mean 'chest'?"},
      {"none,fever", "cannot mix 'none'"},
      {"", "--answers needs 'none'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.answers);
    const Output output = run({"check", "--answers", c.answers});
    EXPECT_EQ(output.code, kExitUsage);
    EXPECT_TRUE(output.err.starts_with("limber: ")) << output.err;
    EXPECT_TRUE(has(output.err, c.says)) << output.err;
    EXPECT_EQ(std::count(output.err.begin(), output.err.end(), '\n'), 1) << output.err;
    EXPECT_TRUE(output.out.empty());
  }
  EXPECT_FALSE(std::filesystem::exists(db_path())) << "nothing is written for a bad command";
}

TEST_F(CheckCommandTest, RefusesToAskWithoutATerminal) {
  const Output output = run({"check"});
  EXPECT_EQ(output.code, kExitUsage);
  EXPECT_TRUE(has(output.err, "--answers none")) << output.err;
  EXPECT_TRUE(has(output.err, "bladder, bowel")) << output.err;
  EXPECT_FALSE(std::filesystem::exists(db_path()));
}

TEST_F(CheckCommandTest, AsksOneQuestionAtATimeOnATerminal) {
  const Output output = run({"check"}, "maybe\n" + yes_no(12, "n"), true);
  ASSERT_EQ(output.code, kExitOk) << output.err;
  EXPECT_TRUE(has(output.err, "1/12  Has passing urine changed")) << output.err;
  EXPECT_TRUE(has(output.err, "Please answer y or n."));
  EXPECT_TRUE(has(output.err, "12/12  "));
  EXPECT_TRUE(has(output.out, "No warning signs found.")) << output.out;
  const auto json = run_json({"check", "--answers", "none", "--json"});
  EXPECT_EQ(json["level"], "self-care");
}

TEST_F(CheckCommandTest, StopsAskingAfterAnEmergencyAnswer) {
  const Output output = run({"check", "--json"}, "n\nYES\ny\n", true);
  ASSERT_EQ(output.code, kExitOk) << output.err;
  EXPECT_TRUE(has(output.err, "2/12  Can you no longer hold back a bowel movement"));
  EXPECT_FALSE(has(output.err, "3/12"));
  EXPECT_TRUE(has(output.err, "You answered yes to:\n  2. Can you no longer hold")) << output.err;
  const auto json = nlohmann::json::parse(output.out);
  EXPECT_EQ(json["level"], "emergency");
  EXPECT_EQ(json["flags"], nlohmann::json({"bowel"}));
  EXPECT_EQ(json["check"]["answers"], nlohmann::json({{"bladder", false}, {"bowel", true}}));
}

TEST_F(CheckCommandTest, AWrongKeyCanBeChangedBeforeTheResult) {
  // "y" to the bowel question by mistake: the review lists it, "2" changes it to no, and the
  // ten questions the emergency answer had skipped are asked.
  const Output output = run({"check", "--json"}, "n\ny\nwhat\n7\n2\n" + yes_no(10, "n"), true);
  ASSERT_EQ(output.code, kExitOk) << output.err;
  EXPECT_TRUE(has(output.err, "Please enter y, or the number")) << output.err;
  EXPECT_TRUE(has(output.err, "Changed 2 to no.")) << output.err;
  EXPECT_TRUE(has(output.err, "12/12  ")) << output.err;
  const auto json = nlohmann::json::parse(output.out);
  EXPECT_EQ(json["level"], "self-care");
  EXPECT_EQ(json["check"]["answers"].size(), 12U);
  EXPECT_EQ(json["check"]["answers"]["bowel"], false);
}

TEST_F(CheckCommandTest, AnUnconfirmedReviewSavesNothing) {
  const Output output = run({"check"}, "y\n", true);
  EXPECT_EQ(output.code, kExitUsage);
  EXPECT_TRUE(has(output.err, "You answered yes to:")) << output.err;
  EXPECT_TRUE(has(output.err, "nothing was saved")) << output.err;
  EXPECT_FALSE(gate().result.has_value());
}

TEST_F(CheckCommandTest, SavesNothingWhenTheAnswersStopHalfWay) {
  const Output output = run({"check"}, "n\nn\n", true);
  EXPECT_EQ(output.code, kExitUsage);
  EXPECT_TRUE(has(output.err, "nothing was saved")) << output.err;
  auto gated = gate();
  ASSERT_FALSE(gated.result.has_value());
  EXPECT_TRUE(has(gated.result.error().message, "no safety check on record"));
}

TEST_F(CheckCommandTest, AnUrgentResultPausesPlansUntilAClinicianHasSeenThePerson) {
  ASSERT_EQ(run({"check", "--answers", "fever"}).code, kExitOk);

  auto paused = gate();
  ASSERT_TRUE(paused.result.has_value()) << paused.result.error().message;
  EXPECT_FALSE(paused.result->proceed);
  EXPECT_TRUE(paused.out.starts_with("Contact a doctor today")) << paused.out;
  EXPECT_TRUE(has(paused.out, "limber check --seen-clinician"));
  EXPECT_EQ(paused.result->safety["level"], "urgent");

  // Answering "no" later does not lift it.
  now_ += std::chrono::hours{1};
  const Output again = run({"check", "--answers", "none"});
  EXPECT_TRUE(again.out.starts_with("Contact a doctor today")) << again.out;
  EXPECT_TRUE(has(again.out, "Some of these signs come from an earlier check."));
  EXPECT_FALSE(gate().result->proceed);

  now_ += std::chrono::hours{1};
  const Output seen = run({"check", "--seen-clinician"});
  ASSERT_EQ(seen.code, kExitOk) << seen.err;
  EXPECT_TRUE(seen.out.starts_with("Recorded: a clinician has seen you")) << seen.out;

  auto open = gate();
  ASSERT_TRUE(open.result.has_value());
  EXPECT_TRUE(open.result->proceed);
  EXPECT_TRUE(open.out.empty()) << open.out;
  EXPECT_EQ(open.result->safety["level"], "self-care");
  EXPECT_EQ(open.result->safety["seen_clinician"],
            testing::local_iso(kNoon + std::chrono::hours{2}));
}

// Issue #12, item 2: one wrong key ended the check in an emergency with no way back but
// claiming a clinician visit. A correction says what it corrects and keeps both.
TEST_F(CheckCommandTest, AWrongAnswerIsCorrectedByANewCheckThatSaysSo) {
  const Output wrong = run({"check", "--answers", "bladder"});
  ASSERT_EQ(wrong.code, kExitOk);
  EXPECT_TRUE(has(wrong.out, "limber check --correct")) << wrong.out;
  EXPECT_FALSE(gate().result->proceed);
  now_ += std::chrono::minutes{2};
  const Output fixed = run({"check", "--correct", "--answers", "none", "--json"});
  ASSERT_EQ(fixed.code, kExitOk) << fixed.err;
  const auto json = nlohmann::json::parse(fixed.out);
  EXPECT_EQ(json["level"], "self-care");
  EXPECT_EQ(json["check"]["corrects"], 1);
  const std::string advice = json["advice"].get<std::string>();
  EXPECT_TRUE(has(advice, "Recorded as a correction of your check of")) << advice;
  EXPECT_TRUE(has(advice, "(result: emergency)")) << advice;
  EXPECT_TRUE(has(advice, "Both checks stay in your history")) << advice;
  EXPECT_TRUE(has(advice, "do not wait: call emergency services")) << advice;
  EXPECT_TRUE(gate().result->proceed);
  const Output both = run({"check", "--correct", "--seen-clinician"});
  EXPECT_EQ(both.code, kExitUsage);
}

TEST_F(CheckCommandTest, StatusPutsAStandingEmergencyFirst) {
  ASSERT_EQ(run({"log", "5", "lower-back"}).code, kExitOk);
  ASSERT_EQ(run({"check", "--answers", "bladder"}).code, kExitOk);

  // Plain `limber` and `limber status`: the advice comes before any figure.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{}, std::vector<std::string>{"status"}}) {
    const Output status = run(args);
    ASSERT_EQ(status.code, kExitOk) << status.err;
    const auto emergency = status.out.find("Call emergency services");
    const auto last_entry = status.out.find("Last pain entry");
    ASSERT_NE(emergency, std::string::npos) << status.out;
    ASSERT_NE(last_entry, std::string::npos) << status.out;
    EXPECT_LT(emergency, last_entry) << status.out;
    EXPECT_TRUE(has(status.out, "limber check --seen-clinician")) << status.out;
  }
  const auto json = run_json({"status", "--json"});
  EXPECT_EQ(json["safety"]["level"], "emergency");
  EXPECT_EQ(json["safety"]["plans_paused"], true);

  // After a clinician visit, the summary is the summary again.
  now_ += std::chrono::hours{1};
  ASSERT_EQ(run({"check", "--seen-clinician"}).code, kExitOk);
  const Output calm = run({"status"});
  EXPECT_FALSE(has(calm.out, "Call emergency services")) << calm.out;
  EXPECT_EQ(run_json({"status", "--json"})["safety"]["level"], "self-care");
}

TEST_F(CheckCommandTest, StatusAsksForTheFirstCheck) {
  ASSERT_EQ(run({"log", "5"}).code, kExitOk);
  const Output status = run({"status"});
  EXPECT_TRUE(has(status.out, "No safety check yet")) << status.out;
  EXPECT_TRUE(run_json({"status", "--json"})["safety"].is_null());
}

TEST_F(CheckCommandTest, SeenClinicianWithNewAnswersRecordsBoth) {
  ASSERT_EQ(run({"check", "--answers", "trauma"}).code, kExitOk);
  const auto json = run_json({"check", "--seen-clinician", "--answers", "night-pain", "--json"});
  EXPECT_EQ(json["level"], "see-clinician");
  EXPECT_EQ(json["flags"], nlohmann::json({"night-pain"}));
  EXPECT_TRUE(json["advice"].get<std::string>().starts_with("Recorded: a clinician"));
  EXPECT_EQ(json["plans_paused"], false);
}

TEST_F(CheckCommandTest, TheGateRefusesWithoutACheckWhenNotOnATerminal) {
  auto refused = gate();
  ASSERT_FALSE(refused.result.has_value());
  EXPECT_EQ(refused.result.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_TRUE(has(refused.result.error().message, "limber check --answers none"));
  EXPECT_TRUE(refused.out.empty());
}

TEST_F(CheckCommandTest, TheGateRunsTheFirstCheckOnATerminal) {
  auto first = gate(false, yes_no(12, "n"), true);
  ASSERT_TRUE(first.result.has_value()) << first.result.error().message;
  EXPECT_TRUE(first.result->proceed);
  EXPECT_TRUE(first.out.starts_with("About limber\n")) << first.out;
  EXPECT_TRUE(has(first.out, "No warning signs found."));
  EXPECT_TRUE(has(first.err, "12/12"));
  auto second = gate();
  ASSERT_TRUE(second.result.has_value());
  EXPECT_TRUE(second.result->proceed);
  EXPECT_TRUE(second.out.empty()) << second.out;
}

TEST_F(CheckCommandTest, TheGateShowsSeeClinicianAdviceAndGoesOn) {
  ASSERT_EQ(run({"check", "--answers", "immune"}).code, kExitOk);
  auto gated = gate();
  ASSERT_TRUE(gated.result.has_value());
  EXPECT_TRUE(gated.result->proceed);
  EXPECT_TRUE(gated.out.starts_with("Book a visit")) << gated.out;
}

TEST_F(CheckCommandTest, TheGateInJsonModeWritesNothingToStdout) {
  ASSERT_EQ(run({"check", "--answers", "bowel"}).code, kExitOk);
  auto gated = gate(true);
  ASSERT_TRUE(gated.result.has_value());
  EXPECT_FALSE(gated.result->proceed);
  EXPECT_TRUE(gated.out.empty());
  const nlohmann::json& safety = gated.result->safety;
  EXPECT_EQ(safety["level"], "emergency");
  EXPECT_EQ(safety["flags"], nlohmann::json({"bowel"}));
  EXPECT_TRUE(safety["advice"].get<std::string>().starts_with("Call emergency services now"));
  EXPECT_EQ(safety["plans_paused"], true);
}

TEST_F(CheckCommandTest, TheGateReadsTheSameDiaryAsDataDir) {
  testing::TempDir other;
  ASSERT_EQ(run({"--data-dir", other.path().string(), "check", "--answers", "chest"}).code,
            kExitOk);
  auto there = gate(false, "", false, {"--data-dir", other.path().string(), "today"});
  ASSERT_TRUE(there.result.has_value()) << there.result.error().message;
  EXPECT_FALSE(there.result->proceed);
  EXPECT_FALSE(gate().result.has_value()) << "LIMBER_HOME has no check on record";
}

TEST_F(CheckCommandTest, PainRisingInTheDiaryRaisesSeeClinician) {
  ASSERT_EQ(run({"log", "3", "--at", "2026-11-19T09:00"}).code, kExitOk);
  ASSERT_EQ(run({"log", "5", "--at", "yesterday 09:00"}).code, kExitOk);
  ASSERT_EQ(run({"log", "7", "lower-back", "--at", "2h ago"}).code, kExitOk);
  const auto json = run_json({"check", "--answers", "none", "--json"});
  EXPECT_EQ(json["level"], "see-clinician");
  EXPECT_EQ(json["flags"], nlohmann::json({"pain-rising"}));
  EXPECT_TRUE(has(json["advice"].get<std::string>(), "pain going up over several days"));
  EXPECT_TRUE(gate().result->proceed);

  ASSERT_EQ(run({"check", "--seen-clinician"}).code, kExitOk);
  EXPECT_EQ(run_json({"check", "--answers", "none", "--json"})["level"], "self-care");
}

TEST_F(CheckCommandTest, PainNoBetterAfterSixWeeksRaisesSeeClinician) {
  for (const char* day : {"2026-10-01T09:00", "2026-10-20T09:00", "2026-11-08T09:00"}) {
    ASSERT_EQ(run({"log", "6", "--at", day}).code, kExitOk);
  }
  ASSERT_EQ(run({"log", "6", "--at", "yesterday 20:00"}).code, kExitOk);
  const auto json = run_json({"check", "--answers", "none", "--json"});
  EXPECT_EQ(json["level"], "see-clinician");
  EXPECT_EQ(json["flags"], nlohmann::json({"not-better"}));
  // With weight loss it is two risk factors: a doctor today.
  EXPECT_EQ(run_json({"check", "--answers", "weight-loss", "--json"})["level"], "urgent");
}

TEST_F(CheckCommandTest, PainInBothLegsOffersTheCheckAgain) {
  const Output both = run({"log", "5", "left-thigh", "right-calf:4"});
  ASSERT_EQ(both.code, kExitOk) << both.err;
  EXPECT_TRUE(has(both.out, "Please run the safety check again now: limber check")) << both.out;
  const Output one = run({"log", "5", "left-thigh", "left-calf"});
  EXPECT_FALSE(has(one.out, "limber check"));
  const Output json = run({"log", "5", "left-calf", "right-thigh", "--json"});
  EXPECT_TRUE(has(json.err, "limber check"));
  EXPECT_TRUE(nlohmann::json::accept(json.out)) << json.out;
}

TEST_F(CheckCommandTest, HelpListsTheAnswerIds) {
  const Output help = run({"check", "--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_TRUE(has(help.out, "--seen-clinician"));
  EXPECT_TRUE(has(help.out, "night-pain"));
}

}  // namespace
}  // namespace limber::cli
