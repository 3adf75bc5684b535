#include "app/draw_module.h"

#include <fmt/format.h>

#include "app/module_loader.h"

namespace limber::app {

core::Result<const DrawModule*> load_draw_module(std::string_view what_for,
                                                 std::vector<std::filesystem::path> places) {
  LIMBER_TRY_ASSIGN(void* symbol,
                    load_module(kDrawModuleFile, kDrawModuleSymbol, what_for, std::move(places)));
  using Entry = const DrawModule* (*)();
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): dlsym's contract
  const DrawModule* module = reinterpret_cast<Entry>(symbol)();
  if (module == nullptr || module->abi != kDrawModuleAbi ||
      module->report_size != sizeof(core::Report)) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("{} is from another build of limber: reinstall limber, so "
                                  "that the program and its modules match",
                                  kDrawModuleFile));
  }
  return module;
}

core::Result<std::string> render_report_pdf(const core::Report& report, const core::Now& made) {
  LIMBER_TRY_ASSIGN(const DrawModule* module, load_draw_module("the report's PDF"));
  return module->render_pdf(report, made);
}

}  // namespace limber::app
