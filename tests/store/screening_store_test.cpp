#include "store/screening_store.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "store/diary_store.h"
#include "store/migrations.h"
#include "store/notice_store.h"
#include "support/clock.h"
#include "support/temp_dir.h"

namespace limber::store {
namespace {

using core::Answer;
using core::Flag;
using core::Level;
using std::chrono::hours;
using testing::kNoon;

Screening screening_at(core::Instant at, Level level, std::vector<Answer> answers,
                       std::vector<Flag> flags) {
  Screening screening;
  screening.at = at;
  screening.utc_offset = hours{1};
  screening.level = level;
  screening.answers = std::move(answers);
  screening.flags = std::move(flags);
  return screening;
}

class ScreeningStoreTest : public ::testing::Test {
 protected:
  Database db_ = *Database::open_in_memory();
  ScreeningStore store_{db_};
};

TEST_F(ScreeningStoreTest, SchemaKnowsEveryFlagOfTheCore) {
  EXPECT_GE(latest_schema_version(), 2);
  auto rows = db_.prepare("SELECT id, asked FROM red_flags ORDER BY id");
  ASSERT_TRUE(rows.has_value());
  std::set<std::string> stored;
  for (;;) {
    auto row = rows->step();
    ASSERT_TRUE(row.has_value());
    if (!*row)
      break;
    const std::string id = rows->text(0);
    stored.insert(id);
    auto flag = core::parse_flag(id);
    ASSERT_TRUE(flag.has_value()) << id;
    EXPECT_EQ(rows->integer(1) == 1, core::info(*flag).source == core::FlagSource::kQuestion) << id;
  }
  std::set<std::string> core_ids;
  for (const auto id : core::flag_ids())
    core_ids.emplace(id);
  EXPECT_EQ(stored, core_ids);
}

TEST_F(ScreeningStoreTest, StoresAScreeningWithItsAnswersLevelAndFlags) {
  auto saved =
      store_.add(screening_at(kNoon, Level::kEmergency,
                              {{Flag::kFever, true}, {Flag::kBladder, true}, {Flag::kBowel, false}},
                              {Flag::kFever, Flag::kBladder, Flag::kPainRising}));
  ASSERT_TRUE(saved.has_value()) << saved.error().message;
  EXPECT_GT(saved->id, 0);
  auto latest = store_.latest();
  ASSERT_TRUE(latest.has_value() && latest->has_value());
  const Screening& back = **latest;
  EXPECT_EQ(back, *saved);
  EXPECT_EQ(back.at, kNoon);
  EXPECT_EQ(back.utc_offset, hours{1});
  EXPECT_EQ(back.level, Level::kEmergency);
  // Asking order, whatever the order given.
  const std::vector<Answer> answers = {
      {Flag::kBladder, true}, {Flag::kBowel, false}, {Flag::kFever, true}};
  EXPECT_EQ(back.answers, answers);
  const std::vector<Flag> flags = {Flag::kBladder, Flag::kFever, Flag::kPainRising};
  EXPECT_EQ(back.flags, flags);
}

TEST_F(ScreeningStoreTest, AnEmptyDiaryHasNoScreeningAndNoVisit) {
  EXPECT_FALSE(store_.latest()->has_value());
  EXPECT_FALSE(store_.latest_visit()->has_value());
  EXPECT_EQ(*store_.count(), 0);
  EXPECT_TRUE(store_.after(0)->empty());
}

TEST_F(ScreeningStoreTest, ListsScreeningsAfterAnIdOldestFirst) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    auto saved =
        store_.add(screening_at(kNoon + hours{i}, Level::kSelfCare, {{Flag::kChest, i == 1}}, {}));
    ASSERT_TRUE(saved.has_value());
    ids.push_back(saved->id);
  }
  EXPECT_LT(ids[0], ids[1]);
  EXPECT_LT(ids[1], ids[2]);
  EXPECT_EQ(*store_.count(), 3);
  auto after = store_.after(ids[0]);
  ASSERT_TRUE(after.has_value());
  ASSERT_EQ(after->size(), 2U);
  EXPECT_EQ(after->at(0).id, ids[1]);
  EXPECT_TRUE(after->at(0).answers.front().yes);
  EXPECT_EQ(after->at(1).id, ids[2]);
  EXPECT_FALSE(after->at(1).answers.front().yes);
  EXPECT_EQ((*store_.latest())->id, ids[2]);
}

TEST_F(ScreeningStoreTest, RefusesAnswersThatCannotBeGiven) {
  struct Case {
    std::string name;
    std::vector<Answer> answers;
    std::string says;
  };
  const Case kCases[] = {
      {"a diary flag", {{Flag::kPainRising, true}}, "read from the diary"},
      {"twice", {{Flag::kFever, true}, {Flag::kFever, false}}, "answered twice"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    auto saved = store_.add(screening_at(kNoon, Level::kUrgent, c.answers, {}));
    ASSERT_FALSE(saved.has_value());
    EXPECT_EQ(saved.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_NE(saved.error().message.find(c.says), std::string::npos) << saved.error().message;
  }
  EXPECT_EQ(*store_.count(), 0);
}

TEST_F(ScreeningStoreTest, TheDatabaseRefusesWhatTheCoreWouldReject) {
  EXPECT_FALSE(
      db_.exec("INSERT INTO screenings (at, utc_offset, level) VALUES (0, 0, 'soon')").has_value());
  ASSERT_TRUE(db_.exec("INSERT INTO screenings (at, utc_offset, level) VALUES (0, 0, 'urgent')")
                  .has_value());
  EXPECT_FALSE(db_.exec("INSERT INTO screening_answers (screening_id, flag, yes) VALUES "
                        "(1, 'headache', 1)")
                   .has_value());
  EXPECT_FALSE(db_.exec("INSERT INTO screening_flags (screening_id, flag) VALUES (99, 'fever')")
                   .has_value());
}

TEST_F(ScreeningStoreTest, AVisitAnswersEveryScreeningStoredBeforeIt) {
  auto none = store_.add_visit(kNoon, hours{0});
  ASSERT_TRUE(none.has_value()) << none.error().message;
  EXPECT_EQ(none->after_screening, 0);
  auto first = store_.add(screening_at(kNoon, Level::kUrgent, {{Flag::kFever, true}}, {}));
  auto second = store_.add(screening_at(kNoon, Level::kUrgent, {{Flag::kFever, true}}, {}));
  ASSERT_TRUE(first.has_value() && second.has_value());
  auto visit = store_.add_visit(kNoon + hours{3}, hours{-5});
  ASSERT_TRUE(visit.has_value());
  EXPECT_EQ(visit->after_screening, second->id);
  EXPECT_EQ(visit->at, kNoon + hours{3});
  EXPECT_EQ(visit->utc_offset, hours{-5});
  auto latest = store_.latest_visit();
  ASSERT_TRUE(latest.has_value() && latest->has_value());
  EXPECT_EQ(**latest, *visit);
  EXPECT_TRUE(store_.after(visit->after_screening)->empty());
}

TEST_F(ScreeningStoreTest, RemembersANoticeOnceWithItsFirstTime) {
  const NoticeStore notices(db_);
  EXPECT_FALSE(notices.shown_at("disclaimer")->has_value());
  EXPECT_TRUE(*notices.mark_shown("disclaimer", kNoon));
  EXPECT_FALSE(*notices.mark_shown("disclaimer", kNoon + hours{1}));
  EXPECT_EQ(*notices.shown_at("disclaimer"), kNoon);
  EXPECT_FALSE(notices.shown_at("other")->has_value());
}

TEST(ScreeningMigrationTest, UpgradesAVersionOneDiaryAndKeepsItsEntries) {
  testing::TempDir dir;
  const auto path = dir.path() / "limber.db";
  {
    auto db = Database::open(path, {});
    ASSERT_TRUE(db.has_value());
    core::Entry entry;
    entry.at = kNoon;
    entry.detail = core::WalkRecord{10};
    ASSERT_TRUE(DiaryStore(*db).add(entry).has_value());
    // Back to version 1: what a diary from the previous release looks like.
    ASSERT_TRUE(db->exec("DROP TABLE sitting_bouts; DROP TABLE sitting_breaks; "
                         "DROP TABLE sitting_reminders; "
                         "DROP TABLE settings; DROP TABLE episodes; DROP TABLE function_ratings; "
                         "DROP TABLE function_activities; "
                         "DROP TABLE notices; DROP TABLE clinician_visits; "
                         "DROP TABLE screening_flags; DROP TABLE screening_answers; "
                         "DROP TABLE screenings; DROP TABLE red_flags; PRAGMA user_version = 1")
                    .has_value());
  }
  auto db = Database::open(path, {});
  ASSERT_TRUE(db.has_value()) << db.error().message;
  EXPECT_EQ(*DiaryStore(*db).count(), 1);
  const ScreeningStore store(*db);
  auto saved = store.add(screening_at(kNoon, Level::kSelfCare, {{Flag::kChest, false}}, {}));
  ASSERT_TRUE(saved.has_value()) << saved.error().message;
  EXPECT_EQ(*store.count(), 1);
}

}  // namespace
}  // namespace limber::store
