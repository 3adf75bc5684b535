#include "server/http.h"

#include <algorithm>

#include "core/text.h"

namespace limber::server {
namespace {

std::optional<std::string_view> find(const HttpFields& fields, std::string_view name) {
  for (const auto& [field, value] : fields) {
    if (core::ascii_iequal(field, name))
      return value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> HttpRequest::header(std::string_view name) const {
  return find(headers, name);
}

std::string_view HttpRequest::header_or_empty(std::string_view name) const {
  return header(name).value_or(std::string_view{});
}

std::optional<std::string_view> HttpRequest::query_value(std::string_view name) const {
  return find(query, name);
}

}  // namespace limber::server
