// The JSON API's routes as one table: each row is a method, a path (with at most one
// {placeholder} segment), the access it needs, the query parameters it reads and the Api
// function that answers it. docs/api.md lists the same routes, and a test checks that the
// two agree (tests/server/routes_test.cpp). server/router.h finds a request's row.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "core/clock.h"
#include "server/access.h"
#include "server/api.h"
#include "server/http.h"

namespace limber::server {

struct Route;

// What a route's handler is given for one request.
struct RouteCall {
  const Api& api;
  const Route& route;
  const HttpRequest& request;
  core::Now now;          // the moment of the request, read once
  std::string_view id;    // the placeholder's value; empty when the path has none
  std::string_view body;  // the request body of a write; empty for a read

  // The query parameter `name`, which the route must list in Route::query (one it does not
  // list is a bug in the table: std::logic_error).
  [[nodiscard]] std::optional<std::string_view> query(std::string_view name) const;
};

struct Route {
  std::string_view method;  // "GET", "POST", "PUT" or "DELETE"
  std::string_view path;    // "/api/entries", or "/api/entries/{id}"
  Access access;            // kRead (the login cookie or the token) or kWrite (and more)
  std::array<std::string_view, 3> query;  // the query parameters it reads ("" for none)
  Reply (*handle)(const RouteCall& call);

  // The placeholder's value ("" when the path has none) when `request_path` is this
  // route's path, whatever the method; nullopt when it is not. A placeholder matches one
  // whole, non-empty path segment.
  [[nodiscard]] std::optional<std::string_view> match(std::string_view request_path) const;
};

// Every route of the API, in the order of docs/api.md.
std::span<const Route> api_routes();

}  // namespace limber::server
