// The diary's safety record for one command. Session opens the diary for entries but does
// not hand out its Database, so this opens a second connection to the same file (WAL and
// the busy timeout make that safe). When Session exposes its Database, only
// open_safety() changes. Internal to cli/.
#pragma once

#include <memory>

#include "app/screening.h"
#include "cli/command.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::cli {

class SafetySession {
 public:
  SafetySession(store::Database db, core::Now now) : db_(std::move(db)), screening_(db_, now) {}
  SafetySession(const SafetySession&) = delete;
  SafetySession& operator=(const SafetySession&) = delete;
  SafetySession(SafetySession&&) = delete;
  SafetySession& operator=(SafetySession&&) = delete;
  ~SafetySession() = default;

  [[nodiscard]] const app::ScreeningService& screening() const { return screening_; }

 private:
  store::Database db_;
  app::ScreeningService screening_;  // refers to db_
};

// Opens the diary the session uses (the root's --data-dir, then the environment), found
// from `command`, any App in the command tree.
core::Result<std::unique_ptr<SafetySession>> open_safety(Session& session, const CLI::App& command);

// Shows the first-start disclaimer on `out` once per diary, and records it.
core::Result<void> disclaimer_once(const app::ScreeningService& screening, std::ostream& out);

}  // namespace limber::cli
