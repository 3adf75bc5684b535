// How a failure's remedy reads on the page: a page or a button, never a command or a flag
// (core/remedy.h; issue #13). Internal to server/.
#pragma once

#include <string>

#include "core/result.h"

namespace limber::server {

// The error's message and, when it names a remedy, where on the page to do it.
std::string explain(const core::Error& error);

}  // namespace limber::server
