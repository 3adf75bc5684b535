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

}  // namespace
}  // namespace limber::testing
