// The diary's entries in SQLite. Every write is one transaction; when a write returns,
// the entry is on disk (WAL, synchronous=FULL).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/entry.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::store {

struct ImportSummary {
  std::size_t added = 0;
  std::size_t already_there = 0;  // same id and same content: imported before
};

// What became of an entry given with a device's id (core::Entry::client_id).
struct Added {
  core::Entry entry;  // the entry stored: the new one, or the one already under the id
  bool already_there = false;
};

class DiaryStore {
 public:
  explicit DiaryStore(const Database& db) : db_(db) {}

  // Stores a new entry (its id is ignored) and returns it with its id.
  Result<core::Entry> add(core::Entry entry) const;
  // The same, except that when an entry with `entry.client_id` is already stored, nothing
  // is written and that entry comes back with `already_there`. The UNIQUE index decides,
  // so concurrent calls with one id store one row.
  Result<Added> add_once(core::Entry entry) const;
  // The entry stored under a device's id, if any.
  Result<std::optional<core::Entry>> with_client_id(std::string_view client_id) const;
  // kNotFound when there is no entry `id`.
  Result<core::Entry> get(std::int64_t id) const;
  // Entries at or after `since`, newest first.
  Result<std::vector<core::Entry>> since(core::Instant since) const;
  // Entries in [from, to), oldest first.
  Result<std::vector<core::Entry>> between(core::Instant from, core::Instant to) const;
  // Every entry, oldest first.
  Result<std::vector<core::Entry>> all() const;
  // The latest pain entry, if any.
  Result<std::optional<core::Entry>> latest_pain() const;
  // Replaces entry `entry.id` entirely; kNotFound when it does not exist.
  Result<void> replace(const core::Entry& entry) const;
  // kNotFound when there is no entry `id`.
  Result<void> remove(std::int64_t id) const;
  // All or nothing, in one transaction. An entry keeps its id when that id is free; an
  // entry identical to the one already under its id is counted and skipped; any other
  // entry gets a new id.
  Result<ImportSummary> import(std::span<const core::Entry> entries) const;
  Result<std::int64_t> count() const;
  // Whether any entry is older than `at` (cheap: the time index).
  Result<bool> any_before(core::Instant at) const;

 private:
  Result<std::vector<core::Entry>> query(std::string_view where, std::string_view order,
                                         std::int64_t from, std::int64_t to) const;
  // The new row's id, or 0 when an entry with `entry.client_id` is already stored.
  Result<std::int64_t> insert(const core::Entry& entry, bool keep_id) const;

  const Database& db_;
};

}  // namespace limber::store
