-- A generated clinic group for bench/clinic_bench (issue 17): 5 clinics of 10 therapists
-- (50), 2,000 patients (40 each), each in a six-week episode that ends now, with 12
-- observations a day (8 pain ratings, 2 walks, 2 sessions), a safety check and three
-- activities on the functional scale (PSFS) each week, and a flare now and then: about
-- a million observations. Run as the superuser on a migrated database; :'hash' is the
-- Argon2id hash every therapist gets (one made by limber-clinic add-therapist).
BEGIN;
INSERT INTO clinic.clinics (name) SELECT 'Clinic ' || c FROM generate_series(1, 5) c;
INSERT INTO clinic.therapists (clinic_id, email, name, password_hash)
  SELECT (t - 1) / 10 + 1, 'therapist' || t || '@bench.example', 'Therapist ' || t, :'hash'
  FROM generate_series(1, 50) t;
INSERT INTO clinic.patients (clinic_id, therapist_id, display_name, sharing_since)
  SELECT th.clinic_id, th.id, 'Patient ' || p, now() - interval '42 days'
  FROM generate_series(1, 2000) p
  JOIN clinic.therapists th ON th.email = 'therapist' || ((p - 1) % 50 + 1) || '@bench.example';

-- Pain: 8 a day, easing over the six weeks, varying by patient and hour; 1 patient in 7
-- rising over the last 3 days.
INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
  SELECT p.id, 'pain-' || d || '-' || k, 'pain',
         now() - make_interval(days => d) - make_interval(hours => k * 2 + 1),
         jsonb_build_object('resourceType', 'Observation', 'status', 'final',
           'valueInteger', least(10, greatest(0, 2 + d / 6 + (p.id + d + k) % 3
                                 + CASE WHEN p.id % 7 = 0 AND d < 3 THEN 3 ELSE 0 END)),
           'bodySite', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object(
             'system', 'http://snomed.info/sct', 'code', '37822005'))))
  FROM clinic.patients p, generate_series(0, 41) d, generate_series(0, 7) k;

INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
  SELECT p.id, kind || '-' || d || '-' || k, kind,
         now() - make_interval(days => d) - make_interval(hours => k * 5 + 2),
         jsonb_build_object('resourceType', 'Observation', 'status', 'final',
                            'valueInteger', 10 + (p.id + d) % 30)
  FROM clinic.patients p, generate_series(0, 41) d, generate_series(0, 1) k,
       unnest(ARRAY['walk', 'session']) kind;

INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
  SELECT p.id, 'check-' || w, 'check', now() - make_interval(days => w * 7 + 1),
         jsonb_build_object('resourceType', 'Observation', 'valueString',
           CASE WHEN p.id % 97 = 0 AND w = 0 THEN 'urgent' ELSE 'self-care' END)
  FROM clinic.patients p, generate_series(0, 5) w;

INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
  SELECT p.id, 'psfs-' || w || '-' || a, 'psfs', now() - make_interval(days => w * 7 + 2),
         jsonb_build_object('resourceType', 'Observation',
           'code', jsonb_build_object('text', 'Activity ' || a),
           'valueInteger', least(10, 2 + (5 - w) + a % 2))
  FROM clinic.patients p, generate_series(0, 5) w, generate_series(1, 3) a;

INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
  SELECT p.id, 'flare-' || d, 'flare', now() - make_interval(days => d),
         '{"resourceType": "Observation"}'::jsonb
  FROM clinic.patients p, generate_series(0, 41) d
  WHERE (p.id * 7 + d) % 29 = 0;
COMMIT;
-- As autovacuum would have by then: the statistics, and the visibility map that lets the
-- caseload read checks and PSFS ratings from their indexes alone.
VACUUM ANALYZE;
