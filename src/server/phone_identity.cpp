#include "server/phone_identity.h"

#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "app/files.h"
#include "store/private_files.h"

namespace limber::server {
namespace {

// The file's text, or nothing when it is missing or cannot be read (it is then made anew).
std::optional<std::string> read_if_there(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error))
    return std::nullopt;
  auto text = app::read_file(file);
  if (!text)
    return std::nullopt;
  return std::move(*text);
}

core::Result<void> write_private(const std::filesystem::path& file, const std::string& text) {
  // write_file_atomically makes it 0600 whatever the umask.
  return app::write_file_atomically(file, text);
}

}  // namespace

core::Result<PhoneIdentity> phone_identity(const TlsModule& module,
                                           const std::filesystem::path& folder,
                                           std::string_view hostname,
                                           const std::vector<std::string>& addresses,
                                           core::Instant now) {
  store::Tightened tightened;
  LIMBER_TRY(store::make_private_folder(folder, tightened));
  PhoneIdentity identity;
  identity.authority_file = folder / kAuthorityFile;
  identity.names = core::certificate_names(hostname, addresses);

  KeyAndCertificate authority;
  const auto ca = read_if_there(identity.authority_file);
  const auto ca_key = read_if_there(folder / kAuthorityKeyFile);
  if (ca && ca_key) {
    authority = {*ca_key, *ca};
  } else {
    LIMBER_TRY_ASSIGN(authority, module.make_authority(core::authority_name(hostname), now));
    LIMBER_TRY(write_private(folder / kAuthorityKeyFile, authority.key));
    LIMBER_TRY(write_private(identity.authority_file, authority.certificate));
    identity.new_authority = true;
  }

  std::optional<core::CertificateFacts> facts;
  const auto certificate = read_if_there(folder / kServerCertificateFile);
  const auto key = read_if_there(folder / kServerKeyFile);
  if (certificate && key) {
    auto read = module.read_certificate(*certificate, authority.certificate);
    if (read)
      facts = std::move(*read);
    identity.server = {*key, *certificate};
  }
  identity.renewal = core::renewal(facts, identity.names, now);
  if (identity.renewal != core::Renewal::kKeep) {
    LIMBER_TRY_ASSIGN(identity.server, module.issue_server(authority, identity.names, now));
    LIMBER_TRY(write_private(folder / kServerKeyFile, identity.server.key));
    LIMBER_TRY(write_private(folder / kServerCertificateFile, identity.server.certificate));
  }
  LIMBER_TRY_ASSIGN(identity.authority_fingerprint, module.fingerprint(authority.certificate));
  return identity;
}

core::Result<std::string> authority_fingerprint(const TlsModule& module,
                                                const std::filesystem::path& folder) {
  const auto ca = read_if_there(folder / kAuthorityFile);
  if (!ca) {
    return core::fail(core::ErrorCode::kNotFound,
                      fmt::format("there is no certificate authority in {} yet", folder.string()));
  }
  return module.fingerprint(*ca);
}

}  // namespace limber::server
