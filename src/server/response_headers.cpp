#include "server/response_headers.h"

#include <algorithm>
#include <array>
#include <string>

namespace limber::server {
namespace {

// The page may load only its own files and talk only to its own server; its service worker
// (/sw.js, issue 14) is one of its own files.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kDefaultHeaders = {{
    {"Content-Security-Policy", kContentSecurityPolicy},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"Cache-Control", "no-store"},
}};

}  // namespace

std::span<const std::pair<std::string_view, std::string_view>> default_headers() {
  return kDefaultHeaders;
}

HttpFields response_headers(const HttpAnswer& answer) {
  HttpFields lines;
  lines.reserve(kDefaultHeaders.size() + answer.headers.size() + 1);
  for (const auto& [name, value] : kDefaultHeaders) {
    const bool replaced =
        std::any_of(answer.headers.begin(), answer.headers.end(),
                    [name = name](const auto& header) { return header.first == name; });
    if (!replaced)
      lines.emplace_back(name, value);
  }
  lines.insert(lines.end(), answer.headers.begin(), answer.headers.end());
  if (!answer.type.empty())
    lines.emplace_back("Content-Type", answer.type);
  return lines;
}

}  // namespace limber::server
