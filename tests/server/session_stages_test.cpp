// The page's guided session walks through the stages GET /api/session gives it; they must
// take exactly as long as `limber session` (core::SessionScript) takes for each exercise.
#include <gtest/gtest.h>

#include "app/builtin_catalog.h"
#include "core/session_script.h"
#include "server/api.h"

namespace limber::server {
namespace {

TEST(SessionStagesTest, TakeAsLongAsTheTerminalSessionForEveryExercise) {
  auto catalog = app::builtin_catalog();
  ASSERT_TRUE(catalog) << catalog.error().message;
  for (const core::Exercise& exercise : catalog->all()) {
    SCOPED_TRACE(exercise.id);
    int staged = 0;
    for (const auto& stage : session_stages(exercise))
      staged += stage["seconds"].get<int>();
    core::SessionScript script({{&exercise, core::Part::kMain}});
    (void)script.start();
    int ticked = 0;
    while (!script.over() && ticked < 100000) {
      (void)script.tick();
      ++ticked;
    }
    EXPECT_EQ(staged, ticked);
  }
}

}  // namespace
}  // namespace limber::server
