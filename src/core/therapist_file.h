// An exercise file from the person's therapist (issue 15, `limber exercises add`): the
// catalog's own schema (data/exercises/schema.json), read by the same rules as limber's
// catalog (core/catalog.h), so a therapist's exercise is planned by phase and level, carries
// the stop block and never passes a red flag, like every other.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/exercise.h"
#include "core/result.h"

namespace limber::core {

struct TherapistFile {
  std::string style;                 // the file's "style"
  std::vector<Exercise> exercises;   // in the file's order, marked from_therapist
  std::vector<std::string> objects;  // each exercise's JSON object, on one line, to store
};

// Reads `text` (named `name` in messages). kBadFile "<name>, line N: <id>: what is wrong"
// for a field that breaks the catalog's rules, "<name>, line N, column M: ..." for text that
// is not JSON, and for an id that is one of `builtin`'s: limber's own exercises keep their
// ids. A file without exercises is kBadFile too.
Result<TherapistFile> read_therapist_file(std::string_view name, std::string_view text,
                                          const Catalog& builtin);

// The JSON of a catalog file holding `objects` (each an exercise's object) of `style`.
std::string catalog_file_text(std::string_view style, const std::vector<std::string>& objects);

}  // namespace limber::core
