#include "clinic/therapist_login.h"

#include <gtest/gtest.h>

#include "clinic/pg_cluster.h"
#include "core/sha256.h"

namespace limber::clinic {
namespace {

using namespace std::chrono_literals;
using testing::kAppRole;
using testing::kOwnerRole;
using testing::kSuperuser;
using testing::TestDatabase;

// Cheap enough for a test's many logins; the real cost is checked once below.
constexpr PasswordCost kTestCost{1, 1024, 1};
constexpr const char* kPassword = "correct horse battery";
const core::Instant kNow{std::chrono::seconds(1795000000)};

TEST(ClinicPasswordTest, IsHashedWithArgon2idAtTheChosenCostAndAFreshSalt) {
  const auto first = hash_password(kPassword, app::system_random_bytes);
  const auto second = hash_password(kPassword, app::system_random_bytes);

  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_TRUE(first->starts_with("$argon2id$v=19$m=65536,t=3,p=1$")) << *first;
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(password_matches(*first, kPassword));
  EXPECT_FALSE(password_matches(*first, "correct horse battery "));
  EXPECT_FALSE(password_matches("not a hash", kPassword));
}

TEST(ClinicPasswordTest, RefusesAShortOrHugePasswordSayingWhy) {
  const auto short_one = hash_password("päßwörd12", app::system_random_bytes, kTestCost);
  const auto huge = hash_password(std::string(1001, 'a'), app::system_random_bytes, kTestCost);

  ASSERT_FALSE(short_one.has_value());
  EXPECT_EQ(short_one.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(short_one.error().message, "the password is shorter than 10 characters");
  ASSERT_FALSE(huge.has_value());
  EXPECT_EQ(huge.error().message, "the password is longer than 1000 bytes");
  // Ten characters, more bytes: counted as characters.
  EXPECT_TRUE(hash_password("päßwörd123", app::system_random_bytes, kTestCost).has_value());
}

class ClinicLoginTest : public ::testing::Test {
 protected:
  ClinicLoginTest() {
    database_.migrate();
    auto owner = database_.connect(kOwnerRole);
    const auto clinic = add_clinic(owner, "North clinic").value();
    ann_ = add_therapist(owner, clinic, "Ann@North.example", "Ann", kPassword,
                         app::system_random_bytes, kTestCost)
               .value();
  }

  core::Result<Login> log_in_as(pg::Connection& connection, std::string_view password,
                                core::Instant now = kNow) {
    return log_in(connection, "ann@north.example", password, now, app::system_random_bytes);
  }

  TestDatabase database_;
  pg::Connection app_ = database_.connect(kAppRole);
  Therapist ann_;
};

TEST_F(ClinicLoginTest, TheRightPasswordOpensASessionAnotherConnectionKnows) {
  const auto login = log_in(app_, "ANN@north.example", kPassword, kNow, app::system_random_bytes);
  ASSERT_TRUE(login.has_value()) << login.error().message;
  ASSERT_EQ(login->outcome, LoginOutcome::kLoggedIn);
  EXPECT_EQ(login->therapist.id, ann_.id);
  EXPECT_EQ(login->token.size(), 64U);

  // As a second limber-clinic process would: its own connection.
  auto other = database_.connect(kAppRole);
  const auto therapist = therapist_of_session(other, login->token, kNow + 1h);

  ASSERT_TRUE(therapist.has_value()) << therapist.error().message;
  ASSERT_TRUE(therapist->has_value());
  EXPECT_EQ((*therapist)->id, ann_.id);
  EXPECT_EQ((*therapist)->clinic_id, ann_.clinic_id);
  // What the database acts for: the session, as the table keeps it.
  EXPECT_EQ((*therapist)->session, core::sha256_hex(login->token));
  EXPECT_EQ(login->therapist.session, core::sha256_hex(login->token));
}

TEST_F(ClinicLoginTest, KeepsOnlyTheTokensHash) {
  const auto login = log_in_as(app_, kPassword).value();

  auto admin = database_.connect(kSuperuser);
  const auto rows = admin.query("SELECT token_sha256 FROM clinic.therapist_sessions").value();

  ASSERT_EQ(rows.size(), 1);
  EXPECT_EQ(rows.text(0, 0), core::sha256_hex(login.token));
  EXPECT_NE(rows.text(0, 0), login.token);
}

TEST_F(ClinicLoginTest, AWrongPasswordAndAnUnknownEmailGetTheSameAnswer) {
  const auto wrong = log_in_as(app_, "incorrect horse battery").value();
  const auto unknown =
      log_in(app_, "nobody@north.example", kPassword, kNow, app::system_random_bytes).value();

  EXPECT_EQ(wrong.outcome, LoginOutcome::kWrongPassword);
  EXPECT_EQ(unknown.outcome, LoginOutcome::kWrongPassword);
  EXPECT_TRUE(wrong.token.empty());
}

TEST_F(ClinicLoginTest, FiveWrongPasswordsFromTwoProcessesLockTheAccountEvenForTheRightOne) {
  auto other = database_.connect(kAppRole);
  for (int attempt = 0; attempt < kLoginRules.attempts; ++attempt) {
    SCOPED_TRACE(attempt);
    auto& connection = attempt % 2 == 0 ? app_ : other;
    EXPECT_EQ(log_in_as(connection, "guess " + std::to_string(attempt)).value().outcome,
              LoginOutcome::kWrongPassword);
  }

  const auto refused = log_in_as(app_, kPassword, kNow + 14min).value();
  const auto later = log_in_as(other, kPassword, kNow + 15min).value();

  EXPECT_EQ(refused.outcome, LoginOutcome::kLockedOut);
  EXPECT_EQ(refused.locked_until, kNow + kLoginRules.lock_for);
  EXPECT_TRUE(refused.token.empty());
  EXPECT_EQ(later.outcome, LoginOutcome::kLoggedIn);
}

TEST_F(ClinicLoginTest, TheRightPasswordStartsTheCountAgain) {
  for (int attempt = 0; attempt + 1 < kLoginRules.attempts; ++attempt)
    ASSERT_EQ(log_in_as(app_, "a wrong guess").value().outcome, LoginOutcome::kWrongPassword);
  ASSERT_EQ(log_in_as(app_, kPassword).value().outcome, LoginOutcome::kLoggedIn);

  EXPECT_EQ(log_in_as(app_, "a wrong guess").value().outcome, LoginOutcome::kWrongPassword);
  EXPECT_EQ(log_in_as(app_, kPassword).value().outcome, LoginOutcome::kLoggedIn);
}

TEST_F(ClinicLoginTest, ASessionEndsWhenItExpiresOrOnLogOut) {
  const auto first = log_in_as(app_, kPassword).value();
  const auto second = log_in_as(app_, kPassword).value();

  EXPECT_TRUE(therapist_of_session(app_, first.token, kNow + 12h - 1s).value().has_value());
  EXPECT_FALSE(therapist_of_session(app_, first.token, kNow + 12h).value().has_value());
  ASSERT_TRUE(log_out(app_, second.token).has_value());
  EXPECT_FALSE(therapist_of_session(app_, second.token, kNow).value().has_value());
}

// The policies act for any session in the table (docs/clinic.md, "Isolation"): a login
// removes the therapist's sessions that have run out.
TEST_F(ClinicLoginTest, ALoginRemovesTheTherapistsSessionsThatRanOut) {
  const auto first = log_in_as(app_, kPassword).value();
  const auto second = log_in_as(app_, kPassword, kNow + 6h).value();
  const auto third = log_in_as(app_, kPassword, kNow + 12h).value();

  auto admin = database_.connect(kSuperuser);
  const auto rows =
      admin.query("SELECT token_sha256 FROM clinic.therapist_sessions ORDER BY created_at").value();
  ASSERT_EQ(rows.size(), 2);
  EXPECT_EQ(rows.text(0, 0), second.therapist.session);
  EXPECT_EQ(rows.text(1, 0), third.therapist.session);
  EXPECT_NE(first.therapist.session, second.therapist.session);
}

TEST_F(ClinicLoginTest, AnyOtherTokenIsNoSession) {
  const auto login = log_in_as(app_, kPassword).value();
  std::string changed = login.token;
  changed[0] = changed[0] == 'a' ? 'b' : 'a';

  for (const std::string& token :
       {changed, std::string(), std::string("x' OR '1'='1"), core::sha256_hex(login.token)}) {
    SCOPED_TRACE(token);
    EXPECT_FALSE(therapist_of_session(app_, token, kNow).value().has_value());
  }
}

TEST_F(ClinicLoginTest, ASecondTherapistWithTheSameEmailIsRefused) {
  auto owner = database_.connect(kOwnerRole);

  const auto again = add_therapist(owner, ann_.clinic_id, "ann@north.EXAMPLE", "Ann again",
                                   kPassword, app::system_random_bytes, kTestCost);

  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(again.error().message, "a therapist with the email ann@north.example is already here");
}

}  // namespace
}  // namespace limber::clinic
