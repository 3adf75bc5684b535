// The phone listener's certificates, kept in DATA/tls/ (folder 0700, files 0600): the
// per-install certificate authority (ca.pem, ca-key.pem), made on first use and kept, and
// the server certificate it signs (server.pem, server-key.pem), made anew by itself when
// the addresses change or its end is near (core::renewal). Nothing here is sent anywhere
// but the server certificate, in each TLS handshake; the CA's certificate goes to a phone
// only when its owner carries it there (docs/phone.md).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "core/server_certificate.h"
#include "server/tls_module_api.h"

namespace limber::server {

inline constexpr const char* kTlsFolder = "tls";
inline constexpr const char* kAuthorityFile = "ca.pem";
inline constexpr const char* kAuthorityKeyFile = "ca-key.pem";
inline constexpr const char* kServerCertificateFile = "server.pem";
inline constexpr const char* kServerKeyFile = "server-key.pem";

struct PhoneIdentity {
  KeyAndCertificate server;                      // for the listener
  std::filesystem::path authority_file;          // the CA certificate a phone installs
  std::string authority_fingerprint;             // its SHA-256, "AB:CD:..."
  std::vector<std::string> names;                // the server certificate's names
  bool new_authority = false;                    // the CA was made just now
  core::Renewal renewal = core::Renewal::kKeep;  // why the server certificate was made anew
};

// The identity for `addresses` on `hostname`, from the files in `folder` (made when
// missing, the server certificate made anew when core::renewal says so). kIo when the
// folder or a file cannot be written.
core::Result<PhoneIdentity> phone_identity(const TlsModule& module,
                                           const std::filesystem::path& folder,
                                           std::string_view hostname,
                                           const std::vector<std::string>& addresses,
                                           core::Instant now);

// The SHA-256 fingerprint of the CA in `folder` (for the pairing screen); kNotFound when
// there is none yet.
core::Result<std::string> authority_fingerprint(const TlsModule& module,
                                                const std::filesystem::path& folder);

}  // namespace limber::server
