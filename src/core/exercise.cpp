#include "core/exercise.h"

#include <algorithm>
#include <array>

#include "core/vocabulary.h"

namespace limber::core {
namespace {

constexpr std::array<std::string_view, 6> kStyles = {"basics",   "ballet",  "capoeira",
                                                     "flamenco", "pilates", "yoga"};
constexpr std::array<std::string_view, 4> kPhases = {"rest", "stand", "walk", "move"};
constexpr std::array<std::string_view, 8> kPositions = {
    "lying-back", "lying-side", "lying-front", "hands-and-knees",
    "kneeling",   "sitting",    "standing",    "walking"};
constexpr std::array<std::string_view, 11> kMuscles = {
    "deep-abs",   "obliques",   "glutes", "hip-flexors", "hamstrings", "quads",
    "lower-back", "upper-back", "neck",   "shoulders",   "calves"};

template <class Enum, std::size_t N>
Result<Enum> parse_enum(std::string_view text, const std::array<std::string_view, N>& names,
                        std::string_view what) {
  return parse_name(text, names, what).transform([](std::size_t i) {
    return static_cast<Enum>(i);
  });
}

}  // namespace

std::string_view to_string(Style style) {
  return kStyles.at(static_cast<std::size_t>(style));
}
std::string_view to_string(Phase phase) {
  return kPhases.at(static_cast<std::size_t>(phase));
}
std::string_view to_string(Position position) {
  return kPositions.at(static_cast<std::size_t>(position));
}
std::string_view to_string(Muscle muscle) {
  return kMuscles.at(static_cast<std::size_t>(muscle));
}
std::span<const std::string_view> style_ids() {
  return kStyles;
}
std::span<const std::string_view> phase_ids() {
  return kPhases;
}
std::span<const std::string_view> muscle_ids() {
  return kMuscles;
}

Result<Style> parse_style(std::string_view text) {
  return parse_enum<Style>(text, kStyles, "style");
}
Result<Phase> parse_phase(std::string_view text) {
  // What `limber log --mobility` takes, for one vocabulary (issue #12, item 13): `lie` is
  // `rest`; `stand`, `walk` and `move` are the same words already.
  if (text == "lie")
    return Phase::kRest;
  return parse_enum<Phase>(text, kPhases, "phase");
}
Result<Position> parse_position(std::string_view text) {
  return parse_enum<Position>(text, kPositions, "position");
}
Result<Muscle> parse_muscle(std::string_view text) {
  return parse_enum<Muscle>(text, kMuscles, "muscle group");
}

bool Exercise::suits(Phase phase) const {
  return std::find(phases.begin(), phases.end(), phase) != phases.end();
}

bool Exercise::works(Muscle muscle) const {
  return std::find(strengthens.begin(), strengthens.end(), muscle) != strengthens.end() ||
         std::find(relaxes.begin(), relaxes.end(), muscle) != relaxes.end();
}

}  // namespace limber::core
