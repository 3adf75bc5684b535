// Pairing a phone with this diary (issue 14, docs/phone.md). The computer opens a pairing:
// a single-use code of kCodeLength characters (about 49 random bits), good for
// kPairingLifetime, held in memory only, in the one process that serves the phone. The
// phone sends the code with a name and gets a long-lived session secret (32 random bytes,
// base64url) that it keeps in a cookie; the diary keeps only the secret's SHA-256
// (store/device_store.h). kMaxWrongCodes wrong codes end the open pairing, so a code cannot
// be guessed; the person starts a new one.
//
// Every check of a secret reads the diary, so a phone revoked by another process (the
// terminal) is refused on its next request. Thread-safe for the pairing state; the diary
// calls go through `db`, which the caller must not use from two threads at once.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/random_bytes.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"
#include "store/device_store.h"

namespace limber::app {

inline constexpr std::size_t kCodeLength = 10;
// Base32 without the look-alikes 0/O, 1/I/L: 31 symbols, log2(31) = 4.95 bits each.
inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::chrono::seconds kPairingLifetime{120};
inline constexpr int kMaxWrongCodes = 5;
// last_seen is written at most this often, so a phone's every request does not write.
inline constexpr std::chrono::seconds kSeenEvery{60};
inline constexpr std::size_t kMaxDeviceName = 60;

struct Pairing {
  std::string code;
  core::Instant expires_at;
};

struct PairedPhone {
  std::string name;    // as stored: " 2" added when the name was taken
  std::string secret;  // for the phone's cookie only; never stored
};

// A phone's name from its browser's User-Agent: "iPhone", "iPad", "Android phone" or
// "Phone".
std::string device_name_from_user_agent(std::string_view user_agent);

class PairingService {
 public:
  // `db` must outlive the service.
  PairingService(const store::Database& db, RandomBytes random);

  // Opens a new pairing, ending any open one. kIo without random numbers.
  core::Result<Pairing> start(core::Instant now);
  // Exchanges the open pairing's `code` (any case; spaces and dashes ignored) for a new
  // phone called `name` (`default_name` when empty). kInvalidInput with a message for a
  // person when there is no open pairing, the code is wrong, used, expired or the pairing
  // ended after kMaxWrongCodes wrong codes, or the name is not text.
  core::Result<PairedPhone> pair(core::Instant now, std::string_view code, std::string_view name,
                                 std::string_view default_name);
  // The name of the phone whose session secret is `secret`, or nullopt (unknown or
  // revoked). Notes the phone as seen, at most once per kSeenEvery.
  core::Result<std::optional<std::string>> phone_for(core::Instant now, std::string_view secret);
  // Every paired phone, the first paired first.
  [[nodiscard]] core::Result<std::vector<store::DeviceRow>> phones() const;
  // Ends the phone `name` (any case) at once. kNotFound, with the closest name if any.
  core::Result<void> revoke(std::string_view name) const;

 private:
  enum class State { kOpen, kUsed, kEnded };
  struct Open {
    std::string code;
    core::Instant expires_at;
    State state = State::kOpen;
    int wrong = 0;
  };

  core::Result<std::string> random_text(std::size_t bytes);
  core::Result<std::string> free_name(std::string name) const;

  store::DeviceStore devices_;
  RandomBytes random_;
  std::mutex mutex_;
  std::optional<Open> open_;
};

// Revokes the phone `name` in the diary `db` (the terminal's way: no pairing service runs
// there). As PairingService::revoke.
core::Result<void> revoke_phone(const store::Database& db, std::string_view name);

}  // namespace limber::app
