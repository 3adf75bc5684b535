// A browser's login: "GET /?token=KEY" with the key of a start-up address (LinkKeys)
// answers with the login cookie and a page that moves on to "/", so the key leaves the
// address bar. Each key logs in one browser, once (issue #12, item 15).
#pragma once

#include <optional>

#include "server/http.h"
#include "server/security.h"

namespace limber::server {

// The answer when `request` is "/?token=KEY" (a login, or its refusal: 403 for another
// Host, 401 for a key never made, 410 for a spent one); nullopt for any other request. A
// browser that already holds the login cookie just moves on, and spends no key.
std::optional<HttpAnswer> browser_login(const HttpRequest& request, const Guard& guard,
                                        LinkKeys& keys);

}  // namespace limber::server
