// Parsing a word from a fixed vocabulary (regions, mobility levels, relief kinds), with
// one wording for every "unknown name" error.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "core/result.h"

namespace limber::core {

// Returns the index of `text` in `names`, or kInvalidInput:
// "unknown <what> 'text'. Did you mean 'x'? Use one of: a, b, c".
Result<std::size_t> parse_name(std::string_view text, std::span<const std::string_view> names,
                               std::string_view what);

}  // namespace limber::core
