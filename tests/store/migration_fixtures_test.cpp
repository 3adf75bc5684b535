// Diaries written at each schema version (tests/store/fixtures/, made by make_fixtures.py:
// versions 1 to 4 from the SQL of the release that shipped them, later ones from their
// steps, which never change once numbered), opened by today's code:
// the schema is brought up to date, every row of every table is still there, and the
// result is the diary a fresh install makes.
#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/database.h"
#include "store/diary_store.h"
#include "store/migrations.h"
#include "support/clock.h"
#include "support/temp_dir.h"

namespace limber::store {
namespace {

using Rows = std::vector<std::string>;  // one line per row, sorted

struct Fixture {
  const char* file;
  int version;
  std::size_t entries;
};

// Runs `sql` on the database at `path` with SQLite itself (not the store) and returns each
// row as one line, columns joined by '|', NULL as "NULL".
Rows query(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  Rows rows;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
    return rows;
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  } else {
    while (sqlite3_step(statement) == SQLITE_ROW) {
      std::string row;
      for (int column = 0; column < sqlite3_column_count(statement); ++column) {
        const unsigned char* text = sqlite3_column_text(statement, column);
        row += column == 0 ? "" : "|";
        row += text == nullptr ? "NULL" : reinterpret_cast<const char*>(text);  // NOLINT
      }
      rows.push_back(row);
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Every table's rows, by table, in the columns the table has in `path`.
std::map<std::string, Rows> contents(const std::filesystem::path& path,
                                     const std::filesystem::path& columns_from) {
  std::map<std::string, Rows> tables;
  for (const std::string& table :
       query(columns_from, "SELECT name FROM sqlite_schema WHERE type = 'table'")) {
    std::string columns;
    for (const std::string& column :
         query(columns_from, "SELECT name FROM pragma_table_info('" + table + "')")) {
      columns += (columns.empty() ? "\"" : ", \"") + column + "\"";
    }
    std::string sql = "SELECT ";
    sql.append(columns).append(" FROM \"").append(table).append("\"");
    tables[table] = query(path, sql);
  }
  return tables;
}

Rows schema(const std::filesystem::path& path) {
  return query(path, "SELECT type, name, tbl_name, sql FROM sqlite_schema");
}

class MigrationFixtureTest : public ::testing::TestWithParam<Fixture> {};

TEST_P(MigrationFixtureTest, OpensWithEveryRowKeptAndTheSchemaOfAFreshDiary) {
  const Fixture& fixture = GetParam();
  const testing::TempDir dir;
  const std::filesystem::path original =
      std::filesystem::path(LIMBER_SOURCE_DIR) / "tests/store/fixtures" / fixture.file;
  const std::filesystem::path path = dir.path() / "limber.db";
  const std::filesystem::path as_shipped = dir.path() / "as-shipped.db";  // never opened by limber
  std::filesystem::copy_file(original, path);
  std::filesystem::copy_file(original, as_shipped);
  ASSERT_EQ(query(path, "PRAGMA user_version"), Rows{std::to_string(fixture.version)});
  const std::map<std::string, Rows> before = contents(path, path);
  ASSERT_FALSE(before.at("entries").empty());

  {
    auto db = Database::open(path, OpenOptions{});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    const DiaryStore store(*db);
    auto entries = store.all();
    ASSERT_TRUE(entries.has_value()) << entries.error().message;
    EXPECT_EQ(entries->size(), fixture.entries);
    // And it takes a new entry of every kind today's limber writes.
    core::Entry session;
    session.at = testing::kNoon;
    session.detail = core::SessionRecord{
        {"cat-cow"}, *core::PainScore::from_int(5), *core::PainScore::from_int(3), 10};
    auto added = store.add(session);
    ASSERT_TRUE(added.has_value()) << added.error().message;
    EXPECT_TRUE(store.remove(added->id).has_value());
  }

  EXPECT_EQ(query(path, "PRAGMA user_version"), Rows{std::to_string(latest_schema_version())});
  EXPECT_EQ(query(path, "PRAGMA application_id"), Rows{std::to_string(kApplicationId)});
  EXPECT_EQ(query(path, "PRAGMA integrity_check"), Rows{"ok"});
  EXPECT_EQ(query(path, "PRAGMA foreign_key_check"), Rows{});
  const std::map<std::string, Rows> after = contents(path, as_shipped);
  for (const auto& [table, rows] : before) {
    SCOPED_TRACE("table " + table);
    EXPECT_EQ(after.at(table), rows);
  }

  const std::filesystem::path fresh = dir.path() / "fresh.db";
  ASSERT_TRUE(Database::open(fresh, OpenOptions{}).has_value());
  EXPECT_EQ(schema(path), schema(fresh));
}

INSTANTIATE_TEST_SUITE_P(
    EachShippedSchema, MigrationFixtureTest,
    ::testing::Values(Fixture{"v1-2bb969b.db", 1, 4}, Fixture{"v2-e214584.db", 2, 5},
                      Fixture{"v3-4c1e689.db", 3, 5}, Fixture{"v4-9c8ca75.db", 4, 5},
                      Fixture{"v5.db", 5, 6}, Fixture{"v6.db", 6, 7}, Fixture{"v7.db", 7, 7},
                      Fixture{"v8.db", 8, 7}, Fixture{"v9.db", 9, 7}, Fixture{"v10.db", 10, 7},
                      Fixture{"v11.db", 11, 7}, Fixture{"v12.db", 12, 7}, Fixture{"v13.db", 13, 7}),
    [](const ::testing::TestParamInfo<Fixture>& param) {
      return "v" + std::to_string(param.param.version);
    });

// A new schema step comes with its fixture (make_fixtures.py, LATER and rows()), so the
// step is tested on a diary holding rows of every table before it.
TEST(MigrationFixtureListTest, TheNewestSchemaHasAFixture) {
  const std::filesystem::path newest = std::filesystem::path(LIMBER_SOURCE_DIR) /
                                       "tests/store/fixtures" /
                                       ("v" + std::to_string(latest_schema_version()) + ".db");
  ASSERT_TRUE(std::filesystem::exists(newest))
      << newest << " is missing: add the version to make_fixtures.py and run it";
  EXPECT_EQ(query(newest, "PRAGMA user_version"), Rows{std::to_string(latest_schema_version())});
}

}  // namespace
}  // namespace limber::store
