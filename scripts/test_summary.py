"""Collect the counts of every test stage and print the closing line.

``record DIR NAME PASSED FAILED`` writes one stage's counts;
``report DIR`` sums every ``*.json`` (counts) and ``*.xml`` (JUnit, from
pytest) in DIR, prints one line per stage and ``N passed, N failed``, and
exits 1 if anything failed or nothing ran.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET


def junit_counts(path):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = failed = skipped = 0
    for suite in suites:
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return total - failed - skipped, failed, skipped


def collect(directory):
    rows = []
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        stage, ext = os.path.splitext(name)
        if ext == ".xml":
            rows.append((stage,) + junit_counts(path))
        elif ext == ".json":
            with open(path) as handle:
                data = json.load(handle)
            rows.append((stage, int(data["passed"]), int(data["failed"]),
                         int(data.get("skipped", 0))))
    return rows


def main(argv):
    if argv[0] == "record":
        directory, stage, passed, failed = argv[1:5]
        with open(os.path.join(directory, stage + ".json"), "w") as handle:
            json.dump({"passed": int(passed), "failed": int(failed)}, handle)
        return 0
    directory = argv[1]
    rows = collect(directory)
    passed = sum(row[1] for row in rows)
    failed = sum(row[2] for row in rows)
    skipped = sum(row[3] for row in rows)
    print("")
    print("Test stages:")
    for stage, p, f, s in rows:
        print("  %-14s %4d passed, %d failed%s" % (
            stage, p, f, ", %d skipped" % s if s else ""))
    skipped_file = os.path.join(directory, "skipped")
    if os.path.exists(skipped_file):
        with open(skipped_file) as handle:
            print("  stages skipped: %s" % " ".join(handle.read().split()))
    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    print(line)
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
