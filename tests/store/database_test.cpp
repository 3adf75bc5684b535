#include "store/database.h"

#include <fstream>
#include <iterator>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/migrations.h"
#include "support/temp_dir.h"

namespace limber::store {
namespace {

using testing::TempDir;

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs SQL through a plain connection, as another program would.
void raw_exec(const std::filesystem::path& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::int64_t pragma(const Database& db, const char* sql) {
  auto statement = db.prepare(sql);
  EXPECT_TRUE(statement.has_value());
  EXPECT_TRUE(statement->step().value_or(false));
  return statement->integer(0);
}

TEST(DatabaseTest, CreatesAVersionedWalDiaryMarkedAsOurs) {
  TempDir dir;
  auto db = Database::open(dir.path() / "sub" / "limber.db", {});
  ASSERT_TRUE(db.has_value()) << db.error().message;
  EXPECT_EQ(pragma(*db, "PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(pragma(*db, "PRAGMA application_id"), kApplicationId);
  EXPECT_EQ(pragma(*db, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(pragma(*db, "PRAGMA synchronous"), 2);  // FULL
  auto mode = db->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.has_value());
  ASSERT_TRUE(mode->step().value_or(false));
  EXPECT_EQ(mode->text(0), "wal");
}

TEST(DatabaseTest, OpensItsOwnDiaryAgainWithoutChangingIt) {
  TempDir dir;
  const auto path = dir.path() / "limber.db";
  { ASSERT_TRUE(Database::open(path, {}).has_value()); }
  const std::string before = read_bytes(path);
  { ASSERT_TRUE(Database::open(path, {}).has_value()); }
  EXPECT_EQ(read_bytes(path), before);
}

TEST(DatabaseTest, RefusesAFileThatIsNotADatabaseAndLeavesItAlone) {
  TempDir dir;
  const auto path = dir.path() / "limber.db";
  {
    std::ofstream(path) << "these are my shopping notes, not a database\n"
                        << std::string(2000, 'x');
  }
  const std::string before = read_bytes(path);
  auto db = Database::open(path, {});
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, core::ErrorCode::kNotLimber);
  EXPECT_NE(db.error().message.find("not a limber diary"), std::string::npos);
  EXPECT_EQ(read_bytes(path), before);
}

TEST(DatabaseTest, RefusesAnotherProgramsSqliteDatabaseAndLeavesItAlone) {
  TempDir dir;
  const auto path = dir.path() / "limber.db";
  raw_exec(path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')");
  const std::string before = read_bytes(path);
  auto db = Database::open(path, {});
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, core::ErrorCode::kNotLimber);
  EXPECT_EQ(db.error().remedy, core::Remedy::kChooseDataDir) << db.error().message;
  EXPECT_EQ(read_bytes(path), before);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "limber.db-wal"));
}

TEST(DatabaseTest, RefusesADiaryFromANewerLimberAndLeavesItAlone) {
  TempDir dir;
  const auto path = dir.path() / "limber.db";
  { ASSERT_TRUE(Database::open(path, {}).has_value()); }
  raw_exec(path, "PRAGMA user_version = 99");
  const std::string before = read_bytes(path);
  auto db = Database::open(path, {});
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, core::ErrorCode::kTooNew);
  EXPECT_NE(db.error().message.find("update limber"), std::string::npos);
  EXPECT_EQ(read_bytes(path), before);
}

TEST(DatabaseTest, ReportsADamagedDiary) {
  TempDir dir;
  const auto path = dir.path() / "limber.db";
  {
    auto db = Database::open(path, {});
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE(
        db->exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE").has_value());
  }
  // Keep the header, scramble the schema page.
  std::string bytes = read_bytes(path);
  ASSERT_GT(bytes.size(), 4096U);
  for (std::size_t i = 100; i < 4096; ++i)
    bytes[i] = static_cast<char>(0xA5);
  { std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes; }
  auto db = Database::open(path, {});
  ASSERT_FALSE(db.has_value());
  EXPECT_TRUE(db.error().code == core::ErrorCode::kCorrupt ||
              db.error().code == core::ErrorCode::kNotLimber)
      << db.error().message;
}

TEST(DatabaseTest, GivesUpOnABusyDiaryWithAClearError) {
  TempDir dir;
  const auto path = dir.path() / "limber.db";
  auto holder = Database::open(path, {});
  ASSERT_TRUE(holder.has_value());
  ASSERT_TRUE(holder->exec("BEGIN IMMEDIATE").has_value());
  OpenOptions impatient;
  impatient.busy_timeout = std::chrono::milliseconds{10};
  auto writer = Database::open(path, impatient);
  ASSERT_TRUE(writer.has_value()) << writer.error().message;  // reading is fine
  auto write = writer->exec("BEGIN IMMEDIATE");
  ASSERT_FALSE(write.has_value());
  EXPECT_EQ(write.error().code, core::ErrorCode::kBusy);
  EXPECT_NE(write.error().message.find("try again"), std::string::npos);
  ASSERT_TRUE(holder->exec("ROLLBACK").has_value());
}

TEST(DatabaseTest, RefusesAFolderWhereTheFileShouldBe) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "limber.db");
  auto db = Database::open(dir.path() / "limber.db", {});
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, core::ErrorCode::kIo);
}

TEST(DatabaseTest, RollsBackAFailedTransaction) {
  auto db = Database::open_in_memory();
  ASSERT_TRUE(db.has_value());
  auto result = db->transaction([&]() -> core::Result<void> {
    EXPECT_TRUE(db->exec("CREATE TABLE scratch (x INTEGER)").has_value());
    return core::fail(core::ErrorCode::kInvalidInput, "stop");
  });
  EXPECT_FALSE(result.has_value());
  EXPECT_FALSE(db->exec("SELECT * FROM scratch").has_value());
}

}  // namespace
}  // namespace limber::store
