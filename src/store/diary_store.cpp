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
    "leg_pain_spreads, client_id";

Unexpected no_such_entry(std::int64_t id) {
  return fail(ErrorCode::kNotFound, fmt::format("there is no entry #{}", id),
              core::Remedy::kListEntries);
}

// Binds the entry's columns to ?2..?13 (?1 is the id).
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
      .bind(12, leg_pain_spreads)
      .bind(13, entry.client_id.empty() ? std::nullopt
                                        : std::optional<std::string_view>(entry.client_id));
}

// Reads the row the statement is on; the database's CHECKs guarantee the values.
Result<Entry> read_entry(const Statement& row) {
  Entry entry;
  entry.id = row.integer(0);
  entry.at = core::Instant{std::chrono::seconds{row.integer(2)}};
  entry.utc_offset = std::chrono::seconds{row.integer(3)};
  entry.note = row.text(9);
  if (!row.is_null(12))
    entry.client_id = row.text(12);
  LIMBER_TRY_ASSIGN(auto kind, core::parse_entry_kind(row.text(1)));
  switch (kind) {
    case core::EntryKind::kPain: {
      LIMBER_TRY_ASSIGN(auto pain, core::PainScore::from_int(static_cast<int>(row.integer(4))));
      core::PainRecord record{pain, {}, std::nullopt, std::nullopt};
      if (!row.is_null(5)) {
        LIMBER_TRY_ASSIGN(auto mobility, core::parse_mobility(row.text(5)));
        record.mobility = mobility;
      }
      if (!row.is_null(11))
        record.leg_pain_spreads = row.integer(11) != 0;
      entry.detail = std::move(record);
      break;
    }
    case core::EntryKind::kRelief: {
      LIMBER_TRY_ASSIGN(auto relief, core::parse_relief(row.text(6)));
      entry.detail = core::ReliefRecord{relief, row.text(7)};
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
  LIMBER_TRY_ASSIGN(auto statement,
                    db_.prepare(fmt::format("INSERT INTO entries ({}) VALUES (?1, ?2, ?3, ?4, ?5, "
                                            "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                                            "ON CONFLICT (client_id) DO NOTHING",
                                            kColumns)));
  statement.bind(1, keep_id ? std::optional<std::int64_t>(entry.id) : std::nullopt);
  bind_entry(statement, entry);
  LIMBER_TRY(statement.run());
  if (db_.changes() == 0)
    return 0;  // the device's id is taken: see add_once
  const std::int64_t id = db_.last_insert_id();
  if (const auto* pain = std::get_if<core::PainRecord>(&entry.detail)) {
    LIMBER_TRY_ASSIGN(auto region, db_.prepare("INSERT INTO entry_regions (entry_id, region, pain, "
                                               "position) VALUES (?1, ?2, ?3, ?4)"));
    std::int64_t position = 0;
    for (const core::RegionRating& rating : pain->regions) {
      region.bind(1, id)
          .bind(2, core::to_string(rating.region))
          .bind(3, rating.pain ? std::optional<std::int64_t>(rating.pain->value()) : std::nullopt)
          .bind(4, position++);
      LIMBER_TRY(region.run());
      region.reset();
    }
  }
  if (const auto* session = std::get_if<core::SessionRecord>(&entry.detail)) {
    LIMBER_TRY_ASSIGN(
        auto exercise,
        db_.prepare(
            "INSERT INTO entry_exercises (entry_id, position, exercise) VALUES (?1, ?2, ?3)"));
    std::int64_t position = 0;
    for (const std::string& id_text : session->exercises) {
      exercise.bind(1, id).bind(2, position++).bind(3, std::string_view(id_text));
      LIMBER_TRY(exercise.run());
      exercise.reset();
    }
  }
  if (!entry.tags.empty()) {
    LIMBER_TRY_ASSIGN(
        auto tag,
        db_.prepare("INSERT INTO entry_tags (entry_id, position, tag) VALUES (?1, ?2, ?3)"));
    std::int64_t position = 0;
    for (const std::string& text : entry.tags) {
      tag.bind(1, id).bind(2, position++).bind(3, std::string_view(text));
      LIMBER_TRY(tag.run());
      tag.reset();
    }
  }
  return id;
}

Result<Entry> DiaryStore::add(Entry entry) const {
  LIMBER_TRY_ASSIGN(Added added, add_once(std::move(entry)));
  return std::move(added.entry);
}

Result<Added> DiaryStore::add_once(Entry entry) const {
  return db_.transaction([&]() -> Result<Added> {
    LIMBER_TRY_ASSIGN(const std::int64_t id, insert(entry, false));
    if (id != 0) {
      entry.id = id;
      return Added{std::move(entry), false};
    }
    LIMBER_TRY_ASSIGN(auto existing, with_client_id(entry.client_id));
    if (!existing) {
      return fail(
          ErrorCode::kCorrupt,
          fmt::format("the entry with the device's id {} could not be read", entry.client_id),
          core::Remedy::kCheckDiary);
    }
    return Added{std::move(*existing), true};
  });
}

Result<std::optional<Entry>> DiaryStore::with_client_id(std::string_view client_id) const {
  LIMBER_TRY_ASSIGN(auto statement, db_.prepare("SELECT id FROM entries WHERE client_id = ?1"));
  statement.bind(1, client_id);
  LIMBER_TRY_ASSIGN(const bool found, statement.step());
  if (!found)
    return std::optional<Entry>();
  LIMBER_TRY_ASSIGN(auto entry, get(statement.integer(0)));
  return std::optional<Entry>(std::move(entry));
}

Result<std::vector<Entry>> DiaryStore::query(std::string_view where, std::string_view order,
                                             std::int64_t from, std::int64_t to) const {
  LIMBER_TRY_ASSIGN(auto rows,
                    db_.prepare(fmt::format("SELECT {} FROM entries WHERE {} ORDER BY at {}, id {}",
                                            kColumns, where, order, order)));
  rows.bind(1, from).bind(2, to);
  std::vector<Entry> entries;
  std::unordered_map<std::int64_t, std::size_t> index;
  // A row that holds what limber would never write (a damaged diary) is skipped and noted,
  // so that every other entry can still be read and exported.
  std::unordered_set<std::int64_t> unreadable;
  LIMBER_TRY(rows.for_each_row([&](const Statement& row) {
    auto entry = read_entry(row);
    if (!entry) {
      unreadable.insert(row.integer(0));
      return;
    }
    index.emplace(entry->id, entries.size());
    entries.push_back(std::move(*entry));
  }));
  LIMBER_TRY_ASSIGN(
      auto regions,
      db_.prepare(fmt::format(
          "SELECT r.entry_id, r.region, r.pain FROM entry_regions r JOIN entries ON entries.id = "
          "r.entry_id WHERE {} ORDER BY r.entry_id, r.position",
          where)));
  regions.bind(1, from).bind(2, to);
  LIMBER_TRY(regions.for_each_row([&](const Statement& row) {
    const auto found = index.find(row.integer(0));
    if (found == index.end())
      return;
    auto* pain = std::get_if<core::PainRecord>(&entries[found->second].detail);
    auto region = core::parse_region(row.text(1));
    std::optional<core::PainScore> score;
    bool readable = pain != nullptr && region.has_value();
    if (readable && !row.is_null(2)) {
      auto parsed = core::PainScore::from_int(static_cast<int>(row.integer(2)));
      readable = parsed.has_value();
      if (parsed)
        score = *parsed;
    }
    if (!readable) {
      unreadable.insert(found->first);
      return;
    }
    pain->regions.push_back(core::RegionRating{*region, score});
  }));
  LIMBER_TRY_ASSIGN(
      auto exercises,
      db_.prepare(fmt::format(
          "SELECT x.entry_id, x.exercise FROM entry_exercises x JOIN entries ON entries.id = "
          "x.entry_id WHERE {} ORDER BY x.entry_id, x.position",
          where)));
  exercises.bind(1, from).bind(2, to);
  LIMBER_TRY(exercises.for_each_row([&](const Statement& row) {
    const auto found = index.find(row.integer(0));
    if (found == index.end())
      return;
    auto* session = std::get_if<core::SessionRecord>(&entries[found->second].detail);
    if (session == nullptr) {
      unreadable.insert(found->first);
      return;
    }
    session->exercises.push_back(row.text(1));
  }));
  LIMBER_TRY_ASSIGN(auto tags,
                    db_.prepare(fmt::format(
                        "SELECT t.entry_id, t.tag FROM entry_tags t JOIN entries ON entries.id = "
                        "t.entry_id WHERE {} ORDER BY t.entry_id, t.position",
                        where)));
  tags.bind(1, from).bind(2, to);
  LIMBER_TRY(tags.for_each_row([&](const Statement& row) {
    const auto found = index.find(row.integer(0));
    if (found != index.end())
      entries[found->second].tags.push_back(row.text(1));
  }));
  if (unreadable.empty())
    return entries;
  for (const std::int64_t id : unreadable)
    db_.note_unreadable(id);
  std::erase_if(entries, [&](const Entry& entry) { return unreadable.contains(entry.id); });
  return entries;
}

Result<Entry> DiaryStore::get(std::int64_t id) const {
  LIMBER_TRY_ASSIGN(auto found, query("entries.id = ?1 AND ?2 = ?2", "ASC", id, 0));
  if (found.empty()) {
    if (db_.unreadable().contains(id)) {
      return fail(ErrorCode::kCorrupt,
                  fmt::format("entry #{} could not be read: the diary is damaged there", id),
                  core::Remedy::kCheckDiary);
    }
    return no_such_entry(id);
  }
  return std::move(found.front());
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
  LIMBER_TRY_ASSIGN(
      auto latest,
      db_.prepare("SELECT id FROM entries WHERE kind = 'pain' ORDER BY at DESC, id DESC"));
  std::optional<Entry> found;
  LIMBER_TRY(latest.for_each_row([&](const Statement& row) -> Result<bool> {
    // An unreadable entry is skipped (and noted): the one before it is the latest.
    auto entry = get(row.integer(0));
    if (entry) {
      found = std::move(*entry);
      return false;
    }
    if (entry.error().code != ErrorCode::kCorrupt)
      return Unexpected(entry.error());
    return true;
  }));
  return found;
}

Result<void> DiaryStore::replace(const Entry& entry) const {
  return db_.transaction([&]() -> Result<void> {
    LIMBER_TRY_ASSIGN(auto removed, db_.prepare("DELETE FROM entries WHERE id = ?1"));
    removed.bind(1, entry.id);
    LIMBER_TRY(removed.run());
    if (db_.changes() == 0)
      return no_such_entry(entry.id);
    LIMBER_TRY(insert(entry, true));
    return {};
  });
}

Result<void> DiaryStore::remove(std::int64_t id) const {
  return db_.transaction([&]() -> Result<void> {
    LIMBER_TRY_ASSIGN(auto removed, db_.prepare("DELETE FROM entries WHERE id = ?1"));
    removed.bind(1, id);
    LIMBER_TRY(removed.run());
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
      LIMBER_TRY(insert(entry, keep_id));
      ++summary.added;
    }
    return summary;
  });
}

Result<std::int64_t> DiaryStore::count() const {
  LIMBER_TRY_ASSIGN(auto statement, db_.prepare("SELECT count(*) FROM entries"));
  LIMBER_TRY(statement.step());
  return statement.integer(0);
}

Result<bool> DiaryStore::any_before(core::Instant at) const {
  LIMBER_TRY_ASSIGN(auto statement,
                    db_.prepare("SELECT EXISTS (SELECT 1 FROM entries WHERE at < ?)"));
  statement.bind(1, static_cast<std::int64_t>(at.time_since_epoch().count()));
  LIMBER_TRY(statement.step());
  return statement.integer(0) != 0;
}

}  // namespace limber::store
