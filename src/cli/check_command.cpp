// limber check [--answers none|ID,ID] [--seen-clinician] [--json]: the red-flag safety
// check (issue #3). Its result outranks every plan (cli/safety_gate.h).
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "app/screening_json.h"
#include "cli/command.h"
#include "cli/entry_text.h"
#include "cli/safety_session.h"
#include "cli/safety_text.h"
#include "cli/screen_prompt.h"
#include "core/red_flags.h"

namespace limber::cli {
namespace {

struct CheckOptions {
  std::optional<std::string> answers;
  bool seen_clinician = false;
  bool correct = false;
  bool json = false;
};

std::string asked_ids() {
  std::vector<std::string_view> ids;
  for (const core::Flag flag : core::asked_flags())
    ids.push_back(core::to_string(flag));
  return fmt::format("{}", fmt::join(ids, ", "));
}

Result<void> run_check(Context& context, const CheckOptions& options) {
  const Io& io = context.io();
  if (options.correct && options.seen_clinician) {
    return fail(ErrorCode::kInvalidInput,
                "--correct and --seen-clinician are different things: a correction is a new "
                "check for answers given wrongly; a visit is a clinician having seen you");
  }
  // Everything the person typed is checked before the diary is touched.
  std::optional<std::vector<core::Answer>> answers;
  if (options.answers) {
    LIMBER_TRY_ASSIGN(auto parsed, core::parse_answers(*options.answers));
    answers = std::move(parsed);
  } else if (!options.seen_clinician && !io.interactive) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("the safety check asks its questions on a terminal: in a script, use "
                            "--answers none, or --answers with the IDs of the signs you have "
                            "({})",
                            asked_ids()));
  }

  LIMBER_TRY_ASSIGN(auto service, context.screening());
  const app::ScreeningService& screening = *service;
  std::ostream& text = options.json ? io.err : io.out;
  if (auto shown = disclaimer_once(screening, text); !shown)
    return shown;

  SafetyText shown;  // the words shown, and "advice" and "next" in the JSON
  if (options.seen_clinician) {
    LIMBER_TRY_ASSIGN(auto visit, screening.record_clinician_seen());
    shown.advice = fmt::format(
        "Recorded: a clinician has seen you ({}). Earlier checks no longer pause your plans.\n"
        "Follow what the clinician told you. If anything changes, or a new symptom appears, "
        "run limber check again.",
        short_time(core::to_local(visit.at, visit.utc_offset)));
  }
  if (!answers && !options.seen_clinician) {
    LIMBER_TRY_ASSIGN(auto asked, ask_questions(io));
    answers = std::move(asked);
  }

  std::optional<app::ScreenOutcome> outcome;
  app::Standing standing;
  std::optional<store::Screening> corrected;
  if (options.correct) {
    LIMBER_TRY_ASSIGN(auto latest, screening.latest_check());
    corrected = latest;
  }
  if (answers) {
    LIMBER_TRY_ASSIGN(auto screened, screening.screen(*answers, options.correct));
    outcome = std::move(screened);
    standing = outcome->standing;
  } else {
    LIMBER_TRY_ASSIGN(auto now, screening.standing());
    standing = std::move(now);
  }

  if (outcome || standing.assessment.level != core::Level::kSelfCare) {
    SafetyText words = safety_text(standing, outcome ? &outcome->screening : nullptr);
    if (!shown.advice.empty())
      shown.advice += "\n\n";
    shown.advice += words.advice;
    shown.next = std::move(words.next);
  }
  if (outcome && corrected) {
    // Never cleared silently: the correction says what it corrects, and that both are kept.
    shown.advice = fmt::format(
        "Recorded as a correction of your check of {} (result: {}). Both checks "
        "stay in your history and your report.\n\n{}",
        short_time(core::to_local(corrected->at, corrected->utc_offset)),
        core::to_string(corrected->level), shown.advice);
    if (corrected->level >= core::Level::kUrgent && standing.assessment.level < corrected->level) {
      shown.advice +=
          "\n\nIf any of the signs you first answered is real after all, do not wait: call "
          "emergency services (for example 911, 999 or 112).";
    }
  }
  if (options.json) {
    nlohmann::json json = safety_json(standing, shown);
    json["check"] = outcome ? app::to_json(outcome->screening) : nullptr;
    io.out << json.dump(2) << '\n';
  } else {
    fmt::print(io.out, "{}\n", shown.shown());
  }
  return {};
}

}  // namespace

void add_check_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* check = app.add_subcommand(
      "check",
      "Safety check: questions about warning signs that need a doctor (red flags).\n"
      "Its answer comes before any plan. On a terminal it asks one question at a time.");
  check
      ->add_option("--answers", options->answers,
                   fmt::format("Answer in one go: none, or the IDs of the signs you have, "
                               "comma-separated ({})",
                               asked_ids()))
      ->type_name("none|ID,ID");
  check->add_flag("--seen-clinician", options->seen_clinician,
                  "Record that a clinician has seen you: plans paused by earlier checks resume");
  check->add_flag("--correct", options->correct,
                  "I answered wrongly: a new check that corrects the last one (both are kept)");
  check->add_flag("--json", options->json, "Print JSON for scripts (level, flags, advice)");
  add_examples(*check, {{"limber check", "The questions, one at a time"},
                        {"limber check --answers none", "None of the warning signs"}});
  table.add(check, [options](Context& context) { return run_check(context, *options); });
}

}  // namespace limber::cli
