// The HTTP listener on CivetWeb (libcivetweb1 from Debian), through its C API.
// civetweb_adapter.cpp is the only file that includes civetweb.h (a server test checks it).
#pragma once

#include <memory>

#include "core/result.h"
#include "server/http_listener.h"

namespace limber::server {

// Listens on options.bind:options.port (IPv4 only: Debian's CivetWeb is built without
// IPv6). kInvalidInput for an IPv6 address; kIo saying what to do when the port is taken
// or the address is not this machine's.
core::Result<std::unique_ptr<HttpListener>> listen_with_civetweb(const ListenOptions& options);

}  // namespace limber::server
