#include "store/database.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/migrations.h"
#include "store/unreadable_row.h"

namespace limber::store {

using core::ErrorCode;
using core::fail;
using core::Unexpected;

void Database::Closer::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

core::Error sqlite_error(sqlite3* db, int code, const std::filesystem::path& path) {
  std::string where = path.string();
  if (where.empty() && db != nullptr) {
    const char* name = sqlite3_db_filename(db, "main");
    where = name == nullptr || *name == '\0' ? "the diary" : name;
  }
  const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ErrorCode::kBusy,
              fmt::format("the diary {} is busy: another limber is writing to it; try again in "
                          "a moment",
                          where)};
    case SQLITE_NOTADB:
      return {ErrorCode::kNotLimber,
              fmt::format("{} is not a limber diary (not an SQLite database)", where),
              core::Remedy::kChooseDataDir};
    case SQLITE_CORRUPT:
      return {ErrorCode::kCorrupt, fmt::format("the diary {} is damaged ({})", where, detail),
              core::Remedy::kCheckDiary};
    case SQLITE_FULL:
      return {ErrorCode::kIo,
              fmt::format("the disk holding {} is full: free some space and try again", where)};
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return {ErrorCode::kIo, fmt::format("cannot open or write {} ({}): check that the folder "
                                          "exists and that you may write to it",
                                          where, detail)};
    case SQLITE_CONSTRAINT:
      return {ErrorCode::kInvalidInput,
              fmt::format("the diary refused a value ({}): this is a bug in limber, please "
                          "report it",
                          detail)};
    default:
      return {ErrorCode::kIo, fmt::format("the diary {} could not be read or written ({}): try "
                                          "again, and check the disk",
                                          where, detail)};
  }
}

namespace {

// The files SQLite keeps beside the diary.
constexpr std::array<std::string_view, 3> kCompanions = {"-wal", "-shm", "-journal"};

std::filesystem::path companion(const std::filesystem::path& path, std::string_view suffix) {
  return {path.string() + std::string(suffix)};
}

std::filesystem::path folder_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// Whether the first 100 bytes say "a limber diary" (SQLite's header with our application
// id), so that a stranger's file is not touched before it is refused.
bool has_our_header(const std::filesystem::path& path) {
  std::array<unsigned char, 100> header{};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  const ssize_t got = ::read(fd, header.data(), header.size());
  ::close(fd);
  if (got != static_cast<ssize_t>(header.size()))
    return false;
  constexpr std::string_view kMagic{"SQLite format 3\0", 16};
  if (!std::equal(kMagic.begin(), kMagic.end(), header.begin()))
    return false;
  const std::uint32_t id = (std::uint32_t{header[68]} << 24U) | (std::uint32_t{header[69]} << 16U) |
                           (std::uint32_t{header[70]} << 8U) | std::uint32_t{header[71]};
  return id == static_cast<std::uint32_t>(kApplicationId);
}

// Whether the diary or a companion may be read or written by others (mode bits 077), by
// stat alone. Opening and closing the diary file ourselves (has_our_header) while this
// process has it open in SQLite would drop SQLite's POSIX locks on it (a close releases
// every lock the process holds on the file), and another process could then take the
// -wal and -shm from under our connection, which would go on reading an old snapshot: a
// second connection in `limber serve` showed exactly that. So the header is read only
// when there is something to tighten.
bool open_to_others(const std::filesystem::path& path) {
  constexpr mode_t kGroupAndOthers = 077;
  struct stat status {};
  if (::lstat(path.c_str(), &status) == 0 && (status.st_mode & kGroupAndOthers) != 0)
    return true;
  for (const std::string_view suffix : kCompanions) {
    if (::lstat(companion(path, suffix).c_str(), &status) == 0 &&
        (status.st_mode & kGroupAndOthers) != 0)
      return true;
  }
  return false;
}

void tighten_diary(const std::filesystem::path& path, Tightened& tightened) {
  tighten(path, tightened);
  for (const std::string_view suffix : kCompanions)
    tighten(companion(path, suffix), tightened);
}

// Percent-encodes a path for an SQLite URI (RFC 3986 unreserved characters and '/').
std::string uri_path(const std::filesystem::path& path) {
  std::string out;
  for (const char c : std::filesystem::absolute(path).string()) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

bool writable(const std::filesystem::path& path) {
  return ::access(path.c_str(), W_OK) == 0 && ::access(folder_of(path).c_str(), W_OK) == 0;
}

}  // namespace

Result<void> Database::configure(const OpenOptions& options) {
  sqlite3_extended_result_codes(db_.get(), 1);
  sqlite3_busy_timeout(db_.get(), static_cast<int>(options.busy_timeout.count()));
  // Connection settings: nothing is written to the file yet.
  LIMBER_TRY(exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL"));
  if (options.quick_check) {
    LIMBER_TRY_ASSIGN(auto problems, check_integrity(*this, false, 1));
    if (!problems.empty()) {
      return fail(ErrorCode::kCorrupt,
                  fmt::format("the diary {} is damaged ({}), so nothing was written to it",
                              path_.string(), problems.front()),
                  core::Remedy::kCheckDiary);
    }
  }
  return migrate(*this, options.backup_folder);
}

Result<Database> Database::open_read_only(const std::filesystem::path& path,
                                          const OpenOptions& options) {
  // A -wal may hold committed entries: SQLite reads it through the -shm, which must exist
  // already (readonly_shm: never create one). Without a -wal, the file is the whole diary
  // and `immutable` reads it without locks or companions: nobody can be writing to it,
  // since a writer in WAL mode always has a -wal.
  std::error_code ec;
  const bool has_wal = std::filesystem::exists(companion(path, "-wal"), ec);
  OpenReport report;
  report.read_only = true;
  for (const bool immutable : {false, true}) {
    if (!immutable && !has_wal)
      continue;
    const std::string uri = fmt::format("file:{}?mode=ro&{}", uri_path(path),
                                        immutable ? "immutable=1" : "readonly_shm=1");
    sqlite3* raw = nullptr;
    const int code =
        sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    Database db(raw, path);
    if (code != SQLITE_OK && !immutable)
      continue;
    if (code != SQLITE_OK)
      return Unexpected(sqlite_error(raw, code, path));
    report.wal_skipped =
        immutable && has_wal && std::filesystem::file_size(companion(path, "-wal"), ec) > 0;
    db.report_ = report;
    auto configured = db.configure(options);
    if (configured)
      return db;
    if (immutable || (configured.error().code != ErrorCode::kIo))
      return Unexpected(configured.error());
  }
  return fail(ErrorCode::kIo, fmt::format("cannot read {}", path.string()));
}

Result<Database> Database::open(const std::filesystem::path& path, const OpenOptions& options) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return fail(ErrorCode::kIo, fmt::format("{} is a folder, not a diary file", path.string()),
                core::Remedy::kChooseDataDir);
  }
  const bool exists = std::filesystem::exists(path, ec);
  if (options.read_only && exists && !writable(path))
    return open_read_only(path, options);
  Tightened tightened;
  if (path.has_parent_path()) {
    LIMBER_TRY(make_private_folder(path.parent_path(), tightened));
  }
  if (!exists) {
    // SQLite gives the -wal and -shm the diary's own mode: create it private first.
    LIMBER_TRY(create_private_file(path));
  } else if (open_to_others(path) && has_our_header(path)) {
    tighten_diary(path, tightened);
  }
  sqlite3* raw = nullptr;
  const int code =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw, path);
  if (code != SQLITE_OK)
    return Unexpected(sqlite_error(raw, code, path));
  LIMBER_TRY(db.configure(options));
  // A fresh diary, or one that an older limber left readable by others: its companions
  // exist only now.
  tighten_diary(path, tightened);
  db.report_.tightened = std::move(tightened);
  return db;
}

Result<Database> Database::open_file_read_only(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return fail(ErrorCode::kIo, fmt::format("cannot read {}: there is no such file; check the name",
                                            path.string()));
  }
  const std::string uri = fmt::format("file:{}?mode=ro&immutable=1", uri_path(path));
  sqlite3* raw = nullptr;
  const int code =
      sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  Database db(raw, path);
  if (code != SQLITE_OK)
    return Unexpected(sqlite_error(raw, code, path));
  sqlite3_extended_result_codes(raw, 1);
  db.report_.read_only = true;
  return db;
}

core::Error unreadable_row(std::string_view table, std::int64_t id) {
  return {ErrorCode::kCorrupt,
          fmt::format("the diary is damaged: row {} of {} cannot be read", id, table),
          core::Remedy::kCheckDiary};
}

Result<std::vector<std::string>> check_integrity(const Database& db, bool full, int limit) {
  LIMBER_TRY_ASSIGN(
      auto check,
      db.prepare(fmt::format("PRAGMA {}({})", full ? "integrity_check" : "quick_check", limit)));
  std::vector<std::string> problems;
  LIMBER_TRY(check.for_each_row([&](const Statement& row) {
    std::string line = row.text(0);
    if (line != "ok")
      problems.push_back(std::move(line));
  }));
  return problems;
}

Result<Database> Database::open_in_memory() {
  sqlite3* raw = nullptr;
  const int code = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE, nullptr);
  Database db(raw, ":memory:");
  if (code != SQLITE_OK)
    return Unexpected(sqlite_error(raw, code, ":memory:"));
  LIMBER_TRY(db.exec("PRAGMA foreign_keys = ON"));
  LIMBER_TRY(migrate(db, {}));
  return db;
}

Result<Statement> Database::prepare(std::string_view sql) const {
  sqlite3_stmt* stmt = nullptr;
  const int code =
      sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (code != SQLITE_OK)
    return Unexpected(sqlite_error(db_.get(), code, path_));
  return Statement(db_.get(), stmt);
}

Result<void> Database::exec(std::string_view sql) const {
  const std::string text(sql);
  const int code = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK)
    return Unexpected(sqlite_error(db_.get(), code, path_));
  return {};
}

std::int64_t Database::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_.get());
}

int Database::changes() const {
  return sqlite3_changes(db_.get());
}

}  // namespace limber::store
