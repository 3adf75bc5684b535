#include "server/tls_module.h"

#include <string>
#include <system_error>

#include <dlfcn.h>
#include <fmt/format.h>

namespace limber::server {

std::vector<std::filesystem::path> tls_module_places() {
  std::error_code error;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error)
    return {};
  const std::filesystem::path folder = program.parent_path();
  return {folder / kTlsModuleFile,
          (folder.parent_path() / "lib" / "limber" / kTlsModuleFile).lexically_normal()};
}

core::Result<const TlsModule*> load_tls_module(std::vector<std::filesystem::path> places) {
  if (places.empty())
    places = tls_module_places();
  std::string looked;
  for (const auto& place : places) {
    std::error_code error;
    if (!std::filesystem::exists(place, error)) {
      looked += fmt::format("{}{}", looked.empty() ? "" : ", ", place.string());
      continue;
    }
    // RTLD_LOCAL: GnuTLS's symbols stay the module's own. A second dlopen() of the same
    // file returns the module already loaded.
    void* handle = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      return core::fail(core::ErrorCode::kIo,
                        fmt::format("cannot load {} for the phone's HTTPS listener: {}",
                                    place.string(), why != nullptr ? why : "dlopen failed"));
    }
    using Entry = const TlsModule* (*)();
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): dlsym's contract
    const auto entry = reinterpret_cast<Entry>(dlsym(handle, kTlsModuleSymbol));
    const TlsModule* module = entry != nullptr ? entry() : nullptr;
    if (module == nullptr || module->abi != kTlsModuleAbi ||
        module->options_size != sizeof(TlsListenOptions)) {
      dlclose(handle);
      return core::fail(core::ErrorCode::kInvalidInput,
                        fmt::format("{} is from another build of limber: install limber and "
                                    "limber-tls.so together",
                                    place.string()));
    }
    return module;  // never unloaded: its listener runs until the process ends
  }
  return core::fail(core::ErrorCode::kNotFound,
                    fmt::format("the phone's HTTPS listener needs {}, which is missing (looked "
                                "for {}): install it beside the limber program, or build the "
                                "limber_tls target",
                                kTlsModuleFile, looked.empty() ? "it nowhere" : looked));
}

}  // namespace limber::server
