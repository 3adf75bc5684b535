#include "server/http.h"

#include <algorithm>
#include <cctype>

namespace limber::server {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::optional<std::string_view> find(const HttpFields& fields, std::string_view name) {
  for (const auto& [field, value] : fields) {
    if (same_name(field, name))
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
