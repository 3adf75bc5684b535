// The command line: `limber <command> ...`, run in process so tests can call it with
// their own streams, environment and clock.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "app/data_dir.h"
#include "core/clock.h"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}  // namespace CLI

namespace limber::cli {

struct Io {
  std::istream& in;
  std::ostream& out;  // results
  std::ostream& err;  // errors and prompts' companions
  bool interactive;   // stdin and stdout are a terminal: prompts are allowed
};

struct Invocation {
  std::vector<std::string> args;  // without the program name
  core::Instant now;              // read once by the caller
  app::GetEnv env;
  Io io;
};

// Exit codes, CLI11 and BSD sysexits-style: 0 success, 1 runtime failure, 2 usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
// A standing emergency or urgent safety result: the advice was shown, nothing was started.
inline constexpr int kExitPaused = 3;

struct CommandTable;

// Adds a set of subcommands to the command line.
using CommandSet = void (*)(CLI::App& app, CommandTable& table);

// Every command of `limber`.
void add_all_commands(CLI::App& app, CommandTable& table);

// Builds the command line of `commands` as `run` does, without parsing or running
// anything, and hands it to `visit`: the man pages and shell completions are made from it
// at build time (src/clidoc/), so they say what --help says.
void describe(CommandSet commands, const std::function<void(const CLI::App&)>& visit);

// limber's version, as --version prints it.
std::string_view version();

// Parses and runs one command of `commands`. Returns the exit code; messages go to io.err.
int run(const Invocation& invocation, CommandSet commands = add_all_commands);

// A program's main(): reads the clock, the environment and the terminal once and runs
// `commands` on the real streams. An exception (a bug) is reported as `program`'s.
int main(int argc, char** argv, CommandSet commands, const char* program);

}  // namespace limber::cli
