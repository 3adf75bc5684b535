// The composition root: reads the clock and the environment once, hands them to the CLI.
#include <chrono>
#include <exception>
#include <iostream>

#include <unistd.h>

#include "app/data_dir.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  try {
    limber::cli::Invocation invocation{
        .args = std::vector<std::string>(argv + 1, argv + argc),
        .now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()),
        .env = limber::app::process_env,
        .io = {std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) == 1},
    };
    const int code = limber::cli::run(invocation);
    std::cout.flush();
    return code;
  } catch (const std::exception& error) {
    std::cerr << "limber: internal error: " << error.what()
              << " (this is a bug: please report it; your diary is unchanged)\n";
    return 1;
  }
}
