#include "app/report_service.h"

#include <algorithm>

#include <fmt/format.h>

#include "app/local_time.h"
#include "store/diary_store.h"
#include "store/plan_store.h"
#include "store/screening_store.h"
#include "store/sitting_store.h"

namespace limber::app {

using core::ErrorCode;
using core::Unexpected;
using std::chrono::days;
using std::chrono::floor;
using std::chrono::local_days;

namespace {

core::Instant start_of(local_days day) {
  return from_local(core::LocalTime{day});
}

}  // namespace

core::Result<core::Error> ReportService::nothing_between(local_days from, local_days to) const {
  const store::DiaryStore diary(db_);
  LIMBER_TRY_ASSIGN(auto all, diary.all());
  if (all.empty()) {
    return core::Error{ErrorCode::kNotFound,
                       "the diary is empty, so there is nothing to report yet.",
                       core::Remedy::kLogFirst};
  }
  const auto first = floor<days>(all.front().local_time());
  const auto last = floor<days>(all.back().local_time());
  return core::Error{
      ErrorCode::kNotFound,
      fmt::format("the diary holds nothing from {} to {}; its entries run from {} to {}",
                  core::report_day(from), core::report_day(to), core::report_day(first),
                  core::report_day(last)),
      core::Remedy::kChooseDays};
}

core::Result<ReportPeriod> ReportService::period(std::optional<local_days> from,
                                                 std::optional<local_days> to) const {
  const local_days today = floor<days>(plans_.now().local);
  const local_days last = to.value_or(today);
  local_days first = last - days{kDefaultReportDays - 1};
  if (from) {
    first = *from;
  } else {
    LIMBER_TRY_ASSIGN(auto episode, plans_.current_episode());
    if (episode.start) {
      const auto start = floor<days>(core::to_local(*episode.start, utc_offset_at(*episode.start)));
      first = std::min(last, std::max(first, start));
    }
  }
  LIMBER_TRY(core::check_period(first, last));
  if (from)
    return ReportPeriod{first, last};
  const store::DiaryStore diary(db_);
  LIMBER_TRY_ASSIGN(auto older, diary.any_before(start_of(first)));
  if (!older) {
    // A diary younger than the default period: start with its first entry.
    LIMBER_TRY_ASSIGN(auto entries,
                      diary.between(start_of(first - days{1}), start_of(last + days{2})));
    for (const core::Entry& entry : entries) {
      const auto day = floor<days>(entry.local_time());
      if (day >= first && day <= last) {
        first = day;
        break;
      }
    }
  }
  return ReportPeriod{first, last};
}

core::Result<core::Report> ReportService::report(std::optional<local_days> from,
                                                 std::optional<local_days> to,
                                                 std::string name) const {
  LIMBER_TRY_ASSIGN(auto period, this->period(from, to));
  const local_days first = period.from;
  const local_days last = period.to;

  // Six days before the period for the 7-day line; a day either side for zones.
  const store::DiaryStore diary(db_);
  LIMBER_TRY_ASSIGN(auto entries,
                    diary.between(start_of(first - days{7}), start_of(last + days{2})));
  const store::ScreeningStore screenings(db_);
  LIMBER_TRY_ASSIGN(auto stored, screenings.after(0));
  std::vector<core::CheckRecord> checks;
  for (const store::Screening& screening : stored) {
    std::optional<core::LocalTime> corrects;
    for (const store::Screening& earlier : stored) {
      if (screening.corrects && earlier.id == *screening.corrects)
        corrects = core::to_local(earlier.at, earlier.utc_offset);
    }
    checks.push_back({core::to_local(screening.at, screening.utc_offset), screening.level,
                      screening.flags, static_cast<int>(screening.answers.size()), corrects});
  }
  LIMBER_TRY_ASSIGN(auto visit, screenings.latest_visit());

  const store::SittingStore sitting_store(db_);
  LIMBER_TRY_ASSIGN(auto bouts,
                    sitting_store.bouts(start_of(first - days{1}), start_of(last + days{2})));
  std::vector<core::SittingRecord> sitting;
  for (const store::StoredBout& bout : bouts)
    sitting.push_back({core::to_local(bout.bout.start, bout.utc_offset), bout.bout.length()});

  LIMBER_TRY_ASSIGN(auto preferences, plans_.preferences());

  // The functional scale: the activities tracked now, with every rating they were given.
  const store::PlanStore plan_store(db_);
  LIMBER_TRY_ASSIGN(auto activities, plan_store.activities());
  LIMBER_TRY_ASSIGN(auto ratings, plan_store.ratings(core::Instant{}));
  std::vector<std::string> activity_names;
  for (const store::FunctionActivity& activity : activities)
    activity_names.push_back(activity.name);
  std::vector<core::FunctionRatingRecord> function_ratings;
  for (const store::FunctionRating& rating : ratings) {
    for (const store::FunctionActivity& activity : activities) {
      if (activity.id == rating.activity_id) {
        function_ratings.push_back(
            {activity.name, core::to_local(rating.at, rating.utc_offset), rating.score});
      }
    }
  }

  core::ReportInput input{.from = first,
                          .to = last,
                          .entries = entries,
                          .checks = checks,
                          .clinician_seen = std::nullopt,
                          .sitting = sitting,
                          .weak = preferences.weak,
                          .tight = preferences.tight,
                          .catalog = &plans_.catalog(),
                          .function_activities = std::move(activity_names),
                          .function_ratings = function_ratings,
                          .name = std::move(name)};
  if (visit)
    input.clinician_seen = core::to_local(visit->at, visit->utc_offset);
  core::Report report = core::build_report(input);
  if (report.empty()) {
    LIMBER_TRY_ASSIGN(auto why, nothing_between(first, last));
    return Unexpected(why);
  }
  return report;
}

core::Result<core::FhirDocument> ReportService::fhir(
    std::optional<std::string> patient_name) const {
  const store::DiaryStore diary(db_);
  LIMBER_TRY_ASSIGN(auto entries, diary.all());
  const store::ScreeningStore screenings(db_);
  LIMBER_TRY_ASSIGN(auto stored, screenings.after(0));
  std::vector<core::CheckExport> checks;
  for (const store::Screening& screening : stored) {
    checks.push_back(
        {screening.id, screening.at, screening.utc_offset, screening.level, screening.answers});
  }
  core::FhirDocument document =
      core::fhir_bundle({entries, checks, std::move(patient_name), plans_.now().instant});
  if (document.counts.pain_ratings == 0 && document.counts.checks == 0) {
    return core::fail(ErrorCode::kNotFound,
                      "the diary holds no pain rating and no check yet, so there is nothing to "
                      "export as FHIR.",
                      core::Remedy::kLogFirst);
  }
  return document;
}

core::Result<Calendar> ReportService::calendar(
    const core::EventTimes& times, std::optional<std::chrono::minutes> log_reminder) const {
  const local_days today = floor<days>(plans_.now().local);
  LIMBER_TRY_ASSIGN(auto week, plans_.plans(today, 7));
  auto events = core::week_events(week, times);
  const std::size_t planned = events.size();
  if (log_reminder) {
    for (core::CalendarEvent& question : core::log_reminder_events(week, *log_reminder))
      events.push_back(std::move(question));
    // Each day's events in the order they come.
    std::stable_sort(events.begin(), events.end(),
                     [](const core::CalendarEvent& a, const core::CalendarEvent& b) {
                       return a.start < b.start;
                     });
  }
  return Calendar{core::to_icalendar(events, plans_.now().instant), planned,
                  events.size() - planned, today, today + days{6}};
}

}  // namespace limber::app
