// What goes on the page for the physical therapist (`limber report`): the period, pain
// over time with its 7-day line, which regions hurt week by week, the red-flag checks,
// the mobility milestones and setbacks, the activities the person finds hard with their
// ratings, sessions with pain before and after, walking and sitting, the muscles the
// person marked, the relief they logged, the tags they logged before flares and their
// notes. Pure: the shell
// gathers the diary and draws the page; this decides what it says.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/entry.h"
#include "core/exercise.h"
#include "core/flare_tags.h"
#include "core/mobility.h"
#include "core/progress.h"
#include "core/red_flags.h"
#include "core/result.h"

namespace limber::core {

// A red-flag check as the report shows it.
struct CheckRecord {
  LocalTime at;
  Level level = Level::kSelfCare;
  std::vector<Flag> flags;  // the flags that counted
  int questions = 0;        // questions answered
  // "I answered wrongly": when this check corrects an earlier one, that check's time.
  std::optional<LocalTime> corrects;
};

// A stretch of sitting recorded by `limber watch`, in local time.
struct SittingRecord {
  LocalTime start;
  std::chrono::seconds length{0};
};

// A rating of an activity the person finds hard (the Patient-Specific Functional Scale:
// 0 unable to do it, 10 as before the back pain).
struct FunctionRatingRecord {
  std::string activity;
  LocalTime at;
  int score = 0;
};

// One activity on the functional scale, with its ratings in the period and their trend.
struct FunctionLine {
  std::string activity;
  std::vector<std::pair<std::chrono::local_days, int>> ratings;  // in the period, oldest first
  std::optional<int> first;                                      // the first rating in it
  std::optional<int> latest;                                     // the latest
  std::optional<std::chrono::local_days> first_day;
  std::optional<std::chrono::local_days> latest_day;
  // latest - first, when rated on two days or more: +2 or more is a change that matters.
  [[nodiscard]] std::optional<int> change() const;
};

inline constexpr int kFunctionChangeThatMatters = 2;  // PSFS points (Stratford et al.)
inline constexpr std::size_t kMaxNameChars = 80;      // a name on the report

struct ReportInput {
  std::chrono::local_days from;
  std::chrono::local_days to;
  // Diary entries, oldest first or in any order; those before `from` count only for the
  // 7-day line and the episode's starting pain, those after `to` are ignored.
  std::span<const Entry> entries;
  std::span<const CheckRecord> checks;      // every check on record
  std::optional<LocalTime> clinician_seen;  // the latest visit recorded, if any
  std::span<const SittingRecord> sitting;
  std::vector<Muscle> weak;
  std::vector<Muscle> tight;
  const Catalog* catalog = nullptr;  // exercise names for sessions; ids shown without it
  // The activities the person tracks, oldest first, and their ratings in any order.
  std::vector<std::string> function_activities;
  std::span<const FunctionRatingRecord> function_ratings;
  std::string name;  // the person's name for the header; empty: none
};

// The day the person first logged each level of mobility in the period.
struct Milestone {
  Mobility mobility = Mobility::kLie;
  std::chrono::local_days day;
};

// A slide back in mobility: an entry noting less than the one before it did.
struct Setback {
  std::chrono::local_days day;
  Mobility from = Mobility::kMove;
  Mobility to = Mobility::kLie;
};

struct SessionLine {
  LocalTime at;
  int minutes = 0;
  int pain_before = 0;
  int pain_after = 0;
  std::vector<std::string> exercises;  // names, in the order done
};

// One kind of relief with what the person called it, and how often.
struct ReliefLine {
  ReliefKind kind = ReliefKind::kOther;
  std::string name;  // may be empty
  int times = 0;
  std::chrono::local_days first;
  std::chrono::local_days last;
};

struct NoteLine {
  LocalTime at;
  std::string text;
};

// Walking and sitting, one row per week of the period.
struct ActivityWeek {
  std::chrono::local_days start;  // the first week starts with the period, so may be short
  int days = 7;                   // fewer in a short first week
  int walks = 0;
  int walk_minutes = 0;
  int sessions = 0;
  int sitting_bouts = 0;
  std::chrono::seconds sat{0};
  std::chrono::seconds longest_sit{0};
};

// A column of the region grid: one week, or several when the period is long.
struct RegionColumn {
  std::chrono::local_days start;
  std::chrono::local_days last;
};

struct RegionRow {
  Region region = Region::kOther;
  std::vector<int> entries;         // pain entries naming the region, one per column
  std::optional<double> mean_pain;  // the region's own rating where given, else the entry's
};

inline constexpr std::size_t kMaxRegionColumns = 16;
inline constexpr std::size_t kMaxSessionLines = 8;
inline constexpr std::size_t kMaxNoteLines = 8;
inline constexpr std::size_t kMaxReliefLines = 8;
inline constexpr std::size_t kMaxNoteChars = 160;
inline constexpr int kMaxReportDays = 3660 * 2;

struct Report {
  std::chrono::local_days from;
  std::chrono::local_days to;
  Progress progress;  // days with the 7-day line, start and recent pain, totals
  int pain_entries = 0;
  std::optional<int> pain_lowest;
  std::optional<int> pain_highest;
  std::vector<RegionColumn> columns;
  std::vector<RegionRow> regions;           // most named first
  std::vector<CheckRecord> checks;          // in the period, oldest first
  std::optional<CheckRecord> check_before;  // the latest before the period, if any
  std::optional<LocalTime> clinician_seen;
  std::vector<Milestone> milestones;               // in the latest climb, in mobility order
  std::optional<std::chrono::local_days> setback;  // lying down again after being up: the climb
                                                   // starts anew
  std::vector<Setback> setbacks;  // every slide back in mobility in the period, oldest first
  std::optional<Mobility> mobility_at_start;
  std::optional<Mobility> mobility_at_end;
  std::vector<SessionLine> sessions;  // the latest kMaxSessionLines, oldest first
  std::size_t sessions_total = 0;
  std::vector<ActivityWeek> activity;  // one per week, oldest first
  std::vector<ReliefLine> reliefs;     // most used first
  std::size_t relief_kinds_total = 0;
  std::vector<NoteLine> notes;  // the latest kMaxNoteLines, oldest first, each shortened
  std::size_t notes_total = 0;
  std::vector<Muscle> weak;
  std::vector<Muscle> tight;
  std::vector<FunctionLine> function;  // each tracked activity, in the order named
  // The tags most often logged on a flare's day or the day before (issue 15); the tags of
  // the whole period are progress.tags: the page shows this part only when there are any.
  FlareTags flare_tags;
  std::string name;  // the person's name; empty: none given

  // True when the period holds no entry, check or sitting at all.
  [[nodiscard]] bool empty() const;
  // True when limber watch recorded some sitting in the period.
  [[nodiscard]] bool has_sitting() const;
};

// Checks a period typed by a person: kInvalidInput when `from` is after `to` or the period
// is longer than kMaxReportDays.
Result<void> check_period(std::chrono::local_days from, std::chrono::local_days to);

// Everything the page shows, for the period [input.from, input.to].
// REQUIRES: check_period(input.from, input.to) succeeded.
Report build_report(const ReportInput& input);

// The days typed for --from and --to are read by core/typed_day.h.

// Checks a name typed for the report's header: one line, at most kMaxNameChars characters;
// kInvalidInput naming `option` otherwise. Surrounding spaces are dropped.
Result<std::string> check_report_name(std::string name, std::string_view option);

// "12 Oct 2026": the way the report writes a day.
std::string report_day(std::chrono::local_days day);

}  // namespace limber::core
