// limber session [--minutes N] [--plain] [--speak]: today's session, guided step by step, then
// logged.
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "cli/command.h"
#include "cli/entry_text.h"
#include "cli/safety_gate.h"
#include "cli/session_terminal.h"
#include "cli/session_view.h"
#include "core/session_choice.h"
#include "core/session_script.h"

namespace limber::cli {
namespace {

using core::Unexpected;

struct SessionOptions {
  std::optional<int> minutes;
  bool plain = false;
  bool speak = false;  // spoken cues (espeak-ng), as the page's speech switch
};

void print_outline(std::ostream& out, const core::SessionChoice& choice) {
  fmt::print(out, "Today's session: {} exercise{}, about {} minutes.\n", choice.items.size(),
             choice.items.size() == 1 ? "" : "s", choice.minutes);
  for (const std::string& note : choice.notes)
    fmt::print(out, "  {}\n", note);
  for (const core::SessionItem& item : choice.items) {
    fmt::print(out, "  {:<16} {} ({} min)\n", part_name(item.part), item.exercise->name,
               item.exercise->minutes);
  }
  fmt::print(out,
             "Move slowly, breathe, and stop whenever you need to. Stop at once if pain shoots "
             "down a leg or a leg goes numb.\n\n");
}

Result<void> run_session(Context& context, const SessionOptions& options) {
  LIMBER_TRY_ASSIGN(auto gate, pass_safety_gate(context, false));
  if (!gate.proceed) {  // the advice was shown; no exercise while it stands
    return core::fail(core::ErrorCode::kPaused,
                      "no session was started: exercise is paused for safety until a "
                      "clinician has seen you (then run 'limber check --seen-clinician')");
  }
  LIMBER_TRY_ASSIGN(auto plans, context.plans());
  LIMBER_TRY_ASSIGN(auto plan, plans->plan());
  LIMBER_TRY_ASSIGN(auto catalog, context.catalog());
  LIMBER_TRY_ASSIGN(auto choice, core::choose_session(plan, catalog->all(), options.minutes));

  std::ostream& out = context.io().out;
  print_outline(out, choice);
  std::optional<Speaker> speaker;
  if (options.speak) {
    auto found = Speaker::find(context.env());
    if (found) {
      speaker.emplace(std::move(*found));
    } else {
      fmt::print(context.io().err, "limber session: {}. The session goes on without speech.\n",
                 found.error().message);
    }
  }
  SessionTerminal terminal(context.io(), options.plain, speaker ? &*speaker : nullptr);
  auto before = terminal.ask_pain("Your pain now, before you start (0-10):");
  if (!before)
    return Unexpected(before.error());
  core::SessionScript script(choice.items);
  terminal.run(script);

  const std::vector<std::string> done = script.done();
  if (done.empty()) {
    fmt::print(out,
               "Nothing was begun, so nothing was logged. Rest, and try again when you "
               "are ready.\n");
    return {};
  }
  auto after = terminal.ask_pain("Your pain now, after the session (0-10):");
  if (!after) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("no pain rating came after the session, so nothing was logged. "
                                  "Log it yourself: limber log session --exercises {} "
                                  "--pain-before {} --pain-after N",
                                  fmt::join(done, ","), before->value()));
  }
  core::Entry entry;
  entry.at = context.now().instant;
  entry.detail = *script.record(*before, *after);
  LIMBER_TRY_ASSIGN(auto diary, context.diary());
  LIMBER_TRY_ASSIGN(auto saved, diary->log(std::move(entry)));
  fmt::print(out, "Logged #{}: {} ({})\n", saved.id, describe(saved),
             short_time(saved.local_time()));
  std::vector<std::string> names;
  for (const std::string& id : done) {
    const core::Exercise* exercise = catalog->find(id);
    names.push_back(exercise != nullptr ? exercise->name : id);
  }
  fmt::print(out, "Done: {}.\n", fmt::join(names, ", "));
  if (auto note = flare_note(std::get<core::SessionRecord>(saved.detail)))
    fmt::print(out, "{}\n", *note);
  return {};
}

}  // namespace

void add_session_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<SessionOptions>();
  CLI::App* command = app.add_subcommand(
      "session", "Today's session, guided step by step: warm-up, main part, cool-down");
  command
      ->add_option("--minutes", options->minutes,
                   "About how long: shortens or lengthens the main part, never above your level")
      ->type_name("N")
      ->check(CLI::Range(1, core::kMaxSessionMinutes));
  command->add_flag("--plain", options->plain,
                    "Line by line, no redraws: for pipes, scripts and screen readers");
  command->add_flag("--speak", options->speak,
                    "Say each step aloud with espeak-ng (off unless asked, as on the page)");
  command->footer(std::string(kPlainProtocol));
  add_examples(*command, {{"limber session --minutes 15", "A guided session of about 15 minutes"},
                          {"limber session --plain", "Line by line, for a screen reader"}});
  table.add(command, [options](Context& context) { return run_session(context, *options); });
}

}  // namespace limber::cli
