// Wall-clock times as people see them, east and west of UTC and across a clock change
// (issue 11): the terminal and the JSON show the time that was typed, on the day it was
// typed. Each test sets its own zone; the whole suite also runs under three zones.
#include "support/time_zone.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"

namespace limber::testing {
namespace {

class TimeZoneTest : public CliTest {
 protected:
  nlohmann::json json(std::vector<std::string> args) {
    auto result = run(std::move(args));
    EXPECT_EQ(result.code, 0) << result.err;
    return nlohmann::json::parse(result.out, nullptr, false);
  }
};

TEST_F(TimeZoneTest, TokyoShowsTheTimeTypedOnTheDayItWasTyped) {
  const ScopedTimeZone zone("Asia/Tokyo");
  now_ = utc(2026, 11, 27, 12);  // 21:00 on Friday 27 November in Tokyo
  const auto logged = run({"log", "6", "--at", "2026-11-27T20:00"});
  ASSERT_EQ(logged.code, 0) << logged.err;
  EXPECT_NE(logged.out.find("Fri 27 Nov 20:00"), std::string::npos) << logged.out;

  const auto history = run({"history"});
  EXPECT_NE(history.out.find("Friday 27 November 2026\n  20:00  #1"), std::string::npos)
      << history.out;
  EXPECT_EQ(history.out.find("28 Nov"), std::string::npos) << history.out;
  EXPECT_EQ(json({"history", "--json"})[0]["at"], "2026-11-27T20:00:00+09:00");
}

TEST_F(TimeZoneTest, BerlinShowsNowAsTheClockOnTheWallReadsIt) {
  const ScopedTimeZone zone("Europe/Berlin");
  now_ = utc(2026, 11, 27, 16, 3);  // 17:03 in Berlin (+01:00 in winter)
  const auto logged = run({"log", "4"});
  ASSERT_EQ(logged.code, 0) << logged.err;
  EXPECT_NE(logged.out.find("Fri 27 Nov 17:03"), std::string::npos) << logged.out;
  const auto status = run({"status"});
  EXPECT_NE(status.out.find("Friday 27 November 2026"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("17:03"), std::string::npos) << status.out;
}

TEST_F(TimeZoneTest, NewYorkFilesTheEveningUnderItsOwnDate) {
  const ScopedTimeZone zone("America/New_York");
  now_ = utc(2026, 11, 28, 2);  // 21:00 on Friday 27 November in New York
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  ASSERT_EQ(run({"log", "5", "lower-back", "--mobility", "walk", "--at", "20:30"}).code, 0);

  EXPECT_EQ(json({"today", "--json"})["date"], "2026-11-27");
  const auto progress = json({"progress", "--days", "7", "--json"});
  EXPECT_EQ(progress["to"], "2026-11-27");
  ASSERT_EQ(progress["days"].size(), 7U);
  const auto& last = progress["days"][6];
  EXPECT_EQ(last["date"], "2026-11-27");
  EXPECT_EQ(last["pain_entries"], 1);
  EXPECT_EQ(progress["days"][5]["pain_entries"], 0);
  EXPECT_NE(run({"today"}).out.find("Friday 27 November 2026"), std::string::npos);
  EXPECT_EQ(json({"history", "--json"})[0]["at"], "2026-11-27T20:30:00-05:00");
}

// Berlin's clocks went back at 03:00 on Sunday 25 October 2026: each entry stays on the
// day and at the time it was typed, whichever offset was in force.
TEST_F(TimeZoneTest, ADaylightSavingChangeKeepsEveryEntryOnItsDay) {
  const ScopedTimeZone zone("Europe/Berlin");
  now_ = utc(2026, 10, 27, 11);  // Tuesday 27 October, 12:00 in Berlin
  for (const char* at : {"2026-10-24T23:30", "2026-10-25T01:30", "2026-10-25T23:30",
                         "2026-10-26T00:30", "2026-10-26T08:00"}) {
    ASSERT_EQ(run({"log", "5", "--at", at}).code, 0) << at;
  }
  const auto progress = json({"progress", "--days", "4", "--json"});
  ASSERT_EQ(progress["days"].size(), 4U);
  const char* dates[] = {"2026-10-24", "2026-10-25", "2026-10-26", "2026-10-27"};
  const int counts[] = {1, 2, 2, 0};
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(dates[i]);
    EXPECT_EQ(progress["days"][i]["date"], dates[i]);
    EXPECT_EQ(progress["days"][i]["pain_entries"], counts[i]);
  }
  const auto entries = json({"history", "--days", "4", "--json"});
  ASSERT_EQ(entries.size(), 5U);
  EXPECT_EQ(entries[3]["at"], "2026-10-25T01:30:00+02:00");
  EXPECT_EQ(entries[2]["at"], "2026-10-25T23:30:00+01:00");
  const auto history = run({"history", "--days", "4"});
  EXPECT_NE(history.out.find("Sunday 25 October 2026\n  23:30  #3"), std::string::npos)
      << history.out;
  EXPECT_NE(history.out.find("  01:30  #2"), std::string::npos) << history.out;
}

// Issue 11, defect 4: signs inside a time, years before 1970 and offsets beyond +-14:00
// are refused with a clear message, on the command line and on import, and nothing is kept.
using TimeInputTest = CliTest;

TEST_F(TimeInputTest, RefusesMalformedAndEarlyTimesAndKeepsNothing) {
  struct Case {
    const char* at;
    const char* says;
  };
  const Case kCases[] = {
      {"2026-11-20T-1:00", "cannot read the time"},
      {"2026-11-20T10:-5", "cannot read the time"},
      {"2026-11-20T10:00+-1:00", "cannot read the time"},
      {"-999-01-01T00:00", "cannot read the time"},
      {"0001-01-01T10:00", "before 1970-01-01"},
      {"1800-06-01T10:00", "before 1970-01-01"},
      {"2026-11-20T10:00+18:30", "-14:00 to +14:00"},
      {"tomorrow 09:00", "times in the future cannot be logged"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.at);
    const auto logged = run({"log", "5", "--at", c.at});
    EXPECT_EQ(logged.code, 2);
    EXPECT_NE(logged.err.find(c.says), std::string::npos) << logged.err;
    EXPECT_EQ(logged.err.find("bug"), std::string::npos) << logged.err;
  }
  ASSERT_EQ(run({"log", "5"}).code, 0);
  const auto moved = run({"edit", "1", "--at", "1800-06-01T10:00"});
  EXPECT_EQ(moved.code, 2);
  EXPECT_NE(moved.err.find("before 1970-01-01"), std::string::npos) << moved.err;
  EXPECT_EQ(nlohmann::json::parse(run({"history", "--json"}).out).size(), 1U);
}

TEST_F(TimeInputTest, ImportNamesTheLineOfAnEarlyDateOrAWildOffset) {
  const auto file = dir_.path() / "early.csv";
  const char* const header =
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note\n";
  struct Case {
    const char* row;
    const char* says;
  };
  const Case kCases[] = {
      {",pain,1800-01-01,10:00:00,+00:00,5,,,,,,\n", "before 1970-01-01"},
      {",pain,2026-11-01,10:00:00,+18:30,5,,,,,,\n", "+18:30"},
      {",pain,-999-01-01,10:00:00,+00:00,5,,,,,,\n", "-999-01-01"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.row);
    std::ofstream(file) << header << ",pain,2026-11-01,10:00:00,+00:00,5,,,,,,\n" << c.row;
    const auto imported = run({"import", file.string()});
    EXPECT_EQ(imported.code, 1);
    EXPECT_NE(imported.err.find("line 3"), std::string::npos) << imported.err;
    EXPECT_NE(imported.err.find(c.says), std::string::npos) << imported.err;
  }
  EXPECT_EQ(nlohmann::json::parse(run({"history", "--days", "365", "--json"}).out).size(), 0U);
}

}  // namespace
}  // namespace limber::testing
