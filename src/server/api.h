// The JSON API's use cases, one function per route, free of HTTP: each takes the request's
// parts (body, query parameters, path ids) and the moment of the request, calls the app
// layer, and returns the status and JSON to answer. docs/api.md is the contract.
//
// Not thread-safe: the server calls it under one lock, as the diary is one SQLite
// connection.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/live_catalog.h"
#include "core/catalog.h"
#include "core/clock.h"
#include "core/result.h"
#include "server/phone.h"
#include "store/database.h"

namespace limber::server {

// A json's default construction and moves do not throw in practice (they allocate nothing),
// hence the NOLINTs.
struct Reply {
  Reply() = default;  // NOLINT(bugprone-exception-escape)
  Reply(int status_code, nlohmann::json json) : status(status_code), body(std::move(json)) {}

  int status = 200;
  nlohmann::json body;
  std::string text;  // the body already serialized (a memoized answer); then `body` is unused
  // A file rather than JSON (the report's PDF): `text` holds its bytes, sent with this
  // Content-Type and as an attachment named `filename`. Empty for JSON replies.
  std::string content_type;
  std::string filename;
  // Headers to send as well (the phone's Set-Cookie after pairing).
  std::vector<std::pair<std::string, std::string>> headers;
};

// {"error": message} with the status of the error's code (server/http_status.h).
Reply error_reply(const core::Error& error);

class Api {
 public:
  // `db` and `catalog` must outlive the Api. A fixed core::Catalog converts to a
  // LiveCatalog that never changes; `limber serve`'s reads the therapist's exercises again
  // when the diary's change (app/live_catalog.h).
  Api(const store::Database& db, app::LiveCatalog catalog)
      : db_(db), catalog_(std::move(catalog)) {}
  // With phones (issue 14): `pairing` and `phone` (nullopt when phones cannot reach this
  // server) must outlive the Api.
  Api(const store::Database& db, app::LiveCatalog catalog, app::PairingService& pairing,
      const std::optional<PhoneAddress>& phone)
      : db_(db), catalog_(std::move(catalog)), pairing_(&pairing), phone_(&phone) {}

  // GET /api/today: the safety status first, then the plan (null until it may be shown).
  [[nodiscard]] Reply today(const core::Now& now) const;
  // GET /api/vocabulary: regions, pain words, mobility, relief kinds, styles, muscles.
  [[nodiscard]] Reply vocabulary() const;

  // GET /api/entries?days=N, newest first; POST /api/entries; PUT and DELETE
  // /api/entries/ID.
  [[nodiscard]] Reply entries(const core::Now& now, std::optional<std::string_view> days) const;
  [[nodiscard]] Reply add_entry(const core::Now& now, std::string_view body) const;
  [[nodiscard]] Reply delete_entry(const core::Now& now, std::string_view id) const;
  // PUT /api/entries/ID: the entry as POST takes it, in the place of entry ID (same kind;
  // without "at" it keeps its time).
  [[nodiscard]] Reply replace_entry(const core::Now& now, std::string_view id,
                                    std::string_view body) const;

  // GET /api/progress?days=N&tag=T (the tag filter is optional)
  [[nodiscard]] Reply progress(const core::Now& now, std::optional<std::string_view> days,
                               std::optional<std::string_view> tag = std::nullopt) const;

  // GET /api/check: the questions, the disclaimer and the standing result;
  // POST /api/check: a check; POST /api/clinician-visit: a clinician has seen the person.
  [[nodiscard]] Reply check_questions(const core::Now& now) const;
  [[nodiscard]] Reply check(const core::Now& now, std::string_view body) const;
  [[nodiscard]] Reply clinician_visit(const core::Now& now, std::string_view body) const;

  // GET and PUT /api/preferences: styles, weak and tight muscles.
  [[nodiscard]] Reply preferences(const core::Now& now) const;
  [[nodiscard]] Reply set_preferences(const core::Now& now, std::string_view body) const;

  // GET /api/exercises?style=S&phase=P, GET /api/exercises/ID (with steps and cues).
  [[nodiscard]] Reply exercises(std::optional<std::string_view> style,
                                std::optional<std::string_view> phase) const;
  [[nodiscard]] Reply exercise(std::string_view id) const;

  // GET /api/session: today's guided session (core::choose_session), each exercise with
  // its timed stages.
  [[nodiscard]] Reply session(const core::Now& now) const;

  // GET /api/function; POST /api/function/activities {"name"};
  // POST /api/function/ratings {"name", "score"}; DELETE /api/function/activities/NAME.
  [[nodiscard]] Reply function(const core::Now& now) const;
  [[nodiscard]] Reply add_activity(const core::Now& now, std::string_view body) const;
  [[nodiscard]] Reply rate_activity(const core::Now& now, std::string_view body) const;
  [[nodiscard]] Reply remove_activity(const core::Now& now, std::string_view name) const;

  // GET /api/report?from=DAY&to=DAY&name=NAME: the PDF for the physical therapist, the same
  // file as `limber report` with the same options (application/pdf, an attachment); JSON
  // {"error"} when it cannot be made. Days left out: the same defaults as the CLI.
  [[nodiscard]] Reply report(const core::Now& now, std::optional<std::string_view> from,
                             std::optional<std::string_view> to,
                             std::optional<std::string_view> name = std::nullopt) const;
  // GET /api/report/period?from=DAY&to=DAY: {"from", "to"}, the days report() would cover:
  // without days, the current episode's, as `limber report` chooses them.
  [[nodiscard]] Reply report_period(const core::Now& now, std::optional<std::string_view> from,
                                    std::optional<std::string_view> to) const;

  // GET /api/sitting/pause; PUT /api/sitting/pause {"minutes": 1-1440} or {"until":
  // "tomorrow"|"HH:MM"}; DELETE /api/sitting/pause ("Resume now"). Issue #18: the watcher
  // reads the pause from the diary when a reminder falls due.
  [[nodiscard]] Reply sitting_pause(const core::Now& now) const;
  [[nodiscard]] Reply pause_sitting(const core::Now& now, std::string_view body) const;
  [[nodiscard]] Reply resume_sitting(const core::Now& now) const;

  // GET /api/episode; POST /api/episode: a new episode starts now.
  [[nodiscard]] Reply episode(const core::Now& now) const;
  [[nodiscard]] Reply new_episode(const core::Now& now, std::string_view body) const;

  // Phones (api_phone.cpp, docs/phone.md). POST /api/pairing: a new pairing code with the
  // QR codes and words of the two steps; GET /api/devices; DELETE /api/devices/NAME.
  [[nodiscard]] Reply start_pairing(const core::Now& now) const;
  [[nodiscard]] Reply devices() const;
  [[nodiscard]] Reply revoke_device(std::string_view name) const;
  // POST /api/pair {"code", "name"?} from the phone: {"name"} and the device cookie.
  // `user_agent` names the phone when the body does not.
  [[nodiscard]] Reply pair(const core::Now& now, std::string_view body,
                           std::string_view user_agent) const;

 private:
  // Answers that depend only on the diary and the local day (today's plan, progress) are
  // kept until either changes: on a 5-year diary each costs ~15 ms of reading the episode,
  // and the page asks for them on every visit. The diary's version is this connection's
  // total_changes() with PRAGMA data_version, which moves when another process (a `limber
  // log` in a terminal) commits.
  struct Memo {  // NOLINT(bugprone-exception-escape): see Reply
    std::string day;
    std::int64_t changes = 0;
    std::int64_t version = 0;
    Reply reply;
  };
  template <class Compute>
  Reply memoized(const std::string& key, const core::Now& now, Compute compute) const;
  [[nodiscard]] Reply compute_today(const core::Now& now) const;
  [[nodiscard]] Reply compute_progress(const core::Now& now, int days,
                                       std::optional<std::string_view> tag) const;

  // The catalog for one request: taken once per request, as the next call may read it
  // again.
  [[nodiscard]] const core::Catalog& catalog() const { return catalog_.current(); }

  const store::Database& db_;
  mutable app::LiveCatalog catalog_;
  app::PairingService* pairing_ = nullptr;
  const std::optional<PhoneAddress>* phone_ = nullptr;
  mutable std::map<std::string, Memo> memos_;
};

// The timed stages of one exercise in a guided session, as core::SessionScript times them
// for `limber session`: core::kReadySeconds to get ready, then each set (a hold counts
// down; reps at core::seconds_per_rep), with the exercise's rest between sets.
// [{"stage": "ready"|"work"|"rest", "seconds", "set", "reps"?, "rep_seconds"?}]
nlohmann::json session_stages(const core::Exercise& exercise);

}  // namespace limber::server
