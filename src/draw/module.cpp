// limber-draw.so's one entry point: the table of functions limber looks up with dlsym()
// (app/draw_module_api.h).
#include "app/draw_module_api.h"
#include "draw/qr_encode.h"
#include "report/report_pdf.h"

namespace {

constexpr limber::app::DrawModule kModule{
    .abi = limber::app::kDrawModuleAbi,
    .report_size = sizeof(limber::core::Report),
    .render_pdf = &limber::report::render_pdf,
    .qr_encode = &limber::draw::qr_encode,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const limber::app::DrawModule*
limber_draw_module() {
  return &kModule;
}
