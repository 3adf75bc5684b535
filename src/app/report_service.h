// The report and the exports that travel (issue #7): gathers what core::build_report,
// core::fhir_bundle and core::week_events need from the diary, the safety record, the
// sitting log and the plan. Drawing the page is src/report/'s job; writing files the shell's.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "app/plan_service.h"
#include "core/clock.h"
#include "core/fhir.h"
#include "core/ics.h"
#include "core/report.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::app {

// Without --from, a report starts where the current episode does, at most this long before
// its last day, and not before the first entry in that span: a page for the weeks since
// the spasm.
inline constexpr int kDefaultReportDays = 12 * 7;

// The days a report covers, first and last included.
struct ReportPeriod {
  std::chrono::local_days from;
  std::chrono::local_days to;
};

struct Calendar {
  std::string text;               // the VCALENDAR
  std::size_t events = 0;         // walks and sessions
  std::size_t log_reminders = 0;  // the evening questions
  std::chrono::local_days first;
  std::chrono::local_days last;
};

class ReportService {
 public:
  // `db` and `plans` must outlive the service.
  ReportService(const store::Database& db, const PlanService& plans) : db_(db), plans_(plans) {}

  // The days report() covers for these options: `from` and `to` when given; otherwise the
  // current episode's start (at most kDefaultReportDays back, not before the first entry in
  // that span) to today. kInvalidInput as report().
  core::Result<ReportPeriod> period(std::optional<std::chrono::local_days> from,
                                    std::optional<std::chrono::local_days> to) const;

  // The report for [from, to] (defaults: see kDefaultReportDays; today), with `name` in its
  // header when not empty (checked by the caller: core::check_report_name). kInvalidInput
  // when from is after to or the period is too long; kNotFound when the diary is empty or
  // holds nothing in the period (the message says which days it does hold). `limber report`
  // and GET /api/report both call this, so the same days give the same pages.
  core::Result<core::Report> report(std::optional<std::chrono::local_days> from,
                                    std::optional<std::chrono::local_days> to,
                                    std::string name = "") const;

  // Every pain entry and every check; kNotFound when the diary holds neither.
  core::Result<core::FhirDocument> fhir(std::optional<std::string> patient_name) const;

  // The plan for today and the next six days as iCalendar. The caller passes the safety
  // gate first; a paused plan gives an empty calendar. With `log_reminder`, each day also
  // has the evening question at that time (core::log_reminder_events).
  core::Result<Calendar> calendar(
      const core::EventTimes& times,
      std::optional<std::chrono::minutes> log_reminder = std::nullopt) const;

 private:
  core::Result<core::Error> nothing_between(std::chrono::local_days from,
                                            std::chrono::local_days to) const;

  const store::Database& db_;
  const PlanService& plans_;
};

}  // namespace limber::app
