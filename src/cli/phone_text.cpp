#include "cli/phone_text.h"

#include <fmt/format.h>

#include "app/qr_code.h"
#include "cli/qr_text.h"

namespace limber::cli {

core::Result<std::string> phone_start_text(const server::PhoneAddress& phone, bool colors) {
  LIMBER_TRY_ASSIGN(auto matrix, app::qr_encode(phone.ca_file_url));
  return fmt::format(
      "Phones on this network: {}\n"
      "Once per phone, trust limber's certificate: scan this with the phone's camera, or open\n"
      "{}\n{}"
      "Its SHA-256 fingerprint: {}\n"
      "Then pair the phone from the page: More, Phone, Pair a phone.\n",
      phone.https_url, phone.ca_file_url, qr_text(matrix, colors), phone.ca_fingerprint);
}

}  // namespace limber::cli
