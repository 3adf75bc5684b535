#include "server/router.h"

#include <optional>
#include <ostream>
#include <string>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/local_time.h"
#include "server/access.h"
#include "server/handlers.h"
#include "server/routes.h"

namespace limber::server {
namespace {

// JSON, or a file (the report's PDF) when the reply names its type: sent as an attachment.
HttpAnswer reply_answer(const Reply& reply) {
  if (!reply.content_type.empty()) {
    return {reply.status,
            reply.content_type,
            reply.text,
            {{"Content-Disposition", fmt::format("attachment; filename=\"{}\"", reply.filename)}}};
  }
  return {reply.status, "application/json", reply.text.empty() ? reply.body.dump() : reply.text,
          HttpFields(reply.headers.begin(), reply.headers.end())};
}

}  // namespace

HttpAnswer answer_api(HttpRequest& request, const ApiContext& context) {
  std::string allowed;
  for (const Route& route : api_routes()) {
    const auto id = route.match(request.path);
    if (!id)
      continue;
    if (route.method != request.method) {
      allowed += allowed.empty() ? "" : ", ";
      allowed += route.method;
      continue;
    }
    if (auto refused = refusal(context.guard, request, route.access))
      return *refused;
    std::string body;
    if (route.access == Access::kWrite || route.access == Access::kPair) {
      std::optional<std::string> read =
          request.read_body ? request.read_body(kMaxBodyBytes) : std::string();
      if (!read)
        return error_answer(413, request.method, request.path);
      body = std::move(*read);
    }
    const RouteCall call{context.api, route, request, app::local_now(context.clock()), *id, body};
    Reply reply;
    context.diary.run([&] { reply = route.handle(call); });
    if (reply.status >= 500) {
      const std::lock_guard lock(context.log_mutex);
      fmt::print(context.log, "limber serve: {} {}: {}\n", request.method, request.path,
                 reply.body.value("error", ""));
    }
    return reply_answer(reply);
  }
  return error_answer(allowed.empty() ? 404 : 405, request.method, request.path, allowed);
}

}  // namespace limber::server
