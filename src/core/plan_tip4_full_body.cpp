// Tip 4, full-body exercise: "once you can walk, gently ease into full body exercise; choose
// anything that inspires you" (the article). A session in the chosen styles from `walk` on.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/plan_rules.h"
#include "core/plan_tips.h"

namespace limber::core {
namespace {

int minutes_of(const std::vector<PlannedExercise>& planned, Part part) {
  int total = 0;
  for (const PlannedExercise& p : planned) {
    if (p.part == part)
      total += p.exercise->minutes;
  }
  return total;
}

int session_length(const std::vector<PlannedExercise>& planned) {
  return minutes_of(planned, Part::kWarmUp) + minutes_of(planned, Part::kMain) +
         minutes_of(planned, Part::kCoolDown);
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
  const bool enjoyed = contains(styles, Style::kBallet) || contains(styles, Style::kCapoeira) ||
                       contains(styles, Style::kFlamenco);
  std::string text =
      day_of_episode <= kLongTermPainDays
          ? "For back pain of a few weeks, guidelines advise staying active and returning to "
            "normal activity step by step (NICE NG59); this session is gentle movement in that "
            "spirit, not a treatment."
          : "For back pain that lasts beyond 12 weeks, the American College of Physicians "
            "recommends exercise, yoga among it (2017), and NICE (NG59) suggests a group "
            "exercise programme.";
  if (contains(styles, Style::kPilates))
    text += " Neither guideline names Pilates.";
  if (enjoyed) {
    text +=
        " Ballet, capoeira and flamenco have not been tested for back pain; they are "
        "offered as movement you enjoy, now that walking is comfortable.";
  }
  return text;
}

// A warm-up, then the cool-down chosen before the main part and kept out of it, then the
// main part: the chosen styles in turn, best first, until the time is filled.
void compose_session(const std::vector<Style>& styles, int budget, Composer& composer) {
  if (const Exercise* warm = composer.best([](const Exercise& e) {
        return e.style == Style::kBasics && e.level == kWarmUpLevel &&
               e.minutes <= kWarmUpMaxMinutes &&
               (e.position == Position::kStanding || e.position == Position::kSitting);
      })) {
    composer.add(*warm, Part::kWarmUp, warm->summary);
  }
  const Exercise* cool = composer.best([&](const Exercise& e) {
    return (e.style == Style::kBasics || contains(styles, e.style)) &&
           e.level <= kCoolDownMaxLevel && e.minutes <= kCoolDownMaxMinutes && !e.relaxes.empty() &&
           e.position != Position::kStanding && e.position != Position::kWalking;
  });
  const int cool_minutes = cool != nullptr ? cool->minutes : 0;
  // Issue 15: the exercises from the person's therapist open the main part, whatever the
  // styles chosen, when the phase and level allow them (Composer::allowed), best first.
  for (int turn = 0; turn < kMainPartTurns; ++turn) {
    const int used = minutes_of(composer.planned(), Part::kWarmUp) +
                     minutes_of(composer.planned(), Part::kMain) + cool_minutes;
    const Exercise* mine = composer.best([&](const Exercise& e) {
      return e.from_therapist && &e != cool &&
             e.minutes <= budget - used + kMainPartOverrunMinutes &&
             e.position != Position::kWalking;
    });
    if (used >= budget || mine == nullptr)
      break;
    composer.add(*mine, Part::kMain, fmt::format("From your therapist. {}", mine->summary));
  }
  for (int turn = 0; turn < kMainPartTurns; ++turn) {
    const int used = minutes_of(composer.planned(), Part::kWarmUp) +
                     minutes_of(composer.planned(), Part::kMain) + cool_minutes;
    if (used >= budget)
      break;
    const Style style = styles.at(static_cast<std::size_t>(turn) % styles.size());
    const int left = budget - used;
    const Exercise* main = composer.best([&](const Exercise& e) {
      return &e != cool && e.style == style && e.minutes <= left + kMainPartOverrunMinutes &&
             e.position != Position::kWalking;
    });
    if (main != nullptr)
      composer.add(*main, Part::kMain, composer.bias_reason(*main));
  }
  if (cool != nullptr)
    composer.add(*cool, Part::kCoolDown, cool->summary);
}

}  // namespace

void full_body(const PlanContext& context, Composer& composer, Plan& plan) {
  const PhaseRules& rules = rules_for(plan.phase);
  if (rules.session_minutes == 0) {
    plan.reasons.push_back({Tip::kFullBody,
                            "Full-body exercise starts once you can walk for a few minutes; "
                            "until then the posture routine and short walks are enough."});
    return;
  }
  const PlanPreferences& preferences = context.input.preferences;
  std::vector<Style> styles = preferences.styles;
  if (styles.empty())
    styles.push_back(Style::kBasics);
  compose_session(styles, rules.session_minutes + rules.session_step_minutes * (plan.level - 1),
                  composer);
  plan.session_minutes = session_length(composer.planned());
  plan.reasons.push_back(
      {Tip::kFullBody,
       fmt::format("A {}-minute session in {}: a warm-up, the main part and a cool-down. Start "
                   "gently and never push through sharp pain. {}",
                   plan.session_minutes, styles_text(styles),
                   evidence_for(styles, plan.day_of_episode))});
  if (!preferences.weak.empty() || !preferences.tight.empty()) {
    plan.reasons.push_back({Tip::kFullBody,
                            "The session favours exercises that strengthen the muscles you "
                            "marked weak and relax the ones you marked tight. A physical "
                            "therapist can check which muscles are under-used."});
  }
}

}  // namespace limber::core
