// GET /api/report over real HTTP: the PDF as an attachment, or a JSON error a page can show.
#include "server/server_fixture.h"

namespace limber::testing {
namespace {

using ReportRouteTest = ServerTest;

TEST_F(ReportRouteTest, SendsThePdfAsAnAttachment) {
  pass_check();
  ASSERT_EQ(
      post("/api/entries", R"({"pain": 6, "regions": ["lower-back"], "at": "yesterday 09:00"})")
          .status,
      201);
  const Answer report = get("/api/report?from=2026-11-01&to=2026-11-21");
  ASSERT_EQ(report.status, 200) << report.text;
  EXPECT_EQ(report.header("Content-Type"), "application/pdf");
  EXPECT_EQ(report.header("Content-Disposition"),
            "attachment; filename=\"limber-report-2026-11-01-to-2026-11-21.pdf\"");
  EXPECT_TRUE(report.text.starts_with("%PDF-"));
  EXPECT_TRUE(report.text.find("%%EOF") != std::string::npos);
}

TEST_F(ReportRouteTest, AnswersBadDaysAndEmptyPeriodsWithAJsonError) {
  const Answer empty = get("/api/report");
  EXPECT_EQ(empty.status, 404);
  EXPECT_NE(empty.error().find("the diary is empty"), std::string::npos) << empty.text;
  pass_check();
  ASSERT_EQ(post("/api/entries", R"({"pain": 4})").status, 201);
  const Answer backwards = get("/api/report?from=2026-11-20&to=2026-11-01");
  EXPECT_EQ(backwards.status, 400);
  EXPECT_NE(backwards.error().find("give the earlier day first"), std::string::npos);
  const Answer bad = get("/api/report?from=soon");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.error().find("from 'soon' is not a day"), std::string::npos) << bad.text;
  EXPECT_EQ(get("/api/report?to=today").status, 200);
}

TEST_F(ReportRouteTest, RefusesARequestWithoutTheToken) {
  const Answer refused = send("GET", "/api/report", "", {{"Authorization", ""}});
  EXPECT_EQ(refused.status, 401);
  EXPECT_FALSE(refused.text.starts_with("%PDF"));
}

// Issue #12, item 12: the page asked for twelve weeks while `limber report` starts at the
// episode; the page now asks the server for the days it uses.
TEST_F(ReportRouteTest, TheDefaultPeriodIsTheEpisodesAsInTheTerminal) {
  pass_check();
  for (const char* at : {"2026-11-18T09:00", "2026-11-20T09:00"}) {
    ASSERT_EQ(post("/api/entries",
                   std::string(R"({"pain": 6, "regions": ["lower-back"], "at": ")") + at + "\"}")
                  .status,
              201);
  }
  const Answer period = get("/api/report/period");
  ASSERT_EQ(period.status, 200) << period.text;
  EXPECT_EQ(period.body["from"], "2026-11-18");
  EXPECT_EQ(period.body["to"], "2026-11-21");
  const Answer by_default = get("/api/report");
  const Answer those_days = get("/api/report?from=2026-11-18&to=2026-11-21");
  ASSERT_EQ(by_default.status, 200);
  EXPECT_EQ(by_default.header("Content-Disposition"), those_days.header("Content-Disposition"));
  EXPECT_EQ(by_default.text, those_days.text) << "the same file";
  EXPECT_EQ(get("/api/report/period?from=soon").status, 400);
}

TEST_F(ReportRouteTest, TakesAnOptionalNameOnOneLine) {
  pass_check();
  ASSERT_EQ(post("/api/entries", R"({"pain": 4})").status, 201);
  const Answer named = get("/api/report?name=Ada%20Lovelace");
  EXPECT_EQ(named.status, 200) << named.text;
  EXPECT_NE(named.text, get("/api/report").text) << "the name is on the page";
  const Answer two_lines = get("/api/report?name=Ada%0ALovelace");
  EXPECT_EQ(two_lines.status, 400);
  EXPECT_NE(two_lines.error().find("one line"), std::string::npos) << two_lines.text;
}

// Issue #12, item 13: the page's "Your last result" had no date, and names came from the page.
TEST_F(ReportRouteTest, TheCheckPageGetsTheLastChecksDateAndTheVocabularyItsNames) {
  EXPECT_TRUE(get("/api/check").body["last_check"].is_null());
  pass_check();
  const Answer check = get("/api/check");
  ASSERT_EQ(check.status, 200);
  EXPECT_EQ(check.body["last_check"]["at"], local_iso(now_.load()));
  EXPECT_EQ(check.body["last_check"]["level"], "self-care");
  const Answer vocabulary = get("/api/vocabulary");
  EXPECT_EQ(vocabulary.body["phase_names"]["rest"], "Rest and realign");
  EXPECT_EQ(vocabulary.body["style_names"]["basics"], "Basics");
  EXPECT_EQ(vocabulary.body["mobility"][0]["phase_name"], "Rest and realign");
}

}  // namespace
}  // namespace limber::testing
