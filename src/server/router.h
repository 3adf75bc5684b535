// Answers a request under /api/ from the routes table (server/routes.h): finds its row,
// applies the access rules the row names (server/access.h), reads the body of a write,
// and runs the row's handler on the diary's thread at the moment of the request.
#pragma once

#include <functional>
#include <iosfwd>
#include <mutex>

#include "core/clock.h"
#include "server/api.h"
#include "server/diary_executor.h"
#include "server/http.h"
#include "server/security.h"

namespace limber::server {

// Bodies of writes are refused past this size (413).
inline constexpr std::size_t kMaxBodyBytes = std::size_t{64} * 1024;

// What answering an API request needs; all owned by the server.
struct ApiContext {
  const Api& api;
  const Guard& guard;
  DiaryExecutor& diary;
  const std::function<core::Instant()>& clock;  // read once per request that passes
  std::ostream& log;                            // a reply of 500 or more is noted here
  std::mutex& log_mutex;
};

// 404 for a path no route has, 405 (with Allow) for a method the path does not take, the
// access rules' refusals, 413 for a body over kMaxBodyBytes; else the route's reply: JSON,
// or a file as an attachment when the reply names its type.
HttpAnswer answer_api(HttpRequest& request, const ApiContext& context);

}  // namespace limber::server
