#include "store/backup.h"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include "store/migrations.h"

namespace limber::store {

using core::ErrorCode;
using core::fail;
using core::Unexpected;

namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

core::Unexpected cannot_write(const std::filesystem::path& to, const std::string& why) {
  return fail(ErrorCode::kIo,
              fmt::format("cannot write the copy {} ({}): check the disk, or choose another "
                          "place",
                          to.string(), why));
}

// Makes a rename durable: the folder's entry is on disk too.
void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    (void)::fsync(fd);
    ::close(fd);
  }
}

// Copies every page of `source` into `dest` in one step: a snapshot of one moment. A busy
// writer only delays it, up to about `patience` tries of 10 ms.
core::Result<void> copy_pages(sqlite3* dest, sqlite3* source, const std::filesystem::path& where,
                              int patience) {
  sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
  if (backup == nullptr)
    return Unexpected(sqlite_error(dest, sqlite3_errcode(dest), where));
  int code = SQLITE_OK;
  for (;;) {
    code = sqlite3_backup_step(backup, -1);
    const bool busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
    if (code != SQLITE_OK && (!busy || patience-- <= 0))
      break;
    if (busy)
      sqlite3_sleep(10);
  }
  const int finished = sqlite3_backup_finish(backup);
  if (code != SQLITE_DONE)
    return Unexpected(sqlite_error(dest, code, where));
  if (finished != SQLITE_OK)
    return Unexpected(sqlite_error(dest, finished, where));
  return {};
}

constexpr int kPatience = 500;  // 5 s, as the busy timeout

core::Result<void> backup_into(sqlite3* source, const std::filesystem::path& temp) {
  sqlite3* raw = nullptr;
  const int opened =
      sqlite3_open_v2(temp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  const std::unique_ptr<sqlite3, Closer> dest(raw);
  if (opened != SQLITE_OK)
    return Unexpected(sqlite_error(raw, opened, temp));
  LIMBER_TRY(copy_pages(raw, source, temp, kPatience));
  // One self-contained file, flushed to disk.
  if (sqlite3_exec(raw, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return Unexpected(sqlite_error(raw, sqlite3_errcode(raw), temp));
  return {};
}

}  // namespace

core::Result<void> copy_diary(const Database& from, const std::filesystem::path& to) {
  const std::filesystem::path folder =
      to.has_parent_path() ? to.parent_path() : std::filesystem::path(".");
  std::string temp = (folder / ("." + to.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(temp.data());  // mode 0600
  if (fd < 0)
    return cannot_write(to, std::generic_category().message(errno));
  ::close(fd);
  auto copied = backup_into(from.handle(), temp);
  if (copied) {
    const int synced = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    const bool durable = synced >= 0 && ::fsync(synced) == 0;
    if (synced >= 0)
      ::close(synced);
    if (!durable)
      copied = cannot_write(to, std::generic_category().message(errno));
  }
  if (copied && std::rename(temp.c_str(), to.c_str()) != 0)
    copied = cannot_write(to, std::generic_category().message(errno));
  if (!copied) {
    ::unlink(temp.c_str());
    return fail(copied.error().code, copied.error().message);
  }
  sync_folder(folder);
  return {};
}

core::Result<void> replace_content(const Database& into, const std::filesystem::path& from) {
  LIMBER_TRY_ASSIGN(auto source, Database::open_file_read_only(from));
  LIMBER_TRY(copy_pages(into.handle(), source.handle(), into.path(), kPatience));
  return migrate(into, {});
}

core::Result<DiaryFileFacts> check_diary_file(const std::filesystem::path& path) {
  LIMBER_TRY_ASSIGN(auto db, Database::open_file_read_only(path));
  const auto number = [&](std::string_view sql) {
    return pragma(db, sql);
  };
  LIMBER_TRY_ASSIGN(auto application_id, number("PRAGMA application_id"));
  if (application_id != kApplicationId) {
    return fail(ErrorCode::kNotLimber,
                fmt::format("{} is not a limber diary: choose a file written by limber backup",
                            path.string()));
  }
  LIMBER_TRY_ASSIGN(auto version, number("PRAGMA user_version"));
  if (version > latest_schema_version()) {
    return fail(ErrorCode::kTooNew,
                fmt::format("{} was written by a newer limber (schema {}, this one knows up to "
                            "{}): update limber first",
                            path.string(), version, latest_schema_version()));
  }
  LIMBER_TRY_ASSIGN(auto problems, check_integrity(db, true, 5));
  if (!problems.empty()) {
    return fail(ErrorCode::kCorrupt, fmt::format("{} is damaged ({}): choose another copy",
                                                 path.string(), problems.front()));
  }
  LIMBER_TRY_ASSIGN(auto entries, number("SELECT count(*) FROM entries"));
  return DiaryFileFacts{static_cast<int>(version), entries};
}

}  // namespace limber::store
