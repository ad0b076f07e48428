#!/usr/bin/env python3
"""Time and peak memory of the pathological inputs of FINDINGS.md, tclish
against tclsh, each in a fresh process under a 4 GB address-space cap.

    python scripts/bench_limits.py [--markdown] [--timeout 120]

Each row: wall time and peak RSS (ru_maxrss of the child) for tclish and
tclsh, and what each answered (first line of output or error).  "-" marks
an input tclsh has no command for (torch)."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAP = 4 << 30


def cases(tmp):
    def script_file(name, text):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path
    big = script_file("big.tcl", "set x 1\n" * 1250000 + "puts done\n")
    cont = script_file("cont.tcl", "set x {" + "a \\\n" * 40000 + "}\nputs [string length $x]\n")
    comment = script_file("comment.tcl", "# " + "c" * 5000000 + "\nputs done\n")
    nested = script_file("nested.tcl", "catch {set x " + "[" * 10000 + "list a" + "]" * 10000
                         + "} m; puts $m\n")
    escapes = script_file("escapes.tcl", 'set x "' + "\\a" * 1000000 + '"\nputs [string length $x]\n')
    return [
        ("start-up only (`puts hi`), for reference", "puts hi", True),
        ("regexp {(a+)+b} on 40 a", "puts [regexp {(a+)+b} [string repeat a 40]]", True),
        ("regexp of 3000 alternatives", "puts [regexp -- [string repeat {a|} 3000]b b]", True),
        ("regexp {(a{1,255}){1,255}b}",
         "puts [catch {regexp {(a{1,255}){1,255}b} [string repeat a 40]} m]", True),
        ("expr {1<<99999999999}", "puts [catch {expr {1<<99999999999}} m]$m", True),
        ("binary format a10000000000 x",
         "puts [catch {string length [binary format a10000000000 x]} m]$m", True),
        ("list memo: 200 lists of 500 KB",
         "set e [string repeat x 100000]; for {set i 0} {$i < 200} {incr i} "
         "{set s \"$e $e $e $e $e $i\"; llength $s}; puts ok", True),
        ("10 MB script of `set x 1`", big, True),
        ("40000 backslash-newlines in braces", cont, True),
        ("5 MB comment", comment, True),
        ("1 M `\\a` escapes in one word", escapes, True),
        ("`[[[...` 10000 deep", nested, True),
        ("roi_align box of 1e8",
         "set in [torch::rand {1 2 8 8}]; puts [catch {torch::roi_align $in "
         "[torch::tensor_create {{0 0 0 1e8 1e8}}] {2 2}} m]", False),
        ("tensor_create 10000 deep",
         "puts [catch {torch::tensor_create [string repeat \"\\{\" 10000]1"
         "[string repeat \"\\}\" 10000]} m]", False),
    ]


def one(argv, timeout):
    """Run in a helper process so ru_maxrss is this child's alone."""
    code = ("import os,resource,subprocess,sys,time;"
            "resource.setrlimit(resource.RLIMIT_AS,(%d,%d));t=time.time();"
            "p=subprocess.run(sys.argv[1:],capture_output=True,stdin=subprocess.DEVNULL,"
            "timeout=%d);"
            "out=(p.stdout+p.stderr).decode('utf-8','replace').strip().splitlines();"
            "print('%%.2f %%d %%s'%%(time.time()-t,resource.getrusage(resource.RUSAGE_CHILDREN)"
            ".ru_maxrss,(out or [''])[0][:40]))") % (CAP, CAP, timeout)
    try:
        r = subprocess.run([sys.executable, "-c", code] + argv, capture_output=True, text=True,
                           timeout=timeout + 30, env=dict(os.environ, PYTHONPATH=ROOT))
    except subprocess.TimeoutExpired:
        return None, None, "no answer in %d s" % timeout
    if r.returncode != 0:
        return None, None, "no answer in %d s" % timeout if "Timeout" in r.stderr else \
            (r.stderr.strip().splitlines() or ["?"])[-1][:40]
    t, rss, *answer = r.stdout.split(" ", 2)
    return float(t), int(rss), " ".join(answer).strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--timeout", type=int, default=120)
    args = ap.parse_args()
    tclsh = shutil.which("tclsh")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, script, tcl in cases(tmp):
            as_file = os.path.exists(script)
            tail = [script] if as_file else ["-c", script]
            mine = one([sys.executable, "-m", "tclish"] + tail, args.timeout)
            if tcl and tclsh:
                if as_file:
                    theirs = one([tclsh, script], args.timeout)
                else:
                    path = os.path.join(tmp, "case.tcl")
                    with open(path, "w") as f:
                        f.write(script + "\n")
                    theirs = one([tclsh, path], args.timeout)
            else:
                theirs = None
            rows.append((name, mine, theirs))
            if not args.markdown:
                print(name, mine, theirs, flush=True)

    def cell(r):
        if r is None:
            return "-", "-"
        t, rss, _ = r
        return ("%.2f" % t if t is not None else "> %d" % args.timeout,
                "%d" % (rss // 1024) if rss is not None else "-")
    print("| input | tclish s | tclish MB | tclsh s | tclsh MB | tclish answers |")
    print("|---|---:|---:|---:|---:|---|")
    for name, mine, theirs in rows:
        a, b = cell(mine)
        c, d = cell(theirs)
        print("| %s | %s | %s | %s | %s | %s |" % (name.replace("|", "\\|"), a, b, c, d,
                                                    mine[2].replace("|", "\\|")))


if __name__ == "__main__":
    main()
