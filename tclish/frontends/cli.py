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
from ..runtime.values import TclList

USAGE = "usage: tclish ?-encoding name? ?-c script? ?fileName? ?arg ...?"


def setup_globals(interp, argv0, args, interactive=False):
    interp.set_var("::argv0", argv0)
    interp.set_var("::argv", TclList(args))
    interp.set_var("::argc", len(args))
    interp.set_var("::tcl_interactive", 1 if interactive else 0)
    env = interp.lookup_var("::env", create=True)
    env.arr = dict(os.environ)
    env.value = None
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
    """A script piped into stdin runs as tclsh runs it: each command as soon
    as it is complete (so a parent process can talk to this one through a
    pipe, and the script's own `gets stdin` reads the lines after it); an
    error prints its message on stderr and the next command still runs."""
    from ..commands.channels import get_channel
    from ..parse.complete import is_complete
    try:
        ch = get_channel(interp, "stdin")
    except TclError:
        return run_script(interp, sys.stdin.read(), "stdin")
    pending = []
    while True:
        try:
            line = ch.gets()
        except TclError as e:
            sys.stderr.write(e.message + "\n")
            return 1
        except KeyboardInterrupt:
            return 130
        if line is None:
            if not pending:
                return 0
            script = "\n".join(pending)
        else:
            pending.append(line)
            script = "\n".join(pending)
            if not is_complete(script + "\n"):
                continue
        pending = []
        try:
            call_with_stack_room(lambda _: interp.eval(script), None)
        except ExitRequest as e:
            return e.code
        except TclError as e:
            interp.set_error_vars(e)
            _flush(interp)
            sys.stderr.write(e.message + "\n")
        except TclSignal as s:
            if s.code in (3, 4):
                _flush(interp)
                sys.stderr.write('invoked "%s" outside of a loop\n'
                                 % ("break" if s.code == 3 else "continue"))
        except KeyboardInterrupt:
            _flush(interp)
            sys.stderr.write("interrupted\n")
            return 130
        _flush(interp)
        if line is None:
            return 0


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
