// limber-clinic's HTTP API, free of the library that serves it: a request in, an answer
// out (server/http.h's types). Every request that reads a patient's data acts for the
// therapist of its session cookie, never for an id it sends (docs/clinic.md, "The API").
#pragma once

#include <functional>

#include "app/random_bytes.h"
#include "clinic/connection_pool.h"
#include "core/clock.h"
#include "server/http.h"

namespace limber::clinic {

// The session cookie: Secure, HttpOnly, SameSite=Strict.
inline constexpr const char* kSessionCookie = "limber_clinic_session";
// The largest login body read: an email and a password with room to spare.
inline constexpr std::size_t kLoginBodyLimit = 4096;

class ClinicApi {
 public:
  ClinicApi(ConnectionPool& pool, app::RandomBytes random_bytes,
            std::function<core::Instant()> clock)
      : pool_(pool), random_bytes_(std::move(random_bytes)), clock_(std::move(clock)) {}

  // POST /api/login, POST /api/logout, GET /api/caseload, GET /api/patients/ID and
  // /api/patients/ID/report.pdf, sharing's routes (share_api.cpp), the therapist's page
  // (GET of any other path); 404 for anything else. Never throws: a fault is a 500 with a
  // plain sentence.
  server::HttpAnswer answer(server::HttpRequest& request);

 private:
  server::HttpAnswer log_in(server::HttpRequest& request);
  server::HttpAnswer log_out(server::HttpRequest& request);
  server::HttpAnswer caseload(server::HttpRequest& request);
  // GET /api/patients/ID[/report.pdf] (patient_routes.cpp); `rest` is the path after
  // "/api/patients/".
  server::HttpAnswer patient(server::HttpRequest& request, std::string_view rest);
  // Sharing (share_api.cpp): POST /api/invitations, POST /api/share/join,
  // PUT /api/share/resources, POST /api/share/deletions, DELETE /api/share.
  server::HttpAnswer invite(server::HttpRequest& request);
  server::HttpAnswer join(server::HttpRequest& request);
  server::HttpAnswer upload(server::HttpRequest& request);
  server::HttpAnswer delete_shared(server::HttpRequest& request);
  server::HttpAnswer stop_share(server::HttpRequest& request);
  // Assigned exercises (assignment_routes.cpp): GET and POST /api/patients/ID/exercises,
  // DELETE /api/patients/ID/exercises/EXID (`rest` is the path after "/api/patients/"),
  // and the patient's GET /api/share/exercises.
  server::HttpAnswer exercises(server::HttpRequest& request, std::string_view rest);
  server::HttpAnswer assigned_exercises(server::HttpRequest& request);

  ConnectionPool& pool_;
  app::RandomBytes random_bytes_;
  std::function<core::Instant()> clock_;
};

}  // namespace limber::clinic
