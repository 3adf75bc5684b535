// Pairing a phone over the real loopback server (issue 14): the desktop starts a pairing,
// the phone exchanges the code for its device cookie and uses it, a used code and wrong
// codes are refused, and a revoked phone is refused at once, also when another connection
// (the terminal's `limber devices revoke`) revokes it.
#include <fstream>

#include <gtest/gtest.h>

#include "server/phone.h"
#include "server_fixture.h"
#include "store/device_store.h"
#include "support/cli_words.h"

namespace limber::testing {
namespace {

constexpr const char* kAndroid =
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36";
constexpr const char* kFingerprint = "AB:CD:EF:01:23:45:67:89";

class PhonePairingTest : public ServerTest {
 protected:
  PhonePairingTest() {
    phone_ = server::PhoneAddress{"https://127.0.0.2:5463/", kFingerprint,
                                  "https://127.0.0.2:5463/ca.crt"};
    ca_file_ = dir_.path() / "ca.crt";
    std::ofstream(ca_file_) << "-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----\n";
  }

  // The desktop page starts a pairing; returns its answer.
  Answer start_pairing() {
    return post("/api/pairing", "{}",
                {{"Authorization", ""}, {"Cookie", login_cookie()}, {"Origin", origin()}});
  }

  // The browser's login cookie, from a start-up address.
  std::string login_cookie() {
    if (login_.empty()) {
      const Answer login = get(start_path(), {{"Authorization", ""}});
      const std::string set = login.header("Set-Cookie");
      login_ = set.substr(0, set.find(';'));
    }
    return login_;
  }

  // The phone sends its code, with no login.
  Answer phone_pairs(const std::string& code, const std::string& name = "") {
    nlohmann::json body = {{"code", code}};
    if (!name.empty())
      body["name"] = name;
    return post("/api/pair", body.dump(),
                {{"Authorization", ""}, {"Origin", origin()}, {"User-Agent", kAndroid}});
  }

  // A phone's request with its device cookie.
  Answer phone_get(const std::string& path, const std::string& cookie) {
    return get(path, {{"Authorization", ""}, {"Cookie", cookie}});
  }

  std::string login_;
};

// "limber_device=SECRET" from a Set-Cookie header.
std::string cookie_of(const Answer& answer) {
  const std::string set = answer.header("Set-Cookie");
  return set.substr(0, set.find(';'));
}

TEST_F(PhonePairingTest, APhonePairsUsesItsCookieAndIsRefusedOnceRevoked) {
  const Answer pairing = start_pairing();
  ASSERT_EQ(pairing.status, 201) << pairing.text;
  const std::string code = pairing.body["code"];
  EXPECT_EQ(code.size(), 10U);
  EXPECT_EQ(pairing.body["pair_url"], "https://127.0.0.2:5463/pair#" + code);
  EXPECT_EQ(pairing.body["expires_in"], 120);
  EXPECT_TRUE(pairing.body["qr_svg"].get<std::string>().starts_with("<svg"));
  EXPECT_EQ(pairing.body["ca"]["fingerprint"], kFingerprint);
  EXPECT_TRUE(pairing.body["ca"]["qr_svg"].get<std::string>().starts_with("<svg"));
  EXPECT_EQ(pairing.body["step1"]["steps"]["android"].size(), 4U);
  EXPECT_EQ(pairing.body["step1"]["steps"]["ios"].size(), 4U);

  const Answer paired = phone_pairs(code);
  ASSERT_EQ(paired.status, 201) << paired.text;
  EXPECT_EQ(paired.body["name"], "Android phone");
  const std::string set = paired.header("Set-Cookie");
  EXPECT_TRUE(set.starts_with("limber_device=")) << set;
  for (const char* attribute :
       {"; Secure", "; HttpOnly", "; SameSite=Strict", "; Path=/", "; Max-Age="}) {
    EXPECT_NE(set.find(attribute), std::string::npos) << attribute << " in " << set;
  }
  const std::string cookie = cookie_of(paired);

  EXPECT_EQ(phone_get("/api/today", cookie).status, 200);
  EXPECT_EQ(phone_get("/", cookie).status, 200);
  const Answer devices = get("/api/devices");
  ASSERT_EQ(devices.status, 200) << devices.text;
  ASSERT_EQ(devices.body.size(), 1U);
  EXPECT_EQ(devices.body[0]["name"], "Android phone");
  EXPECT_FALSE(devices.body[0]["last_seen"].is_null());
  EXPECT_EQ(devices.text.find(cookie.substr(std::string("limber_device=").size())),
            std::string::npos);

  const Answer typo = send("DELETE", "/api/devices/Andriod%20phone");
  EXPECT_EQ(typo.status, 404) << typo.text;
  EXPECT_NE(typo.error().find("More, then Phone, lists the paired phones"), std::string::npos)
      << typo.text;
  const Answer revoked = send("DELETE", "/api/devices/Android%20phone");
  ASSERT_EQ(revoked.status, 200) << revoked.text;
  const Answer refused = phone_get("/api/today", cookie);
  EXPECT_EQ(refused.status, 401);
  EXPECT_NE(refused.error().find("Pair it again from the computer"), std::string::npos)
      << refused.text;
  EXPECT_EQ(phone_get("/", cookie).status, 401);
}

TEST_F(PhonePairingTest, RevokingFromAnotherConnectionTakesEffectAtTheNextRequest) {
  const Answer pairing = start_pairing();
  ASSERT_EQ(pairing.status, 201) << pairing.text;
  const Answer paired = phone_pairs(pairing.body["code"], "Kitchen phone");
  ASSERT_EQ(paired.status, 201) << paired.text;
  ASSERT_EQ(phone_get("/api/today", cookie_of(paired)).status, 200);
  {
    auto terminal = store::Database::open(db_path(), {});
    ASSERT_TRUE(terminal) << terminal.error().message;
    ASSERT_TRUE(*store::DeviceStore(*terminal).remove("Kitchen phone"));
  }
  EXPECT_EQ(phone_get("/api/today", cookie_of(paired)).status, 401);
}

TEST_F(PhonePairingTest, AUsedCodeAndWrongCodesAreRefusedInPlainWords) {
  const Answer pairing = start_pairing();
  ASSERT_EQ(pairing.status, 201) << pairing.text;
  const std::string code = pairing.body["code"];
  ASSERT_EQ(phone_pairs(code).status, 201);
  const Answer reused = phone_pairs(code);
  EXPECT_EQ(reused.status, 400);
  EXPECT_EQ(reused.error(),
            "That pairing code was used already: start a new pairing on the computer.");
  EXPECT_TRUE(cookie_of(reused).empty());

  const std::string fresh = start_pairing().body["code"];
  std::vector<Answer> failures;
  for (int i = 0; i < 5; ++i)
    failures.push_back(phone_pairs("WRONGCODE2"));
  EXPECT_NE(failures.back().error().find("this pairing has ended"), std::string::npos)
      << failures.back().text;
  failures.push_back(phone_pairs(fresh));
  failures.push_back(send("DELETE", "/api/devices/Andriod%20phone"));
  failures.push_back(
      post("/api/pair", R"({"code": 5})", {{"Authorization", ""}, {"Origin", origin()}}));
  for (const Answer& failure : failures) {
    SCOPED_TRACE(failure.text);
    EXPECT_GE(failure.status, 400);
    EXPECT_FALSE(failure.error().empty());
    EXPECT_FALSE(speaks_cli(failure.error()));
  }
  EXPECT_EQ(failures[5].status, 400);  // the right code, after the pairing ended
  EXPECT_NE(failures[6].error().find("Did you mean 'Android phone'?"), std::string::npos);
}

TEST_F(PhonePairingTest, APairingRequestFromAnotherSiteIsRefused) {
  const std::string code = start_pairing().body["code"];
  const Answer forged = post("/api/pair", nlohmann::json{{"code", code}}.dump(),
                             {{"Authorization", ""}, {"Origin", "https://evil.example"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(phone_pairs(code).status, 201);
}

TEST_F(PhonePairingTest, TheLandingPageAndTheCertificateOpenWithoutALogin) {
  const Answer page = get("/pair", {{"Authorization", ""}});
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.text.find("pair.js"), std::string::npos);
  const Answer ca = get("/ca.crt", {{"Authorization", ""}});
  EXPECT_EQ(ca.status, 200);
  EXPECT_EQ(ca.header("Content-Type"), "application/x-x509-ca-cert");
  EXPECT_NE(ca.text.find("BEGIN CERTIFICATE"), std::string::npos);
  // The diary's page still needs the login.
  EXPECT_EQ(get("/", {{"Authorization", ""}}).status, 401);
}

class NoPhoneTest : public ServerTest {};

TEST_F(NoPhoneTest, StartingAPairingSaysPhonesCannotReachThisServer) {
  const Answer refused = post("/api/pairing", "{}");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.error().find("Phones cannot reach limber yet"), std::string::npos)
      << refused.text;
  EXPECT_FALSE(speaks_cli(refused.error()));
  EXPECT_EQ(get("/ca.crt", {{"Authorization", ""}}).status, 404);
}

// The check the HTTPS listener runs on each request (server/phone.h), on its own.
TEST(PhoneRefusalTest, OverHttpsOnlyTheLandingPageAndPairingPassWithoutACookie) {
  auto db = store::Database::open_in_memory();
  ASSERT_TRUE(db);
  app::PairingService pairing(*db, app::system_random_bytes);
  const auto ask = [&](const std::string& method, const std::string& path,
                       const std::string& cookie = "") {
    server::HttpRequest request;
    request.method = method;
    request.path = path;
    request.over_tls = true;
    if (!cookie.empty())
      request.headers.emplace_back("Cookie", cookie);
    auto refused = server::phone_refusal(request, pairing, kNoon);
    return std::pair{refused ? refused->status : 0, request.paired_phone};
  };
  EXPECT_EQ(ask("GET", "/pair").first, 0);
  EXPECT_EQ(ask("GET", "/js/pair.js").first, 0);
  EXPECT_EQ(ask("GET", "/ca.crt").first, 0);
  EXPECT_EQ(ask("POST", "/api/pair").first, 0);
  EXPECT_EQ(ask("GET", "/").first, 401);
  EXPECT_EQ(ask("GET", "/api/today").first, 401);
  EXPECT_EQ(ask("GET", "/api/today", "limber_device=guess").first, 401);
  auto started = pairing.start(kNoon);
  ASSERT_TRUE(started);
  auto paired = pairing.pair(kNoon, started->code, "iPhone", "");
  ASSERT_TRUE(paired);
  EXPECT_EQ(ask("GET", "/api/today", "limber_device=" + paired->secret),
            (std::pair<int, std::string>{0, "iPhone"}));
}

}  // namespace
}  // namespace limber::testing
