// Assigned exercises' routes (docs/clinic.md, "Assigned exercises"): a therapist lists,
// assigns and removes a patient's exercises (GET, POST /api/patients/ID/exercises, DELETE
// /api/patients/ID/exercises/EXID, with the session cookie); a patient's limber reads its
// own list (GET /api/share/exercises with its upload token), answered 304 when the list's
// version is the one it sends (?version= or If-None-Match).
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/builtin_catalog.h"
#include "clinic/answers.h"
#include "clinic/assignments.h"
#include "clinic/clinic_api.h"
#include "clinic/patient_reads.h"
#include "clinic/therapist_login.h"

namespace limber::clinic {
namespace {

using server::HttpAnswer;
using server::HttpRequest;

// limber's own catalog, read once: an assigned exercise may not take one of its ids.
const core::Catalog& builtin() {
  static const core::Catalog catalog = app::builtin_catalog().value();
  return catalog;
}

HttpAnswer log_in_first() {
  return error_answer(401, "Log in first: your session has ended or was never started.");
}

nlohmann::json list_json(const std::vector<AssignedExercise>& exercises) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& exercise : exercises) {
    const auto object = nlohmann::json::parse(exercise.exercise, nullptr, false);
    list.push_back({{"id", exercise.id},
                    {"style", exercise.style},
                    {"name", object.is_object() ? object.value("name", exercise.id) : exercise.id},
                    {"exercise", object},
                    {"assigned_by", exercise.assigned_by},
                    {"assigned_at", exercise.assigned_at}});
  }
  return list;
}

// The version a patient's limber already has: ?version=, else If-None-Match ("..." or W/).
std::string known_version(const HttpRequest& request) {
  std::string_view version = query_value(request, "version");
  if (version.empty()) {
    version = header(request, "If-None-Match");
    if (version.starts_with("W/"))
      version.remove_prefix(2);
    if (version.size() >= 2 && version.front() == '"' && version.back() == '"')
      version = version.substr(1, version.size() - 2);
  }
  return std::string(version);
}

}  // namespace

HttpAnswer ClinicApi::exercises(HttpRequest& request, std::string_view rest) {
  // rest: "ID/exercises" or "ID/exercises/EXID"
  const auto slash = rest.find('/');
  const auto id = patient_id(rest.substr(0, slash));
  std::string_view tail = rest.substr(slash + 1);
  constexpr std::string_view kExercises = "exercises";
  if (!tail.starts_with(kExercises) ||
      (tail.size() > kExercises.size() && tail[kExercises.size()] != '/'))
    return error_answer(404, "There is nothing at this address.");
  tail.remove_prefix(kExercises.size());
  const std::string exercise_id(tail.empty() ? std::string_view() : tail.substr(1));
  const bool one = !tail.empty();
  if (one && request.method != "DELETE")
    return error_answer(405, "Use DELETE.");
  if (!one && request.method != "GET" && request.method != "POST")
    return error_answer(405, "Use GET or POST.");

  std::vector<CheckedExercise> checked;
  if (request.method == "POST") {
    const auto body = request.read_body(kAssignmentLimit);
    if (!body) {
      return error_answer(413, fmt::format("That is over {} KiB: assign the exercises in smaller "
                                           "files.",
                                           kAssignmentLimit >> 10));
    }
    auto read = read_assignment(*body, builtin());
    if (!read)
      return error_answer(400, read.error().message);
    checked = std::move(*read);
  }

  const auto token = session_token(request);
  const auto now = clock_();
  struct Done {
    bool logged_in = false;
    AssignOutcome outcome = AssignOutcome::kUnknown;
    std::vector<AssignedExercise> list;
  };
  const auto done = pool_.with_connection([&](pg::Connection& connection) -> core::Result<Done> {
    Done result;
    LIMBER_TRY_ASSIGN(const auto therapist, therapist_of_session(connection, token, now));
    if (!therapist)
      return result;
    result.logged_in = true;
    if (!id)
      return result;
    if (request.method == "DELETE") {
      LIMBER_TRY_ASSIGN(result.outcome, remove_assigned(connection, *therapist, *id, exercise_id));
      return result;
    }
    if (request.method == "POST") {
      LIMBER_TRY_ASSIGN(result.outcome, assign(connection, *therapist, *id, checked, now));
    } else {
      LIMBER_TRY_ASSIGN(const auto patient, read_patient(connection, *therapist, *id));
      result.outcome = patient ? AssignOutcome::kDone : AssignOutcome::kUnknown;
    }
    if (result.outcome != AssignOutcome::kDone)
      return result;
    LIMBER_TRY_ASSIGN(result.list, read_assigned(connection, *therapist, *id));
    return result;
  });
  if (!done)
    return fault_answer(done.error());
  if (!done->logged_in)
    return log_in_first();
  if (request.method == "DELETE") {
    if (done->outcome == AssignOutcome::kDone)
      return json_answer(200, {{"removed", exercise_id}});
    return error_answer(404, fmt::format("There is no exercise {} assigned to this patient of "
                                         "yours.",
                                         exercise_id));
  }
  if (done->outcome == AssignOutcome::kStopped) {
    return error_answer(410,
                        "This patient stopped sharing, so nothing more can be assigned to "
                        "them.");
  }
  // A GET of a patient not the therapist's reads nothing: the same 404 as an unknown id.
  if (!id || done->outcome == AssignOutcome::kUnknown)
    return no_such_patient();
  return json_answer(request.method == "POST" ? 201 : 200, {{"exercises", list_json(done->list)}});
}

HttpAnswer ClinicApi::assigned_exercises(HttpRequest& request) {
  const auto token = bearer_token(request);
  if (token.empty()) {
    return error_answer(401,
                        "This clinic does not know that sharing key. Take a new invitation "
                        "from your therapist to share again.");
  }
  const auto version = known_version(request);
  const auto list = pool_.with_connection(
      [&](pg::Connection& connection) { return assigned_to_patient(connection, token, version); });
  if (!list)
    return fault_answer(list.error());
  const server::HttpFields etag = {{"ETag", fmt::format("\"{}\"", list->version)}};
  switch (list->outcome) {
    case PatientListOutcome::kUnchanged:
      return {304, "", "", etag};
    case PatientListOutcome::kStopped:
      return error_answer(410,
                          "You stopped sharing with this clinic, so it sends you nothing "
                          "more. Take a new invitation from your therapist to share again.");
    case PatientListOutcome::kUnknownToken:
      return error_answer(401,
                          "This clinic does not know that sharing key. Take a new "
                          "invitation from your therapist to share again.");
    case PatientListOutcome::kList:
      break;
  }
  auto exercises = nlohmann::json::parse(list->exercises, nullptr, false);
  if (!exercises.is_array())
    exercises = nlohmann::json::array();
  return json_answer(200, {{"version", list->version}, {"exercises", std::move(exercises)}}, etag);
}

}  // namespace limber::clinic
