#include "clinic/answers.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "clinic/clinic_api.h"
#include "core/text.h"

namespace limber::clinic {

using server::HttpAnswer;
using server::HttpRequest;

HttpAnswer json_answer(int status, const nlohmann::json& body, server::HttpFields headers) {
  return {status, "application/json", body.dump(), std::move(headers)};
}

HttpAnswer error_answer(int status, std::string_view message) {
  return json_answer(status, {{"error", message}});
}

HttpAnswer fault_answer(const core::Error& error) {
  fmt::print(stderr, "limber-clinic: {}\n", error.message);
  if (error.code == core::ErrorCode::kBusy)
    return error_answer(503, "The clinic's database is not answering. Try again in a minute.");
  return error_answer(500, "Something went wrong on the clinic's server. Try again.");
}

std::optional<std::int64_t> patient_id(std::string_view text) {
  std::int64_t id = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, id);
  if (error != std::errc() || stop != end || id <= 0)
    return std::nullopt;
  return id;
}

HttpAnswer no_such_patient() {
  return error_answer(404, "There is no such patient among yours.");
}

std::string_view header(const HttpRequest& request, std::string_view name) {
  for (const auto& [key, value] : request.headers) {
    if (core::ascii_iequal(key, name))
      return value;
  }
  return {};
}

std::string session_token(const HttpRequest& request) {
  std::string_view cookies = header(request, "Cookie");
  const std::string prefix = std::string(kSessionCookie) + "=";
  while (!cookies.empty()) {
    const auto end = cookies.find(';');
    std::string_view cookie = cookies.substr(0, end);
    while (cookie.starts_with(' '))
      cookie.remove_prefix(1);
    if (cookie.starts_with(prefix))
      return std::string(cookie.substr(prefix.size()));
    cookies = end == std::string_view::npos ? std::string_view() : cookies.substr(end + 1);
  }
  return {};
}

std::string_view query_value(const HttpRequest& request, std::string_view name) {
  for (const auto& [key, value] : request.query) {
    if (key == name)
      return value;
  }
  return {};
}

std::string bearer_token(const HttpRequest& request) {
  std::string_view value = header(request, "Authorization");
  constexpr std::string_view kPrefix = "Bearer ";
  if (!value.starts_with(kPrefix))
    return {};
  value.remove_prefix(kPrefix.size());
  const bool hex = value.size() == 64 && std::all_of(value.begin(), value.end(), [](char c) {
                     return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                   });
  return hex ? std::string(value) : std::string();
}

}  // namespace limber::clinic
