// A row holds what limber never writes (a damaged diary): the error every store returns
// for it, so it reads as damage (kCorrupt) and not as a mistake in the command.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.h"

namespace limber::store {

// kCorrupt, naming the table and the row, with the way to see what can be saved.
core::Error unreadable_row(std::string_view table, std::int64_t id);

}  // namespace limber::store
