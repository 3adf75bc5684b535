// The exercise catalog built into the binary from data/exercises/ (see
// cmake/embed_catalog.cmake).
#pragma once

#include <span>

#include "core/catalog.h"

namespace limber::app {

// The JSON files, as they are in data/exercises/.
std::span<const core::CatalogFile> builtin_catalog_files();

// Parses them. The tests prove this succeeds for the files in the repository.
core::Result<core::Catalog> builtin_catalog();

}  // namespace limber::app
