// The sharing routes of limber-clinic's API (docs/clinic.md, "Invitations" and
// "Sharing"): a therapist makes an invitation; a patient's limber takes it, uploads FHIR
// resources with the token it got, and stops.
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clinic/answers.h"
#include "clinic/clinic_api.h"
#include "clinic/invitations.h"
#include "clinic/patient_uploads.h"
#include "clinic/therapist_login.h"

namespace limber::clinic {
namespace {

using server::HttpAnswer;
using server::HttpRequest;

constexpr std::size_t kJoinBodyLimit = 4096;

HttpAnswer unknown_token() {
  return error_answer(401,
                      "This clinic does not know that sharing key. Take a new invitation from "
                      "your therapist to share again.");
}

HttpAnswer stopped_sharing() {
  return error_answer(410,
                      "You stopped sharing with this clinic, so nothing more is taken. Take a "
                      "new invitation from your therapist to share again.");
}

}  // namespace

HttpAnswer ClinicApi::invite(HttpRequest& request) {
  const auto token = session_token(request);
  const auto now = clock_();
  const auto made = pool_.with_connection(
      [&](pg::Connection& connection) -> core::Result<std::optional<Invitation>> {
        LIMBER_TRY_ASSIGN(const auto therapist, therapist_of_session(connection, token, now));
        if (!therapist)
          return std::nullopt;
        LIMBER_TRY_ASSIGN(auto invitation,
                          make_invitation(connection, *therapist, now, random_bytes_));
        return invitation;
      });
  if (!made)
    return fault_answer(made.error());
  if (!*made)
    return error_answer(401, "Log in first: your session has ended or was never started.");
  return json_answer(201, {{"code", (*made)->code},
                           {"expires_at", (*made)->expires_at.time_since_epoch().count()}});
}

HttpAnswer ClinicApi::join(HttpRequest& request) {
  const auto body = request.read_body(kJoinBodyLimit);
  if (!body)
    return error_answer(413, "Send the invitation's code and a name only.");
  const auto json = nlohmann::json::parse(*body, nullptr, false);
  if (!json.is_object() || !json.contains("code") || !json["code"].is_string() ||
      (json.contains("name") && !json["name"].is_string()))
    return error_answer(
        400, R"(Send {"code": "...", "name": "..."} as JSON; the name may be left out.)");
  const auto name = json.value("name", "");
  if (name.size() > 200)
    return error_answer(400, "The name is too long: 200 characters at most.");
  const auto now = clock_();
  const auto joined = pool_.with_connection([&](pg::Connection& connection) {
    return clinic::join(connection, json["code"].get<std::string>(), name, request.remote_address,
                        now, random_bytes_);
  });
  if (!joined)
    return fault_answer(joined.error());
  switch (joined->outcome) {
    case JoinOutcome::kJoined:
      return json_answer(201, {{"patient", joined->patient_id}, {"token", joined->token}});
    case JoinOutcome::kUnknown:
      return error_answer(404,
                          "That invitation code is not known here. Check it with your therapist "
                          "and type it again.");
    case JoinOutcome::kUsed:
      return error_answer(410,
                          "That invitation was already used. Ask your therapist for a new one.");
    case JoinOutcome::kExpired:
      return error_answer(410,
                          "That invitation has run out (they last 7 days). Ask your therapist "
                          "for a new one.");
    case JoinOutcome::kTooMany:
      return json_answer(
          429, {{"error", "Too many wrong invitation codes. Wait a minute, then try again."}},
          {{"Retry-After", "60"}});
  }
  return error_answer(500, "Something went wrong on the clinic's server. Try again.");
}

HttpAnswer ClinicApi::upload(HttpRequest& request) {
  const auto token = bearer_token(request);
  if (token.empty())
    return unknown_token();
  const auto body = request.read_body(kUploadLimit);
  if (!body) {
    return error_answer(413, fmt::format("The upload is over {} MiB: send it in smaller parts.",
                                         kUploadLimit >> 20));
  }
  const auto resources = read_upload(*body);
  if (!resources)
    return error_answer(400, resources.error().message);
  const auto now = clock_();
  const auto shared = pool_.with_connection([&](pg::Connection& connection) {
    return share_resources(connection, token, *resources, now);
  });
  if (!shared)
    return fault_answer(shared.error());
  if (shared->outcome == PatientOutcome::kUnknownToken)
    return unknown_token();
  if (shared->outcome == PatientOutcome::kStopped)
    return stopped_sharing();
  return json_answer(200, {{"written", shared->rows}});
}

HttpAnswer ClinicApi::delete_shared(HttpRequest& request) {
  const auto token = bearer_token(request);
  if (token.empty())
    return unknown_token();
  const auto body = request.read_body(kUploadLimit);
  if (!body) {
    return error_answer(
        413, fmt::format("The list is over {} MiB: send it in smaller parts.", kUploadLimit >> 20));
  }
  const auto keys = read_deletions(*body);
  if (!keys)
    return error_answer(400, keys.error().message);
  const auto now = clock_();
  const auto deleted = pool_.with_connection(
      [&](pg::Connection& connection) { return delete_records(connection, token, *keys, now); });
  if (!deleted)
    return fault_answer(deleted.error());
  if (deleted->outcome == PatientOutcome::kUnknownToken)
    return unknown_token();
  if (deleted->outcome == PatientOutcome::kStopped)
    return stopped_sharing();
  return json_answer(200, {{"deleted", deleted->rows}});
}

HttpAnswer ClinicApi::stop_share(HttpRequest& request) {
  const auto token = bearer_token(request);
  if (token.empty())
    return unknown_token();
  const auto now = clock_();
  const auto stopped = pool_.with_connection(
      [&](pg::Connection& connection) { return stop_sharing(connection, token, now); });
  if (!stopped)
    return fault_answer(stopped.error());
  if (stopped->outcome != PatientOutcome::kDone)
    return unknown_token();
  return json_answer(200, {{"stopped", true}, {"deleted", stopped->rows}});
}

}  // namespace limber::clinic
