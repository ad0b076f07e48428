#!/usr/bin/env python3
"""Run TCLIBTORCH's own test files (tests/refactored/*_test.tcl) under tclish.

TCLIBTORCH's repository is not part of tclish: point --repo at a checkout or
a bare git mirror of github.com/vicmay/TCLIBTORCH (default: $TCLIBTORCH_REPO,
then /work/.mirror/vicmay+TCLIBTORCH/repo).  Its test files are copied into a
scratch folder and each is run there as `python -m tclish WRAPPER FILE`, WRAPPER
sourcing FILE after wrapping tcltest's `test` (see below; their `load
../../build/libtorchtcl.so` is accepted by tclish's `load`).  Each file
is mapped to its command by name (`tensor_add_test.tcl` -> tensor_add), and
the command to its family by ../shared/tclibtorch/commands.tsv.

    scripts/tclibtorch_suite.py                       every family
    scripts/tclibtorch_suite.py --issue 8             the families of one issue
    scripts/tclibtorch_suite.py --family activation_functions --failures
    scripts/tclibtorch_suite.py tensor_add relu       some commands only
    scripts/tclibtorch_suite.py --json out.json       also write the results

Prints passed/total per family and in all, and the same for the tests that don't
need CUDA.  Exit status 0 unless the runner itself fails (the figures are the
result, not a pass/fail verdict).

Which tests need CUDA is decided by what they do, not by what they say: each file
runs under a small wrapper around tcltest's `test` while tclish notes every
request for CUDA ($TCLISH_CUDA_TRACE, tclish/torchbridge/cuda_requests.py): a
`cuda`/`cuda:N` device given to any command, layer_cuda, cuda_device_info/
cuda_memory_info, empty_cache/synchronize of CUDA.  A test during which such a
request was made needs CUDA (on a machine without it, the request fails or answers
cuda_not_available).  Asking whether CUDA is there (cuda_is_available,
cuda_device_count) is no request, and autocast for the cuda device type is a
setting every machine has.

A few files are plain scripts, not tcltest files ("Test N: ..." lines, `exit 1` at
the first failure, a final "All tests passed"): each "Test N:" they announce is
counted as a test, those announced before the one that failed as passed, the rest
as failed (CUDA is not told apart in them).
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the shared folder beside the checkout (CI, the main checkout), else the session's
COMMANDS_TSV = next((p for p in (
    os.environ.get("TCLIBTORCH_COMMANDS", ""),
    os.path.normpath(os.path.join(REPO, "..", "shared", "tclibtorch", "commands.tsv")),
    "/work/shared/tclibtorch/commands.tsv") if p and os.path.exists(p)),
    os.path.normpath(os.path.join(REPO, "..", "shared", "tclibtorch", "commands.tsv")))
DEFAULT_MIRRORS = ("/work/.mirror/vicmay+TCLIBTORCH/repo",)
TESTS_SUBDIR = "tests/refactored"
SUMMARY = re.compile(r"^\S+:\s+Total\s+(\d+)\s+Passed\s+(\d+)\s+Skipped\s+(\d+)\s+Failed\s+(\d+)",
                     re.MULTILINE)
FAILED = re.compile(r"^==== (\S+) .*FAILED\s*$", re.MULTILINE)
NEEDS_CUDA = re.compile(r"^@@needs-cuda (\S+)\s*$", re.MULTILINE)
# the plain-script test files: "Test 3: ..." announcements, then "All tests passed"
SCRIPT_TEST = re.compile(r'^\s*puts\s+"Test (\d+):', re.MULTILINE)
SCRIPT_RAN = re.compile(r"^Test (\d+):", re.MULTILINE)
SCRIPT_PASSED = "All tests passed"

# Runs a test file with tcltest's `test` wrapped: a test during which tclish noted a
# request for CUDA (the trace file grew) is reported as "@@needs-cuda NAME".
WRAPPER = """\
package require tcltest
rename ::tcltest::test ::tcltest::_suite_test
proc ::tcltest::test {name args} {
    set trace $::env(TCLISH_CUDA_TRACE)
    set before [expr {[file exists $trace] ? [file size $trace] : 0}]
    try {
        uplevel 1 [list ::tcltest::_suite_test $name {*}$args]
    } finally {
        if {[file exists $trace] && [file size $trace] > $before} {
            puts "@@needs-cuda $name"
        }
    }
}
set argv0 [lindex $argv 0]
set argv [lrange $argv 1 end]
source $argv0
"""

# the families each issue brings in (commands.tsv's first column)
ISSUE_FAMILIES = {
    "8": ("mathematical_operations", "basic_tensor_ops", "advanced_tensor_operations",
          "activation_functions", "tensor_manipulation_extensions", "linear_algebra_extensions",
          "tensor_creation_ops", "advanced_signal_processing", "extended_pooling_layers",
          "advanced_tensor_ops", "padding_layers", "random_number_generation",
          "signal_processing", "extended_convolution_layers", "linear_algebra",
          "tensor_core_functions", "tensor_info_ops", "tensor_conversions"),
    "9": ("basic_layers", "advanced_layers", "embedding_layers", "recurrent_layers",
          "transformer_components", "loss_functions", "extended_loss_functions",
          "basic_optimizers", "additional_optimizers", "extended_optimizers",
          "learning_rate_schedulers", "training_workflow", "automatic_differentiation",
          "model_checkpointing", "model_io"),
    "12": ("distributed_operations", "distributed_training", "sparse_tensor_operations",
           "quantization_operations", "vision_operations", "amp_precision",
           "neural_device_management", "memory_performance", "cuda_utils"),
}
# commands the issues move out of their commands.tsv family
MOVED = {"count_parameters": "9", "model_summary": "9", "all_reduce": "12", "broadcast": "12"}


def read_commands(path):
    """name (snake_case and every alias) -> (family, snake_case name)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            family, name = parts[0], parts[1]
            aliases = parts[2].split() if len(parts) > 2 else []
            for n in [name] + aliases:
                out.setdefault(n, (family, name))
    return out


def find_repo(explicit):
    for candidate in (explicit, os.environ.get("TCLIBTORCH_REPO")) + DEFAULT_MIRRORS:
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def extract_tests(repo, dest):
    """Copy tests/refactored from a checkout or a bare mirror into dest/tests/refactored."""
    target = os.path.join(dest, TESTS_SUBDIR)
    src = os.path.join(repo, TESTS_SUBDIR)
    if os.path.isdir(src):
        shutil.copytree(src, target)
        return target
    os.makedirs(dest, exist_ok=True)
    archive = subprocess.run(["git", "-C", repo, "archive", "HEAD", TESTS_SUBDIR],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=archive, check=True)
    return target


def command_of(test_file, commands):
    stem = test_file[:-len("_test.tcl")] if test_file.endswith("_test.tcl") else test_file
    for candidate in (stem, "tensor_" + stem, stem.replace("tensor_", "", 1)):
        if candidate in commands:
            return commands[candidate]
    return ("(unmapped)", stem)


def issue_of(family, command):
    if command in MOVED:
        return MOVED[command]
    for issue, families in ISSUE_FAMILIES.items():
        if family in families:
            return issue
    return "-"


def script_counts(source, text, returncode):
    """(total, passed) of a plain-script test file, or None if it isn't one."""
    announced = set(SCRIPT_TEST.findall(source))
    if not announced:
        return None
    if returncode == 0 and SCRIPT_PASSED in text:
        return len(announced), len(announced)
    ran = [n for n in SCRIPT_RAN.findall(text) if n in announced]
    return len(announced), max(0, len(set(ran)) - 1)


def run_one(folder, test_file, timeout, python):
    env = dict(os.environ, PYTHONPATH=REPO + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # its distributed tests join worlds of 2+ in one process: real rendezvous waits for
    # peers that never come; a short wait lets the rest of such a file run
    env.setdefault("TCLISH_DIST_TIMEOUT", "3")
    # outside the tests' folder: tcltest warns about files left behind there
    trace = os.path.join(os.path.dirname(os.path.dirname(folder)), test_file + ".cuda")
    env["TCLISH_CUDA_TRACE"] = trace
    wrapper = os.path.join(os.path.dirname(os.path.dirname(folder)), "suite_wrapper.tcl")
    start = time.monotonic()
    returncode = None
    try:
        out = subprocess.run([python, "-m", "tclish", wrapper, test_file], cwd=folder,
                             capture_output=True, text=True, errors="replace", timeout=timeout,
                             stdin=subprocess.DEVNULL, env=env)
        text, status, returncode = out.stdout + out.stderr, "ok", out.returncode
    except subprocess.TimeoutExpired as e:
        text = (e.stdout or b"").decode("utf-8", "replace") if isinstance(e.stdout, bytes) else (
            e.stdout or "")
        status = "timeout"
    seconds = time.monotonic() - start
    m = SUMMARY.search(text)
    failures = list(dict.fromkeys(FAILED.findall(text)))
    with open(os.path.join(folder, test_file), encoding="utf-8", errors="replace") as f:
        script = None if m else script_counts(f.read(), text, returncode)
    if m:
        total, passed, skipped, failed = (int(g) for g in m.groups())
    elif script:
        total, passed = script
        skipped, failed = 0, total - passed
        status = "script"
        if failed:
            failures = ["Test %d" % (passed + 1)]
    else:
        total = passed = skipped = failed = 0
        status = status if status != "ok" else "crash"
    cuda = list(dict.fromkeys(NEEDS_CUDA.findall(text)))
    cuda_failed = [n for n in cuda if n in failures]
    return {"file": test_file, "status": status, "total": total, "passed": passed,
            "skipped": skipped, "failed": failed, "seconds": round(seconds, 2),
            "failures": failures, "cuda": cuda, "cuda_failed": cuda_failed,
            "tail": "" if m or script else text.strip().splitlines()[-3:] if text.strip() else []}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("commands", nargs="*", help="run only these commands' test files")
    ap.add_argument("--repo", help="TCLIBTORCH checkout or bare mirror")
    ap.add_argument("--issue", action="append", choices=sorted(ISSUE_FAMILIES),
                    help="only the families of this issue (repeatable)")
    ap.add_argument("--family", action="append", help="only this family (repeatable)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per file")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--failures", action="store_true", help="list every failing test")
    ap.add_argument("--json", help="write the per-file results to this file")
    args = ap.parse_args()

    repo = find_repo(args.repo)
    if repo is None:
        print("tclibtorch_suite: no TCLIBTORCH repository (use --repo or $TCLIBTORCH_REPO); "
              "nothing run")
        return 0
    commands = read_commands(COMMANDS_TSV)
    scratch = tempfile.mkdtemp(prefix="tclibtorch-suite-")
    try:
        folder = extract_tests(repo, scratch)
        with open(os.path.join(scratch, "suite_wrapper.tcl"), "w", encoding="utf-8") as f:
            f.write(WRAPPER)
        files = sorted(f for f in os.listdir(folder) if f.endswith("_test.tcl"))
        plan = []
        for f in files:
            family, command = command_of(f, commands)
            issue = issue_of(family, command)
            if args.commands and command not in args.commands and f[:-9] not in args.commands:
                continue
            if args.issue and issue not in args.issue:
                continue
            if args.family and family not in args.family:
                continue
            plan.append((f, family, command, issue))
        results = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {pool.submit(run_one, folder, f, args.timeout, args.python): (f, fam, cmd, iss)
                       for f, fam, cmd, iss in plan}
            for fut in concurrent.futures.as_completed(futures):
                f, family, command, issue = futures[fut]
                r = fut.result()
                r.update(family=family, command=command, issue=issue)
                results.append(r)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    results.sort(key=lambda r: (r["issue"], r["family"], r["file"]))
    by_family = collections.OrderedDict()
    for r in results:
        by_family.setdefault((r["issue"], r["family"]), []).append(r)
    row = "%-5s %-32s %6s %7s %7s %7s %7s   %5s %8s %8s %7s%s"
    print(row % ("issue", "family", "files", "total", "passed", "failed", "%",
                 "cuda", "no-cuda", "passed", "%", ""))
    grand = [0] * 5

    def show(issue, family, files, total, passed, failed, cuda, cuda_passed, note=""):
        plain, plain_passed = total - cuda, passed - cuda_passed
        print(row % (issue, family, files, total, passed, failed,
                     "%.1f%%" % (100.0 * passed / total if total else 0.0),
                     cuda, plain, plain_passed,
                     "%.1f%%" % (100.0 * plain_passed / plain if plain else 0.0), note))

    for (issue, family), rs in by_family.items():
        total = sum(r["total"] for r in rs)
        passed = sum(r["passed"] for r in rs)
        failed = sum(r["failed"] for r in rs)
        cuda = sum(len(r["cuda"]) for r in rs)
        cuda_passed = cuda - sum(len(r["cuda_failed"]) for r in rs)
        broken = sum(1 for r in rs if r["status"] not in ("ok", "script"))
        for i, n in enumerate((total, passed, failed, cuda, cuda_passed)):
            grand[i] += n
        show(issue, family, len(rs), total, passed, failed, cuda, cuda_passed,
             "  (%d file(s) without summary)" % broken if broken else "")
    show("all", "", len(results), *grand)
    if args.failures:
        for r in results:
            if r["status"] not in ("ok", "script"):
                print("%s: %s (no summary) %s" % (r["file"], r["status"], " | ".join(r["tail"])))
            for name in r["failures"]:
                print("%s: FAILED %s%s" % (r["file"], name,
                                          " (needs CUDA)" if name in r["cuda_failed"] else ""))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
