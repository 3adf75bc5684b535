// A file's permission bits (0600, 0700), for the tests that check the diary stays private.
#pragma once

#include <filesystem>

#include <sys/stat.h>

namespace limber::testing {

// The mode's permission bits; 0 when the file cannot be read.
inline unsigned mode_of(const std::filesystem::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0)
    return 0;
  return info.st_mode & 07777U;
}

}  // namespace limber::testing
