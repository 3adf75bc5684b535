// The man pages and completions made at build time (src/clidoc/) against the command line
// walked here, with CLI11's own calls, and against what --help prints: a command or an
// option missing from a page or a completion fails here. The pages go through groff, and
// the bash completion through bash.
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

#include "cli/cli.h"
#include "cli/examples.h"
#include "cli/watch_command.h"
#include "clidoc/roff.h"
#include "support/shell.h"

namespace limber {
namespace {

using testing::run_shell;

const std::string kDocs = LIMBER_DOC_DIR;

std::string read(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

struct Walked {
  std::vector<std::string> path;     // {"limber", "exercises", "show"}
  std::vector<std::string> options;  // long and short names, --help included
  std::string footer;
};

void walk(const CLI::App& app, std::vector<std::string> path, std::vector<Walked>& into) {
  Walked command{path, {}, app.get_footer()};
  for (const CLI::Option* option : app.get_options({})) {
    for (const std::string& name : option->get_lnames())
      command.options.push_back("--" + name);
    for (const std::string& name : option->get_snames())
      command.options.push_back("-" + name);
  }
  into.push_back(command);
  for (const CLI::App* sub : app.get_subcommands({})) {
    std::vector<std::string> below = path;
    below.push_back(sub->get_name());
    walk(*sub, below, into);
  }
}

std::vector<Walked> walked(cli::CommandSet commands) {
  std::vector<Walked> all;
  cli::describe(commands, [&](const CLI::App& app) { walk(app, {"limber"}, all); });
  return all;
}

std::string joined(const std::vector<std::string>& words, const std::string& between) {
  std::string text;
  for (const std::string& word : words)
    text += (text.empty() ? "" : between) + word;
  return text;
}

// The part of a man page from `.SS "limber log"` to the next .SS or .SH.
std::string man_section(const std::string& page, const std::vector<std::string>& path) {
  const std::string heading = ".SS \"" + clidoc::roff_code(joined(path, " ")) + "\"\n";
  const std::size_t start = page.find(heading);
  if (start == std::string::npos)
    return "";
  std::size_t end = page.find("\n.S", start + heading.size());
  return page.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

bool has_option(const std::string& section, const std::string& name) {
  return section.find("\\fB" + clidoc::roff_code(name) + "\\fR") != std::string::npos;
}

// The watcher's options come from limber-watch's own command line.
std::vector<std::string> watcher_options() {
  for (const Walked& command : walked(cli::add_watch_command)) {
    if (command.path.size() == 2 && command.path[1] == "watch")
      return command.options;
  }
  return {};
}

TEST(ManPageTest, HasASectionWithEveryOptionAndAnExampleForEveryCommand) {
  const std::string page = read(kDocs + "/man/limber.1");
  ASSERT_FALSE(page.empty()) << kDocs << "/man/limber.1 was not made";
  const std::vector<Walked> commands = walked(cli::add_all_commands);
  ASSERT_GT(commands.size(), 20U);
  for (const Walked& command : commands) {
    SCOPED_TRACE(joined(command.path, " "));
    if (command.path.size() == 1) {
      for (const std::string& option : command.options)
        EXPECT_TRUE(has_option(page, option)) << option;
      continue;
    }
    const std::string section = man_section(page, command.path);
    ASSERT_FALSE(section.empty()) << "no .SS section";
    const bool forwards = command.path.back() == "watch";
    for (const std::string& option : forwards ? watcher_options() : command.options)
      EXPECT_TRUE(has_option(section, option)) << option;
    EXPECT_NE(section.find("Examples:\n.TP\n\\fBlimber"), std::string::npos)
        << "no example: add_examples() beside its options";
  }
}

TEST(ManPageTest, ExamplesAreThoseHelpPrints) {
  const std::string page = read(kDocs + "/man/limber.1");
  for (const Walked& command : walked(cli::add_all_commands)) {
    for (const cli::Example& example : cli::split_footer(command.footer).examples) {
      EXPECT_NE(page.find("\\fB" + clidoc::roff_code(example.command) + "\\fR"), std::string::npos)
          << example.command;
    }
  }
}

// What --help prints for `args`: the option names on the lines that start with one
// ("  -m,--mobility LEVEL  ..."), and the commands listed under Subcommands.
struct HelpWords {
  std::set<std::string> options;
  std::set<std::string> commands;
};

HelpWords help_words(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  cli::Invocation invocation{
      args, core::Instant{}, [](const char*) { return std::nullopt; }, {in, out, err, false}};
  EXPECT_EQ(cli::run(invocation), cli::kExitOk) << err.str();
  HelpWords words;
  std::istringstream lines(out.str());
  bool commands = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("Subcommands:")) {
      commands = true;
      continue;
    }
    const std::size_t first = line.find_first_not_of(' ');
    if (first == 0)
      commands = false;
    if (first != 2)  // not an entry: a heading, or a description's next line
      continue;
    std::string token = line.substr(first, line.find(' ', first) - first);
    if (commands && token[0] != '-') {
      words.commands.insert(token);
    } else if (token[0] == '-') {
      std::istringstream names(token);
      for (std::string name; std::getline(names, name, ',');)
        words.options.insert(name);
    }
  }
  return words;
}

TEST(ManPageTest, NamesEveryOptionThatHelpPrints) {
  const std::string page = read(kDocs + "/man/limber.1");
  for (const Walked& command : walked(cli::add_all_commands)) {
    if (command.path.back() == "watch")
      continue;  // its --help is limber-watch's (below)
    std::vector<std::string> args(command.path.begin() + 1, command.path.end());
    args.push_back("--help");
    SCOPED_TRACE(joined(args, " "));
    const std::string section = command.path.size() == 1 ? page : man_section(page, command.path);
    const HelpWords words = help_words(args);
    EXPECT_FALSE(words.options.empty());
    for (const std::string& option : words.options)
      EXPECT_TRUE(has_option(section, option)) << option;
    for (const std::string& name : words.commands) {
      std::vector<std::string> below = command.path;
      below.push_back(name);
      EXPECT_FALSE(man_section(page, below).empty()) << name;
    }
  }
}

TEST(ManPageTest, TheWatchersPageHasItsOptions) {
  const std::string page = read(kDocs + "/man/limber-watch.1");
  ASSERT_NE(page.find(".TH LIMBER\\-WATCH 1"), std::string::npos);
  const std::vector<std::string> options = watcher_options();
  ASSERT_FALSE(options.empty());
  for (const std::string& option : options)
    EXPECT_TRUE(has_option(page, option)) << option;
}

TEST(ManPageTest, GroffFormatsThemWithoutAWarning) {
  for (const std::string name : {"limber.1", "limber-watch.1"}) {
    const auto run = run_shell("groff -man -Tutf8 -ww -z " + kDocs + "/man/" + name);
    EXPECT_EQ(run.code, 0) << name << ": " << run.out;
    EXPECT_EQ(run.out, "") << name;
  }
  const auto text = run_shell("MANWIDTH=80 man -l " + kDocs + "/man/limber.1 | cat");
  EXPECT_NE(text.out.find("limber exercises show"), std::string::npos) << text.out;
}

TEST(CompletionTest, EachShellOffersEveryCommandAndOption) {
  const std::vector<Walked> commands = walked(cli::add_all_commands);
  const std::string bash = read(kDocs + "/bash/limber");
  const std::string zsh = read(kDocs + "/zsh/_limber");
  const std::string fish = read(kDocs + "/fish/limber.fish");
  for (const Walked& command : commands) {
    const std::string key = joined(command.path, "/");
    SCOPED_TRACE(key);
    const std::size_t bash_line = bash.find("\n    '" + key + "') words=");
    const std::size_t zsh_line = zsh.find("\n    ('" + key + "') items=");
    ASSERT_NE(bash_line, std::string::npos);
    ASSERT_NE(zsh_line, std::string::npos);
    const std::string bash_words =
        bash.substr(bash_line, bash.find('\n', bash_line + 1) - bash_line);
    const std::string zsh_words = zsh.substr(zsh_line, zsh.find('\n', zsh_line + 1) - zsh_line);
    std::string fish_lines;  // the script's lines for this command
    std::istringstream fish_script(fish);
    for (std::string line; std::getline(fish_script, line);) {
      if (line.find("= " + key + "' ") != std::string::npos)
        fish_lines += line + "\n";
    }
    const bool forwards = command.path.back() == "watch";
    for (const std::string& option : forwards ? watcher_options() : command.options) {
      EXPECT_NE(bash_words.find(" " + option), std::string::npos) << "bash: " << option;
      EXPECT_NE(zsh_words.find("'" + option + ":"), std::string::npos) << "zsh: " << option;
      const std::string fish_name = option.starts_with("--") ? " -l '" + option.substr(2) + "'"
                                                             : " -s '" + option.substr(1) + "'";
      EXPECT_NE(fish_lines.find(fish_name), std::string::npos) << "fish: " << option;
    }
    if (command.path.size() > 1) {
      const std::string parent = joined({command.path.begin(), command.path.end() - 1}, "/");
      EXPECT_NE(fish.find("= " + parent + "' -a '" + command.path.back() + "'"), std::string::npos)
          << "fish";
    }
  }
}

// Bash itself: the script loads, registers, and completes what a person types.
std::string complete(const std::string& line) {
  const std::string script =
      "source " + kDocs + "/bash/limber; read -ra COMP_WORDS <<< '" + line + "'; [[ '" + line +
      "' == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - "
      "1)); _limber; for word in \"${COMPREPLY[@]}\"; do echo \"$word\"; done";
  return run_shell("bash -c \"$(cat <<'EOF'\n" + script + "\nEOF\n)\"").out;
}

TEST(CompletionTest, BashCompletesCommandsOptionsAndFiles) {
  const auto registered =
      run_shell("bash -i -c 'source " + kDocs + "/bash/limber && complete -p limber' </dev/null");
  EXPECT_NE(registered.out.find("complete -F _limber limber"), std::string::npos) << registered.out;
  EXPECT_EQ(complete("limber lo"), "log\n");
  EXPECT_EQ(complete("limber exercises sh"), "show\n");
  EXPECT_EQ(complete("limber log --mob"), "--mobility\n");
  EXPECT_EQ(complete("limber log --note "), "");  // a value to type
  EXPECT_NE(complete("limber --data-dir /").find("/usr"), std::string::npos);
  EXPECT_NE(complete("limber import /etc/host").find("/etc/hosts"), std::string::npos);
  EXPECT_NE(complete("limber watch --li").find("--limit"), std::string::npos);
}

}  // namespace
}  // namespace limber
