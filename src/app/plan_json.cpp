#include "app/plan_json.h"

#include <nlohmann/json.hpp>

#include "app/local_time.h"
#include "core/display_names.h"
#include "core/time_parse.h"

namespace limber::app {
namespace {

template <class T>
nlohmann::json ids(const std::vector<T>& items) {
  auto out = nlohmann::json::array();
  for (const T& item : items)
    out.push_back(core::to_string(item));
  return out;
}

}  // namespace

nlohmann::json to_json(const core::Exercise& exercise, bool full) {
  nlohmann::json dose = {{"sets", exercise.dose.sets},
                         {"rest_seconds", exercise.dose.rest_seconds}};
  if (exercise.dose.hold_seconds)
    dose["hold_seconds"] = *exercise.dose.hold_seconds;
  if (exercise.dose.reps)
    dose["reps"] = *exercise.dose.reps;
  nlohmann::json out = {
      {"id", exercise.id},
      {"name", exercise.name},
      {"style", core::to_string(exercise.style)},
      {"level", exercise.level},
      {"minutes", exercise.minutes},
      {"position", core::to_string(exercise.position)},
      {"phases", ids(exercise.phases)},
      {"summary", exercise.summary},
      {"dose", dose},
      {"eases", ids(exercise.eases)},
      {"strengthens", ids(exercise.strengthens)},
      {"relaxes", ids(exercise.relaxes)},
      {"from_therapist", exercise.from_therapist},
  };
  if (full) {
    out["steps"] = exercise.steps;
    out["cues"] = exercise.cues;
    out["stop_if"] = exercise.stop_if;
  }
  return out;
}

nlohmann::json to_json(const core::Plan& plan) {
  auto exercises = nlohmann::json::array();
  for (const core::PlannedExercise& planned : plan.exercises) {
    nlohmann::json item = to_json(*planned.exercise, false);
    item["part"] = core::to_string(planned.part);
    item["reason"] = planned.reason;
    exercises.push_back(std::move(item));
  }
  auto reasons = nlohmann::json::array();
  for (const core::Reason& reason : plan.reasons) {
    reasons.push_back({{"tip", static_cast<int>(reason.tip)},
                       {"tip_name", core::tip_name(reason.tip)},
                       {"text", reason.text}});
  }
  nlohmann::json out = {
      {"date", core::format_date(std::chrono::year_month_day{plan.day})},
      {"phase", core::to_string(plan.phase)},
      {"phase_name", core::display_name(plan.phase)},
      {"phase_title", core::phase_title(plan.phase)},
      {"phase_summary", core::phase_summary(plan.phase)},
      {"level", plan.level},
      {"level_text", core::level_explanation(plan.level)},
      {"day_of_episode", plan.day_of_episode},
      {"flare", plan.flare},
      {"paused", plan.paused},
      {"safety", core::to_string(plan.safety)},
      {"sitting_limit_minutes", plan.sitting_limit_minutes},
      {"walk_minutes", plan.walk_minutes},
      {"session_minutes", plan.session_minutes},
      {"keep_moving", plan.keep_moving},
      {"exercises", std::move(exercises)},
      {"reasons", std::move(reasons)},
      {"notices", plan.notices},
      {"days_since_flare", nullptr},
      {"flare_advice", plan.flare_advice},
      {"offer_check", plan.offer_check},
      {"ask_leg_pain", plan.ask_leg_pain},
      {"ask_ratings", plan.ask_ratings},
  };
  if (plan.days_since_flare)
    out["days_since_flare"] = *plan.days_since_flare;
  return out;
}

nlohmann::json to_json(const core::PlanPreferences& preferences) {
  return {{"styles", ids(preferences.styles)},
          {"weak", ids(preferences.weak)},
          {"tight", ids(preferences.tight)}};
}

nlohmann::json to_json(const EpisodeRange& episode) {
  return {{"number", episode.number},
          {"started", episode.start ? nlohmann::json(core::format_iso(
                                          *episode.start, utc_offset_at(*episode.start)))
                                    : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const FunctionScale& scale) {
  auto names = nlohmann::json::array();
  auto each = nlohmann::json::array();
  for (const RatedActivity& activity : scale.activities) {
    names.push_back(activity.name);
    auto scores = nlohmann::json::array();
    for (const store::FunctionRating& rating : activity.ratings) {
      scores.push_back(
          {{"at", core::format_iso(rating.at, rating.utc_offset)}, {"score", rating.score}});
    }
    each.push_back({{"name", activity.name}, {"ratings", std::move(scores)}});
  }
  const core::FunctionSummary& summary = scale.summary;
  return {{"activities", std::move(names)},
          {"max_activities", store::kMaxFunctionActivities},
          {"ratings", std::move(each)},
          {"score", summary.score ? nlohmann::json(*summary.score) : nlohmann::json(nullptr)},
          {"change", summary.change ? nlohmann::json(*summary.change) : nlohmann::json(nullptr)}};
}

}  // namespace limber::app
