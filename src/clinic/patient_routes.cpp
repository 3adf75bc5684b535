// A patient's page (docs/clinic.md, "A patient's page"): GET /api/patients/ID with the
// series the report charts, and GET /api/patients/ID/report.pdf, the report itself, for
// the days ?from=&to= (by default the last six weeks). Another therapist's patient is 404,
// the same answer as an id that does not exist.
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/progress_json.h"
#include "clinic/answers.h"
#include "clinic/clinic_api.h"
#include "clinic/patient_page.h"
#include "clinic/patient_reads.h"
#include "clinic/therapist_login.h"
#include "report/report_pdf.h"

namespace limber::clinic {
namespace {

using server::HttpAnswer;

struct Read {
  bool logged_in = false;
  std::optional<PatientHeader> patient;
  std::vector<ObservationRow> observations;
};

}  // namespace

HttpAnswer ClinicApi::patient(server::HttpRequest& request, std::string_view rest) {
  bool pdf = false;
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    if (rest.substr(slash) != "/report.pdf")
      return error_answer(404, "There is nothing at this address.");
    pdf = true;
    rest = rest.substr(0, slash);
  }
  const auto now = clock_();
  // The clinic's "today" is the UTC date, as the caseload's days are.
  const std::chrono::local_days today{
      std::chrono::floor<std::chrono::days>(now).time_since_epoch()};
  auto days = page_days(query_value(request, "from"), query_value(request, "to"), today);
  if (!days)
    return error_answer(400, days.error().message);
  const auto id = patient_id(rest);
  const auto token = session_token(request);
  const auto read = pool_.with_connection([&](pg::Connection& connection) -> core::Result<Read> {
    Read found;
    LIMBER_TRY_ASSIGN(const auto therapist, therapist_of_session(connection, token, now));
    if (!therapist)
      return found;
    found.logged_in = true;
    if (!id)
      return found;
    LIMBER_TRY_ASSIGN(found.patient, read_patient(connection, *therapist, *id));
    if (!found.patient)
      return found;
    const auto [since, until] = observation_window(*days);
    LIMBER_TRY_ASSIGN(found.observations,
                      read_observations(connection, *therapist, *id, since, until));
    return found;
  });
  if (!read)
    return fault_answer(read.error());
  if (!read->logged_in)
    return error_answer(401, "Log in first: your session has ended or was never started.");
  if (!read->patient)
    return no_such_patient();
  const auto records = records_of(read->observations);
  const auto report = patient_report(*read->patient, records, *days);
  if (!pdf)
    return json_answer(200, patient_page_json(*read->patient, report));
  const core::Now made{now, core::to_local(now, std::chrono::seconds(0))};
  auto rendered = report::render_pdf(report, made);
  if (!rendered)
    return fault_answer(rendered.error());
  return {200,
          "application/pdf",
          std::move(*rendered),
          {{"Content-Disposition",
            fmt::format("inline; filename=\"patient-{}-{}-to-{}.pdf\"", read->patient->id,
                        app::iso_day(days->from), app::iso_day(days->to))}}};
}

}  // namespace limber::clinic
