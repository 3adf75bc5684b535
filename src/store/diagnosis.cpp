#include "store/diagnosis.h"

#include <fmt/format.h>

#include "store/diary_store.h"

namespace limber::store {

using core::Unexpected;

namespace {

constexpr int kMaxFindings = 50;

core::Result<std::vector<std::string>> foreign_key_problems(const Database& db) {
  auto check = db.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT " +
                          std::to_string(kMaxFindings));
  if (!check)
    return Unexpected(check.error());
  std::vector<std::string> problems;
  for (;;) {
    auto row = check->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    problems.push_back(
        fmt::format("a row of {} (rowid {}) points at a missing {} row", check->text(0),
                    check->is_null(1) ? std::string("?") : check->text(1), check->text(2)));
  }
  return problems;
}

// The entry's row and its regions as stored, for a person to re-enter by hand.
core::Result<std::string> stored_row(const Database& db, std::int64_t id) {
  auto row = db.prepare(
      "SELECT 'kind=' || quote(kind) || ' at=' || quote(datetime(at + utc_offset, 'unixepoch')) "
      "|| ' pain=' || quote(pain) || ' mobility=' || quote(mobility) || ' relief=' || "
      "quote(relief) || ' name=' || quote(name) || ' minutes=' || quote(minutes) || "
      "' pain_before=' || quote(pain_before) || ' note=' || quote(note) || coalesce((SELECT ' "
      "regions=' || group_concat(quote(region) || ':' || quote(r.pain), ',') FROM "
      "entry_regions r WHERE r.entry_id = entries.id), '') FROM entries WHERE id = ?1");
  if (!row)
    return Unexpected(row.error());
  row->bind(1, id);
  auto found = row->step();
  if (!found)
    return Unexpected(found.error());
  return *found ? row->text(0) : std::string("(gone)");
}

}  // namespace

core::Result<Diagnosis> diagnose(const Database& db) {
  Diagnosis diagnosis;
  auto integrity = check_integrity(db, true, kMaxFindings);
  if (!integrity)
    return Unexpected(integrity.error());
  diagnosis.integrity = std::move(*integrity);
  auto keys = foreign_key_problems(db);
  if (!keys)
    return Unexpected(keys.error());
  diagnosis.foreign_keys = std::move(*keys);
  auto entries = DiaryStore(db).all();
  if (!entries)
    return Unexpected(entries.error());
  diagnosis.readable = static_cast<std::int64_t>(entries->size());
  for (const std::int64_t id : db.unreadable()) {
    auto stored = stored_row(db, id);
    diagnosis.unreadable.push_back({id, stored ? *stored : stored.error().message});
  }
  return diagnosis;
}

}  // namespace limber::store
