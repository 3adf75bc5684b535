#include "cli/examples.h"

#include <CLI/CLI.hpp>

namespace limber::cli {
namespace {

constexpr std::string_view kHeading = "Examples:";
constexpr std::string_view kCommandIndent = "  ";
constexpr std::string_view kWhatIndent = "      ";

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.remove_suffix(1);
  return text;
}

}  // namespace

void add_examples(CLI::App& command, std::initializer_list<Example> examples) {
  std::string footer = command.get_footer();
  if (!footer.empty())
    footer += "\n\n";
  footer += kHeading;
  for (const Example& example : examples) {
    footer += '\n';
    footer.append(kCommandIndent).append(example.command);
    footer += '\n';
    footer.append(kWhatIndent).append(example.what);
  }
  command.footer(footer);
}

Footer split_footer(std::string_view footer) {
  Footer split;
  std::size_t heading = footer.rfind(kHeading);
  // The heading starts the footer or a line of its own.
  if (heading == std::string_view::npos || (heading > 0 && footer[heading - 1] != '\n')) {
    split.text = trim_end(footer);
    return split;
  }
  split.text = trim_end(footer.substr(0, heading));
  std::string_view rest = footer.substr(heading + kHeading.size());
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (line.starts_with(kWhatIndent) && !split.examples.empty()) {
      std::string& what = split.examples.back().what;
      if (!what.empty())
        what += ' ';
      what.append(line.substr(kWhatIndent.size()));
    } else if (line.starts_with(kCommandIndent)) {
      split.examples.push_back({std::string(line.substr(kCommandIndent.size())), ""});
    }
  }
  return split;
}

}  // namespace limber::cli
