// Entries as a person reads them in a terminal.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/entry.h"

namespace limber::cli {

// "pain 6/10, distressing · lower back, neck 3/10 · can stand up straight, walking is hard"
std::string describe(const core::Entry& entry);
// "Saturday 21 November 2026"
std::string day_heading(core::LocalTime local);
// "21:00"
std::string clock_time(core::LocalTime local);
// "Sat 21 Nov 21:00"
std::string short_time(core::LocalTime local);

}  // namespace limber::cli
