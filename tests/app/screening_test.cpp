#include "app/screening.h"

#include <gtest/gtest.h>

#include "store/diary_store.h"
#include "support/clock.h"
#include "support/entries.h"

namespace limber::app {
namespace {

using core::Flag;
using core::Level;
using std::chrono::days;
using std::chrono::hours;
using testing::kNoon;
using testing::now_at;

std::vector<core::Answer> answers(std::string_view text) {
  return *core::parse_answers(text);
}

class ScreeningTest : public ::testing::Test {
 protected:
  [[nodiscard]] ScreeningService at(core::Instant instant) const { return {db_, now_at(instant)}; }

  void log_pain(core::Instant instant, int pain) const {
    ASSERT_TRUE(store::DiaryStore(db_).add(testing::pain_entry(instant, pain)).has_value());
  }

  store::Database db_ = *store::Database::open_in_memory();
  ScreeningService service_{db_, now_at(kNoon)};
};

TEST_F(ScreeningTest, PlansWaitForTheFirstCheck) {
  auto standing = service_.standing();
  ASSERT_TRUE(standing.has_value()) << standing.error().message;
  EXPECT_FALSE(standing->screened);
  EXPECT_EQ(standing->gate(), Gate::kNeedsScreen);
  auto outcome = service_.screen(answers("none"));
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  EXPECT_EQ(outcome->screening.level, Level::kSelfCare);
  EXPECT_EQ(outcome->standing.gate(), Gate::kOpen);
  EXPECT_EQ(service_.standing()->gate(), Gate::kOpen);
}

TEST_F(ScreeningTest, GatesByLevel) {
  struct Case {
    std::string_view answers;
    Level level;
    Gate gate;
  };
  const Case kCases[] = {
      {"none", Level::kSelfCare, Gate::kOpen},
      {"night-pain", Level::kSeeClinician, Gate::kOpen},
      {"trauma", Level::kUrgent, Gate::kPaused},
      {"bowel", Level::kEmergency, Gate::kPaused},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.answers);
    auto db = *store::Database::open_in_memory();
    const ScreeningService service(db, now_at(kNoon));
    auto outcome = service.screen(answers(c.answers));
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->standing.assessment.level, c.level);
    EXPECT_EQ(outcome->standing.gate(), c.gate);
    EXPECT_EQ(outcome->standing.plans_paused(), c.gate == Gate::kPaused);
  }
}

TEST_F(ScreeningTest, AYesStandsUntilAClinicianHasSeenThePerson) {
  ASSERT_TRUE(service_.screen(answers("fever")).has_value());
  // A later "no" to everything does not lift it.
  auto later = at(kNoon + hours{2}).screen(answers("none"));
  ASSERT_TRUE(later.has_value());
  EXPECT_EQ(later->screening.level, Level::kSelfCare);  // this check on its own
  EXPECT_EQ(later->standing.assessment.level, Level::kUrgent);
  EXPECT_EQ(later->standing.assessment.flags, std::vector<Flag>{Flag::kFever});
  EXPECT_EQ(later->standing.since_visit.size(), 2U);
  EXPECT_EQ(later->standing.gate(), Gate::kPaused);

  auto visit = at(kNoon + hours{5}).record_clinician_seen();
  ASSERT_TRUE(visit.has_value());
  auto standing = at(kNoon + hours{6}).standing();
  ASSERT_TRUE(standing.has_value());
  EXPECT_EQ(standing->assessment.level, Level::kSelfCare);
  EXPECT_EQ(standing->gate(), Gate::kOpen);
  EXPECT_TRUE(standing->since_visit.empty());
  ASSERT_TRUE(standing->last_visit.has_value());
  EXPECT_EQ(standing->last_visit->at, kNoon + hours{5});
}

TEST_F(ScreeningTest, YesAnswersFromSeveralChecksCombine) {
  ASSERT_TRUE(service_.screen(answers("weight-loss")).has_value());
  auto second = at(kNoon + hours{1}).screen(answers("night-pain"));
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->screening.level, Level::kSeeClinician);
  EXPECT_EQ(second->standing.assessment.level, Level::kUrgent);
  EXPECT_TRUE(second->standing.assessment.raised_by_combination);
}

TEST_F(ScreeningTest, ADiaryTrendCountsWithoutAQuestion) {
  log_pain(kNoon - days{2}, 3);
  log_pain(kNoon - days{1}, 4);
  log_pain(kNoon, 6);
  auto outcome = service_.screen(answers("none"));
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->screening.level, Level::kSeeClinician);
  EXPECT_EQ(outcome->screening.flags, std::vector<Flag>{Flag::kPainRising});
  EXPECT_EQ(outcome->standing.gate(), Gate::kOpen);
  // A visit today answers it.
  ASSERT_TRUE(at(kNoon + hours{1}).record_clinician_seen().has_value());
  EXPECT_EQ(at(kNoon + hours{2}).standing()->assessment.level, Level::kSelfCare);
}

TEST_F(ScreeningTest, AVisitBeforeATrendBeganDoesNotAnswerIt) {
  ASSERT_TRUE(at(kNoon - days{3}).screen(answers("none")).has_value());
  ASSERT_TRUE(at(kNoon - days{3}).record_clinician_seen().has_value());
  log_pain(kNoon - days{2}, 2);
  log_pain(kNoon - days{1}, 4);
  log_pain(kNoon, 6);
  auto standing = service_.standing();
  ASSERT_TRUE(standing.has_value());
  EXPECT_EQ(standing->assessment.level, Level::kSeeClinician);
  EXPECT_EQ(standing->assessment.flags, std::vector<Flag>{Flag::kPainRising});
}

// Issue #12, item 2: "I answered wrongly" is a new check that corrects the last one. The
// corrected answers stop counting; both checks stay on record; only the latest check can be
// corrected, and earlier answers and diary trends are never corrected away.
TEST_F(ScreeningTest, ACorrectionReplacesTheLastChecksAnswersAndKeepsBoth) {
  auto wrong = service_.screen(answers("bladder"));
  ASSERT_TRUE(wrong.has_value());
  EXPECT_EQ(wrong->standing.gate(), Gate::kPaused);
  auto corrected = at(kNoon + hours{1}).screen(answers("none"), true);
  ASSERT_TRUE(corrected.has_value()) << corrected.error().message;
  EXPECT_EQ(corrected->screening.corrects, wrong->screening.id);
  EXPECT_EQ(corrected->standing.assessment.level, Level::kSelfCare);
  EXPECT_EQ(corrected->standing.gate(), Gate::kOpen);
  ASSERT_EQ(corrected->standing.since_visit.size(), 2U);
  EXPECT_EQ(corrected->standing.since_visit[0].level, Level::kEmergency) << "kept on record";
  EXPECT_EQ(corrected->standing.since_visit[1].corrects, wrong->screening.id);
  // Without "correcting", a later "no" still does not lift a yes.
  ASSERT_TRUE(at(kNoon + hours{2}).screen(answers("fever")).has_value());
  ASSERT_TRUE(at(kNoon + hours{3}).screen(answers("none")).has_value());
  EXPECT_EQ(at(kNoon + hours{3}).standing()->assessment.level, Level::kUrgent);
  // A correction corrects the latest check only: the fever two checks back still counts.
  ASSERT_TRUE(at(kNoon + hours{4}).screen(answers("none"), true).has_value());
  EXPECT_EQ(at(kNoon + hours{4}).standing()->assessment.level, Level::kUrgent);
}

TEST_F(ScreeningTest, ThereIsNothingToCorrectBeforeACheckOrJustAfterAVisit) {
  auto nothing = service_.screen(answers("none"), true);
  ASSERT_FALSE(nothing.has_value());
  EXPECT_EQ(nothing.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_NE(nothing.error().message.find("no check to correct"), std::string::npos);
  ASSERT_TRUE(service_.screen(answers("trauma")).has_value());
  ASSERT_TRUE(at(kNoon + hours{1}).record_clinician_seen().has_value());
  EXPECT_FALSE(at(kNoon + hours{2}).screen(answers("none"), true).has_value());
}

TEST_F(ScreeningTest, ShowsTheDisclaimerOnce) {
  EXPECT_TRUE(*service_.disclaimer_due());
  ASSERT_TRUE(service_.mark_disclaimer_shown().has_value());
  EXPECT_FALSE(*service_.disclaimer_due());
  ASSERT_TRUE(service_.mark_disclaimer_shown().has_value());
  EXPECT_FALSE(*at(kNoon + days{1}).disclaimer_due());
}

TEST_F(ScreeningTest, TheDisclaimerSaysWhatLimberIsNot) {
  const std::string_view words = disclaimer();
  EXPECT_NE(words.find("not a doctor"), std::string_view::npos);
  EXPECT_NE(words.find("cannot diagnose"), std::string_view::npos);
  EXPECT_NE(words.find("doses"), std::string_view::npos);
  EXPECT_NE(words.find("911, 999 or 112"), std::string_view::npos);
}

TEST_F(ScreeningTest, StoresTheCheckWithItsTime) {
  const ScreeningService service(db_, now_at(kNoon, hours{2}));
  auto outcome = service.screen(answers("chest"));
  ASSERT_TRUE(outcome.has_value());
  auto latest = store::ScreeningStore(db_).latest();
  ASSERT_TRUE(latest.has_value() && latest->has_value());
  EXPECT_EQ((*latest)->at, kNoon);
  EXPECT_EQ((*latest)->utc_offset, hours{2});
  EXPECT_EQ((*latest)->level, Level::kEmergency);
  EXPECT_EQ((*latest)->answers.size(), core::asked_flags().size());
}

}  // namespace
}  // namespace limber::app
