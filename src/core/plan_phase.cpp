#include "core/plan_phase.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/display_names.h"
#include "core/plan.h"

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::local_days;

Phase step_down(Phase phase) {
  return phase == Phase::kRest ? phase : static_cast<Phase>(static_cast<int>(phase) - 1);
}

Phase step_up(Phase phase) {
  return phase == Phase::kMove ? phase : static_cast<Phase>(static_cast<int>(phase) + 1);
}

// What a day's evidence allows: the person's own word on mobility, capped by pain.
Phase target_of(const PhaseState& state) {
  Phase target = Phase::kStand;
  if (state.mobility) {
    target = phase_for(*state.mobility);
  } else if (!state.pain || *state.pain >= kPainRestWithoutReport) {
    target = Phase::kRest;
  }
  if (state.pain)
    target = std::min(target, pain_cap(*state.pain));
  return target;
}

// One day of the replay: the phase drops at once, steps back on a flare, moves up one
// phase a day towards what the person can do, and levels up after calm days.
void advance(PhaseState& state, Phase target, bool flare, bool flared_yesterday, bool logged) {
  if (target < state.phase) {
    state.phase = target;
    state.level = 1;
    state.calm_days = 0;
  } else if (flare) {
    if (state.level > 1) {
      --state.level;
    } else {
      state.phase = step_down(state.phase);
    }
    state.calm_days = 0;
  } else if (target > state.phase && !flared_yesterday) {
    // Towards what the person last said they can do: one phase a day at most, never
    // right after a flare.
    state.phase = step_up(state.phase);
    state.level = 1;
    state.calm_days = 0;
  } else if (!logged) {
    // Silence is not calm (issue #20): a day without an entry holds the level.
  } else {
    ++state.calm_days;
    if (state.calm_days >= kCalmDaysToLevelUp && state.level < rules_for(state.phase).max_level) {
      ++state.level;
      state.calm_days = 0;
    }
  }
}

// How the phase was reached, in words for the reason.
std::string why(const PhaseState& state) {
  std::string text =
      state.mobility
          ? fmt::format("you said you {}", describe(*state.mobility))
          : std::string(
                "you have not said yet how well you move (say so with your next pain entry)");
  if (state.pain && pain_cap(*state.pain) < Phase::kMove)
    text += fmt::format(", and your latest pain is {}/10", *state.pain);
  if (state.target > state.phase && !state.flare && state.silent_days == 0) {
    text +=
        fmt::format("; the plan moves up one phase a day, towards {}", display_name(state.target));
  }
  return text;
}

}  // namespace

Phase pain_cap(int pain) {
  if (pain >= kPainAtMostStand)
    return Phase::kStand;
  if (pain >= kPainAtMostWalk)
    return Phase::kWalk;
  return Phase::kMove;
}

std::optional<Flare> flare_on(const DiaryDays& diary, local_days day) {
  const auto yesterday = diary.find(day - days{1});
  std::optional<double> before;
  std::optional<int> previous;  // the pain entry before the one being looked at
  if (yesterday != diary.end()) {
    for (const Entry* entry : yesterday->second.entries) {
      if (const auto* session = std::get_if<SessionRecord>(&entry->detail)) {
        const int from = session->pain_before.value();
        const int to = session->pain_after.value();
        if (to - from >= kFlarePoints) {
          return Flare{
              fmt::format("your pain rose from {} to {} after yesterday's session, so today "
                          "steps back",
                          from, to),
              to - from, from, to};
        }
      }
      if (const auto* pain = std::get_if<PainRecord>(&entry->detail))
        previous = pain->pain.value();
    }
    before = yesterday->second.mean_pain();
  }
  const auto today = diary.find(day);
  if (today == diary.end())
    return std::nullopt;
  for (const Entry* entry : today->second.entries) {
    const auto* pain = std::get_if<PainRecord>(&entry->detail);
    if (pain == nullptr)
      continue;
    const int now = pain->pain.value();
    const auto at = std::chrono::hh_mm_ss(entry->local_time() - day);
    if (previous && now >= *previous + kFlarePoints) {
      return Flare{fmt::format("your pain rose from {} to {} (at {:02}:{:02}), so today steps back",
                               *previous, now, at.hours().count(), at.minutes().count()),
                   now - *previous, *previous, now};
    }
    if (before && now >= *before + kFlarePoints) {
      const int from = static_cast<int>(*before + 0.5);
      return Flare{
          fmt::format("your pain at {:02}:{:02} ({}) is {} or more above yesterday's "
                      "average ({:.1f}), so today steps back",
                      at.hours().count(), at.minutes().count(), now, kFlarePoints, *before),
          now - from, from, now};
    }
    previous = now;
  }
  return std::nullopt;
}

PhaseState replay(const DiaryDays& diary, local_days today) {
  PhaseState state;
  if (diary.empty()) {
    state.first_day = today;
    state.why = "limber starts gently until you log how you feel";
    return state;
  }
  state.first_day = diary.begin()->first;
  bool started = false;
  bool flared_yesterday = false;
  for (local_days day = state.first_day; day <= today; day += days{1}) {
    const auto found = diary.find(day);
    const bool logged = found != diary.end() && !found->second.entries.empty();
    state.silent_days = logged ? 0 : state.silent_days + 1;
    if (found != diary.end()) {
      for (const Entry* entry : found->second.entries) {
        if (const auto* pain = std::get_if<PainRecord>(&entry->detail)) {
          state.pain = pain->pain.value();
          if (pain->mobility)
            state.mobility = pain->mobility;
        }
      }
    }
    const Phase target = target_of(state);
    const auto flare = flare_on(diary, day);
    if (flare) {
      state.last_flare = day;
      state.last_flare_detail = flare;
    }
    if (started) {
      advance(state, target, flare.has_value(), flared_yesterday, logged);
    } else {
      state.phase = target;
      started = true;
    }
    state.level = std::min(state.level, rules_for(state.phase).max_level);
    if (day == today) {
      state.flare = flare;
      state.target = target;
    }
    flared_yesterday = flare.has_value();
  }
  state.why = why(state);
  return state;
}

}  // namespace limber::core
