#include "server/routes.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace limber::server {
namespace {

constexpr Access kRead = Access::kRead;
constexpr Access kWrite = Access::kWrite;
constexpr Access kPair = Access::kPair;

// method, path, access, query parameters, handler.
constexpr std::array kRoutes = std::to_array<Route>({
    {"GET", "/api/today", kRead, {}, [](const RouteCall& c) { return c.api.today(c.now); }},
    {"GET", "/api/vocabulary", kRead, {}, [](const RouteCall& c) { return c.api.vocabulary(); }},
    {"GET", "/api/entries", kRead, {"days"},
     [](const RouteCall& c) { return c.api.entries(c.now, c.query("days")); }},
    {"POST", "/api/entries", kWrite, {},
     [](const RouteCall& c) { return c.api.add_entry(c.now, c.body); }},
    {"PUT", "/api/entries/{id}", kWrite, {},
     [](const RouteCall& c) { return c.api.replace_entry(c.now, c.id, c.body); }},
    {"DELETE", "/api/entries/{id}", kWrite, {},
     [](const RouteCall& c) { return c.api.delete_entry(c.now, c.id); }},
    {"GET", "/api/progress", kRead, {"days", "tag"},
     [](const RouteCall& c) { return c.api.progress(c.now, c.query("days"), c.query("tag")); }},
    {"GET", "/api/check", kRead, {},
     [](const RouteCall& c) { return c.api.check_questions(c.now); }},
    {"POST", "/api/check", kWrite, {},
     [](const RouteCall& c) { return c.api.check(c.now, c.body); }},
    {"POST", "/api/clinician-visit", kWrite, {},
     [](const RouteCall& c) { return c.api.clinician_visit(c.now, c.body); }},
    {"GET", "/api/preferences", kRead, {},
     [](const RouteCall& c) { return c.api.preferences(c.now); }},
    {"PUT", "/api/preferences", kWrite, {},
     [](const RouteCall& c) { return c.api.set_preferences(c.now, c.body); }},
    {"GET", "/api/exercises", kRead, {"style", "phase"},
     [](const RouteCall& c) { return c.api.exercises(c.query("style"), c.query("phase")); }},
    {"GET", "/api/exercises/{id}", kRead, {},
     [](const RouteCall& c) { return c.api.exercise(c.id); }},
    {"GET", "/api/session", kRead, {}, [](const RouteCall& c) { return c.api.session(c.now); }},
    {"GET", "/api/function", kRead, {}, [](const RouteCall& c) { return c.api.function(c.now); }},
    {"POST", "/api/function/activities", kWrite, {},
     [](const RouteCall& c) { return c.api.add_activity(c.now, c.body); }},
    {"POST", "/api/function/ratings", kWrite, {},
     [](const RouteCall& c) { return c.api.rate_activity(c.now, c.body); }},
    {"DELETE", "/api/function/activities/{name}", kWrite, {},
     [](const RouteCall& c) { return c.api.remove_activity(c.now, c.id); }},
    {"GET", "/api/sitting/pause", kRead, {},
     [](const RouteCall& c) { return c.api.sitting_pause(c.now); }},
    {"PUT", "/api/sitting/pause", kWrite, {},
     [](const RouteCall& c) { return c.api.pause_sitting(c.now, c.body); }},
    {"DELETE", "/api/sitting/pause", kWrite, {},
     [](const RouteCall& c) { return c.api.resume_sitting(c.now); }},
    {"GET", "/api/episode", kRead, {}, [](const RouteCall& c) { return c.api.episode(c.now); }},
    {"POST", "/api/episode", kWrite, {},
     [](const RouteCall& c) { return c.api.new_episode(c.now, c.body); }},
    {"GET", "/api/report", kRead, {"from", "to", "name"},
     [](const RouteCall& c) {
       return c.api.report(c.now, c.query("from"), c.query("to"), c.query("name"));
     }},
    {"GET", "/api/report/period", kRead, {"from", "to"},
     [](const RouteCall& c) { return c.api.report_period(c.now, c.query("from"), c.query("to")); }},
    {"POST", "/api/pairing", kWrite, {},
     [](const RouteCall& c) { return c.api.start_pairing(c.now); }},
    {"GET", "/api/devices", kRead, {}, [](const RouteCall& c) { return c.api.devices(); }},
    {"DELETE", "/api/devices/{name}", kWrite, {},
     [](const RouteCall& c) { return c.api.revoke_device(c.id); }},
    {"POST", "/api/pair", kPair, {},
     [](const RouteCall& c) {
       return c.api.pair(c.now, c.body, c.request.header_or_empty("User-Agent"));
     }},
});

bool is_placeholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// The part of `path` before the next '/' (all of it when there is none), and the rest
// after that '/'.
std::pair<std::string_view, std::optional<std::string_view>> split_segment(std::string_view path) {
  const std::size_t slash = path.find('/');
  if (slash == std::string_view::npos)
    return {path, std::nullopt};
  return {path.substr(0, slash), path.substr(slash + 1)};
}

}  // namespace

std::optional<std::string_view> RouteCall::query(std::string_view name) const {
  if (std::find(route.query.begin(), route.query.end(), name) == route.query.end() ||
      name.empty()) {
    throw std::logic_error("the route " + std::string(route.method) + " " +
                           std::string(route.path) + " reads the query parameter '" +
                           std::string(name) + "' but does not list it");
  }
  return request.query_value(name);
}

std::optional<std::string_view> Route::match(std::string_view request_path) const {
  std::optional<std::string_view> pattern = path;
  std::optional<std::string_view> given = request_path;
  std::string_view value;
  while (pattern && given) {
    const auto [want, pattern_rest] = split_segment(*pattern);
    const auto [got, given_rest] = split_segment(*given);
    if (is_placeholder(want)) {
      if (got.empty())
        return std::nullopt;
      value = got;
    } else if (want != got) {
      return std::nullopt;
    }
    pattern = pattern_rest;
    given = given_rest;
  }
  if (pattern || given)
    return std::nullopt;
  return value;
}

std::span<const Route> api_routes() {
  return kRoutes;
}

}  // namespace limber::server
