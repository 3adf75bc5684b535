#include "store/notice_store.h"

namespace limber::store {

Result<std::optional<core::Instant>> NoticeStore::shown_at(std::string_view name) const {
  LIMBER_TRY_ASSIGN(auto query, db_.prepare("SELECT shown_at FROM notices WHERE name = ?1"));
  query.bind(1, name);
  LIMBER_TRY_ASSIGN(const bool found, query.step());
  if (!found)
    return std::optional<core::Instant>{};
  return std::optional<core::Instant>(core::Instant{std::chrono::seconds{query.integer(0)}});
}

Result<bool> NoticeStore::mark_shown(std::string_view name, core::Instant at) const {
  return db_.transaction([&]() -> Result<bool> {
    LIMBER_TRY_ASSIGN(
        auto insert,
        db_.prepare("INSERT INTO notices (name, shown_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING"));
    insert.bind(1, name).bind(2, static_cast<std::int64_t>(at.time_since_epoch().count()));
    LIMBER_TRY(insert.run());
    return db_.changes() > 0;
  });
}

}  // namespace limber::store
