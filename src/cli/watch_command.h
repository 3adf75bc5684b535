// The sitting timer's command, built only into limber-watch (src/watch_main.cpp).
#pragma once

#include <string>
#include <vector>

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}  // namespace CLI

namespace limber::cli {

struct CommandTable;

// `watch [--limit] [--break] [--pause] [--install] [--verbose] [--idle-source]`.
void add_watch_command(CLI::App& app, CommandTable& table);

// limber-watch's command line as the command table reads it: `limber watch ...` passes the
// word "watch" on (cli/watch_forward.cpp); run by itself (`limber-watch --help`), the
// program has only that command, so the word is put in after the options of limber itself
// (--data-dir DIR).
std::vector<std::string> watcher_args(std::vector<std::string> args);

}  // namespace limber::cli
