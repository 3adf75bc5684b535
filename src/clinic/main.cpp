// limber-clinic: a clinic's server on PostgreSQL (issue 17; docs/clinic.md). This first
// slice has the administrator's commands: bring the schema up to date, add a clinic, add a
// therapist. Serving HTTPS comes next.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <iostream>
#include <string>
#include <utility>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/random_bytes.h"
#include "clinic/invitations.h"
#include "clinic/migrations.h"
#include "clinic/pg.h"
#include "clinic/serve.h"
#include "clinic/therapist_login.h"

namespace {

using limber::core::Result;
namespace clinic = limber::clinic;

// libpq reads PGHOST, PGDATABASE, PGUSER and the rest when the connection string leaves
// them out, so an empty --database means "as the environment says".
Result<clinic::pg::Connection> connect(const std::string& database) {
  return clinic::pg::Connection::open(database);
}

Result<std::string> migrate(const std::string& database) {
  LIMBER_TRY_ASSIGN(auto owner, connect(database));
  LIMBER_TRY_ASSIGN(const int found, clinic::migrate(owner));
  const int latest = clinic::latest_schema_version();
  if (found == latest)
    return fmt::format("The clinic's database was already at schema version {}.", latest);
  return fmt::format("The clinic's database is now at schema version {} (it was at {}).", latest,
                     found);
}

Result<std::string> add_clinic(const std::string& database, const std::string& name) {
  LIMBER_TRY_ASSIGN(auto owner, connect(database));
  LIMBER_TRY_ASSIGN(const auto id, clinic::add_clinic(owner, name));
  return fmt::format("Added the clinic \"{}\", number {}.", name, id);
}

// The password is read from standard input (one line), never from the command line,
// where other users of the computer could see it in the process list.
Result<std::string> add_therapist(const std::string& database, std::int64_t clinic_id,
                                  const std::string& email, const std::string& name) {
  std::string password;
  std::getline(std::cin, password);
  LIMBER_TRY_ASSIGN(auto owner, connect(database));
  LIMBER_TRY_ASSIGN(const auto therapist,
                    clinic::add_therapist(owner, clinic_id, email, name, password,
                                          limber::app::system_random_bytes));
  return fmt::format("Added the therapist {} <{}>, number {}, to clinic {}.", name, email,
                     therapist.id, clinic_id);
}

// An invitation for the therapist with `email`, shown once (only its hash is kept).
Result<std::string> invite(const std::string& database, const std::string& email) {
  LIMBER_TRY_ASSIGN(auto owner, connect(database));
  LIMBER_TRY_ASSIGN(const auto rows,
                    owner.query("SELECT id, clinic_id, name FROM clinic.therapists "
                                "WHERE email = lower($1)",
                                {email}));
  if (rows.empty()) {
    return limber::core::fail(
        limber::core::ErrorCode::kNotFound,
        fmt::format("no therapist has the email {}; add-therapist adds one", email));
  }
  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  LIMBER_TRY_ASSIGN(const auto session, clinic::administrator_session(
                                            owner, {rows.integer(0, 0), rows.integer(0, 1), {}},
                                            now, limber::app::system_random_bytes));
  auto made =
      clinic::make_invitation(owner, session.therapist, now, limber::app::system_random_bytes);
  LIMBER_TRY(clinic::log_out(owner, session.token));
  LIMBER_TRY_ASSIGN(const auto invitation, std::move(made));
  const auto expires = invitation.expires_at.time_since_epoch().count();
  const std::time_t expires_time = expires;
  std::tm utc{};
  gmtime_r(&expires_time, &utc);
  return fmt::format(
      "Invitation for {}: {}\nGood once, until {:04}-{:02}-{:02} {:02}:{:02} UTC. It is shown "
      "only now: give it to the patient, who runs\n  limber share --clinic URL --code {}",
      rows.text(0, 2), invitation.code, utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
      utc.tm_hour, utc.tm_min, invitation.code);
}

int run(int argc, char** argv) {
  CLI::App app{"limber-clinic: a clinic's server for limber, on PostgreSQL (docs/clinic.md)",
               "limber-clinic"};
  app.require_subcommand(1);
  std::string database;
  app.add_option("--database", database,
                 "libpq connection string, e.g. \"host=/run/postgresql dbname=clinic\" "
                 "(default: PGHOST, PGDATABASE, PGUSER... from the environment)")
      ->envname("LIMBER_CLINIC_DATABASE");

  Result<std::string> outcome = std::string();
  auto* migrate_command = app.add_subcommand(
      "migrate", "Bring the schema up to date; run as the schema's owner, limber_clinic_owner");
  migrate_command->callback([&] { outcome = migrate(database); });

  std::string clinic_name;
  auto* clinic_command = app.add_subcommand("add-clinic", "Add a clinic");
  clinic_command->add_option("name", clinic_name, "The clinic's name")->required();
  clinic_command->callback([&] { outcome = add_clinic(database, clinic_name); });

  std::int64_t clinic_id = 0;
  std::string email;
  std::string therapist_name;
  auto* therapist_command = app.add_subcommand(
      "add-therapist", "Add a therapist to a clinic; the password is read from standard input");
  therapist_command->add_option("--clinic", clinic_id, "The clinic's number")->required();
  therapist_command->add_option("--email", email, "What they log in with")->required();
  therapist_command->add_option("--name", therapist_name, "Their name as shown")->required();
  therapist_command->callback(
      [&] { outcome = add_therapist(database, clinic_id, email, therapist_name); });

  std::string invite_email;
  auto* invite_command = app.add_subcommand(
      "invite", "Make an invitation for a patient to share with a therapist (good 7 days, once)");
  invite_command->add_option("--therapist", invite_email, "The therapist's email")->required();
  invite_command->callback([&] { outcome = invite(database, invite_email); });

  clinic::ServeOptions serve_options;
  auto* serve_command = app.add_subcommand(
      "serve", "Serve the API over HTTPS, as limber_clinic_app, until SIGTERM or Ctrl+C");
  serve_command->add_option("--bind", serve_options.bind, "The address to listen on")
      ->capture_default_str();
  serve_command->add_option("--port", serve_options.port, "The port; 0 for any free one")
      ->capture_default_str();
  auto* certificate = serve_command->add_option("--certificate", serve_options.certificate,
                                                "The server's certificate (PEM file)");
  auto* key = serve_command->add_option("--key", serve_options.key, "Its private key (PEM file)");
  auto* trial = serve_command->add_option(
      "--trial-ca", serve_options.trial_ca,
      "For a trial: a folder where limber-clinic keeps its own certificate authority "
      "(ca.pem: give it to the browsers) and signs a certificate for --bind");
  certificate->needs(key);
  key->needs(certificate);
  trial->excludes(certificate);
  serve_command->callback([&] {
    if (serve_options.trial_ca.empty() && serve_options.certificate.empty()) {
      outcome = limber::core::fail(limber::core::ErrorCode::kInvalidInput,
                                   "serve needs --certificate and --key, or --trial-ca FOLDER");
      return;
    }
    serve_options.database = database;
    auto served = clinic::serve(serve_options, std::cout);
    outcome = served ? Result<std::string>("limber-clinic stopped.")
                     : Result<std::string>(limber::core::Unexpected(served.error()));
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // Help is a success; any other mistake in the arguments is a usage error, exit 2.
    return app.exit(error) == 0 ? EXIT_SUCCESS : 2;
  }
  if (!outcome) {
    std::cerr << "limber-clinic: " << outcome.error().message << '\n';
    return EXIT_FAILURE;
  }
  std::cout << *outcome << '\n';
  return EXIT_SUCCESS;
}

}  // namespace

// Exceptions are bugs or exhausted resources: caught here only, said in one line.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "limber-clinic: an internal error: %s\n", error.what());
  } catch (...) {
    std::fprintf(stderr, "limber-clinic: an internal error\n");
  }
  return EXIT_FAILURE;
}
