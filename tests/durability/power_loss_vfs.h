// A power cut, simulated the way SQLite's own crash tests do it: an SQLite VFS (a shim
// over the default one) that keeps, for every database, WAL and journal file, what is on
// the disk for sure (the bytes as of the file's last sync) and the writes since. At the
// cut, each of those unsynced writes survives whole, in part (512-byte sectors at random)
// or not at all, and from then on every write and sync fails: the machine is off. The
// files the cut left behind are then written out and opened again by a fresh connection.
//
// While one lives, the shim is the process's default VFS, so the real store code
// (Database::open, DiaryStore) runs on it unchanged. Syncs are not passed on to the disk:
// durability is what the shim models, so the test runs at memory speed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace limber::testing {

// What is on the disk after the power cut: a file's full path -> its bytes.
using DiskImage = std::map<std::string, std::string>;

class PowerLossVfs {
 public:
  PowerLossVfs();   // registers the shim as the default VFS
  ~PowerLossVfs();  // the previous default again
  PowerLossVfs(const PowerLossVfs&) = delete;
  PowerLossVfs& operator=(const PowerLossVfs&) = delete;
  PowerLossVfs(PowerLossVfs&&) = delete;
  PowerLossVfs& operator=(PowerLossVfs&&) = delete;

  // Forgets every file and every plan: power on, syncs succeed, counting from zero.
  void reset();
  // The power goes off just before the `operation`-th write, truncate or sync from the
  // last reset (1: the first one); `seed` decides which unsynced writes reach the disk.
  void cut_power_at(std::uint64_t operation, std::uint32_t seed);
  // Every sync from now on fails as a disk that cannot write does (EIO), or not.
  void fail_syncs(bool fail);

  [[nodiscard]] bool power_is_off() const;
  // Writes, truncates and syncs seen since the last reset.
  [[nodiscard]] std::uint64_t operations() const;
  // The files as the cut left them; empty before the cut.
  [[nodiscard]] const DiskImage& image_after_cut() const;
};

// Writes `image` into `folder`, each file under its own name (the folder must exist).
void write_image(const DiskImage& image, const std::filesystem::path& folder);

}  // namespace limber::testing
