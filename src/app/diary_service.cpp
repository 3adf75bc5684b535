#include "app/diary_service.h"

#include <fmt/format.h>

#include "app/local_time.h"
#include "core/diary_csv.h"

namespace limber::app {

using core::Entry;
using core::ErrorCode;
using core::fail;
using core::Unexpected;

namespace {

// "entry #4 is a walk entry: it has no pain score"
Unexpected does_not_apply(const Entry& entry, std::string_view field) {
  return fail(ErrorCode::kInvalidInput,
              fmt::format("entry #{} is a {} entry: it has no {}", entry.id,
                          core::to_string(entry.kind()), field));
}

core::Result<void> apply(Entry& entry, const EntryEdit& edit) {
  if (edit.at)
    entry.at = *edit.at;
  if (edit.note)
    entry.note = *edit.note;
  if (edit.tags)
    entry.tags = *edit.tags;
  auto* pain = std::get_if<core::PainRecord>(&entry.detail);
  auto* relief = std::get_if<core::ReliefRecord>(&entry.detail);
  auto* walk = std::get_if<core::WalkRecord>(&entry.detail);
  if (edit.pain || edit.regions || edit.mobility) {
    if (pain == nullptr) {
      return does_not_apply(entry, edit.pain ? "pain score" : edit.regions ? "places" : "mobility");
    }
    if (edit.pain)
      pain->pain = *edit.pain;
    if (edit.regions)
      pain->regions = *edit.regions;
    if (edit.mobility)
      pain->mobility = *edit.mobility;
  }
  if (edit.relief || edit.name) {
    if (relief == nullptr)
      return does_not_apply(entry, edit.relief ? "kind of relief" : "name");
    if (edit.relief)
      relief->kind = *edit.relief;
    if (edit.name)
      relief->name = *edit.name;
  }
  if (edit.minutes) {
    if (walk == nullptr)
      return does_not_apply(entry, "minutes");
    walk->minutes = *edit.minutes;
  }
  return {};
}

}  // namespace

core::Result<Entry> DiaryService::log(Entry entry) const {
  auto at = core::not_in_future(entry.at, now_);
  if (!at)
    return Unexpected(at.error());
  entry.utc_offset = utc_offset_at(entry.at);
  LIMBER_TRY_ASSIGN(auto valid, core::validate(std::move(entry)));
  return store_.add(std::move(valid));
}

core::Result<store::Added> DiaryService::log_once(Entry entry) const {
  LIMBER_TRY(core::not_in_future(entry.at, now_));
  entry.utc_offset = utc_offset_at(entry.at);
  LIMBER_TRY_ASSIGN(Entry valid, core::validate(std::move(entry)));
  if (valid.client_id.empty()) {
    return fail(ErrorCode::kInvalidInput, "an entry logged once by a device needs the device's id");
  }
  LIMBER_TRY_ASSIGN(store::Added added, store_.add_once(valid));
  if (added.already_there && !added.entry.same_content(valid)) {
    return fail(ErrorCode::kConflict,
                fmt::format("the entry id {} was already used for a different entry (#{}), so "
                            "this one was not saved: send it again with a new id",
                            valid.client_id, added.entry.id));
  }
  return added;
}

core::Result<std::vector<Entry>> DiaryService::recent(int days) const {
  if (days < 1 || days > kMaxHistoryDays) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("{} days is out of range: use 1 to {}", days, kMaxHistoryDays));
  }
  const auto today = std::chrono::floor<std::chrono::days>(now_.local);
  const core::Instant since = from_local(today - std::chrono::days{days - 1});
  return store_.since(since);
}

core::Result<Entry> DiaryService::get(std::int64_t id) const {
  return store_.get(id);
}

core::Result<Entry> DiaryService::edit(std::int64_t id, const EntryEdit& edit) const {
  auto entry = store_.get(id);
  if (!entry)
    return entry;
  LIMBER_TRY(apply(*entry, edit));
  if (edit.at) {
    auto at = core::not_in_future(entry->at, now_);
    if (!at)
      return Unexpected(at.error());
    entry->utc_offset = utc_offset_at(entry->at);
  }
  auto valid = core::validate(std::move(*entry));
  if (!valid)
    return valid;
  LIMBER_TRY(store_.replace(*valid));
  return valid;
}

core::Result<Entry> DiaryService::replace(std::int64_t id, Entry entry) const {
  auto existing = store_.get(id);
  if (!existing)
    return existing;
  if (existing->kind() != entry.kind()) {
    return fail(
        ErrorCode::kInvalidInput,
        fmt::format("entry #{} is a {} entry and stays one: to log a {} entry instead, "
                    "delete #{} and log the new one",
                    id, core::to_string(existing->kind()), core::to_string(entry.kind()), id));
  }
  auto at = core::not_in_future(entry.at, now_);
  if (!at)
    return Unexpected(at.error());
  entry.id = id;
  entry.client_id = existing->client_id;
  entry.utc_offset = utc_offset_at(entry.at);
  auto valid = core::validate(std::move(entry));
  if (!valid)
    return valid;
  LIMBER_TRY(store_.replace(*valid));
  return valid;
}

core::Result<void> DiaryService::remove(std::int64_t id) const {
  return store_.remove(id);
}

core::Result<std::string> DiaryService::export_csv() const {
  LIMBER_TRY_ASSIGN(auto entries, store_.all());
  return core::diary_to_csv(entries);
}

core::Result<store::ImportSummary> DiaryService::import_csv(std::string_view text,
                                                            const core::Catalog& catalog) const {
  LIMBER_TRY_ASSIGN(auto entries, core::diary_from_csv(text, catalog));
  for (const Entry& entry : entries) {
    if (entry.at > now_.instant + std::chrono::minutes{5}) {
      return fail(ErrorCode::kBadFile,
                  fmt::format("entry {} is dated {}, in the future: fix the date in the file",
                              entry.id, core::format_iso(entry.at, entry.utc_offset)));
    }
  }
  return store_.import(entries);
}

}  // namespace limber::app
