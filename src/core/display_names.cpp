#include "core/display_names.h"

#include <array>

#include <fmt/format.h>

namespace limber::core {
namespace {

// docs/clinical-basis.md, "Phases and pacing"; the names the page has always shown.
constexpr std::array<std::string_view, kPhaseCount> kPhaseNames = {"Rest and realign", "Stand tall",
                                                                   "Walk", "Move freely"};
constexpr std::array<std::string_view, kPhaseCount> kPhaseSummaries = {
    "Lying flat, breathing, getting up safely, changing position often.",
    "Posture with your abs, slow short walks on even ground, no long sitting.",
    "Gentle full-body basics in the styles you enjoy, longer walks.",
    "Range of motion and strength, back to normal activity.",
};
constexpr std::array<std::string_view, 6> kStyleNames = {"Basics",   "Ballet",  "Capoeira",
                                                         "Flamenco", "Pilates", "Yoga"};

}  // namespace

std::string_view display_name(Phase phase) {
  return kPhaseNames.at(static_cast<std::size_t>(phase));
}

std::string_view phase_summary(Phase phase) {
  return kPhaseSummaries.at(static_cast<std::size_t>(phase));
}

int phase_number(Phase phase) {
  return static_cast<int>(phase) + 1;
}

std::string phase_title(Phase phase) {
  return fmt::format("{} ({} of {})", display_name(phase), phase_number(phase), kPhaseCount);
}

std::string level_explanation(int level) {
  return fmt::format(
      "Level {} of {}: how demanding the exercises are. It goes up one step after three calm "
      "days, as far as the phase allows, and back down after a flare.",
      level, kMaxExerciseLevel);
}

Phase phase_for(Mobility mobility) {
  return static_cast<Phase>(static_cast<int>(mobility));
}

Mobility mobility_for(Phase phase) {
  return static_cast<Mobility>(static_cast<int>(phase));
}

std::string_view mobility_word(Phase phase) {
  return to_string(mobility_for(phase));
}

std::string_view display_name(Style style) {
  return kStyleNames.at(static_cast<std::size_t>(style));
}

std::string_view mobility_description(Mobility mobility) {
  switch (mobility) {
    case Mobility::kLie:
      return "could not yet stand up straight";
    case Mobility::kStand:
      return "could stand up straight";
    case Mobility::kWalk:
      return "could walk for several minutes";
    case Mobility::kMove:
      return "daily life mostly back";
  }
  return "";
}

std::string_view display_name(ReliefKind kind) {
  switch (kind) {
    case ReliefKind::kMedication:
      return "Medication";
    case ReliefKind::kCream:
      return "Cream or gel";
    case ReliefKind::kHeat:
      return "Heat";
    case ReliefKind::kCold:
      return "Cold";
    case ReliefKind::kOther:
      return "Other";
  }
  return "";
}

}  // namespace limber::core
