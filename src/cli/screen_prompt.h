// The red-flag questions asked on a terminal, one at a time. Internal to cli/.
#pragma once

#include <vector>

#include "cli/cli.h"
#include "core/red_flags.h"
#include "core/result.h"

namespace limber::cli {

// Asks each question on io.err and reads one answer per line from io.in: y, yes, n or no
// (any case); anything else asks again. Stops at once after a "yes" that already means an
// emergency (the rest is not asked). Before any "yes" becomes a result, shows the "yes"
// answers again and lets the person confirm them or change one to "no" (then the questions
// not yet asked follow). Returns the answers given, in asking order;
// kInvalidInput when the input ends first (nothing is stored then).
core::Result<std::vector<core::Answer>> ask_questions(const Io& io);

}  // namespace limber::cli
