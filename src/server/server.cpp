// The server runs on CivetWeb (libcivetweb1 from Debian), through its C API, with one
// request handler that routes by itself. Debian's cpp-httplib was the first choice but is
// built with OpenSSL, whose initializer ran at the start of every `limber` command, serve
// or not: 2.6 ms more for `limber --version`. CivetWeb's Debian build needs only libc
// (+0.1 ms), and gives threads, keep-alive and HTTP parsing that are not ours to maintain.
#include "server/server.h"

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <ostream>
#include <thread>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <civetweb.h>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "app/local_time.h"
#include "server/api.h"
#include "server/handlers.h"
#include "server/security.h"
#include "server/web_assets.h"

namespace limber::server {
namespace {

constexpr std::size_t kMaxBodyBytes = std::size_t{64} * 1024;

// The page may load only its own files and talk only to its own server.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

constexpr std::string_view kUnauthorizedPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>limber: open the address with its key</title></head>
<body style="font: 1.25rem/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff">
<h1>Open limber with its key</h1>
<p>This page holds your pain diary, so it opens only from the address that
<code>limber serve</code> printed in the terminal. That address ends in
<code>?token=</code> and a long key.</p>
<p>If limber was restarted, the old address no longer works: use the new one.</p>
</body></html>
)";

// A start-up address opens one browser, once (issue #12, item 15).
constexpr std::string_view kSpentKeyPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>limber: this address was already used</title></head>
<body style="font: 1.25rem/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff">
<h1>This address was already used</h1>
<p>Each address that <code>limber serve</code> prints opens limber in one browser, once,
so that nobody else can open your pain diary with it later.</p>
<p>Use the browser window where limber is already open. To open it somewhere else, press
Enter in the terminal where <code>limber serve</code> runs: it prints a new address.</p>
</body></html>
)";

constexpr std::string_view kWelcomePage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=/">
<title>limber</title></head>
<body><p><a href="/">Continue to limber</a></p></body></html>
)";

// Sent with every answer; an answer's own header of the same name replaces one.
constexpr std::array<std::pair<const char*, std::string_view>, 6> kDefaultHeaders = {{
    {"Content-Security-Policy", kContentSecurityPolicy},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"Cache-Control", "no-store"},
}};

// kDefaultHeaders as header lines, for the answers CivetWeb sends by itself (a malformed
// request, a head too large or too slow). It adds its own Cache-Control, no-store.
std::string error_headers() {
  std::string lines;
  for (const auto& [name, value] : kDefaultHeaders) {
    if (std::string_view(name) != "Cache-Control")
      lines += fmt::format("{}{}: {}", lines.empty() ? "" : "\r\n", name, value);
  }
  return lines;
}

enum class Access {
  kPage,   // GET of the page's files: an HTML answer when refused
  kRead,   // GET of the API
  kWrite,  // POST, PUT, DELETE of the API: the Origin must be right, the body JSON
};

// One request as the routes see it. Views point into CivetWeb's connection, valid while
// the handler runs.
class Request {
 public:
  explicit Request(mg_connection* conn)
      : conn_(conn),
        info_(mg_get_request_info(conn)),
        method_(info_->request_method != nullptr ? info_->request_method : ""),
        path_(info_->local_uri != nullptr ? info_->local_uri : "") {}

  [[nodiscard]] std::string_view method() const { return method_; }
  // URL-decoded, without the query.
  [[nodiscard]] std::string_view path() const { return path_; }
  [[nodiscard]] bool has_header(const char* name) const {
    return mg_get_header(conn_, name) != nullptr;
  }
  [[nodiscard]] std::string_view header(const char* name) const {
    const char* value = mg_get_header(conn_, name);
    return value != nullptr ? value : "";
  }
  // The URL-decoded query parameter `name`, if present.
  [[nodiscard]] std::optional<std::string> param(const char* name) const {
    const char* query = info_->query_string;
    if (query == nullptr)
      return std::nullopt;
    const std::string_view raw(query);
    std::string value(raw.size() + 1, '\0');  // decoding never makes it longer
    const int size = mg_get_var2(query, raw.size(), name, value.data(), value.size(), 0);
    if (size < 0)
      return std::nullopt;
    value.resize(static_cast<std::size_t>(size));
    return value;
  }
  // Reads the body; false when it is larger than kMaxBodyBytes.
  bool read_body() {
    if (info_->content_length > static_cast<long long>(kMaxBodyBytes))
      return false;
    std::array<char, 8192> buffer{};
    for (;;) {
      const int got = mg_read(conn_, buffer.data(), buffer.size());
      if (got <= 0)
        return true;
      body_.append(buffer.data(), static_cast<std::size_t>(got));
      if (body_.size() > kMaxBodyBytes)
        return false;
    }
  }
  [[nodiscard]] const std::string& body() const { return body_; }

 private:
  mg_connection* conn_;
  const mg_request_info* info_;
  std::string_view method_;
  std::string_view path_;
  std::string body_;
};

std::optional<std::string_view> view(const std::optional<std::string>& value) {
  if (!value)
    return std::nullopt;
  return std::string_view(*value);
}

// JSON, or a file (the report's PDF) when the reply names its type: sent as an attachment.
HttpAnswer json_answer(const Reply& reply) {
  if (!reply.content_type.empty()) {
    return {reply.status,
            reply.content_type,
            reply.text,
            {{"Content-Disposition", fmt::format("attachment; filename=\"{}\"", reply.filename)}}};
  }
  return {
      reply.status, "application/json", reply.text.empty() ? reply.body.dump() : reply.text, {}};
}

HttpAnswer refuse(Access access, int status, const std::string& message) {
  if (access != Access::kPage)
    return json_answer({status, {{"error", message}}});
  if (status != 401)
    return {status, "text/plain; charset=utf-8", message + "\n", {}};
  // Its own policy: one inline style attribute, nothing else.
  return {status,
          "text/html; charset=utf-8",
          std::string(kUnauthorizedPage),
          {{"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"}}};
}

bool starts_with_json(std::string_view type) {
  constexpr std::string_view kJson = "application/json";
  if (type.size() < kJson.size())
    return false;
  for (std::size_t i = 0; i < kJson.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(type[i])) != kJson[i])
      return false;
  }
  return type.size() == kJson.size() || type[kJson.size()] == ';' || type[kJson.size()] == ' ';
}

void send(mg_connection* conn, std::string_view method, const HttpAnswer& answer) {
  mg_response_header_start(conn, answer.status);
  for (const auto& [name, value] : kDefaultHeaders) {
    const bool replaced = std::any_of(
        answer.headers.begin(), answer.headers.end(),
        [name = std::string_view(name)](const auto& header) { return header.first == name; });
    if (!replaced)
      mg_response_header_add(conn, name, value.data(), static_cast<int>(value.size()));
  }
  for (const auto& [name, value] : answer.headers)
    mg_response_header_add(conn, name.c_str(), value.c_str(), static_cast<int>(value.size()));
  if (!answer.type.empty())
    mg_response_header_add(conn, "Content-Type", answer.type.c_str(), -1);
  const std::string length = std::to_string(answer.body.size());
  mg_response_header_add(conn, "Content-Length", length.c_str(), -1);
  mg_response_header_send(conn);
  if (method != "HEAD")
    mg_write(conn, answer.body.data(), answer.body.size());
}

// An API route: "/api/entries", or with `takes_id` "/api/entries/ID" (one path segment).
struct Route {
  std::string_view method;
  std::string_view path;
  bool takes_id = false;
  std::function<Reply(const Request&, const core::Now&, std::string_view id)> handle;

  // The id when `path` is this route's (any method); nullopt otherwise.
  [[nodiscard]] std::optional<std::string_view> match(std::string_view request_path) const {
    if (!takes_id)
      return request_path == path ? std::optional<std::string_view>("") : std::nullopt;
    if (!request_path.starts_with(path) || request_path.size() <= path.size() + 1 ||
        request_path[path.size()] != '/')
      return std::nullopt;
    const std::string_view id = request_path.substr(path.size() + 1);
    if (id.find('/') != std::string_view::npos)
      return std::nullopt;
    return id;
  }
};

// Opens and closes a connection to the server on `bind`:`port`.
void knock(const std::string& bind, int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  if (inet_pton(AF_INET, bind == "0.0.0.0" ? "127.0.0.1" : bind.c_str(), &address.sin_addr) == 1) {
    // Its result does not matter: stop() knocks again until mg_stop has returned.
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    static_cast<void>(connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)));
  }
  close(fd);
}

// Runs jobs one at a time on a thread of its own, with a full-size stack. CivetWeb's
// Debian build gives its request threads 100 KiB stacks: too small for drawing a report
// (freetype's autofitter overflowed it under AddressSanitizer) and tight for SQLite. The
// diary is one SQLite connection anyway, so the API's work is serialized here.
class DiaryThread {
 public:
  DiaryThread() : thread_([this] { loop(); }) {}
  DiaryThread(const DiaryThread&) = delete;
  DiaryThread& operator=(const DiaryThread&) = delete;
  DiaryThread(DiaryThread&&) = delete;
  DiaryThread& operator=(DiaryThread&&) = delete;
  ~DiaryThread() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    thread_.join();
  }

  // Runs `job` on the diary's thread and waits for it; an exception it throws is thrown
  // here.
  Reply run(std::function<Reply()> job) {
    std::packaged_task<Reply()> task(std::move(job));
    std::future<Reply> done = task.get_future();
    {
      const std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(task));
    }
    ready_.notify_one();
    return done.get();
  }

 private:
  void loop() {
    for (;;) {
      std::packaged_task<Reply()> task;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty())
          return;
        task = std::move(jobs_.front());
        jobs_.pop_front();
      }
      task();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<Reply()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;  // last: it starts after the members it uses
};

}  // namespace

struct Server::Impl {
  Impl(const store::Database& db, const core::Catalog& catalog, ServerOptions server_options,
       std::string access_token, std::string session_secret)
      : api(db, catalog),
        options(std::move(server_options)),
        token(std::move(access_token)),
        session(std::move(session_secret)) {
    add_routes();
  }

  Api api;
  ServerOptions options;
  std::string token;  // for scripts, as a Bearer token
  std::string session;
  mutable LinkKeys links;      // the keys of the start-up addresses, each good once
  std::string first_link;      // the key of the address printed at start
  std::optional<Guard> guard;  // set by bind(), which knows the port, before any request
  int port = 0;
  std::vector<Route> routes;
  mg_context* context = nullptr;
  std::optional<DiaryThread> diary_thread;  // started by bind(), after the caller's signal mask
  std::mutex log_mutex;
  std::mutex state_mutex;  // guards `stopped`
  std::condition_variable state_changed;
  bool stopped = false;

  [[nodiscard]] core::Now now() const { return app::local_now(options.clock()); }

  // Applies the security rules (server/security.h); the refusal when they say no.
  [[nodiscard]] std::optional<HttpAnswer> refusal(const Request& req, Access access) const {
    const std::string_view host = req.header("Host");
    if (!guard || !guard->host_allowed(host)) {
      return refuse(access, 403,
                    fmt::format("this server answers only to its own address (localhost:{}); "
                                "the Host header named '{}'",
                                port, host));
    }
    const Credential credential =
        guard->credential(req.header("Cookie"), req.header("Authorization"));
    if (credential == Credential::kNone) {
      return refuse(access, 401,
                    "no valid access key: open the address that 'limber serve' printed (it ends "
                    "in ?token=...), or send the token as 'Authorization: Bearer TOKEN'");
    }
    if (access != Access::kWrite)
      return std::nullopt;
    // Only the cookie rides along on a request another site makes the browser send, so
    // with the cookie the Origin must be this server's own; a script with the token may
    // leave the Origin out, but a wrong one is refused either way.
    const bool has_origin = req.has_header("Origin");
    if ((credential == Credential::kCookie && !has_origin) ||
        (has_origin && !guard->origin_allowed(req.header("Origin"), host))) {
      return refuse(access, 403,
                    fmt::format("a change to the diary must come from limber's own page: Origin "
                                "'{}' is not http://{}",
                                req.header("Origin"), host));
    }
    if (req.method() != "DELETE" && !starts_with_json(req.header("Content-Type"))) {
      return refuse(access, 415,
                    "send the body as JSON, with the header 'Content-Type: application/json'");
    }
    return std::nullopt;
  }

  template <class Handler>
  void api_route(std::string_view method, std::string_view path, Handler handler) {
    routes.push_back(
        {method, path, false, [handler](const Request& req, const core::Now& at, std::string_view) {
           return handler(req, at);
         }});
  }
  template <class Handler>
  void api_route_with_id(std::string_view method, std::string_view path, Handler handler) {
    routes.push_back({method, path, true, handler});
  }

  void add_routes() {
    api_route("GET", "/api/today",
              [this](const Request&, const core::Now& at) { return api.today(at); });
    api_route("GET", "/api/vocabulary",
              [this](const Request&, const core::Now&) { return api.vocabulary(); });
    api_route("GET", "/api/entries", [this](const Request& req, const core::Now& at) {
      return api.entries(at, view(req.param("days")));
    });
    api_route("POST", "/api/entries", [this](const Request& req, const core::Now& at) {
      return api.add_entry(at, req.body());
    });
    api_route_with_id("PUT", "/api/entries",
                      [this](const Request& req, const core::Now& at, std::string_view id) {
                        return api.replace_entry(at, id, req.body());
                      });
    api_route_with_id("DELETE", "/api/entries",
                      [this](const Request&, const core::Now& at, std::string_view id) {
                        return api.delete_entry(at, id);
                      });
    api_route("GET", "/api/progress", [this](const Request& req, const core::Now& at) {
      return api.progress(at, view(req.param("days")));
    });
    api_route("GET", "/api/check",
              [this](const Request&, const core::Now& at) { return api.check_questions(at); });
    api_route("POST", "/api/check", [this](const Request& req, const core::Now& at) {
      return api.check(at, req.body());
    });
    api_route("POST", "/api/clinician-visit", [this](const Request& req, const core::Now& at) {
      return api.clinician_visit(at, req.body());
    });
    api_route("GET", "/api/preferences",
              [this](const Request&, const core::Now& at) { return api.preferences(at); });
    api_route("PUT", "/api/preferences", [this](const Request& req, const core::Now& at) {
      return api.set_preferences(at, req.body());
    });
    api_route("GET", "/api/exercises", [this](const Request& req, const core::Now&) {
      return api.exercises(view(req.param("style")), view(req.param("phase")));
    });
    api_route_with_id(
        "GET", "/api/exercises",
        [this](const Request&, const core::Now&, std::string_view id) { return api.exercise(id); });
    api_route("GET", "/api/session",
              [this](const Request&, const core::Now& at) { return api.session(at); });
    api_route("GET", "/api/function",
              [this](const Request&, const core::Now& at) { return api.function(at); });
    api_route("POST", "/api/function/activities", [this](const Request& req, const core::Now& at) {
      return api.add_activity(at, req.body());
    });
    api_route_with_id("DELETE", "/api/function/activities",
                      [this](const Request&, const core::Now& at, std::string_view name) {
                        return api.remove_activity(at, name);
                      });
    api_route("POST", "/api/function/ratings", [this](const Request& req, const core::Now& at) {
      return api.rate_activity(at, req.body());
    });
    api_route("GET", "/api/report", [this](const Request& req, const core::Now& at) {
      return api.report(at, view(req.param("from")), view(req.param("to")),
                        view(req.param("name")));
    });
    api_route("GET", "/api/report/period", [this](const Request& req, const core::Now& at) {
      return api.report_period(at, view(req.param("from")), view(req.param("to")));
    });
    api_route("GET", "/api/episode",
              [this](const Request&, const core::Now& at) { return api.episode(at); });
    api_route("POST", "/api/episode", [this](const Request& req, const core::Now& at) {
      return api.new_episode(at, req.body());
    });
  }

  HttpAnswer answer_api(Request& req) {
    std::string allowed;
    for (const Route& route : routes) {
      const auto id = route.match(req.path());
      if (!id)
        continue;
      if (route.method != req.method()) {
        allowed += allowed.empty() ? "" : ", ";
        allowed += route.method;
        continue;
      }
      const Access access = route.method == "GET" ? Access::kRead : Access::kWrite;
      if (auto refused = refusal(req, access))
        return *refused;
      if (access == Access::kWrite && !req.read_body())
        return error_answer(413, req.method(), req.path());
      const core::Now at = now();
      const Reply reply = diary_thread->run([&] { return route.handle(req, at, *id); });
      if (reply.status >= 500) {
        const std::lock_guard lock(log_mutex);
        fmt::print(*options.log, "limber serve: {} {}: {}\n", req.method(), req.path(),
                   reply.body.value("error", ""));
      }
      return json_answer(reply);
    }
    return error_answer(allowed.empty() ? 404 : 405, req.method(), req.path(), allowed);
  }

  HttpAnswer answer_page(const Request& req) const {
    if (req.method() != "GET" && req.method() != "HEAD")
      return error_answer(405, req.method(), req.path(), "GET");
    // "/?token=..." exchanges the access token for the session cookie.
    if (req.path() == "/") {
      if (const auto offered = req.param("token")) {
        if (!guard || !guard->host_allowed(req.header("Host")))
          return refuse(Access::kPage, 403, "this server answers only to its own address");
        // A browser that already holds the cookie just moves on, and spends no key.
        const bool signed_in = guard->credential(req.header("Cookie"), "") == Credential::kCookie;
        if (!signed_in) {
          switch (links.redeem(*offered)) {
            case LinkKeys::Use::kOpened:
              break;
            case LinkKeys::Use::kSpent:
              return {410, "text/html; charset=utf-8", std::string(kSpentKeyPage), {}};
            case LinkKeys::Use::kUnknown:
              return refuse(Access::kPage, 401, "");
          }
        }
        // The key leaves the address bar at once. A page of our own moves on, not a 303:
        // after an address opened from a file (see cli/serve_command.cpp) a redirect would
        // still count as cross-site, and the browser would hold back the new cookie.
        return {200,
                "text/html; charset=utf-8",
                std::string(kWelcomePage),
                {{"Set-Cookie", guard->session_cookie()},
                 {"Content-Security-Policy", "default-src 'none'"}}};
      }
    }
    const WebAsset* asset = find_web_asset(req.path());
    if (asset == nullptr)
      return error_answer(404, req.method(), req.path());
    if (auto refused = refusal(req, Access::kPage))
      return *refused;
    return {200, std::string(asset->type), std::string(asset->body), {}};
  }

  // CivetWeb's request handler: every request comes here, on one of its threads.
  static int handle(mg_connection* conn, void* data) {
    Impl& self = *static_cast<Impl*>(data);
    Request req(conn);
    const HttpAnswer answer =
        answer_or_500(*self.options.log, self.log_mutex, req.method(), req.path(), [&] {
          return req.path().starts_with("/api/") ? self.answer_api(req) : self.answer_page(req);
        });
    send(conn, req.method(), answer);
    return answer.status;
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
  auto session = random_secret();
  if (!session)
    return core::Unexpected(session.error());
  if (options.log == nullptr)
    return core::fail(core::ErrorCode::kInvalidInput, "the server needs a log stream");
  if (!options.clock)
    return core::fail(core::ErrorCode::kInvalidInput, "the server needs a clock");
  auto impl = std::make_unique<Impl>(db, catalog, std::move(options), std::move(token),
                                     std::move(*session));
  auto first = impl->links.issue();
  if (!first)
    return core::Unexpected(first.error());
  impl->first_link = std::move(*first);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

core::Result<int> Server::bind() {
  Impl& self = *impl_;
  const std::string& host = self.options.bind;
  if (host.find(':') != std::string::npos) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("cannot listen on {}: limber serve takes an IPv4 address, "
                                  "like --bind 127.0.0.1",
                                  host));
  }
  mg_init_library(0);
  self.diary_thread.emplace();
  const std::string ports = fmt::format("{}:{}", host, self.options.port);
  // CivetWeb 1.15 gives a request's head request_timeout_ms in all from the connection's
  // turn (keep_alive_timeout_ms for the next one on a kept-alive connection), however
  // slowly it trickles in, then answers 400 and closes: see kRequestArrivalLimit. The
  // same limit bounds each wait to read the body or to send the answer.
  // additional_header goes on CivetWeb's own answers only (a malformed request, a head
  // too slow or too large); ours carry kDefaultHeaders.
  const std::array<std::pair<const char*, std::string>, 8> settings = {{
      {"listening_ports", ports},
      {"num_threads", std::to_string(kRequestThreads)},
      {"tcp_nodelay", "1"},
      {"enable_keep_alive", "yes"},
      {"request_timeout_ms", std::to_string(kRequestArrivalLimit.count())},
      {"keep_alive_timeout_ms", std::to_string(kKeepAliveLimit.count())},
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
  mg_init_data init{nullptr, &self, config.data()};
  self.context = mg_start2(&init, &error);
  if (self.context == nullptr) {
    return core::fail(
        core::ErrorCode::kIo,
        self.options.port == 0
            ? fmt::format("cannot listen on {}: is it an address of this machine?", host)
            : fmt::format("cannot listen on {} port {}: is limber serve already running? Open "
                          "the address it printed, or choose another port with --port",
                          host, self.options.port));
  }
  std::array<mg_server_port, 1> bound{};
  if (mg_get_server_ports(self.context, static_cast<int>(bound.size()), bound.data()) < 1) {
    mg_stop(self.context);
    self.context = nullptr;
    return core::fail(core::ErrorCode::kIo, fmt::format("cannot listen on {}", ports));
  }
  self.port = bound[0].port;
  self.guard.emplace(host, self.port, self.token, self.session);
  // Requests reach limber only from here on, after the guard is in place.
  mg_set_request_handler(self.context, "**", &Impl::handle, &self);
  return self.port;
}

void Server::run() {
  Impl& self = *impl_;
  std::unique_lock lock(self.state_mutex);
  self.state_changed.wait(lock, [&] { return self.stopped; });
}

void Server::stop() {
  Impl& self = *impl_;
  mg_context* context = nullptr;
  {
    const std::lock_guard lock(self.state_mutex);
    self.stopped = true;
    context = std::exchange(self.context, nullptr);
  }
  self.state_changed.notify_all();
  if (context == nullptr)
    return;
  // mg_stop waits for the requests in flight, and for CivetWeb's accept loop, which looks
  // at its stop flag only between polls of up to 2 s: a connection of our own wakes it.
  std::atomic<bool> stopped{false};
  std::thread stopper([context, &stopped] {
    mg_stop(context);
    stopped = true;
  });
  while (!stopped) {
    knock(self.options.bind, self.port);
    std::this_thread::sleep_for(std::chrono::milliseconds{5});
  }
  stopper.join();
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
