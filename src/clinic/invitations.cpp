#include "clinic/invitations.h"

#include <array>
#include <cctype>

#include <fmt/format.h>

#include "core/sha256.h"

namespace limber::clinic {
namespace {

// Crockford's base 32: no I, L, O or U, so a code read aloud is not misread.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kCodeCharacters = 10;

std::string seconds_of(core::Instant at) {
  return std::to_string(at.time_since_epoch().count());
}

JoinOutcome outcome_of(std::string_view word) {
  if (word == "joined")
    return JoinOutcome::kJoined;
  if (word == "used")
    return JoinOutcome::kUsed;
  if (word == "expired")
    return JoinOutcome::kExpired;
  if (word == "too-many")
    return JoinOutcome::kTooMany;
  return JoinOutcome::kUnknown;
}

}  // namespace

core::Result<std::string> random_token(const app::RandomBytes& random_bytes) {
  std::array<std::uint8_t, 32> secret{};
  LIMBER_TRY(random_bytes(secret));
  std::string text;
  text.reserve(secret.size() * 2);
  for (const auto byte : secret)
    text += fmt::format("{:02x}", byte);
  return text;
}

std::string normalized_code(std::string_view code) {
  std::string result;
  for (const char c : code) {
    if (c == '-' || c == ' ')
      continue;
    result += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return result;
}

core::Result<Invitation> make_invitation(pg::Connection& connection, const Therapist& therapist,
                                         core::Instant now, const app::RandomBytes& random_bytes,
                                         const InvitationRules& rules) {
  std::array<std::uint8_t, kCodeCharacters> bytes{};
  LIMBER_TRY(random_bytes(bytes));
  std::string code;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == kCodeCharacters / 2)
      code += '-';
    code += kAlphabet[bytes[i] % kAlphabet.size()];  // 256 is a multiple of 32: no bias
  }
  Invitation invitation{code, now + rules.valid_for};
  LIMBER_TRY(acting_for(connection, therapist, [&]() -> core::Result<void> {
    return connection.execute(
        "SELECT clinic.make_invitation($1, to_timestamp($2::bigint), "
        "make_interval(secs => $3::bigint))",
        {core::sha256_hex(normalized_code(code)), seconds_of(now),
         std::to_string(rules.valid_for.count())});
  }));
  return invitation;
}

core::Result<Joined> join(pg::Connection& connection, std::string_view code, std::string_view name,
                          std::string_view address, core::Instant now,
                          const app::RandomBytes& random_bytes, const InvitationRules& rules) {
  LIMBER_TRY_ASSIGN(auto token, random_token(random_bytes));
  return pg::in_transaction(connection, [&]() -> core::Result<Joined> {
    LIMBER_TRY_ASSIGN(
        const auto rows,
        connection.query("SELECT outcome, patient FROM clinic.join_invitation($1, $2, $3, $4, "
                         "to_timestamp($5::bigint), $6::integer)",
                         {normalized_code(code), std::string(name), token, std::string(address),
                          seconds_of(now), std::to_string(rules.wrong_codes_a_minute)}));
    Joined joined;
    joined.outcome = outcome_of(rows.text(0, 0));
    if (joined.outcome == JoinOutcome::kJoined) {
      joined.patient_id = rows.integer(0, 1);
      joined.token = std::move(token);
    }
    return joined;
  });
}

}  // namespace limber::clinic
