// The phone's HTTPS listener, real: TLS handshakes verified against this install's CA,
// plain HTTP on the HTTPS port, the HTTPS names' Host and Origin checks, and the Secure
// login cookie (issue 14).
#include <array>
#include <chrono>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "phone_tls_fixture.h"

namespace limber::testing {
namespace {

TEST_F(PhoneServerTest, AHandshakeVerifiesTheChainAndTheAddressWithThisInstallsAuthority) {
  const ShellResult run = handshake(ca_file());
  EXPECT_EQ(run.code, 0) << run.out;
  EXPECT_NE(run.out.find("Handshake was completed"), std::string::npos) << run.out;
}

TEST_F(PhoneServerTest, AnotherAuthorityIsNotTrusted) {
  // The check above can fail: the same handshake trusting only a CA of another install.
  auto other = tls_module().make_authority("limber on elsewhere", real_now());
  ASSERT_TRUE(other) << other.error().message;
  const auto other_file = dir_.path() / "other-ca.pem";
  std::ofstream(other_file) << other->certificate;
  const ShellResult run = handshake(other_file);
  EXPECT_NE(run.code, 0) << run.out;
  EXPECT_EQ(run.out.find("Handshake was completed"), std::string::npos) << run.out;
}

TEST_F(PhoneServerTest, TheComputersLocalNameIsInTheCertificate) {
  const ShellResult named = handshake(ca_file(), "testhost.local");
  EXPECT_EQ(named.code, 0) << named.out;
  // A name it does not carry fails the check.
  const ShellResult other = handshake(ca_file(), "otherhost.local");
  EXPECT_NE(other.code, 0) << other.out;
}

TEST_F(PhoneServerTest, PlainHttpOnTheHttpsPortGetsAClearAnswerNotAHang) {
  httplib::Client client(kPhoneAddress, phone_port_);
  client.set_read_timeout(10, 0);
  const auto result = client.Get("/");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 400);
  EXPECT_NE(
      result->body.find("This address speaks HTTPS: open https://" + phone_host() + "/ instead."),
      std::string::npos)
      << result->body;
}

TEST_F(PhoneServerTest, ThePageAndTheApiAnswerOverHttpsWithTheToken) {
  const CurlAnswer page = curl("/", std::string("-H 'Authorization: Bearer ") + kPhoneToken + "'");
  ASSERT_EQ(page.status, 200) << page.log;
  EXPECT_NE(page.body.find("<!doctype html>"), std::string::npos);
  const CurlAnswer today =
      curl("/api/today", std::string("-H 'Authorization: Bearer ") + kPhoneToken + "'");
  ASSERT_EQ(today.status, 200) << today.log;
  EXPECT_NE(today.body.find("\"plan\""), std::string::npos) << today.body;
  // The server's default headers ride on the module's answers too.
  EXPECT_NE(today.headers.find("Content-Security-Policy"), std::string::npos) << today.headers;
  const CurlAnswer refused = curl("/api/today");
  EXPECT_EQ(refused.status, 401) << refused.log;
}

TEST_F(PhoneServerTest, TheHttpsListenerAnswersOnlyToItsCertificatesNames) {
  const std::string bearer = std::string("-H 'Authorization: Bearer ") + kPhoneToken + "'";
  EXPECT_EQ(curl("/api/today", bearer, "testhost.local").status, 200);
  const std::string port = std::to_string(phone_port_);
  for (const std::string& host : {"localhost:" + port, "127.0.0.1:" + port, "evil.example:" + port,
                                  std::string(kPhoneAddress) + ":1"}) {
    const CurlAnswer answer =
        curl("/api/today", std::string(bearer).append(" -H 'Host: ").append(host).append("'"));
    EXPECT_EQ(answer.status, 403) << host << ": " << answer.log << answer.body;
  }
}

// Over HTTPS a phone logs in by pairing, not with a start-up key (those are printed for the
// desktop's browser): the key is refused there and not spent. A paired phone's cookie is
// Secure, and its writes need the HTTPS Origin.
TEST_F(PhoneServerTest, APhonePairsOverHttpsAndItsWritesNeedTheHttpsOrigin) {
  const std::string url = server_->start_url();
  const CurlAnswer key = curl(url.substr(url.find("/?token=")));
  EXPECT_EQ(key.status, 401) << key.log;
  EXPECT_NE(key.body.find("pair"), std::string::npos) << key.body;

  httplib::Client desktop("127.0.0.1", port_);
  const auto started = desktop.Post("/api/pairing",
                                    {{"Authorization", std::string("Bearer ") + kPhoneToken},
                                     {"Origin", "http://127.0.0.1:" + std::to_string(port_)}},
                                    "{}", "application/json");
  ASSERT_TRUE(started) << httplib::to_string(started.error());
  ASSERT_EQ(started->status, 201) << started->body;
  const auto pairing = nlohmann::json::parse(started->body);
  EXPECT_EQ(pairing["pair_url"].get<std::string>().rfind("https://" + phone_host() + "/pair#", 0),
            0U)
      << pairing;
  const std::string code = pairing["code"];

  const std::string json = "-X POST -H 'Content-Type: application/json' ";
  const CurlAnswer paired =
      curl("/api/pair", json + R"(-d '{"code": ")" + code + R"(", "name": "Test phone"}' )" +
                            "-H 'Origin: https://" + phone_host() + "'");
  ASSERT_EQ(paired.status, 201) << paired.body;
  const auto at = paired.headers.find("limber_device=");
  ASSERT_NE(at, std::string::npos) << paired.headers;
  const std::string cookie_line = paired.headers.substr(at, paired.headers.find('\n', at) - at);
  EXPECT_NE(cookie_line.find("; Secure"), std::string::npos) << cookie_line;
  const std::string cookie = cookie_line.substr(0, cookie_line.find(';'));

  const std::string write =
      json + R"(-d '{"kind": "walk", "minutes": 5}' -H 'Cookie: )" + cookie + "'";
  const CurlAnswer plain_origin =
      curl("/api/entries", write + " -H 'Origin: http://" + phone_host() + "'");
  EXPECT_EQ(plain_origin.status, 403) << plain_origin.body;
  EXPECT_NE(plain_origin.body.find("https://" + phone_host()), std::string::npos)
      << plain_origin.body;
  const CurlAnswer own_origin =
      curl("/api/entries", write + " -H 'Origin: https://" + phone_host() + "'");
  EXPECT_EQ(own_origin.status, 201) << own_origin.body;
  // Without the cookie the phone is sent to pair.
  const CurlAnswer stranger = curl("/api/today");
  EXPECT_EQ(stranger.status, 401) << stranger.body;
}

TEST_F(PhoneServerTest, TheDesktopListenerStaysPlainHttpOnLoopback) {
  httplib::Client client("127.0.0.1", port_);
  const auto result =
      client.Get("/api/today", {{"Authorization", std::string("Bearer ") + kPhoneToken}});
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 200);
  // The phone's names are not the desktop's.
  const auto phone_host_there =
      client.Get("/api/today",
                 {{"Authorization", std::string("Bearer ") + kPhoneToken}, {"Host", phone_host()}});
  ASSERT_TRUE(phone_host_there);
  EXPECT_EQ(phone_host_there->status, 403);
}

// A TCP connection to the phone's port; -1 when it cannot connect.
int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, kPhoneAddress, &address.sin_addr);
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// True when the server closes `fd` within `limit` (a bounded wait, not a timing check).
bool closed_within(int fd, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd watched{fd, POLLIN, 0};
    if (poll(&watched, 1, 200) <= 0)
      continue;
    std::array<char, 256> buffer{};
    const ssize_t got = recv(fd, buffer.data(), buffer.size(), 0);
    if (got <= 0)
      return true;
  }
  return false;
}

TEST_F(PhoneServerTest, SilentOrStalledConnectionsAreClosedAndBlockNoOne) {
  const int silent = connect_to(phone_port_);
  const int stalled = connect_to(phone_port_);
  ASSERT_GE(silent, 0);
  ASSERT_GE(stalled, 0);
  const unsigned char handshake_byte = 0x16;  // a TLS record that never goes on
  ASSERT_EQ(send(stalled, &handshake_byte, 1, MSG_NOSIGNAL), 1);
  // Meanwhile a phone connects as usual.
  const ShellResult run = handshake(ca_file());
  EXPECT_EQ(run.code, 0) << run.out;
  // Both are closed: the silent one by the listener's own loop, the stalled one by MHD's
  // idle limit (kRequestArrivalLimit each; three times that as the bound).
  EXPECT_TRUE(closed_within(
      silent, 3 * std::chrono::duration_cast<std::chrono::seconds>(server::kRequestArrivalLimit)));
  EXPECT_TRUE(closed_within(
      stalled, 3 * std::chrono::duration_cast<std::chrono::seconds>(server::kRequestArrivalLimit)));
  close(silent);
  close(stalled);
}

}  // namespace
}  // namespace limber::testing
