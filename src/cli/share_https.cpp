#include "cli/share_https.h"

#include "server/tls_module.h"

namespace limber::cli {

app::ClinicCall https_call(const std::filesystem::path& data_dir) {
  return [data_dir](const std::string& url,
                    const app::ClinicRequest& request) -> core::Result<app::ClinicReply> {
    LIMBER_TRY_ASSIGN(const auto* module, server::load_tls_module());
    server::HttpsCall call;
    call.method = request.method;
    std::string base = url;
    while (base.ends_with('/'))
      base.pop_back();
    call.url = base + request.path;
    call.body = request.body;
    call.content_type = request.body.empty() ? "" : "application/json";
    call.bearer = request.bearer;
    std::error_code ignored;
    if (std::filesystem::exists(data_dir / kClinicCaFile, ignored))
      call.ca_file = (data_dir / kClinicCaFile).string();
    LIMBER_TRY_ASSIGN(const auto reply, module->https(call));
    return app::ClinicReply{reply.status, reply.body};
  };
}

}  // namespace limber::cli
