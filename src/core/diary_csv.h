// The diary as CSV: one row per entry, oldest first, a fixed header, ISO dates and 24-hour
// times with the UTC offset, regions joined with '|'. Export then import gives back the
// same diary, field for field (../shared/docs/standards.md, "CSV").
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/entry.h"
#include "core/result.h"

namespace limber::core {

// The header row, in order.
std::span<const std::string_view> diary_csv_columns();

// Writes the header and one row per entry, in the order given.
std::string diary_to_csv(std::span<const Entry> entries);

// Reads every row or none: the first bad row returns kBadFile "line N: what is wrong",
// with the fix. An empty id cell means a new entry (id 0).
Result<std::vector<Entry>> diary_from_csv(std::string_view text);

// Spreadsheet formula guard: a cell starting with = + - @, tab or CR (after any run of
// quote marks) gets a leading ' on export; unguard removes exactly that one.
std::string guard_formula(std::string_view text);
std::string unguard_formula(std::string_view text);

}  // namespace limber::core
