#!/usr/bin/env python3
"""How the proc bodies of Tcl's own test files compile (compile/body.py).

Every `proc NAME ARGS {BODY}` with a literal body found in the test files
(at top level or inside any literal script word: test bodies, setup,
namespace eval ...) is compiled, without being run, by a fresh interpreter:

  - generated: the body became one Python function, else it fell back to
    the closure tree (nothing to write out, nested too deeply, too long);
  - loops held: outermost loops whose variables live in Python locals;
    loops on the table: loops that run a command's closure on their main
    path, whose variables stay in the frame's table;
  - dynamic: bodies using a command that reaches into a frame by name
    (upvar, uplevel, global, variable, info level/frame/locals/vars, eval,
    trace, array ...), for which variables could never all be locals.

    python scripts/body_stats.py [--tests-dir DIR]
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from tclish.compile import body as body_module  # noqa: E402
from tclish.parse.script import parse_script  # noqa: E402
from tclish.runtime.errors import TclError  # noqa: E402
from tclish.runtime.interp import Interp  # noqa: E402

DYNAMIC = {"upvar", "uplevel", "global", "variable", "eval", "trace", "array", "namespace",
           "info", "tailcall", "yield", "apply"}


def proc_bodies(text, out, depth=0):
    """Append the literal bodies of the procs defined in script `text`."""
    if depth > 12 or "proc" not in text:
        return
    try:
        commands = parse_script(text)
    except TclError:
        return
    for cmd in commands:
        words = cmd.words
        if words and words[0] == "proc" and len(words) == 4 and type(words[3]) is str:
            out.append(words[3])
        for w in words[1:]:
            if type(w) is str and "proc" in w:
                proc_bodies(w, out, depth + 1)


def heads(commands, found, depth=0):
    """The command names used in a body, nested literal scripts included."""
    for cmd in commands:
        if cmd.words and type(cmd.words[0]) is str:
            found.add(cmd.words[0])
        for w in cmd.words[1:]:
            if type(w) is str and depth < 8 and ("\n" in w or ";" in w or " " in w):
                try:
                    heads(parse_script(w), found, depth + 1)
                except TclError:
                    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests-dir", help="folder of the .test files")
    args = parser.parse_args()
    from conformance import find_tests_dir
    args.tests_dir = find_tests_dir(args.tests_dir)
    bodies = []
    for name in sorted(os.listdir(args.tests_dir)):
        if name.endswith(".test"):
            with open(os.path.join(args.tests_dir, name), encoding="utf-8",
                      errors="replace") as f:
                proc_bodies(f.read(), bodies)
    interp = Interp()
    dynamic = unparsed = 0
    for text in bodies:
        try:
            commands = parse_script(text)
        except TclError:
            unparsed += 1
            continue
        found = set()
        heads(commands, found)
        if found & DYNAMIC:
            dynamic += 1
        try:
            body_module.generate_body(interp, commands)
        except TclError:
            pass
    stats = body_module.STATS
    print("proc bodies in the test files: %d (%d do not parse)" % (len(bodies), unparsed))
    print("generated as one function: %d; closure tree (fallback): %d"
          % (stats["generated"], stats["bodies"] - stats["generated"]))
    print("loops held in Python locals: %d; loops on the frame's table: %d"
          % (stats["loops held"], stats["loops on the table"]))
    print("bodies using upvar/uplevel/global/variable/info/eval/trace/array/...: %d" % dynamic)


if __name__ == "__main__":
    main()
