#include "server/tls_module.h"

#include <fmt/format.h>

#include "app/module_loader.h"

namespace limber::server {

std::vector<std::filesystem::path> tls_module_places() {
  return app::module_places(kTlsModuleFile);
}

core::Result<const TlsModule*> load_tls_module(std::vector<std::filesystem::path> places) {
  LIMBER_TRY_ASSIGN(void* symbol,
                    app::load_module(kTlsModuleFile, kTlsModuleSymbol, "the phone's HTTPS listener",
                                     std::move(places)));
  using Entry = const TlsModule* (*)();
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): dlsym's contract
  const TlsModule* module = reinterpret_cast<Entry>(symbol)();
  if (module == nullptr || module->abi != kTlsModuleAbi ||
      module->options_size != sizeof(TlsListenOptions)) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("{} is from another build of limber: install limber and "
                                  "limber-tls.so together",
                                  kTlsModuleFile));
  }
  return module;  // never unloaded: its listener runs until the process ends
}

}  // namespace limber::server
