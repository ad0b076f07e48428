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
    if not interp.var_exists("::auto_path"):
        # as init.tcl: the library and the folder it is in
        library = interp.get_var("::tcl_library")
        interp.set_var("::auto_path", TclList([library, os.path.dirname(library)]))


def run_script(interp, text, path):
    """Evaluate a whole script as tclsh does; returns the exit status.  An
    uncaught error writes $errorInfo on the `stderr` channel (nothing when
    the script closed it); then, unless the script exited, the `exit`
    command runs with the status, as in tclsh (it may have been redefined)."""
    from .mainloop import finish, write_std
    try:
        call_with_stack_room(lambda _: source_text(interp, text, path), None)
    except ExitRequest as e:
        return e.code
    except TclError as e:
        interp.set_error_vars(e)
        _flush(interp)
        write_std(interp, "stderr", e.errorinfo + "\n")
        return finish(interp, 1)
    except TclSignal as s:
        if s.code in (3, 4):
            _flush(interp)
            word = "break" if s.code == 3 else "continue"
            write_std(interp, "stderr", 'invoked "%s" outside of a loop\n' % word)
            return finish(interp, 1)
    except KeyboardInterrupt:
        _flush(interp)
        sys.stderr.write("interrupted\n")
        return 130
    return finish(interp, 0)


def run_stdin(interp, interactive=False):
    """Evaluate commands from standard input one at a time, as tclsh does when
    it has no script (frontends/mainloop.py).  Returns the exit status."""
    from .mainloop import run_loop
    source_rc_file(interp)
    return run_loop(interp, interactive)


def rc_file_name():
    """tclsh's tcl_rcFileName is ~/.tclshrc; tclish prefers ~/.tclishrc when
    there is one."""
    if os.path.isfile(os.path.expanduser("~/.tclishrc")):
        return "~/.tclishrc"
    return "~/.tclshrc"


def source_rc_file(interp):
    """Source $tcl_rcFileName when it names a readable file, as tclsh does
    before reading commands; an error there is reported on stderr."""
    from .mainloop import write_std
    try:
        name = to_str(interp.get_var("::tcl_rcFileName"))
    except TclError:
        return
    path = os.path.expanduser(name)
    if not name or not os.path.isfile(path) or not os.access(path, os.R_OK):
        return
    try:
        call_with_stack_room(lambda _: interp.invoke(["source", path]), None)
    except TclError as e:
        interp.set_error_vars(e)
        write_std(interp, "stderr", e.message + "\n")
    except TclSignal:
        pass


def _report(interp, text):
    _flush(interp)
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _flush(interp):
    try:
        interp.stdout.flush()
    except (OSError, ValueError):
        pass


# a script read from a device or pipe larger than this is refused (tclsh
# aborts with "unable to realloc"; a regular file is read whatever its size)
MAX_STREAM_SCRIPT = 1 << 28


def read_script(path, codec):
    """The text of a script file, or (None, Tcl's error message)."""
    import stat
    from ..runtime.channel import posix_error
    from ..runtime.tclcodec import NAME as TCL_ERRORS
    try:
        with open(path, "rb") as f:
            if stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                data = f.read()
            else:
                chunks, total = [], 0
                while True:
                    chunk = f.read(1 << 20)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > MAX_STREAM_SCRIPT:
                        return None, 'couldn\'t read file "%s": script too large' % path
                    chunks.append(chunk)
                data = b"".join(chunks)
    except OSError as e:
        return None, 'couldn\'t read file "%s": %s' % (path, posix_error(e)[0])
    except ValueError:
        return None, 'couldn\'t read file "%s": no such file or directory' % path
    return data.decode(codec, TCL_ERRORS), None


def _standard_streams():
    """tclsh runs with stdin, stdout or stderr closed; Python then has None
    there: give it an empty input or a sink instead."""
    import io
    if sys.stdin is None:
        sys.stdin = io.StringIO("")
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w"))
    from ..runtime.tclcodec import NAME as TCL_ERRORS
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors=TCL_ERRORS)
        except (AttributeError, ValueError):
            pass


def main(argv=None):
    _standard_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 40000))
    encoding = "utf-8"
    # as tclsh: `-encoding NAME FILE` only when a script file follows
    if len(args) >= 3 and args[0] == "-encoding" and not args[2].startswith("-"):
        encoding = args[1]
        args = args[2:]
        from ..runtime.channel import python_codec
        try:
            encoding = python_codec(encoding)
        except TclError as e:
            sys.stderr.write(e.message + "\n")
            return 1
    if args and args[0] in ("-h", "--help", "-help"):
        sys.stdout.write(HELP)
        return 0
    if args and args[0] in ("--version", "-version"):
        sys.stdout.write(version_text() + "\n")
        return 0
    interp = Interp()
    try:
        return _run(interp, args, encoding, program_name(argv))
    finally:
        from ..runtime.shutdown import close_interp
        close_interp(interp)


def program_name(argv):
    """argv0 without a script: the program as it was started (tclsh's
    argv[0]), or "tclish" for `python -m tclish` and a caller's own argv."""
    if argv is None and sys.argv and sys.argv[0] and \
            os.path.basename(sys.argv[0]) not in ("__main__.py", "-c", "-m"):
        return sys.argv[0]
    return "tclish"


def _run(interp, args, encoding, name="tclish"):
    interp.set_var("::tcl_rcFileName", rc_file_name())
    if args and args[0] == "-c":
        if len(args) < 2:
            sys.stderr.write(USAGE + "\n")
            return 2
        setup_globals(interp, name, args[2:])
        status = run_script(interp, args[1], "-c")
    elif args and not args[0].startswith("-"):
        path = args[0]
        setup_globals(interp, path, args[1:])
        text, error = read_script(path, encoding)
        if error is not None:
            sys.stderr.write(error + "\n")
            return 1
        status = run_script(interp, text, path)
    elif sys.stdin.isatty():
        # as tclsh, arguments starting with "-" are the script's own
        setup_globals(interp, name, args, interactive=True)
        from .repl.session import run_repl
        status = run_repl(interp)
    else:
        setup_globals(interp, name, args)
        status = run_stdin(interp)
    _flush(interp)
    return status


def entry():
    """Console-script entry point."""
    status = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # as tclsh; and keep Python from complaining again at shutdown
        sys.stderr.write('error writing "stdout": broken pipe\n')
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        status = status or 1
    except (OSError, ValueError):
        pass
    sys.exit(status)
