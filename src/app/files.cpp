#include "app/files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace limber::app {

using core::ErrorCode;
using core::fail;

namespace {

std::string reason(int error) {
  return std::generic_category().message(error);
}

}  // namespace

core::Result<std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return fail(ErrorCode::kIo, fmt::format("cannot read {}: there is no such file; check the name",
                                            path.string()));
  }
  if (std::filesystem::is_directory(path, ec)) {
    return fail(ErrorCode::kIo,
                fmt::format("cannot read {}: it is a folder, not a file", path.string()));
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxImportBytes) {
    return fail(ErrorCode::kBadFile,
                fmt::format("{} is {} MB: a diary file is at most {} MB; is it the right file?",
                            path.string(), size / (std::uintmax_t{1024} * 1024),
                            kMaxImportBytes / (std::uintmax_t{1024} * 1024)));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(ErrorCode::kIo, fmt::format("cannot read {}: {}", path.string(), reason(errno)));
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

core::Result<void> write_file_atomically(const std::filesystem::path& path,
                                         std::string_view content) {
  const std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    return fail(ErrorCode::kIo, fmt::format("cannot write {}: {}; choose another place with -o",
                                            path.string(), reason(errno)));
  }
  std::size_t written = 0;
  // What limber writes holds the diary: for the owner only, as the diary itself (mkstemp's
  // 0600 is glibc's choice; say it here).
  int error = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0 ? 0 : errno;
  while (error == 0 && written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      error = errno;
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  if (error == 0 && ::fsync(fd) != 0)
    error = errno;
  if (::close(fd) != 0 && error == 0)
    error = errno;
  if (error == 0 && std::rename(temp.c_str(), path.c_str()) != 0)
    error = errno;
  if (error != 0) {
    ::unlink(temp.c_str());
    return fail(ErrorCode::kIo, fmt::format("cannot write {}: {}; choose another place with -o",
                                            path.string(), reason(error)));
  }
  return {};
}

}  // namespace limber::app
