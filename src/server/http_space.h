// The spaces and tabs HTTP allows around a header's value and its parts (RFC 9110, OWS).
#pragma once

#include <string_view>

namespace limber::server {

// `text` without the spaces and tabs at either end.
std::string_view trim_http_space(std::string_view text);

}  // namespace limber::server
