// A QR code's modules made by libqrencode (app/draw_module_api.h's qr_encode): in
// limber-draw.so, so only a phone's pairing loads libqrencode.
#pragma once

#include <string_view>

#include "core/qr_matrix.h"
#include "core/result.h"

namespace limber::draw {

// The modules of `text` at error correction level M, in byte mode. kInvalidInput when the
// text is too long for a QR code, kIo when libqrencode fails otherwise.
core::Result<core::QrMatrix> qr_encode(std::string_view text);

}  // namespace limber::draw
