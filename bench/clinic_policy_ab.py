#!/usr/bin/env python3
"""Clinic schema 7 against schema 8 in the database alone (a benchmark, not a test): whom
a therapist's request acts for read from its session (schema 8) instead of from two ids
the server sets (7).

Two databases in one throwaway cluster (scripts/clinic-pg), migrated with the steps of
src/clinic/migrations.cpp up to 7 and up to 8, each filled with bench/clinic_generate.sql
(about a million observations), each with a session of therapist 1. Then, three times in
turn, one psql session per database reads one patient's six weeks (read_observations)
and the caseload (read_caseload) twelve times; the first four of each are left out (a
pooled connection of the server has its plans made). Prints the medians and the ratios,
8 over 7.

    bench/clinic_policy_ab.py       # about 2 minutes; figures in docs/benchmarks.md
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Any Argon2id-shaped string: no one logs in here.
HASH = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2g"
SESSION = "a" * 64
IDS = ("SELECT set_config('limber.therapist_id', '1', false), "
       "set_config('limber.clinic_id', '1', false)")
SETTINGS = {7: IDS, 8: f"SELECT set_config('limber.session', '{SESSION}', false)"}


def psql(host, database, user, sql, *args):
    done = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", host,
                           "-U", user, "-d", database, *args],
                          input=sql, text=True, capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit(f"bench/clinic_policy_ab.py: {done.stderr}")
    return done.stdout


def steps():
    source = open(os.path.join(REPO, "src/clinic/migrations.cpp"), encoding="utf-8").read()
    table = re.search(r'kVersionTable = R"sql\((.*?)\)sql"', source, re.S).group(1)
    return table, [re.search(rf'kVersion{n} = R"sql\((.*?)\)sql"', source, re.S).group(1)
                   for n in range(1, 9)]


def make(host, version, table, all_steps):
    database = f"schema{version}"
    subprocess.run(["createdb", "-h", host, "-U", "postgres", "-O", "limber_clinic_owner",
                    database], check=True)
    psql(host, database, "limber_clinic_owner",
         "BEGIN;\n" + table + "\n".join(all_steps[:version]) + "\nCOMMIT;\n")
    psql(host, database, "postgres", "", "-v", f"hash={HASH}", "-f",
         os.path.join(REPO, "bench/clinic_generate.sql"))
    psql(host, database, "postgres",
         f"INSERT INTO clinic.therapist_sessions VALUES ('{SESSION}', 1, now(), "
         "now() + interval '1 day'); VACUUM ANALYZE;")
    return database


def warm(host, database, version, patient):
    lines = [SETTINGS[version] + r" \g /dev/null"]
    for _ in range(12):
        lines.append("EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) SELECT * FROM "
                     f"clinic.read_observations({patient}, now() - interval '42 days', now());")
        lines.append("EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) SELECT * FROM "
                     "clinic.read_caseload(now());")
    out = psql(host, database, "postgres", "\n".join(lines) + "\n")
    times = [float(t) for t in re.findall(r"Execution Time: ([\d.]+)", out)]
    return times[0::2][4:], times[1::2][4:]


def main():
    work = tempfile.mkdtemp(prefix="limber-policy-ab-")
    os.chmod(work, 0o755)  # the postgres user passes through to its own folder
    host = os.path.join(work, "pg")
    subprocess.run([os.path.join(REPO, "scripts/clinic-pg"), "start", host], check=True,
                   stdout=subprocess.DEVNULL)
    try:
        table, all_steps = steps()
        databases = {version: make(host, version, table, all_steps) for version in (7, 8)}
        patient = psql(host, databases[7], "postgres",
                       "SELECT min(id) FROM clinic.patients WHERE therapist_id = 1").strip()
        reads = {version: ([], []) for version in databases}
        for _ in range(3):
            for version, database in databases.items():
                observations, caseload = warm(host, database, version, patient)
                reads[version][0].extend(observations)
                reads[version][1].extend(caseload)
        median = statistics.median
        for version, (observations, caseload) in reads.items():
            print(f"schema {version}: one patient's six weeks {median(observations):.2f} ms, "
                  f"the caseload {median(caseload):.2f} ms (medians of {len(caseload)})")
        print("schema 8 / schema 7: six weeks "
              f"{median(reads[8][0]) / median(reads[7][0]):.2f}, caseload "
              f"{median(reads[8][1]) / median(reads[7][1]):.2f}")
        with open("/proc/loadavg", encoding="ascii") as load:
            print("load average:", " ".join(load.read().split()[:3]))
    finally:
        subprocess.run([os.path.join(REPO, "scripts/clinic-pg"), "stop", host],
                       stdout=subprocess.DEVNULL, check=False)


main()
