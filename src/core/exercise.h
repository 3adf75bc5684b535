// One exercise of the catalog (data/exercises/*.json), and the fixed vocabularies it uses:
// styles, recovery phases, positions, muscle groups.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/region.h"
#include "core/result.h"

namespace limber::core {

enum class Style { kBasics, kBallet, kCapoeira, kFlamenco, kPilates, kYoga };

// The article's milestones, in order (product brief, "Phases").
enum class Phase {
  kRest,   // cannot yet stand up straight
  kStand,  // can stand up straight, walking is hard
  kWalk,   // can walk for several minutes
  kMove,   // pain low, daily life mostly back
};

enum class Position {
  kLyingBack,
  kLyingSide,
  kLyingFront,
  kHandsAndKnees,
  kKneeling,
  kSitting,
  kStanding,
  kWalking,
};

enum class Muscle {
  kDeepAbs,
  kObliques,
  kGlutes,
  kHipFlexors,
  kHamstrings,
  kQuads,
  kLowerBack,
  kUpperBack,
  kNeck,
  kShoulders,
  kCalves,
};

std::string_view to_string(Style style);
std::string_view to_string(Phase phase);
std::string_view to_string(Position position);
std::string_view to_string(Muscle muscle);
std::span<const std::string_view> style_ids();
std::span<const std::string_view> phase_ids();
std::span<const std::string_view> muscle_ids();
Result<Style> parse_style(std::string_view text);
Result<Phase> parse_phase(std::string_view text);
Result<Position> parse_position(std::string_view text);
Result<Muscle> parse_muscle(std::string_view text);

// The stop block (issue #20, item 5): every exercise's "stop if" list holds these sentences
// word for word, besides its own. Catalog::parse and data/exercises/check.py (which keeps
// the same list) refuse an exercise without them. Sources: docs/clinical-basis.md,
// "Catalog review (issue #20)": nerve symptoms in a leg, and the signs of pressure on the
// nerves at the base of the spine (NICE CKS sciatica and low back pain red flags).
inline constexpr std::array<std::string_view, 3> kStopBlock = {
    "Stop if pain spreads down a leg.",
    "Stop if you feel numbness, tingling or pins and needles.",
    "Stop if you go numb between your legs, or your bladder or bowels change; run the safety "
    "check now.",
};

// How much of it: a hold or a number of repetitions, in sets.
struct Dose {
  std::optional<int> hold_seconds;  // exactly one of hold_seconds and reps is set
  std::optional<int> reps;
  int sets = 1;
  int rest_seconds = 0;
};

struct Exercise {
  std::string id;
  std::string name;
  Style style = Style::kBasics;
  std::string summary;
  std::vector<Phase> phases;
  int level = 1;  // 1 is the gentlest
  Position position = Position::kStanding;
  Dose dose;
  int minutes = 1;
  std::vector<std::string> steps;
  std::vector<std::string> cues;
  std::vector<std::string> stop_if;
  std::vector<Muscle> strengthens;
  std::vector<Muscle> relaxes;
  std::vector<Region> eases;
  // It pulls on the sciatic or femoral nerve (a straight-leg or thigh stretch): never
  // offered for leg pain that shoots, tingles or goes below the knee (issue #20).
  bool tensions_nerves = false;
  // Added by the person from their therapist's file (`limber exercises add`, issue 15), not
  // from limber's reviewed catalog: shown as "from your therapist", planned by the same rules.
  bool from_therapist = false;

  [[nodiscard]] bool suits(Phase phase) const;
  [[nodiscard]] bool works(Muscle muscle) const;  // strengthens or relaxes it
};

}  // namespace limber::core
