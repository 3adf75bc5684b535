// limber-tls.so's one entry point: the table of functions limber looks up with dlsym()
// (server/tls_module_api.h).
#include "server/tls_module_api.h"
#include "tls/certificates.h"
#include "tls/https_client.h"
#include "tls/mhd_listener.h"

namespace {

constexpr limber::server::TlsModule kModule{
    .abi = limber::server::kTlsModuleAbi,
    .options_size = sizeof(limber::server::TlsListenOptions),
    .listen = &limber::tls::listen_with_microhttpd,
    .make_authority = &limber::tls::make_authority,
    .issue_server = &limber::tls::issue_server,
    .read_certificate = &limber::tls::read_certificate,
    .fingerprint = &limber::tls::fingerprint,
    .https = &limber::tls::https,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const limber::server::TlsModule*
limber_tls_module() {
  return &kModule;
}
