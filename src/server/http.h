// A request and its answer in limber's own terms, free of the library that serves HTTP.
// An adapter (civetweb_adapter.cpp, the only file that knows CivetWeb) fills an HttpRequest
// for each request and sends the HttpAnswer back; everything between, the security rules,
// the routes and the page, sees only these two types, so a second adapter (a TLS listener
// on another library) touches neither.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace limber::server {

using HttpFields = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // URL-decoded, without the query
  HttpFields headers;  // as sent, in order
  HttpFields query;    // each parameter's name as sent and its URL-decoded value, in order
  // Reads the whole body; nullopt when it holds more than `limit` bytes. Set by the
  // adapter; called at most once, and only after the request has passed the access rules.
  std::function<std::optional<std::string>(std::size_t limit)> read_body;
  // Came through the phone's HTTPS listener (server/tls_module.h). Last, so the
  // positional initializers of the tests keep their meaning.
  bool over_tls = false;
  // The paired phone that sent it, set by phone_refusal (server/phone.h) when its device
  // cookie is valid: then it counts as logged in. Empty otherwise.
  std::string paired_phone;
  // The client's IP address as text, when the adapter knows it (the TLS listener does);
  // limber-clinic counts wrong invitation codes per address with it.
  std::string remote_address;

  // The first header called `name`, in any case (HTTP names are case-insensitive).
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
  // header(name), or "" when there is none.
  [[nodiscard]] std::string_view header_or_empty(std::string_view name) const;
  // The first query parameter called `name`, in any case.
  [[nodiscard]] std::optional<std::string_view> query_value(std::string_view name) const;
};

// One answer: status, media type, body, and headers beyond the server's defaults (a
// header named here replaces the default of the same name: server/response_headers.h).
struct HttpAnswer {
  int status = 200;
  std::string type;
  std::string body;
  HttpFields headers;
};

}  // namespace limber::server
