// A QR code's modules, as a square of dark and light, and the same drawn as SVG for a page.
// The encoding itself is libqrencode's (app/qr_code.h); this is the pure half.
#pragma once

#include <string>
#include <vector>

namespace limber::core {

struct QrMatrix {
  int size = 0;            // modules per side
  std::vector<bool> dark;  // row by row, size * size

  [[nodiscard]] bool at(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                static_cast<std::size_t>(x)];
  }
};

// The light modules a reader needs around a code (ISO/IEC 18004: four).
inline constexpr int kQrQuietZone = 4;

// An SVG of `matrix`, one unit per module, with the quiet zone, dark on white: a single
// path of the dark modules, so it scales crisply. `label` becomes its accessible name.
std::string qr_svg(const QrMatrix& matrix, const std::string& label);

}  // namespace limber::core
