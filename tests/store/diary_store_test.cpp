#include "store/diary_store.h"

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "support/clock.h"
#include "support/entries.h"

namespace limber::store {
namespace {

using core::Entry;
using std::chrono::hours;
using testing::kNoon;

// A rating made at UTC+1, walking, with a note: every field the store writes.
Entry pain_entry(core::Instant at, int pain, std::vector<core::RegionRating> regions = {}) {
  return testing::noted(
      testing::recorded_at(testing::pain_entry(at, pain, std::move(regions), core::Mobility::kWalk),
                           hours{1}),
      "a note");
}

class DiaryStoreTest : public ::testing::Test {
 protected:
  Database db_ = *Database::open_in_memory();
  DiaryStore store_{db_};
};

TEST_F(DiaryStoreTest, StoresAndReadsBackAnEntryWithItsRegionsInOrder) {
  const Entry entry = pain_entry(kNoon, 6,
                                 {{core::Region::kNeck, *core::PainScore::from_int(3)},
                                  {core::Region::kLowerBack, std::nullopt}});
  auto saved = store_.add(entry);
  ASSERT_TRUE(saved.has_value()) << saved.error().message;
  EXPECT_GT(saved->id, 0);
  auto back = store_.get(saved->id);
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(back->same_content(entry));
  EXPECT_EQ(std::get<core::PainRecord>(back->detail).regions.front().region, core::Region::kNeck);
}

TEST_F(DiaryStoreTest, ListsRecentEntriesNewestFirst) {
  ASSERT_TRUE(store_.add(pain_entry(kNoon - hours{48}, 8)).has_value());
  ASSERT_TRUE(store_.add(pain_entry(kNoon - hours{2}, 6)).has_value());
  ASSERT_TRUE(store_.add(pain_entry(kNoon, 5)).has_value());
  auto recent = store_.since(kNoon - hours{24});
  ASSERT_TRUE(recent.has_value());
  ASSERT_EQ(recent->size(), 2U);
  EXPECT_EQ(recent->front().at, kNoon);
  auto all = store_.all();
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ(all->front().at, kNoon - hours{48});
  auto latest = store_.latest_pain();
  ASSERT_TRUE(latest.has_value() && latest->has_value());
  EXPECT_EQ(std::get<core::PainRecord>((*latest)->detail).pain.value(), 5);
}

TEST_F(DiaryStoreTest, ReplacesAndRemovesByIdAndSaysWhenThereIsNone) {
  auto saved = store_.add(pain_entry(kNoon, 6, {{core::Region::kNeck, std::nullopt}}));
  ASSERT_TRUE(saved.has_value());
  Entry changed = *saved;
  changed.detail = core::WalkRecord{12};
  ASSERT_TRUE(store_.replace(changed).has_value());
  EXPECT_EQ(store_.get(saved->id)->kind(), core::EntryKind::kWalk);
  ASSERT_TRUE(store_.remove(saved->id).has_value());
  auto gone = store_.get(saved->id);
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(store_.remove(saved->id).error().code, core::ErrorCode::kNotFound);
  changed.id = 999;
  EXPECT_EQ(store_.replace(changed).error().code, core::ErrorCode::kNotFound);
}

TEST_F(DiaryStoreTest, ImportKeepsFreeIdsSkipsRepeatsAndRenumbersClashes) {
  auto first = store_.add(pain_entry(kNoon - hours{5}, 4));
  ASSERT_TRUE(first.has_value());
  Entry repeat = *first;               // same id, same content: skipped
  Entry clash = pain_entry(kNoon, 9);  // same id, other content: new id
  clash.id = first->id;
  Entry fresh = pain_entry(kNoon - hours{1}, 2);
  fresh.id = 40;  // free: kept
  const std::vector<Entry> rows = {repeat, clash, fresh};
  auto summary = store_.import(rows);
  ASSERT_TRUE(summary.has_value()) << summary.error().message;
  EXPECT_EQ(summary->added, 2U);
  EXPECT_EQ(summary->already_there, 1U);
  EXPECT_EQ(*store_.count(), 3);
  EXPECT_TRUE(store_.get(40)->same_content(fresh));
}

TEST_F(DiaryStoreTest, ImportIsAllOrNothing) {
  ASSERT_TRUE(store_.add(pain_entry(kNoon, 4)).has_value());
  Entry good = pain_entry(kNoon - hours{1}, 2);
  Entry bad = pain_entry(kNoon - hours{2}, 3);
  bad.note = std::string(core::kMaxNoteLength + 1, 'x');  // the CHECK refuses it
  const std::vector<Entry> rows = {good, bad};
  auto summary = store_.import(rows);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(*store_.count(), 1);
}

// Issue 15: tags are stored in order, read back by every query, replaced with the entry and
// deleted with it; the table refuses what core/tag.h would.
TEST_F(DiaryStoreTest, StoresAnEntrysTagsInOrderAndReplacesThemWithIt) {
  auto saved = store_.add(testing::tagged(pain_entry(kNoon, 6), {"long-drive", "lifting"}));
  ASSERT_TRUE(saved.has_value()) << saved.error().message;
  EXPECT_EQ(store_.get(saved->id)->tags, (std::vector<std::string>{"long-drive", "lifting"}));
  EXPECT_EQ(store_.since(kNoon - hours{1})->front().tags, saved->tags);
  EXPECT_EQ(store_.all()->front().tags, saved->tags);

  Entry changed = *saved;
  changed.tags = {"gardening"};
  ASSERT_TRUE(store_.replace(changed).has_value());
  EXPECT_EQ(store_.get(saved->id)->tags, std::vector<std::string>{"gardening"});
  ASSERT_TRUE(store_.remove(saved->id).has_value());
  EXPECT_EQ(*pragma(db_, "SELECT count(*) FROM entry_tags"), 0);

  EXPECT_FALSE(store_.add(testing::tagged(pain_entry(kNoon, 6), {"Not A Tag"})).has_value());
  EXPECT_EQ(*store_.count(), 0);
}

TEST_F(DiaryStoreTest, TellsWhetherAnyEntryIsOlderThanAMoment) {
  EXPECT_FALSE(*store_.any_before(kNoon));
  ASSERT_TRUE(store_.add(pain_entry(kNoon, 4)));
  EXPECT_FALSE(*store_.any_before(kNoon));
  EXPECT_TRUE(*store_.any_before(kNoon + std::chrono::seconds{1}));
}

}  // namespace
}  // namespace limber::store
