// The server put together: the use cases (Api), the security rules (Guard, LinkKeys), the
// diary's thread, and a listener from the HTTP adapter, which alone knows the library
// that serves HTTP (server/civetweb_adapter.h). Each request goes to the API's routes
// (server/router.h) or to the page (server/page.h).
#include "server/server.h"

#include <condition_variable>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "server/api.h"
#include "server/civetweb_adapter.h"
#include "server/diary_executor.h"
#include "server/handlers.h"
#include "server/http_listener.h"
#include "server/page.h"
#include "server/phone.h"
#include "server/router.h"
#include "server/security.h"

namespace limber::server {

namespace {

// GET /ca.crt: the certificate a phone installs to trust this server (docs/phone.md). Public:
// it holds no secret.
HttpAnswer answer_ca_file(const HttpRequest& request, const std::filesystem::path& file) {
  if (request.method != "GET" && request.method != "HEAD")
    return error_answer(405, request.method, request.path, "GET");
  std::ifstream in(file, std::ios::binary);
  if (file.empty() || !in)
    return error_answer(404, request.method, request.path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return {200,
          "application/x-x509-ca-cert",
          std::move(bytes),
          {{"Content-Disposition", "attachment; filename=\"limber-ca.crt\""}}};
}

}  // namespace

struct Server::Impl {
  Impl(const store::Database& db, const core::Catalog& catalog, ServerOptions server_options,
       std::string access_token, std::string login)
      : options(std::move(server_options)),
        pairing(db, app::system_random_bytes),
        api(db, catalog, pairing, phone),
        token(std::move(access_token)),
        login_secret(std::move(login)) {}

  ServerOptions options;
  std::optional<PhoneAddress> phone;  // set by serve_phones(), before bind()
  std::filesystem::path ca_file;
  app::PairingService pairing;  // the open pairing lives here, in this process only
  Api api;
  std::string token;                   // for scripts, as a Bearer token
  std::string login_secret;            // the login cookie's value
  LinkKeys links;                      // the keys of the start-up addresses, each good once
  std::string first_link;              // the key of the address printed at start
  std::optional<Guard> guard;          // set by bind(), which knows the port, before any request
  int port = 0;                        // set by bind()
  std::optional<DiaryExecutor> diary;  // started by bind(), after the caller's signal mask
  std::unique_ptr<HttpListener> listener;
  std::mutex log_mutex;
  std::mutex state_mutex;  // guards `stopped` and `listener` once bound
  std::condition_variable state_changed;
  bool stopped = false;

  // Every request comes here, on one of the listener's threads.
  HttpAnswer answer(HttpRequest& request) {
    return answer_or_500(*options.log, log_mutex, request.method, request.path, [&] {
      // A phone: over HTTPS always; on loopback when it carries a device cookie and no login.
      const std::string_view cookies = request.header_or_empty("Cookie");
      if (request.over_tls ||
          (cookie_value(cookies, kDeviceCookieName) &&
           guard->credential(cookies, request.header_or_empty("Authorization")) ==
               Credential::kNone)) {
        std::optional<HttpAnswer> refused;
        diary->run([&] { refused = phone_refusal(request, pairing, options.clock()); });
        if (refused)
          return *refused;
      }
      if (request.path == "/ca.crt")
        return answer_ca_file(request, ca_file);
      if (!request.path.starts_with("/api/"))
        return answer_page(request, *guard, links);
      return answer_api(request, {api, *guard, *diary, options.clock, *options.log, log_mutex});
    });
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  stop();
}

core::Result<std::unique_ptr<Server>> Server::create(const store::Database& db,
                                                     const core::Catalog& catalog,
                                                     ServerOptions options) {
  std::string token = options.token;
  if (token.empty()) {
    auto secret = random_secret();
    if (!secret)
      return core::Unexpected(secret.error());
    token = std::move(*secret);
  }
  auto login = random_secret();
  if (!login)
    return core::Unexpected(login.error());
  if (options.log == nullptr)
    return core::fail(core::ErrorCode::kInvalidInput, "the server needs a log stream");
  if (!options.clock)
    return core::fail(core::ErrorCode::kInvalidInput, "the server needs a clock");
  auto impl =
      std::make_unique<Impl>(db, catalog, std::move(options), std::move(token), std::move(*login));
  auto first = impl->links.issue();
  if (!first)
    return core::Unexpected(first.error());
  impl->first_link = std::move(*first);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

void Server::serve_phones(PhoneAddress phone, std::filesystem::path ca_file) {
  impl_->phone = std::move(phone);
  impl_->ca_file = std::move(ca_file);
}

core::Result<int> Server::bind() {
  Impl& self = *impl_;
  self.diary.emplace();
  auto listener = listen_with_civetweb({.bind = self.options.bind,
                                        .port = self.options.port,
                                        .threads = kRequestThreads,
                                        .request_arrival_limit = kRequestArrivalLimit,
                                        .keep_alive_limit = kKeepAliveLimit});
  if (!listener)
    return core::Unexpected(listener.error());
  self.port = (*listener)->port();
  self.guard.emplace(self.options.bind, self.port, self.token, self.login_secret);
  // Requests reach limber only from here on, after the guard is in place.
  (*listener)->serve([&self](HttpRequest& request) { return self.answer(request); });
  const std::lock_guard lock(self.state_mutex);
  self.listener = std::move(*listener);
  return self.port;
}

void Server::run() {
  Impl& self = *impl_;
  std::unique_lock lock(self.state_mutex);
  self.state_changed.wait(lock, [&] { return self.stopped; });
}

void Server::stop() {
  Impl& self = *impl_;
  std::unique_ptr<HttpListener> listener;
  {
    const std::lock_guard lock(self.state_mutex);
    self.stopped = true;
    listener = std::move(self.listener);
  }
  self.state_changed.notify_all();
  if (listener)
    listener->stop();  // waits for the requests in flight
}

std::string Server::address() const {
  return fmt::format("http://{}:{}/", impl_->options.bind, impl_->port);
}

std::string Server::start_url() const {
  return address() + "?token=" + impl_->first_link;
}

core::Result<std::string> Server::new_start_url() {
  auto key = impl_->links.issue();
  if (!key)
    return core::Unexpected(key.error());
  return address() + "?token=" + *key;
}

const std::string& Server::token() const {
  return impl_->token;
}

}  // namespace limber::server
