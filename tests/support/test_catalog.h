// A small exercise catalog for the plan's rule tests (tests/core/plan_rules_test.cpp): a
// handful of entries written here, so the rules are tested on their own and a change to
// the real catalog's content (data/exercises/) does not break them. The tests that check
// the real catalog stay in tests/app.
#pragma once

#include <array>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/catalog.h"
#include "support/stop_block.h"

namespace limber::testing {

namespace detail {
// One entry: id, phases ("rest", "stand"...), level, position, minutes, and what it
// relaxes and eases, as in data/exercises/*.json.
inline std::string exercise_json(std::string_view id, std::string_view style,
                                 std::string_view phases, int level, std::string_view position,
                                 int minutes, std::string_view relaxes, std::string_view eases) {
  return fmt::format(
      R"({{"id": "{}", "name": "{}", "style": "{}", "summary": "A test exercise.",
  "phases": [{}], "level": {}, "position": "{}",
  "dose": {{"reps": 5, "sets": 1, "rest_seconds": 10}}, "minutes": {},
  "steps": ["Move gently."], "cues": ["Breathe."], "stop_if": [{}],
  "strengthens": ["deep-abs"], "relaxes": [{}], "eases": [{}]}})",
      id, id, style, phases, level, position, minutes, stop_block_json(), relaxes, eases);
}
}  // namespace detail

// Basics for every phase (the posture routine's ids among them, core/plan_tip3_posture.cpp),
// and a few yoga entries at rising levels for the main part.
inline std::span<const core::CatalogFile> test_catalog_files() {
  static const std::string kBasics = fmt::format(
      R"({{"style": "basics", "exercises": [{}]}})",
      fmt::join(
          std::vector<std::string>{
              detail::exercise_json("basics-lie-flat", "basics", R"("rest", "stand")", 1,
                                    "lying-back", 5, R"("lower-back")", R"("lower-back")"),
              detail::exercise_json("basics-belly-breathing", "basics",
                                    R"("rest", "stand", "walk", "move")", 1, "lying-back", 3,
                                    R"("lower-back")", R"("lower-back")"),
              detail::exercise_json("basics-drawing-in", "basics",
                                    R"("rest", "stand", "walk", "move")", 1, "lying-back", 3, "",
                                    R"("lower-back")"),
              detail::exercise_json("basics-log-roll", "basics", R"("rest", "stand")", 1,
                                    "lying-side", 2, "", R"("lower-back")"),
              detail::exercise_json("basics-assisted-steps", "basics", R"("rest", "stand")", 1,
                                    "walking", 2, "", R"("lower-back")"),
              detail::exercise_json("basics-stand-tall", "basics", R"("stand", "walk", "move")", 1,
                                    "standing", 2, R"("upper-back")", R"("mid-back")"),
              detail::exercise_json("basics-wall-check", "basics", R"("stand", "walk", "move")", 1,
                                    "standing", 2, R"("upper-back")", R"("mid-back")"),
              detail::exercise_json("basics-knee-rolls", "basics",
                                    R"("rest", "stand", "walk", "move")", 1, "lying-back", 3,
                                    R"("lower-back", "obliques")",
                                    R"("lower-back", "left-thigh", "right-thigh", "neck")"),
              detail::exercise_json("basics-pelvic-tilt", "basics", R"("stand", "walk", "move")", 1,
                                    "lying-back", 3, R"("lower-back")", R"("lower-back")"),
              detail::exercise_json("basics-heel-slides", "basics", R"("walk", "move")", 2,
                                    "lying-back", 3, "", R"("lower-back")"),
              detail::exercise_json("basics-sit-to-stand", "basics", R"("walk", "move")", 2,
                                    "sitting", 4, "", R"("left-thigh", "right-thigh")"),
              detail::exercise_json("basics-bridge", "basics", R"("walk", "move")", 3, "lying-back",
                                    5, "", R"("lower-back")"),
          },
          ", "));
  static const std::string kYoga = fmt::format(
      R"({{"style": "yoga", "exercises": [{}]}})",
      fmt::join(
          std::vector<std::string>{
              detail::exercise_json("yoga-cat-cow", "yoga", R"("stand", "walk", "move")", 1,
                                    "hands-and-knees", 4, R"("lower-back")", R"("lower-back")"),
              detail::exercise_json("yoga-childs-pose", "yoga", R"("walk", "move")", 1, "kneeling",
                                    3, R"("lower-back")", R"("lower-back")"),
              detail::exercise_json("yoga-sphinx", "yoga", R"("walk", "move")", 1, "lying-front", 3,
                                    R"("lower-back")", R"("lower-back")"),
              detail::exercise_json("yoga-bridge", "yoga", R"("walk", "move")", 2, "lying-back", 5,
                                    "", R"("lower-back")"),
              detail::exercise_json("yoga-low-lunge", "yoga", R"("walk", "move")", 2, "kneeling", 4,
                                    R"("hip-flexors")", R"("left-hip", "right-hip")"),
              detail::exercise_json("yoga-tree", "yoga", R"("walk", "move")", 2, "standing", 4, "",
                                    R"("mid-back")"),
              detail::exercise_json("yoga-bird-dog", "yoga", R"("walk", "move")", 3,
                                    "hands-and-knees", 5, "", R"("lower-back")"),
              detail::exercise_json("yoga-pigeon", "yoga", R"("walk", "move")", 3, "lying-front", 5,
                                    R"("glutes")", R"("left-buttock", "right-buttock")"),
              detail::exercise_json("yoga-chair", "yoga", R"("walk", "move")", 3, "standing", 4, "",
                                    R"("left-thigh", "right-thigh")"),
              detail::exercise_json("yoga-warrior", "yoga", R"("move")", 4, "standing", 5, "",
                                    R"("lower-back")"),
              detail::exercise_json("yoga-side-plank", "yoga", R"("move")", 5, "lying-side", 5, "",
                                    R"("lower-back")"),
          },
          ", "));
  static const std::array<core::CatalogFile, 2> kFiles = {core::CatalogFile{"basics.json", kBasics},
                                                          core::CatalogFile{"yoga.json", kYoga}};
  return kFiles;
}

inline const core::Catalog& test_catalog() {
  static const core::Catalog kCatalog = [] {
    auto parsed = core::Catalog::parse(test_catalog_files());
    if (!parsed)
      throw std::runtime_error("the test catalog does not parse: " + parsed.error().message);
    return *std::move(parsed);
  }();
  return kCatalog;
}

}  // namespace limber::testing
