#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"

namespace limber::testing {
namespace {

class PlanCommandsTest : public CliTest {
 protected:
  nlohmann::json json(std::vector<std::string> args) {
    auto result = run(std::move(args));
    EXPECT_EQ(result.code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }
};

TEST_F(PlanCommandsTest, TodayNeedsACheckFirstWhenNotOnATerminal) {
  auto refused = run({"today"});
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.err.find("limber check"), std::string::npos) << refused.err;
}

TEST_F(PlanCommandsTest, TodayGivesThePlanWithTheDocumentedKeys) {
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  ASSERT_EQ(run({"log", "6", "lower-back", "--mobility", "walk", "--at", "2026-11-19T09:00"}).code,
            0);
  ASSERT_EQ(run({"log", "5", "lower-back", "neck:3", "--mobility", "walk"}).code, 0);
  ASSERT_EQ(run({"prefs", "--styles", "yoga,ballet"}).code, 0);
  const auto plan = json({"today", "--json"});
  EXPECT_EQ(plan["phase"], "walk");
  EXPECT_EQ(plan["safety"], "self-care");
  EXPECT_GT(plan["sitting_limit_minutes"].get<int>(), 0);
  EXPECT_GT(plan["walk_minutes"].get<int>(), 0);
  ASSERT_FALSE(plan["exercises"].empty());
  for (const auto& exercise : plan["exercises"]) {
    for (const char* key : {"id", "style", "level", "minutes", "eases", "strengthens", "relaxes"}) {
      EXPECT_TRUE(exercise.contains(key)) << key;
    }
  }
  ASSERT_FALSE(plan["reasons"].empty());
  for (const auto& reason : plan["reasons"]) {
    EXPECT_NE(reason["tip_name"].get<std::string>().find("Tip "), std::string::npos);
  }
  auto text = run({"today"});
  EXPECT_NE(text.out.find("Phase: Walk (3 of 4)"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("Tip 5, related pains"), std::string::npos) << "reasons on --full";
  auto full = run({"today", "--full"});
  EXPECT_NE(full.out.find("Tip 5, related pains"), std::string::npos) << full.out;
}

// Issue 13, finding 6: `today --date`, `report --from/--to`, the API and typed times read
// one vocabulary of days (core/typed_day.h); `today --date` used to refuse a weekday.
TEST_F(PlanCommandsTest, TodayReadsTheDaysEveryCommandReads) {
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  EXPECT_EQ(json({"today", "--date", "thu", "--json"})["date"], "2026-11-19");
  EXPECT_EQ(json({"today", "--date", "Yesterday", "--json"})["date"], "2026-11-20");
  EXPECT_EQ(json({"today", "--date", "tomorrow", "--json"})["date"], "2026-11-22");
  EXPECT_EQ(json({"today", "--date", "2026-11-02", "--json"})["date"], "2026-11-02");
  const auto refused = run({"today", "--date", "someday"});
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.err.find("--date 'someday' is not a day: use today, yesterday, tomorrow, a "
                             "weekday (monday or mon"),
            std::string::npos)
      << refused.err;
}

// Issue #12, item 5: `limber today` was 733 words in 79 rows, broken mid-word. The default
// is what to do now, how much and what next, in a screenful at the terminal's width.
TEST_F(PlanCommandsTest, TodayFitsAScreenfulAndSaysWhyOnlyWhenAsked) {
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  ASSERT_EQ(run({"log", "4", "lower-back", "right-thigh:5", "--mobility", "walk"}).code, 0);
  ASSERT_EQ(run({"prefs", "--styles", "yoga,pilates"}).code, 0);
  const auto short_plan = run({"today"});
  ASSERT_EQ(short_plan.code, 0) << short_plan.err;
  std::size_t rows = 0;
  std::size_t words = 0;
  std::istringstream lines(short_plan.out);
  for (std::string line; std::getline(lines, line);) {
    ++rows;
    EXPECT_LE(line.size(), 80U + 8U) << line;  // bytes: "·" takes two for one column
    std::istringstream split(line);
    for (std::string word; split >> word;)
      ++words;
  }
  EXPECT_LE(rows, 30U) << short_plan.out;
  EXPECT_LE(words, 250U) << short_plan.out;
  EXPECT_EQ(short_plan.out.find("Tip 1, slow down"), std::string::npos);
  EXPECT_NE(short_plan.out.find("Start the session: limber session"), std::string::npos);
  // The session's heading names the session (a rename of the CLI's context once changed it).
  EXPECT_NE(short_plan.out.find("\nSession ("), std::string::npos) << short_plan.out;
  EXPECT_EQ(short_plan.out.find("Context"), std::string::npos) << short_plan.out;
  EXPECT_NE(short_plan.out.find("Does the pain in your leg shoot"), std::string::npos)
      << short_plan.out;
  const auto full = run({"today", "--full"});
  EXPECT_NE(full.out.find("Tip 5, related pains"), std::string::npos);
  EXPECT_NE(full.out.find("right thigh"), std::string::npos) << full.out;
  EXPECT_GT(full.out.size(), short_plan.out.size());
}

TEST_F(PlanCommandsTest, AnUrgentResultPausesThePlan) {
  ASSERT_EQ(run({"check", "--answers", "fever"}).code, 0);
  ASSERT_EQ(run({"log", "5", "--mobility", "walk"}).code, 0);
  const auto plan = json({"today", "--json"});
  EXPECT_EQ(plan["paused"], true);
  EXPECT_TRUE(plan["exercises"].empty());
  auto text = run({"today"});
  EXPECT_EQ(text.out.find("Posture routine"), std::string::npos) << text.out;
  ASSERT_EQ(run({"check", "--seen-clinician"}).code, 0);
  EXPECT_EQ(json({"today", "--json"})["paused"], false);
}

TEST_F(PlanCommandsTest, PreferencesAndMusclesAreStoredAndChecked) {
  EXPECT_EQ(json({"prefs", "--styles", "pilates,yoga", "--json"})["styles"],
            nlohmann::json({"pilates", "yoga"}));
  auto typo = run({"prefs", "--styles", "flamengo"});
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("Did you mean 'flamenco'?"), std::string::npos) << typo.err;
  const auto muscles =
      json({"muscles", "--weak", "deep-abs,glutes", "--tight", "hip-flexors", "--json"});
  EXPECT_EQ(muscles["weak"], nlohmann::json({"deep-abs", "glutes"}));
  EXPECT_EQ(muscles["tight"], nlohmann::json({"hip-flexors"}));
  EXPECT_EQ(json({"muscles", "--tight", "none", "--json"})["weak"].size(), 2U);
  auto both = run({"muscles", "--weak", "glutes", "--tight", "glutes"});
  EXPECT_EQ(both.code, 2);
  EXPECT_NE(both.err.find("both weak and tight"), std::string::npos);
  EXPECT_EQ(run({"muscles", "--weak", "abs"}).code, 2);
}

TEST_F(PlanCommandsTest, TheFunctionalScaleTakesThreeActivitiesRatedZeroToTen) {
  for (const char* activity : {"put on socks", "sit through a film", "lift the shopping"}) {
    ASSERT_EQ(run({"function", "add", activity}).code, 0);
  }
  auto fourth = run({"function", "add", "run"});
  EXPECT_EQ(fourth.code, 2);
  EXPECT_NE(fourth.err.find("remove one first"), std::string::npos);
  EXPECT_EQ(run({"function", "rate", "put on socks", "11"}).code, 2);
  auto unknown = run({"function", "rate", "put on sock", "4"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("Did you mean 'put on socks'?"), std::string::npos) << unknown.err;
  ASSERT_EQ(run({"function", "rate", "put on socks", "2"}).code, 0);
  now_ += std::chrono::hours{24 * 7};
  const auto scale = json({"function", "rate", "put on socks", "6", "--json"});
  EXPECT_EQ(scale["score"], 6.0);
  EXPECT_EQ(scale["change"], 4.0);
  EXPECT_EQ(scale["activities"].size(), 3U);
  // Each activity's ratings and trend are shown afterwards (issue #12, item 9).
  ASSERT_EQ(scale["ratings"].size(), 3U);
  EXPECT_EQ(scale["ratings"][0]["name"], "put on socks");
  ASSERT_EQ(scale["ratings"][0]["ratings"].size(), 2U);
  EXPECT_EQ(scale["ratings"][0]["ratings"][0]["score"], 2);
  EXPECT_EQ(scale["ratings"][0]["ratings"][1]["score"], 6);
  const auto list = run({"function", "list"});
  EXPECT_NE(list.out.find("put on socks: 2 → 6"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("+4 since the first rating"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("sit through a film: not rated yet"), std::string::npos) << list.out;
}

TEST_F(PlanCommandsTest, ANewEpisodeStartsFromRestAndRemembersWhatHelped) {
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  ASSERT_EQ(run({"log", "7", "--mobility", "lie", "--at", "2026-10-01T09:00"}).code, 0);
  ASSERT_EQ(run({"log", "relief", "heat", "--at", "2026-10-02T09:00"}).code, 0);
  ASSERT_EQ(run({"log", "1", "--mobility", "move", "--at", "2026-10-20T09:00"}).code, 0);
  ASSERT_EQ(run({"episode", "new"}).code, 0);
  EXPECT_EQ(json({"episode", "--json"})["number"], 2);
  const auto plan = json({"today", "--json"});
  EXPECT_EQ(plan["phase"], "rest");
  bool remembered = false;
  for (const auto& reason : plan["reasons"]) {
    const auto text = reason["text"].get<std::string>();
    remembered = remembered || (text.find("20 days") != std::string::npos &&
                                text.find("heat") != std::string::npos);
  }
  EXPECT_TRUE(remembered) << plan["reasons"].dump(2);
  EXPECT_EQ(run({"episode", "old"}).code, 2);
}

TEST_F(PlanCommandsTest, ExercisesListFilterAndShowOne) {
  const auto yoga = json({"exercises", "--style", "yoga", "--phase", "walk", "--json"});
  ASSERT_FALSE(yoga.empty());
  for (const auto& exercise : yoga)
    EXPECT_EQ(exercise["style"], "yoga");
  auto shown = run({"exercises", "show", "yoga-cat-cow"});
  EXPECT_EQ(shown.code, 0) << shown.err;
  EXPECT_NE(shown.out.find("Stop if"), std::string::npos);
  auto typo = run({"exercises", "show", "yoga-cat-cwo"});
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("Did you mean 'yoga-cat-cow'?"), std::string::npos);
  EXPECT_EQ(run({"exercises", "--phase", "sprint"}).code, 2);
}

TEST_F(PlanCommandsTest, ProgressShowsTheTrendAndTheChange) {
  for (int d = 14; d >= 0; --d) {
    ASSERT_EQ(run({"log", std::to_string(std::max(1, 8 - (14 - d) / 2)), "lower-back", "--at",
                   std::to_string(d * 24) + " hours ago"})
                  .code,
              0);
  }
  ASSERT_EQ(run({"log", "walk", "20"}).code, 0);
  const auto progress = json({"progress", "--days", "14", "--json"});
  EXPECT_EQ(progress["days"].size(), 14U);
  EXPECT_LT(progress["change"].get<double>(), -3.0);
  EXPECT_EQ(progress["walk_minutes"], 20);
  EXPECT_EQ(progress["regions"][0]["region"], "lower-back");
  auto text = run({"progress"});
  EXPECT_NE(text.out.find("a real improvement"), std::string::npos) << text.out;
  EXPECT_EQ(run({"progress", "--days", "0"}).code, 2);
}

// Issue 15: `progress --tag X` counts only the entries tagged X and names the filter; the
// tags of the period are listed either way.
TEST_F(PlanCommandsTest, ProgressFiltersByATag) {
  ASSERT_EQ(run({"log", "7", "lower-back", "--tag", "lifting", "--at", "24 hours ago"}).code, 0);
  ASSERT_EQ(run({"log", "3", "neck"}).code, 0);
  ASSERT_EQ(run({"log", "walk", "20", "--tag", "lifting"}).code, 0);
  const auto all = json({"progress", "--days", "7", "--json"});
  EXPECT_EQ(all["walks"], 1);
  EXPECT_EQ(all["tags"][0]["tag"], "lifting");
  EXPECT_EQ(all["tags"][0]["entries"], 2);
  const auto lifting = json({"progress", "--days", "7", "--tag", "Lifting", "--json"});
  EXPECT_EQ(lifting["tag"], "lifting");
  EXPECT_EQ(lifting["days"][5]["pain_mean"], 7.0);
  EXPECT_TRUE(lifting["days"][6]["pain_mean"].is_null());
  EXPECT_EQ(lifting["regions"].size(), 1U);
  auto text = run({"progress", "--tag", "lifting"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("entries tagged lifting only"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Tags in this period: lifting (2)"), std::string::npos) << text.out;
  auto bad = run({"progress", "--tag", "no/way"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("'no/way' is not a tag"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace limber::testing
