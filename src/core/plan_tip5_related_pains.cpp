// Tip 5, related pains: "the pain can move up and down throughout the entire body" (the
// article). Every place logged this week gets gentle work there, or a plain reason why not
// yet (issue #12). Leg pain that may come from a nerve gets positions that take the pressure
// off, never a stretch that pulls on the nerve (issue #20).
#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/plan_rules.h"
#include "core/plan_tips.h"

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::local_days;

bool is_back(Region region) {
  return region == Region::kLowerBack || region == Region::kMidBack || region == Region::kUpperBack;
}

// The pain entries of the days [from, to], in time order.
template <class Visit>
void each_pain(const DiaryDays& diary, local_days from, local_days to, Visit visit) {
  for (auto it = diary.lower_bound(from); it != diary.end() && it->first <= to; ++it) {
    for (const Entry* entry : it->second.entries) {
      if (const auto* pain = std::get_if<PainRecord>(&entry->detail))
        visit(it->first, *pain);
    }
  }
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

local_days week_start(local_days today) {
  return today - days{kRelatedPainDays - 1};
}

// "New this week": a place that first appears after the episode's first day, this week.
void new_places(const PlanContext& context, const RelatedPains& related, Plan& plan) {
  std::map<Region, local_days> first;
  each_pain(context.diary, local_days::min(), context.input.today,
            [&](local_days day, const PainRecord& pain) {
              for (const RegionRating& rating : pain.regions)
                first.emplace(rating.region, day);
            });
  for (Region region : related.beyond_back) {
    const local_days since = first.at(region);
    if (since > context.state.first_day && since >= week_start(context.input.today))
      plan.notices.push_back(fmt::format("New this week: pain in your {}.", region_name(region)));
  }
}

// The places no planned exercise eases yet; a reason for each beyond the back that one does.
std::vector<Region> uncovered_places(const RelatedPains& related, const Composer& composer,
                                     Plan& plan) {
  std::vector<Region> uncovered;
  const auto& planned = composer.planned();
  for (Region region : related.recent) {
    const auto covering =
        std::find_if(planned.begin(), planned.end(),
                     [&](const PlannedExercise& p) { return eases(*p.exercise, region); });
    if (covering == planned.end()) {
      uncovered.push_back(region);
    } else if (related.beyond_back.contains(region)) {
      plan.reasons.push_back(
          {Tip::kRelatedPains, fmt::format("You logged pain in {} this week. Your back is linked "
                                           "to the muscles above and below it, so a spasm can "
                                           "spread; {}, already in today's plan, eases it.",
                                           place(region), covering->exercise->name)});
    }
  }
  return uncovered;
}

// Adds, one at a time, the allowed exercise that eases the most places still uncovered (the
// composer's order breaks ties); returns the places nothing at today's level eases.
std::vector<Region> cover_places(std::vector<Region> uncovered, const PlanInput& input,
                                 Composer& composer, Plan& plan) {
  const auto style_ok = [&](const Exercise& e) {
    return e.style == Style::kBasics || contains(input.preferences.styles, e.style);
  };
  const auto covers = [&](const Exercise& e) {
    return std::count_if(uncovered.begin(), uncovered.end(), [&](Region r) { return eases(e, r); });
  };
  while (!uncovered.empty()) {
    std::ptrdiff_t most = 0;
    for (const Exercise& exercise : composer.catalog().all()) {
      if (composer.allowed(exercise) && style_ok(exercise))
        most = std::max(most, covers(exercise));
    }
    if (most == 0)
      break;
    const Exercise* gentle =
        composer.best([&](const Exercise& e) { return style_ok(e) && covers(e) == most; });
    std::vector<Region> eased;
    std::vector<Region> rest;
    for (Region region : uncovered)
      (eases(*gentle, region) ? eased : rest).push_back(region);
    composer.add(*gentle, Part::kRelated,
                 fmt::format("Eases {}, where you logged pain this week.", places(eased)));
    plan.reasons.push_back(
        {Tip::kRelatedPains, fmt::format("You logged pain in {} this week. Your back is linked to "
                                         "the muscles above and below it, so a spasm can spread; "
                                         "{} works gently there.",
                                         places(eased), gentle->name)});
    uncovered = std::move(rest);
  }
  return uncovered;
}

}  // namespace

RelatedPains read_related_pains(const DiaryDays& diary, local_days today) {
  RelatedPains related;
  bool legs = false;
  std::optional<bool> spreads;
  each_pain(diary, week_start(today), today, [&](local_days, const PainRecord& pain) {
    for (const RegionRating& rating : pain.regions) {
      related.recent.insert(rating.region);
      if (!is_back(rating.region) && rating.region != Region::kOther)
        related.beyond_back.insert(rating.region);
    }
    legs = legs || names_a_leg(pain.regions);
    if (pain.leg_pain_spreads)
      spreads = pain.leg_pain_spreads;
  });
  related.spare_nerves = legs && spreads.value_or(true);
  related.ask_leg_pain = legs && !spreads;
  related.leg_spreads = spreads.value_or(false);
  return related;
}

void related_pains(const PlanContext& context, const RelatedPains& related, Composer& composer,
                   Plan& plan) {
  new_places(context, related, plan);
  const std::vector<Region> uncovered =
      cover_places(uncovered_places(related, composer, plan), context.input, composer, plan);
  for (Region region : uncovered) {
    plan.reasons.push_back(
        {Tip::kRelatedPains,
         region == Region::kOther
             ? std::string("There is no exercise in limber for the other place you marked. If "
                           "that pain is new, strong or getting worse, ask a clinician about it.")
             : fmt::format("Nothing at today's level eases {} yet; it often settles as your "
                           "back does. Take the safety check again if the pain spreads below "
                           "the knee, or you feel numbness, tingling or weakness.",
                           place(region))});
  }
  if (related.spare_nerves) {
    plan.reasons.push_back(
        {Tip::kRelatedPains,
         fmt::format("Pain in a leg can come from a nerve near the spine rather than the muscle. "
                     "{}, the plan leaves out stretches that pull on the nerve and gives "
                     "positions that take the pressure off instead. Take the safety check again "
                     "if you feel numbness, tingling or weakness, or pain in both legs.",
                     related.leg_spreads
                         ? "Because you said it shoots, tingles or goes below the knee"
                         : "Until you say whether it shoots, tingles or goes below the knee")});
  }
}

}  // namespace limber::core
