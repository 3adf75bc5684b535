// Therapists log in with their email and password, and keep a session: a random token in
// their cookie, whose SHA-256 alone is in the database (clinic.therapist_sessions), so any
// limber-clinic process on the same database knows the session, and a copy of the
// database opens none. Wrong passwords are counted per therapist in the database, so the
// limit holds across processes: after kLoginRules.attempts wrong ones in a row, logging in
// is refused for kLoginRules.lock_for, even with the right password.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/random_bytes.h"
#include "clinic/acting_for.h"
#include "clinic/passwords.h"
#include "clinic/pg.h"
#include "core/clock.h"
#include "core/result.h"

namespace limber::clinic {

struct LoginRules {
  int attempts = 5;  // wrong passwords in a row
  std::chrono::seconds lock_for = std::chrono::minutes(15);
  std::chrono::seconds session_lifetime = std::chrono::hours(12);  // a working day
};
inline constexpr LoginRules kLoginRules{};

enum class LoginOutcome {
  kLoggedIn,
  kWrongPassword,  // or an email with no account: the two are not told apart
  kLockedOut,      // too many wrong passwords: wait until `locked_until`
};

struct Login {
  LoginOutcome outcome = LoginOutcome::kWrongPassword;
  Therapist therapist;           // kLoggedIn
  std::string token;             // kLoggedIn: 64 hex digits, for the cookie only
  core::Instant locked_until{};  // kLockedOut
};

// Checks the password and, when it is right, opens a session lasting
// rules.session_lifetime from `now`. A refusal is an outcome, not an error; errors are the
// database's.
core::Result<Login> log_in(pg::Connection& connection, std::string_view email,
                           std::string_view password, core::Instant now,
                           const app::RandomBytes& random_bytes,
                           const LoginRules& rules = kLoginRules);

// A session of one minute for a command the administrator runs on the therapist's behalf
// as the schema's owner (`limber-clinic invite`): whom the database acts for is always a
// session's therapist. End it with log_out.
core::Result<Login> administrator_session(pg::Connection& owner, const Therapist& therapist,
                                          core::Instant now, const app::RandomBytes& random_bytes);

// The therapist whose session `token` is, if it is one and has not expired at `now`.
core::Result<std::optional<Therapist>> therapist_of_session(pg::Connection& connection,
                                                            std::string_view token,
                                                            core::Instant now);

// Ends the session; nothing to do for a token that is none.
core::Result<void> log_out(pg::Connection& connection, std::string_view token);

// A clinic and its therapists, made by the administrator as the schema's owner
// (`limber-clinic add-clinic`, `add-therapist`). kConflict for an email already taken.
core::Result<std::int64_t> add_clinic(pg::Connection& owner, std::string_view name);
core::Result<Therapist> add_therapist(pg::Connection& owner, std::int64_t clinic_id,
                                      std::string_view email, std::string_view name,
                                      std::string_view password,
                                      const app::RandomBytes& random_bytes,
                                      PasswordCost cost = kPasswordCost);

}  // namespace limber::clinic
