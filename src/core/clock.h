// Time as the core sees it. The core never reads a clock: the shell reads "now" once per
// invocation and passes it down as a Now, already converted to local time at the edge
// (app/local_time.h), since GCC 12's <chrono> has no time zones.
#pragma once

#include <chrono>

namespace limber::core {

using Instant = std::chrono::sys_seconds;      // a moment, UTC seconds since the epoch
using LocalTime = std::chrono::local_seconds;  // a wall-clock reading, no zone attached

// The same moment in both forms, and so the local UTC offset in force.
struct Now {
  Instant instant;
  LocalTime local;

  [[nodiscard]] std::chrono::seconds utc_offset() const {
    return local.time_since_epoch() - instant.time_since_epoch();
  }
  [[nodiscard]] std::chrono::year_month_day today() const {
    return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(local)};
  }
};

inline LocalTime to_local(Instant at, std::chrono::seconds utc_offset) {
  return LocalTime{at.time_since_epoch() + utc_offset};
}

}  // namespace limber::core
