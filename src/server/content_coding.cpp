#include "server/content_coding.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <system_error>

#include "core/text.h"
#include "server/http_space.h"

namespace limber::server {
namespace {

// The q-value of one coding's parameters (";q=0.5"); 1 when there is none. A q-value
// that does not parse counts as 0: unsure, the file goes as it is.
double q_value(std::string_view parameters) {
  while (!parameters.empty()) {
    const std::size_t semicolon = parameters.find(';');
    const std::string_view parameter = trim_http_space(parameters.substr(0, semicolon));
    parameters = semicolon == std::string_view::npos ? "" : parameters.substr(semicolon + 1);
    if (parameter.size() < 2 || !core::ascii_iequal(parameter.substr(0, 2), "q="))
      continue;
    const std::string_view value = parameter.substr(2);
    double q = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), q);
    if (error != std::errc() || end != value.data() + value.size() || q < 0 || q > 1)
      return 0;
    return q;
  }
  return 1;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  std::optional<double> gzip;
  std::optional<double> any;
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    const std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? "" : accept_encoding.substr(comma + 1);
    const std::size_t semicolon = item.find(';');
    const std::string_view coding = trim_http_space(item.substr(0, semicolon));
    const double q =
        semicolon == std::string_view::npos ? 1.0 : q_value(item.substr(semicolon + 1));
    if (core::ascii_iequal(coding, "gzip") || core::ascii_iequal(coding, "x-gzip")) {
      gzip = std::max(gzip.value_or(0.0), q);
    } else if (coding == "*") {
      any = q;
    }
  }
  if (gzip)
    return *gzip > 0;
  return any.value_or(0.0) > 0;
}

}  // namespace limber::server
