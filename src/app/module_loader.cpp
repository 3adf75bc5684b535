#include "app/module_loader.h"

#include <string>
#include <system_error>

#include <dlfcn.h>
#include <fmt/format.h>

namespace limber::app {

std::vector<std::filesystem::path> module_places(std::string_view file) {
  std::error_code error;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error)
    return {};
  const std::filesystem::path folder = program.parent_path();
  return {folder / file, (folder.parent_path() / "lib" / "limber" / file).lexically_normal()};
}

core::Result<void*> load_module(std::string_view file, const char* symbol,
                                std::string_view what_for,
                                std::vector<std::filesystem::path> places) {
  if (places.empty())
    places = module_places(file);
  std::string looked;
  for (const auto& place : places) {
    std::error_code error;
    if (!std::filesystem::exists(place, error)) {
      looked += fmt::format("{}{}", looked.empty() ? "" : ", ", place.string());
      continue;
    }
    // RTLD_LOCAL: the module's libraries' symbols stay its own. A second dlopen() of the
    // same file returns the module already loaded.
    void* handle = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      return core::fail(core::ErrorCode::kIo,
                        fmt::format("cannot load {} for {}: {}", place.string(), what_for,
                                    why != nullptr ? why : "dlopen failed"));
    }
    void* entry = dlsym(handle, symbol);
    if (entry == nullptr) {
      dlclose(handle);
      return core::fail(
          core::ErrorCode::kInvalidInput,
          fmt::format("{} is not limber's {}: reinstall limber", place.string(), file));
    }
    return entry;  // never unloaded: its code may run until the process ends
  }
  return core::fail(core::ErrorCode::kNotFound,
                    fmt::format("{} needs {}, which is missing (looked for {}): reinstall "
                                "limber (in a build folder: build the limber target, which "
                                "builds it)",
                                what_for, file, looked.empty() ? "it nowhere" : looked));
}

}  // namespace limber::app
