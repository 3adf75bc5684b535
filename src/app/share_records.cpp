#include "app/share_records.h"

#include <algorithm>
#include <map>

#include "store/diary_store.h"
#include "store/screening_store.h"
#include "store/share_store.h"

namespace limber::app {
namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::local_days;

core::SittingDayExport& day_of(std::map<local_days, core::SittingDayExport>& found,
                               core::Instant start, std::chrono::seconds utc_offset) {
  const auto day = floor<days>(core::to_local(start, utc_offset));
  auto [at, made] = found.try_emplace(day);
  if (made || start < at->second.first_start) {
    at->second.day = day;
    at->second.first_start = start;
    at->second.utc_offset = utc_offset;
  }
  return at->second;
}

}  // namespace

std::vector<core::SittingDayExport> sitting_days(std::span<const store::StoredBout> bouts,
                                                 std::span<const store::StoredBreak> breaks) {
  std::map<local_days, core::SittingDayExport> found;
  for (const auto& stored : bouts) {
    auto& day = day_of(found, stored.bout.start, stored.utc_offset);
    ++day.bouts;
    day.sat += stored.bout.length();
    day.longest = std::max(day.longest, stored.bout.length());
  }
  for (const auto& stored : breaks) {
    auto& day = day_of(found, stored.pause.start, stored.utc_offset);
    ++day.breaks;
    if (stored.pause.kind == core::BreakKind::kStanding)
      ++day.standing_breaks;
  }
  std::vector<core::SittingDayExport> list;
  list.reserve(found.size());
  for (auto& [day, summary] : found)
    list.push_back(summary);
  return list;
}

core::Result<ShareDiary> read_share_diary(const store::Database& db) {
  ShareDiary diary;
  LIMBER_TRY_ASSIGN(diary.entries, store::DiaryStore(db).all());
  LIMBER_TRY_ASSIGN(const auto screenings, store::ScreeningStore(db).after(0));
  for (const store::Screening& screening : screenings) {
    diary.checks.push_back(
        {screening.id, screening.at, screening.utc_offset, screening.level, screening.answers});
  }
  LIMBER_TRY_ASSIGN(diary.function_ratings, store::ShareStore(db).function_ratings());
  const store::SittingStore sitting(db);
  const core::Instant first{};
  const core::Instant last{std::chrono::seconds(std::int64_t{1} << 40)};
  LIMBER_TRY_ASSIGN(const auto bouts, sitting.bouts(first, last));
  LIMBER_TRY_ASSIGN(const auto breaks, sitting.breaks(first, last));
  diary.sitting = sitting_days(bouts, breaks);
  return diary;
}

core::FhirInput share_input(const ShareDiary& diary, bool notes, core::Instant now) {
  core::FhirInput input{diary.entries, diary.checks, std::nullopt, now};
  input.notes = notes;
  input.check_levels = true;
  input.every_kind = true;
  input.function_ratings = diary.function_ratings;
  input.sitting = diary.sitting;
  return input;
}

}  // namespace limber::app
