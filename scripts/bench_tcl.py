#!/usr/bin/env python3
"""Tcl micro-benchmarks: tclish against tclsh, back to back.

The same Tcl script runs under both interpreters in fresh processes; each
benchmark is a proc timed with `clock microseconds` around one call (after a
warm-up call), reported as microseconds per inner iteration.  The script is
run RUNS times per interpreter and the median is kept.  The ratio is
tclish/tclsh; the summary is the geometric mean of the ratios.

    python scripts/bench_tcl.py [--runs N] [--markdown]
"""

import argparse
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# name -> (iterations, Tcl proc body using $n)
BENCHMARKS = {
    "for+expr+incr": (100000, """
        for {set i 0} {$i < $n} {incr i} { set x [expr {$i * 2 + 1}] }
    """),
    "fib(20) recursion": (10946, """
        proc fib {k} { if {$k < 2} { return $k }; expr {[fib [expr {$k - 1}]] + [fib [expr {$k - 2}]]} }
        fib 20
    """),
    "string append": (100000, """
        set s ""
        for {set i 0} {$i < $n} {incr i} { append s x }
    """),
    "lappend 10000": (10000, """
        set l {}
        for {set i 0} {$i < $n} {incr i} { lappend l $i }
    """),
    "lindex 10000": (10000, """
        set l {}
        for {set i 0} {$i < $n} {incr i} { lappend l $i }
        set sum 0
        for {set i 0} {$i < $n} {incr i} { incr sum [lindex $l $i] }
    """),
    "foreach list": (100000, """
        set l [lrepeat $n 3]
        set sum 0
        foreach x $l { incr sum $x }
    """),
    "if + string eq": (100000, """
        set hits 0
        for {set i 0} {$i < $n} {incr i} {
            set s [expr {$i % 3 ? "abc" : "xyz"}]
            if {$s eq "abc"} {
                if {$i % 2 == 0} { incr hits } else { incr hits 2 }
            } elseif {$s eq "xyz"} { incr hits 3 }
        }
    """),
    "catch in loop": (100000, """
        set errs 0
        for {set i 0} {$i < $n} {incr i} {
            if {[catch {expr {$i % 10 == 0 ? [error boom] : $i}} msg]} { incr errs }
        }
    """),
    # processes, pipes and sockets (issue 11): the OS does much of the work
    "exec true round trip": (200, """
        for {set i 0} {$i < $n} {incr i} { exec true }
    """),
    "10 MB pipe read": (1, """
        for {set i 0} {$i < $n} {incr i} {
            set f [open "|head -c 10000000 /dev/zero"]
            fconfigure $f -translation binary
            set data [read $f]
            close $f
        }
    """),
    "socket echo 10000 lines": (10000, """
        proc echo_accept {c a p} {
            fconfigure $c -buffering line -blocking 0
            fileevent $c readable [list echo_line $c]
        }
        proc echo_line {c} {
            while {[gets $c line] >= 0} { puts $c $line }
            if {[eof $c]} { close $c }
        }
        set s [socket -server echo_accept -myaddr 127.0.0.1 0]
        set c [socket 127.0.0.1 [lindex [fconfigure $s -sockname] 2]]
        for {set i 0} {$i < $n} {incr i} { puts $c "line number $i" }
        close $c write
        fconfigure $c -blocking 0
        set ::echoed 0
        fileevent $c readable [list apply {{c} {
            while {[gets $c line] >= 0} { incr ::echoed }
            if {[eof $c]} { close $c; set ::echo_done 1 }
        }} $c]
        vwait ::echo_done
        close $s
    """),
}


def tcl_script():
    lines = []
    for k, (name, (iters, body)) in enumerate(BENCHMARKS.items()):
        proc = "bench%d" % k
        lines.append("proc %s {n} {%s}" % (proc, body))
        lines.append("%s %d" % (proc, max(iters // 20, 1)))  # warm-up
        lines.append("set us [lindex [time {%s %d} 1] 0]" % (proc, iters))
        lines.append('puts "%s\\t[expr {$us / double(%d)}]"' % (name, iters))
    return "\n".join(lines) + "\n"


def run_once(cmd, path):
    out = subprocess.run(cmd + [path], capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(cmd), out.stderr[-2000:]))
    result = {}
    for line in out.stdout.splitlines():
        name, _, value = line.partition("\t")
        result[name] = float(value)
    return result


def measure(cmd, path, runs):
    samples = {name: [] for name in BENCHMARKS}
    for _ in range(runs):
        for name, value in run_once(cmd, path).items():
            samples[name].append(value)
    return {name: statistics.median(v) for name, v in samples.items()}


def startup_time(runs):
    """Median wall time of `tclish -c {puts hi}`, with bytecode caches written
    first (as an installed package has them, whatever PYTHONDONTWRITEBYTECODE
    says in this shell)."""
    cmd = [sys.executable, "-m", "tclish", "-c", "puts hi"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT, env=env)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.tcl")
        with open(path, "w") as f:
            f.write(tcl_script())
        ours = measure([sys.executable, "-m", "tclish"], path, args.runs)
        tclsh = shutil.which("tclsh")
        theirs = measure([tclsh], path, args.runs) if tclsh else None
    print("machine: %s, %s, Python %s, %d cores; %s; median of %d runs" % (
        platform.machine(), platform.processor() or platform.system(), platform.python_version(),
        os.cpu_count(), time.strftime("%Y-%m-%d"), args.runs))
    rows = []
    ratios = []
    for name in BENCHMARKS:
        a = ours[name]
        b = theirs[name] if theirs else None
        ratio = a / b if b else None
        if ratio:
            ratios.append(ratio)
        rows.append((name, a, b, ratio))
    if args.markdown:
        print("| benchmark | tclish µs/iter | tclsh µs/iter | ratio |")
        print("|---|---:|---:|---:|")
        for name, a, b, r in rows:
            print("| %s | %.3f | %s | %s |" % (name, a, "%.3f" % b if b else "-", "%.1f" % r if r else "-"))
    else:
        print("%-22s %14s %14s %8s" % ("benchmark", "tclish us/it", "tclsh us/it", "ratio"))
        for name, a, b, r in rows:
            print("%-22s %14.3f %14s %8s" % (name, a, "%.3f" % b if b else "-", "%.1f" % r if r else "-"))
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("geometric-mean ratio tclish/tclsh: %.1f" % geo)
    print("start-up `tclish -c {puts hi}`: %.3f s (median of %d)" % (startup_time(args.runs), args.runs))


if __name__ == "__main__":
    main()
