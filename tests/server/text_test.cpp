// Text over the API (issue 11, defect 2): a body that is not UTF-8 is refused saying where,
// and a diary that already holds such bytes (an older limber stored them) still answers.
#include "server/server_fixture.h"

namespace limber::testing {
namespace {

using TextApiTest = ServerTest;

TEST_F(TextApiTest, RefusesABodyThatIsNotUtf8SayingWhichByte) {
  const Answer refused = post("/api/entries", "{\"pain\": 5, \"note\": \"caf\xE9\"}");
  EXPECT_EQ(refused.status, 400) << refused.text;
  EXPECT_NE(refused.error().find("the request body is not UTF-8 text: byte 25 (0xE9, 'é' in "
                                 "Latin-1 or Windows-1252) cannot be read"),
            std::string::npos)
      << refused.text;
  const Answer control = post("/api/entries", R"({"pain": 5, "note": "a\u001b[2Jb"})");
  EXPECT_EQ(control.status, 400) << control.text;
  EXPECT_NE(control.error().find("control character (code 27) at character 2"), std::string::npos)
      << control.text;
  const Answer activity = post("/api/function/activities", "{\"name\": \"Schuhe \xFC\"}");
  EXPECT_EQ(activity.status, 400) << activity.text;
  EXPECT_EQ(entry_count(), 0);
}

// Defect 9: 2000 characters, whatever the language.
TEST_F(TextApiTest, ANoteIsCountedInCharacters) {
  std::string note;
  for (int i = 0; i < 2000; ++i)
    note += "腰";
  const Answer saved = post("/api/entries", R"({"pain": 5, "note": ")" + note + "\"}");
  EXPECT_EQ(saved.status, 201) << saved.text;
  EXPECT_EQ(saved.body["entry"]["note"], note);
}

TEST_F(TextApiTest, ADiaryHoldingTextThatIsNotUtf8StillAnswersEveryRead) {
  pass_check();
  ASSERT_EQ(post("/api/entries", R"({"pain": 6, "note": "x", "at": "yesterday 09:00"})").status,
            201);
  ASSERT_EQ(post("/api/entries", R"({"kind": "relief", "relief": "heat", "name": "y"})").status,
            201);
  ASSERT_TRUE(db_->exec("UPDATE entries SET note = CAST(X'636166E9' AS TEXT) WHERE id = 1"));
  ASSERT_TRUE(db_->exec("UPDATE entries SET name = CAST(X'F09F98' AS TEXT) WHERE id = 2"));

  const Answer entries = get("/api/entries");
  ASSERT_EQ(entries.status, 200) << entries.text;
  ASSERT_TRUE(entries.body.is_object()) << entries.text;
  EXPECT_EQ(entries.body["entries"][1]["note"], "caf\uFFFD");
  EXPECT_EQ(entries.body["entries"][0]["name"], "\uFFFD");
  for (const char* path : {"/api/today", "/api/progress", "/api/report"}) {
    SCOPED_TRACE(path);
    EXPECT_EQ(get(path).status, 200);
  }
  EXPECT_TRUE(get("/api/report").text.starts_with("%PDF-"));
}

// A message that quotes what was sent stays JSON whatever the bytes were.
TEST_F(TextApiTest, AnErrorQuotingBytesThatAreNotUtf8IsStillJson) {
  struct Case {
    const char* method;
    const char* path;
  };
  const Case cases[] = {{"GET", "/api/entries?days=%E9"},
                        {"DELETE", "/api/entries/%E9"},
                        {"DELETE", "/api/function/activities/caf%E9"},
                        {"GET", "/api/caf%E9"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    const Answer answer = send(c.method, c.path);
    EXPECT_GE(answer.status, 400);
    EXPECT_LT(answer.status, 500) << answer.text;
    EXPECT_FALSE(answer.error().empty()) << answer.text;
  }
}

}  // namespace
}  // namespace limber::testing
