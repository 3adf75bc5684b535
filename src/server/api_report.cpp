// GET /api/report: the report's PDF, made as `limber report` makes it; GET
// /api/report/period: the days it covers by default.
#include <fmt/format.h>

#include "app/draw_module.h"
#include "app/plan_service.h"
#include "app/progress_json.h"
#include "app/report_service.h"
#include "app/screening.h"
#include "core/typed_day.h"
#include "server/api.h"

namespace limber::server {

namespace {

struct Days {
  std::optional<std::chrono::local_days> from;
  std::optional<std::chrono::local_days> to;
};

// The days typed in the query, each optional; kInvalidInput as `limber report` says it.
core::Result<Days> read_days(const core::Now& now, std::optional<std::string_view> from,
                             std::optional<std::string_view> to) {
  const auto today = std::chrono::floor<std::chrono::days>(now.local);
  Days days;
  for (auto [text, day, name] :
       {std::tuple{from, &days.from, "from"}, std::tuple{to, &days.to, "to"}}) {
    if (!text || text->empty())
      continue;
    LIMBER_TRY_ASSIGN(auto parsed, core::parse_day(*text, today, name));
    *day = parsed;
  }
  if (days.from && days.to) {
    LIMBER_TRY(core::check_period(*days.from, *days.to));
  }
  return days;
}

}  // namespace

Reply Api::report_period(const core::Now& now, std::optional<std::string_view> from,
                         std::optional<std::string_view> to) const {
  auto days = read_days(now, from, to);
  if (!days)
    return error_reply(days.error());
  const app::ScreeningService screening(db_, now);
  const app::PlanService plans(db_, now, catalog(), screening);
  auto period = app::ReportService(db_, plans).period(days->from, days->to);
  if (!period)
    return error_reply(period.error());
  Reply reply;
  reply.body = {{"from", app::iso_day(period->from)}, {"to", app::iso_day(period->to)}};
  return reply;
}

Reply Api::report(const core::Now& now, std::optional<std::string_view> from,
                  std::optional<std::string_view> to, std::optional<std::string_view> name) const {
  auto days = read_days(now, from, to);
  if (!days)
    return error_reply(days.error());
  std::string person;
  if (name && !name->empty()) {
    auto checked = core::check_report_name(std::string(*name), "name");
    if (!checked)
      return error_reply(checked.error());
    person = std::move(*checked);
  }
  const app::ScreeningService screening(db_, now);
  const app::PlanService plans(db_, now, catalog(), screening);
  auto report = app::ReportService(db_, plans).report(days->from, days->to, std::move(person));
  if (!report)
    return error_reply(report.error());
  auto pdf = app::render_report_pdf(*report, now);
  if (!pdf)
    return error_reply(pdf.error());
  Reply reply;
  reply.text = std::move(*pdf);
  reply.content_type = "application/pdf";
  reply.filename = fmt::format("limber-report-{}-to-{}.pdf", app::iso_day(report->from),
                               app::iso_day(report->to));
  return reply;
}

}  // namespace limber::server
