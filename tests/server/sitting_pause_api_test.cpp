// Issue #18: the page pauses the sitting timer's reminders through the diary; the watcher
// reads the pause from there (docs/sitting-timer.md, "Snooze and pause").
#include <array>

#include <gtest/gtest.h>

#include "app/sitting_service.h"
#include "server_fixture.h"
#include "store/sitting_store.h"

namespace limber::testing {
namespace {

using std::chrono::minutes;

class SittingPauseApiTest : public ServerTest {};

TEST_F(SittingPauseApiTest, PausesForMinutesShowsItAndResumes) {
  const Answer before = get("/api/sitting/pause");
  ASSERT_EQ(before.status, 200) << before.text;
  EXPECT_EQ(before.body["paused"], false);
  EXPECT_TRUE(before.body["until"].is_null());

  const Answer paused = send("PUT", "/api/sitting/pause", R"({"minutes": 30})");
  ASSERT_EQ(paused.status, 200) << paused.text;
  EXPECT_EQ(paused.body["paused"], true);
  const std::string text = paused.body["text"];
  EXPECT_EQ(text.rfind("Reminders paused until ", 0), 0U) << text;
  // The diary holds it, where the watcher reads it.
  EXPECT_EQ(store::SittingStore(*db_).pause(kNoon).value(), std::optional(kNoon + minutes{30}));
  EXPECT_EQ(get("/api/sitting/pause").body, paused.body);

  // It ends by itself.
  now_ = kNoon + minutes{30};
  EXPECT_EQ(get("/api/sitting/pause").body["paused"], false);

  ASSERT_EQ(send("PUT", "/api/sitting/pause", R"({"until": "tomorrow"})").status, 200);
  EXPECT_EQ(get("/api/sitting/pause").body["text"], "Reminders paused until tomorrow.");
  const Answer resumed = send("DELETE", "/api/sitting/pause");
  ASSERT_EQ(resumed.status, 200) << resumed.text;
  EXPECT_EQ(resumed.body["paused"], false);
  EXPECT_FALSE(*store::SittingStore(*db_).pause(now_.load()));
}

TEST_F(SittingPauseApiTest, RefusesWhatIsNotAPauseAndKeepsTheOneThere) {
  ASSERT_EQ(send("PUT", "/api/sitting/pause", R"({"minutes": 60})").status, 200);
  struct Case {
    const char* body;
    const char* says;
  };
  const auto cases = std::to_array<Case>({
      {R"({"minutes": 0})", "pause for 1 to 1440 minutes"},
      {R"({"minutes": 5000})", "pause for 1 to 1440 minutes"},
      {R"({"minutes": "ten"})", R"({"minutes": 30} or {"until": "tomorrow"})"},
      {R"({"until": "soon"})", "use 'tomorrow' or a time of day such as 14:30"},
      {R"({})", R"({"minutes": 30} or {"until": "tomorrow"})"},
      {R"({"minutes": 10, "until": "tomorrow"})", R"({"minutes": 30})"},
      {"[]", R"({"minutes": 30})"},
  });
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    const Answer refused = send("PUT", "/api/sitting/pause", c.body);
    EXPECT_EQ(refused.status, 400) << refused.text;
    EXPECT_NE(refused.error().find(c.says), std::string::npos) << refused.text;
  }
  EXPECT_EQ(store::SittingStore(*db_).pause(kNoon).value(), std::optional(kNoon + minutes{60}));
}

}  // namespace
}  // namespace limber::testing
