#include "server/page.h"

#include <string>

#include "server/access.h"
#include "server/browser_login.h"
#include "server/content_coding.h"
#include "server/handlers.h"
#include "server/phone.h"
#include "server/web_assets.h"

namespace limber::server {

HttpAnswer answer_page(const HttpRequest& request, const Guard& guard, LinkKeys& keys) {
  if (request.method != "GET" && request.method != "HEAD")
    return error_answer(405, request.method, request.path, "GET");
  if (auto login = browser_login(request, guard, keys))
    return *login;
  // The phone's landing page (docs/phone.md) opens before the phone has any key.
  const std::string_view path =
      request.path == "/pair" ? std::string_view("/pair.html") : std::string_view(request.path);
  const WebAsset* asset = find_web_asset(path);
  if (asset == nullptr)
    return error_answer(404, request.method, request.path);
  // The phone's landing page and its style and script open without a login; the rest of
  // the page needs one.
  if (!open_to_unpaired_phone(request.method, request.path)) {
    if (auto refused = refusal(guard, request, Access::kPage))
      return *refused;
  }
  // The page's files are the same for everyone and hold nothing of the diary: the browser
  // may keep them and ask again with their ETag (a hash of the build's files), so the
  // service worker's first fill is answered with 304s, not the files a second time. The
  // service worker itself is always fetched whole, so a new limber replaces it.
  if (asset->path == "/sw.js")
    return {200, std::string(asset->type), std::string(asset->body), {}};
  // A browser that takes gzip gets the copy compressed at build time (a third of the
  // bytes): another representation, so another ETag, and Vary tells caches so.
  const bool gzip =
      !asset->gzip.empty() && accepts_gzip(request.header_or_empty("Accept-Encoding"));
  const std::string etag = "\"" + std::string(web_version()) + (gzip ? "-gzip" : "") + "\"";
  HttpFields headers{{"Cache-Control", "no-cache"}, {"ETag", etag}};
  if (!asset->gzip.empty())
    headers.emplace_back("Vary", "Accept-Encoding");
  if (request.header_or_empty("If-None-Match") == etag)
    return {304, "", "", std::move(headers)};
  if (gzip)
    headers.emplace_back("Content-Encoding", "gzip");
  return {200, std::string(asset->type), std::string(gzip ? asset->gzip : asset->body),
          std::move(headers)};
}

}  // namespace limber::server
