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
  EXPECT_NE(long_note.error().message.find("keep it to 2000 or fewer"), std::string::npos);
}

// Issue 11, defect 9: the limit is characters, so a note in Greek or with emoji gets as
// many as one in English.
TEST(EntryTest, CountsNoteLengthInCharactersNotBytes) {
  Entry entry;
  entry.detail = WalkRecord{10};
  std::string note;
  for (std::size_t i = 0; i < kMaxNoteLength; ++i)
    note += i % 2 == 0 ? "é" : "😀";
  entry.note = note;
  auto full = validate(entry);
  EXPECT_TRUE(full.has_value()) << full.error().message;
  entry.note = note + "x";
  auto over = validate(entry);
  ASSERT_FALSE(over.has_value());
  EXPECT_NE(over.error().message.find("2001 characters long"), std::string::npos)
      << over.error().message;
  std::string name(kMaxNameLength / 2, 'x');
  for (std::size_t i = 0; i < kMaxNameLength / 2; ++i)
    name += "ü";
  entry.note.clear();
  entry.detail = ReliefRecord{ReliefKind::kCream, name};
  EXPECT_TRUE(validate(entry).has_value());
  entry.detail = ReliefRecord{ReliefKind::kCream, name + "ü"};
  EXPECT_FALSE(validate(entry).has_value());
}

// Issue 11, defect 2: what is stored is UTF-8, so every reader and export can show it.
TEST(EntryTest, RefusesTextThatIsNotUtf8SayingWhichByte) {
  Entry entry;
  entry.detail = WalkRecord{10};
  entry.note = "caf\xE9";
  auto note = validate(entry);
  ASSERT_FALSE(note.has_value());
  EXPECT_EQ(note.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(note.error().message.find("the note is not UTF-8 text: byte 4 (0xE9, 'é' in Latin-1"),
            std::string::npos)
      << note.error().message;
  entry.note.clear();
  entry.detail = ReliefRecord{ReliefKind::kCream, "gel \xE2\x82"};
  auto name = validate(entry);
  ASSERT_FALSE(name.has_value());
  EXPECT_NE(name.error().message.find("the name is not UTF-8 text: byte 5 (0xE2)"),
            std::string::npos)
      << name.error().message;
}

TEST(EntryTest, RefusesEscapesAndOtherInvisibleControlCharacters) {
  Entry entry;
  entry.detail = WalkRecord{10};
  for (const std::string& note :
       {std::string("red \x1B[31m"), std::string("nul\0", 4), std::string("cr\r"),
        std::string("del\x7F"), std::string("c1 \xC2\x9B")}) {
    SCOPED_TRACE(note);
    entry.note = note;
    auto result = validate(entry);
    ASSERT_FALSE(result.has_value());
    EXPECT_NE(result.error().message.find("control character"), std::string::npos);
  }
  entry.note = "é\x1B";
  EXPECT_NE(validate(entry).error().message.find("(code 27) at character 2"), std::string::npos)
      << validate(entry).error().message;
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
