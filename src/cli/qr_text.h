// A QR code for the terminal: two rows of modules per line in half-block characters, with
// the quiet zone, drawn in black on white whatever the terminal's theme (a phone's camera
// reads dark on light; light on dark fails on some).
#pragma once

#include <string>

#include "core/qr_matrix.h"

namespace limber::cli {

// Lines of "▀", "▄", "█" (dark) and spaces (light), each wrapped in an SGR sequence that
// sets black on bright white and resets at its end; `colors` false leaves the sequences
// out (for tests of the mapping).
std::string qr_text(const core::QrMatrix& matrix, bool colors = true);

}  // namespace limber::cli
