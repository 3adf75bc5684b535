// Issue #11, defect 7: one damaged row no longer makes every read a 400; the page gets
// every entry that can be read.
#include <sqlite3.h>

#include "server_fixture.h"

namespace limber::testing {
namespace {

using DamagedDiaryApiTest = ServerTest;

TEST_F(DamagedDiaryApiTest, EntriesAndTodayAnswerWithWhatCanBeRead) {
  for (const char* body : {R"({"pain": 3})", R"({"pain": 4})", R"({"pain": 5})"})
    ASSERT_EQ(post("/api/entries", body).status, 201);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "PRAGMA ignore_check_constraints = ON; "
                         "UPDATE entries SET pain = -3 WHERE id = 2",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  const Answer listed = get("/api/entries");
  ASSERT_EQ(listed.status, 200) << listed.text;
  ASSERT_EQ(listed.body["entries"].size(), 2U);
  EXPECT_EQ(get("/api/today").status, 200);
}

}  // namespace
}  // namespace limber::testing
