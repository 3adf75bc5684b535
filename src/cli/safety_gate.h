// The safety gate: the red-flag result outranks every plan (issue #3). Every command that
// shows a plan or starts a session calls pass_safety_gate() first, before it computes or
// shows anything else:
//
//   table.add(today, [today, options](Context& context) -> core::Result<void> {
//     auto gate = pass_safety_gate(context, options->json);
//     if (!gate) return core::Unexpected(gate.error());
//     if (!gate->proceed) {                       // advice shown (text) or in gate->safety
//       if (options->json) context.io().out << nlohmann::json{{"safety", gate->safety}};
//       return {};                                // exit 0: the command did its job
//     }
//     ... compute and show the plan; with --json, put gate->safety under "safety" ...
//   });
//
// Internal to cli/.
#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "core/result.h"

namespace limber::cli {

struct GateResult {
  bool proceed = false;  // exercises may be shown
  // {"level", "flags", "advice", "plans_paused", "seen_clinician"}: the same keys as
  // `limber check --json`, for the command's own JSON output.
  nlohmann::json safety;
};

// Shows the first-start disclaimer once per diary, then:
// - no check on record: on a terminal (io.interactive) asks the questions now and stores
//   the result; otherwise fails with kInvalidInput, telling how to run the check.
// - an emergency or urgent result stands: shows the advice (text mode) and returns
//   proceed = false. Nothing else may be shown but the advice.
// - see-clinician: shows the advice (text mode) and returns proceed = true.
// - self-care: shows nothing and returns proceed = true.
// In JSON mode (`json`), nothing goes to io.out: the disclaimer and prompts go to io.err,
// and the advice is in `safety`.
core::Result<GateResult> pass_safety_gate(Context& context, bool json);

// Shows the first-start disclaimer on `out` when this diary has not shown it yet, and
// records that it was shown. For `limber status` and other first commands a person runs.
core::Result<void> show_disclaimer_once(Context& context, std::ostream& out);

}  // namespace limber::cli
