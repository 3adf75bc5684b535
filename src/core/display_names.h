// One vocabulary for what a person reads (issue #12, item 13): the names of the phases, what
// a level is, and the words typed for the four stages of getting up again. The CLI, the
// page (through the API's JSON) and the report take them from here, so "Rest and realign"
// is never "rest (level 1)" somewhere else.
#pragma once

#include <string>
#include <string_view>

#include "core/exercise.h"
#include "core/mobility.h"
#include "core/relief.h"

namespace limber::core {

inline constexpr int kPhaseCount = 4;
inline constexpr int kMaxExerciseLevel = 5;  // the catalog's levels run 1 to 5

// "Rest and realign", "Stand tall", "Walk", "Move freely".
std::string_view display_name(Phase phase);
// One sentence on what the phase is about: "Lying flat, breathing, ...".
std::string_view phase_summary(Phase phase);
// 1 to kPhaseCount, in the order a person climbs them.
int phase_number(Phase phase);
// "Rest and realign (1 of 4)": after "Phase: ".
std::string phase_title(Phase phase);
// One line on what a level is: "Level 2 of 5: how demanding the exercises are. ...".
std::string level_explanation(int level);

// A phase follows the mobility the person reports, one for one: lie is rest, stand is
// stand, and so on. Both words are accepted where either is typed (parse_mobility,
// parse_phase); the mobility word is the one shown (mobility_word).
Phase phase_for(Mobility mobility);
Mobility mobility_for(Phase phase);
// The word a person types for the phase: "lie", "stand", "walk", "move".
std::string_view mobility_word(Phase phase);

// "Basics", "Ballet", ..., "Yoga".
std::string_view display_name(Style style);

// What a mobility said of the person, as the report and the clinic's page put it: "could
// not yet stand up straight", ..., "daily life mostly back".
std::string_view mobility_description(Mobility mobility);

// "Medication", "Cream or gel", "Heat", "Cold", "Other".
std::string_view display_name(ReliefKind kind);

}  // namespace limber::core
