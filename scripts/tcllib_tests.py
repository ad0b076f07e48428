#!/usr/bin/env python3
"""Run tcllib's own test files under tclsh and under tclish, back to back.

tcllib is not part of this repository: point --tcllib at a checkout (a tree
exported from github.com/tcltk/tcllib; its modules/<m>/*.test files source
modules/devtools/testutilities.tcl and use tcltest).  Each file runs the way
tcllib's support/devel/all.tcl runs it -- the module's folder first on
`auto_path`, tcltest loaded and imported, then `source FILE` -- in a scratch
working directory of its own, once with tclsh and once with
`python -m tclish`.  tcltest's summary line
`FILE:<TAB>Total<TAB>N<TAB>Passed<TAB>P<TAB>Skipped<TAB>S<TAB>Failed<TAB>F` gives
the counts (the driver calls cleanupTests once more after the file, as
all.tcl does, for the files that never call it); a file that stops before
its summary (a crash, or the --timeout) counts as 0 passed.

    scripts/tcllib_tests.py --tcllib /tmp/tcllib                 the default modules
    scripts/tcllib_tests.py --tcllib /tmp/tcllib json struct     some modules only
    scripts/tcllib_tests.py --tcllib /tmp/tcllib struct/list.test    one file
    scripts/tcllib_tests.py --tcllib /tmp/tcllib --markdown      the README table
    scripts/tcllib_tests.py ... --failures json                  print tclish's failing tests

This is a maintenance script: the test suite never needs tcllib.
"""

import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUMMARY = re.compile(r"^(\S+):\tTotal\t(\d+)\tPassed\t(\d+)\tSkipped\t(\d+)\tFailed\t(\d+)\s*$",
                     re.MULTILINE)
FAILED = re.compile(r"^==== (\S+) FAILED\s*$", re.MULTILINE)   # the closing line of a report

DEFAULT_MODULES = ["cmdline", "json", "csv", "struct", "fileutil", "snit", "textutil",
                   "base64", "md5", "sha1", "uri", "ncgi", "math"]
# struct's files that the brief names; the module holds more (matrix, pool, ...)
STRUCT_FILES = ["list", "sets", "stack", "queue", "tree", "graph"]

# What tcllib's all.tcl does for each file, minus the child interpreter: the
# module's folder first on auto_path, tcltest imported, the file sourced by its
# absolute path (testutilities.tcl finds itself through [info script]).
DRIVER = r"""
set tcllib_module_dir [lindex $argv 0]
set tcllib_test_file  [lindex $argv 1]
set argv {}
set argc 0
set auto_path [linsert $auto_path 0 $tcllib_module_dir [file dirname $tcllib_module_dir]]
package require tcltest
namespace import ::tcltest::*
::tcltest::configure -tmpdir [pwd]
set ::tcltest::testsDirectory $tcllib_module_dir
source $tcllib_test_file
# all.tcl, not the file, prints the counts of files that never call
# cleanupTests; for one that did, this second summary counts 0 more tests
::tcltest::cleanupTests
"""


DRIVER_NAME = "__driver.tcl"


class FileResult:
    """One test file's counts under one interpreter, or why there are none."""

    def __init__(self, status, counts=(0, 0, 0, 0), seconds=0.0, failed_names=(), note=""):
        self.status = status            # "ok", "crash" or "timeout"
        self.total, self.passed, self.skipped, self.failed = counts
        self.seconds = seconds
        self.failed_names = list(failed_names)
        self.note = note
        self.output = ""


def _last_error_line(text):
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[0][:100] if lines else ""


def run_one(command, test_path, timeout):
    """Run TEST_PATH with COMMAND (a list: the interpreter) in a scratch folder."""
    name = os.path.basename(test_path)
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tcllib-test-") as scratch:
        driver = os.path.join(scratch, DRIVER_NAME)
        with open(driver, "w", encoding="utf-8") as f:
            f.write(DRIVER)
        env = dict(os.environ)
        env["PYTHONPATH"] = REPO + os.pathsep + env.get("PYTHONPATH", "")
        env.pop("TCLLIBPATH", None)
        timed_out = False
        try:
            proc = subprocess.run(command + [driver, os.path.dirname(test_path), test_path],
                                  cwd=scratch, env=env, stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=timeout)
            out, err = proc.stdout, proc.stderr
        except subprocess.TimeoutExpired as e:
            out, err, timed_out = e.stdout or b"", e.stderr or b"", True
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    seconds = time.monotonic() - start
    # (the driver's own cleanupTests reports under the driver's name)
    found = [m for m in SUMMARY.finditer(out) if m.group(1) in (name, DRIVER_NAME)]
    failed_names = FAILED.findall(out)
    if found and not timed_out:
        counts = tuple(sum(int(m.group(i)) for m in found) for i in range(2, 6))
        res = FileResult("ok", counts, seconds, failed_names)
    elif timed_out:
        res = FileResult("timeout", seconds=seconds, failed_names=failed_names,
                         note="no summary within %.0f s" % timeout)
    else:
        res = FileResult("crash", seconds=seconds, failed_names=failed_names,
                         note=_last_error_line(err) or _last_error_line(out[-2000:]))
    res.output = out + err
    return res


def select_files(tcllib, wanted):
    """Test files (absolute paths) for module names or module/file.test paths."""
    modules_dir = os.path.join(tcllib, "modules")
    files = []
    for item in wanted:
        if item.endswith(".test"):
            files.append(os.path.join(modules_dir, item))
        elif item == "struct":
            files += [os.path.join(modules_dir, "struct", f + ".test") for f in STRUCT_FILES]
        else:
            found = sorted(glob.glob(os.path.join(modules_dir, item, "*.test")))
            if not found:
                sys.exit("tcllib_tests: no test files in modules/%s" % item)
            files += found
    return files


def run_pair(path, args):
    tclsh = run_one([args.tclsh], path, args.timeout)
    tclish = run_one([args.python, "-m", "tclish"], path, args.timeout)
    return path, tclsh, tclish


def render_text(rows, tcllib):
    lines = ["%-28s %22s   %22s" % ("file", "tclsh pass/fail/total", "tclish pass/fail/total")]
    for path, a, b in rows:
        def cell(r):
            text = "%d/%d/%d" % (r.passed, r.failed, r.total)
            return text if r.status == "ok" else "%s %s" % (r.status.upper(), text)
        rel = os.path.relpath(path, os.path.join(tcllib, "modules"))
        note = "" if b.status == "ok" else "  " + b.note
        lines.append("%-28s %22s   %22s  %5.1fs%s" % (rel, cell(a), cell(b), b.seconds, note))
    ta = sum(a.passed for _p, a, _b in rows)
    tb = sum(b.passed for _p, _a, b in rows)
    lines.append("passed: tclsh %d, tclish %d (%.1f%%)" % (ta, tb, 100.0 * tb / ta if ta else 0))
    return "\n".join(lines)


def render_markdown(rows, tcllib):
    """Per module: tests tclsh passes, tests tclish passes."""
    modules = {}
    for path, a, b in rows:
        mod = os.path.basename(os.path.dirname(path))
        m = modules.setdefault(mod, [0, 0, 0, 0, 0])
        m[0] += 1
        m[1] += a.total
        m[2] += a.passed
        m[3] += b.passed
        m[4] += b.status != "ok"
    lines = ["| Module | Files | tclsh total | tclsh passed | tclish passed | % |",
             "|---|---:|---:|---:|---:|---:|"]
    sums = [0, 0, 0, 0]
    for mod in sorted(modules):
        files, total, pa, pb, stopped = modules[mod]
        pct = "%.0f%%" % (100.0 * pb / pa) if pa else "-"
        name = mod + (" (%d stopped early)" % stopped if stopped else "")
        lines.append("| %s | %d | %d | %d | %d | %s |" % (name, files, total, pa, pb, pct))
        for i, v in enumerate((files, total, pa, pb)):
            sums[i] += v
    lines.append("| **Total** | %d | %d | %d | %d | %.1f%% |" % (
        *sums, 100.0 * sums[3] / sums[2] if sums[2] else 0))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modules", nargs="*",
                    help="modules or module/file.test paths (default: %s)"
                    % " ".join(DEFAULT_MODULES))
    ap.add_argument("--tcllib", default=os.environ.get("TCLLIB_SRC", "/tmp/tcllib"),
                    help="a tcllib source tree (holding modules/)")
    ap.add_argument("--tclsh", default=shutil.which("tclsh") or "tclsh")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per file and shell")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="files run at once")
    ap.add_argument("--markdown", action="store_true", help="print the per-module table")
    ap.add_argument("--failures", action="store_true",
                    help="print tclish's output for tests that pass under tclsh but not tclish")
    args = ap.parse_args(argv)
    if not os.path.isdir(os.path.join(args.tcllib, "modules", "devtools")):
        sys.exit("tcllib_tests: %s is not a tcllib tree (no modules/devtools)" % args.tcllib)

    files = select_files(args.tcllib, args.modules or DEFAULT_MODULES)
    rows = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for path, a, b in pool.map(lambda p: run_pair(p, args), files):
            rows[path] = (a, b)
            print("%-28s tclsh %4d/%-4d tclish %4d/%-4d %s %5.1fs" % (
                os.path.relpath(path, os.path.join(args.tcllib, "modules")), a.passed,
                a.total, b.passed, b.total, b.status, b.seconds), file=sys.stderr, flush=True)
            if args.failures and (b.passed < a.passed or b.status != "ok"):
                only = [n for n in b.failed_names if n not in set(a.failed_names)]
                print("---- %s: tclish fails %s" % (os.path.basename(path), " ".join(only)))
                print(b.output[-20000:] if b.status != "ok" else _failure_blocks(b.output, only))
    ordered = [(p, *rows[p]) for p in files]
    print(render_markdown(ordered, args.tcllib) if args.markdown
          else render_text(ordered, args.tcllib))
    return 0


def _failure_blocks(output, names):
    """tcltest's report for each named failing test."""
    blocks = []
    for name in names:
        m = re.search(r"^==== %s .*?^==== %s FAILED\s*$" % (re.escape(name), re.escape(name)),
                      output, re.MULTILINE | re.DOTALL)
        if m:
            blocks.append(m.group(0))
    return "\n".join(blocks)


if __name__ == "__main__":
    sys.exit(main())
