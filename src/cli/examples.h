// A command's examples: written once, beside the command's options, into the footer that
// `limber COMMAND --help` prints; the man page reads them back from there (src/clidoc/).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}  // namespace CLI

namespace limber::cli {

struct Example {
  std::string command;  // as typed: "limber log 5 lower-back"
  std::string what;     // what it does, one sentence
};

// Appends "Examples:" and `examples` to the footer of `command` (after any footer it has).
void add_examples(CLI::App& command, std::initializer_list<Example> examples);

// A footer split back into its own text and the examples add_examples wrote.
struct Footer {
  std::string text;
  std::vector<Example> examples;
};
Footer split_footer(std::string_view footer);

}  // namespace limber::cli
