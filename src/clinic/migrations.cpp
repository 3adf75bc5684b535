#include "clinic/migrations.h"

#include <array>
#include <string>

#include <fmt/format.h>

namespace limber::clinic {
namespace {

// Version 1: clinics, therapists and their login sessions, patients, invitations, the
// patients' observations (FHIR resources), the audit trail; row-level security on every
// table that holds a patient's data, FORCEd so that the owner is held to it too; the
// functions that say whom a request acts for, and the audited functions through which
// the application reads patients' data (it has no SELECT on those tables itself).
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE clinic.clinics (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clinic.therapists (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id bigint NOT NULL REFERENCES clinic.clinics,
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- PHC string of Argon2id: $argon2id$v=19$m=...,t=...,p=...$salt$hash
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  -- Wrong passwords in a row, and until when logging in is refused after too many.
  failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, clinic_id)
);

-- A therapist's login: only the SHA-256 of the cookie's random token is kept, so a copy
-- of the database opens no session. Shared by every limber-clinic process.
CREATE TABLE clinic.therapist_sessions (
  token_sha256 text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  therapist_id bigint NOT NULL REFERENCES clinic.therapists ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > created_at)
);
CREATE INDEX therapist_sessions_therapist ON clinic.therapist_sessions (therapist_id);

CREATE TABLE clinic.patients (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id bigint NOT NULL,
  therapist_id bigint NOT NULL,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  sharing_since timestamptz NOT NULL DEFAULT now(),
  stopped_at timestamptz,
  FOREIGN KEY (therapist_id, clinic_id) REFERENCES clinic.therapists (id, clinic_id)
);
CREATE INDEX patients_therapist ON clinic.patients (therapist_id);

-- A code the therapist gives a patient once; only its SHA-256 is kept.
CREATE TABLE clinic.invitations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id bigint NOT NULL,
  therapist_id bigint NOT NULL,
  code_sha256 text NOT NULL UNIQUE CHECK (code_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  patient_id bigint REFERENCES clinic.patients ON DELETE SET NULL,
  FOREIGN KEY (therapist_id, clinic_id) REFERENCES clinic.therapists (id, clinic_id),
  CHECK (expires_at > created_at)
);

-- What a patient's limber shares: FHIR R4 resources, each with limber's stable identifier,
-- UNIQUE per patient, so a resend replaces instead of doubling.
CREATE TABLE clinic.observations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  patient_id bigint NOT NULL REFERENCES clinic.patients ON DELETE CASCADE,
  identifier text NOT NULL CHECK (length(identifier) BETWEEN 1 AND 200),
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 100),
  effective_at timestamptz NOT NULL,
  resource jsonb NOT NULL CHECK (jsonb_typeof(resource) = 'object'
    AND resource->>'resourceType' IN ('Observation', 'QuestionnaireResponse')),
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (patient_id, identifier)
);
CREATE INDEX observations_patient_time ON clinic.observations (patient_id, effective_at);

-- Who read whose data, when, and what. No foreign keys: the trail outlives what it names.
CREATE TABLE clinic.audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  therapist_id bigint NOT NULL,
  clinic_id bigint NOT NULL,
  patient_id bigint,
  action text NOT NULL,
  rows_read integer NOT NULL
);
CREATE INDEX audit_patient ON clinic.audit (patient_id, at);

-- Whom this request acts for: set by the application per transaction
-- (set_config('limber.therapist_id', ..., true)), read by every policy. NULL when unset.
CREATE FUNCTION clinic.acting_therapist() RETURNS bigint LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('limber.therapist_id', true), '')::bigint $$;
CREATE FUNCTION clinic.acting_clinic() RETURNS bigint LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('limber.clinic_id', true), '')::bigint $$;

ALTER TABLE clinic.patients ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic.patients FORCE ROW LEVEL SECURITY;
CREATE POLICY own_patients ON clinic.patients
  USING (clinic_id = clinic.acting_clinic() AND therapist_id = clinic.acting_therapist());

ALTER TABLE clinic.invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic.invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY own_invitations ON clinic.invitations
  USING (clinic_id = clinic.acting_clinic() AND therapist_id = clinic.acting_therapist());

-- A patient's observations are seen exactly when the patient is: the subquery is itself
-- held to the patients' policy.
ALTER TABLE clinic.observations ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic.observations FORCE ROW LEVEL SECURITY;
CREATE POLICY of_own_patients ON clinic.observations
  USING (EXISTS (SELECT 1 FROM clinic.patients p WHERE p.id = patient_id));

ALTER TABLE clinic.audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic.audit FORCE ROW LEVEL SECURITY;
CREATE POLICY append_as_yourself ON clinic.audit FOR INSERT
  WITH CHECK (therapist_id = clinic.acting_therapist() AND clinic_id = clinic.acting_clinic());
CREATE POLICY read_own_clinic ON clinic.audit FOR SELECT
  USING (clinic_id = clinic.acting_clinic());

-- The reads of a patient's data. SECURITY DEFINER so that the application needs no SELECT
-- on the tables (every read goes through here and is written to the audit); the owner
-- they run as is held to the same policies by FORCE, with the request's settings.
CREATE FUNCTION clinic.require_therapist() RETURNS void LANGUAGE plpgsql STABLE
  SET search_path = clinic, pg_temp AS $$
BEGIN
  IF clinic.acting_therapist() IS NULL OR clinic.acting_clinic() IS NULL THEN
    RAISE EXCEPTION 'no therapist is set for this request' USING ERRCODE = '42501';
  END IF;
END $$;

CREATE FUNCTION clinic.read_patients()
  RETURNS TABLE (id bigint, display_name text, sharing_since timestamptz,
                 stopped_at timestamptz)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  found_rows integer;
BEGIN
  PERFORM clinic.require_therapist();
  RETURN QUERY SELECT p.id, p.display_name, p.sharing_since, p.stopped_at
    FROM clinic.patients p ORDER BY p.id;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), NULL, 'list patients',
            found_rows);
END $$;

CREATE FUNCTION clinic.read_observations(patient bigint, since timestamptz, until timestamptz)
  RETURNS TABLE (identifier text, code text, effective_at timestamptz, resource jsonb)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  found_rows integer;
BEGIN
  PERFORM clinic.require_therapist();
  RETURN QUERY SELECT o.identifier, o.code, o.effective_at, o.resource
    FROM clinic.observations o
    WHERE o.patient_id = patient AND o.effective_at >= since AND o.effective_at < until
    ORDER BY o.effective_at, o.identifier;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  -- Written also when nothing was found: asking for another's patient is worth knowing.
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), patient, 'read observations',
            found_rows);
END $$;

-- What the application role may do: nothing on the patients' tables but through the
-- functions above; read clinics and therapists and keep the login counters; keep sessions.
REVOKE ALL ON SCHEMA clinic FROM PUBLIC;
GRANT USAGE ON SCHEMA clinic TO limber_clinic_app;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA clinic FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic.acting_therapist(), clinic.acting_clinic(),
  clinic.read_patients(), clinic.read_observations(bigint, timestamptz, timestamptz)
  TO limber_clinic_app;
GRANT SELECT ON clinic.schema_version, clinic.clinics TO limber_clinic_app;
GRANT SELECT (id, clinic_id, email, name, password_hash, failed_logins, locked_until),
  UPDATE (failed_logins, locked_until) ON clinic.therapists TO limber_clinic_app;
GRANT SELECT, INSERT, DELETE ON clinic.therapist_sessions TO limber_clinic_app;
)sql";

// Version 2: the caseload, the acting therapist's patients by need (docs/clinic.md,
// "The caseload"), read through an audited function as every patient's data is.
// The observations' `code` says what each is: 'pain' (valueInteger 0-10), 'check'
// (valueString: the safety check's level, core/red_flags.h's names), 'flare'.
constexpr std::string_view kVersion2 = R"sql(
CREATE FUNCTION clinic.read_caseload(at timestamptz)
  RETURNS TABLE (id bigint, display_name text, need text, last_check text,
                 last_entry_at timestamptz, pain_recent numeric, pain_before numeric)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
#variable_conflict use_column
DECLARE
  found_rows integer;
BEGIN
  PERFORM clinic.require_therapist();
  RETURN QUERY
  WITH facts AS (
    SELECT p.id, p.display_name,
      (SELECT o.resource->>'valueString' FROM clinic.observations o
        WHERE o.patient_id = p.id AND o.code = 'check' AND o.effective_at <= at
        ORDER BY o.effective_at DESC LIMIT 1) AS last_check,
      (SELECT max(o.effective_at) FROM clinic.observations o
        WHERE o.patient_id = p.id AND o.effective_at <= at) AS last_entry_at,
      (SELECT round(avg((o.resource->>'valueInteger')::numeric), 1) FROM clinic.observations o
        WHERE o.patient_id = p.id AND o.code = 'pain'
          AND o.effective_at > at - interval '3 days' AND o.effective_at <= at) AS pain_recent,
      (SELECT round(avg((o.resource->>'valueInteger')::numeric), 1) FROM clinic.observations o
        WHERE o.patient_id = p.id AND o.code = 'pain'
          AND o.effective_at > at - interval '7 days'
          AND o.effective_at <= at - interval '3 days') AS pain_before,
      EXISTS (SELECT 1 FROM clinic.observations o
        WHERE o.patient_id = p.id AND o.code = 'flare'
          AND o.effective_at > at - interval '7 days' AND o.effective_at <= at) AS flared
    FROM clinic.patients p
    WHERE p.stopped_at IS NULL
  ), needs AS (
    SELECT f.*, CASE
        WHEN f.last_check = 'emergency' THEN 'emergency-check'
        WHEN f.last_check = 'urgent' THEN 'urgent-check'
        WHEN f.pain_recent >= f.pain_before + 1 THEN 'pain-rising'
        WHEN f.flared THEN 'flare'
        WHEN f.last_entry_at IS NULL OR f.last_entry_at <= at - interval '3 days' THEN 'no-entry'
        ELSE 'steady' END AS need
    FROM facts f
  )
  SELECT n.id, n.display_name, n.need, n.last_check, n.last_entry_at, n.pain_recent,
         n.pain_before
  FROM needs n
  ORDER BY array_position(ARRAY['emergency-check', 'urgent-check', 'pain-rising', 'flare',
                                'no-entry', 'steady'], n.need),
           n.last_entry_at NULLS FIRST, n.id;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), NULL, 'read caseload',
            found_rows);
END $$;
REVOKE ALL ON FUNCTION clinic.read_caseload(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic.read_caseload(timestamptz) TO limber_clinic_app;
)sql";

// Version 3: the caseload row's figures (docs/clinic.md, "The caseload's figures"): the
// daily mean pain of the last 14 days and its change week on week, the days active of the
// last 30, the change on the functional scale (PSFS) since the start, the last check's
// time; and one patient read through an audited function, for the patient's page.
// The days are UTC calendar days, counted in clinic.patient_days as observations arrive
// (a trigger), so a caseload reads 30 small rows a patient instead of every observation
// of the month: bench/clinic_bench, docs/benchmarks.md. The codes read besides version
// 2's: 'psfs' (valueInteger 0-10, the activity in code.text); every code counts for the
// active days.
constexpr std::string_view kVersion3 = R"sql(
-- A patient's checks and PSFS ratings with what they say, read from the index alone (a
-- patient's observations lie on as many pages as they arrived in uploads).
CREATE INDEX observations_checks ON clinic.observations (patient_id, effective_at)
  INCLUDE (resource) WHERE code = 'check';
CREATE INDEX observations_psfs ON clinic.observations (patient_id, effective_at)
  INCLUDE (resource) WHERE code = 'psfs';

-- What each UTC day of a patient's holds: kept by the trigger below, never written by the
-- application. Held to the same policy as the observations it counts.
CREATE TABLE clinic.patient_days (
  patient_id bigint NOT NULL REFERENCES clinic.patients ON DELETE CASCADE,
  day date NOT NULL,
  observations integer NOT NULL DEFAULT 0,
  pain_sum numeric NOT NULL DEFAULT 0,
  pain_count integer NOT NULL DEFAULT 0,
  flares integer NOT NULL DEFAULT 0,
  PRIMARY KEY (patient_id, day)
);
ALTER TABLE clinic.patient_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic.patient_days FORCE ROW LEVEL SECURITY;
CREATE POLICY of_own_patients ON clinic.patient_days
  USING (EXISTS (SELECT 1 FROM clinic.patients p WHERE p.id = patient_id));

-- A pain rating's value (code 'pain', a number in valueInteger), else NULL.
CREATE FUNCTION clinic.pain_value(code text, resource jsonb) RETURNS numeric
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN code = 'pain' AND jsonb_typeof(resource->'valueInteger') = 'number'
              THEN (resource->>'valueInteger')::numeric END $$;

-- As whoever writes the observation (not SECURITY DEFINER): a write that the observations'
-- policy lets through passes the same policy here.
CREATE FUNCTION clinic.count_days() RETURNS trigger
  LANGUAGE plpgsql SET search_path = clinic, pg_temp AS $$
DECLARE
  pain numeric;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    pain := clinic.pain_value(OLD.code, OLD.resource);
    UPDATE clinic.patient_days d SET observations = d.observations - 1,
        pain_sum = d.pain_sum - coalesce(pain, 0),
        pain_count = d.pain_count - (pain IS NOT NULL)::integer,
        flares = d.flares - (OLD.code = 'flare')::integer
      WHERE d.patient_id = OLD.patient_id AND d.day = (OLD.effective_at AT TIME ZONE 'UTC')::date;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    pain := clinic.pain_value(NEW.code, NEW.resource);
    INSERT INTO clinic.patient_days AS d (patient_id, day, observations, pain_sum, pain_count,
                                          flares)
      VALUES (NEW.patient_id, (NEW.effective_at AT TIME ZONE 'UTC')::date, 1,
              coalesce(pain, 0), (pain IS NOT NULL)::integer, (NEW.code = 'flare')::integer)
      ON CONFLICT (patient_id, day) DO UPDATE SET observations = d.observations + 1,
        pain_sum = d.pain_sum + excluded.pain_sum, pain_count = d.pain_count + excluded.pain_count,
        flares = d.flares + excluded.flares;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER count_days AFTER INSERT OR UPDATE OR DELETE ON clinic.observations
  FOR EACH ROW EXECUTE FUNCTION clinic.count_days();

-- The days of what is already there. The owner is held to the policies too (FORCE), and
-- no therapist acts in a migration, so they are lifted for this transaction only.
ALTER TABLE clinic.observations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE clinic.patient_days NO FORCE ROW LEVEL SECURITY;
INSERT INTO clinic.patient_days (patient_id, day, observations, pain_sum, pain_count, flares)
  SELECT o.patient_id, (o.effective_at AT TIME ZONE 'UTC')::date, count(*),
         coalesce(sum(clinic.pain_value(o.code, o.resource)), 0),
         count(clinic.pain_value(o.code, o.resource)), count(*) FILTER (WHERE o.code = 'flare')
  FROM clinic.observations o GROUP BY 1, 2;
ALTER TABLE clinic.observations FORCE ROW LEVEL SECURITY;
ALTER TABLE clinic.patient_days FORCE ROW LEVEL SECURITY;

DROP FUNCTION clinic.read_caseload(timestamptz);
CREATE FUNCTION clinic.read_caseload(at timestamptz)
  RETURNS TABLE (id bigint, display_name text, need text, last_check text,
                 last_check_at timestamptz, last_entry_at timestamptz, pain_recent numeric,
                 pain_before numeric, pain_days jsonb, pain_change numeric,
                 active_days integer, psfs_change numeric)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
#variable_conflict use_column
DECLARE
  found_rows integer;
  today date := (at AT TIME ZONE 'UTC')::date;
BEGIN
  PERFORM clinic.require_therapist();
  RETURN QUERY
  WITH facts AS (
    SELECT p.id, p.display_name, c.level AS last_check, c.checked_at AS last_check_at,
      e.last_entry_at, w.pain_recent, w.pain_before, w.pain_week, w.pain_week_before,
      w.active_days, w.flared, w.pain_days, f.psfs_change
    FROM clinic.patients p
    LEFT JOIN LATERAL (
      SELECT o.resource->>'valueString' AS level, o.effective_at AS checked_at
      FROM clinic.observations o
      WHERE o.patient_id = p.id AND o.code = 'check' AND o.effective_at <= at
      ORDER BY o.effective_at DESC LIMIT 1) c ON true
    LEFT JOIN LATERAL (
      SELECT max(o.effective_at) AS last_entry_at FROM clinic.observations o
      WHERE o.patient_id = p.id AND o.effective_at <= at) e ON true
    LEFT JOIN LATERAL (
      WITH x AS (
        SELECT d.observations, d.pain_sum, d.pain_count, d.flares, today - d.day AS ago
        FROM clinic.patient_days d
        WHERE d.patient_id = p.id AND d.day > today - 30 AND d.day <= today)
      SELECT
        round(sum(x.pain_sum) FILTER (WHERE x.ago < 3)
              / nullif(sum(x.pain_count) FILTER (WHERE x.ago < 3), 0), 1) AS pain_recent,
        round(sum(x.pain_sum) FILTER (WHERE x.ago BETWEEN 3 AND 6)
              / nullif(sum(x.pain_count) FILTER (WHERE x.ago BETWEEN 3 AND 6), 0), 1)
          AS pain_before,
        sum(x.pain_sum) FILTER (WHERE x.ago < 7)
          / nullif(sum(x.pain_count) FILTER (WHERE x.ago < 7), 0) AS pain_week,
        sum(x.pain_sum) FILTER (WHERE x.ago BETWEEN 7 AND 13)
          / nullif(sum(x.pain_count) FILTER (WHERE x.ago BETWEEN 7 AND 13), 0)
          AS pain_week_before,
        count(*) FILTER (WHERE x.observations > 0)::integer AS active_days,
        coalesce(sum(x.flares) FILTER (WHERE x.ago < 7), 0) > 0 AS flared,
        (SELECT jsonb_agg(round(y.pain_sum / nullif(y.pain_count, 0), 1) ORDER BY s.ago DESC)
         FROM generate_series(0, 13) AS s(ago) LEFT JOIN x y ON y.ago = s.ago) AS pain_days
      FROM x) w ON true
    LEFT JOIN LATERAL (
      SELECT round(avg(a.latest - a.first), 1) AS psfs_change
      FROM (SELECT (array_agg((o.resource->>'valueInteger')::numeric
                              ORDER BY o.effective_at))[1] AS first,
                   (array_agg((o.resource->>'valueInteger')::numeric
                              ORDER BY o.effective_at DESC))[1] AS latest,
                   count(*) AS ratings
            FROM clinic.observations o
            WHERE o.patient_id = p.id AND o.code = 'psfs' AND o.effective_at <= at
              AND jsonb_typeof(o.resource->'valueInteger') = 'number'
            GROUP BY coalesce(o.resource->'code'->>'text', '')) a
      WHERE a.ratings >= 2) f ON true
    WHERE p.stopped_at IS NULL
  ), needs AS (
    SELECT f.*, CASE
        WHEN f.last_check = 'emergency' THEN 'emergency-check'
        WHEN f.last_check = 'urgent' THEN 'urgent-check'
        WHEN f.pain_recent >= f.pain_before + 1 THEN 'pain-rising'
        WHEN f.flared THEN 'flare'
        WHEN f.last_entry_at IS NULL OR f.last_entry_at <= at - interval '3 days' THEN 'no-entry'
        ELSE 'steady' END AS need
    FROM facts f
  )
  SELECT n.id, n.display_name, n.need, n.last_check, n.last_check_at, n.last_entry_at,
         n.pain_recent, n.pain_before, n.pain_days,
         round(n.pain_week - n.pain_week_before, 1), n.active_days, n.psfs_change
  FROM needs n
  ORDER BY array_position(ARRAY['emergency-check', 'urgent-check', 'pain-rising', 'flare',
                                'no-entry', 'steady'], n.need),
           n.last_entry_at NULLS FIRST, n.id;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), NULL, 'read caseload',
            found_rows);
END $$;
REVOKE ALL ON FUNCTION clinic.read_caseload(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic.read_caseload(timestamptz) TO limber_clinic_app;

-- The caseload of the therapist whose session `session_hash` is (the SHA-256 of the
-- cookie's token), live at `at`, in one statement: the session is found, the acting
-- therapist and clinic set and the caseload read in the database, one round trip instead
-- of five (bench/clinic_bench). SQLSTATE 28000 when there is no such live session.
CREATE FUNCTION clinic.read_caseload_of_session(session_hash text, at timestamptz)
  RETURNS TABLE (id bigint, display_name text, need text, last_check text,
                 last_check_at timestamptz, last_entry_at timestamptz, pain_recent numeric,
                 pain_before numeric, pain_days jsonb, pain_change numeric,
                 active_days integer, psfs_change numeric)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  acting_id bigint;
  acting_clinic_id bigint;
BEGIN
  SELECT t.id, t.clinic_id INTO acting_id, acting_clinic_id
    FROM clinic.therapist_sessions s JOIN clinic.therapists t ON t.id = s.therapist_id
    WHERE s.token_sha256 = session_hash AND s.expires_at > at;
  IF acting_id IS NULL THEN
    RAISE EXCEPTION 'no live session' USING ERRCODE = '28000';
  END IF;
  PERFORM set_config('limber.therapist_id', acting_id::text, true),
          set_config('limber.clinic_id', acting_clinic_id::text, true);
  RETURN QUERY SELECT * FROM clinic.read_caseload(at);
END $$;
REVOKE ALL ON FUNCTION clinic.read_caseload_of_session(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic.read_caseload_of_session(text, timestamptz)
  TO limber_clinic_app;

-- One patient, for the patient's page: none for another's patient, the same as for an id
-- that does not exist. Audited, with what was asked for.
CREATE FUNCTION clinic.read_patient(patient bigint)
  RETURNS TABLE (id bigint, display_name text, sharing_since timestamptz,
                 stopped_at timestamptz)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
#variable_conflict use_column
DECLARE
  found_rows integer;
BEGIN
  PERFORM clinic.require_therapist();
  RETURN QUERY SELECT p.id, p.display_name, p.sharing_since, p.stopped_at
    FROM clinic.patients p WHERE p.id = patient;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), patient, 'read patient',
            found_rows);
END $$;
REVOKE ALL ON FUNCTION clinic.read_patient(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic.read_patient(bigint) TO limber_clinic_app;
REVOKE ALL ON FUNCTION clinic.pain_value(text, jsonb), clinic.count_days() FROM PUBLIC;
)sql";

// Version 4: sharing (docs/clinic.md, "Invitations" and "Sharing"). A therapist's
// invitation is taken once by a patient's limber, which then holds an upload token (only
// its SHA-256 is kept, in patients). The token is the patient's only key: the functions
// below take it, set it for the transaction ('limber.patient_token'), and the policies let
// a row through when its patient's token hash matches the hash of that setting, so the
// database itself needs the live token, not an id. The wrong codes tried from an address
// are counted in join_attempts (no patient's data) to refuse guessing.
constexpr std::string_view kVersion4 = R"sql(
ALTER TABLE clinic.patients ADD COLUMN upload_token_sha256 text UNIQUE
  CHECK (upload_token_sha256 ~ '^[0-9a-f]{64}$');

CREATE TABLE clinic.join_attempts (
  address text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX join_attempts_address ON clinic.join_attempts (address, at);

-- The SHA-256 (hex) of this transaction's setting, NULL when it is unset.
CREATE FUNCTION clinic.acting_patient_token() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT encode(sha256(convert_to(nullif(current_setting('limber.patient_token', true),
                                               ''), 'UTF8')), 'hex') $$;
CREATE FUNCTION clinic.acting_invitation() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT encode(sha256(convert_to(nullif(current_setting('limber.invitation_code', true),
                                               ''), 'UTF8')), 'hex') $$;

CREATE POLICY as_the_patient ON clinic.patients
  USING (upload_token_sha256 = clinic.acting_patient_token());
CREATE POLICY as_the_invitee ON clinic.invitations
  USING (code_sha256 = clinic.acting_invitation());
CREATE POLICY append_as_the_patient ON clinic.audit FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM clinic.patients p
    WHERE p.id = audit.patient_id AND p.therapist_id = audit.therapist_id
      AND p.clinic_id = audit.clinic_id
      AND p.upload_token_sha256 = clinic.acting_patient_token()));

-- A therapist's invitation: only the code's hash comes in; the code is shown once.
CREATE FUNCTION clinic.make_invitation(code_hash text, made_at timestamptz, valid_for interval)
  RETURNS timestamptz
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
BEGIN
  PERFORM clinic.require_therapist();
  INSERT INTO clinic.invitations (clinic_id, therapist_id, code_sha256, created_at, expires_at)
    VALUES (clinic.acting_clinic(), clinic.acting_therapist(), code_hash, made_at,
            made_at + valid_for);
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), NULL, 'make invitation', 0);
  RETURN made_at + valid_for;
END $$;

-- A patient's limber takes an invitation: 'joined' with the new patient, or 'unknown',
-- 'used', 'expired' (each counted against the address), or 'too-many' when the address
-- tried `attempts` wrong codes in the last minute (then the code is not even looked at).
-- The patient row, its token and the invitation's use are one transaction.
CREATE FUNCTION clinic.join_invitation(invitation_code text, patient_name text,
                                       upload_token text, from_address text,
                                       joined_at timestamptz, attempts integer)
  RETURNS TABLE (outcome text, patient bigint)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  invitation clinic.invitations%ROWTYPE;
  wrong integer;
  made bigint;
  refusal text;
BEGIN
  SELECT count(*) INTO wrong FROM clinic.join_attempts a
    WHERE a.address = from_address AND a.at > joined_at - interval '1 minute';
  IF wrong >= attempts THEN
    RETURN QUERY SELECT 'too-many'::text, NULL::bigint;
    RETURN;
  END IF;
  PERFORM set_config('limber.invitation_code', invitation_code, true);
  SELECT * INTO invitation FROM clinic.invitations i
    WHERE i.code_sha256 = clinic.acting_invitation() FOR UPDATE;
  refusal := CASE WHEN NOT FOUND THEN 'unknown'
                  WHEN invitation.used_at IS NOT NULL THEN 'used'
                  WHEN invitation.expires_at <= joined_at THEN 'expired' END;
  PERFORM set_config('limber.invitation_code', '', true);
  IF refusal IS NOT NULL THEN
    INSERT INTO clinic.join_attempts (address, at) VALUES (from_address, joined_at);
    RETURN QUERY SELECT refusal, NULL::bigint;
    RETURN;
  END IF;
  PERFORM set_config('limber.patient_token', upload_token, true);
  INSERT INTO clinic.patients (clinic_id, therapist_id, display_name, sharing_since,
                               upload_token_sha256)
    VALUES (invitation.clinic_id, invitation.therapist_id,
            coalesce(nullif(patient_name, ''), 'Patient of invitation ' || invitation.id),
            joined_at, clinic.acting_patient_token())
    RETURNING id INTO made;
  PERFORM set_config('limber.invitation_code', invitation_code, true);
  UPDATE clinic.invitations SET used_at = joined_at, patient_id = made
    WHERE id = invitation.id;
  PERFORM set_config('limber.invitation_code', '', true);
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (invitation.therapist_id, invitation.clinic_id, made, 'patient joined', 0);
  PERFORM set_config('limber.patient_token', '', true);
  RETURN QUERY SELECT 'joined'::text, made;
END $$;

-- A patient's upload: `resources` is a JSON array of {identifier, code, effective_at (UTC
-- seconds), resource}, upserted on (patient, identifier) so a resend replaces. 'shared'
-- with the rows written, 'unknown' for a token that is none, 'stopped' once the patient
-- stopped sharing.
CREATE FUNCTION clinic.share_resources(upload_token text, resources jsonb,
                                       received timestamptz)
  RETURNS TABLE (outcome text, written integer)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  me clinic.patients%ROWTYPE;
  found_rows integer;
BEGIN
  PERFORM set_config('limber.patient_token', upload_token, true);
  SELECT * INTO me FROM clinic.patients p
    WHERE p.upload_token_sha256 = clinic.acting_patient_token();
  IF NOT FOUND OR me.stopped_at IS NOT NULL THEN
    PERFORM set_config('limber.patient_token', '', true);
    RETURN QUERY SELECT CASE WHEN me.id IS NULL THEN 'unknown' ELSE 'stopped' END, 0;
    RETURN;
  END IF;
  INSERT INTO clinic.observations AS o (patient_id, identifier, code, effective_at, resource,
                                        received_at)
    SELECT me.id, r.identifier, r.code, to_timestamp(r.effective_at), r.resource, received
    FROM jsonb_to_recordset(resources)
      AS r(identifier text, code text, effective_at bigint, resource jsonb)
  ON CONFLICT (patient_id, identifier) DO UPDATE
    SET code = excluded.code, effective_at = excluded.effective_at,
        resource = excluded.resource, received_at = excluded.received_at;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (me.therapist_id, me.clinic_id, me.id, 'patient shared', found_rows);
  PERFORM set_config('limber.patient_token', '', true);
  RETURN QUERY SELECT 'shared'::text, found_rows;
END $$;

-- A patient stops: everything shared is deleted, the patient is marked stopped (off the
-- caseload), and the count deleted is returned. Again for a patient who already stopped:
-- 'stopped' with 0, so a retry after a lost answer is safe. 'unknown' for no patient.
CREATE FUNCTION clinic.stop_sharing(upload_token text, stopped timestamptz)
  RETURNS TABLE (outcome text, deleted integer)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  me clinic.patients%ROWTYPE;
  found_rows integer;
BEGIN
  PERFORM set_config('limber.patient_token', upload_token, true);
  SELECT * INTO me FROM clinic.patients p
    WHERE p.upload_token_sha256 = clinic.acting_patient_token() FOR UPDATE;
  IF NOT FOUND THEN
    PERFORM set_config('limber.patient_token', '', true);
    RETURN QUERY SELECT 'unknown'::text, 0;
    RETURN;
  END IF;
  DELETE FROM clinic.observations o WHERE o.patient_id = me.id;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  UPDATE clinic.patients p SET stopped_at = coalesce(p.stopped_at, stopped) WHERE p.id = me.id;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (me.therapist_id, me.clinic_id, me.id, 'patient stopped sharing', found_rows);
  PERFORM set_config('limber.patient_token', '', true);
  RETURN QUERY SELECT 'stopped'::text, found_rows;
END $$;

REVOKE ALL ON FUNCTION clinic.acting_patient_token(), clinic.acting_invitation(),
  clinic.make_invitation(text, timestamptz, interval),
  clinic.join_invitation(text, text, text, text, timestamptz, integer),
  clinic.share_resources(text, jsonb, timestamptz), clinic.stop_sharing(text, timestamptz)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic.make_invitation(text, timestamptz, interval),
  clinic.join_invitation(text, text, text, text, timestamptz, integer),
  clinic.share_resources(text, jsonb, timestamptz), clinic.stop_sharing(text, timestamptz)
  TO limber_clinic_app;
)sql";

// Version 5: the caseload reads less (bench/clinic_bench, docs/benchmarks.md). A PSFS
// rating's score and activity become columns computed by PostgreSQL from the resource
// (generated, stored), so the PSFS change reads a small index of scores in order instead of
// every rating's JSON, sorted; and the days of the last 30 are read for all the therapist's
// patients at once, with the 14-day grid in one join, instead of patient by patient. The
// caseload read the same rows before and after (checked on the benchmark's clinic group);
// its time in the database went from about 35 to 24 ms for 40 patients.
constexpr std::string_view kVersion5 = R"sql(
ALTER TABLE clinic.observations
  ADD COLUMN score numeric GENERATED ALWAYS AS (
    CASE WHEN jsonb_typeof(resource->'valueInteger') = 'number'
         THEN (resource->>'valueInteger')::numeric END) STORED,
  ADD COLUMN label text GENERATED ALWAYS AS (coalesce(resource->'code'->>'text', '')) STORED;
CREATE INDEX observations_psfs_scores ON clinic.observations (patient_id, label, effective_at)
  INCLUDE (score) WHERE code = 'psfs' AND score IS NOT NULL;
DROP INDEX clinic.observations_psfs;

CREATE OR REPLACE FUNCTION clinic.read_caseload(at timestamptz)
  RETURNS TABLE (id bigint, display_name text, need text, last_check text,
                 last_check_at timestamptz, last_entry_at timestamptz, pain_recent numeric,
                 pain_before numeric, pain_days jsonb, pain_change numeric,
                 active_days integer, psfs_change numeric)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
#variable_conflict use_column
DECLARE
  found_rows integer;
  today date := (at AT TIME ZONE 'UTC')::date;
BEGIN
  PERFORM clinic.require_therapist();
  RETURN QUERY
  WITH own AS (
    SELECT p.id, p.display_name FROM clinic.patients p WHERE p.stopped_at IS NULL
  ), x AS (
    SELECT d.patient_id, d.observations, d.pain_sum, d.pain_count, d.flares, today - d.day AS ago
    FROM clinic.patient_days d
    WHERE d.patient_id IN (SELECT own.id FROM own) AND d.day > today - 30 AND d.day <= today
  ), w AS (
    SELECT x.patient_id,
      round(sum(x.pain_sum) FILTER (WHERE x.ago < 3)
            / nullif(sum(x.pain_count) FILTER (WHERE x.ago < 3), 0), 1) AS pain_recent,
      round(sum(x.pain_sum) FILTER (WHERE x.ago BETWEEN 3 AND 6)
            / nullif(sum(x.pain_count) FILTER (WHERE x.ago BETWEEN 3 AND 6), 0), 1)
        AS pain_before,
      sum(x.pain_sum) FILTER (WHERE x.ago < 7)
        / nullif(sum(x.pain_count) FILTER (WHERE x.ago < 7), 0) AS pain_week,
      sum(x.pain_sum) FILTER (WHERE x.ago BETWEEN 7 AND 13)
        / nullif(sum(x.pain_count) FILTER (WHERE x.ago BETWEEN 7 AND 13), 0)
        AS pain_week_before,
      count(*) FILTER (WHERE x.observations > 0)::integer AS active_days,
      coalesce(sum(x.flares) FILTER (WHERE x.ago < 7), 0) > 0 AS flared
    FROM x GROUP BY x.patient_id
  ), grid AS (
    SELECT own.id, jsonb_agg(round(x.pain_sum / nullif(x.pain_count, 0), 1) ORDER BY s.ago DESC)
             AS pain_days
    FROM own CROSS JOIN generate_series(0, 13) AS s(ago)
    LEFT JOIN x ON x.patient_id = own.id AND x.ago = s.ago
    GROUP BY own.id
  ), facts AS (
    SELECT p.id, p.display_name, c.level AS last_check, c.checked_at AS last_check_at,
      e.last_entry_at, w.pain_recent, w.pain_before, w.pain_week, w.pain_week_before,
      coalesce(w.active_days, 0) AS active_days, coalesce(w.flared, false) AS flared,
      g.pain_days, f.psfs_change
    FROM own p
    JOIN grid g ON g.id = p.id
    LEFT JOIN w ON w.patient_id = p.id
    LEFT JOIN LATERAL (
      SELECT o.resource->>'valueString' AS level, o.effective_at AS checked_at
      FROM clinic.observations o
      WHERE o.patient_id = p.id AND o.code = 'check' AND o.effective_at <= at
      ORDER BY o.effective_at DESC LIMIT 1) c ON true
    LEFT JOIN LATERAL (
      SELECT max(o.effective_at) AS last_entry_at FROM clinic.observations o
      WHERE o.patient_id = p.id AND o.effective_at <= at) e ON true
    LEFT JOIN LATERAL (
      SELECT round(avg(a.latest - a.first), 1) AS psfs_change
      FROM (SELECT (array_agg(o.score ORDER BY o.effective_at))[1] AS first,
                   (array_agg(o.score ORDER BY o.effective_at DESC))[1] AS latest,
                   count(*) AS ratings
            FROM clinic.observations o
            WHERE o.patient_id = p.id AND o.code = 'psfs' AND o.score IS NOT NULL
              AND o.effective_at <= at
            GROUP BY o.label) a
      WHERE a.ratings >= 2) f ON true
  ), needs AS (
    SELECT f.*, CASE
        WHEN f.last_check = 'emergency' THEN 'emergency-check'
        WHEN f.last_check = 'urgent' THEN 'urgent-check'
        WHEN f.pain_recent >= f.pain_before + 1 THEN 'pain-rising'
        WHEN f.flared THEN 'flare'
        WHEN f.last_entry_at IS NULL OR f.last_entry_at <= at - interval '3 days' THEN 'no-entry'
        ELSE 'steady' END AS need
    FROM facts f
  )
  SELECT n.id, n.display_name, n.need, n.last_check, n.last_check_at, n.last_entry_at,
         n.pain_recent, n.pain_before, n.pain_days,
         round(n.pain_week - n.pain_week_before, 1), n.active_days, n.psfs_change
  FROM needs n
  ORDER BY array_position(ARRAY['emergency-check', 'urgent-check', 'pain-rising', 'flare',
                                'no-entry', 'steady'], n.need),
           n.last_entry_at NULLS FIRST, n.id;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), NULL, 'read caseload',
            found_rows);
END $$;
)sql";

// Version 6: the exercises a therapist assigns to a patient (docs/clinic.md, "Assigned
// exercises"), each kept as the catalog's own JSON object (core/therapist_file.h checks it
// on the server before it is written), with its id, who assigned it and when. The
// therapist writes through clinic.assign_exercises and clinic.remove_assigned_exercise and
// reads through clinic.read_assigned_exercises, audited like every other read; the
// patient's limber reads its own list with its upload token (clinic.assigned_to_patient),
// which answers only "unchanged" when the list's version is the one it already has.
constexpr std::string_view kVersion6 = R"sql(
CREATE TABLE clinic.assigned_exercises (
  patient_id bigint NOT NULL REFERENCES clinic.patients ON DELETE CASCADE,
  exercise_id text NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 80),
  style text NOT NULL CHECK (length(style) BETWEEN 1 AND 20),
  exercise jsonb NOT NULL CHECK (jsonb_typeof(exercise) = 'object'
    AND exercise->>'id' = exercise_id AND exercise->>'style' = style),
  assigned_by bigint NOT NULL REFERENCES clinic.therapists,
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (patient_id, exercise_id)
);
ALTER TABLE clinic.assigned_exercises ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic.assigned_exercises FORCE ROW LEVEL SECURITY;
-- Read exactly when the patient is seen (the therapist's own, or the token's own patient):
-- the subquery is itself held to the patients' policies.
CREATE POLICY of_own_patients ON clinic.assigned_exercises FOR SELECT
  USING (EXISTS (SELECT 1 FROM clinic.patients p WHERE p.id = patient_id));
-- Written only by the acting therapist, for their own patients.
CREATE POLICY assign_to_own_patients ON clinic.assigned_exercises FOR INSERT
  WITH CHECK (assigned_by = clinic.acting_therapist() AND EXISTS (SELECT 1 FROM clinic.patients p
    WHERE p.id = patient_id AND p.therapist_id = clinic.acting_therapist()
      AND p.clinic_id = clinic.acting_clinic()));
CREATE POLICY change_own_patients ON clinic.assigned_exercises FOR UPDATE
  USING (EXISTS (SELECT 1 FROM clinic.patients p
    WHERE p.id = patient_id AND p.therapist_id = clinic.acting_therapist()
      AND p.clinic_id = clinic.acting_clinic()))
  WITH CHECK (assigned_by = clinic.acting_therapist());
CREATE POLICY remove_from_own_patients ON clinic.assigned_exercises FOR DELETE
  USING (EXISTS (SELECT 1 FROM clinic.patients p
    WHERE p.id = patient_id AND p.therapist_id = clinic.acting_therapist()
      AND p.clinic_id = clinic.acting_clinic()));

-- A patient's assigned exercises for their therapist, audited; none for another's patient.
CREATE FUNCTION clinic.read_assigned_exercises(patient bigint)
  RETURNS TABLE (exercise_id text, style text, exercise jsonb, assigned_by text,
                 assigned_at timestamptz)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
#variable_conflict use_column
DECLARE
  found_rows integer;
BEGIN
  PERFORM clinic.require_therapist();
  RETURN QUERY SELECT a.exercise_id, a.style, a.exercise, t.name, a.assigned_at
    FROM clinic.assigned_exercises a JOIN clinic.therapists t ON t.id = a.assigned_by
    WHERE a.patient_id = patient ORDER BY a.assigned_at, a.exercise_id;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), patient,
            'read assigned exercises', found_rows);
END $$;

-- Assigns `exercises` (a JSON array of the catalog's exercise objects, checked by the
-- server) to the acting therapist's patient: one with an id already assigned replaces it.
-- 'assigned' with the count, 'unknown' for a patient who is not theirs (or none), 'stopped'
-- for one who stopped sharing. Audited as "assigned exercise".
CREATE FUNCTION clinic.assign_exercises(patient bigint, exercises jsonb, at timestamptz)
  RETURNS TABLE (outcome text, written integer)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  stopped timestamptz;
  found_rows integer;
BEGIN
  PERFORM clinic.require_therapist();
  SELECT p.stopped_at INTO stopped FROM clinic.patients p WHERE p.id = patient;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'unknown'::text, 0;
    RETURN;
  END IF;
  IF stopped IS NOT NULL THEN
    RETURN QUERY SELECT 'stopped'::text, 0;
    RETURN;
  END IF;
  INSERT INTO clinic.assigned_exercises AS a (patient_id, exercise_id, style, exercise,
                                              assigned_by, assigned_at)
    SELECT patient, e->>'id', e->>'style', e, clinic.acting_therapist(), at
    FROM jsonb_array_elements(exercises) AS e
  ON CONFLICT (patient_id, exercise_id) DO UPDATE
    SET style = excluded.style, exercise = excluded.exercise,
        assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), patient, 'assigned exercise',
            found_rows);
  RETURN QUERY SELECT 'assigned'::text, found_rows;
END $$;

-- Removes one assigned exercise: 'removed', or 'unknown' when the patient is not the
-- acting therapist's or has no such exercise. Audited as "removed exercise".
CREATE FUNCTION clinic.remove_assigned_exercise(patient bigint, removed_id text)
  RETURNS text
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  found_rows integer;
BEGIN
  PERFORM clinic.require_therapist();
  DELETE FROM clinic.assigned_exercises a WHERE a.patient_id = patient
    AND a.exercise_id = removed_id;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (clinic.acting_therapist(), clinic.acting_clinic(), patient, 'removed exercise',
            found_rows);
  RETURN CASE WHEN found_rows > 0 THEN 'removed' ELSE 'unknown' END;
END $$;

-- The token's patient reads their own list: 'exercises' with the list (a JSON array of
-- {id, style, exercise, assigned_at}) and its version (the SHA-256 of the list), or
-- 'unchanged' when `known_version` is that version already (nothing read, nothing
-- audited: limber serve asks every 20 seconds); 'unknown' for a token that is none,
-- 'stopped' once the patient stopped sharing.
CREATE FUNCTION clinic.assigned_to_patient(upload_token text, known_version text)
  RETURNS TABLE (outcome text, exercises jsonb, version text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  me clinic.patients%ROWTYPE;
  list jsonb;
  found_rows integer;
  list_version text;
BEGIN
  PERFORM set_config('limber.patient_token', upload_token, true);
  SELECT * INTO me FROM clinic.patients p
    WHERE p.upload_token_sha256 = clinic.acting_patient_token();
  IF NOT FOUND OR me.stopped_at IS NOT NULL THEN
    PERFORM set_config('limber.patient_token', '', true);
    RETURN QUERY SELECT CASE WHEN me.id IS NULL THEN 'unknown' ELSE 'stopped' END,
                        NULL::jsonb, NULL::text;
    RETURN;
  END IF;
  SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.exercise_id, 'style', a.style,
                                               'exercise', a.exercise, 'assigned_at',
                                               extract(epoch FROM a.assigned_at)::bigint)
                            ORDER BY a.exercise_id), '[]'::jsonb), count(*)
    INTO list, found_rows
    FROM clinic.assigned_exercises a WHERE a.patient_id = me.id;
  list_version := encode(sha256(convert_to(list::text, 'UTF8')), 'hex');
  IF list_version = known_version THEN
    PERFORM set_config('limber.patient_token', '', true);
    RETURN QUERY SELECT 'unchanged'::text, NULL::jsonb, list_version;
    RETURN;
  END IF;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (me.therapist_id, me.clinic_id, me.id, 'patient read exercises', found_rows);
  PERFORM set_config('limber.patient_token', '', true);
  RETURN QUERY SELECT 'exercises'::text, list, list_version;
END $$;

REVOKE ALL ON FUNCTION clinic.read_assigned_exercises(bigint),
  clinic.assign_exercises(bigint, jsonb, timestamptz),
  clinic.remove_assigned_exercise(bigint, text), clinic.assigned_to_patient(text, text)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic.read_assigned_exercises(bigint),
  clinic.assign_exercises(bigint, jsonb, timestamptz),
  clinic.remove_assigned_exercise(bigint, text), clinic.assigned_to_patient(text, text)
  TO limber_clinic_app;
)sql";

// Version 7, after sharing (docs/clinic.md, "Sharing"): a patient's limber deletes the records
// deleted from its diary. `records` is a JSON array of limber's record keys ("entry-12",
// "psfs-3", "sitting-2026-11-20"); a record's resources are those whose identifier value is
// the key or starts with the key and '-' ("entry-12-pain", "entry-12-region-neck").
// 'deleted' with the resources deleted (0 for records already gone: a retry is safe),
// 'unknown' for a token that is none, 'stopped' once the patient stopped. Audited.
constexpr std::string_view kVersion7 = R"sql(
CREATE FUNCTION clinic.delete_records(upload_token text, records jsonb, at timestamptz)
  RETURNS TABLE (outcome text, deleted integer)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
DECLARE
  me clinic.patients%ROWTYPE;
  found_rows integer;
BEGIN
  PERFORM set_config('limber.patient_token', upload_token, true);
  SELECT * INTO me FROM clinic.patients p
    WHERE p.upload_token_sha256 = clinic.acting_patient_token();
  IF NOT FOUND OR me.stopped_at IS NOT NULL THEN
    PERFORM set_config('limber.patient_token', '', true);
    RETURN QUERY SELECT CASE WHEN me.id IS NULL THEN 'unknown' ELSE 'stopped' END, 0;
    RETURN;
  END IF;
  DELETE FROM clinic.observations o
    WHERE o.patient_id = me.id AND EXISTS (
      SELECT 1 FROM jsonb_array_elements_text(records) AS k(record)
      WHERE o.identifier = 'urn:limber:diary|' || k.record
         OR starts_with(o.identifier, 'urn:limber:diary|' || k.record || '-'));
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  INSERT INTO clinic.audit (therapist_id, clinic_id, patient_id, action, rows_read)
    VALUES (me.therapist_id, me.clinic_id, me.id, 'patient deleted records', found_rows);
  PERFORM set_config('limber.patient_token', '', true);
  RETURN QUERY SELECT 'deleted'::text, found_rows;
END $$;
REVOKE ALL ON FUNCTION clinic.delete_records(text, jsonb, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic.delete_records(text, jsonb, timestamptz) TO limber_clinic_app;
)sql";

// Version 8 (docs/clinic.md, "Isolation"): whom a therapist's request acts for is the
// therapist of a session, not two ids the application sets. The request sets
// limber.session, the SHA-256 of its cookie's token as clinic.therapist_sessions keeps it,
// and the therapist and clinic are read from that row: a request that names ids, or a
// session that is none or was logged out, acts for no one (require_therapist refuses). The
// session's expiry is checked when the request's cookie is read (therapist_of_session,
// read_caseload_of_session), with the application's clock. The policies read the session
// in a subquery of their own, planned with the statement and run once for it, not once per
// row: on the benchmark's clinic group a caseload read takes the same time as with the ids
// (docs/benchmarks.md); as calls to the functions below it took 1.3 ms more.
constexpr std::string_view kVersion8 = R"sql(
CREATE OR REPLACE FUNCTION clinic.acting_therapist() RETURNS bigint LANGUAGE plpgsql STABLE
  AS $$ BEGIN
    RETURN (SELECT s.therapist_id FROM clinic.therapist_sessions s
            WHERE s.token_sha256 = current_setting('limber.session', true));
  END $$;
CREATE OR REPLACE FUNCTION clinic.acting_clinic() RETURNS bigint LANGUAGE plpgsql STABLE
  AS $$ BEGIN
    RETURN (SELECT t.clinic_id FROM clinic.therapist_sessions s
            JOIN clinic.therapists t ON t.id = s.therapist_id
            WHERE s.token_sha256 = current_setting('limber.session', true));
  END $$;

ALTER POLICY own_patients ON clinic.patients
  USING ((clinic_id, therapist_id) = (SELECT t.clinic_id, s.therapist_id
    FROM clinic.therapist_sessions s JOIN clinic.therapists t ON t.id = s.therapist_id
    WHERE s.token_sha256 = current_setting('limber.session', true)));
ALTER POLICY own_invitations ON clinic.invitations
  USING ((clinic_id, therapist_id) = (SELECT t.clinic_id, s.therapist_id
    FROM clinic.therapist_sessions s JOIN clinic.therapists t ON t.id = s.therapist_id
    WHERE s.token_sha256 = current_setting('limber.session', true)));
ALTER POLICY append_as_yourself ON clinic.audit
  WITH CHECK (therapist_id = (SELECT clinic.acting_therapist())
              AND clinic_id = (SELECT clinic.acting_clinic()));
ALTER POLICY read_own_clinic ON clinic.audit USING (clinic_id = (SELECT clinic.acting_clinic()));
ALTER POLICY assign_to_own_patients ON clinic.assigned_exercises
  WITH CHECK (assigned_by = (SELECT clinic.acting_therapist())
    AND EXISTS (SELECT 1 FROM clinic.patients p
      WHERE p.id = patient_id AND p.therapist_id = (SELECT clinic.acting_therapist())
        AND p.clinic_id = (SELECT clinic.acting_clinic())));
ALTER POLICY change_own_patients ON clinic.assigned_exercises
  USING (EXISTS (SELECT 1 FROM clinic.patients p
    WHERE p.id = patient_id AND p.therapist_id = (SELECT clinic.acting_therapist())
      AND p.clinic_id = (SELECT clinic.acting_clinic())))
  WITH CHECK (assigned_by = (SELECT clinic.acting_therapist()));
ALTER POLICY remove_from_own_patients ON clinic.assigned_exercises
  USING (EXISTS (SELECT 1 FROM clinic.patients p
    WHERE p.id = patient_id AND p.therapist_id = (SELECT clinic.acting_therapist())
      AND p.clinic_id = (SELECT clinic.acting_clinic())));

CREATE OR REPLACE FUNCTION clinic.read_caseload_of_session(session_hash text, at timestamptz)
  RETURNS TABLE (id bigint, display_name text, need text, last_check text,
                 last_check_at timestamptz, last_entry_at timestamptz, pain_recent numeric,
                 pain_before numeric, pain_days jsonb, pain_change numeric,
                 active_days integer, psfs_change numeric)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = clinic, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM clinic.therapist_sessions s
                 WHERE s.token_sha256 = session_hash AND s.expires_at > at) THEN
    RAISE EXCEPTION 'no live session' USING ERRCODE = '28000';
  END IF;
  PERFORM set_config('limber.session', session_hash, true);
  RETURN QUERY SELECT * FROM clinic.read_caseload(at);
END $$;
)sql";

constexpr std::array<std::string_view, 8> kMigrations = {
    kVersion1, kVersion2, kVersion3, kVersion4, kVersion5, kVersion6, kVersion7, kVersion8};

// Any fixed number: the lock two processes migrating at once take turns on.
constexpr std::string_view kMigrationLock = "SELECT pg_advisory_xact_lock(5463017)";

constexpr std::string_view kVersionTable = R"sql(
CREATE SCHEMA IF NOT EXISTS clinic;
CREATE TABLE IF NOT EXISTS clinic.schema_version (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);
)sql";

core::Result<int> read_version(pg::Connection& connection) {
  LIMBER_TRY_ASSIGN(
      const auto rows,
      connection.query("SELECT coalesce(max(version), 0) FROM clinic.schema_version"));
  return static_cast<int>(rows.integer(0, 0));
}

}  // namespace

std::span<const std::string_view> migrations() {
  return kMigrations;
}

int latest_schema_version() {
  return static_cast<int>(kMigrations.size());
}

core::Result<int> migrate(pg::Connection& owner) {
  return pg::in_transaction(owner, [&]() -> core::Result<int> {
    LIMBER_TRY(owner.exec_script(kMigrationLock));
    if (auto made = owner.exec_script(kVersionTable); !made) {
      return core::fail(made.error().code,
                        fmt::format("{} (the migrations run as the role that owns the clinic's "
                                    "schema, limber_clinic_owner)",
                                    made.error().message));
    }
    LIMBER_TRY_ASSIGN(const int found, read_version(owner));
    if (found > latest_schema_version()) {
      return core::fail(core::ErrorCode::kTooNew,
                        fmt::format("the clinic's database is at schema version {}, newer than "
                                    "this limber-clinic knows ({}); nothing was changed",
                                    found, latest_schema_version()));
    }
    for (int version = found; version < latest_schema_version(); ++version) {
      LIMBER_TRY(owner.exec_script(kMigrations[static_cast<std::size_t>(version)]));
      LIMBER_TRY(owner.execute("INSERT INTO clinic.schema_version (version) VALUES ($1::integer)",
                               {std::to_string(version + 1)}));
    }
    return found;
  });
}

core::Result<int> schema_version(pg::Connection& connection) {
  LIMBER_TRY_ASSIGN(const auto rows,
                    connection.query("SELECT to_regclass('clinic.schema_version') IS NOT NULL"));
  if (!rows.boolean(0, 0))
    return 0;
  return read_version(connection);
}

}  // namespace limber::clinic
