// The therapist's web page (src/clinic/web/: HTML, CSS, its scripts), built into
// limber-clinic by cmake/embed_web.cmake as limber's own page is, and served with a strict
// Content-Security-Policy: the page's own files only, no inline script, nothing outside.
#pragma once

#include <span>
#include <string_view>

#include "server/http.h"
#include "server/web_assets.h"

namespace limber::clinic {

using server::WebAsset;

// Every file under src/clinic/web/, sorted by path (generated).
std::span<const WebAsset> web_asset_files();
// A hash of them all, made at build time (generated).
std::string_view web_version();

// The policy every file of the page is sent with.
inline constexpr std::string_view kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

// GET of the page's file at `path` ("/" is /index.html); 404 when there is none.
server::HttpAnswer page_file(std::string_view path);

}  // namespace limber::clinic
