// Issue #11, defect 8: a diary on read-only media (a backup on a USB stick or a CD) can be
// read, and reading it leaves nothing beside it.
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/database.h"
#include "store/diary_store.h"
#include "support/clock.h"
#include "support/entries.h"
#include "support/read_only_mount.h"
#include "support/temp_dir.h"

namespace limber::store {
namespace {

using testing::ReadOnlyMount;

// A pain rating at noon.
core::Entry pain_entry(int pain) {
  return testing::pain_entry(testing::kNoon, pain);
}

std::set<std::string> names_in(const std::filesystem::path& folder) {
  std::set<std::string> names;
  for (const auto& item : std::filesystem::directory_iterator(folder))
    names.insert(item.path().filename().string());
  return names;
}

std::size_t count_entries(const Database& db) {
  auto all = DiaryStore(db).all();
  EXPECT_TRUE(all.has_value()) << all.error().message;
  return all ? all->size() : 0;
}

TEST(ReadOnlyTest, AReadOnlyDiaryCanBeReadAndNothingIsLeftBesideIt) {
  ReadOnlyMount media;
  ASSERT_TRUE(media.available()) << media.why();
  const auto path = media.path() / "limber.db";
  {
    auto db = Database::open(path, {});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    ASSERT_TRUE(DiaryStore(*db).add(pain_entry(4)).has_value());
    ASSERT_TRUE(DiaryStore(*db).add(pain_entry(5)).has_value());
  }
  ASSERT_TRUE(media.make_read_only());
  const auto before = names_in(media.path());
  ASSERT_EQ(before, std::set<std::string>{"limber.db"});

  OpenOptions reads;
  reads.read_only = true;
  auto db = Database::open(path, reads);
  ASSERT_TRUE(db.has_value()) << db.error().message;
  EXPECT_TRUE(db->read_only());
  EXPECT_EQ(count_entries(*db), 2U);
  EXPECT_EQ(names_in(media.path()), before);
  // A write says plainly that it cannot be done.
  auto added = DiaryStore(*db).add(pain_entry(6));
  ASSERT_FALSE(added.has_value());
  EXPECT_EQ(added.error().code, core::ErrorCode::kIo);
}

// A copy taken while limber ran: the latest entry is still in the -wal beside the file.
void copy_running_diary(const std::filesystem::path& to, bool with_shm) {
  testing::TempDir dir;
  const auto path = dir.path() / "limber.db";
  sqlite3* holder = nullptr;  // another process: keeps the -wal from being folded in
  auto db = Database::open(path, {});
  ASSERT_TRUE(db.has_value()) << db.error().message;
  ASSERT_TRUE(DiaryStore(*db).add(pain_entry(4)).has_value());
  ASSERT_EQ(sqlite3_open(path.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  ASSERT_TRUE(DiaryStore(*db).add(pain_entry(5)).has_value());  // in the -wal only
  std::filesystem::copy_file(path, to);
  std::filesystem::copy_file(path.string() + "-wal", to.string() + "-wal");
  if (with_shm)
    std::filesystem::copy_file(path.string() + "-shm", to.string() + "-shm");
  sqlite3_close(holder);
}

TEST(ReadOnlyTest, ReadsTheLatestEntryFromAWalCopiedWithTheDiary) {
  ReadOnlyMount media;
  ASSERT_TRUE(media.available()) << media.why();
  const auto path = media.path() / "limber.db";
  copy_running_diary(path, true);
  ASSERT_TRUE(media.make_read_only());
  OpenOptions reads;
  reads.read_only = true;
  auto db = Database::open(path, reads);
  ASSERT_TRUE(db.has_value()) << db.error().message;
  EXPECT_EQ(count_entries(*db), 2U);
  EXPECT_FALSE(db->report().wal_skipped);
}

TEST(ReadOnlyTest, SaysWhenTheLatestChangesCannotBeReadWithoutTheirShm) {
  ReadOnlyMount media;
  ASSERT_TRUE(media.available()) << media.why();
  const auto path = media.path() / "limber.db";
  copy_running_diary(path, false);
  ASSERT_TRUE(media.make_read_only());
  OpenOptions reads;
  reads.read_only = true;
  auto db = Database::open(path, reads);
  ASSERT_TRUE(db.has_value()) << db.error().message;
  EXPECT_EQ(count_entries(*db), 1U);
  EXPECT_TRUE(db->report().wal_skipped);
}

}  // namespace
}  // namespace limber::store
