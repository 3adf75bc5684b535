#include "app/builtin_catalog.h"

#include <map>

#include <gtest/gtest.h>

namespace limber::app {
namespace {

using core::Phase;
using core::Style;

// The catalog in data/exercises/ as the binary carries it: a broken entry fails here.
TEST(BuiltinCatalogTest, EveryEntryInTheRepositoryIsValid) {
  auto catalog = builtin_catalog();
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message;
  EXPECT_GE(catalog->all().size(), 50U);
}

TEST(BuiltinCatalogTest, EveryStyleHasSixGentleEntriesStartingAtLevelOne) {
  auto catalog = builtin_catalog();
  ASSERT_TRUE(catalog.has_value());
  std::map<Style, std::vector<const core::Exercise*>> by_style;
  for (const core::Exercise& exercise : catalog->all()) {
    by_style[exercise.style].push_back(&exercise);
  }
  ASSERT_EQ(by_style.size(), 6U);
  for (const auto& [style, exercises] : by_style) {
    SCOPED_TRACE(core::to_string(style));
    EXPECT_GE(exercises.size(), 6U);
    EXPECT_EQ(exercises.front()->level, 1);
  }
}

TEST(BuiltinCatalogTest, OnlyBasicsSuitTheRestPhaseAndEveryPhaseHasWork) {
  auto catalog = builtin_catalog();
  ASSERT_TRUE(catalog.has_value());
  std::map<Phase, int> per_phase;
  for (const core::Exercise& exercise : catalog->all()) {
    for (Phase phase : exercise.phases)
      ++per_phase[phase];
    if (exercise.suits(Phase::kRest)) {
      EXPECT_EQ(exercise.style, Style::kBasics) << exercise.id;
      EXPECT_EQ(exercise.level, 1) << exercise.id;
    }
  }
  for (Phase phase : {Phase::kRest, Phase::kStand, Phase::kWalk, Phase::kMove}) {
    EXPECT_GE(per_phase[phase], 5) << core::to_string(phase);
  }
}

}  // namespace
}  // namespace limber::app
