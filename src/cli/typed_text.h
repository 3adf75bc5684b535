// Text typed on the command line (a note, a name) is checked before anything else: a
// terminal set to another encoding than UTF-8 sends bytes limber cannot store, and the
// person needs to know it is the terminal, not what they typed (issue 11, defect 2).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace limber::cli {

// kInvalidInput naming `option` ("--note") and the byte when `text` is not UTF-8, saying
// to set the terminal to UTF-8.
core::Result<void> check_typed_text(std::string_view text, std::string_view option);
// The same for an option that may be absent.
core::Result<void> check_typed_option(const std::optional<std::string>& text,
                                      std::string_view option);

}  // namespace limber::cli
