// Whole-file reads and writes for exports and imports, with errors a person can act on.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace limber::app {

inline constexpr std::uintmax_t kMaxImportBytes = std::uintmax_t{64} * 1024 * 1024;

// Reads a file of at most kMaxImportBytes; kIo naming the file and the reason otherwise.
core::Result<std::string> read_file(const std::filesystem::path& path);

// Writes to a temporary file beside `path`, flushes it to disk, then renames it over
// `path`: a reader never sees half a file, and a failure leaves the old file as it was.
// The file is readable by its owner only (0600): it holds the diary's data.
core::Result<void> write_file_atomically(const std::filesystem::path& path,
                                         std::string_view content);

}  // namespace limber::app
