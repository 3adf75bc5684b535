// The catalog a shell that stays up plans with (`limber serve`, issue 15): limber's own
// exercises with the therapist's from the diary, read again when `limber exercises add` or
// `remove` in another process changed them, so the page's next load shows them without a
// restart.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/catalog.h"
#include "core/result.h"
#include "store/connection_state.h"
#include "store/database.h"
#include "store/therapist_store.h"

namespace limber::app {

class LiveCatalog {
 public:
  // A catalog that never changes (a test's own), kept by reference: it must outlive this.
  // NOLINTNEXTLINE(google-explicit-constructor,hicpp-explicit-conversions): a fixed catalog
  // is a live one that does not change, wherever one is taken.
  LiveCatalog(const core::Catalog& fixed) : fixed_(&fixed) {}
  // limber's own `builtin` files (which must outlive this) with the therapist's exercises
  // stored in `db`, read now; the errors of diary_catalog().
  static core::Result<LiveCatalog> open(const store::Database& db,
                                        std::span<const core::CatalogFile> builtin);

  // The catalog as the diary holds it now. Costs one PRAGMA when the diary has not changed
  // since the last call, one small SELECT when it changed elsewhere, and a parse only when
  // the therapist's exercises did. When the diary's exercises can no longer be read, the
  // catalog read last stays. The reference holds until the next call.
  const core::Catalog& current();

 private:
  LiveCatalog(const store::Database& db, std::span<const core::CatalogFile> builtin,
              core::Catalog catalog, std::vector<store::StoredExercise> rows,
              store::DiaryVersion mark);

  const core::Catalog* fixed_ = nullptr;
  const store::Database* db_ = nullptr;
  std::span<const core::CatalogFile> builtin_;
  std::optional<core::Catalog> catalog_;
  std::vector<store::StoredExercise> rows_;  // the therapist's exercises catalog_ was read with
  store::DiaryVersion mark_;                 // the diary's mark when rows_ were read
};

}  // namespace limber::app
