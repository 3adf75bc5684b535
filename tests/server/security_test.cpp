// The rules that keep the local server to its one person, as pure functions.
#include "server/security.h"

#include <gtest/gtest.h>

namespace limber::server {
namespace {

TEST(SecurityTest, RandomSecretsAreLongHexAndDiffer) {
  auto first = random_secret();
  auto second = random_secret();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->size(), 64U);
  EXPECT_EQ(first->find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(*first, *second);
}

TEST(SecurityTest, ComparesSecretsWholly) {
  EXPECT_TRUE(same_secret("abc", "abc"));
  EXPECT_FALSE(same_secret("abc", "abd"));
  EXPECT_FALSE(same_secret("abc", "ab"));
  EXPECT_FALSE(same_secret("", "a"));
}

TEST(SecurityTest, KnowsLoopbackAddresses) {
  struct Case {
    const char* host;
    bool loopback;
  };
  const Case kCases[] = {
      {"127.0.0.1", true},
      {"127.1.2.3", true},
      {"localhost", true},
      {"LocalHost", true},
      {"::1", true},
      {"[::1]", true},
      {"0.0.0.0", false},
      {"::", false},
      {"192.168.1.5", false},
      {"example.com", false},
      {"127.example.com", false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.host);
    EXPECT_EQ(is_loopback(c.host), c.loopback);
  }
}

TEST(SecurityTest, ReadsTheLoginCookieAmongOthers) {
  EXPECT_EQ(cookie_value("a=1; limber_session=xyz; b=2", "limber_session"), "xyz");
  EXPECT_EQ(cookie_value("limber_session=xyz", "limber_session"), "xyz");
  EXPECT_EQ(cookie_value("xlimber_session=xyz", "limber_session"), std::nullopt);
  EXPECT_EQ(cookie_value("", "limber_session"), std::nullopt);
}

TEST(SecurityTest, ReadsABearerTokenInAnyCase) {
  EXPECT_EQ(bearer_token("Bearer abc"), "abc");
  EXPECT_EQ(bearer_token("bearer  abc "), "abc");
  EXPECT_EQ(bearer_token("Basic abc"), std::nullopt);
  EXPECT_EQ(bearer_token("Bearer "), std::nullopt);
}

TEST(SecurityTest, AnswersOnlyToItsOwnHostNames) {
  const Guard loopback("127.0.0.1", 5462, "token", "login");
  const Guard wildcard("0.0.0.0", 5462, "token", "login");
  struct Case {
    const char* host;
    bool on_loopback;
    bool on_wildcard;
  };
  const Case kCases[] = {
      {"127.0.0.1:5462", true, true},
      {"localhost:5462", true, true},
      {"LOCALHOST:5462", true, true},
      {"[::1]:5462", true, true},
      {"127.0.0.1:5463", false, false},     // another port
      {"127.0.0.1", false, false},          // port 80
      {"evil.example:5462", false, false},  // DNS rebinding: a name that points here
      {"localhost.evil.example:5462", false, false},
      {"192.168.1.5:5462", false, true},  // an IP literal after a wildcard bind
      {"", false, false},
      {"127.0.0.1:", false, false},
      {"127.0.0.1:x", false, false},
      {"::1:5462", false, false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.host);
    EXPECT_EQ(loopback.host_allowed(c.host), c.on_loopback);
    EXPECT_EQ(wildcard.host_allowed(c.host), c.on_wildcard);
  }
}

TEST(SecurityTest, AcceptsOnlyItsOwnOrigin) {
  const Guard guard("127.0.0.1", 5462, "token", "login");
  EXPECT_TRUE(guard.origin_allowed("http://127.0.0.1:5462", "127.0.0.1:5462"));
  EXPECT_TRUE(guard.origin_allowed("http://localhost:5462", "localhost:5462"));
  EXPECT_FALSE(guard.origin_allowed("http://localhost:5462", "127.0.0.1:5462"));
  EXPECT_FALSE(guard.origin_allowed("http://evil.example", "127.0.0.1:5462"));
  EXPECT_FALSE(guard.origin_allowed("null", "127.0.0.1:5462"));
  EXPECT_FALSE(guard.origin_allowed("https://127.0.0.1:5462", "127.0.0.1:5462"));
  EXPECT_FALSE(guard.origin_allowed("http://evil.example:5462", "evil.example:5462"));
}

TEST(SecurityTest, TellsWhichCredentialMatches) {
  const Guard guard("127.0.0.1", 5462, "token", "login");
  EXPECT_EQ(guard.credential("limber_session=login", ""), Credential::kLoginCookie);
  EXPECT_EQ(guard.credential("", "Bearer token"), Credential::kBearer);
  EXPECT_EQ(guard.credential("limber_session=token", ""), Credential::kNone);
  EXPECT_EQ(guard.credential("", "Bearer login"), Credential::kNone);
  EXPECT_EQ(guard.credential("limber_session=", "Bearer "), Credential::kNone);
  const std::string cookie = guard.login_cookie();
  EXPECT_NE(cookie.find("limber_session=login"), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
}

// Issue #12, item 15: a start-up address opened four browsers.
TEST(SecurityTest, ALinkKeyOpensOnceAndTheOldestAreForgotten) {
  LinkKeys keys;
  auto first = keys.issue();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->size(), 64U);
  EXPECT_EQ(keys.redeem(*first), LinkKeys::Use::kOpened);
  EXPECT_EQ(keys.redeem(*first), LinkKeys::Use::kSpent);
  EXPECT_EQ(keys.redeem("not-a-key"), LinkKeys::Use::kUnknown);
  auto second = keys.issue();
  ASSERT_TRUE(second);
  EXPECT_NE(*second, *first);
  for (std::size_t i = 0; i < LinkKeys::kRemembered; ++i)
    ASSERT_TRUE(keys.issue());
  EXPECT_EQ(keys.redeem(*second), LinkKeys::Use::kUnknown) << "forgotten, never good again";
}

}  // namespace
}  // namespace limber::server
