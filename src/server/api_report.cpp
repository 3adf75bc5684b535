// GET /api/report: the report's PDF, made as `limber report` makes it.
#include <fmt/format.h>

#include "app/plan_service.h"
#include "app/progress_json.h"
#include "app/report_service.h"
#include "app/screening.h"
#include "report/report_pdf.h"
#include "server/api.h"

namespace limber::server {

Reply Api::report(const core::Now& now, std::optional<std::string_view> from,
                  std::optional<std::string_view> to) const {
  const auto today = std::chrono::floor<std::chrono::days>(now.local);
  std::optional<std::chrono::local_days> first;
  std::optional<std::chrono::local_days> last;
  for (auto [text, day, name] : {std::tuple{from, &first, "from"}, std::tuple{to, &last, "to"}}) {
    if (!text || text->empty())
      continue;
    auto parsed = core::parse_day(*text, today, name);
    if (!parsed)
      return error_reply(parsed.error());
    *day = *parsed;
  }
  if (first && last) {
    if (auto valid = core::check_period(*first, *last); !valid)
      return error_reply(valid.error());
  }
  const app::ScreeningService screening(db_, now);
  const app::PlanService plans(db_, now, catalog_, screening);
  auto report = app::ReportService(db_, plans).report(first, last);
  if (!report)
    return error_reply(report.error());
  auto pdf = report::render_pdf(*report, now);
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
