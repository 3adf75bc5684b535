// limber-watch: the sitting timer's program (`limber watch` starts it; see
// cli/watch_forward.cpp). It links the desktop's libraries, which limber does not.
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/watch_command.h"

int main(int argc, char** argv) {
  // `limber-watch --help` is the watcher's help, as `limber watch --help` is.
  std::vector<std::string> args =
      limber::cli::watcher_args(std::vector<std::string>(argv + 1, argv + argc));
  std::vector<char*> words{argv[0]};
  for (std::string& arg : args)
    words.push_back(arg.data());
  words.push_back(nullptr);
  return limber::cli::main(static_cast<int>(words.size()) - 1, words.data(),
                           limber::cli::add_watch_command, "limber watch");
}
