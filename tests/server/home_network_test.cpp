#include "server/home_network.h"

#include <gtest/gtest.h>

#include "server/security.h"

namespace limber::server {
namespace {

TEST(HomeNetworkTest, PrivateIpv4RangesAreTheHomeNetwork) {
  for (const char* address : {"192.168.1.20", "10.0.0.5", "172.16.0.1", "172.31.255.254"})
    EXPECT_TRUE(is_home_address(address)) << address;
  for (const char* address : {"127.0.0.1", "172.32.0.1", "172.15.0.1", "192.0.2.2", "8.8.8.8",
                              "fd00::1", "fe80::1", "192.168.1", "kitchen.local", ""}) {
    EXPECT_FALSE(is_home_address(address)) << address;
  }
}

TEST(HomeNetworkTest, TheAddressesFoundAreHomeAddressesOnly) {
  for (const auto& address : home_addresses()) {
    EXPECT_TRUE(is_home_address(address)) << address;
    EXPECT_FALSE(is_loopback(address)) << address;
  }
}

TEST(HttpsGuardTest, OnlyTheCertificatesNamesWithThePortAreAllowed) {
  const Guard guard = Guard::for_https({"192.168.1.20", "Kitchen.local"}, 5463, "t", "s");
  EXPECT_TRUE(guard.host_allowed("192.168.1.20:5463"));
  EXPECT_TRUE(guard.host_allowed("kitchen.LOCAL:5463"));
  EXPECT_FALSE(guard.host_allowed("192.168.1.20:5462"));
  EXPECT_FALSE(guard.host_allowed("192.168.1.20"));  // 443 by default
  EXPECT_FALSE(guard.host_allowed("localhost:5463"));
  EXPECT_FALSE(guard.host_allowed("127.0.0.1:5463"));
  EXPECT_FALSE(guard.host_allowed("192.168.1.21:5463"));
  EXPECT_FALSE(guard.host_allowed("evil.example:5463"));
}

TEST(HttpsGuardTest, TheOriginIsHttpsAndTheCookieSecure) {
  const Guard guard = Guard::for_https({"192.168.1.20"}, 5463, "t", "s");
  EXPECT_TRUE(guard.origin_allowed("https://192.168.1.20:5463", "192.168.1.20:5463"));
  EXPECT_FALSE(guard.origin_allowed("http://192.168.1.20:5463", "192.168.1.20:5463"));
  EXPECT_NE(guard.login_cookie().find("; Secure"), std::string::npos);
  EXPECT_EQ(guard.scheme(), "https");
  // The desktop's guard is as before.
  const Guard desktop("127.0.0.1", 5462, "t", "s");
  EXPECT_EQ(desktop.login_cookie().find("Secure"), std::string::npos);
  EXPECT_TRUE(desktop.origin_allowed("http://127.0.0.1:5462", "127.0.0.1:5462"));
  EXPECT_FALSE(desktop.host_allowed("kitchen.local:5462"));
}

}  // namespace
}  // namespace limber::server
