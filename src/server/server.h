// `limber serve`: the web app on a local port. The page (web/, built into the binary) and
// the JSON API (server/api.h, docs/api.md), behind the checks of server/security.h.
//
//   auto server = Server::create(db, catalog, {.port = 0, .clock = ..., .log = &std::cerr});
//   auto port = (*server)->bind();          // then print (*server)->start_url()
//   (*server)->run();                       // serves until stop(), from any thread
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/live_catalog.h"
#include "core/catalog.h"
#include "core/clock.h"
#include "core/result.h"
#include "server/phone.h"
#include "server/tls_module_api.h"
#include "store/database.h"

namespace limber::server {

// L-I-M-B on a phone keypad.
inline constexpr int kDefaultPort = 5462;

// The limits that keep slow or idle connections from taking the server down (docs/api.md,
// "Limits"). Each connection holds one of kRequestThreads threads while it is open, so a
// request's head (its first line and headers) must arrive within kRequestArrivalLimit of
// the connection's turn, else the connection is closed; the next request on a kept-alive
// connection must arrive within kKeepAliveLimit. A connection that sends nothing, or one
// byte at a time, is closed within twice the limit; up to kRequestThreads - 6 of them (a
// browser keeps six connections open) leave the page answering at once.
inline constexpr int kRequestThreads = 32;
inline constexpr std::chrono::milliseconds kRequestArrivalLimit{5000};
inline constexpr std::chrono::milliseconds kKeepAliveLimit{500};

// The phone's HTTPS listener (issue 14), beside the desktop's plain HTTP one: on the
// home network's addresses, with limber-tls.so's listener (server/tls_module.h) and the
// certificate of server/phone_identity.h. Its requests pass a Guard of their own
// (Guard::for_https) that knows only the certificate's names.
struct PhoneListenOptions {
  const TlsModule* module = nullptr;  // loaded by load_tls_module()
  std::vector<std::string> binds;     // IP literals
  int port = kDefaultPort + 1;        // 0: any free port (tests)
  KeyAndCertificate identity;         // the server certificate and its key, PEM
  std::vector<std::string> names;     // the certificate's names: what Host may say
  std::filesystem::path ca_file;      // the CA certificate phones install (GET /ca.crt)
  std::string ca_fingerprint;         // its SHA-256, "AB:CD:...", shown while pairing
};

struct ServerOptions {
  std::string bind = "127.0.0.1";  // the address to listen on
  int port = kDefaultPort;         // 0: any free port (tests)
  // The time of each request, read once per request; the server adds the local zone.
  std::function<core::Instant()> clock;
  // Where errors go (an exception in a handler, a diary that says no). Never request
  // bodies or entries: they are health data.
  std::ostream* log = nullptr;
  // The access token scripts send as a Bearer token; empty: a new random one (tests pass
  // their own). The start-up addresses carry keys of their own (Server::start_url).
  std::string token;
  // Set: the phone's HTTPS listener too.
  std::optional<PhoneListenOptions> phone = std::nullopt;
};

class Server {
 public:
  // Makes the token and the login secret (kIo when the kernel gives no random numbers).
  // `db` and `catalog` must outlive the server (a core::Catalog is one that never changes;
  // `limber serve` gives app::LiveCatalog::open's, which sees `limber exercises add`).
  static core::Result<std::unique_ptr<Server>> create(const store::Database& db,
                                                      app::LiveCatalog catalog,
                                                      ServerOptions options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  Server(Server&&) = delete;
  Server& operator=(Server&&) = delete;
  ~Server();

  // Lets phones pair without a phone listener of its own (tests; issue 14, server/phone.h):
  // `phone` is where they reach this server, `ca_file` the CA certificate they install,
  // served as GET /ca.crt (empty: none, 404). With ServerOptions::phone, bind() makes these
  // from the phone's listener instead. Without either the page says phones cannot reach
  // this server. REQUIRES: before bind().
  void serve_phones(PhoneAddress phone, std::filesystem::path ca_file);

  // Binds the address and port (and the phone's, when asked for). Returns the port (the
  // chosen one for port 0); kIo saying what to do when a port is taken or an address is
  // not this machine's.
  core::Result<int> bind();
  // Returns when stop() has been called (before or during run()); the server's own
  // threads, started by bind(), do the serving. REQUIRES: bind() succeeded.
  void run();
  // Stops the server from any thread, waiting for the requests in flight.
  void stop();

  // "http://127.0.0.1:5462/" (IPv6 in brackets). REQUIRES: bind() succeeded.
  [[nodiscard]] std::string address() const;
  // The phone's addresses, "https://192.168.1.20:5463/" for each; empty without one.
  [[nodiscard]] std::vector<std::string> phone_addresses() const;
  // Where phones reach this server and the CA they trust (from serve_phones() or the
  // phone's listener); nullopt when phones cannot reach it. REQUIRES: bind() succeeded.
  [[nodiscard]] const std::optional<PhoneAddress>& phone_address() const;
  // The phone listener's port; 0 without one.
  [[nodiscard]] int phone_port() const;
  // The address with a key that opens one browser once (it is exchanged for the login
  // cookie; a second use gets a page that says so): what `limber serve` prints and opens.
  [[nodiscard]] std::string start_url() const;
  // Another such address, with a new key: for another browser, or after the first was used.
  // kIo when the kernel gives no random numbers. Safe from any thread.
  core::Result<std::string> new_start_url();
  // The access token scripts send as "Authorization: Bearer TOKEN"; never in an address.
  [[nodiscard]] const std::string& token() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace limber::server
