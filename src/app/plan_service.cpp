#include "app/plan_service.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "app/local_time.h"
#include "core/tag.h"
#include "core/text.h"
#include "core/utf8.h"

namespace limber::app {

using core::Unexpected;

namespace {

template <class T, class Parse>
core::Result<std::vector<T>> parse_list(const std::optional<std::string>& text, Parse parse) {
  std::vector<T> out;
  if (!text)
    return out;
  for (std::string_view word : core::split_list(*text)) {
    LIMBER_TRY_ASSIGN(auto value, parse(word));
    out.push_back(value);
  }
  return out;
}

template <class T>
std::string join_ids(const std::vector<T>& items) {
  std::string out;
  for (const T& item : items) {
    if (!out.empty())
      out += ',';
    out += core::to_string(item);
  }
  return out;
}

core::Instant end_of(std::chrono::local_days day) {
  return from_local(day + std::chrono::days{1});
}

// The mean of each activity's latest rating up to the end of `today`, and its change since
// each activity's first rating.
core::FunctionSummary summarise_function(int activities,
                                         const std::vector<store::FunctionRating>& ratings,
                                         std::chrono::local_days today) {
  core::FunctionSummary summary;
  summary.activities = activities;
  std::map<std::int64_t, int> first;
  std::map<std::int64_t, int> latest;
  const core::Instant end = end_of(today);
  for (const store::FunctionRating& rating : ratings) {
    if (rating.at >= end)
      continue;
    first.try_emplace(rating.activity_id, rating.score);
    latest[rating.activity_id] = rating.score;
    summary.last_rated =
        std::chrono::floor<std::chrono::days>(core::to_local(rating.at, rating.utc_offset));
  }
  if (latest.empty())
    return summary;
  double now_sum = 0;
  double first_sum = 0;
  for (const auto& [id, score] : latest) {
    now_sum += score;
    first_sum += first[id];
  }
  const auto count = static_cast<double>(latest.size());
  summary.score = now_sum / count;
  summary.change = (now_sum - first_sum) / count;
  return summary;
}

}  // namespace

core::Result<core::PlanPreferences> PlanService::preferences() const {
  core::PlanPreferences preferences;
  auto styles = store_.setting("styles");
  auto weak = store_.setting("weak");
  auto tight = store_.setting("tight");
  for (const auto* setting : {&styles, &weak, &tight}) {
    if (!*setting)
      return Unexpected(setting->error());
  }
  auto parsed_styles = parse_list<core::Style>(*styles, core::parse_style);
  auto parsed_weak = parse_list<core::Muscle>(*weak, core::parse_muscle);
  auto parsed_tight = parse_list<core::Muscle>(*tight, core::parse_muscle);
  if (!parsed_styles)
    return Unexpected(parsed_styles.error());
  if (!parsed_weak)
    return Unexpected(parsed_weak.error());
  if (!parsed_tight)
    return Unexpected(parsed_tight.error());
  preferences.styles = std::move(*parsed_styles);
  preferences.weak = std::move(*parsed_weak);
  preferences.tight = std::move(*parsed_tight);
  return preferences;
}

core::Result<core::PlanPreferences> PlanService::set_preferences(
    const std::optional<std::vector<core::Style>>& styles,
    const std::optional<std::vector<core::Muscle>>& weak,
    const std::optional<std::vector<core::Muscle>>& tight) const {
  if (weak && tight) {
    for (core::Muscle muscle : *weak) {
      if (std::find(tight->begin(), tight->end(), muscle) != tight->end()) {
        return core::fail(
            core::ErrorCode::kInvalidInput,
            fmt::format("{} is marked both weak and tight: choose one", core::to_string(muscle)));
      }
    }
  }
  if (styles) {
    LIMBER_TRY(store_.set_setting("styles", join_ids(*styles)));
  }
  if (weak) {
    LIMBER_TRY(store_.set_setting("weak", join_ids(*weak)));
  }
  if (tight) {
    LIMBER_TRY(store_.set_setting("tight", join_ids(*tight)));
  }
  return preferences();
}

core::Result<EpisodeRange> PlanService::current_episode() const {
  LIMBER_TRY_ASSIGN(auto episodes, store_.episodes());
  if (episodes.empty())
    return EpisodeRange{};
  return EpisodeRange{episodes.back().started_at, static_cast<int>(episodes.size()) + 1};
}

core::Result<EpisodeRange> PlanService::new_episode() const {
  LIMBER_TRY(store_.start_episode(now_.instant, now_.utc_offset()));
  return current_episode();
}

core::Result<std::vector<core::Entry>> PlanService::episode_entries(
    std::chrono::local_days day) const {
  LIMBER_TRY_ASSIGN(auto episode, current_episode());
  const core::Instant from = episode.start.value_or(
      core::Instant{std::chrono::seconds{std::numeric_limits<std::int32_t>::min()}});
  return diary_.between(from, end_of(day));
}

core::Result<core::FunctionSummary> PlanService::function_summary(
    std::chrono::local_days today) const {
  LIMBER_TRY_ASSIGN(const auto activities, store_.activities());
  if (activities.empty())
    return core::FunctionSummary{};
  LIMBER_TRY_ASSIGN(const auto ratings, episode_ratings());
  return summarise_function(static_cast<int>(activities.size()), ratings, today);
}

core::Result<std::vector<store::FunctionRating>> PlanService::episode_ratings() const {
  LIMBER_TRY_ASSIGN(const auto episode, current_episode());
  return store_.ratings(episode.start.value_or(core::Instant{}));
}

core::Result<FunctionScale> PlanService::function_scale() const {
  LIMBER_TRY_ASSIGN(const auto activities, store_.activities());
  LIMBER_TRY_ASSIGN(const auto ratings, episode_ratings());
  FunctionScale scale;
  for (const store::FunctionActivity& activity : activities) {
    RatedActivity rated{activity.name, {}};
    std::copy_if(ratings.begin(), ratings.end(), std::back_inserter(rated.ratings),
                 [&](const store::FunctionRating& r) { return r.activity_id == activity.id; });
    scale.activities.push_back(std::move(rated));
  }
  scale.summary = activities.empty()
                      ? core::FunctionSummary{}
                      : summarise_function(static_cast<int>(activities.size()), ratings,
                                           std::chrono::floor<std::chrono::days>(now_.local));
  return scale;
}

core::Result<FunctionScale> PlanService::add_activity(std::string_view name) const {
  if (name.empty()) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("the activity has no name: name one activity you find hard, "
                                  "up to {} characters",
                                  kMaxActivityChars));
  }
  auto checked =
      core::check_text(std::string(name), kMaxActivityChars, "activity's name", core::Lines::kOne);
  if (!checked)
    return Unexpected(checked.error());
  LIMBER_TRY(store_.add_activity(*checked, now_.instant));
  return function_scale();
}

core::Result<FunctionScale> PlanService::rate(std::string_view name, int score) const {
  if (score < kMinFunctionScore || score > kMaxFunctionScore) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("the score {} is out of range: rate an activity {} (unable to "
                                  "do it) to {} (as well as before the pain)",
                                  score, kMinFunctionScore, kMaxFunctionScore));
  }
  LIMBER_TRY(store_.rate(name, score, now_.instant, now_.utc_offset()));
  return function_scale();
}

core::Result<FunctionScale> PlanService::remove_activity(std::string_view name) const {
  LIMBER_TRY(store_.remove_activity(name, now_.instant));
  return function_scale();
}

core::Result<std::optional<core::PreviousEpisode>> PlanService::previous_episode() const {
  LIMBER_TRY_ASSIGN(auto episodes, store_.episodes());
  if (episodes.empty())
    return std::optional<core::PreviousEpisode>{};
  const core::Instant to = episodes.back().started_at;
  const core::Instant from =
      episodes.size() >= 2
          ? (episodes)[episodes.size() - 2].started_at
          : core::Instant{std::chrono::seconds{std::numeric_limits<std::int32_t>::min()}};
  LIMBER_TRY_ASSIGN(auto entries, diary_.between(from, to));
  if (entries.empty())
    return std::optional<core::PreviousEpisode>{};
  core::PreviousEpisode previous;
  const auto first_day = std::chrono::floor<std::chrono::days>(entries.front().local_time());
  const auto last_day = std::chrono::floor<std::chrono::days>(entries.back().local_time());
  previous.days = static_cast<int>((last_day - first_day).count()) + 1;
  std::map<std::string, int> used;
  for (const core::Entry& entry : entries) {
    if (const auto* relief = std::get_if<core::ReliefRecord>(&entry.detail)) {
      // The names go into the plan's JSON: text stored before limber checked it is made safe.
      ++used[relief->name.empty() ? std::string(core::to_string(relief->kind))
                                  : core::utf8::sanitize(relief->name)];
    } else if (const auto* session = std::get_if<core::SessionRecord>(&entry.detail)) {
      if (session->pain_after > session->pain_before)
        continue;
      for (const std::string& id : session->exercises) {
        if (const core::Exercise* exercise = catalog_.find(id))
          ++used[exercise->name];
      }
    }
  }
  std::vector<std::pair<std::string, int>> ranked(used.begin(), used.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (std::size_t i = 0; i < ranked.size() && i < 4; ++i)
    previous.helped.push_back(ranked[i].first);
  return std::optional<core::PreviousEpisode>(std::move(previous));
}

core::Result<core::Progress> PlanService::progress(int days,
                                                   std::optional<std::string_view> tag) const {
  if (days < 1 || days > 3660) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("{} days is out of range: use 1 to 3660", days));
  }
  std::optional<std::string> filter;
  if (tag) {
    LIMBER_TRY_ASSIGN(filter, core::check_tag(*tag));
  }
  const auto today = std::chrono::floor<std::chrono::days>(now_.local);
  LIMBER_TRY_ASSIGN(auto entries, episode_entries(today));
  return core::progress(entries, today - std::chrono::days{days - 1}, today, std::move(filter));
}

core::Result<PlanService::Gathered> PlanService::gather(std::chrono::local_days last) const {
  Gathered gathered;
  LIMBER_TRY_ASSIGN(auto standing, screening_.standing());
  gathered.level = standing.assessment.level;
  auto entries = episode_entries(last);
  if (!entries)
    return Unexpected(entries.error());
  gathered.entries = std::move(*entries);
  auto preferences = this->preferences();
  if (!preferences)
    return Unexpected(preferences.error());
  gathered.preferences = std::move(*preferences);
  auto activities = store_.activities();
  if (!activities)
    return Unexpected(activities.error());
  gathered.activities = static_cast<int>(activities->size());
  if (!activities->empty()) {
    LIMBER_TRY_ASSIGN(gathered.ratings, episode_ratings());
  }
  auto previous = previous_episode();
  if (!previous)
    return Unexpected(previous.error());
  gathered.previous = std::move(*previous);
  // What `limber watch` saw yesterday, for today's plan.
  const auto today = std::chrono::floor<std::chrono::days>(now_.local);
  if (last >= today) {
    LIMBER_TRY_ASSIGN(auto sitting, sitting_.summary());
    if (sitting.longest_yesterday) {
      gathered.longest_sitting_yesterday =
          std::chrono::round<std::chrono::minutes>(sitting.longest_yesterday->length());
    }
  }
  return gathered;
}

core::Plan PlanService::plan_from(const Gathered& gathered, std::chrono::local_days day) const {
  const auto today = std::chrono::floor<std::chrono::days>(now_.local);
  core::PlanInput input{day,
                        gathered.entries,
                        gathered.level,
                        gathered.preferences,
                        gathered.activities == 0
                            ? core::FunctionSummary{}
                            : summarise_function(gathered.activities, gathered.ratings, day),
                        gathered.previous,
                        day == today ? gathered.longest_sitting_yesterday : std::nullopt};
  return core::plan_day(input, catalog_);
}

core::Result<core::Plan> PlanService::plan(std::optional<std::chrono::local_days> day) const {
  const auto chosen = day.value_or(std::chrono::floor<std::chrono::days>(now_.local));
  LIMBER_TRY_ASSIGN(auto gathered, gather(chosen));
  return plan_from(gathered, chosen);
}

core::Result<std::vector<core::Plan>> PlanService::plans(std::chrono::local_days first,
                                                         int count) const {
  // The diary is read once, up to the last day: each day's plan ignores later entries.
  const auto last = first + std::chrono::days{std::max(count, 1) - 1};
  LIMBER_TRY_ASSIGN(auto gathered, gather(last));
  std::vector<core::Plan> plans;
  for (auto day = first; day <= last; day += std::chrono::days{1})
    plans.push_back(plan_from(gathered, day));
  return plans;
}

}  // namespace limber::app
