#include "server/page.h"

#include <string>

#include "server/access.h"
#include "server/browser_login.h"
#include "server/handlers.h"
#include "server/web_assets.h"

namespace limber::server {

HttpAnswer answer_page(const HttpRequest& request, const Guard& guard, LinkKeys& keys) {
  if (request.method != "GET" && request.method != "HEAD")
    return error_answer(405, request.method, request.path, "GET");
  if (auto login = browser_login(request, guard, keys))
    return *login;
  const WebAsset* asset = find_web_asset(request.path);
  if (asset == nullptr)
    return error_answer(404, request.method, request.path);
  if (auto refused = refusal(guard, request, Access::kPage))
    return *refused;
  return {200, std::string(asset->type), std::string(asset->body), {}};
}

}  // namespace limber::server
