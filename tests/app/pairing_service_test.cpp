#include "app/pairing_service.h"

#include <cmath>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/sha256.h"
#include "support/clock.h"
#include "support/temp_dir.h"

namespace limber::app {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using testing::kNoon;

// Bytes 0, 1, 2, ... : codes and secrets that differ each time, the same in every run.
RandomBytes counting_bytes() {
  auto next = std::make_shared<std::uint8_t>(0);
  return [next](std::span<std::uint8_t> out) -> core::Result<void> {
    for (std::uint8_t& byte : out)
      byte = (*next)++;
    return {};
  };
}

class PairingServiceTest : public ::testing::Test {
 protected:
  store::Database db_ = *store::Database::open_in_memory();
  PairingService pairing_{db_, counting_bytes()};

  // A pairing opened at noon, and its code.
  std::string open_pairing() {
    auto pairing = pairing_.start(kNoon);
    EXPECT_TRUE(pairing) << pairing.error().message;
    return pairing ? pairing->code : "";
  }
};

TEST(PairingCodeTest, HoldsAtLeastFortyRandomBitsInAnAlphabetWithoutLookAlikes) {
  EXPECT_GE(static_cast<double>(kCodeLength) * std::log2(kCodeAlphabet.size()), 40.0);
  for (const char look_alike : std::string_view("01OIL")) {
    SCOPED_TRACE(look_alike);
    EXPECT_EQ(kCodeAlphabet.find(look_alike), std::string_view::npos);
  }
  auto db = store::Database::open_in_memory();
  ASSERT_TRUE(db);
  PairingService pairing(*db, system_random_bytes);
  std::set<char> seen;
  std::set<std::string> codes;
  for (int i = 0; i < 200; ++i) {
    auto started = pairing.start(kNoon);
    ASSERT_TRUE(started);
    ASSERT_EQ(started->code.size(), kCodeLength);
    for (const char c : started->code) {
      EXPECT_NE(kCodeAlphabet.find(c), std::string_view::npos) << started->code;
      seen.insert(c);
    }
    codes.insert(started->code);
  }
  EXPECT_EQ(codes.size(), 200U);                 // no code twice
  EXPECT_EQ(seen.size(), kCodeAlphabet.size());  // every symbol turns up in 2000 draws
}

TEST_F(PairingServiceTest, ACodeIsGoodForTwoMinutes) {
  const std::string code = open_pairing();
  EXPECT_EQ(pairing_.start(kNoon)->expires_at, kNoon + minutes{2});
  const std::string again = open_pairing();
  auto late = pairing_.pair(kNoon + minutes{2}, again, "iPhone", "");
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().message,
            "That pairing code has expired: start a new pairing on the computer.");
  const std::string fresh = open_pairing();
  auto in_time = pairing_.pair(kNoon + minutes{2} - seconds{1}, fresh, "iPhone", "");
  ASSERT_TRUE(in_time) << in_time.error().message;
  EXPECT_EQ(in_time->name, "iPhone");
  EXPECT_NE(code, fresh);
}

TEST_F(PairingServiceTest, ACodeWorksOnceAndItsSecretOpensThePhonesSession) {
  const std::string code = open_pairing();
  auto paired = pairing_.pair(kNoon, code, "", "Android phone");
  ASSERT_TRUE(paired) << paired.error().message;
  EXPECT_EQ(paired->name, "Android phone");
  EXPECT_EQ(paired->secret.size(), 43U);  // 32 bytes in base64url
  EXPECT_EQ(paired->secret.find_first_of("+/="), std::string::npos);
  auto reused = pairing_.pair(kNoon, code, "Other", "");
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().message,
            "That pairing code was used already: start a new pairing on the computer.");
  auto phone = pairing_.phone_for(kNoon, paired->secret);
  ASSERT_TRUE(phone);
  EXPECT_EQ(phone->value_or(""), "Android phone");
  EXPECT_FALSE(pairing_.phone_for(kNoon, "not-a-secret")->has_value());
  EXPECT_FALSE(pairing_.phone_for(kNoon, "")->has_value());
}

TEST_F(PairingServiceTest, TakesTheCodeInAnyCaseWithSpacesAndDashes) {
  std::string code = open_pairing();
  std::string typed = code.substr(0, 5) + " - " + code.substr(5);
  for (char& c : typed)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(pairing_.pair(kNoon, typed, "iPhone", ""));
}

TEST_F(PairingServiceTest, FiveWrongCodesEndThePairing) {
  const std::string code = open_pairing();
  for (int wrong = 1; wrong < kMaxWrongCodes; ++wrong) {
    auto refused = pairing_.pair(kNoon, "AAAAAAAAAA", "iPhone", "");
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find(std::to_string(kMaxWrongCodes - wrong) + " tries left"),
              std::string::npos)
        << refused.error().message;
  }
  auto fifth = pairing_.pair(kNoon, "AAAAAAAAAA", "iPhone", "");
  ASSERT_FALSE(fifth);
  EXPECT_NE(fifth.error().message.find("this pairing has ended"), std::string::npos);
  // The right code no longer opens anything.
  auto right = pairing_.pair(kNoon, code, "iPhone", "");
  ASSERT_FALSE(right);
  EXPECT_NE(right.error().message.find("start a new pairing on the computer"), std::string::npos);
  EXPECT_TRUE(pairing_.phones()->empty());
  // A new pairing starts afresh.
  EXPECT_TRUE(pairing_.pair(kNoon, open_pairing(), "iPhone", ""));
}

TEST_F(PairingServiceTest, WithoutAnOpenPairingSaysToStartOne) {
  auto refused = pairing_.pair(kNoon, "AAAAAAAAAA", "iPhone", "");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "No pairing is open: start a new pairing on the computer.");
}

TEST_F(PairingServiceTest, TheSameNameTwiceGetsANumber) {
  ASSERT_TRUE(pairing_.pair(kNoon, open_pairing(), "", "iPhone"));
  auto second = pairing_.pair(kNoon, open_pairing(), "", "iPhone");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->name, "iPhone 2");
  auto third = pairing_.pair(kNoon, open_pairing(), "IPHONE", "");
  ASSERT_TRUE(third);
  EXPECT_EQ(third->name, "IPHONE 3");
}

TEST_F(PairingServiceTest, RefusesANameThatIsNotText) {
  auto refused = pairing_.pair(kNoon, open_pairing(), "bad\x1b[2Jname", "");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidInput);
}

TEST_F(PairingServiceTest, RevokingEndsThePhonesSessionAtOnce) {
  auto paired = pairing_.pair(kNoon, open_pairing(), "Kitchen phone", "");
  ASSERT_TRUE(paired);
  ASSERT_TRUE(pairing_.revoke("kitchen phone"));
  EXPECT_FALSE(pairing_.phone_for(kNoon, paired->secret)->has_value());
  EXPECT_TRUE(pairing_.phones()->empty());
}

TEST_F(PairingServiceTest, RevokingATypoSuggestsTheClosestName) {
  ASSERT_TRUE(pairing_.pair(kNoon, open_pairing(), "Android phone", ""));
  auto typo = pairing_.revoke("Andriod phone");
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().code, core::ErrorCode::kNotFound);
  EXPECT_NE(typo.error().message.find("Did you mean 'Android phone'?"), std::string::npos)
      << typo.error().message;
  EXPECT_EQ(typo.error().remedy, core::Remedy::kListDevices);
  EXPECT_EQ(pairing_.phones()->size(), 1U);
}

TEST_F(PairingServiceTest, NotesWhenAPhoneWasSeenAtMostOnceAMinute) {
  auto paired = pairing_.pair(kNoon, open_pairing(), "iPhone", "");
  ASSERT_TRUE(paired);
  ASSERT_TRUE(pairing_.phone_for(kNoon + seconds{59}, paired->secret));
  EXPECT_EQ(pairing_.phones()->front().last_seen, kNoon);
  ASSERT_TRUE(pairing_.phone_for(kNoon + seconds{60}, paired->secret));
  EXPECT_EQ(pairing_.phones()->front().last_seen, kNoon + seconds{60});
}

TEST(PairingFileTest, TheDiaryKeepsTheSecretsHashNeverTheSecret) {
  limber::testing::TempDir dir;
  const auto path = dir.path() / "limber.db";
  std::string secret;
  {
    auto db = store::Database::open(path, {});
    ASSERT_TRUE(db) << db.error().message;
    PairingService pairing(*db, system_random_bytes);
    auto started = pairing.start(kNoon);
    ASSERT_TRUE(started);
    auto paired = pairing.pair(kNoon, started->code, "iPhone", "");
    ASSERT_TRUE(paired);
    secret = paired->secret;
  }
  std::string bytes;
  for (const auto& file : std::filesystem::directory_iterator(dir.path())) {
    std::ifstream in(file.path(), std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), {});
  }
  EXPECT_EQ(bytes.find(secret), std::string::npos);
  EXPECT_NE(bytes.find(core::sha256_hex(secret)), std::string::npos);
}

TEST(DeviceNameTest, ComesFromTheBrowsersUserAgent) {
  EXPECT_EQ(device_name_from_user_agent(
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile"),
            "Android phone");
  EXPECT_EQ(device_name_from_user_agent(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"),
            "iPhone");
  EXPECT_EQ(device_name_from_user_agent("curl/7.88"), "Phone");
}

}  // namespace
}  // namespace limber::app
