"""The tclsh-like runner: `tclish ?-c script? ?FILE? ?arg ...?`.

Like tclsh: argv0/argv/argc and ::env are set, an uncaught error prints
::errorInfo on stderr and exits 1, `exit N` exits N, a script comes from
stdin when no file is named and stdin is not a terminal, and an interactive
terminal gets the REPL."""

import os
import sys

from ..commands.evaluation import source_text
from ..commands.io import ExitRequest
from ..runtime.errors import TclError, TclSignal
from ..runtime.interp import Interp
from ..runtime.stack import call_with_stack_room
from ..runtime.values import TclList, to_str

USAGE = "usage: tclish ?-encoding name? ?-c script? ?fileName? ?arg ...?"

HELP = """\
usage: tclish ?-encoding name? ?-c script? ?fileName? ?arg ...?

A Tcl 8.6 interpreter whose torch:: commands drive PyTorch.

  tclish FILE.tcl ?arg ...?   run a script (argv0, argv, argc as in tclsh)
  tclish -c SCRIPT ?arg ...?  run SCRIPT given on the command line
  tclish < FILE               run commands from standard input, one at a time
  tclish                      the interactive REPL (on a terminal)
  -encoding NAME              the encoding of FILE (default utf-8)
  -h, --help                  this text
  --version                   tclish's version, Tcl's patchlevel, torch's version

An uncaught error prints $errorInfo on stderr and exits 1; `exit N` exits N.
Inside tclish, `help` lists the command families and `help torch::NAME`
describes a torch command.
"""


def version_text():
    """`tclish X (Tcl 8.6.13, torch Y)`, without importing torch."""
    from importlib import metadata
    try:
        ours = metadata.version("tclish")
    except metadata.PackageNotFoundError:
        ours = "(not installed)"
    try:
        torch = "torch " + metadata.version("torch")
    except metadata.PackageNotFoundError:
        torch = "torch not installed"
    return "tclish %s (Tcl %s, %s)" % (ours, TCL_PATCHLEVEL, torch)


TCL_PATCHLEVEL = "8.6.13"


def setup_globals(interp, argv0, args, interactive=False):
    interp.set_var("::argv0", argv0)
    interp.set_var("::argv", TclList(args))
    interp.set_var("::argc", len(args))
    interp.set_var("::tcl_interactive", 1 if interactive else 0)
    from ..runtime.environ import install_env
    install_env(interp)
    interp.set_var("::tcl_platform(platform)", "unix")
    interp.set_var("::tcl_platform(os)", os.uname().sysname if hasattr(os, "uname") else "")
    interp.set_var("::tcl_platform(osVersion)", os.uname().release if hasattr(os, "uname") else "")
    interp.set_var("::tcl_platform(machine)", os.uname().machine if hasattr(os, "uname") else "")
    interp.set_var("::tcl_platform(byteOrder)", sys.byteorder + "Endian")
    interp.set_var("::tcl_platform(wordSize)", 8)
    interp.set_var("::tcl_platform(pointerSize)", 8)
    interp.set_var("::tcl_platform(engine)", "tclish")
    interp.set_var("::tcl_platform(threaded)", 0)
    interp.set_var("::tcl_platform(user)", os.environ.get("USER", ""))
    interp.set_var("::tcl_version", "8.6")
    interp.set_var("::tcl_patchLevel", "8.6.13")
    interp.set_var("::tcl_precision", 0)


def run_script(interp, text, path):
    """Evaluate a whole script as tclsh does; returns the exit status."""
    try:
        call_with_stack_room(lambda _: source_text(interp, text, path), None)
    except ExitRequest as e:
        return e.code
    except TclError as e:
        interp.set_error_vars(e)
        _flush(interp)
        sys.stderr.write(e.errorinfo + "\n")
        return 1
    except TclSignal as s:
        if s.code in (3, 4):
            _flush(interp)
            word = "break" if s.code == 3 else "continue"
            sys.stderr.write('invoked "%s" outside of a loop\n' % word)
            return 1
    except KeyboardInterrupt:
        _flush(interp)
        sys.stderr.write("interrupted\n")
        return 130
    return 0


def run_stdin(interp):
    """Evaluate commands from standard input one at a time, as tclsh does when
    stdin is no terminal: each complete command runs as soon as it is read, an
    error is reported on stderr (its message only) and the next command runs;
    a command left incomplete at end of input is dropped.  Lines are read with
    the `stdin` channel itself, so a script's own `gets stdin` reads the next
    line.  Returns the exit status."""
    from ..parse.complete import is_complete
    pending = ""
    while True:
        try:
            line = to_str(interp.invoke(["gets", "stdin"]))
            if line == "" and to_str(interp.invoke(["eof", "stdin"])) == "1":
                return 0
        except TclError:
            return 0
        pending += line + "\n"
        if not is_complete(pending):
            continue
        script, pending = pending, ""
        try:
            call_with_stack_room(interp.eval, script)
        except ExitRequest as e:
            return e.code
        except TclError as e:
            interp.set_error_vars(e)
            _report(interp, e.message)
        except TclSignal as s:
            if s.code in (3, 4):
                _report(interp, 'invoked "%s" outside of a loop'
                        % ("break" if s.code == 3 else "continue"))
        except KeyboardInterrupt:
            _report(interp, "interrupted")
            return 130


def _report(interp, text):
    _flush(interp)
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _flush(interp):
    try:
        interp.stdout.flush()
    except (OSError, ValueError):
        pass


def main(argv=None):
    args = list(sys.argv[1:] if argv is None else argv)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 40000))
    encoding = "utf-8"
    if len(args) >= 2 and args[0] == "-encoding":
        encoding = args[1]
        args = args[2:]
    if args and args[0] in ("-h", "--help", "-help"):
        sys.stdout.write(HELP)
        return 0
    if args and args[0] in ("--version", "-version"):
        sys.stdout.write(version_text() + "\n")
        return 0
    interp = Interp()
    if args and args[0] == "-c":
        if len(args) < 2:
            sys.stderr.write(USAGE + "\n")
            return 2
        setup_globals(interp, "tclish", args[2:])
        status = run_script(interp, args[1], "-c")
    elif args:
        path = args[0]
        setup_globals(interp, path, args[1:])
        try:
            with open(path, encoding=encoding, errors="surrogateescape") as f:
                text = f.read()
        except OSError as e:
            sys.stderr.write('couldn\'t read file "%s": %s\n' % (path, (e.strerror or str(e)).lower()))
            return 1
        status = run_script(interp, text, path)
    elif sys.stdin.isatty():
        setup_globals(interp, "tclish", [], interactive=True)
        from .repl.session import run_repl
        status = run_repl(interp)
    else:
        setup_globals(interp, "tclish", [])
        status = run_stdin(interp)
    _flush(interp)
    return status


def entry():
    """Console-script entry point."""
    status = main()
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    sys.exit(status)
