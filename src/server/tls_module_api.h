// The contract between limber and its TLS module, limber-tls.so (src/tls/): the code that
// links libmicrohttpd and GnuTLS, loaded with dlopen() only when `limber serve --phone` asks
// for the phone's listener (server/tls_module.h), so every other command starts without
// them (ARCHITECTURE.md, "Start-up is a feature"). Both sides are built from this one
// header by the same compiler in the same build; kTlsModuleAbi and the size check in the
// loader refuse a module from another build.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "core/server_certificate.h"
#include "server/http_listener.h"

namespace limber::server {

inline constexpr int kTlsModuleAbi = 2;
// The file's name, beside the `limber` program or in LIBDIR/limber/.
inline constexpr const char* kTlsModuleFile = "limber-tls.so";
// The function the module exports (extern "C", returns const TlsModule*).
inline constexpr const char* kTlsModuleSymbol = "limber_tls_module";

struct TlsListenOptions {
  // IPv4 or IPv6 literals, all on the same port.
  std::vector<std::string> binds;
  int port = 0;  // 0: any free port (the first address's choice, then the same for the rest)
  int threads = 1;
  std::chrono::milliseconds request_arrival_limit{5000};
  // PEM: the server's certificate and its private key.
  std::string certificate;
  std::string key;
  // The answer's headers as the adapter sends them (server/response_headers.h), given by
  // limber so the module needs none of limber_server's code.
  std::function<HttpFields(const HttpAnswer&)> headers;
};

// A TLS listener: HttpListener::port() and the addresses it listens on.
class TlsListener : public HttpListener {
 public:
  [[nodiscard]] virtual const std::vector<std::string>& binds() const = 0;
};

// A key and its certificate, both PEM.
struct KeyAndCertificate {
  std::string key;
  std::string certificate;
};

// One HTTPS request of `limber share` to a clinic (issue 17). Only https:// is taken, and
// the server's certificate is always verified: against the system's CAs, or against the
// CAs of `ca_file` (a clinic's own, given with --clinic-ca) instead.
struct HttpsCall {
  std::string method;  // "POST", "PUT", "DELETE", "GET"
  std::string url;
  std::string body;
  std::string content_type;  // of the body; empty: none sent
  std::string bearer;        // "Authorization: Bearer ..."; empty: none
  std::string ca_file;       // PEM; empty: the system's CAs
  std::chrono::seconds timeout{60};
};

struct HttpsReply {
  int status = 0;
  std::string body;
};

struct TlsModule {
  int abi;
  std::size_t options_size;  // sizeof(TlsListenOptions) as the module was built
  // Listens on every address of options.binds. kIo naming the address that cannot be
  // bound; kInvalidInput for a certificate or key GnuTLS cannot read.
  core::Result<std::unique_ptr<TlsListener>> (*listen)(const TlsListenOptions& options);
  // A new certificate authority: ECDSA P-256, named `common_name`, basicConstraints CA,
  // keyUsage certSign, valid from now - kBackdate for kAuthorityLifetime.
  core::Result<KeyAndCertificate> (*make_authority)(const std::string& common_name,
                                                    core::Instant now);
  // A server certificate for `names` (IP addresses and DNS names) signed by `authority`:
  // ECDSA P-256, serverAuth, valid from now - kBackdate for kServerCertificateLifetime.
  core::Result<KeyAndCertificate> (*issue_server)(const KeyAndCertificate& authority,
                                                  const std::vector<std::string>& names,
                                                  core::Instant now);
  // The names, validity and issuer of `certificate`, checked against `authority` (PEM).
  core::Result<core::CertificateFacts> (*read_certificate)(const std::string& certificate,
                                                           const std::string& authority);
  // The SHA-256 fingerprint of a PEM certificate, as phones show it: "AB:CD:...".
  core::Result<std::string> (*fingerprint)(const std::string& certificate);
  // Sends `call` with libcurl (built with GnuTLS) and returns the answer, whatever its
  // status. kInvalidInput for a URL that is not https://; kBusy when the clinic cannot be
  // reached or does not answer in time; kIo when its certificate does not verify, naming
  // why.
  core::Result<HttpsReply> (*https)(const HttpsCall& call);
};

}  // namespace limber::server
