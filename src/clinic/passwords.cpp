#include "clinic/passwords.h"

#include <array>
#include <vector>

#include <argon2.h>
#include <fmt/format.h>

#include "core/utf8.h"

namespace limber::clinic {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

core::Result<std::string> encode(std::string_view password, std::span<const std::uint8_t> salt,
                                 PasswordCost cost) {
  std::string encoded(
      argon2_encodedlen(cost.passes, cost.memory_kib, cost.lanes,
                        static_cast<std::uint32_t>(salt.size()), kHashBytes, Argon2_id),
      '\0');
  const int status = argon2id_hash_encoded(cost.passes, cost.memory_kib, cost.lanes,
                                           password.data(), password.size(), salt.data(),
                                           salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (status != ARGON2_OK) {
    return core::fail(core::ErrorCode::kIo, fmt::format("the password could not be hashed: {}",
                                                        argon2_error_message(status)));
  }
  encoded.resize(encoded.find('\0'));
  return encoded;
}

}  // namespace

core::Result<std::string> hash_password(std::string_view password,
                                        const app::RandomBytes& random_bytes, PasswordCost cost) {
  if (password.size() > kPasswordMaximum) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("the password is longer than {} bytes", kPasswordMaximum));
  }
  if (!core::utf8::is_valid(password))
    return core::fail(core::ErrorCode::kInvalidInput, "the password is not valid UTF-8 text");
  if (core::utf8::count(password) < kPasswordMinimum) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("the password is shorter than {} characters", kPasswordMinimum));
  }
  std::array<std::uint8_t, kSaltBytes> salt{};
  LIMBER_TRY(random_bytes(salt));
  return encode(password, salt, cost);
}

bool password_matches(const std::string& encoded, std::string_view password) {
  if (!encoded.starts_with("$argon2id$") || password.size() > kPasswordMaximum)
    return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool spend_a_password_check(std::string_view password) {
  static const std::string kUnknownAccount = [] {
    constexpr std::array<std::uint8_t, kSaltBytes> kSalt{'l', 'i', 'm', 'b', 'e', 'r', '-', 'n',
                                                         'o', '-', 'o', 'n', 'e', '-', '-', '-'};
    return encode("no account has this password", kSalt, kPasswordCost).value();
  }();
  (void)password_matches(kUnknownAccount, password);
  return false;
}

}  // namespace limber::clinic
