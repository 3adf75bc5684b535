#include "server/security.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>

#include <arpa/inet.h>
#include <fmt/format.h>

#include "app/random_bytes.h"
#include "core/text.h"
#include "server/http_space.h"

namespace limber::server {
namespace {

// "[::1]" -> "::1"; anything else as it is.
std::string_view unbracket(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    return host.substr(1, host.size() - 2);
  return host;
}

bool is_ipv4(std::string_view host) {
  std::array<unsigned char, 4> out{};
  return inet_pton(AF_INET, std::string(host).c_str(), out.data()) == 1;
}

bool is_ipv6(std::string_view host) {
  std::array<unsigned char, 16> out{};
  return inet_pton(AF_INET6, std::string(host).c_str(), out.data()) == 1;
}

bool is_wildcard(std::string_view bind) {
  return bind == "0.0.0.0" || bind == "::" || bind == "[::]";
}

struct HostPort {
  std::string name;  // lowercase, IPv6 without brackets
  int port = 0;
};

// "Localhost:5462" -> {"localhost", 5462}; "[::1]:5462" -> {"::1", 5462}; no port ->
// `default_port` (80 for http, 443 for https).
std::optional<HostPort> split_host(std::string_view header, int default_port) {
  header = trim_http_space(header);
  if (header.empty())
    return std::nullopt;
  std::string_view name = header;
  std::string_view port_text;
  if (header.front() == '[') {
    const auto close = header.find(']');
    if (close == std::string_view::npos)
      return std::nullopt;
    name = header.substr(1, close - 1);
    const std::string_view rest = header.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':')
        return std::nullopt;
      port_text = rest.substr(1);
    }
    if (!is_ipv6(name))
      return std::nullopt;
  } else if (const auto colon = header.rfind(':'); colon != std::string_view::npos) {
    name = header.substr(0, colon);
    port_text = header.substr(colon + 1);
    if (name.find(':') != std::string_view::npos)
      return std::nullopt;  // an unbracketed IPv6 address is not a valid Host
  }
  int port = default_port;
  if (!port_text.empty()) {
    const auto [ptr, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port < 1 ||
        port > 65535) {
      return std::nullopt;
    }
  } else if (header.back() == ':') {
    return std::nullopt;
  }
  if (name.empty())
    return std::nullopt;
  return HostPort{core::ascii_lower(name), port};
}

}  // namespace

core::Result<std::string> random_secret() {
  std::array<std::uint8_t, 32> bytes{};
  LIMBER_TRY(app::system_random_bytes(bytes));
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const std::uint8_t byte : bytes)
    out += fmt::format("{:02x}", byte);
  return out;
}

bool same_secret(std::string_view a, std::string_view b) {
  // The length of the secrets is public (64 hex digits); their content is not.
  if (a.size() != b.size())
    return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff = static_cast<unsigned char>(
        diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
  }
  return diff == 0;
}

bool is_loopback(std::string_view host) {
  const std::string name = core::ascii_lower(unbracket(host));
  if (name == "localhost" || name == "::1")
    return true;
  return is_ipv4(name) && name.starts_with("127.");
}

std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    std::string_view pair = trim_http_space(header.substr(0, end));
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos)
      continue;
    if (trim_http_space(pair.substr(0, equals)) == name)
      return trim_http_space(pair.substr(equals + 1));
  }
  return std::nullopt;
}

std::optional<std::string_view> bearer_token(std::string_view authorization) {
  authorization = trim_http_space(authorization);
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size() ||
      core::ascii_lower(authorization.substr(0, kScheme.size())) != kScheme) {
    return std::nullopt;
  }
  return trim_http_space(authorization.substr(kScheme.size()));
}

Guard::Guard(std::string_view bind, int port, std::string token, std::string login_secret)
    : bind_(core::ascii_lower(unbracket(bind))),
      port_(port),
      token_(std::move(token)),
      login_secret_(std::move(login_secret)) {}

Guard Guard::for_https(const std::vector<std::string>& names, int port, std::string token,
                       std::string login_secret) {
  Guard guard("", port, std::move(token), std::move(login_secret));
  guard.https_names_.emplace();
  for (const auto& name : names)
    guard.https_names_->push_back(core::ascii_lower(unbracket(name)));
  return guard;
}

bool Guard::host_allowed(std::string_view host_header) const {
  const auto host = split_host(host_header, https_names_ ? 443 : 80);
  if (!host || host->port != port_)
    return false;
  const std::string& name = host->name;
  if (https_names_)
    return std::find(https_names_->begin(), https_names_->end(), name) != https_names_->end();
  if (name == "localhost" || name == "127.0.0.1" || name == "::1" || name == bind_)
    return true;
  return is_wildcard(bind_) && (is_ipv4(name) || is_ipv6(name));
}

bool Guard::origin_allowed(std::string_view origin, std::string_view host_header) const {
  origin = trim_http_space(origin);
  host_header = trim_http_space(host_header);
  const std::string scheme = fmt::format("{}://", this->scheme());
  if (!origin.starts_with(scheme) || !host_allowed(host_header))
    return false;
  // Same origin: the page that sent it was served by this Host (an explicit :80 aside).
  return core::ascii_lower(origin.substr(scheme.size())) == core::ascii_lower(host_header);
}

Credential Guard::credential(std::string_view cookie_header, std::string_view authorization) const {
  if (token_.empty() || login_secret_.empty())
    return Credential::kNone;  // never reached: Server makes both; an empty one matches nothing
  if (const auto cookie = cookie_value(cookie_header, kLoginCookieName);
      cookie && same_secret(*cookie, login_secret_)) {
    return Credential::kLoginCookie;
  }
  if (const auto token = bearer_token(authorization); token && same_secret(*token, token_))
    return Credential::kBearer;
  return Credential::kNone;
}

std::string Guard::login_cookie() const {
  // No Max-Age: the cookie ends with the browser session, and the server's next start
  // makes a new secret anyway. Secure over HTTPS only: the desktop's is plain HTTP on
  // loopback, where a browser would drop a Secure cookie.
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", kLoginCookieName, login_secret_,
                     https_names_ ? "; Secure" : "");
}

core::Result<std::string> LinkKeys::issue() {
  auto secret = random_secret();
  if (!secret)
    return secret;
  const std::lock_guard lock(mutex_);
  keys_.push_back({*secret, false});
  if (keys_.size() > kRemembered)
    keys_.pop_front();
  return secret;
}

LinkKeys::Use LinkKeys::redeem(std::string_view key) {
  const std::lock_guard lock(mutex_);
  for (Key& known : keys_) {
    if (!same_secret(key, known.secret))
      continue;
    if (known.spent)
      return Use::kSpent;
    known.spent = true;
    return Use::kOpened;
  }
  return Use::kUnknown;
}

}  // namespace limber::server
