#include "app/data_dir.h"

#include <cstdlib>

namespace limber::app {

std::optional<std::string> process_env(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read at start-up
  if (value == nullptr)
    return std::nullopt;
  return std::string(value);
}

core::Result<std::filesystem::path> data_dir(const std::optional<std::string>& flag,
                                             const GetEnv& env) {
  if (flag) {
    if (flag->empty()) {
      return core::fail(core::ErrorCode::kInvalidInput,
                        "--data-dir is empty: give a folder, for example --data-dir ~/limber");
    }
    return std::filesystem::path(*flag);
  }
  if (auto home = env("LIMBER_HOME"); home && !home->empty())
    return std::filesystem::path(*home);
  if (auto xdg = env("XDG_DATA_HOME"); xdg && !xdg->empty() && xdg->front() == '/') {
    return std::filesystem::path(*xdg) / "limber";
  }
  if (auto home = env("HOME"); home && !home->empty()) {
    return std::filesystem::path(*home) / ".local" / "share" / "limber";
  }
  return core::fail(core::ErrorCode::kInvalidInput,
                    "cannot tell where to keep the diary: HOME is not set; set LIMBER_HOME or "
                    "pass --data-dir DIR");
}

}  // namespace limber::app
