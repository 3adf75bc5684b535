#include "cli/session_view.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace limber::cli {
namespace {

using core::SessionKey;

// Columns on screen: each UTF-8 code point counts once.
std::size_t columns(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

core::Exercise lie_flat() {
  core::Exercise exercise;
  exercise.id = "basics-lie-flat";
  exercise.name = "Lie flat to realign";
  exercise.dose = core::Dose{60, std::nullopt, 3, 30};
  exercise.steps = {
      "Lie on your back on a firm bed, a mat or a carpeted floor, with a thin "
      "pillow under your head if your neck feels strained.",
      "Stay still and breathe slowly."};
  exercise.cues = {"Let the floor hold you."};
  exercise.stop_if = {"Stop if pain shoots down a leg."};
  return exercise;
}

TEST(SessionViewTest, MapsKeysAndLines) {
  struct Case {
    std::string input;
    std::optional<SessionKey> byte;  // as a raw terminal byte (first character)
    std::optional<SessionKey> line;  // as a plain-mode line
  };
  const Case cases[] = {
      {" ", SessionKey::kPause, SessionKey::kPause},
      {"p", SessionKey::kPause, SessionKey::kPause},
      {"\r", SessionKey::kNext, std::nullopt},
      {"n", SessionKey::kSkip, SessionKey::kSkip},
      {"b", SessionKey::kBack, SessionKey::kBack},
      {"q", SessionKey::kStop, SessionKey::kStop},
      {"\x03", SessionKey::kStop, SessionKey::kStop},
      {"B", std::nullopt, std::nullopt},          // the end of an arrow key's escape sequence
      {"next", SessionKey::kSkip, std::nullopt},  // a word is not a key
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(key_for_byte(c.input.front()), c.byte);
    EXPECT_EQ(key_for_line(c.input), c.line);
  }
  EXPECT_EQ(key_for_line(""), SessionKey::kNext);
}

TEST(SessionViewTest, ShowsTheCountdownNearTheTopAndFitsTheScreen) {
  const core::Exercise exercise = lie_flat();
  core::SessionScript script({{&exercise, core::Part::kPosture}});
  script.start();
  script.press(SessionKey::kNext);
  script.tick();
  struct Case {
    int width;
    int height;
    std::size_t status_at;  // the countdown's line
  };
  const Case cases[] = {{80, 24, 3}, {40, 12, 5}, {30, 8, 5}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.width);
    const auto lines = screen_lines(script, c.width, c.height);
    EXPECT_LE(lines.size(), static_cast<std::size_t>(c.height));
    EXPECT_TRUE(lines[0].starts_with("limber session · 1 of 1")) << lines[0];
    ASSERT_GT(lines.size(), c.status_at);
    EXPECT_TRUE(lines[c.status_at].starts_with("Set 1 of 3 · Hold")) << lines[c.status_at];
    for (const std::string& line : lines)
      EXPECT_LE(columns(line), static_cast<std::size_t>(c.width)) << line;
  }
  EXPECT_EQ(screen_lines(script, 30, 8).size(), 8U) << "cut to the screen";
  const auto tall = screen_lines(script, 80, 40);
  EXPECT_EQ(tall[3], "Set 1 of 3 · Hold · 0:59 left");
  EXPECT_NE(std::find(tall.begin(), tall.end(), "Stop if:"), tall.end());
  EXPECT_EQ(tall.back(), "  · Let the floor hold you.");
  script.press(SessionKey::kPause);
  EXPECT_EQ(screen_lines(script, 80, 24)[3],
            "Set 1 of 3 · Hold · 0:59 left · PAUSED, space or Enter to go on");
}

// Issue #15: the cues `limber session --speak` says, as the page's speech switch does.
TEST(SessionViewTest, SpeaksTheCuesThePageSpeaks) {
  const core::Exercise exercise = lie_flat();
  core::SessionScript script({{&exercise, core::Part::kPosture}});
  std::vector<std::string> said;
  const auto hear = [&](const std::vector<core::SessionEvent>& events) {
    for (const core::SessionEvent event : events) {
      if (auto cue = spoken_cue(script, event))
        said.push_back(*cue);
    }
  };
  hear(script.start());
  hear(script.press(SessionKey::kNext));
  hear(script.press(SessionKey::kPause));
  hear(script.press(SessionKey::kPause));
  hear(script.press(SessionKey::kStop));
  EXPECT_EQ(said, (std::vector<std::string>{
                      "Next: Lie flat to realign. Lie on your back on a firm bed, a mat or a "
                      "carpeted floor, with a thin pillow under your head if your neck feels "
                      "strained.",
                      "Set 1. Hold for 60 seconds.", "Paused.", "Going on.", "Session stopped."}));
  EXPECT_FALSE(spoken_cue(script, core::SessionEvent::kRep));
}

TEST(SessionViewTest, PlainModeCountsDownEveryTenSeconds) {
  const core::Exercise exercise = lie_flat();
  core::SessionScript script({{&exercise, core::Part::kPosture}});
  script.start();
  script.press(SessionKey::kNext);
  std::vector<std::string> shown;
  for (int second = 0; second < 30; ++second) {
    script.tick();
    if (auto line = plain_tick_line(script))
      shown.push_back(*line);
  }
  EXPECT_EQ(shown, (std::vector<std::string>{"Set 1 of 3 · Hold · 0:50 left",
                                             "Set 1 of 3 · Hold · 0:40 left",
                                             "Set 1 of 3 · Hold · 0:30 left"}));
}

TEST(SessionViewTest, NamesAFlareOnlyFromTwoPointsUp) {
  const auto record = [](int before, int after) {
    return core::SessionRecord{{"basics-lie-flat"},
                               *core::PainScore::from_int(before),
                               *core::PainScore::from_int(after),
                               5};
  };
  EXPECT_FALSE(flare_note(record(3, 4)).has_value());
  EXPECT_FALSE(flare_note(record(5, 2)).has_value());
  ASSERT_TRUE(flare_note(record(3, 5)).has_value());
  EXPECT_NE(flare_note(record(3, 5))->find("step back"), std::string::npos);
}

TEST(SessionViewTest, DescribesDosesInPlainWords) {
  core::Exercise exercise = lie_flat();
  EXPECT_EQ(dose_words(exercise), "hold 60 s, 3 times, rest 30 s between");
  exercise.dose = core::Dose{std::nullopt, 8, 2, 30};
  EXPECT_EQ(dose_words(exercise), "8 slow reps, 2 sets, rest 30 s between");
  exercise.dose = core::Dose{std::nullopt, 1, 1, 0};
  EXPECT_EQ(dose_words(exercise), "once, at your own pace");
  EXPECT_EQ(clock_text(65), "1:05");
}

}  // namespace
}  // namespace limber::cli
