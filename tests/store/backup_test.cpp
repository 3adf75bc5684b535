// Issue #11, "Backups": consistent copies with SQLite's backup API, checked by opening them.
#include "store/backup.h"

#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "store/diary_store.h"
#include "store/migrations.h"
#include "support/clock.h"
#include "support/entries.h"
#include "support/temp_dir.h"

namespace limber::store {
namespace {

using testing::TempDir;

// A pain rating at noon.
core::Entry pain_entry(int pain) {
  return testing::pain_entry(testing::kNoon, pain);
}

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    old_mask_ = ::umask(022);
    auto db = Database::open(dir_.path() / "limber.db", {});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_.emplace(std::move(*db));
    ASSERT_TRUE(DiaryStore(*db_).add(pain_entry(4)).has_value());
    ASSERT_TRUE(DiaryStore(*db_).add(pain_entry(6)).has_value());
  }
  void TearDown() override { ::umask(old_mask_); }

  TempDir dir_;
  std::optional<Database> db_;
  mode_t old_mask_ = 0;
};

TEST_F(BackupTest, CopiesTheDiaryWhileItIsOpenIntoAPrivateFileThatChecksOut) {
  const auto copy = dir_.path() / "copy.db";
  // Another connection is in the middle of a write: the copy is of the last commit.
  ASSERT_TRUE(db_->exec("BEGIN IMMEDIATE").has_value());
  ASSERT_TRUE(db_->exec("DELETE FROM entries").has_value());
  auto other = Database::open(dir_.path() / "limber.db", {});
  ASSERT_TRUE(other.has_value());
  ASSERT_TRUE(copy_diary(*other, copy).has_value());
  ASSERT_TRUE(db_->exec("ROLLBACK").has_value());
  struct stat status {};
  ASSERT_EQ(::stat(copy.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777U, 0600U);
  EXPECT_FALSE(std::filesystem::exists(copy.string() + "-wal"));  // one file
  auto facts = check_diary_file(copy);
  ASSERT_TRUE(facts.has_value()) << facts.error().message;
  EXPECT_EQ(facts->entries, 2);
  EXPECT_EQ(facts->schema_version, latest_schema_version());
}

TEST_F(BackupTest, TheCheckRefusesWhatIsNotASoundDiaryOfThisLimber) {
  const auto notes = dir_.path() / "notes.db";
  std::ofstream(notes) << "not a database" << std::string(4096, 'x');
  auto not_sqlite = check_diary_file(notes);
  ASSERT_FALSE(not_sqlite.has_value());
  EXPECT_EQ(not_sqlite.error().code, core::ErrorCode::kNotLimber);

  const auto newer = dir_.path() / "newer.db";
  ASSERT_TRUE(copy_diary(*db_, newer).has_value());
  {
    auto raw = Database::open(newer, {});
    ASSERT_TRUE(raw.has_value());
    ASSERT_TRUE(raw->exec("PRAGMA user_version = 99").has_value());
  }
  auto too_new = check_diary_file(newer);
  ASSERT_FALSE(too_new.has_value());
  EXPECT_EQ(too_new.error().code, core::ErrorCode::kTooNew);

  auto missing = check_diary_file(dir_.path() / "nowhere.db");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, core::ErrorCode::kIo);
}

TEST_F(BackupTest, ReplacesTheContentOfAnOpenDiary) {
  const auto copy = dir_.path() / "copy.db";
  ASSERT_TRUE(copy_diary(*db_, copy).has_value());
  ASSERT_TRUE(DiaryStore(*db_).add(pain_entry(8)).has_value());
  auto reader = Database::open(dir_.path() / "limber.db", {});
  ASSERT_TRUE(reader.has_value());
  ASSERT_TRUE(replace_content(*db_, copy).has_value());
  EXPECT_EQ(DiaryStore(*reader).count().value_or(-1), 2);
  EXPECT_EQ(DiaryStore(*db_).count().value_or(-1), 2);
  auto mode = db_->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.has_value());
  ASSERT_TRUE(mode->step().value_or(false));
  EXPECT_EQ(mode->text(0), "wal");
}

TEST_F(BackupTest, KeepsACopyBeforeAMigrationChangesTheDiary) {
  // The diary as limber wrote it before the sitting timer (schema 3).
  ASSERT_TRUE(db_->exec("DROP TABLE sitting_bouts; DROP TABLE sitting_breaks; "
                        "DROP TABLE sitting_reminders; PRAGMA user_version = 3")
                  .has_value());
  db_.reset();
  OpenOptions options;
  options.backup_folder = dir_.path() / "backups";
  auto db = Database::open(dir_.path() / "limber.db", options);
  ASSERT_TRUE(db.has_value()) << db.error().message;
  const auto copy = dir_.path() / "backups" /
                    ("limber-before-schema-" + std::to_string(latest_schema_version()) + ".db");
  auto facts = check_diary_file(copy);
  ASSERT_TRUE(facts.has_value()) << facts.error().message;
  EXPECT_EQ(facts->schema_version, 3);
  EXPECT_EQ(facts->entries, 2);
  struct stat status {};
  ASSERT_EQ(::stat(options.backup_folder.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777U, 0700U);
}

}  // namespace
}  // namespace limber::store
