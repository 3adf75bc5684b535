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
  auto row = statement.step();
  if (!row)
    return Unexpected(row.error());
  if (!*row)
    return std::optional<ClinicianVisit>{};
  return std::optional<ClinicianVisit>(ClinicianVisit{
      statement.integer(0), core::Instant{std::chrono::seconds{statement.integer(1)}},
      std::chrono::seconds{statement.integer(2)}, statement.integer(3)});
}

}  // namespace

Result<Screening> ScreeningStore::add(Screening screening) const {
  if (auto valid = check_answers(screening); !valid)
    return Unexpected(valid.error());
  std::sort(screening.answers.begin(), screening.answers.end(),
            [](const core::Answer& a, const core::Answer& b) { return a.flag < b.flag; });
  std::sort(screening.flags.begin(), screening.flags.end());
  screening.flags.erase(std::unique(screening.flags.begin(), screening.flags.end()),
                        screening.flags.end());
  auto id = db_.transaction([&]() -> Result<std::int64_t> {
    auto insert = db_.prepare(
        "INSERT INTO screenings (at, utc_offset, level, corrects) VALUES (?1, ?2, ?3, ?4)");
    if (!insert)
      return Unexpected(insert.error());
    insert->bind(1, static_cast<std::int64_t>(screening.at.time_since_epoch().count()))
        .bind(2, static_cast<std::int64_t>(screening.utc_offset.count()))
        .bind(3, core::to_string(screening.level))
        .bind(4, screening.corrects);
    if (auto done = insert->run(); !done)
      return Unexpected(done.error());
    const std::int64_t stored = db_.last_insert_id();
    auto answer =
        db_.prepare("INSERT INTO screening_answers (screening_id, flag, yes) VALUES (?1, ?2, ?3)");
    if (!answer)
      return Unexpected(answer.error());
    for (const core::Answer& given : screening.answers) {
      answer->bind(1, stored)
          .bind(2, core::to_string(given.flag))
          .bind(3, std::int64_t{given.yes ? 1 : 0});
      if (auto done = answer->run(); !done)
        return Unexpected(done.error());
      answer->reset();
    }
    auto flag = db_.prepare("INSERT INTO screening_flags (screening_id, flag) VALUES (?1, ?2)");
    if (!flag)
      return Unexpected(flag.error());
    for (const core::Flag counted : screening.flags) {
      flag->bind(1, stored).bind(2, core::to_string(counted));
      if (auto done = flag->run(); !done)
        return Unexpected(done.error());
      flag->reset();
    }
    return stored;
  });
  if (!id)
    return Unexpected(id.error());
  screening.id = *id;
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

  auto answers = db_.prepare(
      "SELECT screening_id, flag, yes FROM screening_answers WHERE screening_id BETWEEN ?1 AND "
      "?2");
  if (!answers)
    return Unexpected(answers.error());
  answers->bind(1, first).bind(2, last);
  for (;;) {
    auto row = answers->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    const auto found = index.find(answers->integer(0));
    if (found == index.end())
      continue;
    auto flag = core::parse_flag(answers->text(1));
    if (!flag)
      return Unexpected(unreadable_row("screening_answers", answers->integer(0)));
    screenings[found->second].answers.push_back({*flag, answers->integer(2) != 0});
  }

  auto flags = db_.prepare(
      "SELECT screening_id, flag FROM screening_flags WHERE screening_id BETWEEN ?1 AND ?2");
  if (!flags)
    return Unexpected(flags.error());
  flags->bind(1, first).bind(2, last);
  for (;;) {
    auto row = flags->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    const auto found = index.find(flags->integer(0));
    if (found == index.end())
      continue;
    auto flag = core::parse_flag(flags->text(1));
    if (!flag)
      return Unexpected(unreadable_row("screening_flags", flags->integer(0)));
    screenings[found->second].flags.push_back(*flag);
  }

  for (Screening& screening : screenings) {
    std::sort(screening.answers.begin(), screening.answers.end(),
              [](const core::Answer& a, const core::Answer& b) { return a.flag < b.flag; });
    std::sort(screening.flags.begin(), screening.flags.end());
  }
  return {};
}

Result<std::vector<Screening>> ScreeningStore::after(std::int64_t after_id) const {
  auto rows = db_.prepare(
      "SELECT id, at, utc_offset, level, corrects FROM screenings WHERE id > ?1 ORDER BY id "
      "ASC");
  if (!rows)
    return Unexpected(rows.error());
  rows->bind(1, after_id);
  std::vector<Screening> screenings;
  for (;;) {
    auto row = rows->step();
    if (!row)
      return Unexpected(row.error());
    if (!*row)
      break;
    auto screening = read_screening(*rows);
    if (!screening)
      return Unexpected(screening.error());
    screenings.push_back(std::move(*screening));
  }
  if (auto read = read_flags(screenings); !read)
    return Unexpected(read.error());
  return screenings;
}

Result<std::optional<Screening>> ScreeningStore::latest() const {
  auto rows = db_.prepare(
      "SELECT id, at, utc_offset, level, corrects FROM screenings ORDER BY id DESC "
      "LIMIT 1");
  if (!rows)
    return Unexpected(rows.error());
  auto row = rows->step();
  if (!row)
    return Unexpected(row.error());
  if (!*row)
    return std::optional<Screening>{};
  auto screening = read_screening(*rows);
  if (!screening)
    return Unexpected(screening.error());
  std::vector<Screening> one{std::move(*screening)};
  if (auto read = read_flags(one); !read)
    return Unexpected(read.error());
  return std::optional<Screening>(std::move(one.front()));
}

Result<std::int64_t> ScreeningStore::count() const {
  auto statement = db_.prepare("SELECT count(*) FROM screenings");
  if (!statement)
    return Unexpected(statement.error());
  auto row = statement->step();
  if (!row)
    return Unexpected(row.error());
  return statement->integer(0);
}

Result<ClinicianVisit> ScreeningStore::add_visit(core::Instant at,
                                                 std::chrono::seconds utc_offset) const {
  return db_.transaction([&]() -> Result<ClinicianVisit> {
    auto insert = db_.prepare(
        "INSERT INTO clinician_visits (at, utc_offset, after_screening) "
        "VALUES (?1, ?2, (SELECT coalesce(max(id), 0) FROM screenings))");
    if (!insert)
      return Unexpected(insert.error());
    insert->bind(1, static_cast<std::int64_t>(at.time_since_epoch().count()))
        .bind(2, static_cast<std::int64_t>(utc_offset.count()));
    if (auto done = insert->run(); !done)
      return Unexpected(done.error());
    auto stored = db_.prepare(
        "SELECT id, at, utc_offset, after_screening FROM clinician_visits WHERE id = ?1");
    if (!stored)
      return Unexpected(stored.error());
    stored->bind(1, db_.last_insert_id());
    auto visit = read_visit(*stored);
    if (!visit)
      return Unexpected(visit.error());
    return **visit;
  });
}

Result<std::optional<ClinicianVisit>> ScreeningStore::latest_visit() const {
  auto rows = db_.prepare(
      "SELECT id, at, utc_offset, after_screening FROM clinician_visits ORDER BY id DESC "
      "LIMIT 1");
  if (!rows)
    return Unexpected(rows.error());
  return read_visit(*rows);
}

}  // namespace limber::store
