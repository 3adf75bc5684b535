#include "app/therapist_service.h"

#include <map>

#include <fmt/format.h>

#include "core/suggest.h"
#include "core/therapist_file.h"
#include "store/therapist_store.h"

namespace limber::app {

core::Result<core::Catalog> diary_catalog(const store::Database& db,
                                          std::span<const core::CatalogFile> builtin) {
  LIMBER_TRY_ASSIGN(auto stored, store::TherapistStore(db).all());
  if (stored.empty())
    return core::Catalog::parse(builtin);
  std::map<std::string, std::vector<std::string>> by_style;
  for (store::StoredExercise& exercise : stored)
    by_style[exercise.style].push_back(std::move(exercise.exercise));
  std::vector<std::string> texts;
  texts.reserve(by_style.size());
  for (const auto& [style, objects] : by_style)
    texts.push_back(core::catalog_file_text(style, objects));
  std::vector<core::CatalogFile> files(builtin.begin(), builtin.end());
  for (const std::string& text : texts)
    files.push_back({"exercises from your therapist", text, true});
  auto catalog = core::Catalog::parse(files);
  if (!catalog) {
    return core::fail(catalog.error().code,
                      fmt::format("{}: remove it with limber exercises remove ID and add it again "
                                  "from a corrected file",
                                  catalog.error().message));
  }
  return catalog;
}

core::Result<AddedExercises> TherapistService::add(std::string_view file_name,
                                                   std::string_view text,
                                                   const core::Catalog& builtin) const {
  LIMBER_TRY_ASSIGN(core::TherapistFile file, core::read_therapist_file(file_name, text, builtin));
  std::vector<store::StoredExercise> rows;
  rows.reserve(file.exercises.size());
  for (std::size_t i = 0; i < file.exercises.size(); ++i)
    rows.push_back({file.exercises[i].id, file.style, file.objects[i]});
  LIMBER_TRY_ASSIGN(const int new_ones, store::TherapistStore(db_).add(rows, now_.instant));
  return AddedExercises{std::move(file.exercises), new_ones};
}

core::Result<void> TherapistService::remove(std::string_view id,
                                            const core::Catalog& builtin) const {
  if (builtin.find(id) != nullptr) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("'{}' is one of limber's own exercises, not one from your "
                                  "therapist: only those you added can be removed",
                                  id));
  }
  const store::TherapistStore store(db_);
  auto removed = store.remove(id);
  if (removed || removed.error().code != core::ErrorCode::kNotFound)
    return removed;
  LIMBER_TRY_ASSIGN(auto stored, store.all());
  std::vector<std::string_view> ids;
  ids.reserve(stored.size());
  for (const store::StoredExercise& exercise : stored)
    ids.push_back(exercise.id);
  return core::fail(core::ErrorCode::kNotFound,
                    fmt::format("there is no exercise from your therapist '{}'.{}", id,
                                stored.empty() ? std::string(" None have been added.")
                                               : core::did_you_mean(id, ids)),
                    core::Remedy::kListExercises);
}

}  // namespace limber::app
