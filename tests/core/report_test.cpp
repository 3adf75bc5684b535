#include "core/report.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "support/entries.h"

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::hours;
using testing::october_day;

Instant at(int on_day, int hour = 9) {
  return testing::at_hour(october_day(on_day), hour);
}

Entry pain(int on_day, int value, std::vector<RegionRating> regions = {{Region::kLowerBack, {}}},
           std::optional<Mobility> mobility = std::nullopt, std::string note = "") {
  return testing::noted(testing::pain_entry(at(on_day), value, std::move(regions), mobility),
                        std::move(note));
}

Entry with_detail(int on_day, EntryDetail detail, int hour = 12) {
  Entry entry;
  entry.at = at(on_day, hour);
  entry.detail = std::move(detail);
  return entry;
}

Report report_of(const std::vector<Entry>& entries, int from, int to,
                 std::span<const CheckRecord> checks = {},
                 std::span<const SittingRecord> sitting = {}) {
  ReportInput input;
  input.from = october_day(from);
  input.to = october_day(to);
  input.entries = entries;
  input.checks = checks;
  input.sitting = sitting;
  return build_report(input);
}

TEST(ReportTest, CountsPainRatingsAndTheirRangeInThePeriodOnly) {
  const std::vector<Entry> entries = {pain(-3, 9), pain(0, 7), pain(3, 5), pain(6, 2), pain(20, 8)};
  const Report report = report_of(entries, 0, 13);
  EXPECT_EQ(report.pain_entries, 3);
  EXPECT_EQ(report.pain_lowest, 2);
  EXPECT_EQ(report.pain_highest, 7);
  ASSERT_EQ(report.progress.days.size(), 14U);
  // The 7-day line on the first day reaches back before the period.
  ASSERT_TRUE(report.progress.days.front().pain_7day.has_value());
  EXPECT_DOUBLE_EQ(*report.progress.days.front().pain_7day, 8.0);
  EXPECT_FALSE(report.empty());
}

TEST(ReportTest, CountsEachRegionPerWeekWithItsOwnMeanPain) {
  const std::vector<Entry> entries = {
      pain(0, 6, {{Region::kLowerBack, {}}, {Region::kNeck, PainScore::from_int(2).value()}}),
      pain(1, 4, {{Region::kLowerBack, {}}}),
      pain(9, 3, {{Region::kNeck, {}}}),
  };
  const Report report = report_of(entries, 0, 13);
  ASSERT_EQ(report.columns.size(), 2U);
  EXPECT_EQ(report.columns.front().start, october_day(0));
  EXPECT_EQ(report.columns.back().last, october_day(13));
  ASSERT_EQ(report.regions.size(), 2U);
  // Two each: the order is stable, lower back (the enum's first) before the neck.
  EXPECT_EQ(report.regions[0].region, Region::kLowerBack);
  EXPECT_EQ(report.regions[0].entries, (std::vector<int>{2, 0}));
  EXPECT_DOUBLE_EQ(*report.regions[0].mean_pain, 5.0);
  EXPECT_EQ(report.regions[1].entries, (std::vector<int>{1, 1}));
  EXPECT_DOUBLE_EQ(*report.regions[1].mean_pain, 2.5);  // its own 2, then the entry's 3
}

TEST(ReportTest, GroupsWeeksIntoAtMostSixteenColumnsForALongPeriod) {
  const std::vector<Entry> entries = {pain(0, 5), pain(364, 3)};
  const Report report = report_of(entries, 0, 364);
  EXPECT_LE(report.columns.size(), kMaxRegionColumns);
  EXPECT_EQ(report.columns.back().last, october_day(364));
  EXPECT_EQ(report.columns.front().start, october_day(0));
  ASSERT_EQ(report.regions.size(), 1U);
  int total = 0;
  for (int n : report.regions[0].entries)
    total += n;
  EXPECT_EQ(total, 2);
  EXPECT_EQ(report.regions[0].entries.back(), 1);
  EXPECT_EQ(report.regions[0].entries.front(), 1);
}

TEST(ReportTest, MilestonesAreTheLevelsReachedInTheLatestClimb) {
  const std::vector<Entry> entries = {
      pain(0, 5, {}, Mobility::kMove),  // before the spasm: up and about
      pain(2, 9, {}, Mobility::kLie),   // locked
      pain(4, 7, {}, Mobility::kStand),
      pain(5, 7, {}, Mobility::kLie),  // bad morning: lying down again
      pain(6, 6, {}, Mobility::kStand),
      pain(8, 5, {}, Mobility::kWalk),
      pain(9, 5, {}, Mobility::kStand),  // a bad day one level down is no new start
      pain(12, 2, {}, Mobility::kMove),
  };
  const Report report = report_of(entries, 0, 13);
  EXPECT_EQ(report.mobility_at_start, Mobility::kMove);
  EXPECT_EQ(report.mobility_at_end, Mobility::kMove);
  EXPECT_EQ(report.setback, october_day(5));
  ASSERT_EQ(report.milestones.size(), 3U);
  EXPECT_EQ(report.milestones[0].mobility, Mobility::kStand);
  EXPECT_EQ(report.milestones[0].day, october_day(6));
  EXPECT_EQ(report.milestones[1].day, october_day(8));
  EXPECT_EQ(report.milestones[2].mobility, Mobility::kMove);
  EXPECT_EQ(report.milestones[2].day, october_day(12));
}

TEST(ReportTest, TheLevelAtThePeriodsStartIsNoMilestone) {
  const std::vector<Entry> entries = {pain(0, 4, {}, Mobility::kWalk),
                                      pain(3, 3, {}, Mobility::kWalk)};
  const Report report = report_of(entries, 0, 6);
  EXPECT_TRUE(report.milestones.empty());
  EXPECT_FALSE(report.setback.has_value());
}

TEST(ReportTest, KeepsTheLatestSessionsAndNotesOldestFirst) {
  std::vector<Entry> entries;
  for (int d = 0; d < 12; ++d) {
    entries.push_back(with_detail(d, SessionRecord{{"yoga-cat-cow"},
                                                   *PainScore::from_int(4),
                                                   *PainScore::from_int(d % 2 == 0 ? 3 : 6),
                                                   10}));
    entries.push_back(
        pain(d, 4, {{Region::kLowerBack, {}}}, std::nullopt, "note " + std::to_string(d)));
  }
  const Report report = report_of(entries, 0, 13);
  EXPECT_EQ(report.sessions_total, 12U);
  ASSERT_EQ(report.sessions.size(), kMaxSessionLines);
  EXPECT_EQ(report.sessions.front().at, to_local(at(4, 12), std::chrono::seconds{0}));
  EXPECT_EQ(report.sessions.back().pain_after, 6);
  EXPECT_EQ(report.sessions.back().exercises, (std::vector<std::string>{"yoga-cat-cow"}));
  EXPECT_EQ(report.notes_total, 12U);
  ASSERT_EQ(report.notes.size(), kMaxNoteLines);
  EXPECT_EQ(report.notes.back().text, "note 11");
  EXPECT_EQ(report.progress.flares, 6);  // 4 to 6 on every other day
}

// Issue 15: the tags logged on a flare's day or the day before, each once per flare, most
// often first; a tag logged only on calm days is not among them.
TEST(ReportTest, CountsTheTagsLoggedOnAFlaresDayOrTheDayBefore) {
  const auto tagged = [](Entry entry, std::vector<std::string> tags) {
    return testing::tagged(std::move(entry), std::move(tags));
  };
  const std::vector<Entry> entries = {
      tagged(pain(0, 3), {"desk"}),
      pain(1, 3),
      tagged(with_detail(1, WalkRecord{30}), {"gardening"}),
      pain(2, 6),  // 3 above yesterday: a flare, after gardening
      pain(3, 3),
      tagged(pain(4, 3), {"lifting"}),
      tagged(pain(5, 7), {"long-drive", "lifting"}),  // a flare
      pain(8, 3),
      tagged(pain(9, 6), {"gardening"}),  // a flare
  };
  const Report report = report_of(entries, 0, 9);
  EXPECT_EQ(report.flare_tags.flares, 3);
  EXPECT_EQ(report.flare_tags.flares_with_tags, 3);
  EXPECT_EQ(report.flare_tags.tags,
            (std::vector<TagCount>{{"gardening", 2}, {"lifting", 1}, {"long-drive", 1}}));
  EXPECT_EQ(report.progress.tags.size(), 4U);  // desk too: every tag of the period

  const Report calm = report_of({tagged(pain(0, 3), {"desk"}), pain(1, 3)}, 0, 1);
  EXPECT_EQ(calm.flare_tags.flares, 0);
  EXPECT_TRUE(calm.flare_tags.tags.empty());
}

TEST(ReportTest, ShortensALongNoteAtAWordAndJoinsItsLines) {
  std::string note = "first line\n";
  while (note.size() < 400)
    note += "ache ";
  const std::vector<Entry> entries = {pain(0, 4, {}, std::nullopt, note)};
  const Report report = report_of(entries, 0, 0);
  ASSERT_EQ(report.notes.size(), 1U);
  EXPECT_LE(report.notes[0].text.size(), kMaxNoteChars + 3);
  EXPECT_TRUE(report.notes[0].text.starts_with("first line ache"));
  EXPECT_TRUE(report.notes[0].text.ends_with("ache…"));
}

// Issue 11, defect 3: shortened by characters as a person sees them, never inside one.
TEST(ReportTest, ShortensANoteByCharactersNeverInsideOne) {
  std::string note = "Rücken ";
  for (int i = 0; i < 152; ++i)
    note += "é";
  note += "👍🏽https://example.org/a-web-address-too-long-to-cut-at-a-space";
  const std::vector<Entry> entries = {pain(0, 4, {}, std::nullopt, note)};
  const Report report = report_of(entries, 0, 0);
  ASSERT_EQ(report.notes.size(), 1U);
  const std::string& text = report.notes[0].text;
  EXPECT_TRUE(utf8::is_valid(text)) << text;
  // 160 characters as a person sees them: the thumb keeps its skin tone, then "…".
  EXPECT_EQ(utf8::count(text), kMaxNoteChars + 2);
  EXPECT_TRUE(text.ends_with("é👍🏽…")) << text;

  const std::vector<Entry> unreadable = {pain(0, 4, {}, std::nullopt, "caf\xE9\nbar")};
  EXPECT_EQ(report_of(unreadable, 0, 0).notes[0].text, "caf\uFFFD bar");
}

TEST(ReportTest, GroupsReliefByKindAndNameMostUsedFirst) {
  const std::vector<Entry> entries = {
      with_detail(0, ReliefRecord{ReliefKind::kHeat, "hot water bottle"}),
      with_detail(1, ReliefRecord{ReliefKind::kMedication, "ibuprofen"}),
      with_detail(2, ReliefRecord{ReliefKind::kMedication, "ibuprofen"}),
      with_detail(3, ReliefRecord{ReliefKind::kMedication, ""}),
  };
  const Report report = report_of(entries, 0, 6);
  ASSERT_EQ(report.reliefs.size(), 3U);
  EXPECT_EQ(report.reliefs[0].name, "ibuprofen");
  EXPECT_EQ(report.reliefs[0].times, 2);
  EXPECT_EQ(report.reliefs[0].first, october_day(1));
  EXPECT_EQ(report.reliefs[0].last, october_day(2));
}

TEST(ReportTest, AddsWalksSessionsAndSittingPerWeek) {
  const std::vector<Entry> entries = {with_detail(0, WalkRecord{15}),
                                      with_detail(1, WalkRecord{20}),
                                      with_detail(8, WalkRecord{30})};
  const std::vector<SittingRecord> sitting = {
      {to_local(at(1, 10), std::chrono::seconds{0}), std::chrono::minutes{50}},
      {to_local(at(1, 14), std::chrono::seconds{0}), std::chrono::minutes{70}},
      {to_local(at(30, 14), std::chrono::seconds{0}), std::chrono::minutes{99}},  // after
  };
  const Report report = report_of(entries, 0, 13, {}, sitting);
  ASSERT_EQ(report.activity.size(), 2U);
  EXPECT_EQ(report.activity[0].walks, 2);
  EXPECT_EQ(report.activity[0].walk_minutes, 35);
  EXPECT_EQ(report.activity[0].sitting_bouts, 2);
  EXPECT_EQ(report.activity[0].sat, std::chrono::minutes{120});
  EXPECT_EQ(report.activity[0].longest_sit, std::chrono::minutes{70});
  EXPECT_EQ(report.activity[1].walk_minutes, 30);
  EXPECT_EQ(report.activity[1].sitting_bouts, 0);
}

TEST(ReportTest, ListsTheChecksInThePeriodAndTheLatestBefore) {
  const std::vector<CheckRecord> checks = {
      {to_local(at(-20), std::chrono::seconds{0}), Level::kSelfCare, {}, 12, std::nullopt},
      {to_local(at(-5), std::chrono::seconds{0}),
       Level::kSeeClinician,
       {Flag::kFever},
       12,
       std::nullopt},
      {to_local(at(3), std::chrono::seconds{0}), Level::kSelfCare, {}, 12, std::nullopt},
  };
  const std::vector<Entry> entries = {pain(1, 3)};
  const Report report = report_of(entries, 0, 6, checks);
  ASSERT_EQ(report.checks.size(), 1U);
  EXPECT_EQ(report.checks[0].level, Level::kSelfCare);
  ASSERT_TRUE(report.check_before.has_value());
  EXPECT_EQ(report.check_before->level, Level::kSeeClinician);
}

TEST(ReportTest, IsEmptyWhenThePeriodHoldsNothing) {
  const std::vector<Entry> entries = {pain(0, 5), pain(30, 5)};
  EXPECT_TRUE(report_of(entries, 10, 20).empty());
}

TEST(ReportTest, RefusesAPeriodThatEndsBeforeItStartsOrIsTooLong) {
  EXPECT_TRUE(check_period(october_day(0), october_day(0)).has_value());
  const auto backwards = check_period(october_day(5), october_day(1));
  ASSERT_FALSE(backwards.has_value());
  EXPECT_EQ(backwards.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(backwards.error().message.find("start on 6 Oct 2026, after it ends on 2 Oct 2026"),
            std::string::npos);
  EXPECT_FALSE(check_period(october_day(0), october_day(kMaxReportDays)).has_value());
}

TEST(ReportTest, WritesDaysTheWayPeopleReadThem) {
  EXPECT_EQ(report_day(october_day(0)), "1 Oct 2026");
  EXPECT_EQ(report_day(october_day(61)), "1 Dec 2026");
}

// Issue #12, item 12: the flare on day 5 (walk to stand) did not show, only lying down again.
TEST(ReportTest, ListsEverySlideBackInMobility) {
  const std::vector<Entry> entries = {
      pain(0, 8, {}, Mobility::kLie),  pain(2, 6, {}, Mobility::kStand),
      pain(3, 5, {}, Mobility::kWalk), pain(4, 7, {}, Mobility::kStand),  // the flare
      pain(6, 4, {}, Mobility::kWalk), pain(8, 3, {}, Mobility::kMove),
      pain(9, 6, {}, Mobility::kLie),  // locked again
  };
  const Report report = report_of(entries, 0, 10);
  ASSERT_EQ(report.setbacks.size(), 2U);
  EXPECT_EQ(report.setbacks[0].day, october_day(4));
  EXPECT_EQ(report.setbacks[0].from, Mobility::kWalk);
  EXPECT_EQ(report.setbacks[0].to, Mobility::kStand);
  EXPECT_EQ(report.setbacks[1].day, october_day(9));
  EXPECT_EQ(report.setbacks[1].from, Mobility::kMove);
  EXPECT_EQ(report.setbacks[1].to, Mobility::kLie);
}

// Issue #12, item 12: a first week of three days read as a whole one.
TEST(ReportTest, AShortFirstWeekSaysHowManyDaysItHas) {
  const std::vector<Entry> entries = {pain(0, 5), pain(9, 3)};
  const Report report = report_of(entries, 0, 9);  // 10 days: 3, then 7
  ASSERT_EQ(report.activity.size(), 2U);
  EXPECT_EQ(report.activity[0].start, october_day(0));
  EXPECT_EQ(report.activity[0].days, 3);
  EXPECT_EQ(report.activity[1].start, october_day(3));
  EXPECT_EQ(report.activity[1].days, 7);
}

// Issue #12, items 9 and 12: the functional scale's ratings were shown nowhere.
TEST(ReportTest, CarriesEachActivityWithItsRatingsAndTrend) {
  const std::vector<Entry> entries = {pain(0, 7), pain(9, 3)};
  const std::vector<FunctionRatingRecord> ratings = {
      {"put on socks", LocalTime{(october_day(1) + hours{9}).time_since_epoch()}, 2},
      {"put on socks", LocalTime{(october_day(8) + hours{9}).time_since_epoch()}, 6},
      {"put on socks", LocalTime{(october_day(5) + hours{9}).time_since_epoch()}, 3},
      {"carry shopping", LocalTime{(october_day(4) + hours{9}).time_since_epoch()}, 4},
      {"put on socks", LocalTime{(october_day(20) + hours{9}).time_since_epoch()},
       9},  // after `to`
  };
  ReportInput input;
  input.from = october_day(0);
  input.to = october_day(9);
  input.entries = entries;
  input.function_activities = {"put on socks", "carry shopping", "sit through a film"};
  input.function_ratings = ratings;
  input.name = "Ada Lovelace";
  const Report report = build_report(input);
  EXPECT_EQ(report.name, "Ada Lovelace");
  ASSERT_EQ(report.function.size(), 3U);
  const FunctionLine& socks = report.function[0];
  EXPECT_EQ(socks.activity, "put on socks");
  ASSERT_EQ(socks.ratings.size(), 3U);
  EXPECT_EQ(socks.first, 2);
  EXPECT_EQ(socks.latest, 6);
  EXPECT_EQ(socks.latest_day, october_day(8));
  EXPECT_EQ(socks.change(), 4);
  EXPECT_EQ(report.function[1].ratings.size(), 1U);
  EXPECT_EQ(report.function[1].change(), std::nullopt) << "one rating is no trend";
  EXPECT_TRUE(report.function[2].ratings.empty());
}

TEST(ReportTest, ANameIsOneShortLine) {
  EXPECT_EQ(check_report_name("  Ada Lovelace ", "name"), "Ada Lovelace");
  EXPECT_FALSE(check_report_name("Ada\nLovelace", "name"));
  EXPECT_FALSE(check_report_name(std::string(81, 'a'), "name"));
}

}  // namespace
}  // namespace limber::core
