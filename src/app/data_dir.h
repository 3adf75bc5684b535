// Where the diary lives: --data-dir, then LIMBER_HOME, then $XDG_DATA_HOME/limber, then
// ~/.local/share/limber (XDG Base Directory; relative XDG paths are ignored).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"

namespace limber::app {

// Reads one environment variable; empty optional when unset. Injected so tests control it.
using GetEnv = std::function<std::optional<std::string>(const char*)>;

// The real process environment.
std::optional<std::string> process_env(const char* name);

inline constexpr const char* kDiaryFileName = "limber.db";

// The folder for limber's data. kInvalidInput when no rule gives a usable folder.
core::Result<std::filesystem::path> data_dir(const std::optional<std::string>& flag,
                                             const GetEnv& env);

}  // namespace limber::app
