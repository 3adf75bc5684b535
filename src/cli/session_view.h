// How a guided session looks and which keys drive it: the full screen of a terminal, the
// lines of plain mode, the words after it. Pure functions of the script's state, so the
// words are tested without a terminal. Text is for a person in pain: short, calm, plain.
// Internal to cli/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/entry.h"
#include "core/plan.h"
#include "core/session_script.h"

namespace limber::cli {

// The keys on a terminal, shown under the countdown.
inline constexpr std::string_view kSessionKeys =
    "space pause · Enter next · n skip · b back · q stop";

// The plain-mode protocol, for `limber session --help`.
inline constexpr std::string_view kPlainProtocol =
    "Keys: space pauses and goes on again, Enter starts now or ends this set or rest early, "
    "n skips the exercise, b goes back, q stops.\n"
    "\n"
    "Plain mode (--plain, or when stdin or stdout is not a terminal) reads one line at a "
    "time:\n"
    "  1. your pain before the session, 0-10;\n"
    "  2. during the session: an empty line (Enter) goes on, 'n' skips, 'b' goes back, 'p' "
    "pauses or goes on, 'q' stops; time passes in real seconds, so holds also end on their "
    "own;\n"
    "  3. when the session ends: your pain after it, 0-10.\n"
    "The end of the input stops the session. Exercises you began are logged.\n"
    "Example: printf '3\\n\\n\\nq\\n3\\n' | limber session --plain";

// "warm-up", "main part", "cool-down", "posture routine", "related pains".
std::string_view part_name(core::Part part);
// "0:25", "1:05".
std::string clock_text(int seconds);
// "8 slow reps, 2 sets, rest 30 s between", "hold 60 s, 3 times, rest 30 s between" or
// "once, at your own pace".
std::string dose_words(const core::Exercise& exercise);
// Where the session is: "Get ready · starts in 0:15", "Set 1 of 2 · Hold · 0:25 left",
// "Set 1 of 2 · Rep 3 of 8 · 0:40 left", "Rest · 0:20 · then set 2 of 2" (no "Set" part
// for a single set).
std::string status_line(const core::SessionScript& script);

// The terminal screen, most important first (where, the countdown, the keys, "stop if",
// the steps, the cues), wrapped to `width` columns and cut to `height` lines.
// REQUIRES: the script has items and is not over.
std::vector<std::string> screen_lines(const core::SessionScript& script, int width, int height);

// What plain mode prints when `event` happens.
std::vector<std::string> plain_lines(const core::SessionScript& script, core::SessionEvent event);
// What `limber session --speak` says when `event` happens, as the web page's speech switch
// does (web/js/session.js): "Next: Cat and cow. Kneel on all fours.", "Set 2. 8 times,
// slowly.", "Set 1. Hold for 30 seconds.", "Rest.", "Paused.", "Going on.", "Skipped.", the end.
// Nothing for a rep or going back.
std::optional<std::string> spoken_cue(const core::SessionScript& script, core::SessionEvent event);

// What plain mode prints after a tick: the countdown every 10 seconds, else nothing.
std::optional<std::string> plain_tick_line(const core::SessionScript& script);

// The key a byte stands for on a terminal in raw mode (Ctrl-C and Ctrl-D stop).
std::optional<core::SessionKey> key_for_byte(char byte);
// The key a line stands for in plain mode: "" next, "n" skip, "b" back, "p" or " " pause,
// "q" stop.
std::optional<core::SessionKey> key_for_line(std::string_view line);

// Said when pain after a session is kFlarePoints or more above pain before, else nullopt.
std::optional<std::string> flare_note(const core::SessionRecord& record);

}  // namespace limber::cli
