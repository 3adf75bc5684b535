#include "server/page.h"

#include <string>

#include "server/access.h"
#include "server/browser_login.h"
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
  if (open_to_unpaired_phone(request.method, request.path))
    return {200, std::string(asset->type), std::string(asset->body), {}};
  if (auto refused = refusal(guard, request, Access::kPage))
    return *refused;
  // The page's files are the same for everyone and hold nothing of the diary: the browser
  // may keep them and ask again with their ETag (a hash of the build's files), so the
  // service worker's first fill is answered with 304s, not the files a second time. The
  // service worker itself is always fetched whole, so a new limber replaces it.
  if (asset->path == "/sw.js")
    return {200, std::string(asset->type), std::string(asset->body), {}};
  const std::string etag = "\"" + std::string(web_version()) + "\"";
  HttpFields cache{{"Cache-Control", "no-cache"}, {"ETag", etag}};
  if (request.header_or_empty("If-None-Match") == etag)
    return {304, "", "", std::move(cache)};
  return {200, std::string(asset->type), std::string(asset->body), std::move(cache)};
}

}  // namespace limber::server
