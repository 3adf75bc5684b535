#include <chrono>
#include <exception>
#include <iostream>

#include <unistd.h>

#include "app/data_dir.h"
#include "cli/cli.h"

namespace limber::cli {

int main(int argc, char** argv, CommandSet commands, const char* program) {
  try {
    const Invocation invocation{
        .args = std::vector<std::string>(argv + 1, argv + argc),
        .now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()),
        .env = app::process_env,
        .io = {std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) == 1},
    };
    const int code = run(invocation, commands);
    std::cout.flush();
    return code;
  } catch (const std::exception& error) {
    std::cerr << program << ": internal error: " << error.what()
              << " (this is a bug: please report it; your diary is unchanged)\n";
    return 1;
  }
}

}  // namespace limber::cli
