// Tab completion scripts for bash, zsh and fish from a program's command line: the
// commands, their options, and files where an option takes a FILE or DIR.
#pragma once

#include <string>

#include "clidoc/command_doc.h"

namespace limber::clidoc {

std::string bash_completion(const CommandDoc& program);
std::string zsh_completion(const CommandDoc& program);
std::string fish_completion(const CommandDoc& program);

}  // namespace limber::clidoc
