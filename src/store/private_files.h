// The diary is for its owner's eyes only (issue #11, defect 5): its folder is 0700 and its
// files 0600, whatever the umask. Folders and files that other users could read are
// tightened, and the caller is told which, so a shell can say so once.
#pragma once

#include <filesystem>
#include <vector>

#include "core/result.h"

namespace limber::store {

inline constexpr unsigned kPrivateFolderMode = 0700;
inline constexpr unsigned kPrivateFileMode = 0600;

// What was made private: the paths whose group or other permission bits were removed.
using Tightened = std::vector<std::filesystem::path>;

// Creates `folder` (and missing parents) with mode 0700. When `folder` exists with
// group or other bits, removes them and adds it to `tightened`. kIo when it cannot be
// created; a folder that cannot be tightened (not ours, read-only media) is left as it is.
core::Result<void> make_private_folder(const std::filesystem::path& folder, Tightened& tightened);

// Creates an empty `file` with mode 0600 when it does not exist (another process creating
// it at the same moment is fine). kIo when it cannot be created.
core::Result<void> create_private_file(const std::filesystem::path& file);

// Removes group and other bits from `path` when it exists and has any, and adds it to
// `tightened`. Silent when the file is missing or cannot be changed.
void tighten(const std::filesystem::path& path, Tightened& tightened);

}  // namespace limber::store
