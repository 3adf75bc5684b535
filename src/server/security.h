// What keeps a local server that holds health data to its one person
// (../shared/docs/standards.md, "A local web app that holds health data"):
// - a random key in each start-up address, exchanged once for an HttpOnly, SameSite=Strict
//   login cookie (the browser's login, named limber_session: not an exercise session): a
//   second use of the same address opens nothing (LinkKeys);
// - a random access token that scripts send as a Bearer token;
// - the Host header must name the bound address or localhost, so a page on another site
//   cannot reach the server through a DNS name rebound to 127.0.0.1 (DNS rebinding);
// - a state-changing request sent with the cookie must carry this server's own Origin, so
//   no other site can make the browser write to the diary (cross-site request forgery).
// Pure functions and one value class; server/access.h applies them to every request.
#pragma once

#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace limber::server {

// The login cookie's name (docs/api.md: kept as it was, so a browser's login survives).
inline constexpr std::string_view kLoginCookieName = "limber_session";

// 32 bytes from the kernel's random source (getrandom(2)), as 64 lowercase hex digits.
// kIo when the kernel gives none.
core::Result<std::string> random_secret();

// Compares two secrets in a time that does not depend on where they first differ.
bool same_secret(std::string_view a, std::string_view b);

// True for "localhost", 127.0.0.0/8 and ::1 (with or without brackets).
bool is_loopback(std::string_view host);

// The value of cookie `name` in a Cookie header ("a=1; limber_session=abc"), if present.
std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name);

// The token of an "Authorization: Bearer TOKEN" header (the scheme in any case), if any.
std::optional<std::string_view> bearer_token(std::string_view authorization);

enum class Credential { kNone, kLoginCookie, kBearer };

class Guard {
 public:
  // `bind` is the address the server listens on ("127.0.0.1", "::1", "0.0.0.0", ...);
  // `token` the access token scripts send; `login_secret` the login cookie's value.
  Guard(std::string_view bind, int port, std::string token, std::string login_secret);
  // The guard of the phone's HTTPS listener (issue 14): the Host must be one of `names`
  // (the certificate's addresses and HOSTNAME.local) with `port`, and nothing else, not
  // even localhost; the Origin is "https://" and that Host; the login cookie is Secure.
  static Guard for_https(const std::vector<std::string>& names, int port, std::string token,
                         std::string login_secret);

  // Host names the server answers to: localhost, 127.0.0.1, [::1] and the bound address,
  // each with the bound port; after a wildcard bind (0.0.0.0, ::) any IP literal too, as a
  // rebinding attack needs a DNS name. Names are compared without regard to case.
  [[nodiscard]] bool host_allowed(std::string_view host_header) const;
  // The Origin of a state-changing request: "http://" (for_https: "https://") followed by
  // the request's own Host, which must be allowed. "null" and other sites are refused.
  [[nodiscard]] bool origin_allowed(std::string_view origin, std::string_view host_header) const;
  // Which credential a request carries that matches: the login cookie, or the token as
  // a Bearer token. kNone when neither matches.
  [[nodiscard]] Credential credential(std::string_view cookie_header,
                                      std::string_view authorization) const;
  // The Set-Cookie value that logs a browser in (with Secure over HTTPS).
  [[nodiscard]] std::string login_cookie() const;

  [[nodiscard]] const std::string& token() const { return token_; }
  [[nodiscard]] int port() const { return port_; }
  // "http" or "https".
  [[nodiscard]] std::string_view scheme() const { return https_names_ ? "https" : "http"; }

 private:
  std::string bind_;
  int port_;
  std::string token_;
  std::string login_secret_;
  // for_https: the only host names allowed, lowercase, IPv6 without brackets.
  std::optional<std::vector<std::string>> https_names_;
};

// The keys of the start-up addresses `limber serve` prints. Each opens one browser, once:
// exchanged for the login cookie, it is spent, so an address seen in a terminal, a
// browser's history or over a shoulder opens nothing later (issue #12, item 15). Safe to
// use from several threads.
class LinkKeys {
 public:
  // How many keys are remembered; the oldest are forgotten first.
  static constexpr std::size_t kRemembered = 16;

  enum class Use {
    kOpened,   // the key was good and is now spent
    kSpent,    // the key was exchanged before
    kUnknown,  // no such key (a typo, or from an earlier start of limber serve)
  };

  // Adds a new random key and returns it; kIo when the kernel gives no random numbers.
  core::Result<std::string> issue();
  // Spends `key` when it is good.
  Use redeem(std::string_view key);

 private:
  struct Key {
    std::string secret;
    bool spent = false;
  };
  std::mutex mutex_;
  std::deque<Key> keys_;
};

}  // namespace limber::server
