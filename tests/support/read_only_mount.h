// A folder on read-only media, for tests of diaries that cannot be written: a small tmpfs
// is mounted, filled by the test, then remounted read-only. Permission bits would not do,
// since the tests run as root, whom they do not stop; a read-only mount stops everyone.
// Needs root (CAP_SYS_ADMIN, as `make test` and CI run); available() is false elsewhere,
// with the reason in why(), and the tests that use it fail rather than skip.
#pragma once

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include <sys/mount.h>

#include "support/temp_dir.h"

namespace limber::testing {

class ReadOnlyMount {
 public:
  ReadOnlyMount() {
    path_ = dir_.path() / "media";
    std::filesystem::create_directory(path_);
    if (::mount("limber-test", path_.c_str(), "tmpfs", 0, "size=64m,mode=0755") != 0) {
      why_ = std::string("cannot mount a tmpfs (") + std::strerror(errno) +
             "): run the tests as root to check read-only diaries";
      return;
    }
    mounted_ = true;
  }
  ReadOnlyMount(const ReadOnlyMount&) = delete;
  ReadOnlyMount& operator=(const ReadOnlyMount&) = delete;
  ReadOnlyMount(ReadOnlyMount&&) = delete;
  ReadOnlyMount& operator=(ReadOnlyMount&&) = delete;
  ~ReadOnlyMount() {
    if (mounted_)
      ::umount2(path_.c_str(), MNT_DETACH);
  }

  [[nodiscard]] bool available() const { return mounted_; }
  [[nodiscard]] const std::string& why() const { return why_; }
  // The mounted folder: writable until make_read_only().
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  // True when the remount worked; writes then fail with EROFS, even for root.
  bool make_read_only() {
    return ::mount("limber-test", path_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }

 private:
  TempDir dir_;
  std::filesystem::path path_;
  bool mounted_ = false;
  std::string why_;
};

}  // namespace limber::testing
