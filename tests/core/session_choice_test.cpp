#include "core/session_choice.h"

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

Exercise exercise(std::string id, Style style, int level, int minutes,
                  std::vector<Phase> phases = {Phase::kWalk, Phase::kMove},
                  Position position = Position::kStanding) {
  Exercise e;
  e.id = std::move(id);
  e.name = e.id;
  e.style = style;
  e.level = level;
  e.minutes = minutes;
  e.phases = std::move(phases);
  e.position = position;
  e.dose = Dose{20, std::nullopt, 1, 0};
  return e;
}

// A small catalog: what a walk-phase plan at level 1 uses, and what could lengthen it.
const std::vector<Exercise> kCatalog = {
    exercise("basics-posture", Style::kBasics, 1, 1,
             {Phase::kRest, Phase::kStand, Phase::kWalk}),                                // 0
    exercise("basics-posture-two", Style::kBasics, 1, 3, {Phase::kRest, Phase::kStand}),  // 1
    exercise("basics-warm", Style::kBasics, 1, 1),                                        // 2
    exercise("yoga-a", Style::kYoga, 1, 3),                                               // 3
    exercise("yoga-b", Style::kYoga, 1, 2),                                               // 4
    exercise("basics-c", Style::kBasics, 1, 2),                                           // 5
    exercise("basics-cool", Style::kBasics, 1, 2),                                        // 6
    exercise("yoga-harder", Style::kYoga, 2, 2),     // above the level
    exercise("ballet-other", Style::kBallet, 1, 2),  // a style not chosen
    exercise("basics-walk", Style::kBasics, 1, 2, {Phase::kWalk}, Position::kWalking),
    exercise("basics-rest-only", Style::kBasics, 1, 2, {Phase::kRest}),
    exercise("yoga-extra", Style::kYoga, 1, 2),      // fits
    exercise("basics-extra", Style::kBasics, 1, 3),  // fits
    exercise("yoga-long", Style::kYoga, 1, 40),      // never fits
};

const Exercise* at(std::size_t index) {
  return &kCatalog.at(index);
}

// 1 warm-up + 3 + 2 + 2 main + 2 cool-down = 10 minutes, and a posture routine.
Plan walk_plan() {
  Plan plan;
  plan.phase = Phase::kWalk;
  plan.level = 1;
  plan.session_minutes = 10;
  plan.exercises = {{at(0), Part::kPosture, ""}, {at(2), Part::kWarmUp, ""},
                    {at(3), Part::kMain, ""},    {at(4), Part::kMain, ""},
                    {at(5), Part::kMain, ""},    {at(6), Part::kCoolDown, ""}};
  return plan;
}

Plan rest_plan() {
  Plan plan;
  plan.phase = Phase::kRest;
  plan.level = 1;
  plan.session_minutes = 0;
  plan.exercises = {{at(0), Part::kPosture, ""}, {at(1), Part::kPosture, ""}};
  return plan;
}

std::vector<std::string> ids(const SessionChoice& choice) {
  std::vector<std::string> out;
  for (const SessionItem& item : choice.items)
    out.push_back(item.exercise->id);
  return out;
}

TEST(SessionChoiceTest, FitsThePlanToTheMinutesWithoutGoingAboveItsLevel) {
  const int longest = longest_session(Phase::kWalk);
  struct Case {
    std::string name;
    Plan plan;
    std::optional<int> minutes;
    std::vector<std::string> ids;
    int total;
    std::string note;  // a part of one of the notes; empty: no notes
  };
  const Case cases[] = {
      {"the plan as it is",
       walk_plan(),
       std::nullopt,
       {"basics-warm", "yoga-a", "yoga-b", "basics-c", "basics-cool"},
       10,
       ""},
      {"the plan's own length",
       walk_plan(),
       10,
       {"basics-warm", "yoga-a", "yoga-b", "basics-c", "basics-cool"},
       10,
       ""},
      {"shorter keeps the main part's first exercises",
       walk_plan(),
       7,
       {"basics-warm", "yoga-a", "basics-cool"},
       6,
       "Shortened to about 6 minutes: 2 exercises"},
      {"as many as fit",
       walk_plan(),
       8,
       {"basics-warm", "yoga-a", "yoga-b", "basics-cool"},
       8,
       "1 exercise left out"},
      {"never shorter than one main exercise",
       walk_plan(),
       1,
       {"basics-warm", "yoga-a", "basics-cool"},
       6,
       "Shortened"},
      {"longer adds exercises at the level, in the plan's styles",
       walk_plan(),
       15,
       {"basics-warm", "yoga-a", "yoga-b", "basics-c", "yoga-extra", "basics-extra", "basics-cool"},
       15,
       "with 2 more exercises at level 1 or below"},
      {"longer stops before it goes over",
       walk_plan(),
       13,
       {"basics-warm", "yoga-a", "yoga-b", "basics-c", "yoga-extra", "basics-cool"},
       12,
       "Lengthened to about 12 minutes"},
      {"never longer than the phase allows",
       walk_plan(),
       120,
       {"basics-warm", "yoga-a", "yoga-b", "basics-c", "yoga-extra", "basics-extra", "basics-cool"},
       15,
       "a session is at most " + std::to_string(longest) + " minutes"},
      {"before walking, the posture routine",
       rest_plan(),
       std::nullopt,
       {"basics-posture", "basics-posture-two"},
       4,
       "your session is the posture routine"},
      {"the posture routine can be shortened", rest_plan(), 2, {"basics-posture"}, 1, "Shortened"},
      {"the posture routine is not lengthened",
       rest_plan(),
       30,
       {"basics-posture", "basics-posture-two"},
       4,
       "stays at 4 minutes"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto choice = choose_session(c.plan, kCatalog, c.minutes);
    ASSERT_TRUE(choice.has_value()) << choice.error().message;
    EXPECT_EQ(ids(*choice), c.ids);
    EXPECT_EQ(choice->minutes, c.total);
    EXPECT_EQ(choice->posture_only, c.plan.session_minutes == 0);
    for (const SessionItem& item : choice->items) {
      EXPECT_LE(item.exercise->level, c.plan.level) << item.exercise->id;
      EXPECT_TRUE(item.exercise->suits(c.plan.phase)) << item.exercise->id;
    }
    if (c.note.empty()) {
      EXPECT_TRUE(choice->notes.empty());
    } else {
      std::string notes;
      for (const std::string& note : choice->notes)
        notes += note + "\n";
      EXPECT_NE(notes.find(c.note), std::string::npos) << notes;
    }
  }
}

TEST(SessionChoiceTest, KeepsThePartsInOrder) {
  auto choice = choose_session(walk_plan(), kCatalog, 15);
  ASSERT_TRUE(choice.has_value());
  EXPECT_EQ(choice->items.front().part, Part::kWarmUp);
  EXPECT_EQ(choice->items.back().part, Part::kCoolDown);
  EXPECT_EQ(choice->items.at(4).part, Part::kMain);  // an added one
}

TEST(SessionChoiceTest, RefusesMinutesOutOfRangeAndAnEmptyPlan) {
  EXPECT_EQ(choose_session(walk_plan(), kCatalog, 0).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(choose_session(walk_plan(), kCatalog, kMaxSessionMinutes + 1).error().code,
            ErrorCode::kInvalidInput);
  Plan paused;
  paused.paused = true;
  const auto empty = choose_session(paused, kCatalog, std::nullopt);
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(empty.error().remedy, Remedy::kSeePlan) << empty.error().message;
}

}  // namespace
}  // namespace limber::core
