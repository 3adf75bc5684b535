#include "store/diary_store.h"

#include <limits>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace limber::store {

using core::Entry;
using core::ErrorCode;
using core::fail;
using core::Unexpected;

namespace {

constexpr std::string_view kColumns =
    "id, kind, at, utc_offset, pain, mobility, relief, name, minutes, note, pain_before, "
    "leg_pain_spreads";

Unexpected no_such_entry(std::int64_t id) {
  return fail(ErrorCode::kNotFound, fmt::format("there is no entry #{}", id),
              core::Remedy::kListEntries);
}

// Binds the entry's columns to ?2..?12 (?1 is the id).
void bind_entry(Statement& statement, const Entry& entry) {
  std::optional<std::int64_t> pain;
  std::optional<std::string_view> mobility;
  std::optional<std::string_view> relief;
  std::optional<std::string_view> name;
  std::optional<std::int64_t> minutes;
  std::optional<std::int64_t> pain_before;
  std::optional<std::int64_t> leg_pain_spreads;
  if (const auto* pain_record = std::get_if<core::PainRecord>(&entry.detail)) {
    pain = pain_record->pain.value();
    if (pain_record->leg_pain_spreads)
      leg_pain_spreads = *pain_record->leg_pain_spreads ? 1 : 0;
    if (pain_record->mobility)
      mobility = core::to_string(*pain_record->mobility);
  } else if (const auto* relief_record = std::get_if<core::ReliefRecord>(&entry.detail)) {
    relief = core::to_string(relief_record->kind);
    name = relief_record->name;
  } else if (const auto* walk_record = std::get_if<core::WalkRecord>(&entry.detail)) {
    minutes = walk_record->minutes;
  } else if (const auto* session = std::get_if<core::SessionRecord>(&entry.detail)) {
    pain = session->pain_after.value();
    pain_before = session->pain_before.value();
    minutes = session->minutes;
  }
  statement.bind(2, core::to_string(entry.kind()))
      .bind(3, static_cast<std::int64_t>(entry.at.time_since_epoch().count()))
      .bind(4, static_cast<std::int64_t>(entry.utc_offset.count()))
      .bind(5, pain)
      .bind(6, mobility)
      .bind(7, relief)
      .bind(8, name)
      .bind(9, minutes)
      .bind(10, std::string_view(entry.note))
      .bind(11, pain_before)
      .bind(12, leg_pain_spreads);
}

// Reads the row the statement is on; the database's CHECKs guarantee the values.
Result<Entry> read_entry(const Statement& row) {
  Entry entry;
  entry.id = row.integer(0);
  entry.at = core::Instant{std::chrono::seconds{row.integer(2)}};
  entry.utc_offset = std::chrono::seconds{row.integer(3)};
  entry.note = row.text(9);
  auto kind = core::parse_entry_kind(row.text(1));
  if (!kind)
    return Unexpected(kind.error());
  switch (*kind) {
    case core::EntryKind::kPain: {
      auto pain = core::PainScore::from_int(static_cast<int>(row.integer(4)));
      if (!pain)
        return Unexpected(pain.error());
      core::PainRecord record{*pain, {}, std::nullopt, std::nullopt};
      if (!row.is_null(5)) {
        auto mobility = core::parse_mobility(row.text(5));
        if (!mobility)
          return Unexpected(mobility.error());
        record.mobility = *mobility;
      }
      if (!row.is_null(11))
        record.leg_pain_spreads = row.integer(11) != 0;
      entry.detail = std::move(record);
      break;
    }
    case core::EntryKind::kRelief: {
      auto relief = core::parse_relief(row.text(6));
      if (!relief)
        return Unexpected(relief.error());
      entry.detail = core::ReliefRecord{*relief, row.text(7)};
      break;
    }
    case core::EntryKind::kWalk:
      entry.detail = core::WalkRecord{static_cast<int>(row.integer(8))};
      break;
    case core::EntryKind::kSession: {
      auto before = core::PainScore::from_int(static_cast<int>(row.integer(10)));
      auto after = core::PainScore::from_int(static_cast<int>(row.integer(4)));
      if (!before || !after) {
        return fail(ErrorCode::kCorrupt, "a session entry holds a pain rating out of range");
      }
      entry.detail = core::SessionRecord{{}, *before, *after, static_cast<int>(row.integer(8))};
      break;
    }
  }
  return entry;
}

}  // namespace

Result<std::int64_t> DiaryStore::insert(const Entry& entry, bool keep_id) const {
  auto statement =
      db_.prepare(fmt::format("INSERT INTO entries ({}) VALUES (?1, ?2, ?3, ?4, ?5, "
                              "?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                              kColumns));
  if (!statement)
    return Unexpected(statement.error());
  statement->bind(1, keep_id ? std::optional<std::int64_t>(entry.id) : std::nullopt);
  bind_entry(*statement, entry);
  if (auto done = statement->run(); !done)
    return Unexpected(done.error());
  const std::int64_t id = db_.last_insert_id();
  if (const auto* pain = std::get_if<core::PainRecord>(&entry.detail)) {
    auto region = db_.prepare(
        "INSERT INTO entry_regions (entry_id, region, pain, position) VALUES (?1, ?2, ?3, ?4)");
    if (!region)
      return Unexpected(region.error());
    std::int64_t position = 0;
    for (const core::RegionRating& rating : pain->regions) {
      region->bind(1, id)
          .bind(2, core::to_string(rating.region))
          .bind(3, rating.pain ? std::optional<std::int64_t>(rating.pain->value()) : std::nullopt)
          .bind(4, position++);
      if (auto done = region->run(); !done)
        return Unexpected(done.error());
      region->reset();
    }
  }
  if (const auto* session = std::get_if<core::SessionRecord>(&entry.detail)) {
    auto exercise = db_.prepare(
        "INSERT INTO entry_exercises (entry_id, position, exercise) VALUES (?1, ?2, ?3)");
    if (!exercise)
      return Unexpected(exercise.error());
    std::int64_t position = 0;
    for (const std::string& id_text : session->exercises) {
      exercise->bind(1, id).bind(2, position++).bind(3, std::string_view(id_text));
      if (auto done = exercise->run(); !done)
        return Unexpected(done.error());
      exercise->reset();
    }
  }
  return id;
}

Result<Entry> DiaryStore::add(Entry entry) const {
  auto id = db_.transaction([&] { return insert(entry, false); });
  if (!id)
    return Unexpected(id.error());
  entry.id = *id;
  return entry;
}

Result<std::vector<Entry>> DiaryStore::query(std::string_view where, std::string_view order,
                                             std::int64_t from, std::int64_t to) const {
  auto rows = db_.prepare(fmt::format("SELECT {} FROM entries WHERE {} ORDER BY at {}, id {}",
                                      kColumns, where, order, order));
  if (!rows)
    return Unexpected(rows.error());
  rows->bind(1, from).bind(2, to);
  std::vector<Entry> entries;
  std::unordered_map<std::int64_t, std::size_t> index;
  // A row that holds what limber would never write (a damaged diary) is skipped and noted,
  // so that every other entry can still be read and exported.
  std::unordered_set<std::int64_t> unreadable;
  for (;;) {
    auto row = rows->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    auto entry = read_entry(*rows);
    if (!entry) {
      unreadable.insert(rows->integer(0));
      continue;
    }
    index.emplace(entry->id, entries.size());
    entries.push_back(std::move(*entry));
  }
  auto regions = db_.prepare(fmt::format(
      "SELECT r.entry_id, r.region, r.pain FROM entry_regions r JOIN entries ON entries.id = "
      "r.entry_id WHERE {} ORDER BY r.entry_id, r.position",
      where));
  if (!regions)
    return Unexpected(regions.error());
  regions->bind(1, from).bind(2, to);
  for (;;) {
    auto row = regions->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    const auto found = index.find(regions->integer(0));
    if (found == index.end())
      continue;
    auto* pain = std::get_if<core::PainRecord>(&entries[found->second].detail);
    auto region = core::parse_region(regions->text(1));
    std::optional<core::PainScore> score;
    bool readable = pain != nullptr && region.has_value();
    if (readable && !regions->is_null(2)) {
      auto parsed = core::PainScore::from_int(static_cast<int>(regions->integer(2)));
      readable = parsed.has_value();
      if (parsed)
        score = *parsed;
    }
    if (!readable) {
      unreadable.insert(found->first);
      continue;
    }
    pain->regions.push_back(core::RegionRating{*region, score});
  }
  auto exercises = db_.prepare(fmt::format(
      "SELECT x.entry_id, x.exercise FROM entry_exercises x JOIN entries ON entries.id = "
      "x.entry_id WHERE {} ORDER BY x.entry_id, x.position",
      where));
  if (!exercises)
    return Unexpected(exercises.error());
  exercises->bind(1, from).bind(2, to);
  for (;;) {
    auto row = exercises->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    const auto found = index.find(exercises->integer(0));
    if (found == index.end())
      continue;
    auto* session = std::get_if<core::SessionRecord>(&entries[found->second].detail);
    if (session == nullptr) {
      unreadable.insert(found->first);
      continue;
    }
    session->exercises.push_back(exercises->text(1));
  }
  if (unreadable.empty())
    return entries;
  for (const std::int64_t id : unreadable)
    db_.note_unreadable(id);
  std::erase_if(entries, [&](const Entry& entry) { return unreadable.contains(entry.id); });
  return entries;
}

Result<Entry> DiaryStore::get(std::int64_t id) const {
  auto found = query("entries.id = ?1 AND ?2 = ?2", "ASC", id, 0);
  if (!found)
    return Unexpected(found.error());
  if (found->empty()) {
    if (db_.unreadable().contains(id)) {
      return fail(ErrorCode::kCorrupt,
                  fmt::format("entry #{} could not be read: the diary is damaged there", id),
                  core::Remedy::kCheckDiary);
    }
    return no_such_entry(id);
  }
  return std::move(found->front());
}

Result<std::vector<Entry>> DiaryStore::since(core::Instant since) const {
  return query("entries.at >= ?1 AND entries.at < ?2", "DESC", since.time_since_epoch().count(),
               std::numeric_limits<std::int64_t>::max());
}

Result<std::vector<Entry>> DiaryStore::between(core::Instant from, core::Instant to) const {
  return query("entries.at >= ?1 AND entries.at < ?2", "ASC", from.time_since_epoch().count(),
               to.time_since_epoch().count());
}

Result<std::vector<Entry>> DiaryStore::all() const {
  return query("entries.at >= ?1 AND entries.at <= ?2", "ASC",
               std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
}

Result<std::optional<Entry>> DiaryStore::latest_pain() const {
  auto latest = db_.prepare("SELECT id FROM entries WHERE kind = 'pain' ORDER BY at DESC, id DESC");
  if (!latest)
    return Unexpected(latest.error());
  for (;;) {
    auto row = latest->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      return std::optional<Entry>{};
    // An unreadable entry is skipped (and noted): the one before it is the latest.
    auto entry = get(latest->integer(0));
    if (entry)
      return std::optional<Entry>(std::move(*entry));
    if (entry.error().code != ErrorCode::kCorrupt)
      return Unexpected(entry.error());
  }
}

Result<void> DiaryStore::replace(const Entry& entry) const {
  return db_.transaction([&]() -> Result<void> {
    auto removed = db_.prepare("DELETE FROM entries WHERE id = ?1");
    if (!removed)
      return Unexpected(removed.error());
    removed->bind(1, entry.id);
    if (auto done = removed->run(); !done)
      return done;
    if (db_.changes() == 0)
      return no_such_entry(entry.id);
    auto inserted = insert(entry, true);
    if (!inserted)
      return Unexpected(inserted.error());
    return {};
  });
}

Result<void> DiaryStore::remove(std::int64_t id) const {
  return db_.transaction([&]() -> Result<void> {
    auto removed = db_.prepare("DELETE FROM entries WHERE id = ?1");
    if (!removed)
      return Unexpected(removed.error());
    removed->bind(1, id);
    if (auto done = removed->run(); !done)
      return done;
    if (db_.changes() == 0)
      return no_such_entry(id);
    return {};
  });
}

Result<ImportSummary> DiaryStore::import(std::span<const Entry> entries) const {
  return db_.transaction([&]() -> Result<ImportSummary> {
    ImportSummary summary;
    for (const Entry& entry : entries) {
      bool keep_id = false;
      if (entry.id > 0) {
        auto existing = get(entry.id);
        if (existing && existing->same_content(entry)) {
          ++summary.already_there;
          continue;
        }
        if (!existing && existing.error().code != ErrorCode::kNotFound) {
          return Unexpected(existing.error());
        }
        keep_id = !existing;
      }
      auto id = insert(entry, keep_id);
      if (!id)
        return Unexpected(id.error());
      ++summary.added;
    }
    return summary;
  });
}

Result<std::int64_t> DiaryStore::count() const {
  auto statement = db_.prepare("SELECT count(*) FROM entries");
  if (!statement)
    return Unexpected(statement.error());
  auto row = statement->step();
  if (!row)
    return Unexpected(row.error());
  return statement->integer(0);
}

Result<bool> DiaryStore::any_before(core::Instant at) const {
  auto statement = db_.prepare("SELECT EXISTS (SELECT 1 FROM entries WHERE at < ?)");
  if (!statement)
    return Unexpected(statement.error());
  statement->bind(1, static_cast<std::int64_t>(at.time_since_epoch().count()));
  auto row = statement->step();
  if (!row)
    return Unexpected(row.error());
  return statement->integer(0) != 0;
}

}  // namespace limber::store
