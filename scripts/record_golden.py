#!/usr/bin/env python3
"""Record the golden outputs of tests/golden/**/*.tcl from the real tclsh 8.6.

Each script runs as `tclsh NAME.tcl` from its own folder (NAME.stdin.tcl is
fed to a bare `tclsh` on standard input instead); its stdout, stderr and exit
code go to NAME.expected (JSON) beside it.  The tests
(tests/test_golden.py) run tclish the same way and compare, so they never
need tclsh.

    python scripts/record_golden.py [--tclsh PATH] [FILE ...]
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "tests", "golden")


def record(tclsh, path):
    folder, name = os.path.split(path)
    if name.endswith(".stdin.tcl"):         # fed on standard input, command by command
        with open(path) as f:
            out = subprocess.run([tclsh], cwd=folder, capture_output=True, text=True,
                                 timeout=60, stdin=f)
    else:
        out = subprocess.run([tclsh, name], cwd=folder, capture_output=True, text=True,
                             timeout=60, stdin=subprocess.DEVNULL)
    version = subprocess.run([tclsh], input="puts [info patchlevel]", capture_output=True,
                             text=True).stdout.strip()
    data = {"tclsh": version, "stdout": out.stdout, "stderr": out.stderr, "exit": out.returncode}
    with open(path[:-4] + ".expected", "w") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return data


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tclsh", default=shutil.which("tclsh"))
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if not args.tclsh:
        sys.exit("tclsh not found: golden files can only be recorded where tclsh 8.6 exists")
    files = args.files or sorted(glob.glob(os.path.join(GOLDEN, "**", "*.tcl"), recursive=True))
    for path in files:
        data = record(args.tclsh, os.path.abspath(path))
        print("%-50s exit %d, %d lines" % (os.path.relpath(path, ROOT), data["exit"],
                                           data["stdout"].count("\n")))


if __name__ == "__main__":
    main()
