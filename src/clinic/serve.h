// `limber-clinic serve`: the API over HTTPS (libmicrohttpd with GnuTLS, the listener of
// src/tls/ that `limber serve --phone` uses), on the clinic's database as the application
// role, until SIGTERM or SIGINT.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "core/result.h"

namespace limber::clinic {

struct ServeOptions {
  std::string database;  // libpq connection string, as limber_clinic_app
  std::string bind = "127.0.0.1";
  int port = 8443;  // 0: any free port
  // Connections served at once, a thread each (libmicrohttpd refuses more): each
  // therapist's browser keeps one open, so room for a clinic's therapists at their desks;
  // each request in flight holds one of PostgreSQL's connections (max_connections: 100).
  int threads = 32;
  // The server's certificate and key (PEM files), or, for a trial, a folder where
  // limber-clinic keeps its own certificate authority (ca.pem, ca-key.pem) and signs a
  // certificate for `bind` at each start.
  std::filesystem::path certificate;
  std::filesystem::path key;
  std::filesystem::path trial_ca;
};

// Refuses a database whose schema is not this limber-clinic's (kTooNew, or kInvalidInput
// saying to migrate), then serves; prints "limber-clinic serves https://BIND:PORT/" once
// it listens. Returns when a SIGTERM or SIGINT arrives, after the requests in flight.
core::Result<void> serve(const ServeOptions& options, std::ostream& out);

}  // namespace limber::clinic
