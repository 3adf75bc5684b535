// A phone on the home network (issue 14, docs/phone.md): where it reaches this server, the
// cookie a paired phone carries, and the check every request over the HTTPS listener
// passes. The listener and the certificates are made elsewhere; they give PhoneAddress.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/pairing_service.h"
#include "core/clock.h"
#include "server/http.h"

namespace limber::server {

// Where the phone reaches this server, from the HTTPS listener and its certificates.
struct PhoneAddress {
  std::string https_url;       // "https://192.168.1.20:5463/", with the closing '/'
  std::string ca_fingerprint;  // the CA certificate's SHA-256, "AB:CD:..."
  std::string ca_file_url;     // where the phone downloads the CA: https_url's host, /ca.crt
};

// The device cookie's name: a paired phone's session secret (app/pairing_service.h).
inline constexpr std::string_view kDeviceCookieName = "limber_device";
// How long the phone keeps its cookie: about ten years; revoking ends it sooner.
inline constexpr long kDeviceCookieMaxAge = 10L * 366 * 24 * 60 * 60;

// The Set-Cookie value that gives a phone its session.
std::string device_cookie(std::string_view secret);

// Paths a phone may ask for before it is paired: the landing page it opens from the QR
// code, its script and style, the CA certificate, and POST /api/pair. None holds health
// data.
bool open_to_unpaired_phone(std::string_view method, std::string_view path);

// The check for a request from a phone (over the HTTPS listener, or one that carries a
// device cookie): nullopt lets it through, and then request.paired_phone names the phone
// when it has a valid cookie (it counts as logged in, server/access.h); a request open to
// unpaired phones passes without one. Otherwise a 401 that says to pair again from the
// computer (JSON under /api/, a small page elsewhere): a revoked phone gets it on its next
// request, as the diary is read each time. Reads the diary: call it where the diary may be
// used (the diary's thread).
std::optional<HttpAnswer> phone_refusal(HttpRequest& request, app::PairingService& pairing,
                                        core::Instant now);

}  // namespace limber::server
