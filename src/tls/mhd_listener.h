// The phone's HTTPS listener on libmicrohttpd with GnuTLS (Debian's libmicrohttpd12 is
// built with GnuTLS). Part of limber-tls.so only.
#pragma once

#include <memory>

#include "core/result.h"
#include "server/tls_module_api.h"

namespace limber::tls {

core::Result<std::unique_ptr<server::TlsListener>> listen_with_microhttpd(
    const server::TlsListenOptions& options);

}  // namespace limber::tls
