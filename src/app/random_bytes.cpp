#include "app/random_bytes.h"

#include <cerrno>

#include <sys/random.h>

namespace limber::app {

core::Result<void> system_random_bytes(std::span<std::uint8_t> out) {
  std::size_t filled = 0;
  while (filled < out.size()) {
    const ssize_t got = getrandom(out.data() + filled, out.size() - filled, 0);
    if (got < 0) {
      if (errno == EINTR)
        continue;
      return core::fail(core::ErrorCode::kIo, "the kernel gave no random numbers (getrandom)");
    }
    filled += static_cast<std::size_t>(got);
  }
  return {};
}

}  // namespace limber::app
