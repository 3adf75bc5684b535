// The diary as CSV: one row per entry, oldest first, a fixed header, ISO dates and 24-hour
// times with the UTC offset, regions joined with '|'. Export then import gives back the
// same diary, field for field (../shared/docs/standards.md, "CSV").
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/entry.h"
#include "core/result.h"

namespace limber::core {

// The header row, in order.
std::span<const std::string_view> diary_csv_columns();

// Writes the header and one row per entry, in the order given. Text that is not UTF-8
// (stored by an older limber) is written with U+FFFD in place of what cannot be read.
std::string diary_to_csv(std::span<const Entry> entries);

// Reads every row or none: the first bad row returns kBadFile "line N: what is wrong",
// with the fix. An empty id cell means a new entry (id 0). The file must be UTF-8 (a file in
// another encoding is named as such); session exercises must be ids of `catalog`.
Result<std::vector<Entry>> diary_from_csv(std::string_view text, const Catalog& catalog);

// Spreadsheet formula guard: a cell starting with = + - @, tab or CR (after any run of
// quote marks) gets a leading ' on export; unguard removes exactly that one.
std::string guard_formula(std::string_view text);
std::string unguard_formula(std::string_view text);

}  // namespace limber::core
