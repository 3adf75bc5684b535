// The HTTP edge's answers, free of the HTTP library so that its tests need no server: what
// goes back for a request no route takes, and for a handler that throws.
#pragma once

#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>

#include "server/http.h"

namespace limber::server {

// The answer to a request that fails before any route answers it (404, 405, 413, ...):
// JSON {"error"} under /api/, plain text elsewhere. `allowed` names the methods the path
// takes, for a 405.
HttpAnswer error_answer(int status, std::string_view method, std::string_view path,
                        std::string_view allowed = {});

// Calls `handler`. A handler that throws is a bug: its message goes to `log` (with the
// method and path, never the body: it is health data) and the client gets a generic 500
// in JSON, never the exception's text. `log_mutex` serializes writes from the server's
// threads.
HttpAnswer answer_or_500(std::ostream& log, std::mutex& log_mutex, std::string_view method,
                         std::string_view path, const std::function<HttpAnswer()>& handler);

}  // namespace limber::server
