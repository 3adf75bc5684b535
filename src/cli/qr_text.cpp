#include "cli/qr_text.h"

namespace limber::cli {
namespace {

constexpr std::string_view kBlackOnWhite = "\x1b[30;107m";
constexpr std::string_view kReset = "\x1b[0m";

}  // namespace

std::string qr_text(const core::QrMatrix& matrix, bool colors) {
  const int side = matrix.size + 2 * core::kQrQuietZone;
  const auto dark = [&](int x, int y) {
    const int mx = x - core::kQrQuietZone;
    const int my = y - core::kQrQuietZone;
    return mx >= 0 && my >= 0 && mx < matrix.size && my < matrix.size && matrix.at(mx, my);
  };
  std::string out;
  for (int y = 0; y < side; y += 2) {
    if (colors)
      out += kBlackOnWhite;
    for (int x = 0; x < side; ++x) {
      const bool top = dark(x, y);
      const bool bottom = y + 1 < side && dark(x, y + 1);
      if (top && bottom) {
        out += "\u2588";
      } else if (top) {
        out += "\u2580";
      } else if (bottom) {
        out += "\u2584";
      } else {
        out += ' ';
      }
    }
    if (colors)
      out += kReset;
    out += '\n';
  }
  return out;
}

}  // namespace limber::cli
