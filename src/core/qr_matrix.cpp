#include "core/qr_matrix.h"

#include <fmt/format.h>

#include "core/text.h"

namespace limber::core {

std::string qr_svg(const QrMatrix& matrix, const std::string& label) {
  const int side = matrix.size + 2 * kQrQuietZone;
  std::string path;
  for (int y = 0; y < matrix.size; ++y) {
    for (int x = 0; x < matrix.size; ++x) {
      if (!matrix.at(x, y))
        continue;
      // A run of dark modules on a row is one rectangle.
      int end = x;
      while (end + 1 < matrix.size && matrix.at(end + 1, y))
        ++end;
      path += fmt::format("M{} {}h{}v1h-{}z", x + kQrQuietZone, y + kQrQuietZone, end - x + 1,
                          end - x + 1);
      x = end;
    }
  }
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" role="img" )"
      R"(aria-label="{1}" shape-rendering="crispEdges"><rect width="{0}" height="{0}" )"
      R"(fill="#fff"/><path fill="#000" d="{2}"/></svg>)",
      side, escape_xml(label), path);
}

}  // namespace limber::core
