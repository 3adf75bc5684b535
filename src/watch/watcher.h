// `limber watch`: the reminder loop. Picks an idle source, listens to the screen locker and
// the notification server, feeds everything to core::SittingTimer with the time it
// happened, records what the timer says in the diary, and sleeps (sd-event) until the next
// event or the timer's next deadline. SIGTERM and SIGINT end it cleanly: the running bout
// or break is written before it exits.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/exercise.h"
#include "core/ics.h"
#include "core/result.h"
#include "core/sitting_timer.h"
#include "core/working_hours.h"
#include "store/database.h"

namespace limber::watch {

enum class SourceChoice { kAuto, kWayland, kGnome, kXSync, kXScreenSaver };
core::Result<SourceChoice> parse_source_choice(std::string_view text);

struct WatchOptions {
  core::SittingPolicy policy;
  std::optional<core::Instant> pause_until;
  SourceChoice source = SourceChoice::kAuto;
  // Reminders only inside these hours (--hours, --days); sitting is recorded at any time.
  core::WorkingHours hours;
  // "How is your back this evening?" at this time (minutes after midnight) on days with
  // nothing logged (issue #15, --log-reminder); off when empty.
  std::optional<std::chrono::minutes> log_reminder;
  bool verbose = false;
};

// What the watcher needs from its caller: the diary, the catalog and today's phase (for
// the suggested movement), a clock, and where to say things.
struct WatchContext {
  const store::Database& db;
  const core::Catalog& catalog;
  core::Phase phase = core::Phase::kStand;
  // limber's own planned walks and sessions of the coming week (the calendar export's
  // events): a reminder that falls due during one waits for its end.
  std::vector<core::CalendarEvent> planned;
  std::function<core::Instant()> clock;
  std::ostream& log;  // --verbose lines and warnings
};

// Runs until SIGTERM or SIGINT (returns success) or until the desktop goes away. kIo when
// no idle source or no notification server works; kBusy when another watcher runs.
core::Result<void> run_watch(const WatchOptions& options, const WatchContext& context);

// Asks the running watcher of this session to hold reminders until `until`. kNotFound
// when no watcher runs; kIo when there is no session bus.
core::Result<void> request_pause(core::Instant until);

// The evening question's words and its button, which opens the page's Log tab.
inline constexpr const char* kLogQuestion = "How is your back this evening?";
inline constexpr const char* kLogQuestionBody =
    "Nothing is in the diary today. A pain score takes a few seconds.";
inline constexpr const char* kOpenLogAction = "open-log";
inline constexpr const char* kOpenLogLabel = "Open the Log page";
// The page's Log tab at `limber serve`'s default address (server::kDefaultPort).
inline constexpr const char* kLogPageUrl = "http://127.0.0.1:5462/#/log";

// The D-Bus name a running watcher owns on the session bus (one watcher per session).
inline constexpr const char* kWatchBusName = "org.limber.Watch";

// The reminder's words, for a person: "You have been sitting for 35 minutes." and the
// movement to try with its first step and first "stop if" cue. Exposed for tests.
std::string reminder_body(const core::Reminder& reminder, const core::Exercise* movement);

// A moment as `--verbose` writes it: the local date and time, "2026-11-27 14:05:09", never
// the seconds since 1970. Exposed for tests.
std::string log_time(core::Instant at);

}  // namespace limber::watch
