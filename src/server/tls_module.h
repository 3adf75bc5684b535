// Finds and loads limber-tls.so (server/tls_module_api.h) on first use, so only
// `limber serve --phone` maps GnuTLS and libmicrohttpd into the process. The module stays
// loaded until the process ends: its listener's code runs until then.
#pragma once

#include <filesystem>
#include <vector>

#include "core/result.h"
#include "server/tls_module_api.h"

namespace limber::server {

// Where the module is looked for, in order (app/module_loader.h): beside the running program
// (/proc/self/exe: the build tree, or an install's bin/), then ../lib/limber/ from there.
std::vector<std::filesystem::path> tls_module_places();

// Loads the first of `places` that exists (tls_module_places() when empty). kNotFound
// naming the file and where it was looked for; kInvalidInput for a module from another
// build of limber. Safe to call again, from any thread: dlopen() gives the module already
// loaded.
core::Result<const TlsModule*> load_tls_module(std::vector<std::filesystem::path> places = {});

}  // namespace limber::server
