// The API in a zone west of UTC, and the times it refuses (issue 11): the page's dates and
// charts come from this JSON, so its dates must be the person's own.
#include "support/time_zone.h"

#include <gtest/gtest.h>

#include "server_fixture.h"

namespace limber::testing {
namespace {

using TimeZoneApiTest = ServerTest;

TEST_F(TimeZoneApiTest, NewYorkGetsItsOwnDateForTodayAndProgress) {
  const ScopedTimeZone zone("America/New_York");
  now_ = utc(2026, 11, 28, 2);  // 21:00 on Friday 27 November in New York
  pass_check();
  const Answer saved = post("/api/entries", R"({"pain": 5, "at": "20:30"})");
  ASSERT_EQ(saved.status, 201) << saved.text;
  EXPECT_EQ(saved.body["entry"]["at"], "2026-11-27T20:30:00-05:00");

  const Answer today = get("/api/today");
  ASSERT_EQ(today.status, 200) << today.text;
  EXPECT_EQ(today.body["date"], "2026-11-27");
  EXPECT_EQ(today.body["plan"]["date"], "2026-11-27");

  const Answer progress = get("/api/progress?days=7");
  ASSERT_EQ(progress.status, 200) << progress.text;
  EXPECT_EQ(progress.body["to"], "2026-11-27");
  ASSERT_EQ(progress.body["days"].size(), 7U);
  EXPECT_EQ(progress.body["days"][6]["date"], "2026-11-27");
  EXPECT_EQ(progress.body["days"][6]["pain_entries"], 1);
  EXPECT_EQ(progress.body["days"][5]["pain_entries"], 0);
}

TEST_F(TimeZoneApiTest, RefusesTimesBefore1970AndMalformedTimesAndWritesNothing) {
  struct Case {
    const char* at;
    const char* says;
  };
  const Case kCases[] = {
      {"1800-01-01T10:00", "before 1970-01-01"},
      {"0001-01-01T00:00:00Z", "before 1970-01-01"},
      {"1969-12-31T23:00", "before 1970-01-01"},
      {"2026-11-20T10:00+18:30", "-14:00 to +14:00"},
      {"2026-11-20T-1:00", "cannot read the time"},
      {"2026-11-20T10:-5", "cannot read the time"},
      {"2026-11-20T10:00+-1:00", "cannot read the time"},
      {"-999-01-01T00:00", "cannot read the time"},
      {"tomorrow 09:00", "times in the future cannot be logged"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.at);
    const std::string body = std::string(R"({"pain": 5, "at": ")") + c.at + "\"}";
    const Answer answer = post("/api/entries", body);
    EXPECT_EQ(answer.status, 400) << answer.text;
    EXPECT_NE(answer.error().find(c.says), std::string::npos) << answer.error();
  }
  EXPECT_EQ(entry_count(), 0);

  ASSERT_EQ(post("/api/entries", R"({"pain": 5})").status, 201);
  const Answer moved = send("PUT", "/api/entries/1", R"({"pain": 5, "at": "1800-01-01T10:00"})");
  EXPECT_EQ(moved.status, 400) << moved.text;
  EXPECT_NE(moved.error().find("before 1970-01-01"), std::string::npos) << moved.error();
}

}  // namespace
}  // namespace limber::testing
