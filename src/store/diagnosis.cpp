#include "store/diagnosis.h"

#include <fmt/format.h>

#include "store/diary_store.h"

namespace limber::store {

namespace {

constexpr int kMaxFindings = 50;

core::Result<std::vector<std::string>> foreign_key_problems(const Database& db) {
  LIMBER_TRY_ASSIGN(
      auto check,
      db.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT " +
                 std::to_string(kMaxFindings)));
  std::vector<std::string> problems;
  LIMBER_TRY(check.for_each_row([&](const Statement& row) {
    problems.push_back(fmt::format("a row of {} (rowid {}) points at a missing {} row", row.text(0),
                                   row.is_null(1) ? std::string("?") : row.text(1), row.text(2)));
  }));
  return problems;
}

// The entry's row and its regions as stored, for a person to re-enter by hand.
core::Result<std::string> stored_row(const Database& db, std::int64_t id) {
  constexpr std::string_view kSql =
      "SELECT 'kind=' || quote(kind) || ' at=' || quote(datetime(at + utc_offset, 'unixepoch')) "
      "|| ' pain=' || quote(pain) || ' mobility=' || quote(mobility) || ' relief=' || "
      "quote(relief) || ' name=' || quote(name) || ' minutes=' || quote(minutes) || "
      "' pain_before=' || quote(pain_before) || ' note=' || quote(note) || coalesce((SELECT ' "
      "regions=' || group_concat(quote(region) || ':' || quote(r.pain), ',') FROM "
      "entry_regions r WHERE r.entry_id = entries.id), '') FROM entries WHERE id = ?1";
  LIMBER_TRY_ASSIGN(auto row, db.prepare(kSql));
  row.bind(1, id);
  LIMBER_TRY_ASSIGN(const bool found, row.step());
  return found ? row.text(0) : std::string("(gone)");
}

}  // namespace

core::Result<Diagnosis> diagnose(const Database& db) {
  Diagnosis diagnosis;
  LIMBER_TRY_ASSIGN(diagnosis.integrity, check_integrity(db, true, kMaxFindings));
  LIMBER_TRY_ASSIGN(diagnosis.foreign_keys, foreign_key_problems(db));
  LIMBER_TRY_ASSIGN(auto entries, DiaryStore(db).all());
  diagnosis.readable = static_cast<std::int64_t>(entries.size());
  for (const std::int64_t id : db.unreadable()) {
    auto stored = stored_row(db, id);
    diagnosis.unreadable.push_back({id, stored ? *stored : stored.error().message});
  }
  return diagnosis;
}

}  // namespace limber::store
