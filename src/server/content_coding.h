// Which body of a page file to send: its gzip copy (built in by cmake/embed_web.cmake) when
// the browser says it takes gzip, else the file as it is (RFC 9110, 12.5.3).
#pragma once

#include <string_view>

namespace limber::server {

// True when an Accept-Encoding value accepts gzip: "gzip" (or "x-gzip", or "*" when gzip
// is not named) with a q-value above 0. "gzip;q=0" refuses it; an empty value accepts
// only the file as it is.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace limber::server
