// How a failure's remedy reads in a terminal: the command or flag that fixes it
// (core/remedy.h). Internal to cli/.
#pragma once

#include <string>

#include "core/result.h"

namespace limber::cli {

// The error's message and, when it names a remedy, the command that does it.
std::string explain(const core::Error& error);

}  // namespace limber::cli
