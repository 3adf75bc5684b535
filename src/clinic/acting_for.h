// Whom a request acts for. Each transaction of a therapist's request first tells the
// database who the therapist is and which clinic (set_config(..., true): for this
// transaction only), and the row-level security policies of the schema read exactly that
// (clinic.acting_therapist(), clinic.acting_clinic()); nothing a request sends can widen
// it. docs/clinic.md, "Isolation".
#pragma once

#include <cstdint>
#include <string>

#include "clinic/pg.h"
#include "core/result.h"

namespace limber::clinic {

struct Therapist {
  std::int64_t id = 0;
  std::int64_t clinic_id = 0;
};

// Sets the therapist and clinic for the transaction `connection` is in.
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
