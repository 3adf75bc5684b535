#include "core/red_flags.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::local_days;
using std::chrono::sys_days;

// 2026-11-21, a Saturday: "today" in every trend test.
constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::November,
                                             std::chrono::day{21}};

// A pain entry at 09:00 UTC, `days_ago` days before kToday.
Entry pain_at(int days_ago, int pain, const std::vector<Region>& regions = {}) {
  Entry entry;
  entry.at = Instant{sys_days{kToday} - days{days_ago} + hours{9}};
  PainRecord record{*PainScore::from_int(pain), {}, std::nullopt, std::nullopt};
  for (Region region : regions)
    record.regions.push_back({region, std::nullopt});
  entry.detail = record;
  return entry;
}

std::vector<Flag> flags_of(std::span<const TrendFinding> findings) {
  std::vector<Flag> flags;
  for (const TrendFinding& finding : findings)
    flags.push_back(finding.flag);
  return flags;
}

TEST(RedFlagsTest, KeepsTheStableIdsOfIssueThree) {
  const std::set<std::string_view> asked = {"bladder",     "bowel",      "saddle", "leg-weakness",
                                            "both-legs",   "fever",      "cancer", "trauma",
                                            "weight-loss", "night-pain", "immune", "chest"};
  std::set<std::string_view> found;
  for (const Flag flag : asked_flags())
    found.insert(to_string(flag));
  EXPECT_EQ(found, asked);
  EXPECT_EQ(flag_ids().size(), 14U);
  EXPECT_EQ(to_string(Flag::kNotBetter), "not-better");
  EXPECT_EQ(to_string(Flag::kPainRising), "pain-rising");
}

TEST(RedFlagsTest, EveryFlagRoundTripsAndHasItsWords) {
  std::set<std::string_view> ids;
  for (const FlagInfo& flag : all_flags()) {
    SCOPED_TRACE(flag.id);
    EXPECT_TRUE(ids.insert(flag.id).second);
    auto parsed = parse_flag(flag.id);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, flag.flag);
    EXPECT_EQ(&info(flag.flag), &flag);
    EXPECT_FALSE(flag.summary.empty());
    EXPECT_FALSE(flag.reason.empty());
    EXPECT_GT(flag.level, Level::kSelfCare);
    if (flag.source == FlagSource::kQuestion) {
      EXPECT_TRUE(flag.question.ends_with('?'));
    } else {
      EXPECT_TRUE(flag.question.empty());
      EXPECT_EQ(flag.level, Level::kSeeClinician);
    }
  }
}

// Issue 15: the nerve questions ask about what the cauda equina patient toolkit asks about
// (Greenhalgh et al. 2016), in its plain terms, and the both-legs question counts pain down
// both legs and weakness in both legs as well as numbness (a series of 334 urgent scans:
// bilateral leg pain and leg weakness pointed to the nerves being pressed better than
// bladder trouble did). docs/clinical-basis.md, "Question wording".
TEST(RedFlagsTest, NerveQuestionsAskWhatThePatientToolkitAsks) {
  struct Case {
    Flag flag;
    std::vector<std::string_view> words;
  };
  const std::vector<Case> cases = {
      {Flag::kBladder, {"start", "stop", "leak", "feel", "full"}},
      {Flag::kBowel, {"hold", "leak", "feel"}},
      {Flag::kSaddle, {"pins and needles", "back passage", "toilet paper", "sex"}},
      {Flag::kBothLegs, {"pain", "both legs", "numbness", "tingling", "weak"}},
      {Flag::kLegWeakness, {"weaker", "foot", "knee"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(to_string(c.flag));
    for (std::string_view word : c.words)
      EXPECT_NE(info(c.flag).question.find(word), std::string_view::npos) << word;
  }
  // Still the emergency group: a "yes" ends the questions.
  EXPECT_TRUE(ends_questions(Flag::kBothLegs));
}

TEST(RedFlagsTest, LevelsRoundTripInOrderOfUrgency) {
  const std::vector<std::string_view> expected = {"self-care", "see-clinician", "urgent",
                                                  "emergency"};
  ASSERT_EQ(level_ids().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(level_ids()[i], expected[i]);
    auto level = parse_level(expected[i]);
    ASSERT_TRUE(level.has_value());
    EXPECT_EQ(to_string(*level), expected[i]);
  }
  EXPECT_LT(Level::kSelfCare, Level::kSeeClinician);
  EXPECT_LT(Level::kSeeClinician, Level::kUrgent);
  EXPECT_LT(Level::kUrgent, Level::kEmergency);
  EXPECT_FALSE(parse_level("soon").has_value());
}

TEST(RedFlagsTest, EachFlagAloneHasItsLevel) {
  struct Case {
    Flag flag;
    Level level;
  };
  const std::vector<Case> cases = {
      {Flag::kBladder, Level::kEmergency},      {Flag::kBowel, Level::kEmergency},
      {Flag::kSaddle, Level::kEmergency},       {Flag::kBothLegs, Level::kEmergency},
      {Flag::kChest, Level::kEmergency},        {Flag::kLegWeakness, Level::kUrgent},
      {Flag::kFever, Level::kUrgent},           {Flag::kTrauma, Level::kUrgent},
      {Flag::kCancer, Level::kUrgent},          {Flag::kWeightLoss, Level::kSeeClinician},
      {Flag::kNightPain, Level::kSeeClinician}, {Flag::kImmune, Level::kSeeClinician},
      {Flag::kNotBetter, Level::kSeeClinician}, {Flag::kPainRising, Level::kSeeClinician},
  };
  ASSERT_EQ(cases.size(), all_flags().size());
  for (const Case& c : cases) {
    SCOPED_TRACE(to_string(c.flag));
    const std::vector<Flag> present = {c.flag};
    const Assessment assessment = assess(present);
    EXPECT_EQ(assessment.level, c.level);
    EXPECT_EQ(assessment.flags, present);
    EXPECT_FALSE(assessment.raised_by_combination);
    EXPECT_EQ(info(c.flag).level, c.level);
  }
}

TEST(RedFlagsTest, NoFlagsMeansSelfCare) {
  const Assessment assessment = assess({});
  EXPECT_EQ(assessment.level, Level::kSelfCare);
  EXPECT_TRUE(assessment.flags.empty());
}

TEST(RedFlagsTest, CombinationsFollowTheirRules) {
  struct Case {
    std::string name;
    std::vector<Flag> present;
    Level level;
    bool combined;
  };
  const std::vector<Case> cases = {
      // Several signs of one group stay at the group's level.
      {"two nerve signs", {Flag::kBladder, Flag::kSaddle}, Level::kEmergency, false},
      {"all four nerve signs",
       {Flag::kBothLegs, Flag::kBowel, Flag::kSaddle, Flag::kBladder},
       Level::kEmergency,
       false},
      {"fever and cancer", {Flag::kFever, Flag::kCancer}, Level::kUrgent, false},
      {"trauma and weight loss", {Flag::kTrauma, Flag::kWeightLoss}, Level::kUrgent, false},
      // The most urgent flag wins.
      {"chest and weight loss", {Flag::kChest, Flag::kWeightLoss}, Level::kEmergency, false},
      {"bladder and fever", {Flag::kBladder, Flag::kFever}, Level::kEmergency, false},
      // Pair rules: a worsening leg with cancer or with fever.
      {"leg weakness and cancer", {Flag::kLegWeakness, Flag::kCancer}, Level::kEmergency, true},
      {"leg weakness and fever", {Flag::kFever, Flag::kLegWeakness}, Level::kEmergency, true},
      // Issue 15: after a fall or a blow, back pain with a weakening leg is a spinal injury
      // until shown otherwise (NICE NG41 1.1.3-1.1.4): emergency, not "today".
      {"leg weakness and trauma", {Flag::kLegWeakness, Flag::kTrauma}, Level::kEmergency, true},
      {"leg weakness, cancer and saddle",
       {Flag::kLegWeakness, Flag::kCancer, Flag::kSaddle},
       Level::kEmergency,
       false},
      // Two or more risk factors make it today.
      {"weight loss and night pain", {Flag::kWeightLoss, Flag::kNightPain}, Level::kUrgent, true},
      {"weight loss and immune", {Flag::kImmune, Flag::kWeightLoss}, Level::kUrgent, true},
      {"night pain and not better", {Flag::kNightPain, Flag::kNotBetter}, Level::kUrgent, true},
      {"three risk factors",
       {Flag::kWeightLoss, Flag::kNightPain, Flag::kImmune},
       Level::kUrgent,
       true},
      {"risk factors with trauma",
       {Flag::kWeightLoss, Flag::kNightPain, Flag::kTrauma},
       Level::kUrgent,
       false},
      // A rising diary is not a risk factor: it does not combine.
      {"weight loss and pain rising",
       {Flag::kWeightLoss, Flag::kPainRising},
       Level::kSeeClinician,
       false},
      {"both diary trends", {Flag::kNotBetter, Flag::kPainRising}, Level::kSeeClinician, false},
      {"a repeated flag counts once",
       {Flag::kWeightLoss, Flag::kWeightLoss},
       Level::kSeeClinician,
       false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Assessment assessment = assess(c.present);
    EXPECT_EQ(assessment.level, c.level);
    EXPECT_EQ(assessment.raised_by_combination, c.combined);
    std::set<Flag> unique(c.present.begin(), c.present.end());
    EXPECT_EQ(assessment.flags, std::vector<Flag>(unique.begin(), unique.end()));
  }
}

TEST(RedFlagsTest, EveryPairIsAtLeastAsUrgentAsEitherFlagAndCountsBoth) {
  for (const FlagInfo& first : all_flags()) {
    for (const FlagInfo& second : all_flags()) {
      SCOPED_TRACE(std::string(first.id) + "+" + std::string(second.id));
      const std::vector<Flag> present = {second.flag, first.flag};
      const Assessment assessment = assess(present);
      EXPECT_GE(assessment.level, std::max(first.level, second.level));
      EXPECT_LE(assessment.level, Level::kEmergency);
      EXPECT_TRUE(std::is_sorted(assessment.flags.begin(), assessment.flags.end()));
      EXPECT_EQ(assessment.flags.size(), first.flag == second.flag ? 1U : 2U);
    }
  }
}

TEST(RedFlagsTest, ReadsAnswersFromTheCommandLine) {
  struct Case {
    std::string text;
    std::vector<Flag> yes;
  };
  const std::vector<Case> cases = {
      {"none", {}},
      {"bladder", {Flag::kBladder}},
      {"bladder,fever", {Flag::kBladder, Flag::kFever}},
      {"fever,bladder", {Flag::kBladder, Flag::kFever}},
      {" fever , chest ", {Flag::kChest, Flag::kFever}},
      {"immune,immune", {Flag::kImmune}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto answers = parse_answers(c.text);
    ASSERT_TRUE(answers.has_value()) << answers.error().message;
    ASSERT_EQ(answers->size(), asked_flags().size());
    for (std::size_t i = 0; i < answers->size(); ++i) {
      EXPECT_EQ((*answers)[i].flag, asked_flags()[i]);
    }
    EXPECT_EQ(present_flags(*answers), c.yes);
  }
}

TEST(RedFlagsTest, RefusesBadAnswersWithTheFix) {
  struct Case {
    std::string text;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"", "--answers needs 'none'"},
      {"bladder,", "--answers needs 'none'"},
      {",fever", "--answers needs 'none'"},
      {"bladdr", "Did you mean 'bladder'?"},
      {"legweakness", "Did you mean 'leg-weakness'?"},
      {"NONE", "Did you mean 'none'?"},
      {"pain-rising", "unknown red flag 'pain-rising'"},
      {"headache", "Use one of: bladder, bowel"},
      {"none,fever", "cannot mix 'none'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto answers = parse_answers(c.text);
    ASSERT_FALSE(answers.has_value());
    EXPECT_EQ(answers.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(answers.error().message.find(c.says), std::string::npos) << answers.error().message;
    EXPECT_EQ(answers.error().message.find('\n'), std::string::npos);
  }
}

TEST(RedFlagsTest, OnlyAnEmergencyYesEndsTheQuestions) {
  for (const Flag flag : asked_flags()) {
    SCOPED_TRACE(to_string(flag));
    EXPECT_EQ(ends_questions(flag), info(flag).level == Level::kEmergency);
  }
  EXPECT_TRUE(ends_questions(Flag::kBladder));
  EXPECT_FALSE(ends_questions(Flag::kFever));
}

TEST(RedFlagsTest, AsksTheEmergencyQuestionsFirst) {
  bool past_emergencies = false;
  for (const Flag flag : asked_flags()) {
    if (info(flag).level != Level::kEmergency)
      past_emergencies = true;
    if (past_emergencies) {
      EXPECT_NE(info(flag).level, Level::kEmergency) << to_string(flag);
    }
  }
}

TEST(RedFlagsTest, NotBetterAfterSixWeeks) {
  struct Case {
    std::string name;
    std::vector<Entry> entries;
    bool flagged;
  };
  // Pain `pain` every 3 days from `from` days ago to `to` days ago.
  const auto steady = [](int from, int to, int pain) {
    std::vector<Entry> entries;
    for (int ago = from; ago >= to; ago -= 3)
      entries.push_back(pain_at(ago, pain));
    return entries;
  };
  const auto join = [](std::vector<Entry> a, const std::vector<Entry>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const std::vector<Case> cases = {
      {"an empty diary", {}, false},
      {"the same pain for 45 days", steady(45, 0, 6), true},
      {"exactly 42 days", steady(42, 0, 6), true},
      {"41 days is not 6 weeks yet", steady(41, 2, 6), false},
      {"2 points better", join(steady(45, 39, 7), steady(36, 0, 5)), false},
      {"less than 2 points better",
       join(steady(45, 39, 7), join(steady(36, 3, 6), {pain_at(1, 5)})), true},
      {"worse than at the start", join(steady(45, 39, 4), steady(36, 0, 7)), true},
      {"little or no pain now", join(steady(45, 39, 2), steady(36, 0, 1)), false},
      {"no entry in the last week", steady(60, 9, 6), false},
      {"a 28-day gap starts a new episode", join(steady(100, 70, 6), steady(30, 0, 6)), false},
      {"a 27-day gap does not", join({pain_at(70, 6)}, steady(43, 0, 6)), true},
      {"days without pain do not bridge a gap",
       join(join(steady(100, 70, 6), steady(69, 31, 0)), steady(30, 0, 6)), false},
      {"entries after today are ignored", join(steady(30, 0, 6), {pain_at(-50, 6)}), false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto findings = diary_trends(c.entries, kToday);
    const auto flags = flags_of(findings);
    const bool flagged = std::find(flags.begin(), flags.end(), Flag::kNotBetter) != flags.end();
    EXPECT_EQ(flagged, c.flagged);
  }
}

TEST(RedFlagsTest, NotBetterBeginsSixWeeksIntoTheEpisode) {
  std::vector<Entry> entries;
  for (int ago = 50; ago >= 0; ago -= 5)
    entries.push_back(pain_at(ago, 6));
  const auto findings = diary_trends(entries, kToday);
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings.front().flag, Flag::kNotBetter);
  EXPECT_EQ(findings.front().since, local_days{kToday} - days{50} + days{kNotBetterDays});
}

TEST(RedFlagsTest, PainRisingOverSeveralDays) {
  struct Case {
    std::string name;
    std::vector<Entry> entries;
    bool flagged;
  };
  const std::vector<Case> cases = {
      {"an empty diary", {}, false},
      {"3, 4, 5 on the last three days", {pain_at(2, 3), pain_at(1, 4), pain_at(0, 5)}, true},
      {"with gaps inside the week", {pain_at(6, 3), pain_at(3, 4), pain_at(1, 6)}, true},
      {"the first day falls out of the week", {pain_at(7, 3), pain_at(3, 4), pain_at(1, 6)}, false},
      {"only two days", {pain_at(1, 3), pain_at(0, 7)}, false},
      {"a flat day breaks it", {pain_at(2, 4), pain_at(1, 5), pain_at(0, 5)}, false},
      {"a dip breaks it", {pain_at(2, 5), pain_at(1, 4), pain_at(0, 6)}, false},
      {"a rise of 1 is too small",
       {pain_at(2, 4), pain_at(1, 4), pain_at(1, 5), pain_at(0, 5)},
       false},
      {"falling", {pain_at(2, 7), pain_at(1, 5), pain_at(0, 3)}, false},
      {"days are averaged",
       {pain_at(2, 3), pain_at(2, 3), pain_at(1, 2), pain_at(1, 6), pain_at(0, 5)},
       true},
      {"only the last three days count",
       {pain_at(5, 9), pain_at(2, 3), pain_at(1, 4), pain_at(0, 5)},
       true},
      {"an older rise that stopped",
       {pain_at(5, 3), pain_at(4, 4), pain_at(3, 5), pain_at(0, 2)},
       false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto flags = flags_of(diary_trends(c.entries, kToday));
    const bool flagged = std::find(flags.begin(), flags.end(), Flag::kPainRising) != flags.end();
    EXPECT_EQ(flagged, c.flagged);
  }
}

TEST(RedFlagsTest, PainRisingBeginsOnItsLastDay) {
  const std::vector<Entry> entries = {pain_at(4, 2), pain_at(3, 4), pain_at(1, 6)};
  const auto findings = diary_trends(entries, kToday);
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings.front(), (TrendFinding{Flag::kPainRising, local_days{kToday} - days{1}}));
}

TEST(RedFlagsTest, TrendsReadTheLocalDayOfEachEntry) {
  // 23:30 UTC with a +02:00 offset is 01:30 the next local day.
  auto late = [](int days_ago, int pain) {
    Entry entry = pain_at(days_ago, pain);
    entry.at = Instant{sys_days{kToday} - days{days_ago} + hours{23} + std::chrono::minutes{30}};
    entry.utc_offset = hours{2};
    return entry;
  };
  // Local days: today-2, today-1, today. In UTC they would be today-3, today-2, today-1.
  const std::vector<Entry> entries = {late(3, 3), late(2, 4), late(1, 5)};
  const auto findings = diary_trends(entries, kToday);
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings.front().since, local_days{kToday});
}

TEST(RedFlagsTest, IgnoresEntriesThatAreNotPain) {
  Entry walk;
  walk.at = Instant{sys_days{kToday} + hours{9}};
  walk.detail = WalkRecord{20};
  const std::vector<Entry> entries = {pain_at(2, 3), pain_at(1, 4), walk};
  EXPECT_TRUE(diary_trends(entries, kToday).empty());
  EXPECT_FALSE(pain_in_both_legs(walk));
}

TEST(RedFlagsTest, PainInBothLegsOffersTheCheckAgain) {
  struct Case {
    std::string name;
    std::vector<Region> regions;
    bool both;
  };
  const std::vector<Case> cases = {
      {"left and right thigh", {Region::kLeftThigh, Region::kRightThigh}, true},
      {"left calf and right thigh", {Region::kLeftCalf, Region::kRightThigh}, true},
      {"with the back too", {Region::kLowerBack, Region::kRightCalf, Region::kLeftCalf}, true},
      {"one leg, thigh and calf", {Region::kLeftThigh, Region::kLeftCalf}, false},
      {"the right leg only", {Region::kRightThigh}, false},
      {"both buttocks are not legs", {Region::kLeftButtock, Region::kRightButtock}, false},
      {"both hips are not legs", {Region::kLeftHip, Region::kRightHip}, false},
      {"no regions", {}, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(pain_in_both_legs(pain_at(0, 5, c.regions)), c.both);
  }
}

TEST(RedFlagsTest, AdviceStartsWithTheAction) {
  struct Case {
    std::vector<Flag> present;
    std::string first_words;
  };
  const std::vector<Case> cases = {
      {{Flag::kSaddle}, "Call emergency services now (for example 911, 999 or 112)"},
      {{Flag::kChest}, "Call emergency services now"},
      {{Flag::kFever}, "Contact a doctor today"},
      {{Flag::kWeightLoss}, "Book a visit with a doctor or a physical therapist"},
      {{Flag::kPainRising}, "Book a visit"},
      {{}, "No warning signs found."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.first_words);
    const std::string words = advice(assess(c.present));
    EXPECT_TRUE(words.starts_with(c.first_words)) << words;
    EXPECT_FALSE(words.ends_with('\n'));
  }
}

TEST(RedFlagsTest, AdviceSaysWhyWithoutNamingADiagnosis) {
  const std::vector<Flag> present = {Flag::kBladder, Flag::kBowel, Flag::kChest};
  const std::string words = advice(assess(present));
  for (const Flag flag : present) {
    EXPECT_NE(words.find(info(flag).summary), std::string::npos) << to_string(flag);
  }
  const std::string_view nerves = info(Flag::kBladder).reason;
  const auto first = words.find(nerves);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(words.find(nerves, first + 1), std::string::npos) << "a shared reason is said once";
  EXPECT_NE(words.find(info(Flag::kChest).reason), std::string::npos);
  EXPECT_NE(words.find("Do not do any exercises"), std::string::npos);
  for (const char* diagnosis : {"cauda equina", "syndrome", "you have", "dose"}) {
    EXPECT_EQ(words.find(diagnosis), std::string::npos) << diagnosis;
  }
}

TEST(RedFlagsTest, AdviceExplainsACombination) {
  const std::vector<Flag> today = {Flag::kWeightLoss, Flag::kNightPain};
  EXPECT_NE(advice(assess(today)).find("Together, these signs should be checked today."),
            std::string::npos);
  const std::vector<Flag> now = {Flag::kLegWeakness, Flag::kCancer};
  EXPECT_NE(advice(assess(now)).find("Together, these signs need help straight away."),
            std::string::npos);
  const std::vector<Flag> alone = {Flag::kFever};
  EXPECT_EQ(advice(assess(alone)).find("Together"), std::string::npos);
}

}  // namespace
}  // namespace limber::core
