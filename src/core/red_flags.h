// Red flags: the warning signs that mean back pain needs a clinician before any home plan.
// The vocabulary (stable IDs, one plain question each), the four levels of "how soon",
// and the rules that turn answers and a diary into a level. Pure: no I/O, no clock; the
// shell passes `today`. Each rule names its source beside it; docs/clinical-basis.md says
// the same in full, and marks the rules that are limber's own reading.
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/entry.h"
#include "core/result.h"

namespace limber::core {

// How soon to get help, least to most urgent: comparisons follow urgency.
enum class Level {
  kSelfCare,      // no warning signs: gentle home care
  kSeeClinician,  // book a doctor or physical therapist in the next few days
  kUrgent,        // a doctor today
  kEmergency,     // emergency services or an emergency department, now
};

// "self-care", "see-clinician", "urgent", "emergency": stable, used in JSON and the store.
std::string_view to_string(Level level);
std::span<const std::string_view> level_ids();
Result<Level> parse_level(std::string_view text);

// Every red flag, in asking order. The first twelve are questions; the last two are read
// from the diary and never asked.
enum class Flag {
  kBladder,
  kBowel,
  kSaddle,
  kBothLegs,
  kChest,
  kLegWeakness,
  kFever,
  kTrauma,
  kCancer,
  kWeightLoss,
  kNightPain,
  kImmune,
  kNotBetter,   // diary: pain no better after kNotBetterDays
  kPainRising,  // diary: pain rising over several days of entries
};

enum class FlagSource { kQuestion, kDiary };

struct FlagInfo {
  Flag flag;
  std::string_view id;  // stable: command line, JSON, database
  FlagSource source;
  Level level;                // what the flag means on its own
  std::string_view question;  // a yes/no question in plain words; empty for diary flags
  std::string_view summary;   // what was reported, for the "why" list
  std::string_view reason;    // why it matters; flags of one group share the same words
};

// Every flag, in asking order (the enum's order).
std::span<const FlagInfo> all_flags();
const FlagInfo& info(Flag flag);
std::string_view to_string(Flag flag);
// Every flag id, questions and diary flags alike.
std::span<const std::string_view> flag_ids();
// The flags that are asked, in asking order.
std::span<const Flag> asked_flags();
// Any flag id; kInvalidInput with "did you mean" otherwise.
Result<Flag> parse_flag(std::string_view text);

// One question and what the person said.
struct Answer {
  Flag flag = Flag::kBladder;
  bool yes = false;

  friend bool operator==(const Answer&, const Answer&) = default;
};

// Reads `--answers`: "none" (every question answered no) or the ids of the signs that are
// present, comma-separated ("bladder,fever"; every other question answered no). Spaces
// around ids are ignored and a repeated id counts once. Returns one Answer per asked flag,
// in asking order. kInvalidInput for an empty text or item, an unknown or diary-only id
// (with "did you mean"), or "none" together with ids.
Result<std::vector<Answer>> parse_answers(std::string_view text);

// The flags answered yes, in asking order.
std::vector<Flag> present_flags(std::span<const Answer> answers);

// A "yes" to this flag ends the questions at once: the answer is already an emergency.
bool ends_questions(Flag flag);

struct Assessment {
  Level level = Level::kSelfCare;
  std::vector<Flag> flags;             // the flags that counted, in asking order, each once
  bool raised_by_combination = false;  // a combination rule set a level above every flag's own

  friend bool operator==(const Assessment&, const Assessment&) = default;
};

// The rules, as one pure function. `present` may be in any order and hold repeats.
// Every flag present counts (each has a level above self-care); the level is the highest
// of the flags' own levels and of the combination rules (red_flags.cpp, with sources).
Assessment assess(std::span<const Flag> present);

// Diary trends. Pain entries are read on the local day they were recorded; entries after
// `today` are ignored.
inline constexpr int kNotBetterDays = 42;       // 6 weeks
inline constexpr int kEpisodeGapDays = 28;      // this long without pain above 0 ends an episode
inline constexpr int kTrendWindowDays = 7;      // "the first week" and "the last week"
inline constexpr double kBetterByPoints = 2.0;  // a change people notice on the 0-10 scale
inline constexpr double kLittleOrNoPain = 1.0;  // a weekly mean this low counts as better
inline constexpr int kRisingDays = 3;           // days with entries, each higher than the last
inline constexpr double kRisingByPoints = 2.0;  // from the first to the last of them

// A diary flag and the local day it became true; a clinician visit on or after that day
// answers it.
struct TrendFinding {
  Flag flag = Flag::kNotBetter;
  std::chrono::local_days since;

  friend bool operator==(const TrendFinding&, const TrendFinding&) = default;
};

// kNotBetter: the current episode (pain above 0, no gap of kEpisodeGapDays or more between
// such entries) started kNotBetterDays or more before `today`, there is a pain entry in the
// last kTrendWindowDays, and the mean of those is above kLittleOrNoPain and not at least
// kBetterByPoints below the mean of the episode's first kTrendWindowDays.
// kPainRising: the last kRisingDays days with pain entries all fall in the last
// kTrendWindowDays, each day's mean pain is higher than the day before, and the rise from the
// first to the last is kRisingByPoints or more.
std::vector<TrendFinding> diary_trends(std::span<const Entry> entries,
                                       std::chrono::year_month_day today);

// A pain entry with pain in the left leg and the right leg (thigh or calf on each side):
// symptoms in both legs are a red flag, so the diary offers the check again.
bool pain_in_both_legs(const Entry& entry);

// The words for an assessment, for a person in pain: the action first, then "Why:" with
// what was reported and what it can mean, then what to do next. Several lines, no
// trailing newline. Says nothing about any one shell's commands.
std::string advice(const Assessment& assessment);

}  // namespace limber::core
