#include "clinic/therapist_login.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "core/sha256.h"

namespace limber::clinic {
namespace {

constexpr std::size_t kTokenBytes = 32;

std::string seconds_of(core::Instant at) {
  return std::to_string(at.time_since_epoch().count());
}

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

std::string hex(std::span<const std::uint8_t> bytes) {
  std::string text;
  text.reserve(bytes.size() * 2);
  for (const auto byte : bytes)
    text += fmt::format("{:02x}", byte);
  return text;
}

bool is_token(std::string_view token) {
  return token.size() == kTokenBytes * 2 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

struct Account {
  Therapist therapist;
  std::string password_hash;
  int failed_logins = 0;
  std::optional<core::Instant> locked_until;
};

// The account, locked against a concurrent login for the same therapist until the
// transaction ends, so two processes count every wrong password.
core::Result<std::optional<Account>> lock_account(pg::Connection& connection,
                                                  std::string_view email) {
  LIMBER_TRY_ASSIGN(const auto rows,
                    connection.query("SELECT id, clinic_id, password_hash, failed_logins, "
                                     "extract(epoch FROM locked_until)::bigint "
                                     "FROM clinic.therapists WHERE email = $1 FOR UPDATE",
                                     {lower(email)}));
  if (rows.empty())
    return std::nullopt;
  Account account{{rows.integer(0, 0), rows.integer(0, 1), {}},
                  rows.text(0, 2),
                  static_cast<int>(rows.integer(0, 3)),
                  std::nullopt};
  if (const auto until = rows.optional_integer(0, 4))
    account.locked_until = core::Instant{std::chrono::seconds(*until)};
  return account;
}

core::Result<Login> count_wrong_password(pg::Connection& connection, const Account& account,
                                         core::Instant now, const LoginRules& rules) {
  // A lock that has run out starts the count again.
  const bool lock_ran_out = account.locked_until && *account.locked_until <= now;
  const int failed = (lock_ran_out ? 0 : account.failed_logins) + 1;
  Login login;
  std::optional<std::string> locked_until;
  if (failed >= rules.attempts) {
    login.locked_until = now + rules.lock_for;
    locked_until = seconds_of(login.locked_until);
  }
  LIMBER_TRY(connection.execute(
      "UPDATE clinic.therapists SET failed_logins = $2::integer, "
      "locked_until = to_timestamp($3::bigint) WHERE id = $1::bigint",
      {std::to_string(account.therapist.id), std::to_string(failed), locked_until}));
  login.outcome = LoginOutcome::kWrongPassword;
  return login;
}

// A new session of `therapist` from `now`, lasting `lifetime`.
core::Result<Login> insert_session(pg::Connection& connection, const Therapist& therapist,
                                   core::Instant now, std::chrono::seconds lifetime,
                                   const app::RandomBytes& random_bytes) {
  std::array<std::uint8_t, kTokenBytes> secret{};
  LIMBER_TRY(random_bytes(secret));
  Login login{LoginOutcome::kLoggedIn, therapist, hex(secret), {}};
  login.therapist.session = core::sha256_hex(login.token);
  LIMBER_TRY(connection.execute(
      "INSERT INTO clinic.therapist_sessions (token_sha256, therapist_id, created_at, expires_at) "
      "VALUES ($1, $2::bigint, to_timestamp($3::bigint), to_timestamp($4::bigint))",
      {login.therapist.session, std::to_string(therapist.id), seconds_of(now),
       seconds_of(now + lifetime)}));
  return login;
}

core::Result<Login> open_session(pg::Connection& connection, const Account& account,
                                 core::Instant now, const app::RandomBytes& random_bytes,
                                 const LoginRules& rules) {
  LIMBER_TRY(connection.execute(
      "UPDATE clinic.therapists SET failed_logins = 0, locked_until = NULL WHERE id = $1::bigint",
      {std::to_string(account.therapist.id)}));
  // The therapist's sessions that have run out go: the policies act for any session that
  // is in the table (docs/clinic.md, "Isolation").
  LIMBER_TRY(
      connection.execute("DELETE FROM clinic.therapist_sessions WHERE therapist_id = $1::bigint "
                         "AND expires_at <= to_timestamp($2::bigint)",
                         {std::to_string(account.therapist.id), seconds_of(now)}));
  return insert_session(connection, account.therapist, now, rules.session_lifetime, random_bytes);
}

}  // namespace

core::Result<Login> log_in(pg::Connection& connection, std::string_view email,
                           std::string_view password, core::Instant now,
                           const app::RandomBytes& random_bytes, const LoginRules& rules) {
  return pg::in_transaction(connection, [&]() -> core::Result<Login> {
    LIMBER_TRY_ASSIGN(const auto account, lock_account(connection, email));
    if (!account) {
      spend_a_password_check(password);
      return Login{};
    }
    if (account->locked_until && *account->locked_until > now)
      return Login{LoginOutcome::kLockedOut, {}, {}, *account->locked_until};
    if (!password_matches(account->password_hash, password))
      return count_wrong_password(connection, *account, now, rules);
    return open_session(connection, *account, now, random_bytes, rules);
  });
}

core::Result<Login> administrator_session(pg::Connection& owner, const Therapist& therapist,
                                          core::Instant now, const app::RandomBytes& random_bytes) {
  return insert_session(owner, therapist, now, std::chrono::minutes(1), random_bytes);
}

core::Result<std::optional<Therapist>> therapist_of_session(pg::Connection& connection,
                                                            std::string_view token,
                                                            core::Instant now) {
  if (!is_token(token))
    return std::nullopt;
  std::string session = core::sha256_hex(token);
  LIMBER_TRY_ASSIGN(const auto rows,
                    connection.query("SELECT t.id, t.clinic_id FROM clinic.therapist_sessions s "
                                     "JOIN clinic.therapists t ON t.id = s.therapist_id "
                                     "WHERE s.token_sha256 = $1 "
                                     "AND s.expires_at > to_timestamp($2::bigint)",
                                     {session, seconds_of(now)}));
  if (rows.empty())
    return std::nullopt;
  return Therapist{rows.integer(0, 0), rows.integer(0, 1), std::move(session)};
}

core::Result<void> log_out(pg::Connection& connection, std::string_view token) {
  if (!is_token(token))
    return {};
  return connection.execute("DELETE FROM clinic.therapist_sessions WHERE token_sha256 = $1",
                            {core::sha256_hex(token)});
}

core::Result<std::int64_t> add_clinic(pg::Connection& owner, std::string_view name) {
  LIMBER_TRY_ASSIGN(const auto rows,
                    owner.query("INSERT INTO clinic.clinics (name) VALUES ($1) RETURNING id",
                                {std::string(name)}));
  return rows.integer(0, 0);
}

core::Result<Therapist> add_therapist(pg::Connection& owner, std::int64_t clinic_id,
                                      std::string_view email, std::string_view name,
                                      std::string_view password,
                                      const app::RandomBytes& random_bytes, PasswordCost cost) {
  LIMBER_TRY_ASSIGN(const auto hash, hash_password(password, random_bytes, cost));
  auto rows = owner.query(
      "INSERT INTO clinic.therapists (clinic_id, email, name, password_hash) "
      "VALUES ($1::bigint, $2, $3, $4) RETURNING id",
      {std::to_string(clinic_id), lower(email), std::string(name), hash});
  if (!rows && pg::sqlstate_of(rows.error()) == "23505") {
    return core::fail(core::ErrorCode::kConflict,
                      fmt::format("a therapist with the email {} is already here", lower(email)));
  }
  if (!rows)
    return core::Unexpected(rows.error());
  return Therapist{rows->integer(0, 0), clinic_id, {}};
}

}  // namespace limber::clinic
