// The exercise catalog: every exercise limber can suggest, read from the reviewed JSON
// files in data/exercises/ (built into the binary) and checked entry by entry, so a
// broken entry fails the tests, never the person using limber.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/exercise.h"
#include "core/result.h"

namespace limber::core {

struct CatalogFile {
  std::string_view name;        // for messages: "yoga.json"
  std::string_view text;        // the JSON: {"style": "...", "exercises": [...]}
  bool from_therapist = false;  // its exercises are marked Exercise::from_therapist
};

class Catalog {
 public:
  // Parses and validates every file: ids unique and prefixed by their style, the style
  // matching the file, levels 1-5, exactly one of hold_seconds and reps, sets 1-5, at
  // least one step, every sentence of kStopBlock among the "stop if" cues, muscles and
  // regions from the fixed vocabularies, "tensions_nerves" (optional) true or false.
  // kBadFile "<file>: <id>: what is wrong" otherwise; "<file>, line N: <id>: ..." for a file
  // from a therapist, the line of the field that is wrong (and line and column for JSON
  // that does not parse).
  static Result<Catalog> parse(std::span<const CatalogFile> files);

  [[nodiscard]] std::span<const Exercise> all() const { return exercises_; }
  // nullptr when there is no such id.
  [[nodiscard]] const Exercise* find(std::string_view id) const;
  // The exercise, or kNotFound suggesting the closest id.
  [[nodiscard]] Result<const Exercise*> get(std::string_view id) const;

 private:
  std::vector<Exercise> exercises_;
};

}  // namespace limber::core
