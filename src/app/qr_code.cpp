#include "app/qr_code.h"

#include "app/draw_module.h"

namespace limber::app {

core::Result<core::QrMatrix> qr_encode(std::string_view text) {
  LIMBER_TRY_ASSIGN(const DrawModule* module, load_draw_module("the pairing QR code"));
  return module->qr_encode(text);
}

}  // namespace limber::app
