#include "server/browser_login.h"

#include <string>
#include <string_view>

#include "server/access.h"

namespace limber::server {
namespace {

constexpr std::string_view kSpentKeyPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>limber: this address was already used</title></head>
<body style="font: 1.25rem/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff">
<h1>This address was already used</h1>
<p>Each address that <code>limber serve</code> prints opens limber in one browser, once,
so that nobody else can open your pain diary with it later.</p>
<p>Use the browser window where limber is already open. To open it somewhere else, press
Enter in the terminal where <code>limber serve</code> runs: it prints a new address.</p>
</body></html>
)";

constexpr std::string_view kWelcomePage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=/">
<title>limber</title></head>
<body><p><a href="/">Continue to limber</a></p></body></html>
)";

}  // namespace

std::optional<HttpAnswer> browser_login(const HttpRequest& request, const Guard& guard,
                                        LinkKeys& keys) {
  if (request.path != "/")
    return std::nullopt;
  const auto offered = request.query_value("token");
  if (!offered)
    return std::nullopt;
  if (!guard.host_allowed(request.header_or_empty("Host")))
    return refuse(Access::kPage, 403, "this server answers only to its own address");
  const bool logged_in =
      guard.credential(request.header_or_empty("Cookie"), "") == Credential::kLoginCookie;
  if (!logged_in) {
    switch (keys.redeem(*offered)) {
      case LinkKeys::Use::kOpened:
        break;
      case LinkKeys::Use::kSpent:
        return HttpAnswer{410, "text/html; charset=utf-8", std::string(kSpentKeyPage), {}};
      case LinkKeys::Use::kUnknown:
        return refuse(Access::kPage, 401, "");
    }
  }
  // The key leaves the address bar at once. A page of our own moves on, not a 303: after
  // an address opened from a file (see cli/serve_command.cpp) a redirect would still count
  // as cross-site, and the browser would hold back the new cookie.
  return HttpAnswer{
      200,
      "text/html; charset=utf-8",
      std::string(kWelcomePage),
      {{"Set-Cookie", guard.login_cookie()}, {"Content-Security-Policy", "default-src 'none'"}}};
}

}  // namespace limber::server
