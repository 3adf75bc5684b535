#include "cli/safety_gate.h"

#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include "cli/safety_session.h"
#include "cli/safety_text.h"
#include "cli/screen_prompt.h"

namespace limber::cli {

core::Result<GateResult> pass_safety_gate(Context& context, bool json) {
  const Io& io = context.io();
  std::ostream& text = json ? io.err : io.out;
  LIMBER_TRY_ASSIGN(auto service, context.screening());
  const app::ScreeningService& screening = *service;
  auto standing = screening.standing();
  if (!standing)
    return core::Unexpected(standing.error());

  bool just_checked = false;
  if (standing->gate() == app::Gate::kNeedsScreen) {
    if (!io.interactive) {
      return core::fail(core::ErrorCode::kInvalidInput,
                        "no safety check on record yet, and it needs a terminal to ask its "
                        "questions: run 'limber check' first, or in a script 'limber check "
                        "--answers none' (or --answers with the IDs of the signs you have)");
    }
    if (auto shown = disclaimer_once(screening, text); !shown) {
      return core::Unexpected(shown.error());
    }
    fmt::print(io.err, "Before your first plan, limber checks that home care is safe for you.\n");
    LIMBER_TRY_ASSIGN(auto answers, ask_questions(io));
    LIMBER_TRY_ASSIGN(auto outcome, screening.screen(answers));
    standing = std::move(outcome.standing);
    just_checked = true;
  } else if (auto shown = disclaimer_once(screening, text); !shown) {
    return core::Unexpected(shown.error());
  }

  const SafetyText words = safety_text(*standing, nullptr);
  GateResult result{!standing->plans_paused(), safety_json(*standing, words)};
  if (!json && (just_checked || standing->assessment.level != core::Level::kSelfCare)) {
    fmt::print(io.out, "{}\n\n", words.shown());
  }
  return result;
}

core::Result<void> show_disclaimer_once(Context& context, std::ostream& out) {
  LIMBER_TRY_ASSIGN(auto screening, context.screening());
  return disclaimer_once(*screening, out);
}

}  // namespace limber::cli
