// limber-clinic's schema in PostgreSQL: versioned, forward-only migrations, each one
// constant SQL, applied in order in one transaction and recorded in clinic.schema_version.
// The tables, the row-level security that keeps each therapist to their own patients, and
// the audited functions the application reads patients' data through are described in
// docs/clinic.md, "The schema" and "Isolation".
#pragma once

#include <span>
#include <string_view>

#include "clinic/pg.h"
#include "core/result.h"

namespace limber::clinic {

// The migrations in order: element i takes the schema from version i to i + 1.
std::span<const std::string_view> migrations();

// The version the newest migration gives.
int latest_schema_version();

// Brings the database to latest_schema_version(), as its owner (the role that will own
// the schema, limber_clinic_owner; the roles come from src/clinic/roles.sql). One
// transaction under an advisory lock, so two limber-clinic processes starting at once
// migrate once; nothing is half-applied. Returns the version it found. kTooNew when the
// database was migrated by a newer limber-clinic (nothing is changed); kIo naming the
// refusal when the role may not change the schema.
core::Result<int> migrate(pg::Connection& owner);

// The version the database is at, 0 for one never migrated; read by the application
// role at start, which refuses a schema it does not know.
core::Result<int> schema_version(pg::Connection& connection);

}  // namespace limber::clinic
