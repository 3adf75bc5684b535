#include "core/catalog.h"

#include <gtest/gtest.h>

namespace limber::core {
namespace {

constexpr std::string_view kGood = R"({"style": "yoga", "exercises": [{
  "id": "yoga-cat-cow", "name": "Cat and cow", "style": "yoga",
  "summary": "Moves the spine gently.", "phases": ["walk", "move"], "level": 1,
  "position": "hands-and-knees", "dose": {"reps": 8, "sets": 2, "rest_seconds": 20},
  "minutes": 3, "steps": ["Kneel on all fours."], "cues": ["Breathe."],
  "stop_if": ["Stop if pain spreads down a leg."], "strengthens": ["deep-abs"],
  "relaxes": ["lower-back"], "eases": ["lower-back", "mid-back"]}]})";

std::string with(std::string_view from, std::string_view to) {
  std::string text(kGood);
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

Result<Catalog> parse_one(std::string_view text) {
  const CatalogFile files[] = {{"yoga.json", text}};
  return Catalog::parse(files);
}

TEST(CatalogTest, ReadsAnEntryWithEveryField) {
  auto catalog = parse_one(kGood);
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message;
  const Exercise* cat_cow = catalog->find("yoga-cat-cow");
  ASSERT_NE(cat_cow, nullptr);
  EXPECT_EQ(cat_cow->style, Style::kYoga);
  EXPECT_EQ(cat_cow->dose.reps, 8);
  EXPECT_FALSE(cat_cow->dose.hold_seconds.has_value());
  EXPECT_TRUE(cat_cow->suits(Phase::kWalk));
  EXPECT_FALSE(cat_cow->suits(Phase::kRest));
  EXPECT_TRUE(cat_cow->works(Muscle::kLowerBack));
  EXPECT_EQ(cat_cow->eases.size(), 2U);
}

TEST(CatalogTest, RejectsBrokenEntriesNamingTheFileTheIdAndTheProblem) {
  struct Case {
    std::string name;
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"not json", "{", "yoga.json: not valid JSON"},
      {"level", with("\"level\": 1", "\"level\": 7"), "yoga-cat-cow: 'level' is 7: use 1 to 5"},
      {"both doses", with("\"reps\": 8", "\"reps\": 8, \"hold_seconds\": 10"), "exactly one"},
      {"no stop if", with("[\"Stop if pain spreads down a leg.\"]", "[]"), "'stop_if' needs"},
      {"muscle", with("[\"deep-abs\"]", "[\"deep-absz\"]"), "Did you mean 'deep-abs'?"},
      {"region", with("\"mid-back\"]", "\"midback\"]"), "Did you mean 'mid-back'?"},
      {"style",
       with("\"Cat and cow\", \"style\": \"yoga\"", "\"Cat and cow\", \"style\": \"ballet\""),
       "does not match"},
      {"prefix", with("\"id\": \"yoga-cat-cow\"", "\"id\": \"cat-cow\""), "must start with"},
      {"phase", with("[\"walk\", \"move\"]", "[\"walk\", \"run\"]"), "unknown phase 'run'"},
      {"no muscles",
       with("\"strengthens\": [\"deep-abs\"],\n  \"relaxes\": [\"lower-back\"]",
            "\"strengthens\": [], \"relaxes\": []"),
       "at least one muscle"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto catalog = parse_one(c.text);
    ASSERT_FALSE(catalog.has_value());
    EXPECT_EQ(catalog.error().code, ErrorCode::kBadFile);
    EXPECT_NE(catalog.error().message.find(c.expected), std::string::npos)
        << catalog.error().message;
  }
}

TEST(CatalogTest, RejectsAnIdUsedTwice) {
  const CatalogFile files[] = {{"a.json", kGood}, {"b.json", kGood}};
  auto catalog = Catalog::parse(files);
  ASSERT_FALSE(catalog.has_value());
  EXPECT_NE(catalog.error().message.find("used twice"), std::string::npos);
}

TEST(CatalogTest, SuggestsTheClosestIdForAnUnknownOne) {
  auto catalog = parse_one(kGood);
  auto found = catalog->get("yoga-cat-cwo");
  ASSERT_FALSE(found.has_value());
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
  EXPECT_NE(found.error().message.find("Did you mean 'yoga-cat-cow'?"), std::string::npos);
}

}  // namespace
}  // namespace limber::core
