#include "app/share_service.h"

#include <map>
#include <set>
#include <span>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/share_records.h"
#include "core/sha256.h"

namespace limber::app {
namespace {

using core::ErrorCode;

// The clinic's own sentence from an error answer, or a plain one naming the status.
std::string clinic_says(const ClinicReply& reply) {
  const auto json = nlohmann::json::parse(reply.body, nullptr, false);
  if (json.is_object() && json.contains("error") && json["error"].is_string())
    return json["error"].get<std::string>();
  return fmt::format("the clinic answered {}", reply.status);
}

core::Error refused(const ClinicReply& reply) {
  // 5xx: the clinic's trouble, worth trying again; the rest: what was sent is refused.
  const ErrorCode code = reply.status >= 500 ? ErrorCode::kBusy : ErrorCode::kInvalidInput;
  return {code, fmt::format("the clinic refused: {}", clinic_says(reply))};
}

}  // namespace

core::Result<ShareCounts> ShareService::preview(bool notes) const {
  LIMBER_TRY_ASSIGN(const auto diary, read_share_diary(db_));
  const auto counts = core::fhir_counts(share_input(diary, notes, clock_()));
  return ShareCounts{counts.pain_ratings,     counts.region_observations,
                     counts.checks,           notes,
                     counts.mobility,         counts.walks,
                     counts.sessions,         counts.reliefs,
                     counts.function_ratings, counts.sitting_days};
}

core::Result<int> ShareService::delete_at_clinic(const store::SharedClinic& clinic,
                                                 const std::vector<std::string>& keys) {
  int deleted = 0;
  for (std::size_t first = 0; first < keys.size(); first += kRecordsPerDeletion) {
    const auto part =
        std::span(keys).subspan(first, std::min(kRecordsPerDeletion, keys.size() - first));
    const nlohmann::json body = {{"records", std::vector<std::string>(part.begin(), part.end())}};
    LIMBER_TRY_ASSIGN(const auto reply, call_(clinic.url, {"POST", "/api/share/deletions",
                                                           body.dump(), clinic.token}));
    if (reply.status != 200)
      return core::Unexpected(refused(reply));
    const auto answer = nlohmann::json::parse(reply.body, nullptr, false);
    if (answer.is_object() && answer.contains("deleted") && answer["deleted"].is_number_integer())
      deleted += answer["deleted"].get<int>();
  }
  return deleted;
}

core::Result<ShareSent> ShareService::join(const std::string& url, const std::string& code,
                                           bool notes, const std::string& name) {
  if (!url.starts_with("https://")) {
    return core::fail(ErrorCode::kInvalidInput,
                      fmt::format("{} is not an https:// address: limber shares with a clinic "
                                  "only over HTTPS",
                                  url));
  }
  const store::ShareStore store(db_);
  LIMBER_TRY_ASSIGN(const auto current, store.clinic());
  if (current) {
    return core::fail(ErrorCode::kConflict,
                      fmt::format("this diary already shares with {}; stop that first (limber "
                                  "share --stop)",
                                  current->url));
  }
  nlohmann::json body = {{"code", code}};
  if (!name.empty())
    body["name"] = name;
  LIMBER_TRY_ASSIGN(const auto reply, call_(url, {"POST", "/api/share/join", body.dump(), ""}));
  if (reply.status != 201)
    return core::Unexpected(refused(reply));
  const auto joined = nlohmann::json::parse(reply.body, nullptr, false);
  if (!joined.is_object() || !joined.contains("token") || !joined["token"].is_string() ||
      !joined.contains("patient") || !joined["patient"].is_number_integer()) {
    return core::fail(ErrorCode::kIo, "the clinic's answer to the invitation was not understood");
  }
  LIMBER_TRY(
      store.start({url, joined["token"].get<std::string>(), joined["patient"].get<std::int64_t>(),
                   notes, clock_(), std::nullopt, false}));
  return sync();
}

core::Result<ShareSent> ShareService::sync() {
  const store::ShareStore store(db_);
  LIMBER_TRY_ASSIGN(const auto clinic, store.clinic());
  if (!clinic)
    return core::fail(ErrorCode::kNotFound, "this diary shares with no clinic");
  if (clinic->stopping) {
    LIMBER_TRY(stop());
    return ShareSent{};
  }
  LIMBER_TRY_ASSIGN(const auto diary, read_share_diary(db_));
  const auto input = share_input(diary, clinic->notes, clock_());
  LIMBER_TRY_ASSIGN(const auto sent, store.sent());
  // Only what is new or changed is built: a day's entries in a 5-year diary, not the diary.
  std::set<std::string> wanted;
  std::map<std::string, std::string> hashes;  // of what will be sent
  std::vector<std::string> replaced;          // changed: deleted at the clinic, sent again
  std::set<std::string> present;
  for (const auto& source : core::fhir_record_sources(input)) {
    present.insert(source.key);
    const auto hash = core::sha256_hex(source.fingerprint);
    const auto found = sent.find(source.key);
    if (found == sent.end() || found->second != hash) {
      wanted.insert(source.key);
      hashes.emplace(source.key, hash);
      if (found != sent.end())
        replaced.push_back(source.key);
    }
  }
  const auto pending = core::fhir_records(input, wanted);
  std::vector<std::string> gone;  // deleted from the diary
  for (const auto& [key, hash] : sent) {
    if (!present.contains(key))
      gone.push_back(key);
  }
  std::vector<std::string> deletions = gone;
  deletions.insert(deletions.end(), replaced.begin(), replaced.end());
  if (!deletions.empty()) {
    LIMBER_TRY(delete_at_clinic(*clinic, deletions));
    LIMBER_TRY(store.forget_sent(gone));
  }
  ShareSent result;
  result.pending = static_cast<int>(pending.size());
  result.deleted = static_cast<int>(gone.size());
  for (std::size_t first = 0; first < pending.size(); first += kRecordsPerUpload) {
    const auto part =
        std::span(pending).subspan(first, std::min(kRecordsPerUpload, pending.size() - first));
    const auto now = clock_();
    LIMBER_TRY_ASSIGN(
        const auto reply,
        call_(clinic->url, {"PUT", "/api/share/resources",
                            core::fhir_upload_bundle(part, "batch", now), clinic->token}));
    if (reply.status != 200)
      return core::Unexpected(refused(reply));
    std::map<std::string, std::string> part_hashes;
    for (const auto& record : part) {
      part_hashes.emplace(record.key, hashes.at(record.key));
      result.resources += static_cast<int>(record.entries.size());
    }
    LIMBER_TRY(store.mark_sent(part_hashes, now));
    result.records += static_cast<int>(part.size());
    result.pending -= static_cast<int>(part.size());
  }
  if (pending.empty()) {
    LIMBER_TRY(store.mark_sent({}, clock_()));  // a send that found nothing new is one too
  }
  return result;
}

core::Result<std::optional<store::SharedClinic>> ShareService::clinic() const {
  return store::ShareStore(db_).clinic();
}

core::Result<std::optional<ShareStatus>> ShareService::status() const {
  const store::ShareStore store(db_);
  LIMBER_TRY_ASSIGN(const auto clinic, store.clinic());
  if (!clinic)
    return std::nullopt;
  LIMBER_TRY_ASSIGN(const auto diary, read_share_diary(db_));
  LIMBER_TRY_ASSIGN(const auto sent, store.sent());
  ShareStatus status{*clinic, static_cast<int>(sent.size()), 0, 0};
  std::set<std::string> present;
  for (const auto& source :
       core::fhir_record_sources(share_input(diary, clinic->notes, clock_()))) {
    present.insert(source.key);
    const auto found = sent.find(source.key);
    if (found == sent.end() || found->second != core::sha256_hex(source.fingerprint))
      ++status.pending;
  }
  for (const auto& [key, hash] : sent)
    status.gone += present.contains(key) ? 0 : 1;
  return status;
}

core::Result<ShareStopped> ShareService::stop() {
  const store::ShareStore store(db_);
  LIMBER_TRY_ASSIGN(const auto clinic, store.clinic());
  if (!clinic)
    return core::fail(ErrorCode::kNotFound, "this diary shares with no clinic");
  if (!clinic->stopping) {
    LIMBER_TRY(store.mark_stopping());
  }
  LIMBER_TRY_ASSIGN(const auto reply,
                    call_(clinic->url, {"DELETE", "/api/share", "", clinic->token}));
  // 401: the clinic no longer knows the token, so it holds nothing under it.
  if (reply.status != 200 && reply.status != 401)
    return core::Unexpected(refused(reply));
  const auto answer = nlohmann::json::parse(reply.body, nullptr, false);
  ShareStopped stopped;
  if (answer.is_object() && answer.contains("deleted") && answer["deleted"].is_number_integer())
    stopped.deleted = answer["deleted"].get<int>();
  LIMBER_TRY(store.forget());
  return stopped;
}

}  // namespace limber::app
