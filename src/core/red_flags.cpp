#include "core/red_flags.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "core/vocabulary.h"

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::local_days;

constexpr std::array<std::string_view, 4> kLevelIds = {"self-care", "see-clinician", "urgent",
                                                       "emergency"};

// Shared reasons: the flags of one group are explained once.
constexpr std::string_view kNerveReason =
    "With back pain, signs like these can point to a serious problem with the nerves at the "
    "base of the spine. They need a check within hours: waiting can cause lasting harm.";
constexpr std::string_view kChestReason =
    "Chest pain or trouble breathing can come from the heart, the lungs or a large blood "
    "vessel. It needs a check straight away.";
constexpr std::string_view kWeaknessReason =
    "A leg or foot that keeps getting weaker can mean a nerve is being pressed. A doctor "
    "should examine you today.";
constexpr std::string_view kFeverReason =
    "Fever or chills with back pain can be a sign of an infection, which needs treatment.";
constexpr std::string_view kTraumaReason =
    "After a fall, an accident or a blow, a doctor should check the bones of your spine.";
constexpr std::string_view kCancerReason =
    "After cancer, new back pain should be checked by a doctor, to make sure the two are "
    "not linked.";
constexpr std::string_view kWeightReason =
    "Losing weight without trying should be checked by a doctor, back pain or not.";
constexpr std::string_view kNightReason =
    "Pain that no position eases, and that is worse at night, is not how a muscle spasm "
    "usually behaves. It should be checked.";
constexpr std::string_view kImmuneReason =
    "These raise the risk of an infection or of weak bones, so back pain should be checked.";
constexpr std::string_view kNotBetterReason =
    "Pain that lasts this long should be looked at by a doctor or a physical therapist.";
constexpr std::string_view kRisingReason =
    "Pain that keeps going up should be looked at by a doctor or a physical therapist.";

// The vocabulary and each flag's own level. Sources (docs/clinical-basis.md has the detail):
// NICE NG59 1.1.1 (exclude specific causes: cancer, infection, trauma, inflammatory
// disease) with the red flags of NICE CKS "Back pain - low (without radiculopathy)" and
// "Sciatica (lumbar radiculopathy)"; the ACP/APS 2007 guideline (Chou et al.) that the ACP
// 2017 guideline (Qaseem et al.) relies on for evaluation.
constexpr std::array<FlagInfo, 14> kFlags = {{
    // The nerve questions ask what the cauda equina patient card asks (Greenhalgh et al. 2016,
    // issue 15), in its plain terms.
    // NICE CKS: suspected cauda equina syndrome (urinary retention or incontinence) ->
    // immediate emergency assessment. ACP 2007 table 2: urinary retention. Toolkit: harder
    // to start or stop the flow, less feeling, leaking or pads, not knowing if full.
    {Flag::kBladder, "bladder", FlagSource::kQuestion, Level::kEmergency,
     "Has passing urine changed: is it harder to start or stop, do you leak, do you feel less "
     "as it passes, or can you not tell when your bladder is full?",
     "a change in passing urine (harder to start or stop, leaking, or less feeling)", kNerveReason},
    // NICE CKS: cauda equina, faecal incontinence -> emergency. ACP 2007: fecal incontinence.
    // Toolkit: cannot stop a bowel movement, leaking, less feeling as it passes.
    {Flag::kBowel, "bowel", FlagSource::kQuestion, Level::kEmergency,
     "Can you no longer hold back a bowel movement, do you leak, or do you feel less as one "
     "passes?",
     "less control of the bowels, leaking, or less feeling", kNerveReason},
    // NICE CKS: cauda equina, saddle anaesthesia -> emergency. ACP 2007: saddle anesthesia.
    // Toolkit: pins and needles too, the back passage, wiping, feeling during sex.
    {Flag::kSaddle, "saddle", FlagSource::kQuestion, Level::kEmergency,
     "Is there numbness or pins and needles between your legs, around your back passage or on "
     "your buttocks, or does it feel different when you wipe with toilet paper or during sex?",
     "numbness or pins and needles between the legs or around the back passage", kNerveReason},
    // NICE CKS "Sciatica": bilateral leg symptoms are a cauda equina red flag -> emergency.
    // A series of 334 urgent scans for suspected cauda equina syndrome: pain in both legs
    // (odds ratio 5.0) and leg weakness (5.4) pointed to it better than bladder trouble did,
    // so pain and weakness in both legs count here, not numbness alone (issue 15).
    {Flag::kBothLegs, "both-legs", FlagSource::kQuestion, Level::kEmergency,
     "Do you have pain shooting down both legs, or numbness, tingling or weakness in both legs?",
     "pain shooting down both legs, or numbness, tingling or weakness in both legs", kNerveReason},
    // limber's own reading (issue #3): chest symptoms are not a back problem to wait on.
    {Flag::kChest, "chest", FlagSource::kQuestion, Level::kEmergency,
     "Do you have pain in your chest, or trouble breathing?",
     "pain in the chest, or trouble breathing", kChestReason},
    // NICE CKS "Sciatica": progressive neurological deficit -> urgent specialist assessment.
    // ACP 2007 recommendation 3: severe or progressive neurologic deficits -> prompt work-up.
    // The 334 scans: leg weakness was the strongest single sign (issue 15).
    {Flag::kLegWeakness, "leg-weakness", FlagSource::kQuestion, Level::kUrgent,
     "Is a leg or foot getting weaker: for example, your foot catches or slaps as you walk, "
     "or your knee gives way?",
     "a leg or foot getting weaker", kWeaknessReason},
    // NICE CKS: spinal infection (fever, feeling unwell). ACP 2007: fever (vertebral infection).
    {Flag::kFever, "fever", FlagSource::kQuestion, Level::kUrgent,
     "Do you have a fever or chills, or do you feel very unwell?",
     "fever, chills or feeling very unwell", kFeverReason},
    // NICE CKS: spinal fracture (significant trauma). NG59 1.1.1: exclude trauma.
    {Flag::kTrauma, "trauma", FlagSource::kQuestion, Level::kUrgent,
     "Have you recently had a fall, an accident or a blow to your back?",
     "a recent fall, accident or blow to the back", kTraumaReason},
    // NICE CKS and NICE NG234 (spinal metastases): past cancer with new back pain.
    // ACP 2007: history of cancer is the strongest single risk factor for cancer.
    {Flag::kCancer, "cancer", FlagSource::kQuestion, Level::kUrgent, "Have you ever had cancer?",
     "a history of cancer", kCancerReason},
    // NICE CKS and ACP 2007: unexplained weight loss (cancer risk factor).
    {Flag::kWeightLoss, "weight-loss", FlagSource::kQuestion, Level::kSeeClinician,
     "Have you lost weight without trying?", "weight loss without trying", kWeightReason},
    // NICE CKS: pain that is constant, progressive, not eased by rest, worse at night.
    {Flag::kNightPain, "night-pain", FlagSource::kQuestion, Level::kSeeClinician,
     "Is the pain there all the time, with no position that eases it, and worse at night?",
     "constant pain that no position eases, worse at night", kNightReason},
    // NICE CKS: immunosuppression and intravenous drug use (infection), long-term
    // corticosteroids (fracture). ACP 2007: IV drug use, steroid use.
    {Flag::kImmune, "immune", FlagSource::kQuestion, Level::kSeeClinician,
     "Is your immune system weakened by an illness or a medicine, do you take steroid "
     "tablets long term, or do you inject drugs?",
     "a weakened immune system, long-term steroids, or injecting drugs", kImmuneReason},
    // The 6-week review point (NICE CG88 "persistent" pain, CKS review); ACP 2007 lists
    // "failure to improve after 1 month". The measure of "better" is limber's own reading.
    {Flag::kNotBetter, "not-better", FlagSource::kDiary, Level::kSeeClinician, "",
     "pain no better after 6 weeks (from your diary)", kNotBetterReason},
    // limber's own reading: NG59 1.1.1 asks to think again when symptoms change.
    {Flag::kPainRising, "pain-rising", FlagSource::kDiary, Level::kSeeClinician, "",
     "pain going up over several days (from your diary)", kRisingReason},
}};

constexpr std::array<std::string_view, kFlags.size()> kFlagIds = [] {
  std::array<std::string_view, kFlags.size()> ids{};
  for (std::size_t i = 0; i < kFlags.size(); ++i)
    ids.at(i) = kFlags.at(i).id;
  return ids;
}();

constexpr std::size_t kAskedCount = 12;

constexpr std::array<Flag, kAskedCount> kAsked = [] {
  std::array<Flag, kAskedCount> asked{};
  for (std::size_t i = 0; i < kAskedCount; ++i)
    asked.at(i) = kFlags.at(i).flag;
  return asked;
}();

// What --answers accepts: the asked ids, then "none".
constexpr std::string_view kNone = "none";
constexpr std::array<std::string_view, kAskedCount + 1> kAnswerWords = [] {
  std::array<std::string_view, kAskedCount + 1> words{};
  for (std::size_t i = 0; i < kAskedCount; ++i)
    words.at(i) = kFlags.at(i).id;
  words.at(kAskedCount) = kNone;
  return words;
}();

// Two flags that together mean more than each alone.
struct PairRule {
  Flag first;
  Flag second;
  Level level;
};

constexpr std::array<PairRule, 3> kPairRules = {{
    // NICE NG234 (spinal metastases and metastatic spinal cord compression): known cancer
    // with nerve symptoms in the legs -> contact the specialist team immediately.
    {Flag::kLegWeakness, Flag::kCancer, Level::kEmergency},
    // limber's own reading of NICE CKS: infection signs with a worsening nerve deficit can
    // mean an infection pressing on the nerves, which cannot wait for tomorrow.
    {Flag::kLegWeakness, Flag::kFever, Level::kEmergency},
    // NICE NG41 1.1.3-1.1.4 (spinal injury): after a fall or a blow, spinal pain with a
    // weak leg or foot is treated as a spinal injury at once (issue 15).
    {Flag::kLegWeakness, Flag::kTrauma, Level::kEmergency},
}};

// ACP 2007 (table 2 and recommendation 3): several risk factors together raise the
// suspicion of a serious cause more than one alone. Which signs count, and "two make it
// today", are limber's own reading.
constexpr std::array<Flag, 4> kRiskFactors = {Flag::kWeightLoss, Flag::kNightPain, Flag::kImmune,
                                              Flag::kNotBetter};
constexpr std::size_t kRiskFactorsForUrgent = 2;

std::string_view headline(Level level) {
  switch (level) {
    case Level::kEmergency:
      return "Call emergency services now (for example 911, 999 or 112), or go to an "
             "emergency department.\n"
             "Do not wait to see if it passes. Do not drive yourself.";
    case Level::kUrgent:
      return "Contact a doctor today: your doctor's practice, an urgent care centre, or a "
             "medical helpline.\n"
             "If it gets worse, or you feel very unwell, call emergency services (for example "
             "911, 999 or 112).";
    case Level::kSeeClinician:
      return "Book a visit with a doctor or a physical therapist in the next few days.\n"
             "Until then, you can go on with gentle home care. Stop anything that makes the "
             "pain worse.";
    case Level::kSelfCare:
      return "No warning signs found. You can go on with gentle home care.";
  }
  return "";
}

std::string_view closing(Level level) {
  switch (level) {
    case Level::kEmergency:
    case Level::kUrgent:
      return "Do not do any exercises until a clinician has seen you.";
    case Level::kSeeClinician:
      return "If anything gets worse, or a new symptom appears, run the safety check again.";
    case Level::kSelfCare:
      return "This is not a diagnosis. If anything changes, or a new symptom appears, run the "
             "safety check again.";
  }
  return "";
}

local_days day_of(const Entry& entry) {
  return std::chrono::floor<days>(entry.local_time());
}

struct PainPoint {
  local_days day;
  int pain = 0;
};

double mean_in(std::span<const PainPoint> points, local_days first, local_days last) {
  int sum = 0;
  int count = 0;
  for (const PainPoint& point : points) {
    if (point.day < first || point.day > last)
      continue;
    sum += point.pain;
    ++count;
  }
  return count == 0 ? 0.0 : static_cast<double>(sum) / count;
}

bool any_in(std::span<const PainPoint> points, local_days first, local_days last) {
  return std::any_of(points.begin(), points.end(), [&](const PainPoint& point) {
    return point.day >= first && point.day <= last;
  });
}

std::optional<TrendFinding> not_better(std::span<const PainPoint> points, local_days today) {
  // The current episode starts at the first entry with pain above 0 after the last gap of
  // kEpisodeGapDays or more between such entries.
  std::optional<local_days> start;
  std::optional<local_days> previous;
  for (const PainPoint& point : points) {
    if (point.pain == 0)
      continue;
    if (!previous || point.day - *previous >= days{kEpisodeGapDays})
      start = point.day;
    previous = point.day;
  }
  if (!start || today - *start < days{kNotBetterDays})
    return std::nullopt;
  const local_days week_ago = today - days{kTrendWindowDays - 1};
  if (!any_in(points, week_ago, today))
    return std::nullopt;
  const double recent = mean_in(points, week_ago, today);
  const double first = mean_in(points, *start, *start + days{kTrendWindowDays - 1});
  if (recent <= kLittleOrNoPain || first - recent >= kBetterByPoints)
    return std::nullopt;
  return TrendFinding{Flag::kNotBetter, *start + days{kNotBetterDays}};
}

std::optional<TrendFinding> pain_rising(std::span<const PainPoint> points, local_days today) {
  std::map<local_days, std::pair<int, int>> by_day;  // day -> (sum, count)
  for (const PainPoint& point : points) {
    auto& [sum, count] = by_day[point.day];
    sum += point.pain;
    ++count;
  }
  constexpr auto kDays = static_cast<std::size_t>(kRisingDays);
  if (by_day.size() < kDays)
    return std::nullopt;
  std::vector<std::pair<local_days, double>> last;
  for (auto it = by_day.rbegin(); it != by_day.rend() && last.size() < kDays; ++it) {
    last.emplace_back(it->first, static_cast<double>(it->second.first) / it->second.second);
  }
  std::reverse(last.begin(), last.end());
  if (last.front().first < today - days{kTrendWindowDays - 1})
    return std::nullopt;
  for (std::size_t i = 1; i < last.size(); ++i) {
    if (last[i].second <= last[i - 1].second)
      return std::nullopt;
  }
  if (last.back().second - last.front().second < kRisingByPoints)
    return std::nullopt;
  return TrendFinding{Flag::kPainRising, last.back().first};
}

bool has(std::span<const Flag> flags, Flag flag) {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

}  // namespace

std::string_view to_string(Level level) {
  return kLevelIds.at(static_cast<std::size_t>(level));
}

std::span<const std::string_view> level_ids() {
  return kLevelIds;
}

Result<Level> parse_level(std::string_view text) {
  return parse_name(text, kLevelIds, "level").transform([](std::size_t i) {
    return static_cast<Level>(i);
  });
}

std::span<const FlagInfo> all_flags() {
  return kFlags;
}

const FlagInfo& info(Flag flag) {
  return kFlags.at(static_cast<std::size_t>(flag));
}

std::string_view to_string(Flag flag) {
  return info(flag).id;
}

std::span<const std::string_view> flag_ids() {
  return kFlagIds;
}

std::span<const Flag> asked_flags() {
  return kAsked;
}

Result<Flag> parse_flag(std::string_view text) {
  return parse_name(text, kFlagIds, "red flag").transform([](std::size_t i) {
    return static_cast<Flag>(i);
  });
}

Result<std::vector<Answer>> parse_answers(std::string_view text) {
  std::vector<bool> yes(kAskedCount, false);
  bool none = false;
  bool any = false;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t comma = std::min(text.find(',', begin), text.size());
    std::string_view word = text.substr(begin, comma - begin);
    while (!word.empty() && word.front() == ' ')
      word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ')
      word.remove_suffix(1);
    begin = comma + 1;
    if (word.empty()) {
      return fail(ErrorCode::kInvalidInput,
                  "--answers needs 'none' or the IDs of the signs you have, separated by "
                  "commas: --answers none, or --answers bladder,fever");
    }
    LIMBER_TRY_ASSIGN(auto index, parse_name(word, kAnswerWords, "red flag"));
    if (index == kAskedCount) {
      none = true;
    } else {
      yes.at(index) = true;
      any = true;
    }
  }
  if (none && any) {
    return fail(ErrorCode::kInvalidInput,
                "--answers cannot mix 'none' with IDs: use --answers none, or list only the "
                "signs you have");
  }
  std::vector<Answer> answers;
  for (std::size_t i = 0; i < kAskedCount; ++i)
    answers.push_back({kAsked.at(i), yes.at(i)});
  return answers;
}

std::vector<Flag> present_flags(std::span<const Answer> answers) {
  std::vector<Flag> flags;
  for (const Answer& answer : answers) {
    if (answer.yes)
      flags.push_back(answer.flag);
  }
  std::sort(flags.begin(), flags.end());
  flags.erase(std::unique(flags.begin(), flags.end()), flags.end());
  return flags;
}

bool ends_questions(Flag flag) {
  return info(flag).level == Level::kEmergency;
}

Assessment assess(std::span<const Flag> present) {
  Assessment assessment;
  assessment.flags.assign(present.begin(), present.end());
  std::sort(assessment.flags.begin(), assessment.flags.end());
  assessment.flags.erase(std::unique(assessment.flags.begin(), assessment.flags.end()),
                         assessment.flags.end());
  const std::span<const Flag> flags = assessment.flags;

  // Each flag's own level (the table above, with its sources).
  Level own = Level::kSelfCare;
  for (Flag flag : flags)
    own = std::max(own, info(flag).level);

  // Combination rules (sources beside kPairRules and kRiskFactors).
  Level combined = Level::kSelfCare;
  for (const PairRule& rule : kPairRules) {
    if (has(flags, rule.first) && has(flags, rule.second)) {
      combined = std::max(combined, rule.level);
    }
  }
  const auto risk_factors = static_cast<std::size_t>(std::count_if(
      kRiskFactors.begin(), kRiskFactors.end(), [&](Flag flag) { return has(flags, flag); }));
  if (risk_factors >= kRiskFactorsForUrgent)
    combined = std::max(combined, Level::kUrgent);

  assessment.level = std::max(own, combined);
  assessment.raised_by_combination = combined > own;
  return assessment;
}

std::vector<TrendFinding> diary_trends(std::span<const Entry> entries,
                                       std::chrono::year_month_day today) {
  const local_days today_days{today};
  std::vector<PainPoint> points;
  for (const Entry& entry : entries) {
    const auto* pain = std::get_if<PainRecord>(&entry.detail);
    if (pain == nullptr || day_of(entry) > today_days)
      continue;
    points.push_back({day_of(entry), pain->pain.value()});
  }
  std::stable_sort(points.begin(), points.end(),
                   [](const PainPoint& a, const PainPoint& b) { return a.day < b.day; });
  std::vector<TrendFinding> findings;
  if (auto finding = not_better(points, today_days))
    findings.push_back(*finding);
  if (auto finding = pain_rising(points, today_days))
    findings.push_back(*finding);
  return findings;
}

bool pain_in_both_legs(const Entry& entry) {
  const auto* pain = std::get_if<PainRecord>(&entry.detail);
  if (pain == nullptr)
    return false;
  const auto in = [&](Region a, Region b) {
    return std::any_of(pain->regions.begin(), pain->regions.end(),
                       [&](const RegionRating& r) { return r.region == a || r.region == b; });
  };
  return in(Region::kLeftThigh, Region::kLeftCalf) && in(Region::kRightThigh, Region::kRightCalf);
}

std::string advice(const Assessment& assessment) {
  std::string text(headline(assessment.level));
  if (!assessment.flags.empty()) {
    text += "\n\nWhy:";
    for (Flag flag : assessment.flags)
      text += fmt::format("\n- {}", info(flag).summary);
    std::vector<std::string_view> reasons;
    for (Flag flag : assessment.flags) {
      const std::string_view reason = info(flag).reason;
      if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
        reasons.push_back(reason);
      }
    }
    for (std::string_view reason : reasons)
      text += fmt::format("\n{}", reason);
    if (assessment.raised_by_combination) {
      text += assessment.level == Level::kEmergency
                  ? "\nTogether, these signs need help straight away."
                  : "\nTogether, these signs should be checked today.";
    }
  }
  text += fmt::format("\n\n{}", closing(assessment.level));
  return text;
}

}  // namespace limber::core
