// A program's command line as plain data, read from the CLI11 app that --help prints
// (cli::describe): the one source of the man pages and the shell completions.
#pragma once

#include <string>
#include <vector>

#include "cli/examples.h"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}  // namespace CLI

namespace limber::clidoc {

struct OptionDoc {
  std::vector<std::string> names;  // "--note", "-n"; a positional's name ("what")
  std::string value;               // the value's name ("TEXT"); empty for a flag
  std::string description;
  bool positional = false;
  bool required = false;
  bool repeats = false;  // takes several values ("what...")

  [[nodiscard]] bool takes_value() const { return !positional && !value.empty(); }
};

struct CommandDoc {
  std::string name;               // "show"; the program's name at the root
  std::vector<std::string> path;  // from the program down: {"limber", "exercises", "show"}
  std::string description;
  std::string footer;  // the footer's own text, without the examples
  std::vector<cli::Example> examples;
  std::vector<OptionDoc> options;  // options first, then positionals, as --help lists them
  std::vector<CommandDoc> commands;

  [[nodiscard]] std::string full_name() const;  // "limber exercises show"
  [[nodiscard]] const CommandDoc* find(const std::string& name) const;
};

// The command line of `app` as data; `program` names its root.
CommandDoc document(const CLI::App& app, const std::string& program);

// `limber watch` only forwards to limber-watch: its options and examples are the watcher's.
// Copies them from the `watcher`'s command of the same name into each forwarding command
// of `program` (one with no options of its own but --help).
void adopt_forwarded(CommandDoc& program, const CommandDoc& watcher);

// limber-watch runs its one command without naming it: the watcher's root, with the
// options and examples of its only command.
CommandDoc flatten_single_command(const CommandDoc& program);

// Every command below `program`, depth first (the program itself not included).
std::vector<const CommandDoc*> all_commands(const CommandDoc& program);

}  // namespace limber::clidoc
