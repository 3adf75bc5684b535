// A QR code of a short text (an address), made by libqrencode in limber-draw.so
// (app/draw_module.h), loaded on the first code: the modules only; the terminal
// (cli/qr_text.h) and the page (core::qr_svg) draw them.
#pragma once

#include <string_view>

#include "core/qr_matrix.h"
#include "core/result.h"

namespace limber::app {

// The modules of `text` at error correction level M, in byte mode. kInvalidInput when the
// text is too long for a QR code, kIo when libqrencode fails otherwise; the module's errors
// (app/draw_module.h) when it cannot be loaded.
core::Result<core::QrMatrix> qr_encode(std::string_view text);

}  // namespace limber::app
