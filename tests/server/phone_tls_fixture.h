// A real server with the phone's HTTPS listener on 127.0.0.2 (limber-tls.so loaded from
// the build tree), its certificates made in a temp dir with the real clock, and real TLS
// clients (gnutls-cli, curl) run as a phone's browser would connect.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "app/builtin_catalog.h"
#include "server/phone_identity.h"
#include "server/server.h"
#include "server/tls_module.h"
#include "store/database.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace limber::testing {

inline constexpr const char* kPhoneToken = "phone-test-token-0123456789";
inline constexpr const char* kPhoneAddress = "127.0.0.2";
inline constexpr const char* kTestHost = "testhost";

inline core::Instant real_now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

inline const server::TlsModule& tls_module() {
  auto module = server::load_tls_module({LIMBER_TLS_MODULE});
  if (!module)
    throw std::runtime_error(module.error().message);
  return **module;
}

inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// An answer read by curl: status, headers as one text, body.
struct CurlAnswer {
  int status = 0;
  std::string headers;
  std::string body;
  std::string log;  // curl's own words, when it failed
};

class PhoneServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::Database::open(dir_.path() / "limber.db", store::OpenOptions{});
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::make_unique<store::Database>(std::move(*db));
    auto catalog = app::builtin_catalog();
    ASSERT_TRUE(catalog) << catalog.error().message;
    catalog_ = std::make_unique<core::Catalog>(std::move(*catalog));
    auto identity =
        server::phone_identity(tls_module(), tls_dir(), kTestHost, {kPhoneAddress}, real_now());
    ASSERT_TRUE(identity) << identity.error().message;
    identity_ = *identity;
    auto server = server::Server::create(
        *db_, *catalog_,
        {.bind = "127.0.0.1",
         .port = 0,
         .clock = [] { return real_now(); },
         .log = &log_,
         .token = kPhoneToken,
         .phone = server::PhoneListenOptions{.module = &tls_module(),
                                             .binds = {kPhoneAddress},
                                             .port = 0,
                                             .identity = identity_.server,
                                             .names = identity_.names,
                                             .ca_file = identity_.authority_file,
                                             .ca_fingerprint = identity_.authority_fingerprint}});
    ASSERT_TRUE(server) << server.error().message;
    server_ = std::move(*server);
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    phone_port_ = server_->phone_port();
    ASSERT_GT(phone_port_, 0);
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    if (server_)
      server_->stop();
    if (thread_.joinable())
      thread_.join();
  }

  [[nodiscard]] std::filesystem::path tls_dir() const { return dir_.path() / "tls"; }
  [[nodiscard]] std::filesystem::path ca_file() const { return identity_.authority_file; }
  [[nodiscard]] std::string phone_host() const {
    return std::string(kPhoneAddress) + ":" + std::to_string(phone_port_);
  }

  // gnutls-cli's handshake with `ca` as the only trusted authority, checking the name
  // `host`; exit code 0 when the chain and the name verify.
  [[nodiscard]] ShellResult handshake(const std::filesystem::path& ca,
                                      const std::string& host = kPhoneAddress) const {
    return run_shell(
        "gnutls-cli --x509cafile='" + ca.string() + "' --port=" + std::to_string(phone_port_) +
        (host == kPhoneAddress
             ? " " + host
             : " --sni-hostname=" + host + " --verify-hostname=" + host + " " + kPhoneAddress) +
        " </dev/null");
  }

  // curl over HTTPS to 127.0.0.2 verifying with the CA; `extra` adds curl options.
  [[nodiscard]] CurlAnswer curl(const std::string& path, const std::string& extra = "",
                                const std::string& name = kPhoneAddress) const {
    const std::filesystem::path headers = dir_.path() / "headers";
    const std::filesystem::path body = dir_.path() / "body";
    const std::string resolve =
        name == kPhoneAddress
            ? ""
            : " --resolve " + name + ":" + std::to_string(phone_port_) + ":" + kPhoneAddress;
    const ShellResult run =
        run_shell("curl -sS --max-time 20 --cacert '" + ca_file().string() + "'" + resolve +
                  " -D '" + headers.string() + "' -o '" + body.string() + "' -w '%{http_code}' " +
                  extra + " 'https://" + name + ":" + std::to_string(phone_port_) + path + "'");
    CurlAnswer answer;
    answer.log = run.out;
    if (run.code != 0)
      return answer;
    answer.status = std::stoi(run.out.substr(run.out.size() - 3));
    answer.headers = slurp(headers);
    answer.body = slurp(body);
    return answer;
  }

  TempDir dir_;
  std::ostringstream log_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<core::Catalog> catalog_;
  server::PhoneIdentity identity_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  int port_ = 0;
  int phone_port_ = 0;
};

}  // namespace limber::testing
