#include "store/device_store.h"

#include <string>

#include <gtest/gtest.h>

#include "support/clock.h"

namespace limber::store {
namespace {

using std::chrono::minutes;
using testing::kNoon;

const std::string kHashA(64, 'a');
const std::string kHashB(64, 'b');

class DeviceStoreTest : public ::testing::Test {
 protected:
  Database db_ = *Database::open_in_memory();
  DeviceStore store_{db_};
};

TEST_F(DeviceStoreTest, KeepsAPhoneByNameAndFindsItByItsHash) {
  ASSERT_TRUE(store_.add({"Android phone", kNoon, std::nullopt, kHashA}));
  auto found = store_.by_secret_sha256(kHashA);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->name, "Android phone");
  EXPECT_EQ((*found)->paired_at, kNoon);
  EXPECT_FALSE((*found)->last_seen.has_value());
  auto missing = store_.by_secret_sha256(kHashB);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
}

TEST_F(DeviceStoreTest, RefusesATakenNameInAnyCase) {
  ASSERT_TRUE(store_.add({"iPhone", kNoon, std::nullopt, kHashA}));
  auto again = store_.add({"IPHONE", kNoon, std::nullopt, kHashB});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(store_.all()->size(), 1U);
}

TEST_F(DeviceStoreTest, ListsTheFirstPairedFirstAndNotesWhenSeen) {
  ASSERT_TRUE(store_.add({"iPhone", kNoon + minutes{5}, std::nullopt, kHashA}));
  ASSERT_TRUE(store_.add({"Android phone", kNoon, std::nullopt, kHashB}));
  ASSERT_TRUE(store_.touch("iPhone", kNoon + minutes{9}));
  auto all = store_.all();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].name, "Android phone");
  EXPECT_EQ((*all)[1].name, "iPhone");
  EXPECT_EQ((*all)[1].last_seen, kNoon + minutes{9});
}

TEST_F(DeviceStoreTest, RemovesAPhoneSoItsHashFindsNothing) {
  ASSERT_TRUE(store_.add({"iPhone", kNoon, std::nullopt, kHashA}));
  auto removed = store_.remove("iphone");
  ASSERT_TRUE(removed);
  EXPECT_TRUE(*removed);
  EXPECT_FALSE(store_.by_secret_sha256(kHashA)->has_value());
  EXPECT_FALSE(*store_.remove("iPhone"));
}

TEST_F(DeviceStoreTest, TheTableTakesOnlyAHashNotASecret) {
  auto raw = db_.exec(
      "INSERT INTO devices (name, paired_at, secret_sha256) VALUES ('x', 0, 'short-secret')");
  EXPECT_FALSE(raw);
}

}  // namespace
}  // namespace limber::store
