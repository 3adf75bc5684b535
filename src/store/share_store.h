// What `limber share` keeps (issue 17, schema version 11): the clinic this diary shares
// with and the token it gave, and which records were sent with what, so a send takes only
// what is new or changed, and a failed send changes nothing (the next one sends again).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/fhir.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::store {

struct SharedClinic {
  std::string url;    // "https://clinic.example:8443"
  std::string token;  // the upload token, 64 hex digits
  std::int64_t patient = 0;
  bool notes = false;
  core::Instant since{};
  std::optional<core::Instant> last_sent_at;
  bool stopping = false;  // a stop asked for that the clinic has not confirmed yet
};

class ShareStore {
 public:
  explicit ShareStore(const Database& db) : db_(db) {}

  // The clinic, if this diary shares with one (or is still stopping).
  core::Result<std::optional<SharedClinic>> clinic() const;
  // Starts sharing with `clinic`, forgetting what an earlier clinic was sent.
  core::Result<void> start(const SharedClinic& clinic) const;
  // Record -> SHA-256 of what was sent.
  core::Result<std::map<std::string, std::string>> sent() const;
  // After the clinic took them: the records and their hashes, and the time, in one
  // transaction.
  core::Result<void> mark_sent(const std::map<std::string, std::string>& records,
                               core::Instant at) const;
  // Records the clinic deleted (they left the diary): no longer counted as sent.
  core::Result<void> forget_sent(const std::vector<std::string>& records) const;
  // Every PSFS rating in the diary, an activity since removed included (what was shared of
  // it stays shared), oldest first, with the activity's name.
  core::Result<std::vector<core::FunctionRatingExport>> function_ratings() const;
  // A stop is asked for: kept until the clinic confirms it (forget()).
  core::Result<void> mark_stopping() const;
  // The clinic confirmed the stop: the token and the record of what was sent go.
  core::Result<void> forget() const;

 private:
  const Database& db_;
};

}  // namespace limber::store
