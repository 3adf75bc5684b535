#!/usr/bin/env python3
"""Check the limber exercise catalog (data/exercises/*.json).

Standard library only. Runs the rules of schema.json by hand, plus the rules that
span files or need judgement the schema cannot express (unique ids, level order,
phase coverage, safety words). Prints "N exercises ok" and exits 0, or prints one
line per problem as "file: id: problem" and exits 1.

Usage: python3 data/exercises/check.py [catalog_dir]
"""

import json
import math
import re
import sys
from pathlib import Path

STYLES = ["basics", "ballet", "capoeira", "flamenco", "pilates", "yoga"]
PHASES = ["rest", "stand", "walk", "move"]
POSITIONS = ["lying-back", "lying-side", "lying-front", "hands-and-knees", "kneeling",
             "sitting", "standing", "walking"]
MUSCLES = ["deep-abs", "obliques", "glutes", "hip-flexors", "hamstrings", "quads",
           "lower-back", "upper-back", "neck", "shoulders", "calves"]
REGIONS = ["lower-back", "mid-back", "upper-back", "neck", "left-shoulder", "right-shoulder",
           "left-hip", "right-hip", "left-buttock", "right-buttock", "left-thigh", "right-thigh",
           "left-calf", "right-calf"]
KEYS = ["id", "name", "style", "summary", "phases", "level", "position", "dose", "minutes",
        "steps", "cues", "stop_if", "strengthens", "relaxes", "eases"]
# Keys an exercise may leave out, with the type they must have when present.
# tensions_nerves: it pulls on the sciatic or femoral nerve (issue #20, item 1).
OPTIONAL_KEYS = {"tensions_nerves": bool}
DOSE_KEYS = {"hold_seconds", "reps", "sets", "rest_seconds"}

# The stop block (issue #20, item 5): every exercise's stop_if holds these sentences word
# for word. The same list is core::kStopBlock in src/core/exercise.h (a test keeps them equal).
STOP_BLOCK = [
    "Stop if pain spreads down a leg.",
    "Stop if you feel numbness, tingling or pins and needles.",
    "Stop if you go numb between your legs, or your bladder or bowels change; run the safety check now.",
]
MAX_STOP_IF = 7  # the stop block and up to four cues of the exercise's own
# Exercises on the floor or a bed say how to get up again (issue #20, item 7).
FLOOR_POSITIONS = ["lying-back", "lying-side", "lying-front", "hands-and-knees", "kneeling"]
GET_UP_RE = re.compile(r"^To get up\b")

MIN_PER_STYLE = 6
MIN_TOTAL = 50
MIN_DESK_BREAKS = 3  # basics doable in one minute standing up, for sitting reminders
SECONDS_PER_REP = 3  # a slow repetition, for the minutes-versus-dose sanity check

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")
SENTENCE_RE = re.compile(r"^[A-Z].*[.!?]$")
# A number followed by a unit or a medicine form reads as a dose: never in limber's text.
DIGIT_DOSE_RE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml|iu|units?|tablets?|pills?|capsules?|"
    r"drops?|puffs?|sachets?|patch(?:es)?)\b", re.IGNORECASE)
# Words that would mean medication advice, a diagnosis, a promise, or a movement the
# catalog excludes (jumps, kicks, inversions, sudden twists).
BANNED_RE = re.compile(
    r"\b(?:cures?|cured|guarantee[sd]?|diagnos\w*|sciatica|slipped|herniat\w*|"
    r"ibuprofen|paracetamol|acetaminophen|naproxen|aspirin|diclofenac|codeine|"
    r"painkillers?|medications?|medicines?|tablets?|pills?|"
    r"jump\w*|hop|hops|hopping|leap\w*|kick\w*|handstand|headstand|shoulder ?stand|"
    r"cartwheel|somersault|sit-?ups?|crunch\w*)\b", re.IGNORECASE)
# The stop cues that matter most: leg symptoms, numbness or tingling, sharp pain, dizziness.
STOP_THEMES = {
    "leg": re.compile(r"down (?:a|the) leg|leg\b.*(?:numb|tingl|gives way|weak)", re.I),
    "numbness or tingling": re.compile(r"numb|tingl", re.I),
    "sharp pain": re.compile(r"sharp", re.I),
    "dizziness": re.compile(r"dizz|faint|light-headed", re.I),
}


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, file, ident, message):
        self.problems.append(f"{file}: {ident}: {message}")


def load_json(path, checker):
    """Loads JSON, rejecting duplicate keys (json.load would silently keep the last)."""
    def no_duplicates(pairs):
        seen = {}
        for key, value in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen[key] = value
        return seen
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f, object_pairs_hook=no_duplicates)
    except (OSError, ValueError) as err:
        checker.fail(path.name, "-", f"cannot load: {err}")
        return None


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def check_schema_vocabulary(directory, checker):
    """Keeps schema.json and this script in step: the enums must match."""
    schema = load_json(directory / "schema.json", checker)
    if schema is None:
        return
    defs = schema.get("$defs", {})
    expected = {"style": STYLES, "phase": PHASES, "position": POSITIONS,
                "muscle": MUSCLES, "region": REGIONS}
    for name, values in expected.items():
        if defs.get(name, {}).get("enum") != values:
            checker.fail("schema.json", name, f"enum differs from check.py: {values}")
    properties = set(defs.get("exercise", {}).get("properties", {}))
    if properties != set(KEYS) | set(OPTIONAL_KEYS):
        checker.fail("schema.json", "exercise", "properties differ from check.py: "
                     f"{sorted(set(KEYS) | set(OPTIONAL_KEYS))}")
    stop_items = defs.get("exercise", {}).get("properties", {}).get("stop_if", {})
    if stop_items.get("maxItems") != MAX_STOP_IF:
        checker.fail("schema.json", "stop_if", f"maxItems must be {MAX_STOP_IF}, as in check.py")
    if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        checker.fail("schema.json", "$schema", "must be draft 2020-12")


def check_string_list(file, ident, key, value, low, high, max_len, pattern, checker):
    if not isinstance(value, list):
        checker.fail(file, ident, f"{key} must be an array")
        return
    if not low <= len(value) <= high:
        checker.fail(file, ident, f"{key} must have {low}..{high} items, has {len(value)}")
    for item in value:
        if not isinstance(item, str):
            checker.fail(file, ident, f"{key} items must be strings")
            continue
        if len(item) > max_len:
            checker.fail(file, ident, f"{key} item longer than {max_len} characters: {item!r}")
        if not pattern.match(item):
            checker.fail(file, ident, f"{key} item must match {pattern.pattern}: {item!r}")
    if len(set(map(str, value))) != len(value):
        checker.fail(file, ident, f"{key} has duplicates")


def check_vocab_list(file, ident, key, value, vocab, checker, non_empty=False):
    if not isinstance(value, list):
        checker.fail(file, ident, f"{key} must be an array")
        return []
    if non_empty and not value:
        checker.fail(file, ident, f"{key} must not be empty")
    for item in value:
        if item not in vocab:
            checker.fail(file, ident, f"{key} has unknown value {item!r}")
    if len(set(map(str, value))) != len(value):
        checker.fail(file, ident, f"{key} has duplicates")
    return [item for item in value if item in vocab]


def all_text(exercise):
    for key in ("name", "summary"):
        if isinstance(exercise.get(key), str):
            yield key, exercise[key]
    for key in ("steps", "cues", "stop_if"):
        for item in exercise.get(key) or []:
            if isinstance(item, str):
                yield key, item


def check_dose(file, ident, exercise, checker):
    dose = exercise.get("dose")
    if not isinstance(dose, dict):
        checker.fail(file, ident, "dose must be an object")
        return None
    extra = set(dose) - DOSE_KEYS
    if extra:
        checker.fail(file, ident, f"dose has unknown keys {sorted(extra)}")
    if ("hold_seconds" in dose) == ("reps" in dose):
        checker.fail(file, ident, "dose needs exactly one of hold_seconds or reps")
    ranges = {"hold_seconds": (5, 120), "reps": (1, 30), "sets": (1, 5), "rest_seconds": (0, 120)}
    for key, (low, high) in ranges.items():
        if key not in dose:
            if key in ("sets", "rest_seconds"):
                checker.fail(file, ident, f"dose.{key} is missing")
            continue
        if not is_int(dose[key]) or not low <= dose[key] <= high:
            checker.fail(file, ident, f"dose.{key} must be an integer {low}..{high}")
            return None
    if ("hold_seconds" in dose) == ("reps" in dose) or "sets" not in dose or "rest_seconds" not in dose:
        return None
    per_set = dose.get("hold_seconds") or dose["reps"] * SECONDS_PER_REP
    return per_set * dose["sets"] + dose["rest_seconds"] * (dose["sets"] - 1)


def check_exercise(file, style, exercise, checker):
    if not isinstance(exercise, dict):
        checker.fail(file, "-", "each exercise must be an object")
        return None
    ident = exercise.get("id") if isinstance(exercise.get("id"), str) else "<no id>"
    keys = list(exercise)
    missing = [k for k in KEYS if k not in exercise]
    extra = [k for k in keys if k not in KEYS and k not in OPTIONAL_KEYS]
    if missing:
        checker.fail(file, ident, f"missing keys {missing}")
    if extra:
        checker.fail(file, ident, f"unknown keys {extra}")
    for key, kind in OPTIONAL_KEYS.items():
        if key in exercise and type(exercise[key]) is not kind:
            checker.fail(file, ident, f"{key} must be true or false, not {exercise[key]!r}")

    if not ID_RE.match(ident):
        checker.fail(file, ident, "id must be kebab-case")
    if not ident.startswith(f"{style}-"):
        checker.fail(file, ident, f"id must start with '{style}-'")
    if exercise.get("style") != style:
        checker.fail(file, ident, f"style must be {style!r} in {file}")

    name = exercise.get("name")
    if not isinstance(name, str) or not 1 <= len(name) <= 60 or name != name.strip():
        checker.fail(file, ident, "name must be a short non-empty string")

    summary = exercise.get("summary")
    if not isinstance(summary, str) or not SENTENCE_RE.match(summary):
        checker.fail(file, ident, "summary must be one sentence starting with a capital")
    elif len(summary) > 160 or re.search(r"[.!?]\s", summary):
        checker.fail(file, ident, "summary must be one short sentence (160 characters at most)")

    phases = check_vocab_list(file, ident, "phases", exercise.get("phases"), PHASES, checker,
                              non_empty=True)
    if phases != sorted(phases, key=PHASES.index):
        checker.fail(file, ident, f"phases must be in the order {PHASES}")

    level = exercise.get("level")
    if not is_int(level) or not 1 <= level <= 5:
        checker.fail(file, ident, "level must be an integer 1..5")
        level = None

    position = exercise.get("position")
    if position not in POSITIONS:
        checker.fail(file, ident, f"position must be one of {POSITIONS}")

    seconds = check_dose(file, ident, exercise, checker)
    minutes = exercise.get("minutes")
    if not is_int(minutes) or not 1 <= minutes <= 15:
        checker.fail(file, ident, "minutes must be an integer 1..15")
    elif seconds is not None:
        # The dose must fit in the time given, and the time should not be wildly longer.
        if seconds > minutes * 60:
            checker.fail(file, ident, f"dose takes at least {seconds} s but minutes is {minutes}")
        if minutes > math.ceil((3 * seconds + 120) / 60):
            checker.fail(file, ident, f"minutes {minutes} is far longer than the dose ({seconds} s)")

    check_string_list(file, ident, "steps", exercise.get("steps"), 3, 8, 119, SENTENCE_RE, checker)
    check_string_list(file, ident, "cues", exercise.get("cues"), 1, 4, 80, SENTENCE_RE, checker)
    check_string_list(file, ident, "stop_if", exercise.get("stop_if"), 1, MAX_STOP_IF, 100,
                      re.compile(r"^Stop if .*[.!?]$"), checker)
    stops = exercise.get("stop_if") if isinstance(exercise.get("stop_if"), list) else []
    for sentence in STOP_BLOCK:
        if sentence not in stops:
            checker.fail(file, ident, f"stop_if lacks the stop block sentence {sentence!r}")
    stop_text = " ".join(s for s in exercise.get("stop_if") or [] if isinstance(s, str))
    if not any(theme.search(stop_text) for theme in STOP_THEMES.values()):
        checker.fail(file, ident, "stop_if must name at least one of: " + ", ".join(STOP_THEMES))

    strengthens = check_vocab_list(file, ident, "strengthens", exercise.get("strengthens"),
                                   MUSCLES, checker)
    relaxes = check_vocab_list(file, ident, "relaxes", exercise.get("relaxes"), MUSCLES, checker)
    if not strengthens and not relaxes:
        checker.fail(file, ident, "at least one of strengthens or relaxes must be non-empty")
    overlap = set(strengthens) & set(relaxes)
    if overlap:
        checker.fail(file, ident, f"a muscle cannot be both strengthened and relaxed: {sorted(overlap)}")

    if position in FLOOR_POSITIONS:
        steps = exercise.get("steps") if isinstance(exercise.get("steps"), list) else []
        if not any(isinstance(s, str) and GET_UP_RE.match(s) for s in steps):
            checker.fail(file, ident, f"on the floor ({position}): a step must start "
                                      "'To get up' and say how")

    eases = check_vocab_list(file, ident, "eases", exercise.get("eases"), REGIONS, checker,
                             non_empty=True)
    for region in eases:
        if region.startswith(("left-", "right-")):
            side, part = region.split("-", 1)
            other = ("right-" if side == "left" else "left-") + part
            if other not in eases:
                checker.fail(file, ident, f"eases has {region} without {other}: use both sides")

    for key, text in all_text(exercise):
        if text != text.strip() or "  " in text or "\n" in text or "\t" in text:
            checker.fail(file, ident, f"{key} has stray whitespace: {text!r}")
        if DIGIT_DOSE_RE.search(text):
            checker.fail(file, ident, f"{key} reads like a medicine dose: {text!r}")
        banned = BANNED_RE.search(text)
        if banned:
            checker.fail(file, ident, f"{key} uses a word limber does not use here: {banned.group(0)!r}")

    # Safety by phase: the styles start only once walking is possible.
    if level is not None:
        if style != "basics":
            if "rest" in phases:
                checker.fail(file, ident, "only basics may suit the rest phase")
            if "stand" in phases and (level > 2 or position != "standing"):
                checker.fail(file, ident, "stand phase is only for gentle (level 1-2) standing work")
        if "rest" in phases and level > 2:
            checker.fail(file, ident, "rest phase entries must be level 1 or 2")
        if level >= 3 and ("rest" in phases or "stand" in phases):
            checker.fail(file, ident, "level 3+ must not suit the rest or stand phases")
        if level >= 4 and phases != ["move"]:
            checker.fail(file, ident, "level 4+ is for the move phase only")
    return exercise


def check_catalog(directory):
    checker = Checker()
    check_schema_vocabulary(directory, checker)

    expected_files = {f"{style}.json" for style in STYLES} | {"schema.json"}
    for path in sorted(directory.glob("*.json")):
        if path.name not in expected_files:
            checker.fail(path.name, "-", "unexpected file: each style file must be named <style>.json")

    seen_ids = {}
    total = 0
    for style in STYLES:
        file = f"{style}.json"
        path = directory / file
        if not path.exists():
            checker.fail(file, "-", "missing style file")
            continue
        data = load_json(path, checker)
        if data is None:
            continue
        if not isinstance(data, dict) or set(data) != {"style", "exercises"}:
            checker.fail(file, "-", 'top level must be exactly {"style": ..., "exercises": [...]}')
            continue
        if data["style"] != style:
            checker.fail(file, "-", f"style must be {style!r} to match the file name")
        exercises = data["exercises"]
        if not isinstance(exercises, list):
            checker.fail(file, "-", "exercises must be an array")
            continue
        if len(exercises) < MIN_PER_STYLE:
            checker.fail(file, "-", f"needs at least {MIN_PER_STYLE} exercises, has {len(exercises)}")

        good = [e for e in (check_exercise(file, style, e, checker) for e in exercises) if e]
        total += len(exercises)

        names = {}
        previous_level = 0
        for index, exercise in enumerate(good):
            ident = exercise.get("id", "<no id>")
            if ident in seen_ids:
                checker.fail(file, ident, f"id already used in {seen_ids[ident]}")
            seen_ids[ident] = file
            name = exercise.get("name")
            if isinstance(name, str):
                if name.lower() in names:
                    checker.fail(file, ident, f"name already used by {names[name.lower()]}")
                names[name.lower()] = ident
            level = exercise.get("level")
            if is_int(level):
                if index == 0 and level != 1:
                    checker.fail(file, ident, "the first exercise of a style must be level 1")
                if level < previous_level:
                    checker.fail(file, ident, "order gentlest first: level must not go down")
                previous_level = max(previous_level, level)
        if not any(e.get("level") == 1 for e in good):
            checker.fail(file, "-", "needs level-1 exercises")

        if style == "basics":
            covered = {p for e in good for p in (e.get("phases") or []) if p in PHASES}
            for phase in PHASES:
                if phase not in covered:
                    checker.fail(file, "-", f"no basics exercise for the {phase} phase")
            desk = [e for e in good if e.get("minutes") == 1 and e.get("position") == "standing"
                    and "stand" in (e.get("phases") or [])]
            if len(desk) < MIN_DESK_BREAKS:
                checker.fail(file, "-", f"needs at least {MIN_DESK_BREAKS} one-minute standing "
                                        f"exercises for desk breaks, has {len(desk)}")
            # Every muscle a person can mark weak has a gentle option from the first days
            # (issue #20, item 8): level 1, for rest or stand.
            early = [e for e in good if e.get("level") == 1
                     and {"rest", "stand"} & set(e.get("phases") or [])]
            for muscle in MUSCLES:
                if not any(muscle in (e.get("strengthens") or []) for e in early):
                    checker.fail(file, "-", f"no level-1 rest or stand exercise strengthens "
                                            f"{muscle}")

    if total < MIN_TOTAL:
        checker.fail("-", "-", f"needs at least {MIN_TOTAL} exercises in total, has {total}")
    return total, checker.problems


def main(argv):
    directory = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    total, problems = check_catalog(directory)
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) in {total} exercises")
        return 1
    print(f"{total} exercises ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
