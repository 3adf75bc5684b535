#include "core/plan_composer.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/plan_rules.h"

namespace limber::core {

std::uint64_t day_hash(std::chrono::local_days day, std::string_view id) {
  std::uint64_t hash =
      1469598103934665603ULL ^ static_cast<std::uint64_t>(day.time_since_epoch().count());
  for (char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

Composer::Composer(const PlanInput& input, const Catalog& catalog, Phase phase, int level,
                   std::set<Region> related, bool spare_nerves)
    : input_(input),
      catalog_(catalog),
      phase_(phase),
      level_(level),
      related_(std::move(related)),
      spare_nerves_(spare_nerves) {}

bool Composer::allowed(const Exercise& exercise) const {
  return exercise.suits(phase_) && exercise.level <= level_ && !chosen(exercise) &&
         !(spare_nerves_ && exercise.tensions_nerves);
}

bool Composer::chosen(const Exercise& exercise) const {
  return std::any_of(plan_.begin(), plan_.end(),
                     [&](const PlannedExercise& p) { return p.exercise == &exercise; });
}

void Composer::add(const Exercise& exercise, Part part, std::string reason) {
  plan_.push_back({&exercise, part, std::move(reason)});
}

int Composer::score(const Exercise& exercise) const {
  int score = 0;
  for (Muscle muscle : exercise.strengthens) {
    if (contains(input_.preferences.weak, muscle))
      score += kWeakMuscleWeight;
  }
  for (Muscle muscle : exercise.relaxes) {
    if (contains(input_.preferences.tight, muscle))
      score += kTightMuscleWeight;
  }
  for (Region region : exercise.eases) {
    if (related_.contains(region))
      score += kRelatedRegionWeight;
  }
  if (exercise.level == level_)
    score += kAtLevelWeight;  // work at the level earned
  return score;
}

bool Composer::ranks_above(const Exercise& a, const Exercise& b) const {
  const int score_a = score(a);
  const int score_b = score(b);
  if (score_a != score_b)
    return score_a > score_b;
  return day_hash(input_.today, a.id) < day_hash(input_.today, b.id);
}

std::string Composer::bias_reason(const Exercise& exercise) const {
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

}  // namespace limber::core
