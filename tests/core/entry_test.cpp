#include "core/entry.h"

#include <gtest/gtest.h>

#include "core/mobility.h"

namespace limber::core {
namespace {

TEST(EntryTest, ValidatesWalkMinutes) {
  EXPECT_TRUE(walk_minutes(1).has_value());
  EXPECT_TRUE(walk_minutes(kMaxWalkMinutes).has_value());
  EXPECT_FALSE(walk_minutes(0).has_value());
  EXPECT_FALSE(walk_minutes(kMaxWalkMinutes + 1).has_value());
}

TEST(EntryTest, RejectsControlCharactersAndOverlongNotes) {
  Entry entry;
  entry.detail = WalkRecord{10};
  entry.note = "fine\nwith a newline\tand a tab";
  EXPECT_TRUE(validate(entry).has_value());
  entry.note = std::string("bell\a");
  EXPECT_FALSE(validate(entry).has_value());
  entry.note = std::string(kMaxNoteLength + 1, 'x');
  auto long_note = validate(entry);
  ASSERT_FALSE(long_note.has_value());
  EXPECT_NE(long_note.error().message.find("keep it under"), std::string::npos);
}

TEST(EntryTest, ReliefNamesFitOnOneLine) {
  Entry entry;
  entry.detail = ReliefRecord{ReliefKind::kHeat, "hot\nwater bottle"};
  EXPECT_FALSE(validate(entry).has_value());
}

TEST(EntryTest, KnowsItsKind) {
  Entry entry;
  entry.detail = ReliefRecord{ReliefKind::kCold, ""};
  EXPECT_EQ(entry.kind(), EntryKind::kRelief);
  EXPECT_EQ(to_string(entry.kind()), "relief");
}

}  // namespace
}  // namespace limber::core

namespace limber::core {
namespace {

// The plan says "you said you <description>" (issue #12: "you said you moving freely").
TEST(MobilityTest, EveryDescriptionCompletesYouSaidYou) {
  for (const std::string_view id : mobility_ids()) {
    const std::string_view words = describe(*parse_mobility(id));
    SCOPED_TRACE(words);
    EXPECT_TRUE(words.starts_with("can ") || words.starts_with("cannot ")) << words;
  }
}

}  // namespace
}  // namespace limber::core
