"""A seeded generator of random and mutated Tcl scripts, and the checks a
fuzz run makes on each: only Tcl errors, no hang, the interpreter usable.

Shared by tests/fuzz/test_fuzz.py (a small run in the fast test suite) and
scripts/fuzz_long.py (a long run).  A script runs in a fresh Interp with a
command-count and a time limit (so generated infinite loops end) under a
recursion cap, in-process; the run itself sets RLIMIT_AS when asked to."""

import random

from tclish import Interp, TclError

# valid snippets to mutate: the syntax corners and the commands hostile
# input reached in FINDINGS.md
SEEDS = [
    "set x 1; incr x; puts -nonewline {}",
    "proc f {a {b 2} args} {return [list $a $b $args]}; f 1",
    "foreach {a b} {1 2 3 4} {lappend r [expr {$a * $b}]}",
    "set d [dict create a 1 b 2]; dict for {k v} $d {append s $k$v}",
    "catch {error boom} m opts; dict get $opts -code",
    "try {expr {1/0}} on error {m} {set m}",
    "regexp -inline {(a+)+b} aaab",
    "regsub -all {[0-9]+} a1b22c333 <&>",
    "string map {a b c d} [string repeat ac 10]",
    "lsort -integer -decreasing {3 1 2}",
    "binary scan [binary format i3 {1 2 3}] i* v; set v",
    "format %5.2f 3.14159",
    "scan {12 abc} {%d %s} n s",
    "namespace eval ns {variable v 1; proc p {} {variable v; incr v}}; ns::p",
    "array set a {x 1 y 2}; array names a",
    "set s [string repeat x 50]; string range $s 10 end-10",
    "expr {wide(1) << 62}",
    "expr {10**40 * 1.5 + sin(0.5) - abs(-3)}",
    "lindex {a {b c} d} 1 0",
    "lrange [lrepeat 5 x] 1 end-1",
    "set l {}; for {set i 0} {$i < 5} {incr i} {lappend l $i}; join $l ,",
    "switch -glob abc {a* {set r 1} default {set r 0}}",
    "interp create c; c eval {set y 2}; interp delete c",
    "apply {{x} {expr {$x * 2}}} 21",
    "subst {$tcl_version [expr 1+1] \\n}",
    "if {[info exists nosuch]} {set a} else {set b 1}",
    "while {[incr n] < 10} {continue}",
    "upvar 0 x y; set y 3",
    "uplevel #0 {set g 1}",
    "string is integer -strict 0x1F",
    "split a,b,,c ,",
    "list \\{ \\} \\[ \\$ {*}{a b}",
    "# comment\nset a ${b",
    "set a(1) [list [list [list x]]]",
]

TOKENS = ["{", "}", "[", "]", '"', "$", "\\", ";", "\n", " ", "#", "{*}", "(", ")", "::",
          "set", "expr", "proc", "if", "while", "for", "foreach", "catch", "try", "return",
          "break", "continue", "string", "list", "lindex", "regexp", "format", "binary",
          "dict", "uplevel", "upvar", "rename", "info", "eval", "subst", "x", "y", "1",
          "-1", "0x10", "1e308", "10**400", "NaN", "Inf", "end", "a", "\u00a0", "\u00e9",
          "\x00", "\ud800", "99999999999999999999", "%s", "*", "+", "<<", "**"]


def mutate(rng, text):
    """One random edit of a script: delete, duplicate, insert a token, swap."""
    if not text:
        return rng.choice(TOKENS)
    i = rng.randrange(len(text))
    j = min(len(text), i + rng.randint(1, 8))
    kind = rng.randrange(4)
    if kind == 0:
        return text[:i] + text[j:]
    if kind == 1:
        return text[:i] + text[i:j] * rng.randint(2, 4) + text[i:]
    if kind == 2:
        return text[:i] + rng.choice(TOKENS) + text[i:]
    k = rng.randrange(len(text))
    a, b = sorted((i, k))
    return text[:a] + text[b:b + 3] + text[a + 3:b] + text[a:a + 3] + text[b + 3:]


def generate(rng):
    """A random script: token soup, or a valid snippet mutated a few times."""
    if rng.random() < 0.3:
        return "".join(rng.choice(TOKENS) + rng.choice(["", " "]) for _ in range(rng.randint(1, 40)))
    text = "\n".join(rng.choice(SEEDS) for _ in range(rng.randint(1, 3)))
    for _ in range(rng.randint(0, 4)):
        text = mutate(rng, text)
    return text


def new_interp(limited=True):
    """A fresh interpreter whose output goes nowhere."""
    import io
    ip = Interp(commands=20000, seconds=2.0, recursion=200) if limited else Interp()
    ip.runtime.stdout = ip.runtime.stderr = io.StringIO()
    return ip


class _Alarm(BaseException):
    pass


def check(script, interp=None):
    """Run one script, in a limited interpreter (limits stop generated
    infinite loops) and then, under an alarm, in an unlimited one (where the
    compiler's inlined forms run); returns None when all went as it should,
    else a description of what broke (a Python exception, an unusable
    interp)."""
    problem = _check(script, interp)
    if problem is None and interp is None:
        problem = _unlimited(script)
    return problem


def _unlimited(script):
    import signal
    import threading
    if threading.current_thread() is not threading.main_thread() or \
            not hasattr(signal, "setitimer"):
        return None

    def ring(signum, frame):
        raise _Alarm()
    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    try:
        return _check(script, new_interp(limited=False))
    except _Alarm:
        return None  # an infinite loop, as written: not a finding
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _check(script, interp=None):
    ip = interp or new_interp()
    try:
        ip.eval(script)
    except TclError:
        pass
    except SystemExit:
        return None  # `exit` in the script: a legitimate way out
    except Exception as e:  # anything but a Tcl error is a finding
        return "%s: %s" % (type(e).__name__, e)
    try:
        if ip.eval("set __probe [expr {6 * 7}]; proc __p {} {return ok}; __p") != "ok":
            return "interpreter unusable after the script"
    except TclError as e:
        return "interpreter unusable after the script: %s" % e.message
    return None


def run(seed, count):
    """Findings of `count` scripts from `seed`: [(script, what broke)]."""
    rng = random.Random(seed)
    findings = []
    for _ in range(count):
        script = generate(rng)
        if "exit" in script:
            script = script.replace("exit", "exi_t")
        problem = check(script)
        if problem is not None:
            findings.append((script, problem))
    return findings
