#include "core/diary_csv.h"

#include <gtest/gtest.h>

#include "support/clock.h"

namespace limber::core {
namespace {

using std::chrono::hours;
using testing::kNoon;

std::vector<Entry> sample_diary() {
  Entry pain;
  pain.id = 1;
  pain.at = kNoon - hours{30};
  pain.utc_offset = hours{1};
  pain.detail = PainRecord{*PainScore::from_int(7),
                           {{Region::kLowerBack, std::nullopt},
                            {Region::kNeck, *PainScore::from_int(3)},
                            {Region::kLeftThigh, *PainScore::from_int(4)}},
                           Mobility::kStand};
  pain.note = "bent over, \"ouch\", then\nlay down";
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
  Entry bare;
  bare.id = 6;
  bare.at = kNoon + hours{1};
  bare.detail = PainRecord{*PainScore::from_int(0), {}, std::nullopt};
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
  auto back = diary_from_csv(csv);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  expect_same(diary, *back);
  EXPECT_EQ(diary_to_csv(*back), csv);
}

TEST(DiaryCsvTest, WritesTheDocumentedHeaderAndIsoFields) {
  const std::string csv = diary_to_csv(sample_diary());
  EXPECT_TRUE(csv.starts_with(
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note,exercises,"
      "pain_before\r\n"));
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

TEST(DiaryCsvTest, WritesSessionsWithPainBeforeAndAfter) {
  const std::string csv = diary_to_csv(sample_diary());
  EXPECT_NE(
      csv.find("7,session,2026-11-21,14:00:00,+00:00,4,,,,,12,,basics-stand-tall|yoga-cat-cow,5"),
      std::string::npos)
      << csv;
}

TEST(DiaryCsvTest, ReadsAnExportWrittenBeforeSessionsExisted) {
  auto entries = diary_from_csv(
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note\n"
      "3,pain,2026-11-20,21:00:00,+00:00,5,lower-back,,,,,\n");
  ASSERT_TRUE(entries.has_value()) << entries.error().message;
  EXPECT_EQ(entries->front().id, 3);
}

TEST(DiaryCsvTest, AcceptsHandWrittenRowsWithoutIds) {
  auto entries = diary_from_csv(
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
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto entries = diary_from_csv(c.text);
    ASSERT_FALSE(entries.has_value());
    EXPECT_EQ(entries.error().code, ErrorCode::kBadFile);
    EXPECT_NE(entries.error().message.find(c.expected), std::string::npos)
        << entries.error().message;
  }
}

}  // namespace
}  // namespace limber::core
