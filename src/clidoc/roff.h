// Text made safe for roff (man(7)): what a man page's source must escape.
#pragma once

#include <string>
#include <string_view>

namespace limber::clidoc {

// Running text: backslashes escaped, characters beyond ASCII as \[uXXXX], a leading dot or
// quote kept from being read as a request.
std::string roff_text(std::string_view text);

// A command or option as typed: also every '-' a minus sign (\-), so it can be copied.
std::string roff_code(std::string_view text);

}  // namespace limber::clidoc
