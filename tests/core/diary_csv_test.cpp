#include "core/diary_csv.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/clock.h"
#include "support/stop_block.h"

namespace limber::core {
namespace {

using std::chrono::hours;
using testing::kNoon;

// The two exercises the sample diary's session names, as a catalog file gives them.
std::string exercise_json(std::string_view style, std::string_view id) {
  return fmt::format(R"({{"style": "{}", "exercises": [{{
    "id": "{}", "name": "Test exercise", "style": "{}",
    "summary": "Moves the spine gently.", "phases": ["walk", "move"], "level": 1,
    "position": "hands-and-knees", "dose": {{"reps": 8, "sets": 2, "rest_seconds": 20}},
    "minutes": 3, "steps": ["Kneel on all fours."], "cues": ["Breathe."],
    "stop_if": [{}], "strengthens": ["deep-abs"],
    "relaxes": ["lower-back"], "eases": ["lower-back"]}}]}})",
                     style, id, style, testing::stop_block_json());
}

const Catalog& catalog() {
  static const Catalog kCatalog = [] {
    const std::string yoga = exercise_json("yoga", "yoga-cat-cow");
    const std::string basics = exercise_json("basics", "basics-stand-tall");
    const CatalogFile files[] = {{"yoga.json", yoga}, {"basics.json", basics}};
    auto parsed = Catalog::parse(files);
    EXPECT_TRUE(parsed.has_value()) << parsed.error().message;
    return parsed.value_or(Catalog{});
  }();
  return kCatalog;
}

Result<std::vector<Entry>> from_csv(std::string_view text) {
  return diary_from_csv(text, catalog());
}

std::vector<Entry> sample_diary() {
  Entry pain;
  pain.id = 1;
  pain.at = kNoon - hours{30};
  pain.utc_offset = hours{1};
  pain.detail = PainRecord{*PainScore::from_int(7),
                           {{Region::kLowerBack, std::nullopt},
                            {Region::kNeck, *PainScore::from_int(3)},
                            {Region::kLeftThigh, *PainScore::from_int(4)}},
                           Mobility::kStand,
                           std::nullopt};
  pain.note = "bent over, \"ouch\", then\nlay down";
  pain.tags = {"lifting", "long-drive"};
  Entry relief;
  relief.id = 2;
  relief.at = kNoon - hours{20};
  relief.utc_offset = hours{-5};
  relief.detail = ReliefRecord{ReliefKind::kCream, "=HYPERLINK(\"x\")"};
  relief.note = "-2 points after";
  Entry walk;
  walk.id = 5;
  walk.at = kNoon;
  walk.detail = WalkRecord{15};
  walk.note = "'=already quoted";
  walk.tags = {"morning"};
  Entry bare;
  bare.id = 6;
  bare.at = kNoon + hours{1};
  bare.detail = PainRecord{*PainScore::from_int(0), {}, std::nullopt, std::nullopt};
  Entry session;
  session.id = 7;
  session.at = kNoon + hours{2};
  session.detail = SessionRecord{
      {"basics-stand-tall", "yoga-cat-cow"}, *PainScore::from_int(5), *PainScore::from_int(4), 12};
  return {pain, relief, walk, bare, session};
}

void expect_same(const std::vector<Entry>& a, const std::vector<Entry>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_TRUE(a[i].same_content(b[i]));
  }
}

TEST(DiaryCsvTest, RoundTripsEveryKindOfEntryExactly) {
  const auto diary = sample_diary();
  const std::string csv = diary_to_csv(diary);
  auto back = from_csv(csv);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  expect_same(diary, *back);
  EXPECT_EQ(diary_to_csv(*back), csv);
}

TEST(DiaryCsvTest, WritesTheDocumentedHeaderAndIsoFields) {
  const std::string csv = diary_to_csv(sample_diary());
  EXPECT_TRUE(csv.starts_with(
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note,exercises,"
      "pain_before,pain_after,tags\r\n"));
  EXPECT_NE(csv.find("1,pain,2026-11-20,07:00:00,+01:00,7,lower-back|neck:3|left-thigh:4,stand,"),
            std::string::npos)
      << csv;
}

TEST(DiaryCsvTest, GuardsCellsThatASpreadsheetWouldRunAsFormulas) {
  const std::string csv = diary_to_csv(sample_diary());
  EXPECT_NE(csv.find(",'-2 points after"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << csv;
  EXPECT_NE(csv.find(",''=already quoted"), std::string::npos) << csv;
  EXPECT_EQ(guard_formula("plain"), "plain");
  EXPECT_EQ(unguard_formula(guard_formula("@sum")), "@sum");
  EXPECT_EQ(unguard_formula("'quoted text"), "'quoted text");
}

// Issue #12, item 14: a session's pain after went in the `pain` column, read as a rating.
TEST(DiaryCsvTest, WritesSessionsWithPainBeforeAndAfterInTheirOwnColumns) {
  const std::string csv = diary_to_csv(sample_diary());
  EXPECT_NE(
      csv.find("7,session,2026-11-21,14:00:00,+00:00,,,,,,12,,basics-stand-tall|yoga-cat-cow,5,4"),
      std::string::npos)
      << csv;
}

TEST(DiaryCsvTest, ReadsASessionWrittenBeforePainAfterHadItsColumn) {
  auto entries = from_csv(
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note,exercises,"
      "pain_before\n"
      "7,session,2026-11-21,14:00:00,+00:00,4,,,,,12,,yoga-cat-cow,5\n");
  ASSERT_TRUE(entries.has_value()) << entries.error().message;
  const auto& session = std::get<SessionRecord>(entries->front().detail);
  EXPECT_EQ(session.pain_before.value(), 5);
  EXPECT_EQ(session.pain_after.value(), 4);
}

TEST(DiaryCsvTest, RefusesASessionWithPainInBothColumns) {
  auto entries = from_csv(
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note,exercises,"
      "pain_before,pain_after\n"
      "7,session,2026-11-21,14:00:00,+00:00,4,,,,,12,,yoga-cat-cow,5,3\n");
  ASSERT_FALSE(entries.has_value());
  EXPECT_NE(entries.error().message.find("its pain after goes in pain_after"), std::string::npos)
      << entries.error().message;
}

// Issue 15: tags are one cell, joined with '|'; a file written before tags still reads, and a
// bad tag names the line, the column and the rule.
TEST(DiaryCsvTest, WritesTagsJoinedWithBarsAndReadsThemBackNormalised) {
  const std::string csv = diary_to_csv(sample_diary());
  EXPECT_NE(csv.find(",lifting|long-drive\r\n"), std::string::npos) << csv;
  const std::string header =
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note,tags\n";
  auto typed =
      from_csv(header + "1,walk,2026-02-03,10:00:00,+00:00,,,,,,10,,Long Drive|gardening\n");
  ASSERT_TRUE(typed.has_value()) << typed.error().message;
  EXPECT_EQ(typed->front().tags, (std::vector<std::string>{"long-drive", "gardening"}));
  auto bad = from_csv(header + "1,walk,2026-02-03,10:00:00,+00:00,,,,,,10,,lift!ng\n");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("line 2, column tags: 'lift!ng' is not a tag"),
            std::string::npos)
      << bad.error().message;
}

TEST(DiaryCsvTest, ReadsAnExportWrittenBeforeSessionsExisted) {
  auto entries = from_csv(
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note\n"
      "3,pain,2026-11-20,21:00:00,+00:00,5,lower-back,,,,,\n");
  ASSERT_TRUE(entries.has_value()) << entries.error().message;
  EXPECT_EQ(entries->front().id, 3);
}

TEST(DiaryCsvTest, AcceptsHandWrittenRowsWithoutIds) {
  auto entries = from_csv(
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note\n"
      ",pain,2026-11-20,21:00,+00:00,5,lower-back,,,,,\n"
      ",walk,2026-11-20,21:30:00,Z,,,,,,10,\n");
  ASSERT_TRUE(entries.has_value()) << entries.error().message;
  ASSERT_EQ(entries->size(), 2U);
  EXPECT_EQ((*entries)[0].id, 0);
  EXPECT_EQ((*entries)[1].kind(), EntryKind::kWalk);
}

TEST(DiaryCsvTest, RejectsBadFilesWithTheLineAndTheFix) {
  const std::string header =
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note\n";
  const std::string session_header =
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note,exercises,"
      "pain_before";
  struct Case {
    std::string name;
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"empty", "", "the file is empty"},
      {"missing column", "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes\n",
       "the column 'note' is missing"},
      {"unknown column", "id,kind,date,time,utc_offset,pain,regions,mood\n",
       "unknown column 'mood'"},
      {"bad date", header + "1,pain,2026-02-30,10:00:00,+00:00,5,,,,,,\n", "line 2, column date"},
      {"pain eleven",
       header + "1,pain,2026-02-03,10:00:00,+00:00,5,,,,,,\n"
                "2,pain,2026-02-03,11:00:00,+00:00,11,,,,,,\n",
       "line 3, column pain: pain 11 is out of range"},
      {"region typo", header + "1,pain,2026-02-03,10:00:00,+00:00,5,lowerback,,,,,\n",
       "Did you mean 'lower-back'?"},
      {"kind typo", header + "1,wlak,2026-02-03,10:00:00,+00:00,,,,,,10,\n",
       "Did you mean 'walk'?"},
      {"walk with pain", header + "1,walk,2026-02-03,10:00:00,+00:00,5,,,,,10,\n",
       "column pain: must be empty for a walk entry"},
      {"walk too long", header + "1,walk,2026-02-03,10:00:00,+00:00,,,,,,601,\n", "column minutes"},
      {"short row", header + "1,walk,2026-02-03\n", "line 2: 3 fields where the header has 12"},
      {"bad id", header + "x,walk,2026-02-03,10:00:00,+00:00,,,,,,10,\n", "column id"},
      {"session without exercises", header + "1,session,2026-02-03,10:00:00,+00:00,4,,,,,10,\n",
       "column pain_before"},
      // Issue 11, defect 9: a trailing '|' was dropped, and any id was taken.
      {"trailing bar in regions", header + "1,pain,2026-02-03,10:00:00,+00:00,5,lower-back|,,,,,\n",
       "line 2, column regions: an empty item: a '|' at the start or the end"},
      {"two bars in regions",
       header + "1,pain,2026-02-03,10:00:00,+00:00,5,lower-back||neck,,,,,\n",
       "line 2, column regions: an empty item"},
      {"unknown exercise",
       session_header + "\n1,session,2026-02-03,10:00:00,+00:00,4,,,,,10,,yoga-cat-cow,5\n"
                        "2,session,2026-02-03,11:00:00,+00:00,4,,,,,10,,yoga-cat-cwo,5\n",
       "line 3, column exercises: there is no exercise 'yoga-cat-cwo'. Did you mean "
       "'yoga-cat-cow'?"},
      {"trailing bar in exercises",
       session_header + "\n1,session,2026-02-03,10:00:00,+00:00,4,,,,,10,,yoga-cat-cow|,5\n",
       "line 2, column exercises: an empty item"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto entries = from_csv(c.text);
    ASSERT_FALSE(entries.has_value());
    EXPECT_EQ(entries.error().code, ErrorCode::kBadFile);
    EXPECT_NE(entries.error().message.find(c.expected), std::string::npos)
        << entries.error().message;
  }
}

// Issue 11, defect 2: a spreadsheet on Windows saves "CSV" as Windows-1252 (or UTF-16).
TEST(DiaryCsvTest, RefusesAFileInAnotherEncodingNamingTheLineAndTheEncoding) {
  const std::string text =
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note\r\n"
      "1,pain,2026-02-03,10:00:00,+00:00,5,,,,,,fine\r\n"
      "2,pain,2026-02-03,11:00:00,+00:00,5,,,,,,\"caf\xE9, \nthen \x93tea\x94\"\r\n";
  auto entries = from_csv(text);
  ASSERT_FALSE(entries.has_value());
  EXPECT_EQ(entries.error().code, ErrorCode::kBadFile);
  EXPECT_EQ(entries.error().message,
            "line 3, character 46 is not UTF-8 text (byte 0xE9, 'é' in Latin-1 or Windows-1252); "
            "the file looks like it was saved as Windows-1252 or Latin-1: save it as UTF-8 (in a "
            "spreadsheet: Save As, \"CSV UTF-8\") and import it again");

  const std::string utf16("\xFF\xFEi\0d\0", 6);
  auto wide = from_csv(utf16);
  ASSERT_FALSE(wide.has_value());
  EXPECT_NE(wide.error().message.find("looks like UTF-16"), std::string::npos)
      << wide.error().message;

  auto cut = from_csv(text.substr(0, text.find("caf")) + "caf\xE2\x82");
  ASSERT_FALSE(cut.has_value());
  EXPECT_NE(cut.error().message.find("line 3, character 46 is not UTF-8 text (byte 0xE2): save"),
            std::string::npos)
      << cut.error().message;
}

TEST(DiaryCsvTest, ReadsNotesInAnyLanguage) {
  auto entries = from_csv(
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note\n"
      "1,relief,2026-02-03,10:00:00,+00:00,,,,heat,Wärmflasche,,\"腰が痛い 😣, müde\"\n");
  ASSERT_TRUE(entries.has_value()) << entries.error().message;
  EXPECT_EQ(entries->front().note, "腰が痛い 😣, müde");
  EXPECT_EQ(std::get<ReliefRecord>(entries->front().detail).name, "Wärmflasche");
}

// A diary that already holds bytes that are not UTF-8 (stored before limber checked) still
// exports, and the export imports again.
TEST(DiaryCsvTest, ExportsTextThatIsNotUtf8WithReplacementCharacters) {
  Entry relief;
  relief.id = 1;
  relief.at = kNoon;
  relief.detail = ReliefRecord{ReliefKind::kCream, "cr\xE8me"};
  relief.note = "caf\xE9 \xF0\x9F";
  const std::string csv = diary_to_csv(std::vector<Entry>{relief});
  EXPECT_NE(csv.find(",cr\xEF\xBF\xBDme,,caf\xEF\xBF\xBD \xEF\xBF\xBD"), std::string::npos) << csv;
  auto back = from_csv(csv);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(back->front().note, "caf\uFFFD \uFFFD");
}

}  // namespace
}  // namespace limber::core
