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
    "coroutine yield/resume": (100000, """
        coroutine ::bench_coro apply {{} { yield; while 1 { yield x } }}
        for {set i 0} {$i < $n} {incr i} { ::bench_coro }
        rename ::bench_coro {}
    """),
    "TclOO method call": (100000, """
        if {![llength [info commands ::BenchCounter]]} {
            oo::class create ::BenchCounter {
                variable count
                constructor {} { set count 0 }
                method bump {} { incr count }
            }
        }
        set o [::BenchCounter new]
        for {set i 0} {$i < $n} {incr i} { $o bump }
        $o destroy
    """),
    "clock format": (10000, """
        for {set i 0} {$i < $n} {incr i} {
            clock format [expr {1700000000 + $i * 3607}] -format {%Y-%m-%d %H:%M:%S %a} -gmt 1
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


# The broad set (issue 14): one entry per kind of Tcl a program spends its
# time in.  A separate block so that other rows merge without conflicts.
BENCHMARKS.update({
    "proc 8 args": (20000, """
        proc p8 {a b c d e f g h} { expr {$a + $h} }
        for {set i 0} {$i < $n} {incr i} { p8 1 2 3 4 5 6 7 $i }
    """),
    "proc defaults+args": (20000, """
        proc pd {a {b 2} args} { llength $args }
        for {set i 0} {$i < $n} {incr i} { pd 1; pd 1 2 3 4 $i }
    """),
    "string subcommands": (20000, """
        set s "The quick brown fox jumps over the lazy dog"
        for {set i 0} {$i < $n} {incr i} {
            set k [string length $s]; set c [string index $s [expr {$i % $k}]]
            set r [string range $s 4 8]; set f [string first fox $s]
            set u [string toupper $r]; set m [string map {o 0 e 3} $s]
            set q [string compare $r $u]; set t [string trim "  $c  "]
        }
    """),
    "lset": (50000, """
        set l [lrepeat 100 0]
        for {set i 0} {$i < $n} {incr i} { lset l [expr {$i % 100}] $i }
    """),
    "lsort 1000 ints": (100, """
        set l {}
        for {set i 0} {$i < 1000} {incr i} { lappend l [expr {($i * 7919) % 1000}] }
        for {set i 0} {$i < $n} {incr i} { set s [lsort -integer $l]; set t [lsort $l] }
    """),
    "lsearch 1000": (5000, """
        set l {}
        for {set i 0} {$i < 1000} {incr i} { lappend l item$i }
        for {set i 0} {$i < $n} {incr i} { set k [lsearch -exact $l item[expr {$i % 1000}]] }
    """),
    "foreach 3 vars": (100000, """
        set l [lrepeat $n 1 2 3]
        set sum 0
        foreach {a b c} $l { incr sum $b }
    """),
    "dict set/get/incr": (50000, """
        set d [dict create]
        for {set i 0} {$i < $n} {incr i} {
            set k k[expr {$i % 100}]
            dict set d $k $i; dict incr d count; set v [dict get $d $k]
        }
    """),
    "array set/get": (50000, """
        set sum 0
        for {set i 0} {$i < $n} {incr i} {
            set a(k[expr {$i % 100}]) $i; incr sum $a(k[expr {$i % 50}])
        }
    """),
    "regexp": (20000, """
        set s "order 12345-abcde shipped"
        for {set i 0} {$i < $n} {incr i} { regexp {(\\d+)-(\\w+)} $s -> num word }
    """),
    "regsub -all": (20000, """
        set s "The quick brown fox jumps over the lazy dog"
        for {set i 0} {$i < $n} {incr i} { regsub -all {[aeiou]} $s _ r }
    """),
    "format": (20000, """
        for {set i 0} {$i < $n} {incr i} { set s [format "%5d %-8s %.3f %x" $i abc [expr {$i / 3.0}] $i] }
    """),
    "scan": (20000, """
        for {set i 0} {$i < $n} {incr i} { scan "12 abc 3.5 ff" "%d %s %f %x" a b c d }
    """),
    "upvar": (30000, """
        proc bump_up {name} { upvar 1 $name v; incr v }
        set x 0
        for {set i 0} {$i < $n} {incr i} { bump_up x }
    """),
    "uplevel": (30000, """
        proc bump_level {} { uplevel 1 {incr x} }
        set x 0
        for {set i 0} {$i < $n} {incr i} { bump_level }
    """),
    "catch+error": (50000, """
        set errs 0
        for {set i 0} {$i < $n} {incr i} { if {[catch {error boom} msg]} { incr errs } }
    """),
    "try/on/finally": (30000, """
        set e 0; set f 0
        for {set i 0} {$i < $n} {incr i} {
            try { if {$i % 2} { error odd } } on error {m} { incr e } finally { incr f }
        }
    """),
    "namespace variable": (30000, """
        namespace eval ::benchns { variable count 0; proc bump {} { variable count; incr count } }
        for {set i 0} {$i < $n} {incr i} { ::benchns::bump }
    """),
    "switch": (50000, """
        set hits 0
        for {set i 0} {$i < $n} {incr i} {
            switch -exact -- [expr {$i % 4}] { 0 { incr hits } 1 { incr hits 2 } 2 { incr hits 3 } default { incr hits 4 } }
            switch -glob -- w$i { w1* { incr hits } w2* { incr hits 2 } default {} }
        }
    """),
    "md5-style bit ops": (50000, """
        set a 0x67452301; set b 0xefcdab89; set c 0x98badcfe; set d 0x10325476
        for {set i 0} {$i < $n} {incr i} {
            set f [expr {($b & $c) | (~$b & $d)}]
            set t [expr {($a + $f + 0xd76aa478 + $i) & 0xffffffff}]
            set t [expr {(($t << 7) | ($t >> 25)) & 0xffffffff}]
            set a $d; set d $c; set c $b; set b [expr {($b + $t) & 0xffffffff}]
        }
    """),
    "matmul 30x30 lists": (5, """
        set m {}
        for {set r 0} {$r < 30} {incr r} {
            set row {}
            for {set c 0} {$c < 30} {incr c} { lappend row [expr {($r * 30 + $c) % 7 + 0.5}] }
            lappend m $row
        }
        for {set it 0} {$it < $n} {incr it} {
            set p {}
            for {set r 0} {$r < 30} {incr r} {
                set row {}
                set mr [lindex $m $r]
                for {set c 0} {$c < 30} {incr c} {
                    set s 0.0
                    for {set k 0} {$k < 30} {incr k} {
                        set s [expr {$s + [lindex $mr $k] * [lindex $m $k $c]}]
                    }
                    lappend row $s
                }
                lappend p $row
            }
        }
    """),
    "read+split file": (20, """
        set path [file join [file dirname [info script]] lines.txt]
        if {![file exists $path]} {
            set f [open $path w]
            for {set i 0} {$i < 2000} {incr i} { puts $f "$i,name$i,[expr {$i * 1.5}],end" }
            close $f
        }
        for {set it 0} {$it < $n} {incr it} {
            set f [open $path]
            set total 0
            foreach line [split [read $f] \\n] {
                if {$line eq ""} continue
                set fields [split $line ,]
                set total [expr {$total + [lindex $fields 2]}]
            }
            close $f
        }
    """),
})


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


def measure_interleaved(cmds, path, runs):
    """measure() for several interpreters, their runs alternating (tclish, tclsh,
    tclish, ...) so that a load that drifts during the runs hits both alike."""
    samples = [{name: [] for name in BENCHMARKS} for _ in cmds]
    for _ in range(runs):
        for cmd, into in zip(cmds, samples):
            for name, value in run_once(cmd, path).items():
                into[name].append(value)
    return [{name: statistics.median(v) for name, v in s.items()} for s in samples]


def measure(cmd, path, runs):
    samples = {name: [] for name in BENCHMARKS}
    for _ in range(runs):
        for name, value in run_once(cmd, path).items():
            samples[name].append(value)
    return {name: statistics.median(v) for name, v in samples.items()}


def startup_time(runs, python=sys.executable, argv=("-m", "tclish", "-c", "puts hi"), env=None):
    """Median wall time of `tclish -c {puts hi}` (or PYTHON ARGV), with bytecode
    caches written first (as an installed package has them, whatever
    PYTHONDONTWRITEBYTECODE says in this shell)."""
    cmd = [python, *argv]
    env = dict(env or os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT, env=env)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def fresh_venv_startup(runs, tmp):
    """Start-up as the issue states it, in a fresh venv: `python -m venv` with
    nothing installed (tclish -c needs no third-party package) and the source
    tree on PYTHONPATH, so that whatever this machine's own site-packages
    import at start (a sandbox .pth here) is not counted.  Returns (tclish,
    python -c pass) in that venv."""
    venv = os.path.join(tmp, "venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = os.path.join(venv, "bin", "python")
    env = dict(os.environ, PYTHONPATH=ROOT)
    return (startup_time(runs, python, env=env),
            startup_time(runs, python, argv=("-c", "pass"), env=env))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--only", action="append", metavar="NAME",
                    help="run only this benchmark (may be repeated)")
    args = ap.parse_args()
    if args.only:
        for name in [n for n in BENCHMARKS if n not in args.only]:
            del BENCHMARKS[name]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.tcl")
        with open(path, "w") as f:
            f.write(tcl_script())
        tclsh = shutil.which("tclsh")
        if tclsh:
            ours, theirs = measure_interleaved([[sys.executable, "-m", "tclish"], [tclsh]],
                                               path, args.runs)
        else:
            ours, theirs = measure([sys.executable, "-m", "tclish"], path, args.runs), None
    print("machine: %s, %s, Python %s, %d cores; %s; median of %d runs, interleaved; "
          "load average %.2f %.2f %.2f" % ((
              platform.machine(), platform.processor() or platform.system(),
              platform.python_version(), os.cpu_count(), time.strftime("%Y-%m-%d"), args.runs)
              + os.getloadavg()))
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
        print("%-24s %14s %14s %8s" % ("benchmark", "tclish us/it", "tclsh us/it", "ratio"))
        for name, a, b, r in rows:
            print("%-24s %14.3f %14s %8s" % (name, a, "%.3f" % b if b else "-", "%.1f" % r if r else "-"))
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("geometric-mean ratio tclish/tclsh: %.1f" % geo)
    print("start-up `tclish -c {puts hi}`: %.3f s (median of %d)" % (startup_time(args.runs), args.runs))
    with tempfile.TemporaryDirectory() as tmp:
        ours, bare = fresh_venv_startup(args.runs, tmp)
    print("start-up in a fresh venv: %.3f s (`python -c pass` there: %.3f s)" % (ours, bare))


if __name__ == "__main__":
    main()
