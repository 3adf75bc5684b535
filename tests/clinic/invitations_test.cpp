// Invitations on a real PostgreSQL: made by a therapist, taken once by a patient's limber
// (which gets its upload token), refused when used, run out or unknown, and wrong codes
// limited per address; nothing is half-written.
#include "clinic/invitations.h"

#include <gtest/gtest.h>

#include "clinic/pg_cluster.h"
#include "clinic/seed.h"
#include "core/sha256.h"

namespace limber::clinic {
namespace {

using testing::kAppRole;
using testing::kSuperuser;
using testing::Seed;
using testing::TestDatabase;

constexpr core::Instant kNow{std::chrono::seconds(1795000000)};

class ClinicInvitationsTest : public ::testing::Test {
 protected:
  ClinicInvitationsTest() {
    database_.migrate();
    Seed seed(admin_);
    const auto north = seed.clinic("North clinic");
    ann_ = seed.therapist(north, "ann@north.example");
  }

  Invitation invite(core::Instant at = kNow) {
    auto made = make_invitation(app_, ann_, at, app::system_random_bytes);
    if (!made)
      throw std::runtime_error(made.error().message);
    return *made;
  }

  Joined take(std::string_view code, core::Instant at = kNow,
              std::string_view address = "192.0.2.1") {
    auto joined = join(app_, code, "Dee", address, at, app::system_random_bytes);
    if (!joined)
      throw std::runtime_error(joined.error().message);
    return *joined;
  }

  std::int64_t count(const std::string& sql) { return admin_.query(sql).value().integer(0, 0); }

  TestDatabase database_;
  pg::Connection admin_ = database_.connect(kSuperuser);
  pg::Connection app_ = database_.connect(kAppRole);
  Therapist ann_;
};

TEST_F(ClinicInvitationsTest, ACodeHasFiftyRandomBitsAndOnlyItsHashIsKept) {
  const auto invitation = invite();

  EXPECT_EQ(invitation.code.size(), 11U) << invitation.code;  // "ABCDE-FGHJK"
  EXPECT_EQ(invitation.code[5], '-');
  EXPECT_EQ(invitation.expires_at, kNow + std::chrono::days(7));
  EXPECT_NE(invite().code, invitation.code);
  const auto rows =
      admin_
          .query(
              "SELECT code_sha256, therapist_id, extract(epoch FROM expires_at)::bigint "
              "FROM clinic.invitations ORDER BY id")
          .value();
  ASSERT_EQ(rows.size(), 2);
  EXPECT_EQ(rows.text(0, 0), core::sha256_hex(normalized_code(invitation.code)));
  EXPECT_EQ(rows.integer(0, 1), ann_.id);
  EXPECT_EQ(rows.integer(0, 2), (kNow + std::chrono::days(7)).time_since_epoch().count());
}

TEST_F(ClinicInvitationsTest, TakingACodeMakesThePatientOfItsTherapistWithAToken) {
  const auto invitation = invite();

  const auto joined = take(invitation.code);

  ASSERT_EQ(joined.outcome, JoinOutcome::kJoined);
  EXPECT_EQ(joined.token.size(), 64U);
  const auto rows = admin_
                        .query(
                            "SELECT therapist_id, clinic_id, display_name, upload_token_sha256 "
                            "FROM clinic.patients WHERE id = $1::bigint",
                            {std::to_string(joined.patient_id)})
                        .value();
  ASSERT_EQ(rows.size(), 1);
  EXPECT_EQ(rows.integer(0, 0), ann_.id);
  EXPECT_EQ(rows.integer(0, 1), ann_.clinic_id);
  EXPECT_EQ(rows.text(0, 2), "Dee");
  EXPECT_EQ(rows.text(0, 3), core::sha256_hex(joined.token));  // the token itself is not kept
  EXPECT_EQ(count("SELECT count(*) FROM clinic.invitations WHERE used_at IS NOT NULL "
                  "AND patient_id IS NOT NULL"),
            1);
}

TEST_F(ClinicInvitationsTest, ACodeTypedInLowerCaseWithoutTheDashIsTheSame) {
  auto code = invite().code;
  std::string typed;
  for (const char c : code) {
    if (c != '-')
      typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }

  EXPECT_EQ(take(typed).outcome, JoinOutcome::kJoined);
}

TEST_F(ClinicInvitationsTest, ACodeIsTakenOnceOnly) {
  const auto invitation = invite();
  ASSERT_EQ(take(invitation.code).outcome, JoinOutcome::kJoined);

  EXPECT_EQ(take(invitation.code).outcome, JoinOutcome::kUsed);
  EXPECT_EQ(count("SELECT count(*) FROM clinic.patients"), 1);
}

TEST_F(ClinicInvitationsTest, ACodeRunsOutAfterSevenDaysAndMakesNoPatient) {
  const auto invitation = invite();

  EXPECT_EQ(take(invitation.code, kNow + std::chrono::days(7)).outcome, JoinOutcome::kExpired);
  EXPECT_EQ(count("SELECT count(*) FROM clinic.patients"), 0);
  EXPECT_EQ(take(invitation.code, kNow + std::chrono::days(7) - std::chrono::seconds(1)).outcome,
            JoinOutcome::kJoined);
}

TEST_F(ClinicInvitationsTest, WrongCodesFromOneAddressAreRefusedForAMinute) {
  const auto invitation = invite();
  for (int i = 0; i < kInvitationRules.wrong_codes_a_minute; ++i)
    EXPECT_EQ(take("WRONG-CODE" + std::to_string(i)).outcome, JoinOutcome::kUnknown);

  // Then even the right code is not looked at from that address...
  EXPECT_EQ(take(invitation.code).outcome, JoinOutcome::kTooMany);
  EXPECT_EQ(count("SELECT count(*) FROM clinic.patients"), 0);
  // ...but is from another one, and from the same one a minute later.
  const auto other = invite();
  EXPECT_EQ(take(other.code, kNow, "192.0.2.2").outcome, JoinOutcome::kJoined);
  EXPECT_EQ(take(invitation.code, kNow + std::chrono::seconds(61)).outcome, JoinOutcome::kJoined);
}

TEST_F(ClinicInvitationsTest, NoTherapistNoInvitation) {
  // Ann's ids without a session act for no one.
  const auto made =
      make_invitation(app_, Therapist{ann_.id, ann_.clinic_id, {}}, kNow, app::system_random_bytes);

  ASSERT_FALSE(made.has_value());
  EXPECT_EQ(count("SELECT count(*) FROM clinic.invitations"), 0);
}

TEST_F(ClinicInvitationsTest, TheApplicationRoleCannotReadOrWriteInvitationsDirectly) {
  (void)invite();

  for (const auto* sql :
       {"SELECT * FROM clinic.invitations", "UPDATE clinic.invitations SET used_at = NULL",
        "SELECT * FROM clinic.join_attempts", "DELETE FROM clinic.join_attempts"}) {
    SCOPED_TRACE(sql);
    const auto done = app_.execute(sql);
    ASSERT_FALSE(done.has_value());
    EXPECT_EQ(pg::sqlstate_of(done.error()), "42501");
  }
}

}  // namespace
}  // namespace limber::clinic
