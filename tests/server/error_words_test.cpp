// Issue #13, finding 2: lower layers wrote the terminal's remedies ("'limber history' lists
// the entry numbers", "limber function add", "--days", "--pain"), and web users read them.
// Every failure the page can meet is made here, and no answer names a command or a flag.

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "server_fixture.h"
#include "support/cli_words.h"

namespace limber::testing {
namespace {

class ErrorWordsTest : public ServerTest {};

TEST_F(ErrorWordsTest, TheDetectorFindsACommandAndAFlag) {
  EXPECT_TRUE(speaks_cli("there is no entry #9: 'limber history' lists the entry numbers"));
  EXPECT_TRUE(speaks_cli("--days 0 is out of range"));
  EXPECT_FALSE(speaks_cli("there is no entry #9: the list on the Log page shows your entries"));
}

TEST_F(ErrorWordsTest, NoAnswerToTheApiNamesACommandOrAFlag) {
  const Answer empty_report = get("/api/report");
  pass_check();
  ASSERT_EQ(post("/api/entries", R"({"pain": 5, "regions": ["lower-back"]})").status, 201);
  ASSERT_EQ(post("/api/entries", R"({"kind": "walk", "minutes": 10})").status, 201);
  for (const std::string name : {"put on socks", "lift a bag", "sit through a film"})
    ASSERT_EQ(post("/api/function/activities", nlohmann::json{{"name", name}}.dump()).status, 201);

  const std::vector<std::pair<std::string, Answer>> failures = {
      {"a report of an empty diary", empty_report},
      {"an entry that does not exist", send("DELETE", "/api/entries/999")},
      {"changing an entry that does not exist",
       send("PUT", "/api/entries/999", R"({"pain": 4, "regions": ["neck"]})")},
      {"a pain score on a walk", send("PUT", "/api/entries/2", R"({"pain": 4})")},
      {"days out of range", get("/api/entries?days=0")},
      {"progress days out of range", get("/api/progress?days=99999")},
      {"a tag that is not one", post("/api/entries", R"({"pain": 4, "tags": ["no/way"]})")},
      {"too many tags",
       post("/api/entries", R"({"pain": 4, "tags": ["a", "b", "c", "d", "e", "f"]})")},
      {"a tag filter that is not a tag", get("/api/progress?tag=no%2Fway")},
      {"rating an activity that is not there",
       post("/api/function/ratings", R"({"name": "tie shoes", "score": 4})")},
      {"a fourth activity", post("/api/function/activities", R"({"name": "garden"})")},
      {"a score out of range",
       post("/api/function/ratings", R"({"name": "lift a bag", "score": 11})")},
      {"removing an activity that is not there", send("DELETE", "/api/function/activities/garden")},
      {"an exercise that does not exist", get("/api/exercises/no-such-exercise")},
      {"a report of days the diary does not hold",
       get("/api/report?from=2001-01-01&to=2001-01-07")},
      {"a session naming an unknown exercise",
       post("/api/entries",
            R"({"kind": "session", "exercises": ["no-such-exercise"], "pain_before": 4,
                "pain_after": 3, "minutes": 9})")},
  };
  for (const auto& [what, answer] : failures) {
    SCOPED_TRACE(what);
    EXPECT_GE(answer.status, 400) << answer.text;
    const std::string error = answer.error();
    EXPECT_FALSE(error.empty()) << answer.text;
    EXPECT_FALSE(speaks_cli(error)) << error;
  }
  // The remedies the page does name: a page, not a command.
  const auto error_of = [&failures](std::string_view what) {
    const auto found = std::ranges::find(failures, what, &std::pair<std::string, Answer>::first);
    return found == failures.end() ? std::string() : found->second.error();
  };
  EXPECT_NE(error_of("an entry that does not exist").find("Log page"), std::string::npos)
      << error_of("an entry that does not exist");
  EXPECT_NE(error_of("a fourth activity").find("Progress page"), std::string::npos)
      << error_of("a fourth activity");
  EXPECT_NE(empty_report.error().find("Log page"), std::string::npos) << empty_report.error();
}

}  // namespace
}  // namespace limber::testing
