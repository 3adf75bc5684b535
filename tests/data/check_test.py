#!/usr/bin/env python3
"""The catalog checker (data/exercises/check.py) on broken catalogs (issue #19, item 9).

Copies the catalog to a temporary folder, breaks one thing at a time, runs the checker on
the copy and asserts that it exits 1 and names the file, the id and the problem. The
unbroken copy must pass, so a break is the only reason for each failure.

Usage: python3 tests/data/check_test.py <source_dir>   (ctest passes the source dir)
"""

import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SOURCE = Path(sys.argv.pop(1) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2])
CATALOG = SOURCE / "data" / "exercises"
CHECKER = CATALOG / "check.py"


def stop_block():
    """The checker's own STOP_BLOCK, read from the script so this test follows it."""
    namespace = {}
    text = CHECKER.read_text(encoding="utf-8")
    start = text.index("STOP_BLOCK = [")
    exec(text[start:text.index("]", start) + 1], namespace)  # a literal list of strings
    return namespace["STOP_BLOCK"]


class BrokenCatalogTest(unittest.TestCase):
    def setUp(self):
        self.temp = tempfile.TemporaryDirectory(prefix="limber-catalog-")
        self.dir = Path(self.temp.name) / "exercises"
        shutil.copytree(CATALOG, self.dir)

    def tearDown(self):
        self.temp.cleanup()

    def reset(self):
        """Starts again from an unbroken copy (for one test that breaks several ways)."""
        shutil.rmtree(self.dir)
        shutil.copytree(CATALOG, self.dir)

    def run_checker(self):
        done = subprocess.run([sys.executable, str(self.dir / "check.py"), str(self.dir)],
                              capture_output=True, text=True, timeout=60)
        return done.returncode, done.stdout + done.stderr

    def edit(self, style, change):
        """Applies change(exercises) to <style>.json and writes it back."""
        path = self.dir / f"{style}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data["exercises"])
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return data["exercises"]

    def assert_refused(self, *expected):
        code, output = self.run_checker()
        self.assertEqual(code, 1, output)
        for line in expected:
            self.assertIn(line, output)

    def test_the_unbroken_copy_passes(self):
        code, output = self.run_checker()
        self.assertEqual(code, 0, output)
        self.assertRegex(output, r"^\d+ exercises ok$")

    def test_each_missing_stop_block_sentence_is_named(self):
        sentences = stop_block()
        self.assertEqual(len(sentences), 3)
        for index, sentence in enumerate(sentences):
            with self.subTest(sentence=sentence):
                self.reset()
                exercises = self.edit("yoga", lambda e: e[index]["stop_if"].remove(sentence))
                ident = exercises[index]["id"]
                self.assert_refused(
                    f"yoga.json: {ident}: stop_if lacks the stop block sentence {sentence!r}")

    def test_an_unknown_key_is_named(self):
        self.edit("ballet", lambda e: e[1].update({"tension_nerves": True}))  # a typo
        ident = json.loads((self.dir / "ballet.json").read_text())["exercises"][1]["id"]
        self.assert_refused(f"ballet.json: {ident}: unknown keys ['tension_nerves']")

    def test_tensions_nerves_must_be_true_or_false(self):
        for bad in ("yes", 1, None):
            with self.subTest(value=bad):
                self.reset()
                self.edit("basics", lambda e: e[0].update({"tensions_nerves": bad}))
                self.assert_refused(f"basics.json: basics-lie-flat: tensions_nerves must be "
                                    f"true or false, not {bad!r}")

    def test_levels_out_of_order_are_named(self):
        def swap(exercises):
            exercises[0], exercises[-1] = exercises[-1], exercises[0]
        exercises = self.edit("pilates", swap)
        self.assert_refused(
            f"pilates.json: {exercises[0]['id']}: the first exercise of a style must be level 1",
            f"pilates.json: {exercises[1]['id']}: order gentlest first: level must not go down")

    def test_a_floor_exercise_without_a_way_up_is_named(self):
        def drop_get_up(exercises):
            for exercise in exercises:
                if exercise["id"] == "basics-knee-rolls":
                    exercise["steps"] = [s for s in exercise["steps"]
                                         if not s.startswith("To get up")]
        self.edit("basics", drop_get_up)
        self.assert_refused("basics.json: basics-knee-rolls: on the floor (lying-back): a step "
                            "must start 'To get up' and say how")

    def test_several_problems_are_all_named_at_once(self):
        sentence = stop_block()[1]
        def break_two(exercises):
            exercises[0]["stop_if"].remove(sentence)
            exercises[0]["colour"] = "red"
        exercises = self.edit("flamenco", break_two)
        ident = exercises[0]["id"]
        self.assert_refused(f"flamenco.json: {ident}: stop_if lacks the stop block sentence",
                            f"flamenco.json: {ident}: unknown keys ['colour']",
                            "2 problem(s) in")


if __name__ == "__main__":
    if not CHECKER.is_file():
        sys.exit(f"no checker at {CHECKER}: pass the source folder as the first argument")
    unittest.main(verbosity=2)
