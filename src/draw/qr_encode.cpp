#include "draw/qr_encode.h"

#include <cerrno>
#include <memory>
#include <string>

#include <qrencode.h>

namespace limber::draw {

core::Result<core::QrMatrix> qr_encode(std::string_view text) {
  const std::string terminated(text);
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) {
    if (errno == ERANGE)
      return core::fail(core::ErrorCode::kInvalidInput, "the address is too long for a QR code");
    return core::fail(core::ErrorCode::kIo, "the QR code could not be made (libqrencode)");
  }
  core::QrMatrix matrix;
  matrix.size = code->width;
  const auto cells = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  matrix.dark.reserve(cells);
  // libqrencode's lowest bit of each byte is the module: 1 is dark.
  for (std::size_t i = 0; i < cells; ++i)
    matrix.dark.push_back((code->data[i] & 1U) != 0);
  return matrix;
}

}  // namespace limber::draw
