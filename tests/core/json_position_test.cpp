#include "core/json_position.h"

#include <gtest/gtest.h>

namespace limber::core {
namespace {

TEST(JsonPositionTest, CountsLinesAndCharactersFromOne) {
  const std::string_view text = "ab\ncé d\n";
  EXPECT_EQ(text_position(text, 0).line, 1U);
  EXPECT_EQ(text_position(text, 0).column, 1U);
  const auto d = text_position(text, text.find('d'));
  EXPECT_EQ(d.line, 2U);
  EXPECT_EQ(d.column, 4U);  // c, é (two bytes, one character), space, d
  EXPECT_EQ(text_position(text, 999).line, 3U);
}

TEST(JsonPositionTest, FindsWhereTextStopsBeingJson) {
  EXPECT_FALSE(json_error_offset(R"({"a": [1, 2]})").has_value());
  const std::string_view missing_comma = "{\n  \"a\": 1\n  \"b\": 2\n}";
  const auto offset = json_error_offset(missing_comma);
  ASSERT_TRUE(offset.has_value());
  EXPECT_EQ(text_position(missing_comma, *offset).line, 3U);
  EXPECT_EQ(text_position(missing_comma, *offset).column, 3U);
}

TEST(JsonPositionTest, FindsAMemberByItsPath) {
  const std::string_view text =
      "{\n \"style\": \"basics\",\n \"exercises\": [\n  {\"id\": \"a\", \"dose\": {\"reps\": "
      "[1, {\"x\": \"}\"}]}},\n  {\"id\": \"b\",\n   \"level\": 9}\n ]\n}";
  const auto at = [&](std::initializer_list<std::string> path) {
    const std::vector<std::string> steps(path);
    const auto offset = json_member_offset(text, steps);
    return offset ? std::optional<std::size_t>(text_position(text, *offset).line) : std::nullopt;
  };
  EXPECT_EQ(at({"style"}), 2U);
  EXPECT_EQ(at({"exercises", "0", "dose", "reps"}), 4U);
  EXPECT_EQ(at({"exercises", "1", "level"}), 6U);
  EXPECT_EQ(at({"exercises", "1"}), 5U);
  EXPECT_FALSE(at({"exercises", "2"}).has_value());
  EXPECT_FALSE(at({"exercises", "1", "minutes"}).has_value());
}

}  // namespace
}  // namespace limber::core
