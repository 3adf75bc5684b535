#include "clinic/assignments.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/therapist_file.h"

namespace limber::clinic {
namespace {

constexpr std::string_view kName = "Your exercises";

core::Error refused(std::string_view what) {
  return {core::ErrorCode::kBadFile, std::string(what)};
}

std::string seconds_of(core::Instant at) {
  return std::to_string(at.time_since_epoch().count());
}

}  // namespace

core::Result<std::vector<CheckedExercise>> read_assignment(std::string_view text,
                                                           const core::Catalog& builtin) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  std::string file(text);
  if (json.is_object() && json.contains("id") && !json.contains("exercises")) {
    // One exercise: made a file of its style, on the same first line, so the lines named
    // in an error are the lines sent.
    if (!json.contains("style") || !json["style"].is_string()) {
      return core::Unexpected(refused(
          R"(Your exercise has no "style": add the style it belongs to, like "style": "basics".)"));
    }
    file = fmt::format(R"({{"style": {}, "exercises": [)", json["style"].dump()) + file + "]}";
  } else if (!json.is_discarded() && !(json.is_object() && json.contains("exercises"))) {
    return core::Unexpected(
        refused(R"(Send one exercise ({"id": ..., "style": ..., ...}) or a file of them )"
                R"(({"style": ..., "exercises": [...]}), as limber exercises add takes.)"));
  }
  auto read = core::read_therapist_file(kName, file, builtin);
  if (!read)
    return core::Unexpected(refused(read.error().message));
  std::vector<CheckedExercise> checked;
  checked.reserve(read->exercises.size());
  for (std::size_t i = 0; i < read->exercises.size(); ++i)
    checked.push_back({read->exercises[i].id, read->style, read->objects[i]});
  return checked;
}

core::Result<std::vector<AssignedExercise>> read_assigned(pg::Connection& connection,
                                                          const Therapist& therapist,
                                                          std::int64_t patient_id) {
  return acting_for(connection, therapist, [&]() -> core::Result<std::vector<AssignedExercise>> {
    LIMBER_TRY_ASSIGN(const auto rows,
                      connection.query("SELECT exercise_id, style, exercise::text, assigned_by, "
                                       "extract(epoch FROM assigned_at)::bigint FROM "
                                       "clinic.read_assigned_exercises($1::bigint)",
                                       {std::to_string(patient_id)}));
    std::vector<AssignedExercise> exercises;
    exercises.reserve(static_cast<std::size_t>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
      exercises.push_back({rows.text(row, 0), rows.text(row, 1), rows.text(row, 2),
                           rows.text(row, 3), rows.integer(row, 4)});
    }
    return exercises;
  });
}

core::Result<AssignOutcome> assign(pg::Connection& connection, const Therapist& therapist,
                                   std::int64_t patient_id,
                                   std::span<const CheckedExercise> exercises, core::Instant now) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& exercise : exercises)
    list.push_back(nlohmann::json::parse(exercise.exercise));
  return acting_for(connection, therapist, [&]() -> core::Result<AssignOutcome> {
    LIMBER_TRY_ASSIGN(const auto rows,
                      connection.query("SELECT outcome FROM clinic.assign_exercises($1::bigint, "
                                       "$2::jsonb, to_timestamp($3::bigint))",
                                       {std::to_string(patient_id), list.dump(), seconds_of(now)}));
    const auto outcome = rows.text(0, 0);
    if (outcome == "assigned")
      return AssignOutcome::kDone;
    return outcome == "stopped" ? AssignOutcome::kStopped : AssignOutcome::kUnknown;
  });
}

core::Result<AssignOutcome> remove_assigned(pg::Connection& connection, const Therapist& therapist,
                                            std::int64_t patient_id, std::string_view exercise_id) {
  return acting_for(connection, therapist, [&]() -> core::Result<AssignOutcome> {
    LIMBER_TRY_ASSIGN(const auto rows,
                      connection.query("SELECT clinic.remove_assigned_exercise($1::bigint, $2)",
                                       {std::to_string(patient_id), std::string(exercise_id)}));
    return rows.text(0, 0) == "removed" ? AssignOutcome::kDone : AssignOutcome::kUnknown;
  });
}

core::Result<PatientList> assigned_to_patient(pg::Connection& connection, std::string_view token,
                                              std::string_view known_version) {
  return pg::in_transaction(connection, [&]() -> core::Result<PatientList> {
    LIMBER_TRY_ASSIGN(const auto rows,
                      connection.query("SELECT outcome, exercises::text, version FROM "
                                       "clinic.assigned_to_patient($1, $2)",
                                       {std::string(token), std::string(known_version)}));
    PatientList list;
    const auto outcome = rows.text(0, 0);
    list.version = rows.text(0, 2);
    if (outcome == "exercises") {
      list.outcome = PatientListOutcome::kList;
      list.exercises = rows.text(0, 1);
    } else if (outcome == "unchanged") {
      list.outcome = PatientListOutcome::kUnchanged;
    } else if (outcome == "stopped") {
      list.outcome = PatientListOutcome::kStopped;
    } else {
      list.outcome = PatientListOutcome::kUnknownToken;
    }
    return list;
  });
}

}  // namespace limber::clinic
