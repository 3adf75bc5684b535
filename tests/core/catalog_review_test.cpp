// The catalog in data/exercises/ after the physiotherapist's review (issue #20): read from
// the source tree, as the binary embeds it, and checked for what the plan relies on.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/catalog.h"

namespace limber::core {
namespace {

const Catalog& repository_catalog() {
  static const Catalog kCatalog = [] {
    static std::vector<std::string> names;
    static std::vector<std::string> texts;
    for (const std::string_view style : style_ids()) {
      names.push_back(std::string(style) + ".json");
      std::ifstream file(std::string(LIMBER_SOURCE_DIR "/data/exercises/") + names.back());
      EXPECT_TRUE(file) << names.back();
      std::stringstream text;
      text << file.rdbuf();
      texts.push_back(text.str());
    }
    std::vector<CatalogFile> files;
    for (std::size_t i = 0; i < names.size(); ++i)
      files.push_back({names[i], texts[i]});
    auto parsed = Catalog::parse(files);
    EXPECT_TRUE(parsed.has_value()) << parsed.error().message;
    return parsed.value_or(Catalog{});
  }();
  return kCatalog;
}

// Item 1: exactly the stretches that pull on the sciatic or femoral nerve are marked
// (docs/clinical-basis.md, "Catalog review (issue #20)", says why each one).
TEST(CatalogReviewTest, MarksExactlyTheStretchesThatPullOnANerve) {
  std::set<std::string> marked;
  for (const Exercise& exercise : repository_catalog().all()) {
    if (exercise.tensions_nerves)
      marked.insert(exercise.id);
  }
  const std::set<std::string> expected = {
      "basics-back-thigh-stretch", "basics-front-thigh-stretch", "basics-calf-stretch",
      "yoga-legs-up-wall",         "yoga-low-lunge-supported",
  };
  EXPECT_EQ(marked, expected);
}

// Item 5: the stop block closes every list, after the exercise's own cues.
TEST(CatalogReviewTest, EveryExerciseEndsItsStopListWithTheStopBlock) {
  ASSERT_GE(repository_catalog().all().size(), 80U);
  for (const Exercise& exercise : repository_catalog().all()) {
    SCOPED_TRACE(exercise.id);
    ASSERT_GE(exercise.stop_if.size(), kStopBlock.size());
    const std::vector<std::string> tail(exercise.stop_if.end() - kStopBlock.size(),
                                        exercise.stop_if.end());
    EXPECT_EQ(tail, std::vector<std::string>(kStopBlock.begin(), kStopBlock.end()));
  }
}

// Items 7 and 8: the ids the plan names, with the phases, level and position it expects,
// and none of them pulling on a nerve.
TEST(CatalogReviewTest, HasTheNewGentleOptionsThePlanNames) {
  struct Want {
    std::string_view id;
    Phase first;
    Phase last;
    Position position;
  };
  const Want wants[] = {
      {"basics-get-up-from-bed", Phase::kRest, Phase::kWalk, Position::kLyingBack},
      {"basics-knee-to-chest", Phase::kRest, Phase::kMove, Position::kLyingBack},
      {"basics-figure-four-lying", Phase::kStand, Phase::kMove, Position::kLyingBack},
      {"basics-side-lying", Phase::kRest, Phase::kMove, Position::kLyingSide},
      {"basics-calves-on-chair", Phase::kRest, Phase::kMove, Position::kLyingBack},
      {"basics-ankle-pumps", Phase::kRest, Phase::kMove, Position::kLyingBack},
      {"basics-thigh-tighten", Phase::kRest, Phase::kMove, Position::kLyingBack},
      {"basics-shoulder-blade-squeeze", Phase::kRest, Phase::kMove, Position::kSitting},
      {"basics-lying-face-down", Phase::kRest, Phase::kMove, Position::kLyingFront},
      {"basics-on-elbows", Phase::kStand, Phase::kMove, Position::kLyingFront},
      {"basics-pelvic-tilt", Phase::kRest, Phase::kMove, Position::kLyingBack},
      {"basics-heel-slides", Phase::kRest, Phase::kMove, Position::kLyingBack},
      {"basics-weak-or-tight-check", Phase::kStand, Phase::kMove, Position::kSitting},
      {"capoeira-cool-down", Phase::kWalk, Phase::kMove, Position::kSitting},
  };
  for (const Want& want : wants) {
    SCOPED_TRACE(want.id);
    const Exercise* exercise = repository_catalog().find(want.id);
    ASSERT_NE(exercise, nullptr);
    EXPECT_EQ(exercise->level, 1);
    EXPECT_FALSE(exercise->tensions_nerves);
    EXPECT_EQ(exercise->position, want.position);
    std::vector<Phase> phases;
    for (int p = static_cast<int>(want.first); p <= static_cast<int>(want.last); ++p)
      phases.push_back(static_cast<Phase>(p));
    EXPECT_EQ(exercise->phases, phases);
  }
}

// Item 8: a muscle marked weak always has a gentle option from the first days.
TEST(CatalogReviewTest, EveryMuscleHasALevelOneStrengtheningOptionForRestOrStand) {
  for (const std::string_view name : muscle_ids()) {
    SCOPED_TRACE(name);
    const Muscle muscle = *parse_muscle(name);
    bool found = false;
    for (const Exercise& exercise : repository_catalog().all()) {
      const bool early = exercise.suits(Phase::kRest) || exercise.suits(Phase::kStand);
      const bool strengthens = std::find(exercise.strengthens.begin(), exercise.strengthens.end(),
                                         muscle) != exercise.strengthens.end();
      found = found || (exercise.level == 1 && early && strengthens && !exercise.tensions_nerves);
    }
    EXPECT_TRUE(found);
  }
}

// Items 6 and 9: arms overhead only from walking; standing tall does not claim the glutes.
TEST(CatalogReviewTest, KeepsTheReviewsNarrowerRanges) {
  const Catalog& catalog = repository_catalog();
  for (const std::string_view id : {"ballet-port-de-bras", "flamenco-braceo"}) {
    SCOPED_TRACE(id);
    EXPECT_FALSE(catalog.find(id)->suits(Phase::kStand));
    EXPECT_TRUE(catalog.find(id)->suits(Phase::kWalk));
  }
  EXPECT_FALSE(catalog.find("basics-stand-tall")->works(Muscle::kGlutes));
  EXPECT_EQ(catalog.find("yoga-legs-up-wall")->level, 2);
  EXPECT_EQ(catalog.find("yoga-legs-on-chair")->level, 1);
  EXPECT_FALSE(catalog.find("yoga-legs-on-chair")->tensions_nerves);
  EXPECT_EQ(catalog.find("yoga-supine-twist-knees-up")->phases, std::vector<Phase>{Phase::kMove});
}

}  // namespace
}  // namespace limber::core
