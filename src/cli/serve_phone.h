// `limber serve --phone`: the phone's HTTPS listener, beside the desktop's (issue 14).
// Whether it is wanted (--phone, --no-phone, remembered in DATA/serve-phone), on
// which addresses (--phone-bind, else the home network's), with which certificate
// (DATA/tls/, server/phone_identity.h). Internal to cli/.
#pragma once

#include <optional>
#include <string>

#include "cli/command.h"
#include "server/phone_identity.h"
#include "server/server.h"

namespace limber::cli {

// The file in the data folder that makes `limber serve` add the phone's listener: "on"
// or "off" (written by --phone and --no-phone).
inline constexpr const char* kPhoneSettingFile = "serve-phone";

struct PhoneFlags {
  bool phone = false;     // --phone: on, and remembered
  bool no_phone = false;  // --no-phone: off, and remembered
  std::string bind;       // --phone-bind ADDR[:PORT]: on for this run, on that address
};

// The phone listener's options and what to print about it, when wanted.
struct PhoneSetup {
  server::PhoneListenOptions listen;
  server::PhoneIdentity identity;
};

// Applies --phone/--no-phone to the setting, then returns the setup when the phone's
// listener is wanted (nullopt when not). Loads limber-tls.so and makes or renews the
// certificates. kInvalidInput for a bad --phone-bind, or when --phone asks for the home
// network and the computer is on none (with only the remembered setting asking, a line
// on io.err says so and the desktop's page is served alone).
core::Result<std::optional<PhoneSetup>> phone_setup(Context& context, const PhoneFlags& flags);

// The start-up lines about the phone's address and the certificate authority.
void print_phone_lines(const Io& io, const server::Server& web, const PhoneSetup& setup);

}  // namespace limber::cli
