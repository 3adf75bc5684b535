#include "store/screening_store.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "store/unreadable_row.h"

namespace limber::store {

using core::ErrorCode;
using core::fail;
using core::Unexpected;

namespace {

Result<void> check_answers(const Screening& screening) {
  std::vector<core::Flag> seen;
  for (const core::Answer& answer : screening.answers) {
    if (core::info(answer.flag).source != core::FlagSource::kQuestion) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}' is read from the diary, not asked: it cannot have an answer",
                              core::to_string(answer.flag)));
    }
    if (std::find(seen.begin(), seen.end(), answer.flag) != seen.end()) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}' is answered twice: give each answer once",
                              core::to_string(answer.flag)));
    }
    seen.push_back(answer.flag);
  }
  return {};
}

Result<Screening> read_screening(const Statement& row) {
  Screening screening;
  screening.id = row.integer(0);
  screening.at = core::Instant{std::chrono::seconds{row.integer(1)}};
  screening.utc_offset = std::chrono::seconds{row.integer(2)};
  auto level = core::parse_level(row.text(3));
  if (!level)
    return Unexpected(unreadable_row("screenings", screening.id));
  screening.level = *level;
  if (!row.is_null(4))
    screening.corrects = row.integer(4);
  return screening;
}

Result<std::optional<ClinicianVisit>> read_visit(Statement& statement) {
  LIMBER_TRY_ASSIGN(const bool found, statement.step());
  if (!found)
    return std::optional<ClinicianVisit>{};
  return std::optional<ClinicianVisit>(ClinicianVisit{
      statement.integer(0), core::Instant{std::chrono::seconds{statement.integer(1)}},
      std::chrono::seconds{statement.integer(2)}, statement.integer(3)});
}

}  // namespace

Result<Screening> ScreeningStore::add(Screening screening) const {
  LIMBER_TRY(check_answers(screening));
  std::sort(screening.answers.begin(), screening.answers.end(),
            [](const core::Answer& a, const core::Answer& b) { return a.flag < b.flag; });
  std::sort(screening.flags.begin(), screening.flags.end());
  screening.flags.erase(std::unique(screening.flags.begin(), screening.flags.end()),
                        screening.flags.end());
  LIMBER_TRY_ASSIGN(screening.id, db_.transaction([&]() -> Result<std::int64_t> {
    LIMBER_TRY_ASSIGN(
        auto insert,
        db_.prepare(
            "INSERT INTO screenings (at, utc_offset, level, corrects) VALUES (?1, ?2, ?3, ?4)"));
    insert.bind(1, static_cast<std::int64_t>(screening.at.time_since_epoch().count()))
        .bind(2, static_cast<std::int64_t>(screening.utc_offset.count()))
        .bind(3, core::to_string(screening.level))
        .bind(4, screening.corrects);
    LIMBER_TRY(insert.run());
    const std::int64_t stored = db_.last_insert_id();
    LIMBER_TRY_ASSIGN(
        auto answer,
        db_.prepare("INSERT INTO screening_answers (screening_id, flag, yes) VALUES (?1, ?2, ?3)"));
    for (const core::Answer& given : screening.answers) {
      answer.bind(1, stored)
          .bind(2, core::to_string(given.flag))
          .bind(3, std::int64_t{given.yes ? 1 : 0});
      LIMBER_TRY(answer.run());
      answer.reset();
    }
    LIMBER_TRY_ASSIGN(
        auto flag, db_.prepare("INSERT INTO screening_flags (screening_id, flag) VALUES (?1, ?2)"));
    for (const core::Flag counted : screening.flags) {
      flag.bind(1, stored).bind(2, core::to_string(counted));
      LIMBER_TRY(flag.run());
      flag.reset();
    }
    return stored;
  }));
  return screening;
}

Result<void> ScreeningStore::read_flags(std::vector<Screening>& screenings) const {
  if (screenings.empty())
    return {};
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < screenings.size(); ++i)
    index.emplace(screenings[i].id, i);
  const std::int64_t first = screenings.front().id;
  const std::int64_t last = screenings.back().id;

  LIMBER_TRY_ASSIGN(
      auto answers,
      db_.prepare(
          "SELECT screening_id, flag, yes FROM screening_answers WHERE screening_id BETWEEN ?1 AND "
          "?2"));
  answers.bind(1, first).bind(2, last);
  LIMBER_TRY(answers.for_each_row([&](const Statement& row) -> Result<void> {
    const auto found = index.find(row.integer(0));
    if (found == index.end())
      return {};
    auto flag = core::parse_flag(row.text(1));
    if (!flag)
      return Unexpected(unreadable_row("screening_answers", row.integer(0)));
    screenings[found->second].answers.push_back({*flag, row.integer(2) != 0});
    return {};
  }));

  LIMBER_TRY_ASSIGN(
      auto flags,
      db_.prepare(
          "SELECT screening_id, flag FROM screening_flags WHERE screening_id BETWEEN ?1 AND ?2"));
  flags.bind(1, first).bind(2, last);
  LIMBER_TRY(flags.for_each_row([&](const Statement& row) -> Result<void> {
    const auto found = index.find(row.integer(0));
    if (found == index.end())
      return {};
    auto flag = core::parse_flag(row.text(1));
    if (!flag)
      return Unexpected(unreadable_row("screening_flags", row.integer(0)));
    screenings[found->second].flags.push_back(*flag);
    return {};
  }));

  for (Screening& screening : screenings) {
    std::sort(screening.answers.begin(), screening.answers.end(),
              [](const core::Answer& a, const core::Answer& b) { return a.flag < b.flag; });
    std::sort(screening.flags.begin(), screening.flags.end());
  }
  return {};
}

Result<std::vector<Screening>> ScreeningStore::after(std::int64_t after_id) const {
  LIMBER_TRY_ASSIGN(
      auto rows,
      db_.prepare(
          "SELECT id, at, utc_offset, level, corrects FROM screenings WHERE id > ?1 ORDER BY id "
          "ASC"));
  rows.bind(1, after_id);
  std::vector<Screening> screenings;
  LIMBER_TRY(rows.for_each_row([&](const Statement& row) -> Result<void> {
    LIMBER_TRY_ASSIGN(auto screening, read_screening(row));
    screenings.push_back(std::move(screening));
    return {};
  }));
  LIMBER_TRY(read_flags(screenings));
  return screenings;
}

Result<std::optional<Screening>> ScreeningStore::latest() const {
  LIMBER_TRY_ASSIGN(
      auto rows,
      db_.prepare("SELECT id, at, utc_offset, level, corrects FROM screenings ORDER BY id DESC "
                  "LIMIT 1"));
  LIMBER_TRY_ASSIGN(const bool found, rows.step());
  if (!found)
    return std::optional<Screening>{};
  LIMBER_TRY_ASSIGN(auto screening, read_screening(rows));
  std::vector<Screening> one{std::move(screening)};
  LIMBER_TRY(read_flags(one));
  return std::optional<Screening>(std::move(one.front()));
}

Result<std::int64_t> ScreeningStore::count() const {
  LIMBER_TRY_ASSIGN(auto statement, db_.prepare("SELECT count(*) FROM screenings"));
  LIMBER_TRY(statement.step());
  return statement.integer(0);
}

Result<ClinicianVisit> ScreeningStore::add_visit(core::Instant at,
                                                 std::chrono::seconds utc_offset) const {
  return db_.transaction([&]() -> Result<ClinicianVisit> {
    LIMBER_TRY_ASSIGN(
        auto insert, db_.prepare("INSERT INTO clinician_visits (at, utc_offset, after_screening) "
                                 "VALUES (?1, ?2, (SELECT coalesce(max(id), 0) FROM screenings))"));
    insert.bind(1, static_cast<std::int64_t>(at.time_since_epoch().count()))
        .bind(2, static_cast<std::int64_t>(utc_offset.count()));
    LIMBER_TRY(insert.run());
    LIMBER_TRY_ASSIGN(
        auto stored,
        db_.prepare(
            "SELECT id, at, utc_offset, after_screening FROM clinician_visits WHERE id = ?1"));
    stored.bind(1, db_.last_insert_id());
    LIMBER_TRY_ASSIGN(auto visit, read_visit(stored));
    return *visit;
  });
}

Result<std::optional<ClinicianVisit>> ScreeningStore::latest_visit() const {
  LIMBER_TRY_ASSIGN(
      auto rows,
      db_.prepare(
          "SELECT id, at, utc_offset, after_screening FROM clinician_visits ORDER BY id DESC "
          "LIMIT 1"));
  return read_visit(rows);
}

}  // namespace limber::store
