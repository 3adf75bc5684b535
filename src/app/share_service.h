// `limber share` (issue 17): the person shares their diary with a clinic's limber-clinic.
// They see what will be shared and agree; limber takes the therapist's invitation and keeps
// the token it gets (store/share_store.h), then sends the diary as FHIR R4 records
// (core::fhir_records, each with its stable identifier) and remembers a hash of what each
// record was made from (core::fhir_record_sources), so the next send takes only what is new or
// changed. A record deleted from the diary is deleted at the clinic at the next send (POST
// /api/share/deletions), and forgotten only once the clinic confirms; a changed record is deleted
// there and sent again, so a region taken out of an entry leaves nothing behind. A send that fails
// changes nothing: the next one sends the same again, and the clinic's upsert keeps one copy.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/fhir.h"
#include "core/result.h"
#include "store/database.h"
#include "store/share_store.h"

namespace limber::app {

// One request to the clinic and its answer; the program sends it over HTTPS with the TLS
// module (cli/share_command.cpp), unit tests answer it themselves.
struct ClinicRequest {
  std::string method;  // "POST", "PUT", "DELETE"
  std::string path;    // "/api/share/join"
  std::string body;    // JSON
  std::string bearer;  // the upload token, or empty
};
struct ClinicReply {
  int status = 0;
  std::string body;
};
// `url` is the clinic's address ("https://clinic.example:8443").
using ClinicCall =
    std::function<core::Result<ClinicReply>(const std::string& url, const ClinicRequest&)>;

// What will be (or was) shared, counted per kind, for the person to read before agreeing.
struct ShareCounts {
  int pain_ratings = 0;
  int region_ratings = 0;
  int checks = 0;
  bool notes = false;
  int mobility = 0;  // pain ratings saying how the person could move
  int walks = 0;
  int sessions = 0;
  int reliefs = 0;
  int function_ratings = 0;
  int sitting_days = 0;
};

struct ShareSent {
  int records = 0;    // records sent now (new or changed)
  int resources = 0;  // FHIR resources in them
  int pending = 0;    // records still to send (0 after a send that worked)
  int deleted = 0;    // records gone from the diary, deleted at the clinic now
};

struct ShareStatus {
  store::SharedClinic clinic;
  int sent = 0;     // records the clinic holds
  int pending = 0;  // new or changed since the last send
  int gone = 0;     // sent, then deleted from the diary: to be deleted at the clinic
};

struct ShareStopped {
  int deleted = 0;  // what the clinic says it deleted
};

// The most records in one upload: well under the clinic's 1 MiB a request.
inline constexpr std::size_t kRecordsPerUpload = 400;
// The most record keys in one request for deletions ("entry-123456": 20 bytes or so).
inline constexpr std::size_t kRecordsPerDeletion = 2000;

class ShareService {
 public:
  ShareService(const store::Database& db, ClinicCall call, std::function<core::Instant()> clock)
      : db_(db), call_(std::move(call)), clock_(std::move(clock)) {}

  // What sharing would send, with or without notes.
  core::Result<ShareCounts> preview(bool notes) const;

  // Takes the invitation `code` at `url` (https:// only), keeps the clinic and token, then
  // sends everything. kInvalidInput for a URL that is not https:// or an invitation the
  // clinic refuses (its sentence); kConflict when this diary already shares.
  core::Result<ShareSent> join(const std::string& url, const std::string& code, bool notes,
                               const std::string& name);

  // Sends what is new or changed since the last send; a stop not yet confirmed is asked
  // for again instead. kNotFound when this diary shares with no clinic.
  core::Result<ShareSent> sync();

  // The clinic this diary shares with (or is stopping with), without counting anything.
  core::Result<std::optional<store::SharedClinic>> clinic() const;

  // The clinic, since when, the last send, the counts sent and pending; nullopt when this
  // diary shares with no clinic.
  core::Result<std::optional<ShareStatus>> status() const;

  // Asks the clinic to delete everything and forgets the token once it confirms. When the
  // clinic cannot be reached the stop is kept (sync() asks again) and the error returned.
  core::Result<ShareStopped> stop();

 private:
  // Asks the clinic to delete `keys` (each a record's resources), in parts.
  core::Result<int> delete_at_clinic(const store::SharedClinic& clinic,
                                     const std::vector<std::string>& keys);

  const store::Database& db_;
  ClinicCall call_;
  std::function<core::Instant()> clock_;
};

}  // namespace limber::app
