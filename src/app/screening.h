// The safety check's use cases, shared by every shell: run a screen from answers, the
// standing result that gates every plan, a clinician visit that lifts the gate, and the
// first-start disclaimer. Holds the one "now" of this invocation.
//
// The policy (issue #3): a red flag answered "yes" keeps counting, check after check,
// until a clinician visit is recorded; a later "no" does not clear it. Diary trends are
// read live from the diary each time, and a visit on or after the day a trend began
// answers it.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/red_flags.h"
#include "core/result.h"
#include "store/database.h"
#include "store/screening_store.h"

namespace limber::app {

// What limber is and is not, in a few short lines: shown once per diary, at first use.
std::string_view disclaimer();

enum class Gate {
  kNeedsScreen,  // no check on record: run it before any plan
  kPaused,       // an emergency or urgent result stands: advice only, no exercises
  kOpen,         // plans may run; see-clinician advice is shown with them
};

// What counts now.
struct Standing {
  core::Assessment assessment;                // the level and the flags that count
  std::vector<store::Screening> since_visit;  // checks since the last clinician visit, oldest first
  std::optional<store::ClinicianVisit> last_visit;
  bool screened = false;  // a check is on record (ever)

  [[nodiscard]] bool plans_paused() const { return assessment.level >= core::Level::kUrgent; }
  [[nodiscard]] Gate gate() const {
    if (!screened)
      return Gate::kNeedsScreen;
    return plans_paused() ? Gate::kPaused : Gate::kOpen;
  }
};

struct ScreenOutcome {
  store::Screening screening;  // this check as stored: its own level and flags
  Standing standing;           // what counts now, this check included
};

// How far back the diary is read for the trend rules.
inline constexpr int kDiaryLookbackDays = 400;

class ScreeningService {
 public:
  ScreeningService(const store::Database& db, core::Now now) : db_(db), now_(now) {}

  // Assesses `answers` (one per question asked) together with the live diary trends,
  // stores the result with now, and returns it with the standing that follows.
  // kInvalidInput when an answer is about a diary flag or a question is answered twice.
  // `correcting`: "I answered wrongly": the new check corrects the latest one, whose
  // answers stop counting; both stay on record (kInvalidInput when there is no check since
  // the last clinician visit). Diary trends are never corrected away.
  core::Result<ScreenOutcome> screen(std::span<const core::Answer> answers,
                                     bool correcting = false) const;
  core::Result<Standing> standing() const;
  // The latest check on record, if any.
  core::Result<std::optional<store::Screening>> latest_check() const;
  // Records that a clinician has assessed the person now: every check so far is answered.
  core::Result<store::ClinicianVisit> record_clinician_seen() const;

  // True until mark_disclaimer_shown() has been called once for this diary.
  core::Result<bool> disclaimer_due() const;
  core::Result<void> mark_disclaimer_shown() const;

  [[nodiscard]] const core::Now& now() const { return now_; }

 private:
  core::Result<std::vector<core::Flag>> live_trends(
      const std::optional<store::ClinicianVisit>& visit) const;
  core::Result<Standing> standing_after(const std::optional<store::ClinicianVisit>& visit,
                                        std::span<const core::Flag> trends) const;

  const store::Database& db_;
  core::Now now_;
};

}  // namespace limber::app
