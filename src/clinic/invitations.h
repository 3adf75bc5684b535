// Invitations (docs/clinic.md, "Invitations"): a therapist makes a code and gives it to a
// patient once; the patient's limber takes it and gets an upload token in return. Only the
// SHA-256 of the code and of the token are kept, and taking a code, making the patient and
// marking the code used are one transaction in the database (clinic.join_invitation).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/random_bytes.h"
#include "clinic/acting_for.h"
#include "clinic/pg.h"
#include "core/clock.h"
#include "core/result.h"

namespace limber::clinic {

struct InvitationRules {
  std::chrono::seconds valid_for = std::chrono::days(7);
  int wrong_codes_a_minute = 5;  // per address, then refused for the rest of the minute
};
inline constexpr InvitationRules kInvitationRules{};

struct Invitation {
  std::string code;  // "ABCDE-FGHJK": 10 characters of 32, 50 random bits; shown once
  core::Instant expires_at{};
};

// Makes an invitation for `therapist`, good for rules.valid_for from `now`.
core::Result<Invitation> make_invitation(pg::Connection& connection, const Therapist& therapist,
                                         core::Instant now, const app::RandomBytes& random_bytes,
                                         const InvitationRules& rules = kInvitationRules);

// The code as the database hashes it: upper case, without spaces or dashes, so a code read
// aloud or typed in lower case still matches.
std::string normalized_code(std::string_view code);

enum class JoinOutcome { kJoined, kUnknown, kUsed, kExpired, kTooMany };

struct Joined {
  JoinOutcome outcome = JoinOutcome::kUnknown;
  std::int64_t patient_id = 0;  // kJoined
  std::string token;            // kJoined: 64 hex digits, the patient's upload token
};

// Takes the invitation `code` for a new patient called `name` (empty: the clinic names
// them after the invitation), from `address` (the client's IP address, for the limit on
// wrong codes).
core::Result<Joined> join(pg::Connection& connection, std::string_view code, std::string_view name,
                          std::string_view address, core::Instant now,
                          const app::RandomBytes& random_bytes,
                          const InvitationRules& rules = kInvitationRules);

// 32 random bytes as 64 hex digits (a session's or a patient's token).
core::Result<std::string> random_token(const app::RandomBytes& random_bytes);

}  // namespace limber::clinic
