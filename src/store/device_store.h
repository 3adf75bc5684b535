// The phones paired with this diary (issue 14): a name, when it was paired, when it was
// last seen, and the SHA-256 of its session secret. The secret itself is never stored, so
// a copy of the diary opens no phone's session. A revoked phone's row is deleted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::store {

struct DeviceRow {
  std::string name;
  core::Instant paired_at;
  std::optional<core::Instant> last_seen;
  std::string secret_sha256;  // 64 lowercase hex digits
};

class DeviceStore {
 public:
  explicit DeviceStore(const Database& db) : db_(db) {}

  // Adds a paired phone. kInvalidInput when its name (in any case) or hash is taken.
  Result<void> add(const DeviceRow& device) const;
  // Every paired phone, the first paired first.
  Result<std::vector<DeviceRow>> all() const;
  // The phone whose secret hashes to `secret_sha256`, or nullopt.
  Result<std::optional<DeviceRow>> by_secret_sha256(std::string_view secret_sha256) const;
  // Records that the phone `name` was seen at `at`.
  Result<void> touch(std::string_view name, core::Instant at) const;
  // Deletes the phone `name` (in any case). Returns false when there is none.
  Result<bool> remove(std::string_view name) const;

 private:
  const Database& db_;
};

}  // namespace limber::store
