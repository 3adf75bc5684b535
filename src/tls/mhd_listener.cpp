// libmicrohttpd rather than CivetWeb: Debian 12's CivetWeb 1.15 cannot start an HTTPS
// port against OpenSSL 3 (upstream civetweb issue 1334); libmicrohttpd with GnuTLS is a
// Debian package that can (ARCHITECTURE.md, "TLS for the phone").
//
// Our own accept loop owns the listening sockets and peeks at each connection's first
// byte: 0x16 opens a TLS handshake and the connection goes to an MHD daemon that has no
// listening socket of its own (MHD_add_connection); anything else is plain HTTP sent to
// the HTTPS port, and gets a 400 in plain text saying which address to open, not a hang.
//
// The limits, as close to the CivetWeb listener's as MHD allows:
// - threads: one thread per connection, at most options.threads connections at once (MHD
//   refuses more, closing them); CivetWeb queues them instead.
// - request_arrival_limit: the first byte must arrive within it, or our loop closes the
//   connection. After that MHD's limit is an idle time (MHD_OPTION_CONNECTION_TIMEOUT,
//   whole seconds, rounded up), not a total: a head that trickles in a byte at a time
//   is not cut off the way CivetWeb cuts it. The TLS handshake is bounded by the same.
// - keep-alive: MHD has no shorter limit for the next request; the idle time applies.
// - MHD's own answers (a malformed request) carry its headers, not limber's defaults.
// - A body is gathered as it arrives, up to kBodyCap, before the handler runs (MHD hands
//   it over in pieces, between calls); read_body() then gives it or says it was too big.
#include "tls/mhd_listener.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace limber::tls {
namespace {

using server::HttpAnswer;
using server::HttpFields;
using server::HttpHandler;
using server::HttpRequest;

// Beyond this a request's body is not kept (the API takes at most 64 KiB: router.h).
constexpr std::size_t kBodyCap = std::size_t{1} << 20;
// Connections whose first byte has not come yet, waited for at once.
constexpr std::size_t kMaxWaiting = 64;
constexpr unsigned char kTlsHandshake = 0x16;

struct RequestState {
  std::string body;
  bool too_big = false;
};

struct Waiting {
  int fd;
  sockaddr_storage peer;
  socklen_t peer_size;
  std::chrono::steady_clock::time_point deadline;
};

// The client's IP address as text ("127.0.0.1", "::1"), or "" when MHD does not say.
std::string client_address(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (info == nullptr || info->client_addr == nullptr)
    return {};
  std::array<char, INET6_ADDRSTRLEN> text{};
  const sockaddr* address = info->client_addr;
  const void* bytes = nullptr;
  if (address->sa_family == AF_INET)
    bytes = &reinterpret_cast<const sockaddr_in*>(address)->sin_addr;  // NOLINT: sockets API
  else if (address->sa_family == AF_INET6)
    bytes = &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr;  // NOLINT: sockets API
  if (bytes == nullptr || inet_ntop(address->sa_family, bytes, text.data(), text.size()) == nullptr)
    return {};
  return text.data();
}

enum MHD_Result add_field(void* fields, enum MHD_ValueKind /*kind*/, const char* key,
                          const char* value) {
  static_cast<HttpFields*>(fields)->emplace_back(key != nullptr ? key : "",
                                                 value != nullptr ? value : "");
  return MHD_YES;
}

std::string url_host(const std::string& bind) {
  return bind.find(':') != std::string::npos ? "[" + bind + "]" : bind;
}

// Binds and listens on bind:port; -1 and errno when it cannot.
int listen_on(const std::string& bind, int port, int* bound_port) {
  sockaddr_storage storage{};
  socklen_t size = 0;
  const bool v6 = bind.find(':') != std::string::npos;
  if (v6) {
    auto& address = reinterpret_cast<sockaddr_in6&>(storage);  // NOLINT: the sockets API
    address.sin6_family = AF_INET6;
    address.sin6_port = htons(static_cast<std::uint16_t>(port));
    if (inet_pton(AF_INET6, bind.c_str(), &address.sin6_addr) != 1) {
      errno = EINVAL;
      return -1;
    }
    size = sizeof(address);
  } else {
    auto& address = reinterpret_cast<sockaddr_in&>(storage);  // NOLINT: the sockets API
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    if (inet_pton(AF_INET, bind.c_str(), &address.sin_addr) != 1) {
      errno = EINVAL;
      return -1;
    }
    size = sizeof(address);
  }
  const int fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -1;
  const int on = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (v6)
    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&storage), size) != 0 || ::listen(fd, 64) != 0) {
    const int error = errno;
    close(fd);
    errno = error;
    return -1;
  }
  sockaddr_storage local{};
  socklen_t local_size = sizeof local;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
  getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size);
  *bound_port = local.ss_family == AF_INET6
                    ? ntohs(reinterpret_cast<const sockaddr_in6&>(local).sin6_port)  // NOLINT
                    : ntohs(reinterpret_cast<const sockaddr_in&>(local).sin_port);   // NOLINT
  return fd;
}

class MicrohttpdListener final : public server::TlsListener {
 public:
  MicrohttpdListener(server::TlsListenOptions options, std::vector<int> sockets, int port)
      : options_(std::move(options)), sockets_(std::move(sockets)), port_(port) {}
  ~MicrohttpdListener() override { stop(); }
  MicrohttpdListener(const MicrohttpdListener&) = delete;
  MicrohttpdListener& operator=(const MicrohttpdListener&) = delete;
  MicrohttpdListener(MicrohttpdListener&&) = delete;
  MicrohttpdListener& operator=(MicrohttpdListener&&) = delete;

  // Starts the MHD daemon; false when GnuTLS refuses the certificate or key.
  bool start() {
    wake_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake_ < 0)
      return false;
    const auto idle = static_cast<unsigned>((options_.request_arrival_limit.count() + 999) /
                                            1000);  // whole seconds, rounded up
    daemon_ = MHD_start_daemon(
        MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
            MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC | MHD_USE_TLS,
        0, nullptr, nullptr, &MicrohttpdListener::access, this, MHD_OPTION_HTTPS_MEM_KEY,
        options_.key.c_str(), MHD_OPTION_HTTPS_MEM_CERT, options_.certificate.c_str(),
        MHD_OPTION_HTTPS_PRIORITIES, "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
        MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(std::max(options_.threads, 1)),
        MHD_OPTION_CONNECTION_TIMEOUT, std::max(idle, 1U), MHD_OPTION_NOTIFY_COMPLETED,
        &MicrohttpdListener::completed, this, MHD_OPTION_END);
    if (daemon_ == nullptr)
      return false;
    acceptor_ = std::thread([this] { accept_loop(); });
    return true;
  }

  [[nodiscard]] int port() const override { return port_; }
  [[nodiscard]] const std::vector<std::string>& binds() const override { return options_.binds; }

  void serve(HttpHandler handler) override {
    const std::lock_guard lock(handler_mutex_);
    handler_ = std::move(handler);
  }

  void stop() override {
    if (stopping_.exchange(true))
      return;
    if (wake_ >= 0) {
      const std::uint64_t one = 1;
      [[maybe_unused]] const ssize_t wrote = write(wake_, &one, sizeof one);
    }
    if (acceptor_.joinable())
      acceptor_.join();
    if (daemon_ != nullptr)
      MHD_stop_daemon(daemon_);  // waits for the connections' threads
    daemon_ = nullptr;
    for (const int fd : sockets_)
      close(fd);
    sockets_.clear();
    if (wake_ >= 0)
      close(wake_);
    wake_ = -1;
  }

 private:
  // Accepts on every listening socket and sorts each connection by its first byte.
  void accept_loop() {
    std::vector<Waiting> waiting;
    while (!stopping_) {
      std::vector<pollfd> watched;
      watched.push_back({wake_, POLLIN, 0});
      for (const int fd : sockets_)
        watched.push_back({fd, POLLIN, 0});
      for (const auto& each : waiting)
        watched.push_back({each.fd, POLLIN, 0});
      auto timeout = std::chrono::milliseconds{-1};
      const auto now = std::chrono::steady_clock::now();
      for (const auto& each : waiting) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(each.deadline - now);
        timeout = timeout.count() < 0 ? left : std::min(timeout, left);
      }
      if (!waiting.empty())
        timeout = std::max(timeout, std::chrono::milliseconds{0});
      if (poll(watched.data(), watched.size(), static_cast<int>(timeout.count())) < 0) {
        if (errno == EINTR)
          continue;
        return;
      }
      if (watched[0].revents != 0)
        break;
      std::vector<Waiting> fresh;
      for (std::size_t i = 0; i < sockets_.size(); ++i) {
        if (watched[1 + i].revents != 0)
          accept_one(sockets_[i], fresh);
      }
      std::vector<Waiting> still;
      // The ones that were waiting when poll began: watched[1 + sockets + j].
      const std::size_t first = 1 + sockets_.size();
      const auto later = std::chrono::steady_clock::now();
      for (std::size_t j = 0; j < waiting.size(); ++j) {
        const Waiting& each = waiting[j];
        if (watched[first + j].revents != 0) {
          sort(each);
        } else if (later >= each.deadline) {
          close(each.fd);  // nothing came in time
        } else {
          still.push_back(each);
        }
      }
      still.insert(still.end(), fresh.begin(), fresh.end());
      // Too many at once: the ones that have waited longest go first.
      while (still.size() > kMaxWaiting) {
        close(still.front().fd);
        still.erase(still.begin());
      }
      waiting = std::move(still);
    }
    for (const auto& each : waiting)
      close(each.fd);
  }

  void accept_one(int listening, std::vector<Waiting>& fresh) const {
    Waiting each{};
    each.peer_size = sizeof each.peer;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    each.fd =
        accept4(listening, reinterpret_cast<sockaddr*>(&each.peer), &each.peer_size, SOCK_CLOEXEC);
    if (each.fd < 0)
      return;
    const int on = 1;
    setsockopt(each.fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    each.deadline = std::chrono::steady_clock::now() + options_.request_arrival_limit;
    fresh.push_back(each);
  }

  // A connection whose first byte has come: TLS to MHD, anything else a plain answer.
  void sort(const Waiting& each) {
    unsigned char first = 0;
    const ssize_t got = recv(each.fd, &first, 1, MSG_PEEK | MSG_DONTWAIT);
    if (got != 1) {
      close(each.fd);
      return;
    }
    if (first == kTlsHandshake) {
      // MHD closes the socket itself when it cannot take it.
      // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
      MHD_add_connection(daemon_, each.fd, reinterpret_cast<const sockaddr*>(&each.peer),
                         each.peer_size);
      return;
    }
    answer_plain(each.fd);
  }

  // Plain HTTP on the HTTPS port: a 400 that says where to go, then close.
  void answer_plain(int fd) const {
    std::array<char, 8192> ignored{};
    [[maybe_unused]] const ssize_t read_now =
        recv(fd, ignored.data(), ignored.size(), MSG_DONTWAIT);
    const std::string where =
        fmt::format("https://{}:{}/", url_host(options_.binds.front()), port_);
    const std::string body = fmt::format(
        "This address speaks HTTPS: open {} instead.\nlimber's phone address is encrypted, so "
        "an address starting with http:// does not work here.\n",
        where);
    const std::string answer = fmt::format(
        "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n"
        "X-Content-Type-Options: nosniff\r\n\r\n{}",
        body.size(), body);
    std::size_t sent = 0;
    while (sent < answer.size()) {
      const ssize_t wrote = send(fd, answer.data() + sent, answer.size() - sent, MSG_NOSIGNAL);
      if (wrote <= 0)
        break;
      sent += static_cast<std::size_t>(wrote);
    }
    shutdown(fd, SHUT_WR);
    close(fd);
  }

  // MHD's access handler: first call with the head, then the body in pieces, then a last
  // call with none, when the answer is made.
  static enum MHD_Result access(void* self_pointer, MHD_Connection* connection, const char* url,
                                const char* method, const char* /*version*/,
                                const char* upload_data, std::size_t* upload_data_size,
                                void** request_state) {
    auto& self = *static_cast<MicrohttpdListener*>(self_pointer);
    if (*request_state == nullptr) {
      *request_state = new RequestState();  // NOLINT: freed in completed()
      return MHD_YES;
    }
    auto& state = *static_cast<RequestState*>(*request_state);
    if (*upload_data_size != 0) {
      if (state.body.size() + *upload_data_size > kBodyCap) {
        state.too_big = true;
      } else {
        state.body.append(upload_data, *upload_data_size);
      }
      *upload_data_size = 0;
      return MHD_YES;
    }
    HttpRequest request;
    request.method = method != nullptr ? method : "";
    request.path = url != nullptr ? url : "";
    request.over_tls = true;
    MHD_get_connection_values(connection, MHD_HEADER_KIND, &add_field, &request.headers);
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, &add_field, &request.query);
    request.remote_address = client_address(connection);
    request.read_body = [&state](std::size_t limit) -> std::optional<std::string> {
      if (state.too_big || state.body.size() > limit)
        return std::nullopt;
      return std::move(state.body);
    };
    HttpHandler handler;
    {
      const std::lock_guard lock(self.handler_mutex_);
      handler = self.handler_;
    }
    const HttpAnswer answer = handler
                                  ? handler(request)
                                  : HttpAnswer{404, "text/plain; charset=utf-8", "Not found\n", {}};
    MHD_Response* response = MHD_create_response_from_buffer(
        answer.body.size(), const_cast<char*>(answer.body.data()),  // NOLINT: MHD's C API
        MHD_RESPMEM_MUST_COPY);
    if (response == nullptr)
      return MHD_NO;
    const HttpFields headers = self.options_.headers ? self.options_.headers(answer)
                                                     : HttpFields{{"Content-Type", answer.type}};
    for (const auto& [name, value] : headers)
      MHD_add_response_header(response, name.c_str(), value.c_str());
    const enum MHD_Result queued =
        MHD_queue_response(connection, static_cast<unsigned>(answer.status), response);
    MHD_destroy_response(response);
    return queued;
  }

  static void completed(void* /*self*/, MHD_Connection* /*connection*/, void** request_state,
                        enum MHD_RequestTerminationCode /*why*/) {
    delete static_cast<RequestState*>(*request_state);  // NOLINT: made in access()
    *request_state = nullptr;
  }

  server::TlsListenOptions options_;
  std::vector<int> sockets_;
  int port_;
  int wake_ = -1;
  MHD_Daemon* daemon_ = nullptr;
  std::thread acceptor_;
  std::atomic<bool> stopping_{false};
  std::mutex handler_mutex_;
  HttpHandler handler_;
};

}  // namespace

core::Result<std::unique_ptr<server::TlsListener>> listen_with_microhttpd(
    const server::TlsListenOptions& options) {
  if (options.binds.empty())
    return core::fail(core::ErrorCode::kInvalidInput, "the phone's listener needs an address");
  std::vector<int> sockets;
  int port = options.port;
  for (const auto& bind : options.binds) {
    int bound = 0;
    const int fd = listen_on(bind, port, &bound);
    if (fd < 0) {
      const int error = errno;
      for (const int open : sockets)
        close(open);
      return core::fail(
          core::ErrorCode::kIo,
          error == EADDRINUSE
              ? fmt::format("cannot listen on {} port {} for the phone: is limber serve already "
                            "running? Choose another port with --phone-bind ADDRESS:PORT",
                            bind, port)
              : fmt::format("cannot listen on {} for the phone ({}): is it an address of this "
                            "computer?",
                            bind, std::strerror(error)));
    }
    sockets.push_back(fd);
    port = bound;
  }
  auto listener = std::make_unique<MicrohttpdListener>(options, std::move(sockets), port);
  if (!listener->start()) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      "the HTTPS listener could not start: GnuTLS did not accept the "
                      "certificate or its key");
  }
  return std::unique_ptr<server::TlsListener>(std::move(listener));
}

}  // namespace limber::tls
