// Rows for the clinic's tests, written as the superuser (who is not held to row-level
// security), so a test sets up two clinics' worth of patients in a few lines.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "clinic/acting_for.h"
#include "clinic/pg.h"

namespace limber::testing {

class Seed {
 public:
  explicit Seed(clinic::pg::Connection& superuser) : db_(superuser) {}

  std::int64_t clinic(const std::string& name) {
    return one("INSERT INTO clinic.clinics (name) VALUES ($1) RETURNING id", {name});
  }

  // A therapist whose password hash is a placeholder (no one logs in as them), with a
  // session that does not expire before 2100 (the database acts for a session's therapist;
  // the tests' clocks are in 2026).
  clinic::Therapist therapist(std::int64_t clinic_id, const std::string& email,
                              const std::string& password_hash = "$argon2id$placeholder") {
    const auto id =
        one("INSERT INTO clinic.therapists (clinic_id, email, name, password_hash) "
            "VALUES ($1::bigint, $2, $2, $3) RETURNING id",
            {std::to_string(clinic_id), email, password_hash});
    return {id, clinic_id, session(id, email)};
  }

  // A session of therapist `id` whose token is `token`; returns its SHA-256, as
  // clinic::Therapist::session holds it.
  std::string session(std::int64_t id, const std::string& token) {
    auto rows = db_.query(
        "INSERT INTO clinic.therapist_sessions (token_sha256, therapist_id, created_at, "
        "expires_at) VALUES (encode(sha256(convert_to($1, 'UTF8')), 'hex'), $2::bigint, now(), "
        "'2100-01-01') RETURNING token_sha256",
        {token, std::to_string(id)});
    if (!rows)
      throw std::runtime_error(rows.error().message);
    return rows->text(0, 0);
  }

  std::int64_t patient(const clinic::Therapist& therapist, const std::string& name) {
    return one(
        "INSERT INTO clinic.patients (clinic_id, therapist_id, display_name) "
        "VALUES ($1::bigint, $2::bigint, $3) RETURNING id",
        {std::to_string(therapist.clinic_id), std::to_string(therapist.id), name});
  }

  // A pain rating observation at `at` (UTC seconds).
  std::int64_t observation(std::int64_t patient_id, const std::string& identifier, std::int64_t at,
                           int pain = 5) {
    const std::string resource =
        R"({"resourceType":"Observation","status":"final","valueInteger":)" + std::to_string(pain) +
        "}";
    return one(
        "INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource) "
        "VALUES ($1::bigint, $2, 'pain', to_timestamp($3::bigint), $4::jsonb) RETURNING id",
        {std::to_string(patient_id), identifier, std::to_string(at), resource});
  }

 private:
  std::int64_t one(const char* sql, const clinic::pg::Params& params) {
    auto rows = db_.query(sql, params);
    if (!rows)
      throw std::runtime_error(rows.error().message);
    return rows->integer(0, 0);
  }

  clinic::pg::Connection& db_;
};

}  // namespace limber::testing
