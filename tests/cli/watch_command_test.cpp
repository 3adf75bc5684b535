#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "store/database.h"
#include "store/sitting_store.h"

namespace limber::testing {
namespace {

using std::chrono::days;
using std::chrono::minutes;

class WatchCommandTest : public CliTest {
 protected:
  // Sitting recorded by `limber watch`: 52 minutes yesterday, a reminder today.
  void record_sitting() {
    auto db = store::Database::open(db_path(), {});
    ASSERT_TRUE(db) << db.error().message;
    const store::SittingStore sitting(*db);
    const core::Instant yesterday = kNoon - days{1};
    ASSERT_TRUE(sitting.add_bout({yesterday, yesterday + minutes{52}, 2}, {}));
    ASSERT_TRUE(sitting.add_bout({yesterday + minutes{60}, yesterday + minutes{80}, 0}, {}));
    ASSERT_TRUE(sitting.add_break(
        {yesterday + minutes{52}, yesterday + minutes{60}, core::BreakKind::kConfirmed}, {}));
    auto reminder = sitting.add_reminder({1, kNoon - minutes{30}, minutes{30}}, {}, std::nullopt);
    ASSERT_TRUE(reminder);
    ASSERT_TRUE(
        sitting.answer_reminder(*reminder, kNoon - minutes{29}, core::ReminderOutcome::kStoodUp));
  }
};

TEST_F(WatchCommandTest, HistorySaysHowLongTheLongestStretchWasYesterday) {
  record_sitting();
  const CliResult result = run({"history"});
  EXPECT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("You sat 52 minutes at a stretch yesterday. Today: 1 reminder to "
                            "stand up, 1 answered by standing up."),
            std::string::npos)
      << result.out;
}

TEST_F(WatchCommandTest, HistorySittingJsonListsBoutsBreaksAndReminders) {
  record_sitting();
  const CliResult result = run({"history", "--sitting", "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  const auto log = nlohmann::json::parse(result.out);
  ASSERT_EQ(log["bouts"].size(), 2U);
  EXPECT_EQ(log["bouts"][0]["minutes"], 52);
  EXPECT_EQ(log["bouts"][0]["reminders"], 2);
  EXPECT_EQ(log["breaks"][0]["kind"], "confirmed");
  EXPECT_EQ(log["reminders"][0]["outcome"], "stood-up");
}

TEST_F(WatchCommandTest, TodaysPlanNamesYesterdaysLongestStretch) {
  record_sitting();
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  const CliResult result = run({"today"});
  EXPECT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("You sat 52 minutes at a stretch yesterday"), std::string::npos)
      << result.out;
}

// Issue #18, sit-stand desks: "I was standing" and a standing stretch show as standing.
TEST_F(WatchCommandTest, HistorySittingShowsStandingAtTheDesk) {
  {
    auto db = store::Database::open(db_path(), {});
    ASSERT_TRUE(db) << db.error().message;
    const store::SittingStore sitting(*db);
    const core::Instant start = kNoon - minutes{90};
    ASSERT_TRUE(sitting.add_break({start, start + minutes{40}, core::BreakKind::kStanding}, {}));
    auto reminder = sitting.add_reminder({1, start + minutes{30}, minutes{30}}, {}, std::nullopt);
    ASSERT_TRUE(reminder);
    ASSERT_TRUE(sitting.answer_reminder(*reminder, start + minutes{40},
                                        core::ReminderOutcome::kWasStanding));
  }
  const CliResult text = run({"history", "--sitting"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("stood 40 min"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("0 answered by standing up, 1 by \"I was standing\"."), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("Standing at the desk today: 40 minutes."), std::string::npos)
      << text.out;
  const CliResult json = run({"history", "--sitting", "--json"});
  ASSERT_EQ(json.code, 0) << json.err;
  const auto log = nlohmann::json::parse(json.out);
  EXPECT_EQ(log["breaks"][0]["kind"], "standing");
  EXPECT_EQ(log["reminders"][0]["outcome"], "was-standing");
}

TEST_F(WatchCommandTest, HistorySittingWithoutRecordsSaysHowToStart) {
  const CliResult result = run({"history", "--sitting"});
  EXPECT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("limber watch"), std::string::npos);
}

}  // namespace
}  // namespace limber::testing
