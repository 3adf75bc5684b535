// How limber share reaches a clinic: each request over HTTPS with limber-tls.so's libcurl
// client (server/tls_module_api.h), trusting the clinic's CA file kept in the data folder
// when there is one (--clinic-ca), the system's CAs otherwise.
#pragma once

#include <filesystem>

#include "app/share_service.h"

namespace limber::cli {

inline constexpr const char* kClinicCaFile = "clinic-ca.pem";

app::ClinicCall https_call(const std::filesystem::path& data_dir);

}  // namespace limber::cli
