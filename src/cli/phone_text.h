// What `limber serve` prints for phones when it serves the home network (issue 14): the
// CA certificate's address as a QR code in the terminal, its fingerprint, and where to pair.
// For the serve command to print at start-up (the HTTPS listener gives the address).
#pragma once

#include <string>

#include "core/result.h"
#include "server/phone.h"

namespace limber::cli {

// Lines for the terminal; `colors` as cli::qr_text. kInvalidInput when the address does not
// fit a QR code.
core::Result<std::string> phone_start_text(const server::PhoneAddress& phone, bool colors);

}  // namespace limber::cli
