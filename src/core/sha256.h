// SHA-256 (FIPS 180-4), for storing a paired phone's secret as a hash: the diary keeps
// only what a secret hashes to, never the secret. Pure; no library (the TLS library is
// not loaded by every command).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace limber::core {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::string_view bytes);

// The digest as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace limber::core
