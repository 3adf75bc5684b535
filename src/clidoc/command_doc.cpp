#include "clidoc/command_doc.h"

#include <algorithm>

#include <CLI/CLI.hpp>

namespace limber::clidoc {
namespace {

OptionDoc document(const CLI::Option& option) {
  OptionDoc doc;
  doc.positional = !option.nonpositional();
  if (doc.positional) {
    doc.names.push_back(option.get_name(true, false));
  } else {
    for (const std::string& name : option.get_lnames())
      doc.names.push_back("--" + name);
    for (const std::string& name : option.get_snames())
      doc.names.push_back("-" + name);
  }
  doc.description = option.get_description();
  doc.required = option.get_required();
  doc.repeats = option.get_items_expected_max() > 1;
  if (option.get_expected_min() > 0 || doc.positional) {
    doc.value = option.get_type_name();
    if (doc.value.empty() && doc.positional)
      doc.value = option.get_name(true, false);
  }
  return doc;
}

void document_into(const CLI::App& app, CommandDoc& doc) {
  doc.description = app.get_description();
  cli::Footer footer = cli::split_footer(app.get_footer());
  doc.footer = std::move(footer.text);
  doc.examples = std::move(footer.examples);
  const auto options = app.get_options({});
  for (const bool positionals : {false, true}) {
    for (const CLI::Option* option : options) {
      if (option->nonpositional() != positionals)
        doc.options.push_back(document(*option));
    }
  }
  for (const CLI::App* sub : app.get_subcommands({})) {
    CommandDoc& child = doc.commands.emplace_back();
    child.name = sub->get_name();
    child.path = doc.path;
    child.path.push_back(child.name);
    document_into(*sub, child);
  }
}

bool only_help(const CommandDoc& command) {
  return std::all_of(command.options.begin(), command.options.end(), [](const OptionDoc& option) {
    return std::find(option.names.begin(), option.names.end(), "--help") != option.names.end();
  });
}

void collect(const CommandDoc& command, std::vector<const CommandDoc*>& into) {
  for (const CommandDoc& child : command.commands) {
    into.push_back(&child);
    collect(child, into);
  }
}

}  // namespace

std::string CommandDoc::full_name() const {
  std::string words;
  for (const std::string& word : path) {
    if (!words.empty())
      words += ' ';
    words += word;
  }
  return words;
}

const CommandDoc* CommandDoc::find(const std::string& child_name) const {
  for (const CommandDoc& child : commands) {
    if (child.name == child_name)
      return &child;
  }
  return nullptr;
}

CommandDoc document(const CLI::App& app, const std::string& program) {
  CommandDoc doc;
  doc.name = program;
  doc.path = {program};
  document_into(app, doc);
  return doc;
}

void adopt_forwarded(CommandDoc& program, const CommandDoc& watcher) {
  for (CommandDoc& command : program.commands) {
    const CommandDoc* real = watcher.find(command.name);
    if (real == nullptr || !only_help(command))
      continue;
    command.options = real->options;
    command.examples = real->examples;
    if (command.footer.empty())
      command.footer = real->footer;
  }
}

CommandDoc flatten_single_command(const CommandDoc& program) {
  CommandDoc flat = program;
  if (program.commands.size() != 1)
    return flat;
  const CommandDoc& only = program.commands.front();
  flat.commands.clear();
  flat.description = only.description;
  flat.footer = only.footer;
  flat.examples = only.examples;
  for (const OptionDoc& option : only.options) {
    const bool known =
        std::any_of(flat.options.begin(), flat.options.end(),
                    [&](const OptionDoc& mine) { return mine.names == option.names; });
    if (!known)
      flat.options.push_back(option);
  }
  return flat;
}

std::vector<const CommandDoc*> all_commands(const CommandDoc& program) {
  std::vector<const CommandDoc*> commands;
  collect(program, commands);
  return commands;
}

}  // namespace limber::clidoc
