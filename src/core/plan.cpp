#include "core/plan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/display_names.h"

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::local_days;

// Sources: docs/clinical-basis.md, "Phases and pacing". The numbers are limber's own
// reading of NICE NG59 (stay active, return to normal activity gradually) and the
// article's milestones; no guideline gives minutes.
constexpr std::array<PhaseRules, 4> kRules = {{
    {Phase::kRest, 1, 20, 5, 0, 0, 0},
    {Phase::kStand, 2, 30, 10, 5, 0, 0},
    {Phase::kWalk, 3, 40, 15, 5, 10, 5},
    {Phase::kMove, 5, 50, 25, 5, 15, 5},
}};

// The daily posture routine (tip 3), gentlest first. Ids from data/exercises/basics.json;
// tests/core check that each exists.
const std::map<Phase, std::vector<std::string_view>>& posture_routines() {
  static const std::map<Phase, std::vector<std::string_view>> kRoutines = {
      {Phase::kRest,
       {"basics-lie-flat", "basics-belly-breathing", "basics-drawing-in", "basics-log-roll",
        "basics-assisted-steps"}},
      {Phase::kStand,
       {"basics-stand-tall", "basics-wall-check", "basics-drawing-in", "basics-lie-flat"}},
      {Phase::kWalk, {"basics-wall-check", "basics-drawing-in"}},
      {Phase::kMove, {"basics-wall-check"}},
  };
  return kRoutines;
}

bool is_back(Region region) {
  return region == Region::kLowerBack || region == Region::kMidBack || region == Region::kUpperBack;
}

local_days day_of(const Entry& entry) {
  return std::chrono::floor<days>(entry.local_time());
}

// The highest phase a pain level allows: severe pain keeps the plan near the floor.
Phase pain_cap(int pain) {
  if (pain >= 8)
    return Phase::kStand;
  if (pain >= 5)
    return Phase::kWalk;
  return Phase::kMove;
}

Phase step_down(Phase phase) {
  return phase == Phase::kRest ? phase : static_cast<Phase>(static_cast<int>(phase) - 1);
}

Phase step_up(Phase phase) {
  return phase == Phase::kMove ? phase : static_cast<Phase>(static_cast<int>(phase) + 1);
}

// The entries of one local day, in time order.
struct Day {
  std::vector<const Entry*> entries;

  [[nodiscard]] std::optional<double> mean_pain() const {
    int sum = 0;
    int count = 0;
    for (const Entry* entry : entries) {
      if (const auto* pain = std::get_if<PainRecord>(&entry->detail)) {
        sum += pain->pain.value();
        ++count;
      }
    }
    if (count == 0)
      return std::nullopt;
    return static_cast<double>(sum) / count;
  }
};

struct Flare {
  std::string reason;
  int rise = 0;  // in points
  int from = 0;
  int to = 0;
};

// A flare on `day`: a session the day before that left pain 2+ points higher, or a pain
// entry at any time of the day 2+ points above yesterday's mean or above the pain entry
// before it (issue #12: "4 to 7 at 15:00 after carrying the shopping" is a flare). Each
// flare counts once, on the day after the session or on the day of the rise.
std::optional<Flare> flare_on(const std::map<local_days, Day>& by_day, local_days day) {
  const auto yesterday = by_day.find(day - days{1});
  std::optional<double> before;
  std::optional<int> previous;  // the pain entry before the one being looked at
  if (yesterday != by_day.end()) {
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
  const auto today = by_day.find(day);
  if (today == by_day.end())
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

struct PhaseState {
  Phase phase = Phase::kRest;
  int level = 1;
  int calm_days = 0;
  std::optional<Flare> flare;        // today's
  std::optional<Mobility> mobility;  // the latest reported
  std::optional<int> pain;           // the latest overall rating
  Phase target = Phase::kRest;       // what today's evidence would allow
  local_days first_day;
  std::optional<local_days> last_flare;
  std::optional<Flare> last_flare_detail;
  int silent_days = 0;  // days in a row without an entry, up to today
  std::string why;      // how the phase was reached, for the reason
};

// Replays the episode day by day, so progress is earned one calm day at a time.
PhaseState replay(const std::map<local_days, Day>& by_day, local_days today) {
  PhaseState state;
  if (by_day.empty()) {
    state.first_day = today;
    state.why = "limber starts gently until you log how you feel";
    return state;
  }
  state.first_day = by_day.begin()->first;
  bool started = false;
  bool flared_yesterday = false;
  for (local_days day = state.first_day; day <= today; day += days{1}) {
    const auto found = by_day.find(day);
    const bool logged = found != by_day.end() && !found->second.entries.empty();
    state.silent_days = logged ? 0 : state.silent_days + 1;
    if (found != by_day.end()) {
      for (const Entry* entry : found->second.entries) {
        if (const auto* pain = std::get_if<PainRecord>(&entry->detail)) {
          state.pain = pain->pain.value();
          if (pain->mobility)
            state.mobility = pain->mobility;
        }
      }
    }
    // What today's evidence allows: the person's own word on mobility, capped by pain.
    Phase target = state.mobility ? phase_for(*state.mobility)
                                  : (state.pain.value_or(10) >= 7 ? Phase::kRest : Phase::kStand);
    if (state.pain)
      target = std::min(target, pain_cap(*state.pain));
    const auto flare = flare_on(by_day, day);
    if (flare) {
      state.last_flare = day;
      state.last_flare_detail = flare;
    }
    if (!started) {
      state.phase = target;
      started = true;
    } else if (target < state.phase) {
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
    state.level = std::min(state.level, rules_for(state.phase).max_level);
    if (day == today) {
      state.flare = flare;
      state.target = target;
    }
    flared_yesterday = flare.has_value();
  }
  if (state.mobility) {
    state.why = fmt::format("you said you {}", describe(*state.mobility));
  } else {
    state.why = "you have not said yet how well you move (add --mobility to a log entry)";
  }
  if (state.pain && pain_cap(*state.pain) < Phase::kMove) {
    state.why += fmt::format(", and your latest pain is {}/10", *state.pain);
  }
  if (state.target > state.phase && !state.flare && state.silent_days == 0) {
    state.why +=
        fmt::format("; the plan moves up one phase a day, towards {}", display_name(state.target));
  }
  return state;
}

// Regions beyond the back, with the number of recent entries naming them.
std::map<Region, int> recent_regions(const std::map<local_days, Day>& by_day, local_days from,
                                     local_days to) {
  std::map<Region, int> regions;
  for (auto it = by_day.lower_bound(from); it != by_day.end() && it->first <= to; ++it) {
    for (const Entry* entry : it->second.entries) {
      if (const auto* pain = std::get_if<PainRecord>(&entry->detail)) {
        for (const RegionRating& rating : pain->regions)
          ++regions[rating.region];
      }
    }
  }
  return regions;
}

template <class T>
bool contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// A stable pseudo-random order for the day: variety from day to day, the same plan for
// the same day.
std::uint64_t day_hash(local_days day, std::string_view id) {
  std::uint64_t hash =
      1469598103934665603ULL ^ static_cast<std::uint64_t>(day.time_since_epoch().count());
  for (char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

class Composer {
 public:
  Composer(const PlanInput& input, const Catalog& catalog, const PhaseState& state,
           std::map<Region, int> related, bool spare_nerves)
      : input_(input),
        catalog_(catalog),
        state_(state),
        related_(std::move(related)),
        spare_nerves_(spare_nerves) {}

  [[nodiscard]] bool allowed(const Exercise& exercise) const {
    return exercise.suits(state_.phase) && exercise.level <= state_.level && !chosen(exercise) &&
           !(spare_nerves_ && exercise.tensions_nerves);
  }

  [[nodiscard]] bool chosen(const Exercise& exercise) const {
    return std::any_of(plan_.begin(), plan_.end(),
                       [&](const PlannedExercise& p) { return p.exercise == &exercise; });
  }

  void add(const Exercise& exercise, Part part, std::string reason) {
    plan_.push_back({&exercise, part, std::move(reason)});
  }

  // How well an exercise serves this person: weak muscles strengthened, tight ones relaxed,
  // recent painful regions eased.
  [[nodiscard]] int score(const Exercise& exercise) const {
    int score = 0;
    for (Muscle muscle : exercise.strengthens) {
      if (contains(input_.preferences.weak, muscle))
        score += 3;
    }
    for (Muscle muscle : exercise.relaxes) {
      if (contains(input_.preferences.tight, muscle))
        score += 3;
    }
    for (Region region : exercise.eases) {
      if (related_.contains(region))
        score += 1;
    }
    if (exercise.level == state_.level)
      score += 1;  // work at the level earned
    return score;
  }

  // The best allowed exercise among `candidates`, or nullptr.
  template <class Filter>
  const Exercise* best(Filter filter) const {
    const Exercise* best = nullptr;
    int best_score = 0;
    std::uint64_t best_hash = 0;
    for (const Exercise& exercise : catalog_.all()) {
      if (!allowed(exercise) || !filter(exercise))
        continue;
      const int s = score(exercise);
      const std::uint64_t h = day_hash(input_.today, exercise.id);
      if (best == nullptr || s > best_score || (s == best_score && h < best_hash)) {
        best = &exercise;
        best_score = s;
        best_hash = h;
      }
    }
    return best;
  }

  std::string bias_reason(const Exercise& exercise) const {
    std::vector<std::string_view> weak;
    std::vector<std::string_view> tight;
    for (Muscle muscle : exercise.strengthens) {
      if (contains(input_.preferences.weak, muscle))
        weak.push_back(to_string(muscle));
    }
    for (Muscle muscle : exercise.relaxes) {
      if (contains(input_.preferences.tight, muscle))
        tight.push_back(to_string(muscle));
    }
    std::string reason = exercise.summary;
    if (!weak.empty())
      reason += fmt::format(" It strengthens {}, which you marked weak.", fmt::join(weak, ", "));
    if (!tight.empty())
      reason += fmt::format(" It relaxes {}, which you marked tight.", fmt::join(tight, ", "));
    return reason;
  }

  std::vector<PlannedExercise> take() { return std::move(plan_); }
  [[nodiscard]] const std::vector<PlannedExercise>& planned() const { return plan_; }

 private:
  const PlanInput& input_;
  const Catalog& catalog_;
  const PhaseState& state_;
  std::map<Region, int> related_;
  bool spare_nerves_ = false;
  std::vector<PlannedExercise> plan_;
};

int minutes_of(const std::vector<PlannedExercise>& planned, Part part) {
  int total = 0;
  for (const PlannedExercise& p : planned) {
    if (p.part == part)
      total += p.exercise->minutes;
  }
  return total;
}

std::string styles_text(const std::vector<Style>& styles) {
  std::vector<std::string_view> names;
  names.reserve(styles.size());
  for (Style style : styles)
    names.push_back(to_string(style));
  return fmt::format("{}", fmt::join(names, ", "));
}

// Honest about evidence, for the phase of the episode (docs/clinical-basis.md, "What the
// evidence says"; issue #20): neither guideline names Pilates, and the American College of
// Physicians recommends exercise and yoga for pain that lasts beyond 12 weeks.
std::string evidence_for(const std::vector<Style>& styles, int day_of_episode) {
  const auto has = [&](Style wanted) {
    return std::find(styles.begin(), styles.end(), wanted) != styles.end();
  };
  const bool enjoyed = has(Style::kBallet) || has(Style::kCapoeira) || has(Style::kFlamenco);
  std::string text =
      day_of_episode <= 12 * 7
          ? "For back pain of a few weeks, guidelines advise staying active and returning to "
            "normal activity step by step (NICE NG59); this session is gentle movement in that "
            "spirit, not a treatment."
          : "For back pain that lasts beyond 12 weeks, the American College of Physicians "
            "recommends exercise, yoga among it (2017), and NICE (NG59) suggests a group "
            "exercise programme.";
  if (has(Style::kPilates))
    text += " Neither guideline names Pilates.";
  if (enjoyed) {
    text +=
        " Ballet, capoeira and flamenco have not been tested for back pain; they are "
        "offered as movement you enjoy, now that walking is comfortable.";
  }
  return text;
}

}  // namespace

std::string tip_name(Tip tip) {
  static constexpr std::array<std::string_view, 5> kNames = {
      "slow down", "keep moving", "posture and abs", "full-body exercise", "related pains"};
  return fmt::format("Tip {}, {}", static_cast<int>(tip),
                     kNames.at(static_cast<std::size_t>(tip) - 1));
}

std::string_view to_string(Part part) {
  static constexpr std::array<std::string_view, 5> kNames = {"posture", "warm-up", "main",
                                                             "cool-down", "related"};
  return kNames.at(static_cast<std::size_t>(part));
}

const PhaseRules& rules_for(Phase phase) {
  return kRules.at(static_cast<std::size_t>(phase));
}

const std::vector<std::string_view>& posture_routine(Phase phase) {
  return posture_routines().at(phase);
}

namespace {

bool is_leg(Region region) {
  return region == Region::kLeftThigh || region == Region::kRightThigh ||
         region == Region::kLeftCalf || region == Region::kRightCalf;
}

// "right thigh": a region's name in the middle of a sentence.
std::string region_name(Region region) {
  std::string name(info(region).display);
  name.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(name.front())));
  return name;
}

// "your right thigh"; the catch-all region has no body part to name.
std::string place(Region region) {
  return region == Region::kOther ? "the other place you marked" : "your " + region_name(region);
}

std::string places(const std::vector<Region>& regions) {
  std::vector<std::string> names;
  names.reserve(regions.size());
  for (Region region : regions)
    names.push_back(place(region));
  if (names.size() <= 1)
    return names.empty() ? std::string() : names.front();
  const std::string last = names.back();
  names.pop_back();
  return fmt::format("{} and {}", fmt::join(names, ", "), last);
}

bool eases(const Exercise& exercise, Region region) {
  return contains(exercise.eases, region);
}

// What the person said last, this week, about their leg pain: shoots, tingles or goes below
// the knee (true), or stays put (false).
struct LegPain {
  bool logged = false;  // thigh or calf pain in the last kRelatedPainDays days
  std::optional<bool> spreads;
};

LegPain leg_pain(const std::map<local_days, Day>& by_day, local_days from, local_days to) {
  LegPain out;
  for (auto it = by_day.lower_bound(from); it != by_day.end() && it->first <= to; ++it) {
    for (const Entry* entry : it->second.entries) {
      const auto* pain = std::get_if<PainRecord>(&entry->detail);
      if (pain == nullptr)
        continue;
      const bool leg = std::any_of(pain->regions.begin(), pain->regions.end(),
                                   [](const RegionRating& r) { return is_leg(r.region); });
      out.logged = out.logged || leg;
      if (pain->leg_pain_spreads)
        out.spreads = pain->leg_pain_spreads;
    }
  }
  return out;
}

// Where each region first appeared in the episode.
std::map<Region, local_days> first_logged(const std::map<local_days, Day>& by_day, local_days to) {
  std::map<Region, local_days> first;
  for (auto it = by_day.begin(); it != by_day.end() && it->first <= to; ++it) {
    for (const Entry* entry : it->second.entries) {
      if (const auto* pain = std::get_if<PainRecord>(&entry->detail)) {
        for (const RegionRating& rating : pain->regions)
          first.emplace(rating.region, it->first);
      }
    }
  }
  return first;
}

// Tip 2 in the words of the phase: lying down all day is what to avoid at first, so the
// rest phase asks for changes of position and supported steps, not walks (issue #12).
std::vector<std::string> keep_moving_lines(const Plan& plan) {
  if (plan.phase == Phase::kRest) {
    return {fmt::format("Change position at least every {} minutes: lie, sit, stand, a few "
                        "steps.",
                        plan.sitting_limit_minutes),
            fmt::format("When you are ready, take short supported steps, holding a counter or a "
                        "wall: up to {} minutes in all today.",
                        plan.walk_minutes)};
  }
  return {fmt::format("Stand up and move at least every {} minutes.", plan.sitting_limit_minutes),
          fmt::format("Walk about {} minutes today, in short {}bouts on even ground.",
                      plan.walk_minutes, plan.phase == Phase::kStand ? "slow " : "")};
}

// What helps in the two days after a flare: no doses, nothing to buy.
std::vector<std::string> flare_advice() {
  return {
      "Keep moving gently: shorter walks, more often, and change position often. Resting in "
      "bed all day makes a back stiffer.",
      "Go back to what felt fine before the flare, and leave out what set it off for a day or "
      "two.",
      "Heat, or a cold pack wrapped in a cloth, may ease the pain: use what helped you before.",
      "Most flares settle within a day or two. If the pain keeps building, spreads down a "
      "leg, or comes with numbness, weakness or a change in your bladder or bowels, take the "
      "safety check again."};
}

int session_length(const std::vector<PlannedExercise>& planned) {
  return minutes_of(planned, Part::kWarmUp) + minutes_of(planned, Part::kMain) +
         minutes_of(planned, Part::kCoolDown);
}

}  // namespace

Plan plan_day(const PlanInput& input, const Catalog& catalog) {
  Plan plan;
  plan.day = input.today;
  plan.safety = input.safety;
  if (input.safety == Level::kEmergency || input.safety == Level::kUrgent) {
    plan.paused = true;  // the check's advice comes first; nothing else is planned
    return plan;
  }

  std::map<local_days, Day> by_day;
  std::vector<const Entry*> sorted;
  for (const Entry& entry : input.entries) {
    if (day_of(entry) <= input.today)
      sorted.push_back(&entry);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Entry* a, const Entry* b) {
    return a->at != b->at ? a->at < b->at : a->id < b->id;
  });
  for (const Entry* entry : sorted)
    by_day[day_of(*entry)].entries.push_back(entry);

  PhaseState state = replay(by_day, input.today);
  std::vector<Reason> reasons;
  if (state.phase == Phase::kMove && input.function.activities > 0 && input.function.score &&
      *input.function.score < kFunctionReadyForMove) {
    state.phase = Phase::kWalk;
    state.level = rules_for(Phase::kWalk).max_level;
    reasons.push_back(
        {Tip::kSlowDown, fmt::format("The activities you find hard score {:.1f}/10 so far: the "
                                     "plan keeps building at walking, and moves on once they "
                                     "reach {:.0f}.",
                                     *input.function.score, kFunctionReadyForMove)});
  }
  const PhaseRules& rules = rules_for(state.phase);
  plan.phase = state.phase;
  plan.level = state.level;
  plan.flare = state.flare.has_value();
  plan.day_of_episode = static_cast<int>((input.today - state.first_day).count()) + 1;
  plan.sitting_limit_minutes = rules.sitting_limit_minutes;
  plan.walk_minutes = rules.walk_minutes + rules.walk_step_minutes * (state.level - 1);
  const int session_budget =
      rules.session_minutes == 0
          ? 0
          : rules.session_minutes + rules.session_step_minutes * (state.level - 1);
  plan.keep_moving = keep_moving_lines(plan);

  // Tip 1: the course, the phase, pacing.
  reasons.insert(reasons.begin(),
                 {Tip::kSlowDown,
                  fmt::format("Today is day {} of this episode. Most back spasms ease over days "
                              "to a few weeks, so the plan grows one calm day at a time.",
                              plan.day_of_episode)});
  reasons.push_back({Tip::kSlowDown, fmt::format("Phase {} at level {}: {}.",
                                                 phase_title(plan.phase), plan.level, state.why)});
  if (state.silent_days > 0 && !by_day.empty()) {
    reasons.push_back(
        {Tip::kSlowDown,
         fmt::format("Nothing is logged {}, so the level holds: it rises with calm days you "
                     "have logged, not with silence.",
                     state.silent_days == 1 ? std::string("today yet")
                                            : fmt::format("for {} days", state.silent_days))});
  }
  if (state.last_flare) {
    plan.days_since_flare = static_cast<int>((input.today - *state.last_flare).count());
  }
  if (state.flare) {
    reasons.push_back({Tip::kSlowDown, fmt::format("A flare: {}. Pain that rises after "
                                                   "activity is a sign to ease off, not to stop.",
                                                   state.flare->reason)});
    plan.notices.push_back(fmt::format("Flare: {}.", state.flare->reason));
  }
  if (plan.days_since_flare && *plan.days_since_flare < kFlareAdviceDays) {
    plan.flare_advice = flare_advice();
    if (state.last_flare_detail && state.last_flare_detail->rise >= kCheckAgainPoints) {
      plan.offer_check = true;
      plan.notices.push_back(
          fmt::format("Your pain jumped from {} to {}. Take the safety check again, in case "
                      "something new needs a doctor.",
                      state.last_flare_detail->from, state.last_flare_detail->to));
    }
  }
  if (input.previous) {
    std::string text =
        fmt::format("Last time your back took {} days to settle.", input.previous->days);
    if (!input.previous->helped.empty()) {
      text += fmt::format(" What you used then: {}.", fmt::join(input.previous->helped, ", "));
    }
    reasons.push_back({Tip::kSlowDown, std::move(text)});
  }

  // Tip 2: keep moving.
  reasons.push_back(
      {Tip::kKeepMoving,
       plan.phase == Phase::kRest
           ? "Lying down all day makes a back stiffer: change position often and take a few "
             "steps when you can. Keeping active, as far as the pain allows, helps a little "
             "more than bed rest (NICE NG59; Cochrane review, Dahm 2010)."
           : "Short, frequent bouts of movement keep a back from stiffening. Keeping active, "
             "as far as the pain allows, helps a little more than bed rest (NICE NG59; "
             "Cochrane review, Dahm 2010)."});
  if (input.longest_sitting_yesterday &&
      input.longest_sitting_yesterday->count() > plan.sitting_limit_minutes) {
    plan.keep_moving.push_back(
        fmt::format("You sat {} minutes at a stretch yesterday, longer than today's {}: when "
                    "the reminder comes, stand up then, even for a minute.",
                    input.longest_sitting_yesterday->count(), plan.sitting_limit_minutes));
  }

  const local_days week_start = input.today - days{kRelatedPainDays - 1};
  const auto recent = recent_regions(by_day, week_start, input.today);
  std::map<Region, int> beyond_back;
  for (const auto& [region, count] : recent) {
    if (!is_back(region) && region != Region::kOther)
      beyond_back[region] = count;
  }
  const LegPain legs = leg_pain(by_day, week_start, input.today);
  const bool spare_nerves = legs.logged && legs.spreads.value_or(true);
  plan.ask_leg_pain = legs.logged && !legs.spreads;
  Composer composer(input, catalog, state, beyond_back, spare_nerves);

  // Tip 3: the posture routine.
  for (std::string_view id : posture_routine(plan.phase)) {
    const Exercise* exercise = catalog.find(id);
    if (exercise != nullptr && composer.allowed(*exercise)) {
      composer.add(*exercise, Part::kPosture, exercise->summary);
    }
  }
  reasons.push_back({Tip::kPostureAndAbs,
                     plan.phase == Phase::kRest
                         ? "Lie on your back with your knees bent, or on your side with a "
                           "pillow between your knees, to let tense muscles settle. It is a "
                           "comfort position, not a cure, so get up and take a few steps when "
                           "you can."
                         : "Stand tall with your abs gently engaged and your shoulders over your "
                           "hips. If your leg, hip or back muscles take over, relax them and "
                           "let your abs do the work."});

  // Tip 4: a full-body session from `walk` on: a warm-up, a main part, a cool-down.
  if (session_budget > 0) {
    std::vector<Style> styles = input.preferences.styles;
    if (styles.empty())
      styles.push_back(Style::kBasics);
    if (const Exercise* warm = composer.best([](const Exercise& e) {
          return e.style == Style::kBasics && e.level == 1 && e.minutes <= 3 &&
                 (e.position == Position::kStanding || e.position == Position::kSitting);
        })) {
      composer.add(*warm, Part::kWarmUp, warm->summary);
    }
    // The cool-down is chosen before the main part, and kept out of it.
    const Exercise* cool = composer.best([&](const Exercise& e) {
      return (e.style == Style::kBasics || contains(styles, e.style)) && e.level <= 2 &&
             e.minutes <= 4 && !e.relaxes.empty() && e.position != Position::kStanding &&
             e.position != Position::kWalking;
    });
    const int cool_minutes = cool != nullptr ? cool->minutes : 0;
    // The main part: the chosen styles in turn, best first, until the time is filled.
    for (std::size_t turn = 0; turn < 12; ++turn) {
      const int used = minutes_of(composer.planned(), Part::kWarmUp) +
                       minutes_of(composer.planned(), Part::kMain) + cool_minutes;
      if (used >= session_budget)
        break;
      const Style style = styles.at(turn % styles.size());
      const int left = session_budget - used;
      const Exercise* main = composer.best([&](const Exercise& e) {
        return &e != cool && e.style == style && e.minutes <= left + 1 &&
               e.position != Position::kWalking;
      });
      if (main != nullptr)
        composer.add(*main, Part::kMain, composer.bias_reason(*main));
    }
    if (cool != nullptr)
      composer.add(*cool, Part::kCoolDown, cool->summary);
    plan.session_minutes = session_length(composer.planned());
    reasons.push_back(
        {Tip::kFullBody,
         fmt::format("A {}-minute session in {}: a warm-up, the main part and a cool-down. Start "
                     "gently and never push through sharp pain. {}",
                     plan.session_minutes, styles_text(styles),
                     evidence_for(styles, plan.day_of_episode))});
    if (!input.preferences.weak.empty() || !input.preferences.tight.empty()) {
      reasons.push_back({Tip::kFullBody,
                         "The session favours exercises that strengthen the muscles you marked "
                         "weak and relax the ones you marked tight. A physical therapist can "
                         "check which muscles are under-used."});
    }
  } else {
    reasons.push_back({Tip::kFullBody,
                       "Full-body exercise starts once you can walk for a few minutes; until "
                       "then the posture routine and short walks are enough."});
  }

  // Tip 5: every place logged this week gets gentle work there, or a plain reason why not
  // yet (issue #12). Leg pain that may come from a nerve gets positions that take the
  // pressure off, never a stretch that pulls on the nerve (issue #20).
  const auto first = first_logged(by_day, input.today);
  for (const auto& item : beyond_back) {
    const Region region = item.first;
    const local_days since = first.at(region);
    if (since > state.first_day && since >= week_start) {
      plan.notices.push_back(fmt::format("New this week: pain in your {}.", region_name(region)));
    }
  }
  std::vector<Region> uncovered;
  for (const auto& item : recent) {
    const Region region = item.first;
    const auto covering =
        std::find_if(composer.planned().begin(), composer.planned().end(),
                     [&](const PlannedExercise& p) { return eases(*p.exercise, region); });
    if (covering == composer.planned().end()) {
      uncovered.push_back(region);
    } else if (beyond_back.contains(region)) {
      reasons.push_back({Tip::kRelatedPains,
                         fmt::format("You logged pain in {} this week. Your back is linked to "
                                     "the muscles above and below it, so a spasm can spread; {}, "
                                     "already in today's plan, eases it.",
                                     place(region), covering->exercise->name)});
    }
  }
  const auto style_ok = [&](const Exercise& e) {
    return e.style == Style::kBasics || contains(input.preferences.styles, e.style);
  };
  while (!uncovered.empty()) {
    const Exercise* gentle = nullptr;
    std::size_t gentle_covers = 0;
    for (const Exercise& exercise : catalog.all()) {
      if (!composer.allowed(exercise) || !style_ok(exercise))
        continue;
      const auto covers = static_cast<std::size_t>(std::count_if(
          uncovered.begin(), uncovered.end(), [&](Region r) { return eases(exercise, r); }));
      if (covers > gentle_covers ||
          (covers == gentle_covers && covers > 0 && gentle != nullptr &&
           (composer.score(exercise) > composer.score(*gentle) ||
            (composer.score(exercise) == composer.score(*gentle) &&
             day_hash(input.today, exercise.id) < day_hash(input.today, gentle->id))))) {
        gentle = &exercise;
        gentle_covers = covers;
      }
    }
    if (gentle == nullptr)
      break;
    std::vector<Region> eased;
    std::vector<Region> rest;
    for (Region region : uncovered)
      (eases(*gentle, region) ? eased : rest).push_back(region);
    composer.add(*gentle, Part::kRelated,
                 fmt::format("Eases {}, where you logged pain this week.", places(eased)));
    reasons.push_back({Tip::kRelatedPains,
                       fmt::format("You logged pain in {} this week. Your back is linked to the "
                                   "muscles above and below it, so a spasm can spread; {} works "
                                   "gently there.",
                                   places(eased), gentle->name)});
    uncovered = std::move(rest);
  }
  for (Region region : uncovered) {
    reasons.push_back(
        {Tip::kRelatedPains,
         region == Region::kOther
             ? std::string("There is no exercise in limber for the other place you marked. If "
                           "that pain is new, strong or getting worse, ask a clinician about it.")
             : fmt::format("Nothing at today's level eases {} yet; it often settles as your "
                           "back does. Take the safety check again if the pain spreads below "
                           "the knee, or you feel numbness, tingling or weakness.",
                           place(region))});
  }
  if (spare_nerves) {
    reasons.push_back(
        {Tip::kRelatedPains,
         fmt::format("Pain in a leg can come from a nerve near the spine rather than the muscle. "
                     "{}, the plan leaves out stretches that pull on the nerve and gives "
                     "positions that take the pressure off instead. Take the safety check again "
                     "if you feel numbness, tingling or weakness, or pain in both legs.",
                     legs.spreads ? "Because you said it shoots, tingles or goes below the knee"
                                  : "Until you say whether it shoots, tingles or goes below the "
                                    "knee")});
  }

  if (input.function.activities > 0 &&
      (!input.function.last_rated ||
       *input.function.last_rated <= input.today - days{kFunctionPromptDays})) {
    plan.notices.emplace_back(
        "Time to rate the activities you find hard: limber function rate \"ACTIVITY\" 0-10.");
  }
  plan.exercises = composer.take();
  plan.reasons = std::move(reasons);
  return plan;
}

}  // namespace limber::core
