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
#include "server/response_headers.h"
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
  Impl(const store::Database& db, app::LiveCatalog catalog, ServerOptions server_options,
       std::string access_token, std::string login)
      : options(std::move(server_options)),
        pairing(db, app::system_random_bytes),
        api(db, std::move(catalog), pairing, phone),
        token(std::move(access_token)),
        login_secret(std::move(login)) {}

  ServerOptions options;
  // Where phones reach this server: from serve_phones(), or made by bind() from the phone's
  // listener; set before any request, read-only after.
  std::optional<PhoneAddress> phone;
  std::filesystem::path ca_file;
  app::PairingService pairing;  // the open pairing lives here, in this process only
  Api api;
  std::string token;                   // for scripts, as a Bearer token
  std::string login_secret;            // the login cookie's value
  LinkKeys links;                      // the keys of the start-up addresses, each good once
  std::string first_link;              // the key of the address printed at start
  std::optional<Guard> guard;          // set by bind(), which knows the port, before any request
  std::optional<Guard> phone_guard;    // the same for the phone's HTTPS listener
  int port = 0;                        // set by bind()
  std::optional<DiaryExecutor> diary;  // started by bind(), after the caller's signal mask
  std::unique_ptr<HttpListener> listener;
  std::unique_ptr<TlsListener> phone_listener;
  std::mutex log_mutex;
  std::mutex state_mutex;  // guards `stopped` and `listener` once bound
  std::condition_variable state_changed;
  bool stopped = false;

  // Every request comes here, on one of the listener's threads.
  HttpAnswer answer(HttpRequest& request) {
    // Each listener's requests pass its own guard.
    const Guard& checks = request.over_tls ? *phone_guard : *guard;
    return answer_or_500(*options.log, log_mutex, request.method, request.path, [&] {
      // A phone: over HTTPS without the token (a script's) or the login cookie; on loopback
      // when it carries a device cookie and no login.
      const std::string_view cookies = request.header_or_empty("Cookie");
      const bool logged_in =
          checks.credential(cookies, request.header_or_empty("Authorization")) != Credential::kNone;
      if (!logged_in && (request.over_tls || cookie_value(cookies, kDeviceCookieName))) {
        std::optional<HttpAnswer> refused;
        diary->run([&] { refused = phone_refusal(request, pairing, options.clock()); });
        if (refused)
          return *refused;
      }
      if (request.path == "/ca.crt")
        return answer_ca_file(request, ca_file);
      if (!request.path.starts_with("/api/"))
        return answer_page(request, checks, links);
      return answer_api(request, {api, checks, *diary, options.clock, *options.log, log_mutex});
    });
  }

  // The phone's HTTPS listener, when asked for, not serving yet; with it, where phones
  // reach this server (its first address) for the pairing screen.
  core::Result<std::unique_ptr<TlsListener>> listen_for_phones() {
    const PhoneListenOptions& asked = *options.phone;
    if (asked.module == nullptr)
      return core::fail(core::ErrorCode::kInvalidInput, "the phone's listener needs its module");
    auto made = asked.module->listen({.binds = asked.binds,
                                      .port = asked.port,
                                      .threads = kRequestThreads,
                                      .request_arrival_limit = kRequestArrivalLimit,
                                      .certificate = asked.identity.certificate,
                                      .key = asked.identity.key,
                                      .headers = &response_headers});
    if (!made)
      return core::Unexpected(made.error());
    phone_guard.emplace(Guard::for_https(asked.names, (*made)->port(), token, login_secret));
    if (!(*made)->binds().empty()) {
      const std::string& host = (*made)->binds().front();
      const std::string url = fmt::format(
          "https://{}:{}/", host.find(':') != std::string::npos ? "[" + host + "]" : host,
          (*made)->port());
      phone = PhoneAddress{url, asked.ca_fingerprint, url + "ca.crt"};
      ca_file = asked.ca_file;
    }
    return made;
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  stop();
}

core::Result<std::unique_ptr<Server>> Server::create(const store::Database& db,
                                                     app::LiveCatalog catalog,
                                                     ServerOptions options) {
  std::string token = options.token;
  if (token.empty()) {
    LIMBER_TRY_ASSIGN(auto secret, random_secret());
    token = std::move(secret);
  }
  LIMBER_TRY_ASSIGN(auto login, random_secret());
  if (options.log == nullptr)
    return core::fail(core::ErrorCode::kInvalidInput, "the server needs a log stream");
  if (!options.clock)
    return core::fail(core::ErrorCode::kInvalidInput, "the server needs a clock");
  auto impl = std::make_unique<Impl>(db, std::move(catalog), std::move(options), std::move(token),
                                     std::move(login));
  LIMBER_TRY_ASSIGN(auto first, impl->links.issue());
  impl->first_link = std::move(first);
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
  std::unique_ptr<TlsListener> phone_listener;
  if (self.options.phone) {
    LIMBER_TRY_ASSIGN(phone_listener, self.listen_for_phones());
  }
  // Requests reach limber only from here on, after the guards and the phone's address are
  // in place.
  (*listener)->serve([&self](HttpRequest& request) { return self.answer(request); });
  if (phone_listener)
    phone_listener->serve([&self](HttpRequest& request) { return self.answer(request); });
  const std::lock_guard lock(self.state_mutex);
  self.listener = std::move(*listener);
  self.phone_listener = std::move(phone_listener);
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
  std::unique_ptr<TlsListener> phone_listener;
  {
    const std::lock_guard lock(self.state_mutex);
    self.stopped = true;
    listener = std::move(self.listener);
    phone_listener = std::move(self.phone_listener);
  }
  self.state_changed.notify_all();
  if (phone_listener)
    phone_listener->stop();  // waits for the requests in flight
  if (listener)
    listener->stop();
}

std::string Server::address() const {
  return fmt::format("http://{}:{}/", impl_->options.bind, impl_->port);
}

std::vector<std::string> Server::phone_addresses() const {
  std::vector<std::string> addresses;
  const std::lock_guard lock(impl_->state_mutex);
  if (!impl_->phone_listener)
    return addresses;
  for (const auto& bind : impl_->phone_listener->binds()) {
    addresses.push_back(fmt::format("https://{}:{}/",
                                    bind.find(':') != std::string::npos ? "[" + bind + "]" : bind,
                                    impl_->phone_listener->port()));
  }
  return addresses;
}

const std::optional<PhoneAddress>& Server::phone_address() const {
  return impl_->phone;
}

int Server::phone_port() const {
  const std::lock_guard lock(impl_->state_mutex);
  return impl_->phone_listener ? impl_->phone_listener->port() : 0;
}

std::string Server::start_url() const {
  return address() + "?token=" + impl_->first_link;
}

core::Result<std::string> Server::new_start_url() {
  LIMBER_TRY_ASSIGN(auto key, impl_->links.issue());
  return address() + "?token=" + key;
}

const std::string& Server::token() const {
  return impl_->token;
}

}  // namespace limber::server
