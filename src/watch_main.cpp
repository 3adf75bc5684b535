// limber-watch: the sitting timer's program (`limber watch` starts it; see
// cli/watch_forward.cpp). It links the desktop's libraries, which limber does not.
#include "cli/cli.h"
#include "cli/watch_command.h"

int main(int argc, char** argv) {
  return limber::cli::main(argc, argv, limber::cli::add_watch_command, "limber watch");
}
