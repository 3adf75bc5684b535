#include "clidoc/completions.h"

#include <fmt/format.h>

namespace limber::clidoc {
namespace {

const char* const kBashFiles =
    "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
const char* const kBashDirectories =
    "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";

// A shell word in single quotes.
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += R"('\'')";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// The command path as the scripts name it: "limber/exercises/show".
std::string key(const CommandDoc& command) {
  std::string joined;
  for (const std::string& word : command.path)
    joined += (joined.empty() ? "" : "/") + word;
  return joined;
}

// A shell function name made of the program's name: limber-watch -> limber_watch.
std::string function_name(const CommandDoc& program) {
  std::string name = program.name;
  for (char& c : name) {
    if (c == '-')
      c = '_';
  }
  return name;
}

// What a value is: a folder, a file, or words to type.
enum class ValueKind { kDirectory, kFile, kText };

ValueKind value_kind(const OptionDoc& option) {
  if (option.value == "DIR")
    return ValueKind::kDirectory;
  if (option.value == "FILE" || option.value.ends_with("FILE"))
    return ValueKind::kFile;
  return ValueKind::kText;
}

// First line, for a one-line description.
std::string first_line(std::string_view text) {
  return std::string(text.substr(0, text.find('\n')));
}

// The case patterns of a shell's `case`: each command's key, quoted, joined by `separator`
// (bash " | ", zsh "|").
std::string command_patterns(const std::vector<const CommandDoc*>& commands,
                             std::string_view separator) {
  std::string patterns;
  for (const CommandDoc* command : commands)
    patterns += (patterns.empty() ? "" : std::string(separator)) + quoted(key(*command));
  return patterns;
}

// The same for an option of `command`: "KEY --name" for each of its names.
std::string option_patterns(const CommandDoc& command, const OptionDoc& option,
                            std::string_view separator) {
  std::string patterns;
  for (const std::string& name : option.names) {
    patterns +=
        (patterns.empty() ? "" : std::string(separator)) + quoted(key(command) + " " + name);
  }
  return patterns;
}

std::vector<const CommandDoc*> with_program(const CommandDoc& program) {
  std::vector<const CommandDoc*> commands{&program};
  for (const CommandDoc* command : all_commands(program))
    commands.push_back(command);
  return commands;
}

// Options of `command` and those of its ancestors, which reach it (CLI11's fallthrough).
std::vector<const OptionDoc*> reachable_options(const CommandDoc& program,
                                                const CommandDoc& command) {
  std::vector<const OptionDoc*> options;
  const CommandDoc* level = &program;
  for (std::size_t depth = 1;; ++depth) {
    for (const OptionDoc& option : level->options) {
      if (!option.positional && (level == &command || option.names.front() != "--help"))
        options.push_back(&option);
    }
    if (level == &command || depth >= command.path.size())
      break;
    level = level->find(command.path[depth]);
    if (level == nullptr)
      break;
  }
  return options;
}

}  // namespace

std::string bash_completion(const CommandDoc& program) {
  const std::string function = "_" + function_name(program);
  std::string out = fmt::format(
      "# bash completion for {0}. Made by limber-clidoc from the command line --help prints:\n"
      "# do not edit.\n"
      "{1}() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}\n"
      "  local path={0} i\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case \"$path/${{COMP_WORDS[i]}}\" in\n",
      program.name, function);
  const auto commands = all_commands(program);
  if (!commands.empty()) {
    out += "      " + command_patterns(commands, " | ") + ") path=$path/${COMP_WORDS[i]} ;;\n";
  }
  out +=
      "    esac\n"
      "  done\n"
      "  case \"$path $prev\" in\n";
  for (const CommandDoc* command : with_program(program)) {
    for (const OptionDoc* option : reachable_options(program, *command)) {
      if (!option->takes_value())
        continue;
      const ValueKind kind = value_kind(*option);
      out += "    " + option_patterns(*command, *option, " | ") + ")\n      ";
      out += kind == ValueKind::kDirectory ? std::string(kBashDirectories)
             : kind == ValueKind::kFile    ? kBashFiles
                                           : "COMPREPLY=()";
      out += "\n      return ;;\n";
    }
  }
  out +=
      "  esac\n"
      "  local words=\n"
      "  case $path in\n";
  for (const CommandDoc* command : with_program(program)) {
    std::string words;
    for (const CommandDoc& child : command->commands)
      words += (words.empty() ? "" : " ") + child.name;
    for (const OptionDoc* option : reachable_options(program, *command)) {
      for (const std::string& name : option->names)
        words += (words.empty() ? "" : " ") + name;
    }
    out += "    " + quoted(key(*command)) + ") words=" + quoted(words) + " ;;\n";
  }
  out += fmt::format(
      "  esac\n"
      "  # A file for a command that takes one (limber import FILE).\n"
      "  if [[ $cur != -* && $path != {0} ]]; then\n"
      "    case $path in\n",
      program.name);
  std::string file_commands;
  for (const CommandDoc* command : commands) {
    for (const OptionDoc& option : command->options) {
      if (option.positional && option.value == "FILE")
        file_commands += (file_commands.empty() ? "" : " | ") + quoted(key(*command));
    }
  }
  if (!file_commands.empty()) {
    out += "      " + file_commands + ")\n        " + std::string(kBashFiles) +
           "\n        return ;;\n";
  }
  out += fmt::format(
      "    esac\n"
      "  fi\n"
      "  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
      "}}\n"
      "complete -F {} {}\n",
      function, program.name);
  return out;
}

std::string zsh_completion(const CommandDoc& program) {
  const std::string function = "_" + function_name(program);
  std::string out = fmt::format(
      "#compdef {0}\n"
      "# zsh completion for {0}. Made by limber-clidoc from the command line --help prints:\n"
      "# do not edit.\n"
      "{1}() {{\n"
      "  local cmdpath={0} i\n"
      "  local -a items\n"
      "  for ((i = 2; i < CURRENT; i++)); do\n"
      "    case \"$cmdpath/${{words[i]}}\" in\n",
      program.name, function);
  const auto commands = all_commands(program);
  if (!commands.empty()) {
    out += "      (" + command_patterns(commands, "|") + ") cmdpath=$cmdpath/${words[i]} ;;\n";
  }
  out +=
      "    esac\n"
      "  done\n"
      "  case \"$cmdpath ${words[CURRENT-1]}\" in\n";
  for (const CommandDoc* command : with_program(program)) {
    for (const OptionDoc* option : reachable_options(program, *command)) {
      if (!option->takes_value())
        continue;
      const ValueKind kind = value_kind(*option);
      out += "    (" + option_patterns(*command, *option, "|") + ") ";
      out += kind == ValueKind::kDirectory ? "_files -/"
             : kind == ValueKind::kFile    ? "_files"
                                           : "_message " + quoted(option->value);
      out += "; return ;;\n";
    }
  }
  out +=
      "  esac\n"
      "  case $cmdpath in\n";
  for (const CommandDoc* command : with_program(program)) {
    bool takes_file = false;
    std::string items;
    for (const CommandDoc& child : command->commands)
      items += " " + quoted(child.name + ":" + first_line(child.description));
    for (const OptionDoc* option : reachable_options(program, *command)) {
      for (const std::string& name : option->names)
        items += " " + quoted(name + ":" + first_line(option->description));
    }
    for (const OptionDoc& option : command->options)
      takes_file = takes_file || (option.positional && option.value == "FILE");
    out += "    (" + quoted(key(*command)) + ") items=(" + items + " )";
    if (takes_file)
      out += "; [[ $PREFIX != -* ]] && _files";
    out += " ;;\n";
  }
  out += fmt::format(
      "  esac\n"
      "  _describe -t items {} items\n"
      "}}\n"
      "{} \"$@\"\n",
      quoted(program.name), function);
  return out;
}

std::string fish_completion(const CommandDoc& program) {
  const std::string function = "__" + function_name(program) + "_path";
  std::string out = fmt::format(
      "# fish completion for {0}. Made by limber-clidoc from the command line --help prints:\n"
      "# do not edit.\n"
      "function {1}\n"
      "    set -l path {0}\n"
      "    for word in (commandline -opc)[2..-1]\n"
      "        switch \"$path/$word\"\n",
      program.name, function);
  const auto commands = all_commands(program);
  if (!commands.empty()) {
    out += "            case";
    for (const CommandDoc* command : commands)
      out += " " + quoted(key(*command));
    out += "\n                set path $path/$word\n";
  }
  out += fmt::format(
      "        end\n"
      "    end\n"
      "    echo $path\n"
      "end\n"
      "complete -c {} -f\n",
      program.name);
  for (const CommandDoc* command : with_program(program)) {
    const std::string when =
        fmt::format("-n {}", quoted("test (" + function + ") = " + key(*command)));
    for (const CommandDoc& child : command->commands) {
      out += fmt::format("complete -c {} {} -a {} -d {}\n", program.name, when, quoted(child.name),
                         quoted(first_line(child.description)));
    }
    for (const OptionDoc* option : reachable_options(program, *command)) {
      std::string line = fmt::format("complete -c {} {}", program.name, when);
      for (const std::string& name : option->names) {
        line += name.starts_with("--") ? " -l " + quoted(name.substr(2))
                                       : " -s " + quoted(name.substr(1));
      }
      if (option->takes_value()) {
        const ValueKind kind = value_kind(*option);
        line += kind == ValueKind::kDirectory ? " -r -a '(__fish_complete_directories)'"
                : kind == ValueKind::kFile    ? " -r -F"
                                              : " -r";
      }
      out += line + " -d " + quoted(first_line(option->description)) + "\n";
    }
    for (const OptionDoc& option : command->options) {
      if (option.positional && option.value == "FILE")
        out += fmt::format("complete -c {} {} -F\n", program.name, when);
    }
  }
  return out;
}

}  // namespace limber::clidoc
