// Picks the day's exercises from the catalog: only what the phase and level allow, never one
// twice, never a nerve stretch while leg pain may be a nerve's; the best for this person
// first (tip 4's weights, core/plan_rules.h), and a stable order of the day to break ties.
// Internal to the plan (core/plan*.cpp).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/plan.h"

namespace limber::core {

template <class T>
bool contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// A stable pseudo-random order for the day: variety from day to day, the same plan for
// the same day.
std::uint64_t day_hash(std::chrono::local_days day, std::string_view id);

class Composer {
 public:
  // `related`: the regions beyond the back logged this week; `spare_nerves`: leave out the
  // exercises that pull on a nerve.
  Composer(const PlanInput& input, const Catalog& catalog, Phase phase, int level,
           std::set<Region> related, bool spare_nerves);

  // The phase and level allow it, it is not planned yet, and it spares the nerves if asked.
  [[nodiscard]] bool allowed(const Exercise& exercise) const;
  [[nodiscard]] bool chosen(const Exercise& exercise) const;
  void add(const Exercise& exercise, Part part, std::string reason);

  // How well an exercise serves this person: weak muscles strengthened, tight ones relaxed,
  // recent painful regions eased, at the level earned.
  [[nodiscard]] int score(const Exercise& exercise) const;

  // True when `a` comes before `b`: the higher score, then the day's order.
  [[nodiscard]] bool ranks_above(const Exercise& a, const Exercise& b) const;

  // The best allowed exercise that passes `filter`, or nullptr.
  template <class Filter>
  const Exercise* best(Filter filter) const {
    const Exercise* best = nullptr;
    for (const Exercise& exercise : catalog_.all()) {
      if (allowed(exercise) && filter(exercise) &&
          (best == nullptr || ranks_above(exercise, *best)))
        best = &exercise;
    }
    return best;
  }

  // The exercise's summary, and which of the muscles marked weak or tight it works.
  [[nodiscard]] std::string bias_reason(const Exercise& exercise) const;

  [[nodiscard]] const Catalog& catalog() const { return catalog_; }
  [[nodiscard]] const std::vector<PlannedExercise>& planned() const { return plan_; }
  std::vector<PlannedExercise> take() { return std::move(plan_); }

 private:
  const PlanInput& input_;
  const Catalog& catalog_;
  Phase phase_;
  int level_;
  std::set<Region> related_;
  bool spare_nerves_ = false;
  std::vector<PlannedExercise> plan_;
};

}  // namespace limber::core
