#include "app/screening.h"

#include <algorithm>

#include "store/diary_store.h"
#include "store/notice_store.h"

namespace limber::app {

namespace {

constexpr std::string_view kDisclaimerNotice = "disclaimer";

constexpr std::string_view kDisclaimer =
    "limber helps you look after a back spasm at home: a pain diary, gentle plans and "
    "reminders to move.\n"
    "It is not a doctor. It cannot diagnose you, and it never gives medicine doses.\n"
    "Its safety check asks about warning signs. If you are worried, or something changes, "
    "ask a clinician.\n"
    "In an emergency, call emergency services (for example 911, 999 or 112).";

std::chrono::local_days local_day(core::Instant at, std::chrono::seconds utc_offset) {
  return std::chrono::floor<std::chrono::days>(core::to_local(at, utc_offset));
}

}  // namespace

std::string_view disclaimer() {
  return kDisclaimer;
}

core::Result<std::vector<core::Flag>> ScreeningService::live_trends(
    const std::optional<store::ClinicianVisit>& visit) const {
  const store::DiaryStore diary(db_);
  LIMBER_TRY_ASSIGN(auto entries,
                    diary.since(now_.instant - std::chrono::days{kDiaryLookbackDays}));
  std::vector<core::Flag> flags;
  for (const core::TrendFinding& finding : core::diary_trends(entries, now_.today())) {
    if (visit && local_day(visit->at, visit->utc_offset) >= finding.since)
      continue;
    flags.push_back(finding.flag);
  }
  return flags;
}

core::Result<Standing> ScreeningService::standing_after(
    const std::optional<store::ClinicianVisit>& visit, std::span<const core::Flag> trends) const {
  const store::ScreeningStore screenings(db_);
  Standing standing;
  standing.last_visit = visit;
  LIMBER_TRY_ASSIGN(auto count, screenings.count());
  standing.screened = count > 0;
  LIMBER_TRY_ASSIGN(standing.since_visit, screenings.after(visit ? visit->after_screening : 0));
  std::vector<core::Flag> present(trends.begin(), trends.end());
  std::vector<std::int64_t> corrected;
  for (const store::Screening& screening : standing.since_visit) {
    if (screening.corrects)
      corrected.push_back(*screening.corrects);
  }
  for (const store::Screening& screening : standing.since_visit) {
    if (std::find(corrected.begin(), corrected.end(), screening.id) != corrected.end())
      continue;  // answered wrongly, by the person's word: its correction counts instead
    const auto yes = core::present_flags(screening.answers);
    present.insert(present.end(), yes.begin(), yes.end());
  }
  standing.assessment = core::assess(present);
  return standing;
}

core::Result<ScreenOutcome> ScreeningService::screen(std::span<const core::Answer> answers,
                                                     bool correcting) const {
  const store::ScreeningStore screenings(db_);
  LIMBER_TRY_ASSIGN(auto visit, screenings.latest_visit());
  std::optional<std::int64_t> corrects;
  if (correcting) {
    LIMBER_TRY_ASSIGN(auto latest, screenings.latest());
    if (!latest || (visit && visit->after_screening >= latest->id)) {
      return core::fail(core::ErrorCode::kInvalidInput,
                        "there is no check to correct since the last clinician visit: run the "
                        "check without correcting");
    }
    corrects = latest->id;
  }
  LIMBER_TRY_ASSIGN(auto trends, live_trends(visit));
  std::vector<core::Flag> present = core::present_flags(answers);
  present.insert(present.end(), trends.begin(), trends.end());
  const core::Assessment assessment = core::assess(present);

  store::Screening screening;
  screening.at = now_.instant;
  screening.utc_offset = now_.utc_offset();
  screening.level = assessment.level;
  screening.answers.assign(answers.begin(), answers.end());
  screening.flags = assessment.flags;
  screening.corrects = corrects;
  LIMBER_TRY_ASSIGN(auto stored, screenings.add(std::move(screening)));
  LIMBER_TRY_ASSIGN(auto standing, standing_after(visit, trends));
  return ScreenOutcome{std::move(stored), std::move(standing)};
}

core::Result<std::optional<store::Screening>> ScreeningService::latest_check() const {
  return store::ScreeningStore(db_).latest();
}

core::Result<Standing> ScreeningService::standing() const {
  LIMBER_TRY_ASSIGN(auto visit, store::ScreeningStore(db_).latest_visit());
  LIMBER_TRY_ASSIGN(auto trends, live_trends(visit));
  return standing_after(visit, trends);
}

core::Result<store::ClinicianVisit> ScreeningService::record_clinician_seen() const {
  return store::ScreeningStore(db_).add_visit(now_.instant, now_.utc_offset());
}

core::Result<bool> ScreeningService::disclaimer_due() const {
  LIMBER_TRY_ASSIGN(auto shown, store::NoticeStore(db_).shown_at(kDisclaimerNotice));
  return !shown.has_value();
}

core::Result<void> ScreeningService::mark_disclaimer_shown() const {
  LIMBER_TRY(store::NoticeStore(db_).mark_shown(kDisclaimerNotice, now_.instant));
  return {};
}

}  // namespace limber::app
