"""puts, exit, flush and the channel table (stdout, stderr, stdin)."""

import sys

from ..runtime.errors import TclError
from ..runtime.registry import command
from ..runtime.values import to_int, to_str


class ExitRequest(SystemExit):
    """Raised by `exit`; front-ends turn it into the process exit status.
    A SystemExit (so a BaseException, which no `except Exception` on the way
    swallows): a Python program embedding tclish that doesn't catch it exits
    with the script's code, as the script asked."""

    def __init__(self, code):
        SystemExit.__init__(self, code)
        self.code = code


def _closed_std(interp, name):
    """Tcl's lookup error once the script has closed a standard channel."""
    if "std-channels" in interp.extensions and name not in interp.channels:
        raise TclError('can not find channel named "%s"' % name, ("TCL", "LOOKUP", "CHANNEL", name))


def channel(interp, name, mode="w"):
    """The file object for a channel name, or Tcl's error."""
    if name in ("stdout", "stderr", "stdin") and name not in interp.channels:
        _closed_std(interp, name)
    if name == "stdout":
        return interp.extensions.get("stdout-channel") or interp.stdout
    if name == "stderr":
        return interp.stderr
    if name == "stdin":
        from .channels import channel_table
        ch = channel_table(interp).get("stdin")
        if ch is not None:
            return ch
        return interp.extensions.get("stdin") or sys.stdin
    ch = interp.channels.get(name)
    if ch is None:
        raise TclError('can not find channel named "%s"' % name, ("TCL", "LOOKUP", "CHANNEL", name))
    return ch


@command("puts", 1, 3, "?-nonewline? ?channelId? string")
def cmd_puts(interp, argv):
    try:
        return _puts(interp, argv)
    except (OSError, ValueError) as e:
        # a closed or broken stdout/stderr: Tcl's message, not Python's
        n = len(argv)
        name = "stdout" if n == 2 or (n == 3 and to_str(argv[1]) == "-nonewline") else \
            to_str(argv[-2] if to_str(argv[1]) != "-nonewline" else argv[2])
        if n == 4 and to_str(argv[1]) != "-nonewline":
            name = to_str(argv[1])
        from ..runtime.channel import posix_error
        text, code = posix_error(e) if isinstance(e, OSError) and e.errno else \
            ("bad file number", ("POSIX", "EBADF", "bad file number"))
        raise TclError('error writing "%s": %s' % (name, text), code) from None


def _puts(interp, argv):
    n = len(argv)
    newline = True
    if n == 2:
        if "stdout" not in interp.channels:
            _closed_std(interp, "stdout")
        if "stdout-channel" in interp.extensions:
            interp.extensions["stdout-channel"].write(to_str(argv[1]) + "\n")
            return ""
        interp.stdout.write(to_str(argv[1]) + "\n")
        return ""
    if n == 3:
        first = to_str(argv[1])
        if first == "-nonewline":
            if "stdout" not in interp.channels:
                _closed_std(interp, "stdout")
            if "stdout-channel" in interp.extensions:
                interp.extensions["stdout-channel"].write(to_str(argv[2]))
                return ""
            interp.stdout.write(to_str(argv[2]))
            return ""
        out = channel(interp, first)
        text = argv[2]
    else:
        if to_str(argv[1]) != "-nonewline":
            if to_str(argv[3]) == "nonewline":
                newline = False
                out = channel(interp, to_str(argv[1]))
                text = argv[2]
            else:
                raise TclError('wrong # args: should be "puts ?-nonewline? ?channelId? string"',
                               ("TCL", "WRONGARGS"))
        else:
            newline = False
            out = channel(interp, to_str(argv[2]))
            text = argv[3]
    out.write(to_str(text) + ("\n" if newline else ""))
    if out is interp.stderr:
        out.flush()
    return ""


@command("flush", 1, 1, "channelId")
def cmd_flush(interp, argv):
    name = to_str(argv[1])
    ch = channel(interp, name)
    if not getattr(ch, "writable", True):
        raise TclError('channel "%s" wasn\'t opened for writing' % name,
                       "NONE")
    ch.flush()
    return ""


@command("exit", 0, 1, "?returnCode?")
def cmd_exit(interp, argv):
    code = to_int(argv[1]) if len(argv) > 1 else 0
    if interp.exit_handler is not None:
        interp.exit_handler(code)
    raise ExitRequest(code)

