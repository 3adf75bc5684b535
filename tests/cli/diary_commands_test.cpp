#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"
#include "store/database.h"

namespace limber::testing {
namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

using DiaryCommandsTest = CliTest;

TEST_F(DiaryCommandsTest, LogsPainWithRegionsAndShowsItInHistory) {
  auto logged = run({"log", "6", "lower-back", "neck:3", "left-thigh:4", "--mobility", "stand",
                     "--note", "lifted a box"});
  ASSERT_EQ(logged.code, 0) << logged.err;
  EXPECT_NE(logged.out.find("Saved #1: pain 6/10"), std::string::npos) << logged.out;
  auto history = run({"history", "--json"});
  ASSERT_EQ(history.code, 0) << history.err;
  const auto entries = nlohmann::json::parse(history.out);
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0]["pain"], 6);
  EXPECT_EQ(entries[0]["mobility"], "stand");
  EXPECT_EQ(entries[0]["regions"][1]["region"], "neck");
  EXPECT_EQ(entries[0]["regions"][1]["pain"], 3);
  EXPECT_EQ(entries[0]["note"], "lifted a box");
  EXPECT_EQ(entries[0]["at"], local_iso(kNoon));
}

// Issue #20: whether leg pain shoots, tingles or goes below the knee is asked once on a
// terminal, taken from --leg-pain otherwise, stored with the entry and shown.
TEST_F(DiaryCommandsTest, AsksWhetherLegPainSpreadsAndKeepsTheAnswer) {
  auto asked = run({"log", "4", "lower-back", "right-thigh:5"}, "y\n", true);
  ASSERT_EQ(asked.code, 0) << asked.err;
  EXPECT_NE(asked.out.find("Does the pain in your leg shoot"), std::string::npos) << asked.out;
  EXPECT_NE(asked.out.find("leg pain shoots, tingles or goes below the knee"), std::string::npos)
      << asked.out;
  ASSERT_EQ(run({"log", "3", "left-calf", "--leg-pain", "stays"}).code, 0);
  auto back_only = run({"log", "3", "lower-back"}, "", true);
  EXPECT_EQ(back_only.out.find("Does the pain"), std::string::npos) << "asked only for a leg";
  const auto entries = nlohmann::json::parse(run({"history", "--json"}).out);
  ASSERT_EQ(entries.size(), 3U);
  EXPECT_TRUE(entries[2]["leg_pain_spreads"].is_boolean());
  EXPECT_EQ(entries[2]["leg_pain_spreads"], true);
  EXPECT_EQ(entries[1]["leg_pain_spreads"], false);
  EXPECT_TRUE(entries[0]["leg_pain_spreads"].is_null());
  auto wrong = run({"log", "3", "neck", "--leg-pain", "stays"});
  EXPECT_EQ(wrong.code, 2);
  EXPECT_NE(wrong.err.find("thigh or calf"), std::string::npos) << wrong.err;
  auto typo = run({"log", "3", "left-calf", "--leg-pain", "maybe"});
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("spreads"), std::string::npos) << typo.err;
}

TEST_F(DiaryCommandsTest, LogsReliefAndWalksWithTheirOwnTimes) {
  ASSERT_EQ(run({"log", "relief", "cream", "Deep Heat", "--at", "yesterday 21:00"}).code, 0);
  ASSERT_EQ(run({"log", "walk", "15", "--at", "2h ago"}).code, 0);
  const auto entries = nlohmann::json::parse(run({"history", "--json"}).out);
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[0]["minutes"], 15);
  EXPECT_EQ(entries[0]["at"], local_iso(kNoon - std::chrono::hours{2}));
  EXPECT_EQ(entries[1]["relief"], "cream");
  EXPECT_EQ(entries[1]["name"], "Deep Heat");
  EXPECT_EQ(entries[1]["at"], local_iso("2026-11-20T21:00"));
}

TEST_F(DiaryCommandsTest, HistoryListsNewestFirstWithinTheDaysAsked) {
  ASSERT_EQ(run({"log", "8", "--at", "2026-11-01T09:00"}).code, 0);
  ASSERT_EQ(run({"log", "5", "--at", "yesterday 09:00"}).code, 0);
  ASSERT_EQ(run({"log", "3"}).code, 0);
  auto week = run({"history"});
  EXPECT_NE(week.out.find("Saturday 21 November 2026"), std::string::npos) << week.out;
  const auto newest = week.out.find("pain 3/10");
  const auto older = week.out.find("pain 5/10");
  ASSERT_NE(newest, std::string::npos) << week.out;
  ASSERT_NE(older, std::string::npos) << week.out;
  EXPECT_LT(newest, older) << week.out;
  EXPECT_EQ(week.out.find("pain 8/10"), std::string::npos);
  EXPECT_NE(run({"history", "--days", "30"}).out.find("pain 8/10"), std::string::npos);
}

// Every bad input: the right exit code, one line naming the problem, and the diary as it was.
TEST_F(DiaryCommandsTest, BadInputGetsAClearErrorAndChangesNothing) {
  ASSERT_EQ(run({"log", "4", "neck"}).code, 0);
  const std::string before = run({"export"}).out;
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string message;
  };
  const Case cases[] = {
      {{"log", "11"}, 2, "pain 11 is out of range"},
      {{"log", "-1"}, 2, "pain -1 is out of range"},
      {{"log", "six"}, 2, "is not a whole number"},
      {{"log", "5", "lowerback"}, 2, "Did you mean 'lower-back'?"},
      {{"log", "5", "neck", "neck:2"}, 2, "named twice"},
      {{"log", "5", "--mobility", "walking"}, 2, "Did you mean 'walk'?"},
      {{"log", "5", "--at", "the other day"}, 2, "cannot read the time"},
      {{"log", "5", "--at", "2027-01-01T10:00"}, 2, "in the future"},
      {{"log", "walk", "0"}, 2, "out of range"},
      {{"log", "walk"}, 2, "needs the minutes"},
      {{"log", "relief", "creme"}, 2, "Did you mean 'cream'?"},
      {{"log"}, 2, "needs a pain rating"},
      {{"edit", "42", "--pain", "3"}, 2, "there is no entry #42"},
      {{"edit", "1", "--pain", "12"}, 2, "out of range"},
      {{"edit", "1"}, 2, "nothing to change"},
      {{"edit", "1", "--minutes", "5"}, 2, "is a pain entry"},
      {{"delete", "42", "--yes"}, 2, "there is no entry #42"},
      {{"delete", "1"}, 2, "confirm with --yes"},
      {{"history", "--days", "0"}, 2, "out of range"},
      {{"export", "--format", "xml"}, 2, "unknown format 'xml'"},
      {{"lgo", "5"}, 2, "Did you mean 'log'?"},
      {{"import", "/nonexistent/diary.csv"}, 1, "no such file"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args.front() + " " + (c.args.size() > 1 ? c.args[1] : ""));
    auto result = run(c.args);
    EXPECT_EQ(result.code, c.code) << result.err;
    EXPECT_NE(result.err.find(c.message), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n') <= 2, true) << result.err;
    EXPECT_EQ(run({"export"}).out, before);
  }
}

TEST_F(DiaryCommandsTest, EditsAndDeletesAfterConfirmation) {
  ASSERT_EQ(run({"log", "7", "lower-back"}).code, 0);
  auto edited = run({"edit", "1", "--pain", "5", "--regions", "neck:2,left-hip", "--note", "x"});
  ASSERT_EQ(edited.code, 0) << edited.err;
  auto entry = nlohmann::json::parse(run({"history", "--json"}).out)[0];
  EXPECT_EQ(entry["pain"], 5);
  EXPECT_EQ(entry["regions"].size(), 2U);
  EXPECT_EQ(entry["regions"][1]["region"], "left-hip");

  auto kept = run({"delete", "1"}, "n\n", true);
  EXPECT_EQ(kept.code, 0);
  EXPECT_NE(kept.out.find("Kept #1"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(run({"history", "--json"}).out).size(), 1U);
  auto deleted = run({"delete", "1"}, "y\n", true);
  EXPECT_EQ(deleted.code, 0);
  EXPECT_NE(deleted.err.find("Delete #1"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(run({"history", "--json"}).out).size(), 0U);
}

TEST_F(DiaryCommandsTest, ExportAndImportRoundTripTheDiaryExactly) {
  ASSERT_EQ(run({"log", "8", "lower-back", "right-calf:2", "--mobility", "lie", "--note",
                 "=cmd, \"quoted\"\nsecond line", "--at", "2026-11-18T07:30:00+02:00"})
                .code,
            0);
  ASSERT_EQ(run({"log", "relief", "medication", "the usual", "--at", "yesterday 8am"}).code, 0);
  ASSERT_EQ(run({"log", "walk", "20"}).code, 0);
  const auto file = dir_.path() / "diary.csv";
  auto exported = run({"export", "--format", "csv", "-o", file.string()});
  ASSERT_EQ(exported.code, 0) << exported.err;
  const std::string csv = read_bytes(file);
  // Written on the clock of the zone it was logged in: 2026-11-18,05:30:00,+00:00 in UTC.
  const std::string logged =
      local_iso(core::Instant{std::chrono::sys_days{std::chrono::year{2026} / 11 / 18}} +
                std::chrono::hours{5} + std::chrono::minutes{30});
  EXPECT_NE(csv.find(logged.substr(0, 10) + "," + logged.substr(11, 8) + "," + logged.substr(19)),
            std::string::npos)
      << csv;

  home_ = dir_.path() / "copy";
  auto imported = run({"import", file.string()});
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_NE(imported.out.find("Imported 3 entries"), std::string::npos) << imported.out;
  const std::string again = run({"export"}).out;
  EXPECT_EQ(again, csv);
}

// Issue 15: `log --tag` (repeated, one word each: the words after it stay the entry's), tags
// in history's text and JSON, `edit --tags`, and the CSV round trip.
TEST_F(DiaryCommandsTest, TagsAnEntryShowsTheTagsAndCarriesThemThroughExportAndImport) {
  auto logged = run({"log", "--tag", "Lifting", "6", "lower-back", "--tag", "long-drive"});
  ASSERT_EQ(logged.code, 0) << logged.err;
  EXPECT_NE(logged.out.find("tagged lifting, long-drive"), std::string::npos) << logged.out;
  ASSERT_EQ(run({"log", "walk", "20", "-t", "morning"}).code, 0);
  auto text = run({"history"});
  EXPECT_NE(text.out.find("tagged lifting, long-drive"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("tagged morning"), std::string::npos) << text.out;
  auto entries = nlohmann::json::parse(run({"history", "--json"}).out);
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[1]["tags"], nlohmann::json({"lifting", "long-drive"}));
  EXPECT_EQ(entries[1]["regions"][0]["region"], "lower-back");

  auto bad = run({"log", "5", "--tag", "lift!ng"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("'lift!ng' is not a tag"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("letters a-z or digits"), std::string::npos) << bad.err;
  ASSERT_EQ(run({"edit", "2", "--tags", "gardening,evening"}).code, 0);
  entries = nlohmann::json::parse(run({"history", "--json"}).out);
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[0]["tags"], nlohmann::json({"gardening", "evening"}));

  const auto file = dir_.path() / "diary.csv";
  ASSERT_EQ(run({"export", "--format", "csv", "-o", file.string()}).code, 0);
  const std::string csv = read_bytes(file);
  EXPECT_NE(csv.find("lifting|long-drive"), std::string::npos) << csv;
  home_ = dir_.path() / "copy";
  ASSERT_EQ(run({"import", file.string()}).code, 0);
  EXPECT_EQ(nlohmann::json::parse(run({"history", "--json"}).out), entries);
}

TEST_F(DiaryCommandsTest, ABadRowAbortsTheWholeImportWithItsLineNumber) {
  ASSERT_EQ(run({"log", "4"}).code, 0);
  const auto file = dir_.path() / "bad.csv";
  {
    std::ofstream(file)
        << "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note\n"
        << ",pain,2026-11-01,10:00:00,+00:00,5,,,,,,\n"
        << ",pain,2026-11-31,10:00:00,+00:00,5,,,,,,\n";
  }
  auto imported = run({"import", file.string()});
  EXPECT_EQ(imported.code, 1);
  EXPECT_NE(imported.err.find("line 3"), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("nothing was imported"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(run({"history", "--days", "365", "--json"}).out).size(), 1U);

  { std::ofstream(file) << "id,kind,date,time\n1,pain,2026-11-01,10:00:00\n"; }
  auto missing = run({"import", file.string()});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("column 'utc_offset' is missing"), std::string::npos) << missing.err;
}

TEST_F(DiaryCommandsTest, ABusyDiaryMakesTheWriterWaitThenFailClearly) {
  ASSERT_EQ(run({"log", "4"}).code, 0);
  auto holder = store::Database::open(db_path(), {});
  ASSERT_TRUE(holder.has_value());
  ASSERT_TRUE(holder->exec("BEGIN IMMEDIATE").has_value());
  auto blocked = run({"log", "5"});
  EXPECT_EQ(blocked.code, 1);
  EXPECT_NE(blocked.err.find("busy"), std::string::npos) << blocked.err;
  ASSERT_TRUE(holder->exec("ROLLBACK").has_value());
  EXPECT_EQ(nlohmann::json::parse(run({"history", "--json"}).out).size(), 1U);
}

TEST_F(DiaryCommandsTest, RefusesAFileThatIsNotADiaryAndLeavesItAlone) {
  { std::ofstream(db_path()) << "not a database at all, but my notes"; }
  auto result = run({"log", "5"});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("not a limber diary"), std::string::npos) << result.err;
  EXPECT_EQ(read_bytes(db_path()), "not a database at all, but my notes");
}

TEST_F(DiaryCommandsTest, RefusesADiaryFromANewerLimber) {
  ASSERT_EQ(run({"log", "5"}).code, 0);
  {
    auto db = store::Database::open(db_path(), {});
    ASSERT_TRUE(db->exec("PRAGMA user_version = 1000").has_value());
  }
  const std::string before = read_bytes(db_path());
  auto result = run({"log", "6"});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("newer limber"), std::string::npos) << result.err;
  EXPECT_EQ(read_bytes(db_path()), before);
}

TEST_F(DiaryCommandsTest, StatusWelcomesAnEmptyDiaryThenSummarizesToday) {
  auto empty = run({});
  EXPECT_EQ(empty.code, 0);
  EXPECT_NE(empty.out.find("Your diary is empty"), std::string::npos) << empty.out;
  ASSERT_EQ(run({"log", "6", "neck"}).code, 0);
  ASSERT_EQ(run({"log", "walk", "10"}).code, 0);
  auto status = run({"status", "--json"});
  const auto json = nlohmann::json::parse(status.out);
  EXPECT_EQ(json["latest_pain"]["pain"], 6);
  EXPECT_EQ(json["today"]["walk_minutes"], 10);
  EXPECT_EQ(json["daily"].size(), 14U);
}

TEST_F(DiaryCommandsTest, HelpAndVersionExitZero) {
  auto help = run({"--help"});
  EXPECT_EQ(help.code, 0);
  // limber's own help: its usage and the line of each command, with what it does.
  EXPECT_EQ(help.out.rfind("limber: a companion", 0), 0U) << help.out;
  EXPECT_NE(help.out.find("List diary entries, newest first"), std::string::npos) << help.out;
  auto log_help = run({"log", "--help"});
  EXPECT_EQ(log_help.code, 0);
  EXPECT_NE(log_help.out.find("--mobility"), std::string::npos) << log_help.out;
  auto version = run({"--version"});
  EXPECT_EQ(version.code, 0);
  ASSERT_GE(version.out.size(), 4U) << version.out;  // "0.1\n" at least
  EXPECT_EQ(version.out.find_first_not_of("0123456789."), version.out.size() - 1) << version.out;
  EXPECT_EQ(version.out.back(), '\n');
}

}  // namespace
}  // namespace limber::testing
