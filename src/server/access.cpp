#include "server/access.h"

#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace limber::server {
namespace {

constexpr std::string_view kUnauthorizedPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>limber: open the address with its key</title></head>
<body style="font: 1.25rem/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff">
<h1>Open limber with its key</h1>
<p>This page holds your pain diary, so it opens only from the address that
<code>limber serve</code> printed in the terminal. That address ends in
<code>?token=</code> and a long key.</p>
<p>If limber was restarted, the old address no longer works: use the new one.</p>
</body></html>
)";

bool starts_with_json(std::string_view type) {
  constexpr std::string_view kJson = "application/json";
  if (type.size() < kJson.size())
    return false;
  if (!core::ascii_iequal(type.substr(0, kJson.size()), kJson))
    return false;
  return type.size() == kJson.size() || type[kJson.size()] == ';' || type[kJson.size()] == ' ';
}

}  // namespace

HttpAnswer refuse(Access access, int status, const std::string& message) {
  if (access != Access::kPage)
    return {status, "application/json", nlohmann::json{{"error", message}}.dump(), {}};
  if (status != 401)
    return {status, "text/plain; charset=utf-8", message + "\n", {}};
  // Its own policy: one inline style attribute, nothing else.
  return {status,
          "text/html; charset=utf-8",
          std::string(kUnauthorizedPage),
          {{"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"}}};
}

std::optional<HttpAnswer> refusal(const Guard& guard, const HttpRequest& request, Access access) {
  const std::string_view host = request.header_or_empty("Host");
  if (!guard.host_allowed(host)) {
    return refuse(access, 403,
                  guard.scheme() == "https"
                      ? fmt::format("this address answers only to its own names (those of its "
                                    "certificate, port {}); the Host header named '{}'",
                                    guard.port(), host)
                      : fmt::format("this server answers only to its own address (localhost:{}); "
                                    "the Host header named '{}'",
                                    guard.port(), host));
  }
  Credential credential =
      guard.credential(request.header_or_empty("Cookie"), request.header_or_empty("Authorization"));
  // A paired phone's cookie rides along like the login cookie: the same Origin rule holds.
  if (credential == Credential::kNone && (!request.paired_phone.empty() || access == Access::kPair))
    credential = Credential::kLoginCookie;
  if (credential == Credential::kNone) {
    return refuse(access, 401,
                  "no valid access key: open the address that 'limber serve' printed (it ends "
                  "in ?token=...), or send the token as 'Authorization: Bearer TOKEN'");
  }
  if (access != Access::kWrite && access != Access::kPair)
    return std::nullopt;
  // Only the login cookie rides along on a request another site makes the browser send, so
  // with the cookie the Origin must be this server's own; a script with the token may
  // leave the Origin out, but a wrong one is refused either way.
  const std::optional<std::string_view> origin = request.header("Origin");
  if ((credential == Credential::kLoginCookie && !origin) ||
      (origin && !guard.origin_allowed(*origin, host))) {
    return refuse(access, 403,
                  fmt::format("a change to the diary must come from limber's own page: Origin "
                              "'{}' is not {}://{}",
                              origin.value_or(""), guard.scheme(), host));
  }
  if (request.method != "DELETE" && !starts_with_json(request.header_or_empty("Content-Type"))) {
    return refuse(access, 415,
                  "send the body as JSON, with the header 'Content-Type: application/json'");
  }
  return std::nullopt;
}

}  // namespace limber::server
