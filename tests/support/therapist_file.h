// An exercise file from a therapist, as a person would save it (issue 15): the catalog's
// schema, one field per line, so a test can name the line a field is on.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "support/stop_block.h"

namespace limber::testing {

// One exercise of `style` with `id`, for the phases given (`"walk", "move"`) at `level`;
// in a file holding only this exercise, "id" is on line 5, "level" on line 10 and "dose" on
// line 12.
inline std::string therapist_exercise(std::string_view id, std::string_view style = "basics",
                                      std::string_view phases = R"("walk", "move")",
                                      int level = 1) {
  return fmt::format(R"(    {{
      "id": "{}",
      "name": "Towel squeeze",
      "style": "{}",
      "summary": "Squeeze a rolled towel between the knees.",
      "phases": [{}],
      "level": {},
      "position": "lying-back",
      "dose": {{"reps": 8, "sets": 2, "rest_seconds": 20}},
      "minutes": 3,
      "steps": ["Lie on your back, knees bent.", "Squeeze the towel for a count of five."],
      "cues": ["Breathe out as you squeeze."],
      "stop_if": [{}],
      "strengthens": ["deep-abs"],
      "relaxes": [],
      "eases": ["lower-back"]
    }})",
                     id, style, phases, level, stop_block_json());
}

// A file of `style` holding `exercises` (each from therapist_exercise), joined with commas.
inline std::string therapist_file(std::string_view exercises, std::string_view style = "basics") {
  return fmt::format("{{\n  \"style\": \"{}\",\n  \"exercises\": [\n{}\n  ]\n}}\n", style,
                     exercises);
}

}  // namespace limber::testing
