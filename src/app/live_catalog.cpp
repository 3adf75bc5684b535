#include "app/live_catalog.h"

#include <utility>

#include "app/therapist_service.h"

namespace limber::app {

LiveCatalog::LiveCatalog(const store::Database& db, std::span<const core::CatalogFile> builtin,
                         core::Catalog catalog, std::vector<store::StoredExercise> rows,
                         store::DiaryVersion mark)
    : db_(&db),
      builtin_(builtin),
      catalog_(std::move(catalog)),
      rows_(std::move(rows)),
      mark_(mark) {}

core::Result<LiveCatalog> LiveCatalog::open(const store::Database& db,
                                            std::span<const core::CatalogFile> builtin) {
  LIMBER_TRY_ASSIGN(auto mark, store::diary_version(db));
  LIMBER_TRY_ASSIGN(auto rows, store::TherapistStore(db).all());
  LIMBER_TRY_ASSIGN(auto catalog, diary_catalog(db, builtin));
  return LiveCatalog(db, builtin, std::move(catalog), std::move(rows), mark);
}

const core::Catalog& LiveCatalog::current() {
  if (fixed_ != nullptr)
    return *fixed_;
  auto mark = store::diary_version(*db_);
  if (!mark || *mark == mark_)
    return *catalog_;
  auto rows = store::TherapistStore(*db_).all();
  if (!rows)
    return *catalog_;
  mark_ = *mark;
  if (*rows == rows_)
    return *catalog_;  // another kind of change: an entry, a sitting bout
  rows_ = std::move(*rows);
  if (auto catalog = diary_catalog(*db_, builtin_))
    catalog_ = std::move(*catalog);
  return *catalog_;
}

}  // namespace limber::app
