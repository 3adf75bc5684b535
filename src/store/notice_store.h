// Notices shown once per diary, such as the first-start disclaimer: a name and when it
// was first shown.
#pragma once

#include <optional>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::store {

class NoticeStore {
 public:
  explicit NoticeStore(const Database& db) : db_(db) {}

  // When the notice `name` was first shown, or nullopt when it never was.
  Result<std::optional<core::Instant>> shown_at(std::string_view name) const;
  // Records that `name` was shown at `at`. Returns true when this is the first time;
  // a later call keeps the first time and returns false.
  Result<bool> mark_shown(std::string_view name, core::Instant at) const;

 private:
  const Database& db_;
};

}  // namespace limber::store
