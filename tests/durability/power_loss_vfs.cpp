#include "durability/power_loss_vfs.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

#include <sqlite3.h>

namespace limber::testing {
namespace {

constexpr std::int64_t kSector = 512;

// One write or truncate not yet synced.
struct Change {
  std::int64_t offset = 0;  // a truncate's new size
  std::string bytes;
  bool truncate = false;
};

struct FileOnDisk {
  std::string synced;           // what is on the disk for sure
  std::vector<Change> pending;  // since the last sync, in order
};

void apply(std::string& content, const Change& change) {
  const auto offset = static_cast<std::size_t>(change.offset);
  if (change.truncate) {
    content.resize(offset);
    return;
  }
  if (content.size() < offset + change.bytes.size())
    content.resize(offset + change.bytes.size(), '\0');
  content.replace(offset, change.bytes.size(), change.bytes);
}

struct State {
  sqlite3_vfs* real = nullptr;
  sqlite3_vfs shim{};
  std::mutex mutex;
  std::map<std::string, FileOnDisk> files;
  std::uint64_t operations = 0;
  std::optional<std::uint64_t> cut_at;
  std::mt19937 random;
  bool off = false;
  bool failing_syncs = false;
  DiskImage image;

  // What each file holds when the power goes: every unsynced change survives whole, in
  // part (some of its sectors) or not at all.
  void cut() {
    image.clear();
    for (const auto& [path, file] : files) {
      std::string content = file.synced;
      for (const Change& change : file.pending) {
        const int fate = std::uniform_int_distribution(0, 2)(random);
        if (fate == 0)
          continue;  // lost
        if (fate == 1 || change.truncate) {
          apply(content, change);
          continue;
        }
        const std::int64_t end = change.offset + static_cast<std::int64_t>(change.bytes.size());
        for (std::int64_t at = change.offset; at < end;) {
          const std::int64_t sector_end = std::min(end, (at / kSector + 1) * kSector);
          if (std::bernoulli_distribution(0.5)(random)) {
            apply(content, {at,
                            change.bytes.substr(static_cast<std::size_t>(at - change.offset),
                                                static_cast<std::size_t>(sector_end - at)),
                            false});
          }
          at = sector_end;
        }
      }
      image.emplace(path, std::move(content));
    }
    off = true;
  }

  // Counts a write, truncate or sync; true when it may go ahead (the power is on).
  bool count_operation() {
    ++operations;
    if (!off && cut_at && operations >= *cut_at)
      cut();
    return !off;
  }
};

State& state() {
  static State the_state;
  return the_state;
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The shim's file: the real VFS's file follows it in the same allocation.
struct ShimFile {
  sqlite3_file base;
  std::string* path;  // null for a file the shim does not follow (temporary files)
  sqlite3_file* real;
};

sqlite3_file* real_of(sqlite3_file* file) {
  return reinterpret_cast<ShimFile*>(file)->real;  // NOLINT(*-reinterpret-cast)
}
const std::string* path_of(sqlite3_file* file) {
  return reinterpret_cast<ShimFile*>(file)->path;  // NOLINT(*-reinterpret-cast)
}

int shim_close(sqlite3_file* file) {
  auto* shim = reinterpret_cast<ShimFile*>(file);  // NOLINT(*-reinterpret-cast)
  delete shim->path;
  shim->path = nullptr;
  return shim->real->pMethods != nullptr ? shim->real->pMethods->xClose(shim->real) : SQLITE_OK;
}

int shim_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  return real_of(file)->pMethods->xRead(real_of(file), buffer, amount, offset);
}

int shim_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  if (const std::string* path = path_of(file)) {
    State& s = state();
    const std::scoped_lock lock(s.mutex);
    if (!s.count_operation())
      return SQLITE_IOERR_WRITE;
    s.files[*path].pending.push_back(
        {offset, std::string(static_cast<const char*>(buffer), static_cast<std::size_t>(amount)),
         false});
  }
  return real_of(file)->pMethods->xWrite(real_of(file), buffer, amount, offset);
}

int shim_truncate(sqlite3_file* file, sqlite3_int64 size) {
  if (const std::string* path = path_of(file)) {
    State& s = state();
    const std::scoped_lock lock(s.mutex);
    if (!s.count_operation())
      return SQLITE_IOERR_TRUNCATE;
    s.files[*path].pending.push_back({size, {}, true});
  }
  return real_of(file)->pMethods->xTruncate(real_of(file), size);
}

// Not passed on: what is durable is what the shim keeps.
int shim_sync(sqlite3_file* file, int /*flags*/) {
  if (const std::string* path = path_of(file)) {
    State& s = state();
    const std::scoped_lock lock(s.mutex);
    if (!s.count_operation() || s.failing_syncs)
      return SQLITE_IOERR_FSYNC;
    FileOnDisk& on_disk = s.files[*path];
    for (const Change& change : on_disk.pending)
      apply(on_disk.synced, change);
    on_disk.pending.clear();
  }
  return SQLITE_OK;
}

int shim_file_size(sqlite3_file* file, sqlite3_int64* size) {
  return real_of(file)->pMethods->xFileSize(real_of(file), size);
}
int shim_lock(sqlite3_file* file, int level) {
  return real_of(file)->pMethods->xLock(real_of(file), level);
}
int shim_unlock(sqlite3_file* file, int level) {
  return real_of(file)->pMethods->xUnlock(real_of(file), level);
}
int shim_check_reserved_lock(sqlite3_file* file, int* out) {
  return real_of(file)->pMethods->xCheckReservedLock(real_of(file), out);
}
int shim_file_control(sqlite3_file* file, int op, void* arg) {
  return real_of(file)->pMethods->xFileControl(real_of(file), op, arg);
}
int shim_sector_size(sqlite3_file* file) {
  return real_of(file)->pMethods->xSectorSize(real_of(file));
}
int shim_device_characteristics(sqlite3_file* file) {
  return real_of(file)->pMethods->xDeviceCharacteristics(real_of(file));
}
// The WAL index (-shm) is shared memory, rebuilt from the WAL after a crash: passed on.
int shim_shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
  return real_of(file)->pMethods->xShmMap(real_of(file), region, size, extend, out);
}
int shim_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
  return real_of(file)->pMethods->xShmLock(real_of(file), offset, n, flags);
}
void shim_shm_barrier(sqlite3_file* file) {
  real_of(file)->pMethods->xShmBarrier(real_of(file));
}
int shim_shm_unmap(sqlite3_file* file, int delete_flag) {
  return real_of(file)->pMethods->xShmUnmap(real_of(file), delete_flag);
}
// No memory-mapped reads: every read goes through xRead.
int shim_fetch(sqlite3_file* /*file*/, sqlite3_int64 /*offset*/, int /*amount*/, void** out) {
  *out = nullptr;
  return SQLITE_OK;
}
int shim_unfetch(sqlite3_file* /*file*/, sqlite3_int64 /*offset*/, void* /*page*/) {
  return SQLITE_OK;
}

const sqlite3_io_methods kShimMethods = {
    3,
    shim_close,
    shim_read,
    shim_write,
    shim_truncate,
    shim_sync,
    shim_file_size,
    shim_lock,
    shim_unlock,
    shim_check_reserved_lock,
    shim_file_control,
    shim_sector_size,
    shim_device_characteristics,
    shim_shm_map,
    shim_shm_lock,
    shim_shm_barrier,
    shim_shm_unmap,
    shim_fetch,
    shim_unfetch,
};

constexpr int kFollowed =
    SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL | SQLITE_OPEN_SUPER_JOURNAL;

int shim_open(sqlite3_vfs* /*vfs*/, sqlite3_filename name, sqlite3_file* file, int flags,
              int* out_flags) {
  State& s = state();
  auto* shim = reinterpret_cast<ShimFile*>(file);  // NOLINT(*-reinterpret-cast)
  shim->base.pMethods = nullptr;
  shim->path = nullptr;
  shim->real = reinterpret_cast<sqlite3_file*>(           // NOLINT(*-reinterpret-cast)
      reinterpret_cast<char*>(file) + sizeof(ShimFile));  // NOLINT(*-reinterpret-cast)
  const int opened = s.real->xOpen(s.real, name, shim->real, flags, out_flags);
  if (opened != SQLITE_OK)
    return opened;
  if (name != nullptr && (flags & kFollowed) != 0) {
    shim->path = new std::string(name);  // NOLINT(cppcoreguidelines-owning-memory)
    const std::scoped_lock lock(s.mutex);
    if (!s.files.contains(*shim->path))
      s.files[*shim->path].synced = read_whole_file(*shim->path);  // there before we knew it
  }
  shim->base.pMethods = &kShimMethods;
  return SQLITE_OK;
}

int shim_delete(sqlite3_vfs* /*vfs*/, const char* name, int sync_dir) {
  State& s = state();
  {
    const std::scoped_lock lock(s.mutex);
    if (!s.count_operation())
      return SQLITE_IOERR_DELETE;
    s.files.erase(name);
  }
  return s.real->xDelete(s.real, name, sync_dir);
}

int shim_access(sqlite3_vfs* /*vfs*/, const char* name, int flags, int* out) {
  return state().real->xAccess(state().real, name, flags, out);
}
int shim_full_pathname(sqlite3_vfs* /*vfs*/, const char* name, int size, char* out) {
  return state().real->xFullPathname(state().real, name, size, out);
}
void* shim_dl_open(sqlite3_vfs* /*vfs*/, const char* name) {
  return state().real->xDlOpen(state().real, name);
}
void shim_dl_error(sqlite3_vfs* /*vfs*/, int size, char* out) {
  state().real->xDlError(state().real, size, out);
}
void (*shim_dl_sym(sqlite3_vfs* /*vfs*/, void* library, const char* symbol))() {
  return state().real->xDlSym(state().real, library, symbol);
}
void shim_dl_close(sqlite3_vfs* /*vfs*/, void* library) {
  state().real->xDlClose(state().real, library);
}
int shim_randomness(sqlite3_vfs* /*vfs*/, int size, char* out) {
  return state().real->xRandomness(state().real, size, out);
}
int shim_sleep(sqlite3_vfs* /*vfs*/, int microseconds) {
  return state().real->xSleep(state().real, microseconds);
}
int shim_current_time(sqlite3_vfs* /*vfs*/, double* out) {
  return state().real->xCurrentTime(state().real, out);
}
int shim_get_last_error(sqlite3_vfs* /*vfs*/, int size, char* out) {
  return state().real->xGetLastError(state().real, size, out);
}
int shim_current_time_int64(sqlite3_vfs* /*vfs*/, sqlite3_int64* out) {
  return state().real->xCurrentTimeInt64(state().real, out);
}

}  // namespace

PowerLossVfs::PowerLossVfs() {
  State& s = state();
  s.real = sqlite3_vfs_find(nullptr);
  if (s.real == nullptr || s.real->iVersion < 2)
    throw std::runtime_error("no default SQLite VFS to wrap");
  s.shim = sqlite3_vfs{
      .iVersion = 2,
      .szOsFile = static_cast<int>(sizeof(ShimFile)) + s.real->szOsFile,
      .mxPathname = s.real->mxPathname,
      .pNext = nullptr,
      .zName = "power-loss",
      .pAppData = nullptr,
      .xOpen = shim_open,
      .xDelete = shim_delete,
      .xAccess = shim_access,
      .xFullPathname = shim_full_pathname,
      .xDlOpen = shim_dl_open,
      .xDlError = shim_dl_error,
      .xDlSym = shim_dl_sym,
      .xDlClose = shim_dl_close,
      .xRandomness = shim_randomness,
      .xSleep = shim_sleep,
      .xCurrentTime = shim_current_time,
      .xGetLastError = shim_get_last_error,
      .xCurrentTimeInt64 = shim_current_time_int64,
      .xSetSystemCall = nullptr,
      .xGetSystemCall = nullptr,
      .xNextSystemCall = nullptr,
  };
  reset();
  if (sqlite3_vfs_register(&s.shim, 1) != SQLITE_OK)
    throw std::runtime_error("cannot register the power-loss VFS");
}

PowerLossVfs::~PowerLossVfs() {
  State& s = state();
  sqlite3_vfs_register(s.real, 1);
  sqlite3_vfs_unregister(&s.shim);
}

void PowerLossVfs::reset() {
  State& s = state();
  const std::scoped_lock lock(s.mutex);
  s.files.clear();
  s.operations = 0;
  s.cut_at.reset();
  s.off = false;
  s.failing_syncs = false;
  s.image.clear();
}

void PowerLossVfs::cut_power_at(std::uint64_t operation, std::uint32_t seed) {
  State& s = state();
  const std::scoped_lock lock(s.mutex);
  s.cut_at = operation;
  s.random.seed(seed);
}

void PowerLossVfs::fail_syncs(bool fail) {
  State& s = state();
  const std::scoped_lock lock(s.mutex);
  s.failing_syncs = fail;
}

bool PowerLossVfs::power_is_off() const {
  State& s = state();
  const std::scoped_lock lock(s.mutex);
  return s.off;
}

std::uint64_t PowerLossVfs::operations() const {
  State& s = state();
  const std::scoped_lock lock(s.mutex);
  return s.operations;
}

const DiskImage& PowerLossVfs::image_after_cut() const {
  return state().image;
}

void write_image(const DiskImage& image, const std::filesystem::path& folder) {
  for (const auto& [path, bytes] : image) {
    std::ofstream out(folder / std::filesystem::path(path).filename(), std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
      throw std::runtime_error("cannot write " + path);
  }
}

}  // namespace limber::testing
