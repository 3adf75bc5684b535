// The one table from failure kind to HTTP status, the server's twin of the CLI's exit codes
// (cli/cli.cpp).
#pragma once

#include "core/result.h"

namespace limber::server {

// 400 for input a person or script can fix, 404 for an id that does not exist, 503 when
// another writer holds the diary (try again), 500 for a diary or disk that said no.
int http_status(core::ErrorCode code);

}  // namespace limber::server
