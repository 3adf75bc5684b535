#include "cli/session_view.h"

#include <algorithm>

#include <fmt/format.h>

#include "cli/wrap.h"
#include "core/utf8.h"

namespace limber::cli {
namespace {

using core::SessionEvent;
using core::SessionScript;
using core::SessionStage;

// Word-wraps `text` after `first` into `lines` (cli/wrap.h).
void wrap(std::vector<std::string>& lines, std::string_view first, std::string_view text,
          int width) {
  for (std::string& line : cli::wrap(first, text, width))
    lines.push_back(std::move(line));
}

void add_list(std::vector<std::string>& lines, std::string_view heading,
              const std::vector<std::string>& items, bool numbered, int width) {
  if (items.empty())
    return;
  lines.emplace_back(heading);
  for (std::size_t i = 0; i < items.size(); ++i) {
    wrap(lines, numbered ? fmt::format("  {}. ", i + 1) : std::string("  · "), items[i], width);
  }
}

std::string where(const SessionScript& script) {
  return fmt::format("{} of {} · {}", script.index() + 1, script.items().size(),
                     part_name(script.item().part));
}

}  // namespace

std::string_view part_name(core::Part part) {
  switch (part) {
    case core::Part::kPosture:
      return "posture routine";
    case core::Part::kWarmUp:
      return "warm-up";
    case core::Part::kMain:
      return "main part";
    case core::Part::kCoolDown:
      return "cool-down";
    case core::Part::kRelated:
      return "related pains";
  }
  return "main part";
}

std::string clock_text(int seconds) {
  seconds = std::max(seconds, 0);
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string dose_words(const core::Exercise& exercise) {
  const core::Dose& dose = exercise.dose;
  const int reps = dose.reps.value_or(1);
  std::string words = dose.hold_seconds ? fmt::format("hold {} s", *dose.hold_seconds)
                      : reps == 1       ? std::string("once, at your own pace")
                                        : fmt::format("{} slow reps", reps);
  if (dose.sets > 1) {
    words += dose.hold_seconds ? fmt::format(", {} times", dose.sets)
                               : fmt::format(", {} sets", dose.sets);
  }
  if (dose.sets > 1 && dose.rest_seconds > 0)
    words += fmt::format(", rest {} s between", dose.rest_seconds);
  return words;
}

std::string status_line(const SessionScript& script) {
  const std::string set =
      script.sets() > 1 ? fmt::format("Set {} of {} · ", script.set(), script.sets()) : "";
  const std::string left = clock_text(script.seconds_left());
  switch (script.stage()) {
    case SessionStage::kReady:
      return fmt::format("Get ready · starts in {}", left);
    case SessionStage::kWork:
      if (script.is_hold())
        return fmt::format("{}Hold · {} left", set, left);
      if (script.reps() == 1)
        return fmt::format("{}At your own pace · {} left", set, left);
      return fmt::format("{}Rep {} of {} · {} left", set, script.rep(), script.reps(), left);
    case SessionStage::kRest:
      return fmt::format("Rest · {} · then set {} of {}", clock_text(script.seconds_left()),
                         script.set() + 1, script.sets());
    case SessionStage::kFinished:
      return "Done";
    case SessionStage::kStopped:
      return "Stopped";
  }
  return "";
}

std::vector<std::string> screen_lines(const SessionScript& script, int width, int height) {
  const core::Exercise& exercise = script.exercise();
  std::vector<std::string> lines;
  wrap(lines, "", fmt::format("limber session · {}", where(script)), width);
  wrap(lines, "", fmt::format("{} · {}", exercise.name, dose_words(exercise)), width);
  lines.emplace_back();
  wrap(lines, "",
       script.paused() ? fmt::format("{} · PAUSED, space or Enter to go on", status_line(script))
                       : status_line(script),
       width);
  lines.emplace_back();
  wrap(lines, "", kSessionKeys, width);
  lines.emplace_back();
  add_list(lines, "Stop if:", exercise.stop_if, false, width);
  add_list(lines, "How:", exercise.steps, true, width);
  add_list(lines, "Cues:", exercise.cues, false, width);
  if (height > 0 && lines.size() > static_cast<std::size_t>(height))
    lines.resize(static_cast<std::size_t>(height));
  return lines;
}

std::vector<std::string> plain_lines(const SessionScript& script, SessionEvent event) {
  std::vector<std::string> lines;
  switch (event) {
    case SessionEvent::kExercise: {
      const core::Exercise& exercise = script.exercise();
      lines.emplace_back();
      lines.push_back(fmt::format("[{}] {} ({}, {})", where(script), exercise.name, exercise.id,
                                  dose_words(exercise)));
      constexpr int kPlainWidth = 100;
      add_list(lines, "How:", exercise.steps, true, kPlainWidth);
      add_list(lines, "Cues:", exercise.cues, false, kPlainWidth);
      add_list(lines, "Stop if:", exercise.stop_if, false, kPlainWidth);
      lines.push_back(
          fmt::format("Get ready: it starts in {} s. Enter starts it now.", script.seconds_left()));
      break;
    }
    case SessionEvent::kSet: {
      const std::string set =
          script.sets() > 1 ? fmt::format("Set {} of {}: ", script.set(), script.sets()) : "Now: ";
      lines.push_back(
          script.is_hold() ? fmt::format("{}hold for {} s.", set, script.seconds_left())
          : script.reps() == 1
              ? fmt::format("{}at your own pace, about {} s.", set, script.seconds_left())
              : fmt::format("{}{} slow reps. Rep 1.", set, script.reps()));
      break;
    }
    case SessionEvent::kRep:
      lines.push_back(fmt::format("Rep {} of {}.", script.rep(), script.reps()));
      break;
    case SessionEvent::kRest:
      lines.push_back(fmt::format("Rest for {} s. Set {} of {} comes next.", script.seconds_left(),
                                  script.set() + 1, script.sets()));
      break;
    case SessionEvent::kSkipped:
      lines.emplace_back("Skipped.");
      break;
    case SessionEvent::kBack:
      lines.emplace_back("Going back.");
      break;
    case SessionEvent::kPaused:
      lines.emplace_back("Paused. Take your time; Enter or p goes on.");
      break;
    case SessionEvent::kResumed:
      lines.emplace_back("Going on.");
      break;
    case SessionEvent::kFinished:
      lines.emplace_back();
      lines.emplace_back("That is the whole session. Well done.");
      break;
    case SessionEvent::kStopped:
      lines.emplace_back();
      lines.emplace_back("Stopped. Stopping when you need to is part of pacing.");
      break;
  }
  return lines;
}

std::optional<std::string> plain_tick_line(const SessionScript& script) {
  const bool counting = script.stage() == SessionStage::kReady ||
                        script.stage() == SessionStage::kRest ||
                        (script.stage() == SessionStage::kWork && script.is_hold());
  if (!counting || script.paused() || script.seconds_left() <= 0 ||
      script.seconds_left() % 10 != 0) {
    return std::nullopt;
  }
  return status_line(script);
}

std::optional<core::SessionKey> key_for_byte(char byte) {
  switch (byte) {
    case ' ':
    case 'p':
      return core::SessionKey::kPause;
    case '\r':
    case '\n':
      return core::SessionKey::kNext;
    case 'n':
      return core::SessionKey::kSkip;
    case 'b':
      return core::SessionKey::kBack;
    case 'q':
    case '\x03':  // Ctrl-C: raw mode turns it into a byte; stop as gently as 'q'
    case '\x04':  // Ctrl-D
      return core::SessionKey::kStop;
    default:
      return std::nullopt;
  }
}

std::optional<core::SessionKey> key_for_line(std::string_view line) {
  if (line.empty())
    return core::SessionKey::kNext;
  if (line.size() == 1 && line.front() != '\r' && line.front() != '\n')
    return key_for_byte(line.front());
  return std::nullopt;
}

std::optional<std::string> flare_note(const core::SessionRecord& record) {
  const int rise = record.pain_after.value() - record.pain_before.value();
  if (rise < core::kFlarePoints)
    return std::nullopt;
  return fmt::format(
      "Your pain is {} points higher than before. That is worth knowing, not a failure: "
      "tomorrow's plan will step back a level. Rest in a position that eases it. If the pain "
      "keeps rising or spreads down a leg, run 'limber check'.",
      rise);
}

std::optional<std::string> spoken_cue(const core::SessionScript& script, core::SessionEvent event) {
  using core::SessionEvent;
  switch (event) {
    case SessionEvent::kExercise: {
      const core::Exercise& exercise = script.exercise();
      return exercise.steps.empty()
                 ? fmt::format("Next: {}.", exercise.name)
                 : fmt::format("Next: {}. {}", exercise.name, exercise.steps.front());
    }
    case SessionEvent::kSet: {
      std::string what = script.is_hold()
                             ? fmt::format("Hold for {} seconds.", script.seconds_left())
                             : fmt::format("{} times, slowly.", script.reps());
      if (script.sets() > 1)
        return fmt::format("Set {}. {}", script.set(), what);
      return what;
    }
    case SessionEvent::kRest:
      return "Rest.";
    case SessionEvent::kSkipped:
      return "Skipped.";
    case SessionEvent::kPaused:
      return "Paused.";
    case SessionEvent::kResumed:
      return "Going on.";
    case SessionEvent::kFinished:
      return "That is the whole session. Well done.";
    case SessionEvent::kStopped:
      return "Session stopped.";
    case SessionEvent::kRep:
    case SessionEvent::kBack:
      break;
  }
  return std::nullopt;
}

}  // namespace limber::cli
