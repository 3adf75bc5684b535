// The device's id of an entry (issue 14): unique in the diary, so that an entry a phone sends
// twice, or from two connections at once, is stored once; and a diary of schema 4 gains the
// column with its rows kept.
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store/database.h"
#include "store/diary_store.h"
#include "store/migrations.h"
#include "support/clock.h"
#include "support/temp_dir.h"

namespace limber::store {
namespace {

using core::Entry;
using testing::kNoon;

Entry walk(int minutes, std::string client_id) {
  Entry entry;
  entry.at = kNoon;
  entry.detail = core::WalkRecord{minutes};
  entry.client_id = std::move(client_id);
  return entry;
}

TEST(ClientIdStoreTest, ASecondEntryWithTheSameIdIsNotStoredAndTheFirstComesBack) {
  auto db = Database::open_in_memory();
  ASSERT_TRUE(db.has_value());
  const DiaryStore store(*db);
  auto first = store.add_once(walk(10, "phone-entry-0001"));
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_FALSE(first->already_there);
  auto second = store.add_once(walk(20, "phone-entry-0001"));
  ASSERT_TRUE(second.has_value()) << second.error().message;
  EXPECT_TRUE(second->already_there);
  EXPECT_EQ(second->entry.id, first->entry.id);
  EXPECT_EQ(std::get<core::WalkRecord>(second->entry.detail).minutes, 10);
  EXPECT_EQ(store.count().value(), 1);
  // Entries without an id are as many as are added.
  ASSERT_TRUE(store.add(walk(5, "")).has_value());
  ASSERT_TRUE(store.add(walk(5, "")).has_value());
  EXPECT_EQ(store.count().value(), 3);
  auto found = store.with_client_id("phone-entry-0001");
  ASSERT_TRUE(found.has_value());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->client_id, "phone-entry-0001");
}

TEST(ClientIdStoreTest, TheDiaryItselfRefusesASecondRowWithTheSameId) {
  auto db = Database::open_in_memory();
  ASSERT_TRUE(db.has_value());
  ASSERT_TRUE(DiaryStore(*db).add(walk(10, "phone-entry-0002")).has_value());
  // Not through the store: the UNIQUE index holds even for SQL that forgets to check.
  auto plain = db->exec(
      "INSERT INTO entries (kind, at, utc_offset, minutes, client_id) "
      "VALUES ('walk', 0, 0, 5, 'phone-entry-0002')");
  EXPECT_FALSE(plain.has_value());
  EXPECT_EQ(DiaryStore(*db).count().value(), 1);
}

TEST(ClientIdStoreTest, ConnectionsRacingWithOneIdStoreOneRow) {
  const testing::TempDir dir;
  const auto path = dir.path() / "limber.db";
  ASSERT_TRUE(Database::open(path, OpenOptions{}).has_value());
  constexpr int kWriters = 6;
  std::vector<int> added(kWriters, -1);
  std::vector<std::thread> writers;
  writers.reserve(kWriters);
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      auto db = Database::open(path, OpenOptions{});
      if (!db)
        return;
      auto result = DiaryStore(*db).add_once(walk(15, "raced-entry-0003"));
      if (result)
        added[static_cast<std::size_t>(i)] = result->already_there ? 0 : 1;
    });
  }
  for (std::thread& writer : writers)
    writer.join();
  int stored = 0;
  for (const int one : added) {
    EXPECT_NE(one, -1);
    stored += one == 1 ? 1 : 0;
  }
  EXPECT_EQ(stored, 1);
  auto db = Database::open(path, OpenOptions{});
  ASSERT_TRUE(db.has_value());
  EXPECT_EQ(DiaryStore(*db).count().value(), 1);
}

TEST(ClientIdStoreTest, ADiaryOfSchemaFourKeepsItsEntriesAndTakesIds) {
  const testing::TempDir dir;
  const auto path = dir.path() / "limber.db";
  std::filesystem::copy_file(
      std::filesystem::path(LIMBER_SOURCE_DIR) / "tests/store/fixtures/v4-9c8ca75.db", path);
  auto db = Database::open(path, OpenOptions{});
  ASSERT_TRUE(db.has_value()) << db.error().message;
  const DiaryStore store(*db);
  auto before = store.all();
  ASSERT_TRUE(before.has_value()) << before.error().message;
  ASSERT_EQ(before->size(), 5U);
  for (const Entry& entry : *before)
    EXPECT_EQ(entry.client_id, "");  // made on the desktop: no device's id
  auto once = store.add_once(walk(12, "after-upgrade-0004"));
  auto twice = store.add_once(walk(12, "after-upgrade-0004"));
  ASSERT_TRUE(once.has_value() && twice.has_value());
  EXPECT_TRUE(twice->already_there);
  EXPECT_EQ(store.count().value(), 6);
}

}  // namespace
}  // namespace limber::store
