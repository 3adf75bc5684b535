// The phone's certificates as limber makes and keeps them (server/phone_identity.h), with
// the real TLS module and files in a temp dir; read back by GnuTLS's certtool and OpenSSL.
#include "server/phone_identity.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "phone_tls_fixture.h"
#include "support/clock.h"
#include "support/file_mode.h"

namespace limber::testing {
namespace {

class PhoneIdentityTest : public ::testing::Test {
 protected:
  core::Result<server::PhoneIdentity> identity(const std::vector<std::string>& addresses,
                                               core::Instant now) {
    return server::phone_identity(tls_module(), folder(), "Testhost", addresses, now);
  }
  [[nodiscard]] std::filesystem::path folder() const { return dir_.path() / "tls"; }
  [[nodiscard]] std::string file(const char* name) const { return slurp(folder() / name); }
  // certtool's description of a PEM certificate file.
  [[nodiscard]] std::string describe(const char* name) const {
    return run_shell("certtool -i --infile '" + (folder() / name).string() + "'").out;
  }

  TempDir dir_;
};

TEST_F(PhoneIdentityTest, FirstUseMakesAPrivateAuthorityAndACertificateItSigns) {
  const mode_t old_mask = umask(022);
  auto made = identity({"127.0.0.2"}, kNoon);
  umask(old_mask);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_TRUE(made->new_authority);
  EXPECT_EQ(made->renewal, core::Renewal::kMissing);
  EXPECT_EQ(made->authority_file, folder() / "ca.pem");
  EXPECT_EQ(made->names, (std::vector<std::string>{"127.0.0.2", "testhost.local"}));
  EXPECT_EQ(mode_of(folder()), 0700U);
  for (const char* name : {"ca-key.pem", "server-key.pem", "ca.pem", "server.pem"})
    EXPECT_EQ(mode_of(folder() / name), 0600U) << name;

  const std::string ca = describe("ca.pem");
  EXPECT_NE(ca.find("CN=limber on Testhost"), std::string::npos) << ca;
  EXPECT_NE(ca.find("Certificate Authority (CA): TRUE"), std::string::npos) << ca;
  EXPECT_NE(ca.find("Certificate signing"), std::string::npos) << ca;
  EXPECT_NE(ca.find("SECP256R1"), std::string::npos) << ca;
  const std::string server = describe("server.pem");
  EXPECT_NE(server.find("IPAddress: 127.0.0.2"), std::string::npos) << server;
  EXPECT_NE(server.find("DNSname: testhost.local"), std::string::npos) << server;
  EXPECT_NE(server.find("Certificate Authority (CA): FALSE"), std::string::npos) << server;
  EXPECT_NE(server.find("TLS WWW Server"), std::string::npos) << server;

  auto facts = tls_module().read_certificate(file("server.pem"), file("ca.pem"));
  ASSERT_TRUE(facts) << facts.error().message;
  EXPECT_TRUE(facts->signed_by_authority);
  EXPECT_LE(facts->not_after - facts->not_before, std::chrono::days{397});
  EXPECT_LE(facts->not_before, kNoon);
}

TEST_F(PhoneIdentityTest, TheFingerprintIsTheCertificatesSha256AsOpensslReadsIt) {
  auto made = identity({"127.0.0.2"}, kNoon);
  ASSERT_TRUE(made) << made.error().message;
  const ShellResult openssl = run_shell("openssl x509 -noout -fingerprint -sha256 -in '" +
                                        made->authority_file.string() + "'");
  ASSERT_EQ(openssl.code, 0) << openssl.out;
  const std::string expected = openssl.out.substr(openssl.out.find('=') + 1, 95);
  EXPECT_EQ(made->authority_fingerprint, expected);
  EXPECT_EQ(made->authority_fingerprint.size(), 95U);  // 32 bytes, "AB:" each, less one colon
  auto read = server::authority_fingerprint(tls_module(), folder());
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(*read, expected);
}

TEST_F(PhoneIdentityTest, AGoodCertificateIsKeptAsItIs) {
  ASSERT_TRUE(identity({"127.0.0.2"}, kNoon));
  const std::string first = file("server.pem");
  auto again = identity({"127.0.0.2"}, kNoon + std::chrono::days{100});
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->new_authority);
  EXPECT_EQ(again->renewal, core::Renewal::kKeep);
  EXPECT_EQ(file("server.pem"), first);
  EXPECT_EQ(again->server.certificate, first);
}

TEST_F(PhoneIdentityTest, ANewAddressGetsANewCertificateFromTheSameAuthority) {
  ASSERT_TRUE(identity({"127.0.0.2"}, kNoon));
  const std::string ca = file("ca.pem");
  const std::string ca_key = file("ca-key.pem");
  auto moved = identity({"127.0.0.3"}, kNoon + std::chrono::days{1});
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_FALSE(moved->new_authority);
  EXPECT_EQ(moved->renewal, core::Renewal::kNamesChanged);
  EXPECT_EQ(file("ca.pem"), ca);
  EXPECT_EQ(file("ca-key.pem"), ca_key);
  const std::string server = describe("server.pem");
  EXPECT_NE(server.find("IPAddress: 127.0.0.3"), std::string::npos) << server;
  EXPECT_EQ(server.find("IPAddress: 127.0.0.2"), std::string::npos) << server;
  const ShellResult verified =
      run_shell("certtool --verify --load-ca-certificate '" + (folder() / "ca.pem").string() +
                "' --infile '" + (folder() / "server.pem").string() + "'");
  EXPECT_EQ(verified.code, 0) << verified.out;
}

TEST_F(PhoneIdentityTest, ACertificateNearItsEndIsMadeAnewAndTheAuthorityKept) {
  ASSERT_TRUE(identity({"127.0.0.2"}, kNoon));
  const std::string ca = file("ca.pem");
  auto later = identity({"127.0.0.2"}, kNoon + std::chrono::days{370});
  ASSERT_TRUE(later) << later.error().message;
  EXPECT_EQ(later->renewal, core::Renewal::kExpiring);
  EXPECT_EQ(file("ca.pem"), ca);
  auto facts = tls_module().read_certificate(file("server.pem"), ca);
  ASSERT_TRUE(facts);
  EXPECT_GT(facts->not_after, kNoon + std::chrono::days{370 + 300});
}

TEST_F(PhoneIdentityTest, ALostAuthorityKeyMakesANewAuthorityAndCertificate) {
  ASSERT_TRUE(identity({"127.0.0.2"}, kNoon));
  const std::string ca = file("ca.pem");
  std::filesystem::remove(folder() / "ca-key.pem");
  auto made = identity({"127.0.0.2"}, kNoon);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_TRUE(made->new_authority);
  EXPECT_EQ(made->renewal, core::Renewal::kOtherAuthority);
  EXPECT_NE(file("ca.pem"), ca);
}

TEST_F(PhoneIdentityTest, NoFingerprintBeforeTheAuthorityIsMade) {
  auto read = server::authority_fingerprint(tls_module(), folder());
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace limber::testing
