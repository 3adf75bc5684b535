// Exercises from the person's therapist (issue 15): added from a file in the catalog's own
// schema, stored in the diary, removed by id; and the catalog a diary plans with, limber's
// own with them (shown "from your therapist", planned by the same rules).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/exercise.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::app {

// limber's own catalog and the therapist's exercises stored in `db`. A stored exercise that
// this limber can no longer read (a later catalog rule) is kBadFile naming it, with the fix:
// `limber exercises remove ID`.
core::Result<core::Catalog> diary_catalog(const store::Database& db,
                                          std::span<const core::CatalogFile> builtin);

struct AddedExercises {
  std::vector<core::Exercise> exercises;  // as read, in the file's order
  int new_ones = 0;                       // the others replaced one with the same id
};

class TherapistService {
 public:
  TherapistService(const store::Database& db, core::Now now) : db_(db), now_(now) {}

  // Reads the file (core/therapist_file.h: errors name the line and the field), refuses an
  // id of `builtin`, and stores every exercise, or none.
  core::Result<AddedExercises> add(std::string_view file_name, std::string_view text,
                                   const core::Catalog& builtin) const;
  // Removes a therapist's exercise. kNotFound suggesting the closest id of those added; a
  // built-in id is kInvalidInput (limber's own stay). Sessions logged with it keep its id.
  core::Result<void> remove(std::string_view id, const core::Catalog& builtin) const;

 private:
  const store::Database& db_;
  core::Now now_;
};

}  // namespace limber::app
