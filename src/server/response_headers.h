// The headers every answer carries: a Content-Security-Policy that lets the page load only
// its own files and talk only to its own server, and the rest of the usual hardening
// (docs/api.md, "Access"). The adapter sends what response_headers() lists.
#pragma once

#include <span>
#include <string_view>
#include <utility>

#include "server/http.h"

namespace limber::server {

// Sent with every answer, in this order; an answer's own header of the same name replaces
// one. Includes Cache-Control: no-store.
std::span<const std::pair<std::string_view, std::string_view>> default_headers();

// The header lines to send with `answer`: the defaults it does not replace, then its own
// headers, then its Content-Type (when it has one). Not the Content-Length: the adapter
// adds that as its library wants it.
HttpFields response_headers(const HttpAnswer& answer);

}  // namespace limber::server
