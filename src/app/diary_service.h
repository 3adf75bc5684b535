// The diary's use cases, shared by every shell: log, look back, correct, delete, export
// and import. Holds the one "now" of this invocation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/entry.h"
#include "core/result.h"
#include "store/database.h"
#include "store/diary_store.h"

namespace limber::app {

// What `limber edit` may change. Unset fields stay as they are; a field that does not
// fit the entry's kind (minutes on a pain entry) is an error.
struct EntryEdit {
  std::optional<core::Instant> at;
  std::optional<core::PainScore> pain;
  std::optional<std::vector<core::RegionRating>> regions;
  std::optional<std::optional<core::Mobility>> mobility;  // set to nullopt to clear
  std::optional<core::ReliefKind> relief;
  std::optional<std::string> name;
  std::optional<int> minutes;
  std::optional<std::string> note;
  std::optional<std::vector<std::string>> tags;  // replaces them all; empty to clear
};

inline constexpr int kMaxHistoryDays = 36500;

class DiaryService {
 public:
  DiaryService(const store::Database& db, core::Now now) : store_(db), now_(now) {}

  // Validates and stores a new entry; its UTC offset is the local one at its time. When
  // this returns, the entry is on disk.
  core::Result<core::Entry> log(core::Entry entry) const;
  // The same for an entry with a device's id (`entry.client_id`, required): when that id is
  // already in the diary with the same content, nothing is written and that entry comes
  // back with `already_there` (a retry whose answer was lost); with other content,
  // kConflict and nothing is written.
  core::Result<store::Added> log_once(core::Entry entry) const;
  // Entries from the start of the local day `days - 1` days ago until now, newest first.
  core::Result<std::vector<core::Entry>> recent(int days) const;
  core::Result<core::Entry> get(std::int64_t id) const;
  core::Result<core::Entry> edit(std::int64_t id, const EntryEdit& edit) const;
  // Puts `entry` in the place of entry `id`, which keeps its id and must be of the same
  // kind (kInvalidInput otherwise; kNotFound when there is no such entry).
  core::Result<core::Entry> replace(std::int64_t id, core::Entry entry) const;
  core::Result<void> remove(std::int64_t id) const;
  core::Result<std::string> export_csv() const;
  // All rows or none; session exercises must be in `catalog`.
  core::Result<store::ImportSummary> import_csv(std::string_view text,
                                                const core::Catalog& catalog) const;

  [[nodiscard]] const core::Now& now() const { return now_; }
  [[nodiscard]] const store::DiaryStore& store() const { return store_; }

 private:
  store::DiaryStore store_;
  core::Now now_;
};

}  // namespace limber::app
