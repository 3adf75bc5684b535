// Issue #11, defect 7: one damaged row must not keep the other entries from being read, and
// a structurally damaged diary is not written to.
#include <fstream>

#include <gtest/gtest.h>

#include "store/database.h"
#include "store/diagnosis.h"
#include "store/diary_store.h"
#include "store/screening_store.h"
#include "support/clock.h"
#include "support/damage.h"
#include "support/entries.h"
#include "support/temp_dir.h"

namespace limber::store {
namespace {

using testing::damage;
using testing::TempDir;

class DamagedDiaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(path_, {});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    const core::RegionRating back{core::Region::kLowerBack, std::nullopt};
    for (int pain = 1; pain <= 5; ++pain)
      ASSERT_TRUE(
          DiaryStore(*db).add(testing::pain_entry(testing::kNoon, pain, {back})).has_value());
  }

  TempDir dir_;
  std::filesystem::path path_ = dir_.path() / "limber.db";
};

TEST_F(DamagedDiaryTest, SkipsAndNotesTheRowsItCannotReadAndReadsTheRest) {
  damage(path_,
         "UPDATE entries SET pain = -3 WHERE id = 2;"
         "UPDATE entry_regions SET region = 'lower-bacj' WHERE entry_id = 4;");
  auto db = Database::open(path_, {});
  ASSERT_TRUE(db.has_value()) << db.error().message;
  const DiaryStore store(*db);
  auto all = store.all();
  ASSERT_TRUE(all.has_value()) << all.error().message;
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ(all->at(0).id, 1);
  EXPECT_EQ(all->at(1).id, 3);
  EXPECT_EQ(all->at(2).id, 5);
  EXPECT_EQ(db->unreadable(), (std::set<std::int64_t>{2, 4}));
  auto one = store.get(2);
  ASSERT_FALSE(one.has_value());
  EXPECT_EQ(one.error().code, core::ErrorCode::kCorrupt);
  auto latest = store.latest_pain();
  ASSERT_TRUE(latest.has_value()) << latest.error().message;
  ASSERT_TRUE(latest->has_value());
}

TEST_F(DamagedDiaryTest, TheDiagnosisListsTheBrokenRowsAndTheDanglingRegion) {
  damage(path_,
         "UPDATE entries SET pain = -3 WHERE id = 2;"
         "UPDATE entry_regions SET region = 'lower-bacj' WHERE entry_id = 4;");
  auto db = Database::open(path_, {});
  ASSERT_TRUE(db.has_value());
  auto diagnosis = diagnose(*db);
  ASSERT_TRUE(diagnosis.has_value()) << diagnosis.error().message;
  EXPECT_FALSE(diagnosis->sound());
  EXPECT_EQ(diagnosis->readable, 3);
  ASSERT_EQ(diagnosis->unreadable.size(), 2U);
  EXPECT_NE(diagnosis->unreadable[0].stored.find("pain=-3"), std::string::npos);
  EXPECT_NE(diagnosis->unreadable[1].stored.find("lower-bacj"), std::string::npos);
  ASSERT_EQ(diagnosis->foreign_keys.size(), 1U);
  EXPECT_NE(diagnosis->foreign_keys[0].find("entry_regions"), std::string::npos);
}

TEST_F(DamagedDiaryTest, ASoundDiaryHasACleanDiagnosis) {
  auto db = Database::open(path_, {});
  ASSERT_TRUE(db.has_value());
  auto diagnosis = diagnose(*db);
  ASSERT_TRUE(diagnosis.has_value()) << diagnosis.error().message;
  EXPECT_TRUE(diagnosis->sound());
  EXPECT_EQ(diagnosis->readable, 5);
}

TEST_F(DamagedDiaryTest, ADamagedSafetyCheckIsADamagedDiaryNotAUsageError) {
  damage(path_,
         "INSERT INTO screenings (at, utc_offset, level) VALUES (0, 0, 'self-care');"
         "UPDATE screenings SET level = 'selv-care';");
  auto db = Database::open(path_, {});
  ASSERT_TRUE(db.has_value());
  auto latest = ScreeningStore(*db).latest();
  ASSERT_FALSE(latest.has_value());
  EXPECT_EQ(latest.error().code, core::ErrorCode::kCorrupt);
  EXPECT_EQ(latest.error().remedy, core::Remedy::kCheckDiary) << latest.error().message;
}

// Overwrites the middle of the entries table's pages: SQLite's own structures break.
void scramble_pages(const std::filesystem::path& path) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  const auto size = std::filesystem::file_size(path);
  for (std::uintmax_t at = 4096 + 8; at + 64 < size; at += 4096) {
    file.seekp(static_cast<std::streamoff>(at));
    file << std::string(64, '\xff');
  }
}

TEST_F(DamagedDiaryTest, AWriteRefusesADiaryThatFailsItsQuickCheck) {
  scramble_pages(path_);
  OpenOptions checked;
  checked.quick_check = true;
  auto db = Database::open(path_, checked);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, core::ErrorCode::kCorrupt);
  EXPECT_EQ(db.error().remedy, core::Remedy::kCheckDiary) << db.error().message;
}

}  // namespace
}  // namespace limber::store
