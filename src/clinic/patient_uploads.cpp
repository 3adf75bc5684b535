#include "clinic/patient_uploads.h"

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace limber::clinic {
namespace {

// `done` is the function's word for success ("shared", "stopped"); "stopped" from an
// upload is its refusal, "unknown" a token that is none.
PatientAnswer answer_of(const pg::Rows& rows, std::string_view done) {
  const std::string outcome = rows.text(0, 0);
  PatientAnswer answer;
  answer.rows = static_cast<int>(rows.integer(0, 1));
  if (outcome == done)
    answer.outcome = PatientOutcome::kDone;
  else if (outcome == "stopped")
    answer.outcome = PatientOutcome::kStopped;
  else
    answer.outcome = PatientOutcome::kUnknownToken;
  return answer;
}

}  // namespace

core::Result<PatientAnswer> share_resources(pg::Connection& connection, std::string_view token,
                                            std::span<const UploadedResource> resources,
                                            core::Instant now) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& resource : resources) {
    rows.push_back({{"identifier", resource.identifier},
                    {"code", resource.code},
                    {"effective_at", resource.effective_at},
                    {"resource", nlohmann::json::parse(resource.resource)}});
  }
  return pg::in_transaction(connection, [&]() -> core::Result<PatientAnswer> {
    LIMBER_TRY_ASSIGN(const auto found,
                      connection.query("SELECT outcome, written FROM "
                                       "clinic.share_resources($1, $2::jsonb, "
                                       "to_timestamp($3::bigint))",
                                       {std::string(token), rows.dump(),
                                        std::to_string(now.time_since_epoch().count())}));
    return answer_of(found, "shared");
  });
}

core::Result<PatientAnswer> delete_records(pg::Connection& connection, std::string_view token,
                                           std::span<const std::string> keys, core::Instant now) {
  const nlohmann::json list(std::vector<std::string>(keys.begin(), keys.end()));
  return pg::in_transaction(connection, [&]() -> core::Result<PatientAnswer> {
    LIMBER_TRY_ASSIGN(const auto found,
                      connection.query("SELECT outcome, deleted FROM "
                                       "clinic.delete_records($1, $2::jsonb, "
                                       "to_timestamp($3::bigint))",
                                       {std::string(token), list.dump(),
                                        std::to_string(now.time_since_epoch().count())}));
    return answer_of(found, "deleted");
  });
}

core::Result<PatientAnswer> stop_sharing(pg::Connection& connection, std::string_view token,
                                         core::Instant now) {
  return pg::in_transaction(connection, [&]() -> core::Result<PatientAnswer> {
    LIMBER_TRY_ASSIGN(
        const auto found,
        connection.query("SELECT outcome, deleted FROM "
                         "clinic.stop_sharing($1, to_timestamp($2::bigint))",
                         {std::string(token), std::to_string(now.time_since_epoch().count())}));
    return answer_of(found, "stopped");
  });
}

}  // namespace limber::clinic
