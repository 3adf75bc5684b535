// What `limber share` reads from the diary to send (issue 17, docs/clinic.md "Sharing from
// limber"): every entry (pain ratings with mobility and regions, walks, reliefs, sessions),
// the safety checks, the PSFS ratings, and one summary a day of the sitting `limber watch`
// recorded, as core::fhir_records takes them.
#pragma once

#include <span>
#include <vector>

#include "core/clock.h"
#include "core/fhir.h"
#include "core/result.h"
#include "store/database.h"
#include "store/sitting_store.h"

namespace limber::app {

struct ShareDiary {
  std::vector<core::Entry> entries;
  std::vector<core::CheckExport> checks;
  std::vector<core::FunctionRatingExport> function_ratings;
  std::vector<core::SittingDayExport> sitting;
};

core::Result<ShareDiary> read_share_diary(const store::Database& db);

// The days of the person's own calendar with sitting: the bouts and breaks that started on
// each (in the offset they were recorded with), oldest first.
std::vector<core::SittingDayExport> sitting_days(std::span<const store::StoredBout> bouts,
                                                 std::span<const store::StoredBreak> breaks);

// What fhir_records takes for `diary`, with notes only when the person chose them.
core::FhirInput share_input(const ShareDiary& diary, bool notes, core::Instant now);

}  // namespace limber::app
