#include "cli/serve_phone.h"

#include <algorithm>
#include <array>
#include <charconv>

#include <arpa/inet.h>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <unistd.h>

#include "app/files.h"
#include "cli/phone_text.h"
#include "server/home_network.h"
#include "server/tls_module.h"

namespace limber::cli {
namespace {

using core::ErrorCode;
using core::fail;

struct PhoneBind {
  std::string address;
  int port = server::kDefaultPort + 1;
};

bool is_ip(const std::string& text, int family) {
  std::array<unsigned char, 16> bytes{};
  return inet_pton(family, text.c_str(), bytes.data()) == 1;
}

// "192.168.1.20", "192.168.1.20:5463", "[fd00::1]:5463" or "fd00::1".
core::Result<PhoneBind> parse_phone_bind(const std::string& text) {
  const auto bad = [&text] {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("--phone-bind '{}' is not an address: give an IP address of this "
                            "computer, with a port if you like, like --phone-bind "
                            "192.168.1.20:{}",
                            text, server::kDefaultPort + 1));
  };
  PhoneBind bind;
  std::string port_text;
  if (text.starts_with('[')) {
    const auto close = text.find(']');
    if (close == std::string::npos)
      return bad();
    bind.address = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':')
        return bad();
      port_text = text.substr(close + 2);
    }
  } else if (std::count(text.begin(), text.end(), ':') == 1) {
    bind.address = text.substr(0, text.find(':'));
    port_text = text.substr(text.find(':') + 1);
  } else {
    bind.address = text;
  }
  if (!is_ip(bind.address, AF_INET) && !is_ip(bind.address, AF_INET6))
    return bad();
  if (!port_text.empty() || text.ends_with(':')) {
    const auto [end, error] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), bind.port);
    if (error != std::errc() || end != port_text.data() + port_text.size() || bind.port < 0 ||
        bind.port > 65535) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("--phone-bind '{}': the port must be 1 to 65535 (or 0 for any "
                              "free one)",
                              text));
    }
  }
  return bind;
}

std::string host_name() {
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) != 0)
    return "";
  return name.data();
}

enum class Wanted { kNo, kAsked, kRemembered };

// Applies --phone / --no-phone; says whether the listener is wanted, and why. The choice
// is a file in the data folder, not a row of the diary's settings table: that table's
// CHECK names the plan's keys only, and a migration for one switch would collide with
// the pairing work's migrations (issue 14).
core::Result<Wanted> phone_wanted(Context& context, const PhoneFlags& flags) {
  if (flags.phone && flags.no_phone)
    return fail(ErrorCode::kInvalidInput, "--phone and --no-phone say opposite things: use one");
  LIMBER_TRY_ASSIGN(const std::filesystem::path data, context.data_dir());
  const std::filesystem::path file = data / kPhoneSettingFile;
  if (flags.phone || flags.no_phone) {
    LIMBER_TRY(context.database());  // makes the data folder, private, when it is new
    LIMBER_TRY(app::write_file_atomically(file, flags.phone ? "on\n" : "off\n"));
    return flags.phone ? Wanted::kAsked : Wanted::kNo;
  }
  if (!flags.bind.empty())
    return Wanted::kAsked;
  std::error_code missing;
  if (!std::filesystem::exists(file, missing))
    return Wanted::kNo;
  LIMBER_TRY_ASSIGN(const std::string stored, app::read_file(file));
  return stored.starts_with("on") ? Wanted::kRemembered : Wanted::kNo;
}

}  // namespace

core::Result<std::optional<PhoneSetup>> phone_setup(Context& context, const PhoneFlags& flags) {
  LIMBER_TRY_ASSIGN(const Wanted wanted, phone_wanted(context, flags));
  if (wanted == Wanted::kNo)
    return std::optional<PhoneSetup>{};
  PhoneSetup setup;
  if (!flags.bind.empty()) {
    LIMBER_TRY_ASSIGN(const PhoneBind bind, parse_phone_bind(flags.bind));
    setup.listen.binds = {bind.address};
    setup.listen.port = bind.port;
  } else {
    setup.listen.binds = server::home_addresses();
    if (setup.listen.binds.empty() && wanted == Wanted::kRemembered) {
      // The desktop's page still works: serve it, and say why the phone's does not.
      fmt::print(context.io().err,
                 "limber serve: not serving the phone: this computer is on no home network "
                 "now. The page on this computer works as before.\n");
      return std::optional<PhoneSetup>{};
    }
    if (setup.listen.binds.empty()) {
      return fail(ErrorCode::kInvalidInput,
                  "this computer is on no home network (no address in 192.168.x.x, 10.x.x.x or "
                  "172.16-31.x.x), so a phone cannot reach it: join the network the phone is "
                  "on, or name an address with --phone-bind ADDRESS");
    }
  }
  LIMBER_TRY_ASSIGN(setup.listen.module, server::load_tls_module());
  LIMBER_TRY_ASSIGN(const std::filesystem::path data, context.data_dir());
  LIMBER_TRY_ASSIGN(setup.identity,
                    server::phone_identity(*setup.listen.module, data / server::kTlsFolder,
                                           host_name(), setup.listen.binds, context.now().instant));
  setup.listen.identity = setup.identity.server;
  setup.listen.names = setup.identity.names;
  setup.listen.ca_file = setup.identity.authority_file;
  setup.listen.ca_fingerprint = setup.identity.authority_fingerprint;
  return std::optional<PhoneSetup>(std::move(setup));
}

void print_phone_lines(const Io& io, const server::Server& web, const PhoneSetup& setup) {
  fmt::print(io.out, "\nFor your phone, on the same home network (HTTPS):\n\n");
  for (const auto& address : web.phone_addresses())
    fmt::print(io.out, "    {}\n", address);
  fmt::print(io.out, "\nlimber's certificate authority, for the phone to trust once: {}\n",
             setup.identity.authority_file.string());
  if (const auto& phone = web.phone_address()) {
    // The certificate's address as a QR code, its fingerprint, and how to pair.
    auto text = phone_start_text(*phone, true);
    if (text) {
      fmt::print(io.out, "{}", *text);
    } else {
      fmt::print(io.err, "limber serve: {}\n", text.error().message);
    }
  }
  if (setup.identity.new_authority)
    fmt::print(io.out, "A new certificate authority was made for this computer.\n");
  else if (setup.identity.renewal != core::Renewal::kKeep)
    fmt::print(io.out, "A new certificate was made for the phone's address: {}.\n",
               core::renewal_reason(setup.identity.renewal));
}

}  // namespace limber::cli
