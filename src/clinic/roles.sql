-- The two roles of limber-clinic, made once per PostgreSQL server by a superuser (or a role
-- with CREATEROLE) before the first `limber-clinic migrate`. Safe to run again.
--
-- limber_clinic_owner owns the schema: it runs the migrations and owns the tables, and owns
-- the few SECURITY DEFINER functions through which the application reads patients' data.
-- limber_clinic_app is what `limber-clinic serve` logs in as: it owns nothing, is not a
-- member of the owner, cannot bypass row-level security, and reads a patient's data only
-- through functions that write the audit row (docs/clinic.md, "Isolation").
-- Give each a password (ALTER ROLE ... PASSWORD) or map them in pg_hba.conf.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'limber_clinic_owner') THEN
    CREATE ROLE limber_clinic_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'limber_clinic_app') THEN
    CREATE ROLE limber_clinic_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
      NOINHERIT;
  END IF;
END
$$;
