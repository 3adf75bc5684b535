// The API's phone routes (issue 14, docs/phone.md): the computer's page starts a pairing
// and lists and revokes phones; a phone exchanges a pairing code for its device cookie.
#include <fmt/format.h>

#include "app/device_json.h"
#include "app/local_time.h"
#include "app/qr_code.h"
#include "core/time_parse.h"
#include "server/api.h"
#include "server/request_json.h"

namespace limber::server {
namespace {

using nlohmann::json;

constexpr std::string_view kNoPhones =
    "Phones cannot reach limber yet: it is serving this computer only. Restart it with "
    "phones turned on, as docs/phone.md describes, then pair again.";

// How to trust limber's certificate authority, for each kind of phone: plain steps.
json trust_steps() {
  return {
      {"android",
       {"Scan the first code with the phone's camera and open the address: the phone "
        "downloads limber's certificate.",
        "Open Settings and search for \"CA certificate\" (under Security, Encryption and "
        "credentials, Install a certificate).",
        "Choose CA certificate, then Install anyway, and pick the file called limber.",
        "If the phone shows a fingerprint, check that it matches the one on this screen."}},
      {"ios",
       {"Scan the first code with the Camera and open the address in Safari; allow the "
        "download.",
        "Open Settings, General, VPN and Device Management; tap the limber profile and choose "
        "Install.",
        "Open Settings, General, About, Certificate Trust Settings, and turn on limber.",
        "The profile's More Details shows a SHA-256 fingerprint: check that it matches the "
        "one on this screen."}},
  };
}

Reply qr_failed(const core::Error& error) {
  return error_reply(error);
}

}  // namespace

Reply Api::start_pairing(const core::Now& now) const {
  if (pairing_ == nullptr || phone_ == nullptr || !phone_->has_value())
    return error_reply({core::ErrorCode::kInvalidInput, std::string(kNoPhones)});
  const PhoneAddress& phone = **phone_;
  auto started = pairing_->start(now.instant);
  if (!started)
    return error_reply(started.error());
  // The code rides in the fragment: a browser never sends it to a server, so no log holds it.
  const std::string pair_url = fmt::format("{}pair#{}", phone.https_url, started->code);
  auto pair_qr = app::qr_encode(pair_url);
  if (!pair_qr)
    return qr_failed(pair_qr.error());
  auto ca_qr = app::qr_encode(phone.ca_file_url);
  if (!ca_qr)
    return qr_failed(ca_qr.error());
  const auto lifetime = std::chrono::seconds{app::kPairingLifetime}.count();
  return {201,
          {{"code", started->code},
           {"expires_at",
            core::format_iso(started->expires_at, app::utc_offset_at(started->expires_at))},
           {"expires_in", lifetime},
           {"pair_url", pair_url},
           {"qr_svg", core::qr_svg(*pair_qr, "The pairing code as a QR code")},
           {"ca",
            {{"url", phone.ca_file_url},
             {"fingerprint", phone.ca_fingerprint},
             {"qr_svg", core::qr_svg(*ca_qr, "The address of limber's certificate as a QR code")}}},
           {"step1",
            {{"title", "Trust limber on the phone (once)"},
             {"text",
              "The phone checks that it talks to this computer with limber's own certificate. "
              "Install it once; the fingerprint lets you check it is the right one."},
             {"steps", trust_steps()}}},
           {"step2",
            {{"title", "Pair the phone"},
             {"text", fmt::format("Scan this code with the phone's camera within {} minutes. "
                                  "Or open {}pair on the phone and type the code.",
                                  lifetime / 60, phone.https_url)}}}}};
}

Reply Api::devices() const {
  if (pairing_ == nullptr)
    return {200, json::array()};
  auto phones = pairing_->phones();
  if (!phones)
    return error_reply(phones.error());
  return {200, app::to_json(*phones)};
}

Reply Api::revoke_device(std::string_view name) const {
  if (pairing_ == nullptr)
    return error_reply({core::ErrorCode::kNotFound, "no phone is paired"});
  if (auto revoked = pairing_->revoke(name); !revoked)
    return error_reply(revoked.error());
  return {200, {{"revoked", std::string(name)}}};
}

Reply Api::pair(const core::Now& now, std::string_view body, std::string_view user_agent) const {
  if (pairing_ == nullptr)
    return error_reply({core::ErrorCode::kInvalidInput, std::string(kNoPhones)});
  auto object = parse_object(body, R"({"code": "ABCDE23456", "name": "Kitchen phone"})");
  if (!object)
    return error_reply(object.error());
  const json& code = (*object)["code"];
  const json& name = object->contains("name") ? (*object)["name"] : json();
  if (!code.is_string() || !(name.is_null() || name.is_string())) {
    return error_reply({core::ErrorCode::kInvalidInput,
                        "send the pairing code as text, like {\"code\": \"ABCDE23456\"}, and "
                        "the phone's name, if any, as text"});
  }
  auto paired = pairing_->pair(now.instant, code.get<std::string>(),
                               name.is_string() ? name.get<std::string>() : std::string(),
                               app::device_name_from_user_agent(user_agent));
  if (!paired)
    return error_reply(paired.error());
  Reply reply{201, {{"name", paired->name}}};
  reply.headers.emplace_back("Set-Cookie", device_cookie(paired->secret));
  return reply;
}

}  // namespace limber::server
