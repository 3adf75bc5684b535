// Whom a request acts for. Each transaction of a therapist's request first tells the
// database which session it comes with (set_config('limber.session', ..., true): for this
// transaction only), and the row-level security policies of the schema read the therapist
// and clinic of that session (clinic.acting_therapist(), clinic.acting_clinic()): nothing a
// request sends can widen it, and ids alone act for no one. docs/clinic.md, "Isolation".
#pragma once

#include <cstdint>
#include <string>

#include "clinic/pg.h"
#include "core/result.h"

namespace limber::clinic {

struct Therapist {
  std::int64_t id = 0;
  std::int64_t clinic_id = 0;
  // The SHA-256 of the session's token (hex), as clinic.therapist_sessions keeps it: what
  // the database acts for. Empty for a therapist not logged in, who can read nothing.
  std::string session;
};

// Sets the therapist's session for the transaction `connection` is in.
core::Result<void> set_acting_for(pg::Connection& connection, const Therapist& therapist);

// Runs `body` in a transaction that acts for `therapist`; ROLLBACK when it fails.
template <class Body>
auto acting_for(pg::Connection& connection, const Therapist& therapist, Body&& body)
    -> decltype(body()) {
  return pg::in_transaction(connection, [&]() -> decltype(body()) {
    LIMBER_TRY(set_acting_for(connection, therapist));
    return body();
  });
}

}  // namespace limber::clinic
