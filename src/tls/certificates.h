// Certificates made with GnuTLS's X.509 API (gnutls/x509.h): the per-install certificate
// authority and the server certificate it signs for the phone's listener. Part of
// limber-tls.so; limber decides when to call these (core/server_certificate.h) and keeps
// the files (server/phone_identity.h).
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "core/server_certificate.h"
#include "server/tls_module_api.h"

namespace limber::tls {

core::Result<server::KeyAndCertificate> make_authority(const std::string& common_name,
                                                       core::Instant now);
core::Result<server::KeyAndCertificate> issue_server(const server::KeyAndCertificate& authority,
                                                     const std::vector<std::string>& names,
                                                     core::Instant now);
core::Result<core::CertificateFacts> read_certificate(const std::string& certificate,
                                                      const std::string& authority);
core::Result<std::string> fingerprint(const std::string& certificate);

}  // namespace limber::tls
