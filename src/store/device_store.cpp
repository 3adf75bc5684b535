#include "store/device_store.h"

#include <fmt/format.h>

namespace limber::store {
namespace {

std::int64_t seconds(core::Instant at) {
  return static_cast<std::int64_t>(at.time_since_epoch().count());
}

core::Instant instant(std::int64_t seconds) {
  return core::Instant{std::chrono::seconds{seconds}};
}

DeviceRow read_row(const Statement& row) {
  DeviceRow device{row.text(0), instant(row.integer(1)), std::nullopt, row.text(3)};
  if (auto seen = row.optional_integer(2))
    device.last_seen = instant(*seen);
  return device;
}

constexpr std::string_view kColumns = "name, paired_at, last_seen, secret_sha256";

}  // namespace

Result<void> DeviceStore::add(const DeviceRow& device) const {
  return db_.transaction([&]() -> Result<void> {
    LIMBER_TRY_ASSIGN(auto insert,
                      db_.prepare("INSERT INTO devices (name, paired_at, last_seen, "
                                  "secret_sha256) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING"));
    std::optional<std::int64_t> seen;
    if (device.last_seen)
      seen = seconds(*device.last_seen);
    insert.bind(1, std::string_view(device.name))
        .bind(2, seconds(device.paired_at))
        .bind(3, seen)
        .bind(4, std::string_view(device.secret_sha256));
    LIMBER_TRY(insert.run());
    if (db_.changes() == 0) {
      return core::fail(core::ErrorCode::kInvalidInput,
                        fmt::format("a phone called '{}' is paired already", device.name));
    }
    return {};
  });
}

Result<std::vector<DeviceRow>> DeviceStore::all() const {
  LIMBER_TRY_ASSIGN(auto query, db_.prepare(fmt::format(
                                    "SELECT {} FROM devices ORDER BY paired_at, name", kColumns)));
  std::vector<DeviceRow> devices;
  LIMBER_TRY(query.for_each_row([&](const Statement& row) { devices.push_back(read_row(row)); }));
  return devices;
}

Result<std::optional<DeviceRow>> DeviceStore::by_secret_sha256(
    std::string_view secret_sha256) const {
  LIMBER_TRY_ASSIGN(auto query, db_.prepare(fmt::format(
                                    "SELECT {} FROM devices WHERE secret_sha256 = ?1", kColumns)));
  query.bind(1, secret_sha256);
  LIMBER_TRY_ASSIGN(const bool found, query.step());
  if (!found)
    return std::optional<DeviceRow>{};
  return std::optional<DeviceRow>(read_row(query));
}

Result<void> DeviceStore::touch(std::string_view name, core::Instant at) const {
  LIMBER_TRY_ASSIGN(auto update, db_.prepare("UPDATE devices SET last_seen = ?2 WHERE name = ?1"));
  update.bind(1, name).bind(2, seconds(at));
  return update.run();
}

Result<bool> DeviceStore::remove(std::string_view name) const {
  LIMBER_TRY_ASSIGN(auto erase, db_.prepare("DELETE FROM devices WHERE name = ?1"));
  erase.bind(1, name);
  LIMBER_TRY(erase.run());
  return db_.changes() > 0;
}

}  // namespace limber::store
