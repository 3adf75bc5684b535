#include "core/session_choice.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/display_names.h"

namespace limber::core {
namespace {

int minutes_of(const std::vector<SessionItem>& items) {
  int total = 0;
  for (const SessionItem& item : items)
    total += item.exercise->minutes;
  return total;
}

std::string exercises_word(std::size_t count) {
  return count == 1 ? "exercise" : "exercises";
}

bool in_plan(const Plan& plan, const Exercise& exercise) {
  return std::any_of(plan.exercises.begin(), plan.exercises.end(),
                     [&](const PlannedExercise& planned) {
                       return planned.exercise != nullptr && planned.exercise->id == exercise.id;
                     });
}

// Keeps the main part's exercises, in order, while they fit in `minutes` (at least one).
std::size_t trim(std::vector<SessionItem>& main, int fixed_minutes, int minutes) {
  std::vector<SessionItem> kept;
  int total = fixed_minutes;
  for (const SessionItem& item : main) {
    if (kept.empty() || total + item.exercise->minutes <= minutes) {
      kept.push_back(item);
      total += item.exercise->minutes;
    }
  }
  const std::size_t dropped = main.size() - kept.size();
  main = std::move(kept);
  return dropped;
}

// Adds catalog exercises of the plan's phase, at or below its level, in the styles of the
// main part (and basics), while they fit in `minutes`.
std::size_t lengthen(std::vector<SessionItem>& main, const Plan& plan,
                     std::span<const Exercise> catalog, int total, int minutes) {
  std::vector<Style> styles{Style::kBasics};
  for (const SessionItem& item : main)
    styles.push_back(item.exercise->style);
  std::size_t added = 0;
  for (const Exercise& exercise : catalog) {
    if (total >= minutes)
      break;
    const bool fits = exercise.suits(plan.phase) && exercise.level <= plan.level &&
                      exercise.position != Position::kWalking &&
                      std::find(styles.begin(), styles.end(), exercise.style) != styles.end() &&
                      total + exercise.minutes <= minutes && !in_plan(plan, exercise) &&
                      std::none_of(main.begin(), main.end(), [&](const SessionItem& item) {
                        return item.exercise->id == exercise.id;
                      });
    if (fits) {
      main.push_back({&exercise, Part::kMain});
      total += exercise.minutes;
      ++added;
    }
  }
  return added;
}

}  // namespace

int longest_session(Phase phase) {
  const PhaseRules& rules = rules_for(phase);
  if (rules.session_minutes == 0)
    return 0;
  return rules.session_minutes + rules.session_step_minutes * (rules.max_level - 1);
}

Result<SessionChoice> choose_session(const Plan& plan, std::span<const Exercise> catalog,
                                     std::optional<int> minutes) {
  if (minutes && (*minutes < 1 || *minutes > kMaxSessionMinutes)) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("a session of {} minutes is out of range: use 1 to {}", *minutes,
                            kMaxSessionMinutes));
  }
  SessionChoice choice;
  choice.posture_only = plan.session_minutes == 0;
  std::vector<SessionItem> warm_up;
  std::vector<SessionItem> main;
  std::vector<SessionItem> cool_down;
  for (const PlannedExercise& planned : plan.exercises) {
    if (planned.exercise == nullptr)
      continue;
    const SessionItem item{planned.exercise, planned.part};
    if (choice.posture_only) {
      if (planned.part == Part::kPosture)
        main.push_back(item);
    } else if (planned.part == Part::kWarmUp) {
      warm_up.push_back(item);
    } else if (planned.part == Part::kMain) {
      main.push_back(item);
    } else if (planned.part == Part::kCoolDown) {
      cool_down.push_back(item);
    }
  }
  if (warm_up.empty() && main.empty() && cool_down.empty()) {
    return fail(ErrorCode::kNotFound, "there is nothing to guide today", Remedy::kSeePlan);
  }
  if (choice.posture_only) {
    choice.notes.push_back(fmt::format(
        "Full-body exercise starts once you can walk for a few minutes, so in the {} phase "
        "your session is the posture routine.",
        display_name(plan.phase)));
  }

  const int fixed = minutes_of(warm_up) + minutes_of(cool_down);
  int total = fixed + minutes_of(main);
  if (minutes && *minutes < total) {
    const std::size_t dropped = trim(main, fixed, *minutes);
    total = fixed + minutes_of(main);
    if (dropped > 0) {
      choice.notes.push_back(fmt::format("Shortened to about {} minutes: {} {} left out.", total,
                                         dropped, exercises_word(dropped)));
    }
  } else if (minutes && *minutes > total) {
    if (choice.posture_only) {
      choice.notes.push_back(fmt::format(
          "In this phase the posture routine is the whole session, so it stays at {} minutes. "
          "Short, slow walks are the way to do more.",
          total));
    } else {
      const int longest = longest_session(plan.phase);
      if (*minutes > longest) {
        choice.notes.push_back(fmt::format("In the {} phase a session is at most {} minutes.",
                                           display_name(plan.phase), longest));
      }
      const std::size_t added = lengthen(main, plan, catalog, total, std::min(*minutes, longest));
      total = fixed + minutes_of(main);
      choice.notes.push_back(
          added > 0 ? fmt::format("Lengthened to about {} minutes with {} more {} at level {} "
                                  "or below.",
                                  total, added, exercises_word(added), plan.level)
                    : fmt::format("Nothing more fits at your level today, so the session stays "
                                  "at {} minutes.",
                                  total));
    }
  }
  choice.items = std::move(warm_up);
  choice.items.insert(choice.items.end(), main.begin(), main.end());
  choice.items.insert(choice.items.end(), cool_down.begin(), cool_down.end());
  choice.minutes = total;
  return choice;
}

}  // namespace limber::core
