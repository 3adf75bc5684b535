#include "app/assigned_exercises.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/therapist_file.h"
#include "store/share_store.h"
#include "store/therapist_store.h"

namespace limber::app {
namespace {

using core::ErrorCode;

constexpr std::string_view kListName = "the clinic's list of your exercises";

core::Error not_understood(std::string_view what) {
  return {ErrorCode::kBadFile,
          fmt::format("{} could not be read ({}); your plan keeps the exercises it had", kListName,
                      what)};
}

// The clinic's list, checked by the catalog's own rules, as the diary keeps it.
core::Result<std::vector<store::StoredExercise>> read_list(const nlohmann::json& list,
                                                           const core::Catalog& builtin) {
  if (!list.is_array())
    return core::Unexpected(not_understood("it is not a list"));
  std::map<std::string, std::vector<std::string>> by_style;
  for (const auto& item : list) {
    if (!item.is_object() || !item.contains("exercise") || !item["exercise"].is_object() ||
        !item["exercise"].contains("style") || !item["exercise"]["style"].is_string())
      return core::Unexpected(not_understood("an exercise without its style"));
    by_style[item["exercise"]["style"].get<std::string>()].push_back(item["exercise"].dump());
  }
  std::vector<store::StoredExercise> rows;
  for (const auto& [style, objects] : by_style) {
    auto file =
        core::read_therapist_file(kListName, core::catalog_file_text(style, objects), builtin);
    if (!file) {
      return core::fail(ErrorCode::kBadFile,
                        fmt::format("{}; your plan keeps the exercises it had; ask your "
                                    "therapist to correct it",
                                    file.error().message));
    }
    for (std::size_t i = 0; i < file->exercises.size(); ++i)
      rows.push_back({file->exercises[i].id, file->style, file->objects[i], "clinic"});
  }
  return rows;
}

std::string clinic_sentence(const ClinicReply& reply) {
  const auto json = nlohmann::json::parse(reply.body, nullptr, false);
  if (json.is_object() && json.contains("error") && json["error"].is_string())
    return json["error"].get<std::string>();
  return fmt::format("the clinic answered {}", reply.status);
}

}  // namespace

core::Result<AssignedFetch> AssignedExercises::fetch() const {
  LIMBER_TRY_ASSIGN(const auto clinic, store::ShareStore(db_).clinic());
  AssignedFetch fetched;
  if (!clinic || clinic->stopping)
    return fetched;
  fetched.asked = true;
  const store::TherapistStore store(db_);
  LIMBER_TRY_ASSIGN(const auto before, store.clinic_set());
  fetched.exercises = before.exercises;
  fetched.before = before.exercises;
  LIMBER_TRY_ASSIGN(const auto reply,
                    call_(clinic->url, {"GET", "/api/share/exercises?version=" + before.version, "",
                                        clinic->token}));
  // 304: the list is the one taken last. 404: a clinic from before assignments.
  if (reply.status == 304 || reply.status == 404)
    return fetched;
  if (reply.status >= 500) {
    return core::fail(ErrorCode::kBusy, fmt::format("the clinic could not send your exercises: {}",
                                                    clinic_sentence(reply)));
  }
  if (reply.status != 200) {
    return core::fail(ErrorCode::kInvalidInput,
                      fmt::format("the clinic refused: {}", clinic_sentence(reply)));
  }
  const auto answer = nlohmann::json::parse(reply.body, nullptr, false);
  if (!answer.is_object() || !answer.contains("version") || !answer["version"].is_string() ||
      answer["version"].get<std::string>().size() != 64 || !answer.contains("exercises"))
    return core::Unexpected(not_understood("the answer is not the list limber asked for"));
  LIMBER_TRY_ASSIGN(const auto builtin, core::Catalog::parse(builtin_));
  LIMBER_TRY_ASSIGN(const auto rows, read_list(answer["exercises"], builtin));
  LIMBER_TRY_ASSIGN(
      fetched.left_to_files,
      store.replace_from_clinic(rows, answer["version"].get<std::string>(), clock_()));
  fetched.changed = true;
  fetched.exercises = static_cast<int>(rows.size() - fetched.left_to_files.size());
  return fetched;
}

core::Result<AssignedStatus> AssignedExercises::status() const {
  LIMBER_TRY_ASSIGN(const auto set, store::TherapistStore(db_).clinic_set());
  return AssignedStatus{set.exercises, set.received_at};
}

}  // namespace limber::app
