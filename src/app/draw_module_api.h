// The contract between limber and its drawing module, limber-draw.so (src/draw/): the code
// that links cairo (the report's PDF, report/report_pdf.h) and libqrencode (the pairing QR
// codes), loaded with dlopen() only by what draws (`limber report`, the page's PDF, a
// phone's pairing), so `limber log` and the other commands start without cairo and the 16
// libraries it brings (issue 16). Both sides are built from this one header by the same
// compiler in the same build; kDrawModuleAbi and the size check in the loader refuse a
// module from another build.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/qr_matrix.h"
#include "core/report.h"
#include "core/result.h"

namespace limber::app {

inline constexpr int kDrawModuleAbi = 1;
// The file's name, beside the `limber` program or in LIBDIR/limber/.
inline constexpr const char* kDrawModuleFile = "limber-draw.so";
// The function the module exports (extern "C", returns const DrawModule*).
inline constexpr const char* kDrawModuleSymbol = "limber_draw_module";

struct DrawModule {
  int abi;
  std::size_t report_size;  // sizeof(core::Report) as the module was built
  // The report's PDF (report::render_pdf): kIo when cairo cannot draw.
  core::Result<std::string> (*render_pdf)(const core::Report& report, const core::Now& made);
  // The modules of `text` at error correction level M, in byte mode. kInvalidInput when the
  // text is too long for a QR code, kIo when libqrencode fails otherwise.
  core::Result<core::QrMatrix> (*qr_encode)(std::string_view text);
};

}  // namespace limber::app
