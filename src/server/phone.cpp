#include "server/phone.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "server/security.h"

namespace limber::server {
namespace {

constexpr std::string_view kPairAgain =
    "This phone is not paired with limber, or its pairing was ended. Pair it again from the "
    "computer: on limber's page there, open Phone and choose Pair a phone.";

constexpr std::string_view kPairAgainPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>limber: pair this phone again</title></head>
<body style="font: 1.25rem/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff">
<h1>Pair this phone again</h1>
<p>This phone is not paired with limber, or its pairing was ended on the computer.</p>
<p>On the computer, open limber's page, choose <strong>Phone</strong>, then
<strong>Pair a phone</strong>, and scan the code it shows.</p>
</body></html>
)";

}  // namespace

std::string device_cookie(std::string_view secret) {
  return fmt::format("{}={}; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
                     kDeviceCookieName, secret, kDeviceCookieMaxAge);
}

bool open_to_unpaired_phone(std::string_view method, std::string_view path) {
  if (method == "POST")
    return path == "/api/pair";
  if (method != "GET" && method != "HEAD")
    return false;
  constexpr std::array<std::string_view, 6> kOpen = {"/pair",    "/pair.html", "/js/pair.js",
                                                     "/app.css", "/icon.svg",  "/ca.crt"};
  return std::ranges::find(kOpen, path) != kOpen.end();
}

std::optional<HttpAnswer> phone_refusal(HttpRequest& request, app::PairingService& pairing,
                                        core::Instant now) {
  request.paired_phone.clear();
  const auto secret = cookie_value(request.header_or_empty("Cookie"), kDeviceCookieName);
  if (secret) {
    auto phone = pairing.phone_for(now, *secret);
    if (!phone) {
      return HttpAnswer{
          500, "application/json", nlohmann::json{{"error", phone.error().message}}.dump(), {}};
    }
    if (*phone) {
      request.paired_phone = **phone;
      return std::nullopt;
    }
  }
  if (open_to_unpaired_phone(request.method, request.path))
    return std::nullopt;
  if (request.path.starts_with("/api/"))
    return HttpAnswer{401, "application/json", nlohmann::json{{"error", kPairAgain}}.dump(), {}};
  return HttpAnswer{401,
                    "text/html; charset=utf-8",
                    std::string(kPairAgainPage),
                    {{"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"}}};
}

}  // namespace limber::server
