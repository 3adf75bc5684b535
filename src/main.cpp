// The composition root of `limber`: every command (cli::main reads the clock and the
// environment once and hands them to the CLI).
#include "cli/cli.h"

int main(int argc, char** argv) {
  return limber::cli::main(argc, argv, limber::cli::add_all_commands, "limber");
}
