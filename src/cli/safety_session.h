// The first-start disclaimer, shown once per diary. Internal to cli/.
#pragma once

#include <iosfwd>

#include "app/screening.h"
#include "core/result.h"

namespace limber::cli {

// Shows the first-start disclaimer on `out` once per diary, and records it.
core::Result<void> disclaimer_once(const app::ScreeningService& screening, std::ostream& out);

}  // namespace limber::cli
