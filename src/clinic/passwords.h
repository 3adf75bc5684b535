// Therapists' passwords, hashed with Argon2id (libargon2, RFC 9106). The database keeps
// the encoded string ($argon2id$v=19$m=...,t=...,p=...$salt$hash), which carries its own
// cost and salt, so a later, dearer cost still checks the passwords hashed before it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/random_bytes.h"
#include "core/result.h"

namespace limber::clinic {

struct PasswordCost {
  std::uint32_t passes = 3;          // t
  std::uint32_t memory_kib = 65536;  // m: 64 MiB
  std::uint32_t lanes = 1;           // p
};

// RFC 9106's second recommended option with one lane: 64 MiB and 3 passes, above OWASP's
// minimum (19 MiB, 2 passes). Its time is in docs/clinic.md, "Therapists' logins".
inline constexpr PasswordCost kPasswordCost{};

inline constexpr std::size_t kPasswordMinimum = 10;    // characters
inline constexpr std::size_t kPasswordMaximum = 1000;  // bytes: bounds the work of a guess

// The encoded Argon2id hash of `password`, with a fresh 16-byte salt. kInvalidInput for a
// password shorter than kPasswordMinimum characters or longer than kPasswordMaximum bytes.
core::Result<std::string> hash_password(std::string_view password,
                                        const app::RandomBytes& random_bytes,
                                        PasswordCost cost = kPasswordCost);

// Whether `password` is the one `encoded` was made from. False for a string that is not
// an Argon2id hash.
bool password_matches(const std::string& encoded, std::string_view password);

// Checks a password against a fixed hash of kPasswordCost and returns false: the work a
// real check costs, for an email that has no account, so the time taken does not say
// which emails have one.
bool spend_a_password_check(std::string_view password);

}  // namespace limber::clinic
