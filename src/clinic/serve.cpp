#include "clinic/serve.h"

#include <csignal>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <sys/stat.h>

#include "app/random_bytes.h"
#include "clinic/clinic_api.h"
#include "clinic/migrations.h"
#include "tls/certificates.h"
#include "tls/mhd_listener.h"

namespace limber::clinic {
namespace {

core::Instant now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

core::Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return core::fail(core::ErrorCode::kNotFound, fmt::format("cannot read {}", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

core::Result<void> write_private(const std::filesystem::path& path, const std::string& text) {
  const mode_t old_mask = umask(077);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  umask(old_mask);
  if (!out)
    return core::fail(core::ErrorCode::kIo, fmt::format("cannot write {}", path.string()));
  return {};
}

// The trial's own authority, kept in `folder`, and a certificate it signs for `bind`.
core::Result<server::KeyAndCertificate> trial_certificate(const std::filesystem::path& folder,
                                                          const std::string& bind) {
  std::error_code ignored;
  std::filesystem::create_directories(folder, ignored);
  server::KeyAndCertificate authority;
  if (std::filesystem::exists(folder / "ca.pem")) {
    LIMBER_TRY_ASSIGN(authority.certificate, read_file(folder / "ca.pem"));
    LIMBER_TRY_ASSIGN(authority.key, read_file(folder / "ca-key.pem"));
  } else {
    LIMBER_TRY_ASSIGN(authority, tls::make_authority("limber-clinic trial", now()));
    LIMBER_TRY(write_private(folder / "ca-key.pem", authority.key));
    LIMBER_TRY(write_private(folder / "ca.pem", authority.certificate));
  }
  return tls::issue_server(authority, {bind}, now());
}

server::HttpFields headers_of(const server::HttpAnswer& answer) {
  server::HttpFields fields = {{"Content-Type", answer.type},
                               {"Cache-Control", "no-store"},
                               {"X-Content-Type-Options", "nosniff"},
                               {"Strict-Transport-Security", "max-age=31536000"}};
  fields.insert(fields.end(), answer.headers.begin(), answer.headers.end());
  return fields;
}

}  // namespace

core::Result<void> serve(const ServeOptions& options, std::ostream& out) {
  {
    LIMBER_TRY_ASSIGN(auto connection, pg::Connection::open(options.database));
    LIMBER_TRY_ASSIGN(const int version, schema_version(connection));
    if (version > latest_schema_version()) {
      return core::fail(core::ErrorCode::kTooNew,
                        fmt::format("the clinic's database is at schema version {}, newer than "
                                    "this limber-clinic knows ({})",
                                    version, latest_schema_version()));
    }
    if (version < latest_schema_version()) {
      return core::fail(core::ErrorCode::kInvalidInput,
                        fmt::format("the clinic's database is at schema version {}, not {}: run "
                                    "limber-clinic migrate as limber_clinic_owner first",
                                    version, latest_schema_version()));
    }
  }
  server::TlsListenOptions listen;
  listen.binds = {options.bind};
  listen.port = options.port;
  listen.threads = options.threads;
  listen.headers = headers_of;
  if (!options.trial_ca.empty()) {
    LIMBER_TRY_ASSIGN(const auto identity, trial_certificate(options.trial_ca, options.bind));
    listen.certificate = identity.certificate;
    listen.key = identity.key;
  } else {
    LIMBER_TRY_ASSIGN(listen.certificate, read_file(options.certificate));
    LIMBER_TRY_ASSIGN(listen.key, read_file(options.key));
  }

  // The signals are waited for, not handled: blocked here, before the listener's threads
  // start, so every thread inherits the mask and sigwait() below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  ConnectionPool pool(options.database);
  ClinicApi api(pool, app::system_random_bytes, now);
  LIMBER_TRY_ASSIGN(auto listener, tls::listen_with_microhttpd(listen));
  listener->serve([&api](server::HttpRequest& request) { return api.answer(request); });
  const bool ipv6 = options.bind.find(':') != std::string::npos;
  out << fmt::format("limber-clinic serves https://{}{}{}:{}/", ipv6 ? "[" : "", options.bind,
                     ipv6 ? "]" : "", listener->port())
      << std::endl;
  int signal = 0;
  sigwait(&stop_signals, &signal);
  listener->stop();
  return {};
}

}  // namespace limber::clinic
