#include "core/catalog.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/stop_block.h"

namespace limber::core {
namespace {

constexpr std::string_view kOwnStop = "Stop if you feel sharp pain in your back.";

// One valid entry: its own stop cue, then the stop block every exercise carries.
std::string good() {
  return fmt::format(R"({{"style": "yoga", "exercises": [{{
  "id": "yoga-cat-cow", "name": "Cat and cow", "style": "yoga",
  "summary": "Moves the spine gently.", "phases": ["walk", "move"], "level": 1,
  "position": "hands-and-knees", "dose": {{"reps": 8, "sets": 2, "rest_seconds": 20}},
  "minutes": 3, "steps": ["Kneel on all fours."], "cues": ["Breathe."],
  "stop_if": ["{}", {}], "strengthens": ["deep-abs"],
  "relaxes": ["lower-back"], "eases": ["lower-back", "mid-back"]}}]}})",
                     kOwnStop, testing::stop_block_json());
}

std::string with(std::string_view from, std::string_view to) {
  std::string text = good();
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

Result<Catalog> parse_one(std::string_view text) {
  const CatalogFile files[] = {{"yoga.json", text}};
  return Catalog::parse(files);
}

TEST(CatalogTest, ReadsAnEntryWithEveryField) {
  auto catalog = parse_one(good());
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
  EXPECT_EQ(cat_cow->stop_if.size(), 1 + kStopBlock.size());
  EXPECT_EQ(cat_cow->stop_if.front(), kOwnStop);
  EXPECT_FALSE(cat_cow->tensions_nerves);  // the key is optional; absent means false
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
      {"no stop if", with(fmt::format("[\"{}\", {}]", kOwnStop, testing::stop_block_json()), "[]"),
       "'stop_if' needs"},
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

// Issue #20, item 5: the stop block is on every exercise, and an entry without one of its
// sentences is refused, naming the file, the id and the sentence that is missing.
TEST(CatalogTest, RefusesAnExerciseWhoseStopIfLacksASentenceOfTheStopBlock) {
  for (const std::string_view sentence : kStopBlock) {
    SCOPED_TRACE(sentence);
    auto catalog = parse_one(with(fmt::format("\"{}\"", sentence), "\"Stop if it hurts.\""));
    ASSERT_FALSE(catalog.has_value());
    EXPECT_EQ(catalog.error().code, ErrorCode::kBadFile);
    const std::string& message = catalog.error().message;
    EXPECT_TRUE(message.starts_with("yoga.json: yoga-cat-cow: ")) << message;
    EXPECT_NE(message.find(sentence), std::string::npos) << message;
    EXPECT_NE(message.find("stop block"), std::string::npos) << message;
  }
}

TEST(CatalogTest, ReadsTensionsNervesAndRefusesAnythingButTrueOrFalse) {
  const std::string marked = with("\"level\": 1,", "\"level\": 1, \"tensions_nerves\": true,");
  auto catalog = parse_one(marked);
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message;
  EXPECT_TRUE(catalog->find("yoga-cat-cow")->tensions_nerves);

  catalog = parse_one(with("\"level\": 1,", "\"level\": 1, \"tensions_nerves\": false,"));
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message;
  EXPECT_FALSE(catalog->find("yoga-cat-cow")->tensions_nerves);

  for (const std::string_view bad : {"\"yes\"", "1", "null"}) {
    SCOPED_TRACE(bad);
    catalog = parse_one(
        with("\"level\": 1,", fmt::format("\"level\": 1, \"tensions_nerves\": {},", bad)));
    ASSERT_FALSE(catalog.has_value());
    EXPECT_NE(catalog.error().message.find("yoga-cat-cow: 'tensions_nerves' must be true or false"),
              std::string::npos)
        << catalog.error().message;
  }
}

// The checker (data/exercises/check.py) keeps its own copy of the stop block: the two
// lists must say the same, or the checker would pass a catalog the binary refuses.
TEST(CatalogTest, TheCheckerKeepsTheSameStopBlock) {
  std::ifstream file(LIMBER_SOURCE_DIR "/data/exercises/check.py");
  ASSERT_TRUE(file) << "cannot read data/exercises/check.py";
  std::stringstream text;
  text << file.rdbuf();
  const std::string script = text.str();
  const auto start = script.find("STOP_BLOCK = [");
  ASSERT_NE(start, std::string::npos) << "check.py has no STOP_BLOCK list";
  const std::string list = script.substr(start, script.find(']', start) - start);
  std::size_t count = 0;
  for (const std::string_view sentence : kStopBlock) {
    EXPECT_NE(list.find(fmt::format("\"{}\"", sentence)), std::string::npos)
        << "check.py's STOP_BLOCK lacks: " << sentence;
  }
  for (std::size_t at = list.find("\"Stop if"); at != std::string::npos;
       at = list.find("\"Stop if", at + 1))
    ++count;
  EXPECT_EQ(count, kStopBlock.size()) << list;
}

TEST(CatalogTest, RejectsAnIdUsedTwice) {
  const std::string text = good();
  const CatalogFile files[] = {{"a.json", text}, {"b.json", text}};
  auto catalog = Catalog::parse(files);
  ASSERT_FALSE(catalog.has_value());
  EXPECT_NE(catalog.error().message.find("used twice"), std::string::npos);
}

TEST(CatalogTest, SuggestsTheClosestIdForAnUnknownOne) {
  auto catalog = parse_one(good());
  auto found = catalog->get("yoga-cat-cwo");
  ASSERT_FALSE(found.has_value());
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
  EXPECT_NE(found.error().message.find("Did you mean 'yoga-cat-cow'?"), std::string::npos);
}

}  // namespace
}  // namespace limber::core
