// limber-watch: the sitting timer's program (`limber watch` starts it; see
// cli/watch_forward.cpp). It links the desktop's libraries, which limber does not.
#include <chrono>
#include <exception>
#include <iostream>

#include <unistd.h>

#include "app/data_dir.h"
#include "cli/cli.h"
#include "cli/watch_command.h"

int main(int argc, char** argv) {
  try {
    limber::cli::Invocation invocation{
        .args = std::vector<std::string>(argv + 1, argv + argc),
        .now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()),
        .env = limber::app::process_env,
        .io = {std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) == 1},
    };
    const int code = limber::cli::run(invocation, limber::cli::add_watch_command);
    std::cout.flush();
    return code;
  } catch (const std::exception& error) {
    std::cerr << "limber watch: internal error: " << error.what()
              << " (this is a bug: please report it; your diary is unchanged)\n";
    return 1;
  }
}
