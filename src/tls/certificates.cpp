#include "tls/certificates.h"

#include <array>
#include <memory>
#include <string_view>

#include <arpa/inet.h>
#include <fmt/format.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

namespace limber::tls {
namespace {

using core::ErrorCode;
using core::fail;
using server::KeyAndCertificate;

struct CertificateDeleter {
  void operator()(gnutls_x509_crt_int* crt) const { gnutls_x509_crt_deinit(crt); }
};
struct KeyDeleter {
  void operator()(gnutls_x509_privkey_int* key) const { gnutls_x509_privkey_deinit(key); }
};
using Certificate = std::unique_ptr<gnutls_x509_crt_int, CertificateDeleter>;
using Key = std::unique_ptr<gnutls_x509_privkey_int, KeyDeleter>;

core::Unexpected failed(std::string_view what, int code) {
  return fail(ErrorCode::kIo, fmt::format("{}: {}", what, gnutls_strerror(code)));
}

gnutls_datum_t datum(const std::string& text) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): GnuTLS's C API reads it only
  return {reinterpret_cast<unsigned char*>(const_cast<char*>(text.data())),  // NOLINT
          static_cast<unsigned>(text.size())};
}

// Takes a datum GnuTLS allocated and returns its bytes as a string.
std::string take(gnutls_datum_t& out) {
  std::string text(reinterpret_cast<const char*>(out.data), out.size);  // NOLINT: C API
  gnutls_free(out.data);
  out.data = nullptr;
  return text;
}

core::Result<Certificate> import_certificate(const std::string& pem, std::string_view what) {
  gnutls_x509_crt_t raw = nullptr;
  if (const int code = gnutls_x509_crt_init(&raw); code < 0)
    return failed(what, code);
  Certificate crt(raw);
  const gnutls_datum_t data = datum(pem);
  if (const int code = gnutls_x509_crt_import(crt.get(), &data, GNUTLS_X509_FMT_PEM); code < 0)
    return fail(ErrorCode::kInvalidInput,
                fmt::format("{} is not a PEM certificate: {}", what, gnutls_strerror(code)));
  return crt;
}

core::Result<Key> import_key(const std::string& pem, std::string_view what) {
  gnutls_x509_privkey_t raw = nullptr;
  if (const int code = gnutls_x509_privkey_init(&raw); code < 0)
    return failed(what, code);
  Key key(raw);
  const gnutls_datum_t data = datum(pem);
  if (const int code = gnutls_x509_privkey_import(key.get(), &data, GNUTLS_X509_FMT_PEM);
      code < 0) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("{} is not a PEM private key: {}", what, gnutls_strerror(code)));
  }
  return key;
}

core::Result<Key> new_key() {
  gnutls_x509_privkey_t raw = nullptr;
  if (const int code = gnutls_x509_privkey_init(&raw); code < 0)
    return failed("cannot make a key", code);
  Key key(raw);
  if (const int code = gnutls_x509_privkey_generate(
          key.get(), GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0);
      code < 0) {
    return failed("cannot make an ECDSA P-256 key", code);
  }
  return key;
}

// A certificate for `key` with a random serial, a common name and a validity.
core::Result<Certificate> new_certificate(gnutls_x509_privkey_t key, const std::string& name,
                                          core::Instant from, core::Instant until) {
  gnutls_x509_crt_t raw = nullptr;
  if (const int code = gnutls_x509_crt_init(&raw); code < 0)
    return failed("cannot make a certificate", code);
  Certificate crt(raw);
  std::array<unsigned char, 16> serial{};
  if (const int code = gnutls_rnd(GNUTLS_RND_NONCE, serial.data(), serial.size()); code < 0)
    return failed("no random numbers for a certificate", code);
  serial[0] &= 0x7f;  // a positive number
  serial[0] |= 0x01;  // and no leading zero byte
  int code = gnutls_x509_crt_set_version(crt.get(), 3);
  if (code >= 0)
    code = gnutls_x509_crt_set_serial(crt.get(), serial.data(), serial.size());
  if (code >= 0)
    code = gnutls_x509_crt_set_activation_time(crt.get(), from.time_since_epoch().count());
  if (code >= 0)
    code = gnutls_x509_crt_set_expiration_time(crt.get(), until.time_since_epoch().count());
  if (code >= 0) {
    code = gnutls_x509_crt_set_dn_by_oid(crt.get(), GNUTLS_OID_X520_COMMON_NAME, 0, name.data(),
                                         static_cast<unsigned>(name.size()));
  }
  if (code >= 0)
    code = gnutls_x509_crt_set_key(crt.get(), key);
  std::array<unsigned char, 64> id{};
  std::size_t id_size = id.size();
  if (code >= 0)
    code = gnutls_x509_crt_get_key_id(crt.get(), GNUTLS_KEYID_USE_SHA1, id.data(), &id_size);
  if (code >= 0)
    code = gnutls_x509_crt_set_subject_key_id(crt.get(), id.data(), id_size);
  if (code < 0)
    return failed("cannot fill in a certificate", code);
  return crt;
}

core::Result<KeyAndCertificate> export_both(gnutls_x509_privkey_t key, gnutls_x509_crt_t crt) {
  gnutls_datum_t out{};
  if (const int code = gnutls_x509_privkey_export2_pkcs8(key, GNUTLS_X509_FMT_PEM, nullptr,
                                                         GNUTLS_PKCS_PLAIN, &out);
      code < 0) {
    return failed("cannot write a private key", code);
  }
  KeyAndCertificate both;
  both.key = take(out);
  if (const int code = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, &out); code < 0)
    return failed("cannot write a certificate", code);
  both.certificate = take(out);
  return both;
}

// "192.168.1.20" or "fd00::1" as the 4 or 16 bytes of an iPAddress name; empty otherwise.
std::string ip_bytes(const std::string& name) {
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET, name.c_str(), bytes.data()) == 1)
    return {reinterpret_cast<const char*>(bytes.data()), 4};  // NOLINT: bytes as chars
  if (inet_pton(AF_INET6, name.c_str(), bytes.data()) == 1)
    return {reinterpret_cast<const char*>(bytes.data()), 16};  // NOLINT: bytes as chars
  return {};
}

}  // namespace

core::Result<KeyAndCertificate> make_authority(const std::string& common_name, core::Instant now) {
  LIMBER_TRY_ASSIGN(Key key, new_key());
  LIMBER_TRY_ASSIGN(Certificate crt, new_certificate(key.get(), common_name, now - core::kBackdate,
                                                     now + core::kAuthorityLifetime));
  int code = gnutls_x509_crt_set_basic_constraints(crt.get(), 1, 0);
  if (code >= 0)
    code = gnutls_x509_crt_set_key_usage(crt.get(), GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_CRL_SIGN);
  if (code >= 0)
    code = gnutls_x509_crt_sign2(crt.get(), crt.get(), key.get(), GNUTLS_DIG_SHA256, 0);
  if (code < 0)
    return failed("cannot sign the certificate authority", code);
  return export_both(key.get(), crt.get());
}

core::Result<KeyAndCertificate> issue_server(const KeyAndCertificate& authority,
                                             const std::vector<std::string>& names,
                                             core::Instant now) {
  if (names.empty())
    return fail(ErrorCode::kInvalidInput, "a server certificate needs at least one name");
  LIMBER_TRY_ASSIGN(Certificate ca, import_certificate(authority.certificate, "the CA"));
  LIMBER_TRY_ASSIGN(Key ca_key, import_key(authority.key, "the CA's key"));
  LIMBER_TRY_ASSIGN(Key key, new_key());
  const core::Instant from = now - core::kBackdate;
  LIMBER_TRY_ASSIGN(Certificate crt, new_certificate(key.get(), names.front(), from,
                                                     from + core::kServerCertificateLifetime));
  int code = gnutls_x509_crt_set_basic_constraints(crt.get(), 0, -1);
  if (code >= 0) {
    code = gnutls_x509_crt_set_key_usage(crt.get(), GNUTLS_KEY_DIGITAL_SIGNATURE);
  }
  if (code >= 0)
    code = gnutls_x509_crt_set_key_purpose_oid(crt.get(), GNUTLS_KP_TLS_WWW_SERVER, 0);
  for (const auto& name : names) {
    if (code < 0)
      break;
    const std::string ip = ip_bytes(name);
    code = ip.empty()
               ? gnutls_x509_crt_set_subject_alt_name(crt.get(), GNUTLS_SAN_DNSNAME, name.data(),
                                                      static_cast<unsigned>(name.size()),
                                                      GNUTLS_FSAN_APPEND)
               : gnutls_x509_crt_set_subject_alt_name(crt.get(), GNUTLS_SAN_IPADDRESS, ip.data(),
                                                      static_cast<unsigned>(ip.size()),
                                                      GNUTLS_FSAN_APPEND);
  }
  std::array<unsigned char, 64> id{};
  std::size_t id_size = id.size();
  if (code >= 0)
    code = gnutls_x509_crt_get_subject_key_id(ca.get(), id.data(), &id_size, nullptr);
  if (code >= 0)
    code = gnutls_x509_crt_set_authority_key_id(crt.get(), id.data(), id_size);
  if (code >= 0)
    code = gnutls_x509_crt_sign2(crt.get(), ca.get(), ca_key.get(), GNUTLS_DIG_SHA256, 0);
  if (code < 0)
    return failed("cannot sign the server certificate", code);
  return export_both(key.get(), crt.get());
}

core::Result<core::CertificateFacts> read_certificate(const std::string& certificate,
                                                      const std::string& authority) {
  LIMBER_TRY_ASSIGN(Certificate crt, import_certificate(certificate, "the server certificate"));
  LIMBER_TRY_ASSIGN(Certificate ca, import_certificate(authority, "the CA"));
  core::CertificateFacts facts;
  facts.not_before =
      core::Instant{std::chrono::seconds{gnutls_x509_crt_get_activation_time(crt.get())}};
  facts.not_after =
      core::Instant{std::chrono::seconds{gnutls_x509_crt_get_expiration_time(crt.get())}};
  for (unsigned i = 0;; ++i) {
    std::array<char, 256> name{};
    std::size_t size = name.size();
    const int type =
        gnutls_x509_crt_get_subject_alt_name(crt.get(), i, name.data(), &size, nullptr);
    if (type < 0)
      break;  // GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE: no more
    if (type == GNUTLS_SAN_DNSNAME) {
      facts.names.emplace_back(name.data(), size);
    } else if (type == GNUTLS_SAN_IPADDRESS && (size == 4 || size == 16)) {
      std::array<char, INET6_ADDRSTRLEN> text{};
      if (inet_ntop(size == 4 ? AF_INET : AF_INET6, name.data(), text.data(), text.size()) !=
          nullptr) {
        facts.names.emplace_back(text.data());
      }
    }
  }
  gnutls_x509_crt_t authorities = ca.get();
  unsigned status = 0;
  facts.signed_by_authority =
      gnutls_x509_crt_verify(crt.get(), &authorities, 1, 0, &status) >= 0 && status == 0;
  return facts;
}

core::Result<std::string> fingerprint(const std::string& certificate) {
  LIMBER_TRY_ASSIGN(Certificate crt, import_certificate(certificate, "the CA"));
  std::array<unsigned char, 32> digest{};
  std::size_t size = digest.size();
  if (const int code =
          gnutls_x509_crt_get_fingerprint(crt.get(), GNUTLS_DIG_SHA256, digest.data(), &size);
      code < 0) {
    return failed("cannot read the CA's fingerprint", code);
  }
  std::string text;
  for (std::size_t i = 0; i < size; ++i)
    text += fmt::format("{}{:02X}", i == 0 ? "" : ":", digest[i]);  // NOLINT: bounded by size
  return text;
}

}  // namespace limber::tls
