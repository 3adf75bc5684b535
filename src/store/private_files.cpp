#include "store/private_files.h"

#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace limber::store {

using core::ErrorCode;
using core::fail;

namespace {

constexpr mode_t kOthers = 077;

std::string reason(int error) {
  return std::generic_category().message(error);
}

// Creates one folder level with 0700; an existing folder is fine.
bool make_folder(const std::filesystem::path& folder, int& error) {
  if (::mkdir(folder.c_str(), kPrivateFolderMode) == 0 || errno == EEXIST)
    return true;
  error = errno;
  return false;
}

}  // namespace

core::Result<void> make_private_folder(const std::filesystem::path& folder, Tightened& tightened) {
  std::error_code ec;
  if (!std::filesystem::exists(folder, ec)) {
    // Missing parents are created private too: umask would give them 0755.
    std::filesystem::path partial;
    int error = 0;
    for (const auto& part : folder) {
      partial /= part;
      if (partial.empty() || std::filesystem::exists(partial, ec))
        continue;
      if (!make_folder(partial, error)) {
        return fail(
            ErrorCode::kIo,
            fmt::format("cannot create the folder {} ({})", partial.string(), reason(error)),
            core::Remedy::kChooseDataDir);
      }
    }
    return {};
  }
  tighten(folder, tightened);
  return {};
}

core::Result<void> create_private_file(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kPrivateFileMode);
  if (fd >= 0) {
    ::close(fd);
    return {};
  }
  if (errno == EEXIST)
    return {};
  return fail(ErrorCode::kIo,
              fmt::format("cannot create {} ({}): check that you may write to its folder",
                          file.string(), reason(errno)),
              core::Remedy::kChooseDataDir);
}

void tighten(const std::filesystem::path& path, Tightened& tightened) {
  struct stat status {};
  if (::lstat(path.c_str(), &status) != 0 || S_ISLNK(status.st_mode))
    return;
  if ((status.st_mode & kOthers) == 0)
    return;
  if (::chmod(path.c_str(), status.st_mode & 07700 & ~kOthers) == 0)
    tightened.push_back(path);
}

}  // namespace limber::store
