// limber share's HTTPS client (issue 17): libcurl built with GnuTLS, inside limber-tls.so
// so that only the commands that talk to a clinic load it (server/tls_module_api.h).
#pragma once

#include "core/result.h"
#include "server/tls_module_api.h"

namespace limber::tls {

core::Result<server::HttpsReply> https(const server::HttpsCall& call);

}  // namespace limber::tls
