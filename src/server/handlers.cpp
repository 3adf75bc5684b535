#include "server/handlers.h"

#include <exception>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace limber::server {
namespace {

HttpAnswer message_answer(int status, std::string_view path, const std::string& message) {
  // The message quotes the path, which may hold any bytes: JSON needs them as UTF-8.
  if (path.starts_with("/api/")) {
    return {status,
            "application/json",
            nlohmann::json{{"error", core::utf8::sanitize(message)}}.dump(),
            {}};
  }
  return {status, "text/plain; charset=utf-8", message + "\n", {}};
}

}  // namespace

HttpAnswer error_answer(int status, std::string_view method, std::string_view path,
                        std::string_view allowed) {
  std::string message;
  switch (status) {
    case 404:
      message = fmt::format("nothing at {} {}", method, path);
      if (path.starts_with("/api/"))
        message += " (docs/api.md lists the routes)";
      break;
    case 405:
      message = fmt::format("{} does not take {}: use {}", path, method, allowed);
      break;
    case 413:
      message = "the request body is too large: entries are small, keep it under 64 KiB";
      break;
    case 400:
      message = "the request could not be read as HTTP";
      break;
    default:
      message = fmt::format("the request failed (HTTP {})", status);
      break;
  }
  HttpAnswer answer = message_answer(status, path, message);
  if (status == 405)
    answer.headers.emplace_back("Allow", std::string(allowed));
  return answer;
}

HttpAnswer answer_or_500(std::ostream& log, std::mutex& log_mutex, std::string_view method,
                         std::string_view path, const std::function<HttpAnswer()>& handler) {
  std::string what = "an exception that is not a std::exception";
  try {
    return handler();
  } catch (const std::exception& exception) {
    what = exception.what();
  } catch (...) {  // NOLINT(bugprone-empty-catch): `what` already says so
  }
  {
    const std::lock_guard lock(log_mutex);
    fmt::print(log, "limber serve: internal error in {} {}: {} (this is a bug: please report it)\n",
               method, path, what);
  }
  return message_answer(500, "/api/",
                        "something went wrong inside limber (a bug); the terminal running "
                        "limber serve has the details");
}

}  // namespace limber::server
