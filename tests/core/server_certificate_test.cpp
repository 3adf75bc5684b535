#include "core/server_certificate.h"

#include <gtest/gtest.h>

#include "support/clock.h"

namespace limber::core {
namespace {

using testing::kNoon;

CertificateFacts good_for(std::vector<std::string> names, Instant made) {
  return {std::move(names), made - kBackdate, made - kBackdate + kServerCertificateLifetime, true};
}

TEST(ServerCertificateTest, NamesAreTheAddressesThenTheHostOnTheLocalNetwork) {
  EXPECT_EQ(certificate_names("Kitchen-PC", {"192.168.1.20", "10.0.0.5"}),
            (std::vector<std::string>{"192.168.1.20", "10.0.0.5", "kitchen-pc.local"}));
  // A fully qualified host name gives its first label; an address named twice counts once.
  EXPECT_EQ(certificate_names("desk.example.org", {"127.0.0.2", "127.0.0.2"}),
            (std::vector<std::string>{"127.0.0.2", "desk.local"}));
  // A host name that is no DNS label gives no .local name rather than a wrong one.
  EXPECT_EQ(certificate_names("my_pc", {"127.0.0.2"}), (std::vector<std::string>{"127.0.0.2"}));
  EXPECT_EQ(certificate_names("", {"127.0.0.2"}), (std::vector<std::string>{"127.0.0.2"}));
}

TEST(ServerCertificateTest, TheAuthorityIsNamedForTheComputer) {
  EXPECT_EQ(authority_name("kitchen-pc"), "limber on kitchen-pc");
  EXPECT_EQ(authority_name(""), "limber on this computer");
}

TEST(ServerCertificateTest, AGoodCertificateIsKept) {
  const std::vector<std::string> names{"192.168.1.20", "pc.local"};
  EXPECT_EQ(renewal(good_for(names, kNoon), names, kNoon), Renewal::kKeep);
  // The same names in another order and case are the same names.
  EXPECT_EQ(renewal(good_for({"PC.local", "192.168.1.20"}, kNoon), names, kNoon), Renewal::kKeep);
}

TEST(ServerCertificateTest, ANewAddressMakesANewCertificate) {
  const auto facts = good_for({"127.0.0.2", "pc.local"}, kNoon);
  EXPECT_EQ(renewal(facts, {"127.0.0.3", "pc.local"}, kNoon), Renewal::kNamesChanged);
  EXPECT_EQ(renewal(facts, {"127.0.0.2", "127.0.0.3", "pc.local"}, kNoon), Renewal::kNamesChanged);
  EXPECT_EQ(renewal_reason(Renewal::kNamesChanged), "the addresses changed");
}

TEST(ServerCertificateTest, ACertificateNearItsEndIsMadeAnewThirtyDaysBefore) {
  const std::vector<std::string> names{"127.0.0.2"};
  const auto facts = good_for(names, kNoon);
  const Instant end = facts.not_after;
  EXPECT_EQ(renewal(facts, names, end - kRenewBefore - std::chrono::seconds{1}), Renewal::kKeep);
  EXPECT_EQ(renewal(facts, names, end - kRenewBefore), Renewal::kKeep);
  EXPECT_EQ(renewal(facts, names, end - kRenewBefore + std::chrono::seconds{1}),
            Renewal::kExpiring);
  EXPECT_EQ(renewal(facts, names, end + std::chrono::days{5}), Renewal::kExpiring);
  // A clock that went back before the certificate began: made anew, valid from now.
  EXPECT_EQ(renewal(facts, names, facts.not_before - std::chrono::seconds{1}), Renewal::kExpiring);
}

TEST(ServerCertificateTest, AMissingOrForeignCertificateIsMadeAnew) {
  const std::vector<std::string> names{"127.0.0.2"};
  EXPECT_EQ(renewal(std::nullopt, names, kNoon), Renewal::kMissing);
  auto foreign = good_for(names, kNoon);
  foreign.signed_by_authority = false;
  EXPECT_EQ(renewal(foreign, names, kNoon), Renewal::kOtherAuthority);
}

TEST(ServerCertificateTest, NoCertificateIsValidForMoreThan397Days) {
  EXPECT_LE(kServerCertificateLifetime, std::chrono::days{397});
  EXPECT_GT(kServerCertificateLifetime, kRenewBefore);
}

}  // namespace
}  // namespace limber::core
