// The local time zone, at the edge: the core thinks in instants and wall-clock readings,
// and these functions convert between them with the C library's zone rules (TZ).
#pragma once

#include <chrono>

#include "core/clock.h"
#include "core/result.h"
#include "core/time_parse.h"

namespace limber::app {

// The local UTC offset in force at `at`.
std::chrono::seconds utc_offset_at(core::Instant at);

// `at` with its local reading, for the core.
core::Now local_now(core::Instant at);

// Places a wall-clock reading in the local zone (the earlier moment when a clock change
// repeats an hour).
core::Instant from_local(core::LocalTime local);

// Parses what a person typed as a time, places it in the local zone, and refuses future
// times: the whole path from "--at yesterday 21:00" to an instant.
core::Result<core::Instant> read_time(std::string_view text, const core::Now& now);

}  // namespace limber::app
