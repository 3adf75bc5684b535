#include "clinic/patient_reads.h"

#include <string_view>

#include "core/sha256.h"

namespace limber::clinic {

core::Result<std::optional<PatientHeader>> read_patient(pg::Connection& connection,
                                                        const Therapist& therapist,
                                                        std::int64_t patient_id) {
  return acting_for(connection, therapist, [&]() -> core::Result<std::optional<PatientHeader>> {
    LIMBER_TRY_ASSIGN(const auto rows,
                      connection.query("SELECT id, display_name, "
                                       "extract(epoch FROM sharing_since)::bigint, "
                                       "stopped_at IS NULL FROM clinic.read_patient($1::bigint)",
                                       {std::to_string(patient_id)}));
    if (rows.empty())
      return std::nullopt;
    return PatientHeader{rows.integer(0, 0), rows.text(0, 1), rows.integer(0, 2),
                         rows.boolean(0, 3)};
  });
}

core::Result<std::vector<PatientRow>> read_patients(pg::Connection& connection,
                                                    const Therapist& therapist) {
  return acting_for(connection, therapist, [&]() -> core::Result<std::vector<PatientRow>> {
    LIMBER_TRY_ASSIGN(
        const auto rows,
        connection.query(
            "SELECT id, display_name, stopped_at IS NULL FROM clinic.read_patients()"));
    std::vector<PatientRow> patients;
    patients.reserve(static_cast<std::size_t>(rows.size()));
    for (int row = 0; row < rows.size(); ++row)
      patients.push_back({rows.integer(row, 0), rows.text(row, 1), rows.boolean(row, 2)});
    return patients;
  });
}

core::Result<std::vector<ObservationRow>> read_observations(pg::Connection& connection,
                                                            const Therapist& therapist,
                                                            std::int64_t patient_id,
                                                            std::int64_t since,
                                                            std::int64_t until) {
  return acting_for(connection, therapist, [&]() -> core::Result<std::vector<ObservationRow>> {
    LIMBER_TRY_ASSIGN(const auto rows,
                      connection.query("SELECT identifier, code, "
                                       "extract(epoch FROM effective_at)::bigint, resource::text "
                                       "FROM clinic.read_observations($1::bigint, "
                                       "to_timestamp($2::bigint), to_timestamp($3::bigint))",
                                       {std::to_string(patient_id), std::to_string(since),
                                        std::to_string(until)}));
    std::vector<ObservationRow> observations;
    observations.reserve(static_cast<std::size_t>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
      observations.push_back(
          {rows.text(row, 0), rows.text(row, 1), rows.integer(row, 2), rows.text(row, 3)});
    }
    return observations;
  });
}

namespace {

constexpr std::string_view kCaseloadColumns =
    "SELECT id, display_name, need, last_check, extract(epoch FROM last_check_at)::bigint, "
    "extract(epoch FROM last_entry_at)::bigint, pain_recent, pain_before, pain_days::text, "
    "pain_change, active_days, psfs_change ";

std::vector<CaseloadRow> caseload_rows(const pg::Rows& rows) {
  std::vector<CaseloadRow> caseload;
  caseload.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    CaseloadRow line;
    line.id = rows.integer(row, 0);
    line.display_name = rows.text(row, 1);
    line.need = rows.text(row, 2);
    line.last_check = rows.text(row, 3);
    line.last_check_at = rows.optional_integer(row, 4);
    line.last_entry_at = rows.optional_integer(row, 5);
    line.pain_recent = rows.text(row, 6);
    line.pain_before = rows.text(row, 7);
    line.pain_days = rows.text(row, 8);
    line.pain_change = rows.text(row, 9);
    line.active_days = static_cast<int>(rows.integer(row, 10));
    line.psfs_change = rows.text(row, 11);
    caseload.push_back(std::move(line));
  }
  return caseload;
}

}  // namespace

core::Result<std::vector<CaseloadRow>> read_caseload(pg::Connection& connection,
                                                     const Therapist& therapist, std::int64_t at) {
  return acting_for(connection, therapist, [&]() -> core::Result<std::vector<CaseloadRow>> {
    LIMBER_TRY_ASSIGN(const auto rows,
                      connection.query(std::string(kCaseloadColumns) +
                                           "FROM clinic.read_caseload(to_timestamp($1::bigint))",
                                       {std::to_string(at)}));
    return caseload_rows(rows);
  });
}

core::Result<std::optional<std::vector<CaseloadRow>>> read_caseload_of_session(
    pg::Connection& connection, std::string_view token, std::int64_t at) {
  auto rows = connection.query(std::string(kCaseloadColumns) +
                                   "FROM clinic.read_caseload_of_session($1, "
                                   "to_timestamp($2::bigint))",
                               {core::sha256_hex(token), std::to_string(at)});
  if (!rows && pg::sqlstate_of(rows.error()) == "28000")
    return std::nullopt;
  if (!rows)
    return core::Unexpected(rows.error());
  return caseload_rows(*rows);
}

}  // namespace limber::clinic
