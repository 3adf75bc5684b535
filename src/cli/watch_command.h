// The sitting timer's command, built only into limber-watch (src/watch_main.cpp).
#pragma once

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}  // namespace CLI

namespace limber::cli {

struct CommandTable;

// `watch [--limit] [--break] [--pause] [--install] [--verbose] [--idle-source]`.
void add_watch_command(CLI::App& app, CommandTable& table);

}  // namespace limber::cli
