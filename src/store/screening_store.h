// The safety record in SQLite: each red-flag screening with its time, answers, level and
// the flags that counted, and each time a clinician has seen the person. Every write is
// one transaction; when it returns, the record is on disk.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/red_flags.h"
#include "core/result.h"
#include "store/database.h"

namespace limber::store {

struct Screening {
  std::int64_t id = 0;  // 0 until stored; ids grow in the order screenings are stored
  core::Instant at;
  std::chrono::seconds utc_offset{0};
  core::Level level = core::Level::kSelfCare;
  std::vector<core::Answer> answers;  // the questions asked, in asking order
  std::vector<core::Flag> flags;      // the flags that counted, in asking order
  // "I answered wrongly": the id of the check this one corrects. The corrected check's
  // answers no longer count; both stay on record.
  std::optional<std::int64_t> corrects;

  friend bool operator==(const Screening&, const Screening&) = default;
};

struct ClinicianVisit {
  std::int64_t id = 0;  // 0 until stored
  core::Instant at;
  std::chrono::seconds utc_offset{0};
  std::int64_t after_screening = 0;  // screenings with an id up to this one were seen

  friend bool operator==(const ClinicianVisit&, const ClinicianVisit&) = default;
};

class ScreeningStore {
 public:
  explicit ScreeningStore(const Database& db) : db_(db) {}

  // Stores a new screening (its id is ignored) and returns it with its id. kInvalidInput
  // when an answer is about a diary flag, or a question is answered twice.
  Result<Screening> add(Screening screening) const;
  // The screenings with an id above `after_id`, oldest first.
  Result<std::vector<Screening>> after(std::int64_t after_id) const;
  // The latest screening, if any.
  Result<std::optional<Screening>> latest() const;
  Result<std::int64_t> count() const;

  // Records a clinician visit that answers every screening stored so far (its
  // after_screening and id are set here) and returns it.
  Result<ClinicianVisit> add_visit(core::Instant at, std::chrono::seconds utc_offset) const;
  // The latest clinician visit, if any.
  Result<std::optional<ClinicianVisit>> latest_visit() const;

 private:
  Result<void> read_flags(std::vector<Screening>& screenings) const;

  const Database& db_;
};

}  // namespace limber::store
