// Issue #18: the page pauses the sitting timer's reminders through the diary; the watcher
// reads the pause from there (docs/sitting-timer.md, "Snooze and pause").
#include <array>

#include <gtest/gtest.h>

#include "app/local_time.h"
#include "app/sitting_service.h"
#include "core/time_parse.h"
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

// Issue #18: the page says whether a sitting timer runs at all. The watcher says so in the
// diary when it starts and every app::kTimerHeartbeat; one not heard from for longer than
// app::kTimerSilence (killed, or the computer off) is not running, nor one that stopped.
TEST_F(SittingPauseApiTest, SaysWhetherTheSittingTimerRuns) {
  const Answer none = get("/api/sitting/pause");
  ASSERT_EQ(none.status, 200) << none.text;
  EXPECT_EQ(none.body["timer"]["running"], false);
  EXPECT_TRUE(none.body["timer"]["seen_at"].is_null());

  // Started half an hour ago, last heard 30 minutes ago: longer than kTimerSilence.
  const app::SittingService watcher(*db_, app::local_now(kNoon - minutes{30}));
  ASSERT_TRUE(watcher.record_timer_running(kNoon - minutes{30}));
  EXPECT_EQ(get("/api/sitting/pause").body["timer"]["running"], false);
  // Heard again 2 minutes ago.
  const core::Instant seen = kNoon - minutes{2};
  ASSERT_TRUE(
      app::SittingService(*db_, app::local_now(seen)).record_timer_running(kNoon - minutes{30}));
  const Answer running = get("/api/sitting/pause");
  EXPECT_EQ(running.body["timer"]["running"], true);
  EXPECT_EQ(running.body["timer"]["seen_at"], core::format_iso(seen, app::utc_offset_at(seen)));
  // The PUT and DELETE answers say it too.
  EXPECT_EQ(send("PUT", "/api/sitting/pause", R"({"minutes": 10})").body["timer"]["running"], true);
  EXPECT_EQ(send("DELETE", "/api/sitting/pause").body["timer"]["running"], true);

  now_ = seen + app::kTimerSilence + minutes{1};  // went quiet
  EXPECT_EQ(get("/api/sitting/pause").body["timer"]["running"], false);

  now_ = kNoon;
  ASSERT_TRUE(watcher.record_timer_stopped());
  const Answer stopped = get("/api/sitting/pause");
  EXPECT_EQ(stopped.body["timer"]["running"], false);
  EXPECT_TRUE(stopped.body["timer"]["seen_at"].is_null());
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
