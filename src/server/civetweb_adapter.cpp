// CivetWeb rather than Debian's cpp-httplib: cpp-httplib is built with OpenSSL, whose
// initializer ran at the start of every `limber` command, serve or not: 2.6 ms more for
// `limber --version`. CivetWeb's Debian build needs only libc (+0.1 ms), and gives
// threads, keep-alive and HTTP parsing that are not ours to maintain. One request handler
// takes every path; limber routes by itself (server/routes.h).
#include "server/civetweb_adapter.h"

#include <array>
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <civetweb.h>
#include <fmt/format.h>

#include "server/response_headers.h"
#include "server/wake_listener.h"

namespace limber::server {
namespace {

// The default headers as lines, for the answers CivetWeb sends by itself (a malformed
// request, a head too large or too slow). It adds its own Cache-Control, no-store.
std::string error_headers() {
  std::string lines;
  for (const auto& [name, value] : default_headers()) {
    if (name != "Cache-Control")
      lines += fmt::format("{}{}: {}", lines.empty() ? "" : "\r\n", name, value);
  }
  return lines;
}

// The query string's parameters, each value URL-decoded as a form's ("+" is a space), as
// mg_get_var2 reads them; names as sent.
HttpFields query_fields(const char* query) {
  HttpFields fields;
  if (query == nullptr)
    return fields;
  std::string_view rest(query);
  while (!rest.empty()) {
    const std::size_t end = rest.find('&');
    const std::string_view pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos || equals == 0)
      continue;
    const std::string_view raw = pair.substr(equals + 1);
    std::string value(raw.size() + 1, '\0');  // decoding never makes it longer
    const int size = mg_url_decode(raw.data(), static_cast<int>(raw.size()), value.data(),
                                   static_cast<int>(value.size()), 1);
    if (size < 0)
      continue;
    value.resize(static_cast<std::size_t>(size));
    fields.emplace_back(pair.substr(0, equals), std::move(value));
  }
  return fields;
}

// The request as limber sees it. The body is read only when asked (after the access
// rules), while CivetWeb's handler runs.
HttpRequest read_request(mg_connection* conn) {
  const mg_request_info* info = mg_get_request_info(conn);
  HttpRequest request;
  request.method = info->request_method != nullptr ? info->request_method : "";
  request.path = info->local_uri != nullptr ? info->local_uri : "";  // decode_url=yes
  for (int i = 0; i < info->num_headers; ++i) {
    const mg_header& header = info->http_headers[i];  // NOLINT: CivetWeb's C array
    request.headers.emplace_back(header.name != nullptr ? header.name : "",
                                 header.value != nullptr ? header.value : "");
  }
  request.query = query_fields(info->query_string);
  request.read_body =
      [conn, length = info->content_length](std::size_t limit) -> std::optional<std::string> {
    if (length > static_cast<long long>(limit))
      return std::nullopt;
    std::string body;
    std::array<char, 8192> buffer{};
    for (;;) {
      const int got = mg_read(conn, buffer.data(), buffer.size());
      if (got <= 0)
        return body;
      body.append(buffer.data(), static_cast<std::size_t>(got));
      if (body.size() > limit)
        return std::nullopt;
    }
  };
  return request;
}

void send(mg_connection* conn, std::string_view method, const HttpAnswer& answer) {
  mg_response_header_start(conn, answer.status);
  for (const auto& [name, value] : response_headers(answer))
    mg_response_header_add(conn, name.c_str(), value.c_str(), static_cast<int>(value.size()));
  const std::string length = std::to_string(answer.body.size());
  mg_response_header_add(conn, "Content-Length", length.c_str(), -1);
  mg_response_header_send(conn);
  if (method != "HEAD")
    mg_write(conn, answer.body.data(), answer.body.size());
}

class CivetWebListener final : public HttpListener {
 public:
  CivetWebListener(mg_context* context, std::string bind, int port)
      : context_(context), bind_(std::move(bind)), port_(port) {}
  ~CivetWebListener() override { stop(); }
  CivetWebListener(const CivetWebListener&) = delete;
  CivetWebListener& operator=(const CivetWebListener&) = delete;
  CivetWebListener(CivetWebListener&&) = delete;
  CivetWebListener& operator=(CivetWebListener&&) = delete;

  [[nodiscard]] int port() const override { return port_; }

  void serve(HttpHandler handler) override {
    handler_ = std::move(handler);
    mg_set_request_handler(context_, "**", &CivetWebListener::handle, this);
  }

  void stop() override {
    mg_context* context = std::exchange(context_, nullptr);
    if (context == nullptr)
      return;
    // mg_stop waits for the requests in flight, and for CivetWeb's accept loop, which
    // looks at its stop flag only between polls of up to 2 s: a connection of our own
    // wakes it.
    std::atomic<bool> stopped{false};
    std::thread stopper([context, &stopped] {
      mg_stop(context);
      stopped = true;
    });
    while (!stopped) {
      knock(bind_, port_);
      std::this_thread::sleep_for(std::chrono::milliseconds{5});
    }
    stopper.join();
  }

 private:
  // CivetWeb's request handler: every request comes here, on one of its threads.
  static int handle(mg_connection* conn, void* data) {
    const auto& self = *static_cast<const CivetWebListener*>(data);
    HttpRequest request = read_request(conn);
    const HttpAnswer answer = self.handler_(request);
    send(conn, request.method, answer);
    return answer.status;
  }

  mg_context* context_;
  std::string bind_;
  int port_;
  HttpHandler handler_;
};

}  // namespace

core::Result<std::unique_ptr<HttpListener>> listen_with_civetweb(const ListenOptions& options) {
  const std::string& host = options.bind;
  if (host.find(':') != std::string::npos) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("cannot listen on {}: limber serve takes an IPv4 address, "
                                  "like --bind 127.0.0.1",
                                  host));
  }
  mg_init_library(0);
  const std::string ports = fmt::format("{}:{}", host, options.port);
  // CivetWeb 1.15 gives a request's head request_timeout_ms in all from the connection's
  // turn (keep_alive_timeout_ms for the next one on a kept-alive connection), however
  // slowly it trickles in, then answers 400 and closes: see kRequestArrivalLimit. The
  // same limit bounds each wait to read the body or to send the answer.
  // additional_header goes on CivetWeb's own answers only (a malformed request, a head
  // too slow or too large); ours carry the default headers through send().
  const std::array<std::pair<const char*, std::string>, 8> settings = {{
      {"listening_ports", ports},
      {"num_threads", std::to_string(options.threads)},
      {"tcp_nodelay", "1"},
      {"enable_keep_alive", "yes"},
      {"request_timeout_ms", std::to_string(options.request_arrival_limit.count())},
      {"keep_alive_timeout_ms", std::to_string(options.keep_alive_limit.count())},
      {"decode_url", "yes"},
      {"additional_header", error_headers()},
  }};
  std::vector<const char*> config;
  for (const auto& [name, value] : settings)
    config.insert(config.end(), {name, value.c_str()});
  config.push_back(nullptr);
  std::array<char, 256> text{};
  unsigned code = 0;
  mg_error_data error{&code, text.data(), text.size()};
  mg_init_data init{nullptr, nullptr, config.data()};
  mg_context* context = mg_start2(&init, &error);
  if (context == nullptr) {
    return core::fail(
        core::ErrorCode::kIo,
        options.port == 0
            ? fmt::format("cannot listen on {}: is it an address of this machine?", host)
            : fmt::format("cannot listen on {} port {}: is limber serve already running? Open "
                          "the address it printed, or choose another port with --port",
                          host, options.port));
  }
  std::array<mg_server_port, 1> bound{};
  if (mg_get_server_ports(context, static_cast<int>(bound.size()), bound.data()) < 1) {
    mg_stop(context);
    return core::fail(core::ErrorCode::kIo, fmt::format("cannot listen on {}", ports));
  }
  return std::make_unique<CivetWebListener>(context, host, bound[0].port);
}

}  // namespace limber::server
