// The page: its files (web/, server/web_assets.h) for a browser that is logged in, and the
// login itself (server/browser_login.h). Every path outside /api/ comes here.
#pragma once

#include "server/http.h"
#include "server/security.h"

namespace limber::server {

// GET or HEAD of a file of the page, or a login; 405 for other methods, 404 for a path
// that names no file, and the refusals of server/access.h (with kPage).
HttpAnswer answer_page(const HttpRequest& request, const Guard& guard, LinkKeys& keys);

}  // namespace limber::server
