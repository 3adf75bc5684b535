#include "core/display_names.h"

#include <gtest/gtest.h>

namespace limber::core {
namespace {

// Issue #12, item 13: "Rest and realign" on the page, "rest (level 1)" in the terminal.
TEST(DisplayNamesTest, EachPhaseHasOneNameAndItsPlaceInTheClimb) {
  struct Case {
    Phase phase;
    std::string_view name;
    std::string_view title;
    std::string_view typed;
  };
  const Case cases[] = {
      {Phase::kRest, "Rest and realign", "Rest and realign (1 of 4)", "lie"},
      {Phase::kStand, "Stand tall", "Stand tall (2 of 4)", "stand"},
      {Phase::kWalk, "Walk", "Walk (3 of 4)", "walk"},
      {Phase::kMove, "Move freely", "Move freely (4 of 4)", "move"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(display_name(c.phase), c.name);
    EXPECT_EQ(phase_title(c.phase), c.title);
    EXPECT_EQ(mobility_word(c.phase), c.typed);
    EXPECT_FALSE(phase_summary(c.phase).empty());
    EXPECT_EQ(phase_for(mobility_for(c.phase)), c.phase);
  }
}

TEST(DisplayNamesTest, ALevelSaysWhatItIs) {
  const std::string text = level_explanation(3);
  EXPECT_TRUE(text.starts_with("Level 3 of 5: how demanding the exercises are.")) << text;
  EXPECT_NE(text.find("three calm days"), std::string::npos) << text;
}

// Issue #12, item 13: the catalog said `rest` where `limber log --mobility` takes `lie`.
TEST(DisplayNamesTest, LieAndRestAreOneWordForTheFirstPhase) {
  EXPECT_EQ(parse_phase("lie"), Phase::kRest);
  EXPECT_EQ(parse_phase("rest"), Phase::kRest);
  EXPECT_EQ(parse_mobility("rest"), Mobility::kLie);
  EXPECT_EQ(parse_mobility("lie"), Mobility::kLie);
  for (std::string_view word : {"stand", "walk", "move"}) {
    SCOPED_TRACE(word);
    EXPECT_EQ(phase_for(*parse_mobility(word)), *parse_phase(word));
  }
  EXPECT_FALSE(parse_mobility("sprint"));
}

TEST(DisplayNamesTest, StylesHaveNamesForPeople) {
  EXPECT_EQ(display_name(Style::kBasics), "Basics");
  EXPECT_EQ(display_name(Style::kPilates), "Pilates");
}

}  // namespace
}  // namespace limber::core
