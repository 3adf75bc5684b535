#include "clidoc/man_page.h"

#include <algorithm>
#include <cctype>

#include "clidoc/roff.h"

namespace limber::clidoc {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

// Filled paragraphs; indented lines (a table in the help) kept as they are.
void text_block(std::string& out, std::string_view text) {
  bool verbatim = false;
  for (std::string_view line : lines_of(text)) {
    const bool indented = line.starts_with(' ');
    if (indented != verbatim) {
      out += indented ? ".PP\n.nf\n" : ".fi\n";
      verbatim = indented;
    }
    if (line.empty()) {
      out += ".PP\n";
      continue;
    }
    out += roff_text(line);
    out += '\n';
  }
  if (verbatim)
    out += ".fi\n";
}

std::string option_tag(const OptionDoc& option) {
  std::string tag;
  if (option.positional) {
    tag = "\\fI" + roff_code(option.value) + "\\fR";
  } else {
    for (const std::string& name : option.names) {
      if (!tag.empty())
        tag += ", ";
      tag += "\\fB" + roff_code(name) + "\\fR";
    }
    if (option.takes_value())
      tag += " \\fI" + roff_code(option.value) + "\\fR";
  }
  if (option.repeats)
    tag += " ...";
  return tag;
}

void option_list(std::string& out, const std::vector<OptionDoc>& options) {
  for (const OptionDoc& option : options) {
    out += ".TP\n" + option_tag(option) + "\n";
    out += roff_text(option.description.empty() ? "(no description)" : option.description);
    out += '\n';
  }
}

std::string synopsis(const CommandDoc& command) {
  std::string line = "\\fB" + roff_code(command.full_name()) + "\\fR";
  const bool has_options = std::any_of(command.options.begin(), command.options.end(),
                                       [](const OptionDoc& option) { return !option.positional; });
  if (!command.commands.empty())
    line += " \\fICOMMAND\\fR";
  if (has_options)
    line += " [\\fIOPTIONS\\fR]";
  for (const OptionDoc& option : command.options) {
    if (!option.positional)
      continue;
    std::string word = "\\fI" + roff_code(option.value) + "\\fR" + (option.repeats ? "..." : "");
    line += option.required ? " " + word : " [" + word + "]";
  }
  return line;
}

void examples(std::string& out, const CommandDoc& command) {
  if (command.examples.empty())
    return;
  out += ".PP\nExamples:\n";
  for (const cli::Example& example : command.examples) {
    out += ".TP\n\\fB" + roff_code(example.command) + "\\fR\n";
    out += roff_text(example.what) + "\n";
  }
}

void command_section(std::string& out, const CommandDoc& command) {
  out += ".SS \"" + roff_code(command.full_name()) + "\"\n";
  out += synopsis(command) + "\n.PP\n";
  text_block(out, command.description);
  if (!command.options.empty()) {
    out += ".PP\nOptions:\n.RS\n";
    option_list(out, command.options);
    out += ".RE\n";
  }
  if (!command.footer.empty()) {
    out += ".PP\n";
    text_block(out, command.footer);
  }
  examples(out, command);
  for (const CommandDoc& child : command.commands)
    command_section(out, child);
}

// "limber: a companion for X.\nMore." -> "a companion for X"; the NAME line's words.
std::string summary(const CommandDoc& program) {
  std::string line(lines_of(program.description).empty() ? std::string_view(program.name)
                                                         : lines_of(program.description).front());
  if (line.starts_with(program.name + ": "))
    line.erase(0, program.name.size() + 2);
  if (const std::size_t aside = line.find(" ("); aside != std::string::npos)
    line.erase(aside);
  while (!line.empty() && line.back() == '.')
    line.pop_back();
  if (!line.empty())
    line[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(line[0])));
  return line;
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// "  NAME  what it is" lines become a tagged list; other lines, text.
void prose_section(std::string& out, std::string_view text) {
  std::string plain;
  const auto flush = [&] {
    if (!plain.empty())
      text_block(out, plain);
    plain.clear();
  };
  for (std::string_view line : lines_of(text)) {
    const std::size_t gap = line.find("  ", 2);
    if (line.starts_with("  ") && line.size() > 2 && line[2] != ' ' &&
        gap != std::string_view::npos) {
      flush();
      std::string_view what = line.substr(gap);
      while (what.starts_with(' '))
        what.remove_prefix(1);
      out += ".TP\n\\fB" + roff_code(line.substr(2, gap - 2)) + "\\fR\n" + roff_text(what) + "\n";
    } else {
      plain += line;
      plain += '\n';
    }
  }
  flush();
}

}  // namespace

std::string man_page(const CommandDoc& program, const ManPage& page) {
  std::string out;
  out += R"(.\" Made by limber-clidoc from the command line --help prints: do not edit.)";
  out += '\n';
  out += ".TH " + upper(roff_code(program.name)) + " 1 \"\" \"limber " + page.version +
         "\" \"User Commands\"\n";
  out += ".SH NAME\n" + roff_code(program.name) + " \\- " + roff_text(summary(program)) + "\n";
  out += ".SH SYNOPSIS\n" + synopsis(program) + "\n";
  out += ".SH DESCRIPTION\n";
  text_block(out, program.description);
  if (!program.footer.empty()) {
    out += ".PP\n";
    text_block(out, program.footer);
  }
  if (!program.options.empty()) {
    out += ".SH OPTIONS\n";
    option_list(out, program.options);
  }
  examples(out, program);
  if (!program.commands.empty()) {
    out += ".SH COMMANDS\n";
    for (const CommandDoc& command : program.commands)
      command_section(out, command);
  }
  for (const auto& [title, text] : page.sections) {
    out += ".SH " + roff_text(title) + "\n";
    prose_section(out, text);
  }
  return out;
}

}  // namespace limber::clidoc
