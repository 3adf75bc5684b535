#!/usr/bin/env python3
"""The safety check scored against written back-pain cases (issue 15).

Each case in tests/clinical/<level>.json is a short story of a person turned into what
limber would get: diary entries (`limber log ...`, dated in days before today) and the
answers to the safety check (`limber check --answers ...`). The runner gives every case
its own empty diary, runs the real `limber` binary on it, and compares the level the check
prints (--json) with the level a clinician would choose for that story.

It prints accuracy per level, the sensitivity for the emergency cases, the over-triage
rate (self-care cases sent higher) and the under-triage rate (cases sent lower), then each
case limber gets wrong. It fails when
  - an emergency case is not sent to emergency (a missed emergency), or
  - a case's result differs from what the case file records: a case limber gets wrong
    carries "limber_gives" (and is discussed in docs/clinical-basis.md); any other case
    must come out at its expected level. So the table in the docs stays true; or
  - an entry with pain in both legs does not offer the check again where the case says
    "log_offers_check": true (or offers it where the case does not say so).

Usage: python3 tests/clinical/run.py LIMBER_BINARY [CASES_DIR]
"""

import concurrent.futures
import datetime
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

LEVELS = ["emergency", "urgent", "see-clinician", "self-care"]
RANK = {"self-care": 0, "see-clinician": 1, "urgent": 2, "emergency": 3}
REQUIRED = ["id", "age", "story", "diary", "answers", "expected", "source"]
MIN_CASES_PER_LEVEL = 12
# What `limber log` prints after an entry with pain in both legs (log_command.cpp).
OFFER = "run the safety check again"


def load_cases(folder):
    cases = []
    problems = []
    for level in LEVELS:
        path = folder / f"{level}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        if len(data) < MIN_CASES_PER_LEVEL:
            problems.append(f"{path.name}: {len(data)} cases, at least {MIN_CASES_PER_LEVEL} needed")
        for case in data:
            missing = [key for key in REQUIRED if key not in case]
            if missing:
                problems.append(f"{path.name}: case {case.get('id', '?')} lacks {', '.join(missing)}")
                continue
            if case["expected"] != level:
                problems.append(f"{path.name}: case {case['id']} expects {case['expected']}")
            if case.get("limber_gives", level) not in RANK:
                problems.append(f"{path.name}: case {case['id']}: limber_gives is not a level")
            cases.append(case)
    ids = [case["id"] for case in cases]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"case id {duplicate} is used twice")
    return cases, problems


def run(binary, data_dir, args, env):
    done = subprocess.run([binary, "--data-dir", str(data_dir), *args], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"limber {' '.join(args)} exited {done.returncode}: "
                           f"{done.stderr.strip()}")
    return done.stdout


def assess(binary, case, today):
    """Runs one case on its own diary; returns (level limber gives, what the log printed)."""
    env = dict(os.environ, TZ="UTC")
    # Under AddressSanitizer the leak scan at each exit costs more than the command itself,
    # about 250 times here; the e2e and cli suites check the same commands for leaks.
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    with tempfile.TemporaryDirectory(prefix="limber-case-") as tmp:
        data_dir = Path(tmp) / "diary"
        printed = []
        # Entries on one day are a second apart from midnight, so "today" is never in the
        # future and the order of a day's entries is kept.
        for index, entry in enumerate(case["diary"]):
            day = today - datetime.timedelta(days=entry["days_ago"])
            at = f"{day.isoformat()}T00:00:{index % 60:02d}Z"
            printed.append(run(binary, data_dir, ["log", *entry["log"], "--at", at], env))
        out = run(binary, data_dir, ["check", "--answers", case["answers"], "--json"], env)
        return json.loads(out)["level"], "".join(printed)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent
    cases, problems = load_cases(folder)
    if problems:
        print("The case files have problems:\n  " + "\n  ".join(problems))
        return 1
    today = datetime.datetime.now(datetime.timezone.utc).date()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda case: assess(binary, case, today), cases))

    rows = []
    wrong = []
    unexpected = []
    not_offered = []
    for case, (gives, printed) in zip(cases, results):
        case["gives"] = gives
        case["printed"] = printed
        if gives != case["expected"]:
            wrong.append(case)
        if gives != case.get("limber_gives", case["expected"]):
            unexpected.append(case)
        offered = OFFER in printed
        if offered != case.get("log_offers_check", False):
            not_offered.append((case, offered))
    print(f"Safety check against {len(cases)} written cases (tests/clinical/)\n")
    print("| expected level | cases | limber agrees | accuracy | sent higher | sent lower |")
    print("| --- | --- | --- | --- | --- | --- |")
    for level in LEVELS:
        mine = [case for case in cases if case["expected"] == level]
        right = sum(case["gives"] == level for case in mine)
        higher = sum(RANK[case["gives"]] > RANK[level] for case in mine)
        lower = sum(RANK[case["gives"]] < RANK[level] for case in mine)
        rows.append((level, len(mine), right))
        print(f"| {level} | {len(mine)} | {right} | {100 * right / len(mine):.0f}% | {higher} "
              f"| {lower} |")
    total_right = sum(right for _, _, right in rows)
    print(f"| all | {len(cases)} | {total_right} | {100 * total_right / len(cases):.0f}% | | |")

    emergencies = [case for case in cases if case["expected"] == "emergency"]
    caught = sum(case["gives"] == "emergency" for case in emergencies)
    self_care = [case for case in cases if case["expected"] == "self-care"]
    over = sum(case["gives"] != "self-care" for case in self_care)
    under = sum(RANK[case["gives"]] < RANK[case["expected"]] for case in cases)
    print(f"\nEmergency sensitivity: {caught}/{len(emergencies)} "
          f"({100 * caught / len(emergencies):.0f}%)")
    print(f"Over-triage (self-care cases sent higher): {over}/{len(self_care)} "
          f"({100 * over / len(self_care):.0f}%)")
    print(f"Under-triage (any case sent lower): {under}/{len(cases)} "
          f"({100 * under / len(cases):.0f}%)")
    if wrong:
        print("\nCases limber gets wrong (docs/clinical-basis.md discusses each):")
        for case in wrong:
            print(f"  {case['id']}: expected {case['expected']}, limber gives {case['gives']}")

    failed = False
    missed = [case for case in emergencies if case["gives"] != "emergency"]
    for case in missed:
        print(f"\nFAIL: missed emergency {case['id']} (limber gives {case['gives']}): "
              f"{case['story']}")
        failed = True
    for case in unexpected:
        if case in missed:
            continue
        recorded = case.get("limber_gives", case["expected"])
        print(f"\nFAIL: {case['id']} now gives {case['gives']}, the case file records "
              f"{recorded}: update the case's limber_gives and the discussion in "
              f"docs/clinical-basis.md, or fix the rule")
        failed = True
    for case, offered in not_offered:
        print(f"\nFAIL: {case['id']}: the diary {'offered' if offered else 'did not offer'} the "
              f"check again after an entry, the case file says log_offers_check "
              f"{case.get('log_offers_check', False)}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
