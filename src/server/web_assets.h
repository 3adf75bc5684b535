// The page (web/), built into the binary by cmake/embed_web.cmake: each file with the
// URL path it is served at and its media type, text files also gzip-compressed.
#pragma once

#include <span>
#include <string_view>

namespace limber::server {

struct WebAsset {
  std::string_view path;  // "/index.html", "/js/app.js"
  std::string_view type;  // "text/html; charset=utf-8"
  std::string_view body;
  std::string_view gzip;  // the body gzip-compressed (gzip -9 -n); empty when not worth it
};

// Every file under web/, sorted by path (generated).
std::span<const WebAsset> web_asset_files();

// A hash of every file of the page, made at build time: the service worker's cache name,
// and the page's files' ETag.
std::string_view web_version();

// The file served at `path`; "/" is /index.html. nullptr when there is none.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace limber::server
