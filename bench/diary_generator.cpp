#include "bench/diary_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace limber::bench {
namespace {

using core::Region;
using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;

constexpr std::array<std::string_view, 24> kPainNotes = {
    "woke up stiff",
    "bad night",
    "after sitting at the desk all day",
    "better after the walk",
    "could put my socks on",
    "sneezed, ouch",
    "rolled out of bed on my side",
    "long drive",
    "after lifting the shopping",
    "slept badly, woke at 4",
    "stiff in the morning, eased by noon",
    "physio today",
    "long meeting",
    "gardening",
    "\"ok\" day",
    "-ish, hard to say",
    "=same as yesterday",
    "Rücken steif",
    "tired",
    "stairs were fine",
    "could not bend to tie my shoes",
    "back at work",
    "played with the kids",
    "cold weather",
};
constexpr std::array<std::string_view, 7> kWalkNotes = {
    "around the block", "to the shop", "park", "with the dog", "slow", "hills", "by the river",
};
constexpr std::array<std::string_view, 5> kReliefNotes = {
    "helped a bit", "no change", "before bed", "at work", "helped",
};
constexpr std::array<std::string_view, 4> kMedications = {"ibuprofen", "paracetamol", "naproxen",
                                                          "muscle relaxant"};
constexpr std::array<std::string_view, 4> kCreams = {"diclofenac gel", "arnica", "capsaicin cream",
                                                     "tiger balm"};
constexpr std::array<std::string_view, 4> kHeat = {"heat pad", "hot water bottle", "warm bath",
                                                   "heat patch"};
constexpr std::array<std::string_view, 2> kCold = {"ice pack", "cold gel pack"};
constexpr std::array<std::string_view, 3> kOtherRelief = {"TENS", "massage", "foam roller"};

// Central European time: +01:00, and +02:00 from the last Sunday of March to the last
// Sunday of October (by local date, which is close enough for made-up entries).
seconds utc_offset_on(sys_days day) {
  const std::chrono::year year = std::chrono::year_month_day{day}.year();
  const sys_days summer{year / std::chrono::March / std::chrono::Sunday[std::chrono::last]};
  const sys_days winter{year / std::chrono::October / std::chrono::Sunday[std::chrono::last]};
  return day >= summer && day < winter ? std::chrono::hours{2} : std::chrono::hours{1};
}

// An episode of back spasm, from onset until the pain is back at the baseline.
struct Episode {
  int onset = 0;   // day number in the diary
  int length = 0;  // days
  double peak = 8;
  bool neck = false;  // a stiff neck rather than the lower back
  // Where pain runs to, in order as the episode goes on (for example buttock, thigh, hip).
  std::vector<Region> radiating;
  // Mobility milestones, in days since onset.
  double lie_until = 0;
  double stand_until = 0;
  double walk_until = 0;
};

class Simulation {
 public:
  explicit Simulation(const DiaryShape& shape) : random_(shape.seed) {
    last_day_ = sys_days{shape.last_day};
    first_day_ = last_day_ - days{365 * shape.years + shape.years / 4} + days{1};
  }

  std::vector<core::Entry> run() {
    const auto total = static_cast<int>((last_day_ - first_day_).count()) + 1;
    int next_onset = uniform(5, 40);
    for (int day = 0; day < total; ++day) {
      if (day == next_onset) {
        start_episode(day);
        next_onset = day + episode_.length + uniform(20, 70);
      }
      const bool in_episode = episode_.length > 0 && day < episode_.onset + episode_.length;
      today_ = first_day_ + days{day};
      day_entries_.clear();
      if (in_episode) {
        episode_day(day - episode_.onset);
      } else {
        quiet_day();
      }
      std::sort(day_entries_.begin(), day_entries_.end(),
                [](const core::Entry& a, const core::Entry& b) { return a.at < b.at; });
      for (core::Entry& entry : day_entries_) {
        entry.id = static_cast<std::int64_t>(entries_.size()) + 1;
        entries_.push_back(std::move(entry));
      }
    }
    return std::move(entries_);
  }

 private:
  int uniform(int low, int high) { return std::uniform_int_distribution(low, high)(random_); }
  double real(double low, double high) {
    return std::uniform_real_distribution(low, high)(random_);
  }
  bool chance(double probability) { return std::bernoulli_distribution(probability)(random_); }
  double normal(double mean, double spread) {
    return std::normal_distribution(mean, spread)(random_);
  }
  std::string_view pick(std::span<const std::string_view> words) {
    return words[static_cast<std::size_t>(uniform(0, static_cast<int>(words.size()) - 1))];
  }
  std::string maybe_note(std::span<const std::string_view> words, double probability) {
    return chance(probability) ? std::string(pick(words)) : std::string();
  }

  void start_episode(int day) {
    episode_ = Episode{};
    episode_.onset = day;
    episode_.length = uniform(21, 56);
    episode_.peak = real(7.0, 9.4);
    episode_.neck = chance(0.15);
    if (!episode_.neck && chance(0.45)) {
      const bool left = chance(0.5);
      const std::array<std::array<Region, 3>, 2> paths = {{
          {left ? Region::kLeftButtock : Region::kRightButtock,
           left ? Region::kLeftThigh : Region::kRightThigh,
           left ? Region::kLeftCalf : Region::kRightCalf},
          {left ? Region::kLeftHip : Region::kRightHip,
           left ? Region::kLeftThigh : Region::kRightThigh,
           left ? Region::kLeftButtock : Region::kRightButtock},
      }};
      const auto& path = paths[static_cast<std::size_t>(uniform(0, 1))];
      episode_.radiating.assign(path.begin(), path.begin() + uniform(1, 3));
    }
    episode_.lie_until = real(0.5, 3.0);
    episode_.stand_until = episode_.lie_until + real(1.5, 5.0);
    episode_.walk_until = episode_.stand_until + real(6.0, 16.0);
  }

  // Pain at `since_onset` days into the episode: high at first, easing over the weeks,
  // worse in the early morning.
  int episode_pain(double since_onset, int minute_of_day) {
    const double tau = episode_.length / 3.0;
    double pain = baseline_ + (episode_.peak - baseline_) * std::exp(-since_onset / tau);
    if (minute_of_day < 9 * 60)
      pain += 0.8;
    pain += normal(0.0, 0.6);
    return std::clamp(static_cast<int>(std::lround(pain)), 0, 10);
  }

  core::Mobility mobility_at(double since_onset) const {
    if (since_onset < episode_.lie_until)
      return core::Mobility::kLie;
    if (since_onset < episode_.stand_until)
      return core::Mobility::kStand;
    if (since_onset < episode_.walk_until)
      return core::Mobility::kWalk;
    return core::Mobility::kMove;
  }

  static std::optional<core::PainScore> score(int value) {
    return *core::PainScore::from_int(std::clamp(value, 0, 10));
  }

  // The local day's `minute` (after midnight, may be past 24:00 for a late night).
  void add(int minute, core::EntryDetail detail, std::string note) {
    core::Entry entry;
    const seconds offset = utc_offset_on(today_);
    const auto local = today_ + minutes{minute} + seconds{uniform(0, 59)};
    entry.at = core::Instant{std::chrono::floor<seconds>(local) - offset};
    entry.utc_offset = offset;
    entry.detail = std::move(detail);
    entry.note = std::move(note);
    auto valid = core::validate(std::move(entry));
    if (!valid)
      throw std::logic_error("generated an invalid entry: " + valid.error().message);
    day_entries_.push_back(std::move(*valid));
  }

  // Minutes after midnight for `count` entries spread over a waking day (7:00 to 22:30).
  std::vector<int> waking_minutes(int count) {
    std::vector<int> times;
    times.reserve(static_cast<std::size_t>(count) + 1);  // + 1: room for a night entry
    for (int i = 0; i < count; ++i)
      times.push_back(uniform(7 * 60, 22 * 60 + 30));
    return times;
  }

  void add_pain(int minute, int pain, std::vector<core::RegionRating> regions,
                std::optional<core::Mobility> mobility, std::string note) {
    add(minute, core::PainRecord{*score(pain), std::move(regions), mobility, std::nullopt},
        std::move(note));
  }

  void add_relief(int minute, core::ReliefKind kind, std::span<const std::string_view> names) {
    add(minute, core::ReliefRecord{kind, chance(0.9) ? std::string(pick(names)) : ""},
        maybe_note(kReliefNotes, 0.15));
  }

  void add_walk(int minute, int walk_minutes) {
    add(minute, core::WalkRecord{std::clamp(walk_minutes, 1, core::kMaxWalkMinutes)},
        maybe_note(kWalkNotes, 0.25));
  }

  void episode_day(int since_onset) {
    const double fraction = static_cast<double>(since_onset) / episode_.length;
    // Several ratings a day at first, fewer as it eases; a night one in the worst days.
    const int ratings =
        3 + static_cast<int>(std::lround(6.0 * std::exp(-4.0 * fraction))) + uniform(0, 3);
    std::vector<int> times = waking_minutes(ratings);
    // (Not on the last day: its night would be after the diary ends.)
    if (since_onset < 4 && today_ != last_day_ && chance(0.5))
      times.push_back(24 * 60 + uniform(60, 270));
    int worst = 0;
    for (const int minute : times) {
      const double when = since_onset + minute / (24.0 * 60.0);
      const int pain = episode_pain(when, minute % (24 * 60));
      worst = std::max(worst, pain);
      std::vector<core::RegionRating> regions;
      const Region main = episode_.neck ? Region::kNeck : Region::kLowerBack;
      regions.push_back({main, chance(0.6) ? score(pain - uniform(0, 1)) : std::nullopt});
      if (!episode_.radiating.empty() && fraction < 0.6 && chance(0.7)) {
        const auto step = static_cast<std::size_t>(fraction / 0.6 *
                                                   static_cast<double>(episode_.radiating.size()));
        regions.push_back({episode_.radiating.at(step), score(pain - uniform(1, 3))});
      }
      if (episode_.neck && chance(0.3)) {
        regions.push_back({chance(0.5) ? Region::kLeftShoulder : Region::kUpperBack,
                           score(pain - uniform(2, 4))});
      }
      const std::optional<core::Mobility> mobility =
          chance(0.7) ? std::optional(mobility_at(when)) : std::nullopt;
      add_pain(minute, pain, std::move(regions), mobility, maybe_note(kPainNotes, 0.3));
    }

    // Relief: medication while it is bad, heat and cream in the first weeks.
    const int medication = worst >= 6 ? 3 : worst >= 4 ? 2 : worst >= 3 && chance(0.5) ? 1 : 0;
    for (const int minute : waking_minutes(medication)) {
      add_relief(minute, core::ReliefKind::kMedication, kMedications);
    }
    if (fraction < 0.5) {
      for (const int minute : waking_minutes(uniform(1, 2))) {
        add_relief(minute, core::ReliefKind::kHeat, kHeat);
      }
    }
    if (fraction < 0.7 && chance(0.6)) {
      add_relief(uniform(7 * 60, 22 * 60), core::ReliefKind::kCream, kCreams);
    }
    if (chance(0.15))
      add_relief(uniform(7 * 60, 22 * 60), core::ReliefKind::kCold, kCold);
    if (chance(0.1))
      add_relief(uniform(9 * 60, 19 * 60), core::ReliefKind::kOther, kOtherRelief);

    // Walks once walking is possible: short at first, longer each day.
    const core::Mobility now = mobility_at(since_onset + 0.5);
    if (now == core::Mobility::kWalk) {
      const int length = 5 + static_cast<int>(2.0 * (since_onset - episode_.stand_until));
      for (const int minute : waking_minutes(uniform(1, 3))) {
        add_walk(minute, std::clamp(length + uniform(-3, 5), 3, 45));
      }
    } else if (now == core::Mobility::kMove) {
      for (const int minute : waking_minutes(uniform(1, 2)))
        add_walk(minute, uniform(20, 50));
    }
  }

  void quiet_day() {
    // A few low ratings, mostly the lower back, now and then the neck or a stiff hip.
    const bool flare = chance(0.05);
    const int ratings = std::array{3, 4, 4, 5, 5, 6}[static_cast<std::size_t>(uniform(0, 5))];
    for (const int minute : waking_minutes(ratings)) {
      int pain = static_cast<int>(std::lround(baseline_ + normal(0.0, 0.8))) + (flare ? 2 : 0);
      if (minute < 9 * 60)
        ++pain;
      pain = std::clamp(pain, 0, 6);
      std::vector<core::RegionRating> regions;
      const double where = real(0.0, 1.0);
      const Region region = where < 0.75   ? Region::kLowerBack
                            : where < 0.87 ? Region::kNeck
                            : where < 0.93 ? Region::kMidBack
                            : where < 0.97 ? (chance(0.5) ? Region::kLeftHip : Region::kRightHip)
                                           : Region::kRightShoulder;
      if (pain > 0)
        regions.push_back({region, chance(0.4) ? score(pain) : std::nullopt});
      const std::optional<core::Mobility> mobility =
          chance(0.2) ? std::optional(core::Mobility::kMove) : std::nullopt;
      add_pain(minute, pain, std::move(regions), mobility, maybe_note(kPainNotes, 0.15));
    }
    if (chance(0.8))
      add_walk(uniform(7 * 60, 20 * 60), uniform(20, 75));
    if (chance(0.3))
      add_walk(uniform(12 * 60, 21 * 60), uniform(10, 40));
    if (chance(flare ? 0.8 : 0.25)) {
      const double which = real(0.0, 1.0);
      if (which < 0.4) {
        add_relief(uniform(7 * 60, 22 * 60), core::ReliefKind::kHeat, kHeat);
      } else if (which < 0.7) {
        add_relief(uniform(7 * 60, 22 * 60), core::ReliefKind::kCream, kCreams);
      } else {
        add_relief(uniform(7 * 60, 22 * 60), core::ReliefKind::kMedication, kMedications);
      }
    }
  }

  std::mt19937 random_;
  sys_days first_day_;
  sys_days last_day_;
  sys_days today_;
  double baseline_ = 1.5;
  Episode episode_;
  std::vector<core::Entry> day_entries_;
  std::vector<core::Entry> entries_;
};

}  // namespace

std::vector<core::Entry> generate_diary(const DiaryShape& shape) {
  if (shape.years < 1)
    throw std::invalid_argument("a diary needs at least one year");
  return Simulation(shape).run();
}

}  // namespace limber::bench
