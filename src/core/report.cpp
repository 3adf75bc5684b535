#include "core/report.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "core/text.h"
#include "core/utf8.h"

namespace limber::core {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::local_days;

namespace {

local_days day_of(LocalTime at) {
  return floor<days>(at);
}

// Shortens a note to kMaxNoteChars characters as a person sees them (an accent stays
// with its letter), lines joined, with "…" when cut; at a space when one is near, so a
// word is not cut. Text stored before limber checked it shows U+FFFD where it cannot be read.
std::string shorten(std::string_view note) {
  std::string out = utf8::sanitize(note);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  constexpr std::size_t kNearSpace = 30;  // characters
  std::size_t cut = 0;
  std::size_t space = std::string::npos;
  std::size_t since_space = 0;
  for (std::size_t characters = 0; cut < out.size(); ++characters) {
    if (characters == kMaxNoteChars) {
      if (space != std::string::npos && since_space < kNearSpace)
        cut = space;
      out.resize(cut);
      return out + "…";
    }
    if (out[cut] == ' ') {
      space = cut;
      since_space = 0;
    } else {
      ++since_space;
    }
    cut = utf8::next_cluster(out, cut);
  }
  return out;
}

// Region columns: whole weeks ending at `to`, grouped so there are at most
// kMaxRegionColumns of them.
std::vector<RegionColumn> region_columns(local_days from, local_days to) {
  const auto span = (to - from).count() + 1;
  const auto weeks = (span + 6) / 7;
  const auto per_column =
      (weeks + static_cast<long>(kMaxRegionColumns) - 1) / static_cast<long>(kMaxRegionColumns);
  const auto column_days = 7 * per_column;
  const auto count = (span + column_days - 1) / column_days;
  std::vector<RegionColumn> columns;
  for (long c = 0; c < count; ++c) {
    const local_days last = to - days{column_days * (count - 1 - c)};
    const local_days start = std::max(from, last - days{column_days - 1});
    columns.push_back({start, last});
  }
  return columns;
}

// Weeks end at the period's last day; the first may be short, and starts with the period.
std::vector<ActivityWeek> activity_weeks(const Progress& progress) {
  std::vector<ActivityWeek> weeks;
  for (local_days start : progress.weeks)
    weeks.push_back(ActivityWeek{.start = std::max(start, progress.first)});
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const local_days end = i + 1 < weeks.size() ? weeks[i + 1].start : progress.last + days{1};
    weeks[i].days = static_cast<int>((end - weeks[i].start).count());
  }
  return weeks;
}

// Each tracked activity with its ratings in the period, in the order the person named them.
std::vector<FunctionLine> function_lines(const ReportInput& input) {
  std::vector<FunctionLine> lines;
  for (const std::string& activity : input.function_activities) {
    FunctionLine line;
    line.activity = utf8::sanitize(activity);
    std::vector<const FunctionRatingRecord*> ratings;
    for (const FunctionRatingRecord& rating : input.function_ratings) {
      const local_days day = day_of(rating.at);
      if (rating.activity == activity && day >= input.from && day <= input.to)
        ratings.push_back(&rating);
    }
    std::stable_sort(ratings.begin(), ratings.end(),
                     [](const auto* a, const auto* b) { return a->at < b->at; });
    for (const FunctionRatingRecord* rating : ratings)
      line.ratings.emplace_back(day_of(rating->at), rating->score);
    if (!line.ratings.empty()) {
      line.first = line.ratings.front().second;
      line.first_day = line.ratings.front().first;
      line.latest = line.ratings.back().second;
      line.latest_day = line.ratings.back().first;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string exercise_name(const Catalog* catalog, const std::string& id) {
  if (catalog != nullptr) {
    if (const Exercise* exercise = catalog->find(id)) {
      // Issue 15: the therapist reading the report sees which were theirs.
      return exercise->from_therapist ? exercise->name + " (from your therapist)" : exercise->name;
    }
  }
  return id;
}

}  // namespace

std::optional<int> FunctionLine::change() const {
  if (!first || !latest || !first_day || !latest_day || *first_day == *latest_day)
    return std::nullopt;
  return *latest - *first;
}

bool Report::empty() const {
  return pain_entries == 0 && progress.walks == 0 && sessions_total == 0 && reliefs.empty() &&
         notes_total == 0 && checks.empty() && !has_sitting();
}

bool Report::has_sitting() const {
  return std::any_of(activity.begin(), activity.end(),
                     [](const ActivityWeek& week) { return week.sitting_bouts > 0; });
}

Result<void> check_period(local_days from, local_days to) {
  if (from > to) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("the period would start on {}, after it ends on {}: give the "
                            "earlier day first",
                            report_day(from), report_day(to)));
  }
  if ((to - from).count() + 1 > kMaxReportDays) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("the period is {} days long: a report covers at most {} days",
                            (to - from).count() + 1, kMaxReportDays));
  }
  return {};
}

Report build_report(const ReportInput& input) {
  Report report;
  report.from = input.from;
  report.to = input.to;
  report.progress = progress(input.entries, input.from, input.to);
  report.columns = region_columns(input.from, input.to);
  report.activity = activity_weeks(report.progress);
  report.weak = input.weak;
  report.tight = input.tight;
  report.clinician_seen = input.clinician_seen;
  report.function = function_lines(input);
  report.name = utf8::sanitize(input.name);
  report.flare_tags = flare_tags(input.entries, input.from, input.to);

  const auto in_period = [&](local_days day) {
    return day >= input.from && day <= input.to;
  };
  const auto week_of = [&](local_days day) {
    return report.activity.size() - 1 - static_cast<std::size_t>((input.to - day).count() / 7);
  };
  const auto column_of = [&](local_days day) {
    const auto per_column = (report.columns.back().last - report.columns.back().start).count() + 1;
    return report.columns.size() - 1 -
           static_cast<std::size_t>((input.to - day).count() / per_column);
  };

  // The entries in time order, so milestones, sessions and notes come out oldest first.
  std::vector<const Entry*> ordered;
  ordered.reserve(input.entries.size());
  for (const Entry& entry : input.entries) {
    if (in_period(day_of(entry.local_time())))
      ordered.push_back(&entry);
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Entry* a, const Entry* b) { return a->at < b->at; });

  std::map<Region, RegionRow> rows;
  std::map<Region, std::pair<int, int>> region_pain;  // sum, count
  std::map<std::pair<ReliefKind, std::string>, ReliefLine> reliefs;
  // The day each mobility level was reached in the latest climb, lying down first.
  std::array<std::optional<local_days>, 4> reached{};
  std::size_t start_level = 0;
  std::size_t current_level = 0;
  for (const Entry* entry : ordered) {
    const LocalTime at = entry->local_time();
    const local_days day = day_of(at);
    if (!entry->note.empty()) {
      ++report.notes_total;
      report.notes.push_back({at, shorten(entry->note)});
    }
    if (const auto* pain = std::get_if<PainRecord>(&entry->detail)) {
      ++report.pain_entries;
      const int value = pain->pain.value();
      report.pain_lowest = std::min(report.pain_lowest.value_or(value), value);
      report.pain_highest = std::max(report.pain_highest.value_or(value), value);
      for (const RegionRating& rating : pain->regions) {
        RegionRow& row = rows[rating.region];
        row.region = rating.region;
        row.entries.resize(report.columns.size(), 0);
        ++row.entries[column_of(day)];
        auto& [sum, count] = region_pain[rating.region];
        sum += rating.pain ? rating.pain->value() : value;
        ++count;
      }
      if (pain->mobility) {
        // The climb starts at the period's first mobility noted, and again at a setback
        // (the back locked again: lying down after being up): only the levels reached above
        // that count as milestones. A bad day one level down is no new start.
        const auto level = static_cast<std::size_t>(*pain->mobility);
        if (!report.mobility_at_start || (level == 0 && current_level > 0)) {
          reached.fill(std::nullopt);
          start_level = level;
          if (report.mobility_at_start)
            report.setback = day;
        }
        // A slide back: less than the entry before noted (a flare, a bad day).
        if (report.mobility_at_end && *pain->mobility < *report.mobility_at_end)
          report.setbacks.push_back({day, *report.mobility_at_end, *pain->mobility});
        if (!report.mobility_at_start)
          report.mobility_at_start = pain->mobility;
        for (std::size_t i = start_level + 1; i <= level; ++i) {
          if (!reached.at(i))
            reached.at(i) = day;
        }
        current_level = level;
        report.mobility_at_end = pain->mobility;
      }
    } else if (const auto* relief = std::get_if<ReliefRecord>(&entry->detail)) {
      auto [it, added] = reliefs.try_emplace({relief->kind, relief->name});
      ReliefLine& line = it->second;
      if (added) {
        line.kind = relief->kind;
        line.name = utf8::sanitize(relief->name);
        line.first = day;
      }
      ++line.times;
      line.last = day;
    } else if (const auto* walk = std::get_if<WalkRecord>(&entry->detail)) {
      ActivityWeek& week = report.activity[week_of(day)];
      ++week.walks;
      week.walk_minutes += walk->minutes;
    } else if (const auto* session = std::get_if<SessionRecord>(&entry->detail)) {
      ++report.activity[week_of(day)].sessions;
      ++report.sessions_total;
      SessionLine line{
          at, session->minutes, session->pain_before.value(), session->pain_after.value(), {}};
      for (const std::string& id : session->exercises)
        line.exercises.push_back(exercise_name(input.catalog, id));
      report.sessions.push_back(std::move(line));
    }
  }
  if (report.sessions.size() > kMaxSessionLines) {
    report.sessions.erase(report.sessions.begin(),
                          report.sessions.end() - static_cast<long>(kMaxSessionLines));
  }
  if (report.notes.size() > kMaxNoteLines) {
    report.notes.erase(report.notes.begin(), report.notes.end() - static_cast<long>(kMaxNoteLines));
  }

  // Milestones: the day each level above lying down was first noted in the latest climb
  // (after the period's start, or after the latest setback).
  for (std::size_t i = 1; i < reached.size(); ++i) {
    if (reached.at(i))
      report.milestones.push_back({static_cast<Mobility>(i), *reached.at(i)});
  }

  for (auto& [region, row] : rows) {
    const auto& [sum, count] = region_pain[region];
    row.mean_pain = static_cast<double>(sum) / count;
    report.regions.push_back(std::move(row));
  }
  const auto total = [](const RegionRow& row) {
    int sum = 0;
    for (int n : row.entries)
      sum += n;
    return sum;
  };
  std::stable_sort(report.regions.begin(), report.regions.end(),
                   [&](const RegionRow& a, const RegionRow& b) { return total(a) > total(b); });

  for (auto& [key, line] : reliefs)
    report.reliefs.push_back(std::move(line));
  std::stable_sort(report.reliefs.begin(), report.reliefs.end(),
                   [](const ReliefLine& a, const ReliefLine& b) { return a.times > b.times; });
  report.relief_kinds_total = report.reliefs.size();
  if (report.reliefs.size() > kMaxReliefLines)
    report.reliefs.resize(kMaxReliefLines);

  for (const SittingRecord& sitting : input.sitting) {
    const local_days day = day_of(sitting.start);
    if (!in_period(day))
      continue;
    ActivityWeek& week = report.activity[week_of(day)];
    ++week.sitting_bouts;
    week.sat += sitting.length;
    week.longest_sit = std::max(week.longest_sit, sitting.length);
  }

  for (const CheckRecord& check : input.checks) {
    const local_days day = day_of(check.at);
    if (in_period(day)) {
      report.checks.push_back(check);
    } else if (day < input.from && (!report.check_before || report.check_before->at < check.at)) {
      report.check_before = check;
    }
  }
  std::stable_sort(report.checks.begin(), report.checks.end(),
                   [](const CheckRecord& a, const CheckRecord& b) { return a.at < b.at; });
  return report;
}

Result<std::string> check_report_name(std::string name, std::string_view option) {
  const auto first = name.find_first_not_of(' ');
  name = first == std::string::npos ? std::string() : name.substr(first);
  name.erase(name.find_last_not_of(' ') + 1);
  auto checked = check_text(std::move(name), kMaxNameChars, option, Lines::kOne);
  if (!checked) {
    return fail(ErrorCode::kInvalidInput,
                checked.error().message + " (the name goes in the report's header)");
  }
  return checked;
}

std::string report_day(local_days day) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::year_month_day ymd{day};
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()),
                     kMonths.at(static_cast<unsigned>(ymd.month()) - 1),
                     static_cast<int>(ymd.year()));
}

}  // namespace limber::core
