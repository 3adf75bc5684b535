#include "app/pairing_service.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "core/sha256.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/utf8.h"

namespace limber::app {
namespace {

using core::ErrorCode;
using core::fail;

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::size_t kSecretBytes = 32;

std::string base64url(std::span<const std::uint8_t> bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const std::uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kBase64Url[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0)
    out += kBase64Url[(buffer << (6 - bits)) & 0x3f];
  return out;
}

// The code as typed, in capitals, without spaces and dashes.
std::string normalized_code(std::string_view typed) {
  std::string code;
  for (const char c : typed) {
    if (c == ' ' || c == '-')
      continue;
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return code;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

constexpr std::string_view kStartAgain = "start a new pairing on the computer.";

}  // namespace

std::string device_name_from_user_agent(std::string_view user_agent) {
  if (contains(user_agent, "iPhone"))
    return "iPhone";
  if (contains(user_agent, "iPad"))
    return "iPad";
  if (contains(user_agent, "Android"))
    return "Android phone";
  return "Phone";
}

PairingService::PairingService(const store::Database& db, RandomBytes random)
    : devices_(db), random_(std::move(random)) {}

core::Result<std::string> PairingService::random_text(std::size_t bytes) {
  std::vector<std::uint8_t> buffer(bytes);
  LIMBER_TRY(random_(buffer));
  return base64url(buffer);
}

core::Result<Pairing> PairingService::start(core::Instant now) {
  std::string code;
  // Each byte's low five bits, skipping the one value past the alphabet: every symbol is
  // equally likely.
  while (code.size() < kCodeLength) {
    std::array<std::uint8_t, 16> bytes{};
    LIMBER_TRY(random_(bytes));
    for (const std::uint8_t byte : bytes) {
      const std::size_t symbol = byte & 0x1f;
      if (symbol < kCodeAlphabet.size() && code.size() < kCodeLength)
        code += kCodeAlphabet[symbol];
    }
  }
  const std::lock_guard lock(mutex_);
  open_ = Open{code, now + kPairingLifetime};
  return Pairing{code, open_->expires_at};
}

core::Result<std::string> PairingService::free_name(std::string name) const {
  LIMBER_TRY_ASSIGN(auto taken, devices_.all());
  const auto is_taken = [&](std::string_view candidate) {
    return std::any_of(taken.begin(), taken.end(), [&](const store::DeviceRow& row) {
      return core::edit_distance(row.name, candidate) == 0 && row.name.size() == candidate.size();
    });
  };
  if (!is_taken(name))
    return name;
  for (int number = 2;; ++number) {
    std::string numbered = fmt::format("{} {}", name, number);
    if (!is_taken(numbered))
      return numbered;
  }
}

core::Result<PairedPhone> PairingService::pair(core::Instant now, std::string_view code,
                                               std::string_view name,
                                               std::string_view default_name) {
  std::string chosen(name.empty() ? default_name : name);
  // Room for " 2" and the like within the stored limit.
  LIMBER_TRY_ASSIGN(auto checked, core::check_text(std::move(chosen), kMaxDeviceName - 4,
                                                   "phone's name", core::Lines::kOne));
  while (!checked.empty() && checked.back() == ' ')
    checked.pop_back();
  if (checked.empty())
    checked = "Phone";

  const std::lock_guard lock(mutex_);
  if (!open_) {
    return fail(ErrorCode::kInvalidInput, fmt::format("No pairing is open: {}", kStartAgain));
  }
  Open& open = *open_;
  const std::string given = normalized_code(code);
  const bool matches =
      given.size() == open.code.size() && core::sha256(given) == core::sha256(open.code);
  if (open.state == State::kEnded) {
    return fail(ErrorCode::kInvalidInput, fmt::format("This pairing ended after {} wrong codes: {}",
                                                      kMaxWrongCodes, kStartAgain));
  }
  if (matches && open.state == State::kUsed) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("That pairing code was used already: {}", kStartAgain));
  }
  if (matches && now >= open.expires_at) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("That pairing code has expired: {}", kStartAgain));
  }
  if (!matches || open.state != State::kOpen) {
    if (open.state == State::kOpen && now < open.expires_at && ++open.wrong >= kMaxWrongCodes) {
      open.state = State::kEnded;
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("That code is not right, {} times now, so this pairing has ended: {}",
                              kMaxWrongCodes, kStartAgain));
    }
    if (open.state != State::kOpen || now >= open.expires_at) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("That is not the code of an open pairing: {}", kStartAgain));
    }
    return fail(ErrorCode::kInvalidInput,
                fmt::format("That code is not right: check the {} characters under the QR code "
                            "on the computer ({} tries left).",
                            kCodeLength, kMaxWrongCodes - open.wrong));
  }
  LIMBER_TRY_ASSIGN(auto secret, random_text(kSecretBytes));
  LIMBER_TRY_ASSIGN(auto stored_name, free_name(std::move(checked)));
  LIMBER_TRY(devices_.add({stored_name, now, now, core::sha256_hex(secret)}));
  open.state = State::kUsed;
  return PairedPhone{stored_name, secret};
}

core::Result<std::optional<std::string>> PairingService::phone_for(core::Instant now,
                                                                   std::string_view secret) {
  if (secret.empty())
    return std::optional<std::string>{};
  LIMBER_TRY_ASSIGN(auto device, devices_.by_secret_sha256(core::sha256_hex(secret)));
  if (!device)
    return std::optional<std::string>{};
  if (!device->last_seen || now - *device->last_seen >= kSeenEvery)
    LIMBER_TRY(devices_.touch(device->name, now));
  return std::optional<std::string>(device->name);
}

core::Result<std::vector<store::DeviceRow>> PairingService::phones() const {
  return devices_.all();
}

core::Result<void> PairingService::revoke(std::string_view name) const {
  LIMBER_TRY_ASSIGN(const bool removed, devices_.remove(name));
  if (removed)
    return {};
  LIMBER_TRY_ASSIGN(auto all, devices_.all());
  std::vector<std::string_view> names;
  names.reserve(all.size());
  for (const store::DeviceRow& row : all)
    names.push_back(row.name);
  if (names.empty()) {
    return fail(ErrorCode::kNotFound,
                fmt::format("no phone called '{}': no phone is paired", name));
  }
  std::string known;
  for (const std::string_view each : names)
    known += fmt::format("{}'{}'", known.empty() ? "" : ", ", each);
  return fail(ErrorCode::kNotFound,
              fmt::format("no phone called '{}' is paired (paired: {}).{}", name, known,
                          core::did_you_mean(name, names)),
              core::Remedy::kListDevices);
}

core::Result<void> revoke_phone(const store::Database& db, std::string_view name) {
  return PairingService(db, system_random_bytes).revoke(name);
}

}  // namespace limber::app
