#include "store/share_store.h"

namespace limber::store {
namespace {

std::int64_t seconds(core::Instant at) {
  return at.time_since_epoch().count();
}

core::Instant instant(std::int64_t value) {
  return core::Instant{std::chrono::seconds(value)};
}

}  // namespace

core::Result<std::optional<SharedClinic>> ShareStore::clinic() const {
  LIMBER_TRY_ASSIGN(auto rows,
                    db_.prepare("SELECT url, token, patient, notes, since, last_sent_at, "
                                "stopping FROM share_clinic WHERE id = 1"));
  std::optional<SharedClinic> found;
  LIMBER_TRY(rows.for_each_row([&](const Statement& row) {
    SharedClinic clinic{row.text(0),
                        row.text(1),
                        row.integer(2),
                        row.integer(3) != 0,
                        instant(row.integer(4)),
                        std::nullopt,
                        row.integer(6) != 0};
    if (const auto last = row.optional_integer(5))
      clinic.last_sent_at = instant(*last);
    found = std::move(clinic);
  }));
  return found;
}

core::Result<void> ShareStore::start(const SharedClinic& clinic) const {
  return db_.transaction([&]() -> core::Result<void> {
    LIMBER_TRY(db_.exec("DELETE FROM share_sent; DELETE FROM share_clinic;"));
    LIMBER_TRY_ASSIGN(auto insert,
                      db_.prepare("INSERT INTO share_clinic (id, url, token, patient, notes, "
                                  "since) VALUES (1, ?1, ?2, ?3, ?4, ?5)"));
    insert.bind(1, std::string_view(clinic.url))
        .bind(2, std::string_view(clinic.token))
        .bind(3, clinic.patient)
        .bind(4, static_cast<std::int64_t>(clinic.notes ? 1 : 0))
        .bind(5, seconds(clinic.since));
    return insert.run();
  });
}

core::Result<std::map<std::string, std::string>> ShareStore::sent() const {
  LIMBER_TRY_ASSIGN(auto rows, db_.prepare("SELECT record, sha256 FROM share_sent"));
  std::map<std::string, std::string> sent;
  LIMBER_TRY(
      rows.for_each_row([&](const Statement& row) { sent.emplace(row.text(0), row.text(1)); }));
  return sent;
}

core::Result<void> ShareStore::mark_sent(const std::map<std::string, std::string>& records,
                                         core::Instant at) const {
  return db_.transaction([&]() -> core::Result<void> {
    LIMBER_TRY_ASSIGN(auto upsert, db_.prepare("INSERT INTO share_sent (record, sha256, sent_at) "
                                               "VALUES (?1, ?2, ?3) ON CONFLICT (record) DO "
                                               "UPDATE SET sha256 = excluded.sha256, sent_at = "
                                               "excluded.sent_at"));
    for (const auto& [record, hash] : records) {
      upsert.bind(1, std::string_view(record)).bind(2, std::string_view(hash)).bind(3, seconds(at));
      LIMBER_TRY(upsert.run());
      upsert.reset();
    }
    LIMBER_TRY_ASSIGN(auto last,
                      db_.prepare("UPDATE share_clinic SET last_sent_at = ?1 WHERE id = 1"));
    last.bind(1, seconds(at));
    return last.run();
  });
}

core::Result<void> ShareStore::forget_sent(const std::vector<std::string>& records) const {
  return db_.transaction([&]() -> core::Result<void> {
    LIMBER_TRY_ASSIGN(auto remove, db_.prepare("DELETE FROM share_sent WHERE record = ?1"));
    for (const auto& record : records) {
      remove.bind(1, std::string_view(record));
      LIMBER_TRY(remove.run());
      remove.reset();
    }
    return {};
  });
}

core::Result<std::vector<core::FunctionRatingExport>> ShareStore::function_ratings() const {
  LIMBER_TRY_ASSIGN(auto rows,
                    db_.prepare("SELECT r.id, a.name, r.at, r.utc_offset, r.score FROM "
                                "function_ratings r JOIN function_activities a ON a.id = "
                                "r.activity_id ORDER BY r.at, r.id"));
  std::vector<core::FunctionRatingExport> ratings;
  LIMBER_TRY(rows.for_each_row([&](const Statement& row) {
    ratings.push_back({row.integer(0), row.text(1), instant(row.integer(2)),
                       std::chrono::seconds(row.integer(3)), static_cast<int>(row.integer(4))});
  }));
  return ratings;
}

core::Result<void> ShareStore::mark_stopping() const {
  return db_.transaction(
      [&]() -> core::Result<void> { return db_.exec("UPDATE share_clinic SET stopping = 1"); });
}

core::Result<void> ShareStore::forget() const {
  return db_.transaction([&]() -> core::Result<void> {
    return db_.exec("DELETE FROM share_sent; DELETE FROM share_clinic;");
  });
}

}  // namespace limber::store
