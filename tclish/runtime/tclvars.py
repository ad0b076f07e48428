"""The variables Tcl_CreateInterp gives every interpreter, embedded or not:
`tcl_platform`, `tcl_version`, `tcl_patchLevel` and `tcl_precision`.

`tcl_precision` is one setting for the whole process (Tcl keeps it per
thread): a write checks the value and stores it in `numbers.precision`, a
read shows the shared value (another interpreter may have changed it), an
unset keeps the setting and puts the trace back, and a safe interpreter may
read it but not change it.
"""

import os
import sys

from . import numbers
from .errors import TclError
from .numbers import parse_int
from .values import to_str

TCL_VERSION = "8.6"
PATCHLEVEL = "8.6.13"

_MAX_PRECISION = 17         # TCL_MAX_PREC
_platform = None            # tcl_platform's entries, read from the host once


def platform_entries():
    """The tcl_platform array of this host (computed on first use)."""
    global _platform
    if _platform is None:
        uname = os.uname() if hasattr(os, "uname") else None
        _platform = {
            "byteOrder": sys.byteorder + "Endian",
            "engine": "tclish",
            "machine": uname.machine if uname else "",
            "os": uname.sysname if uname else "",
            "osVersion": uname.release if uname else "",
            "pathSeparator": ":",
            "platform": "unix",
            "pointerSize": 8,
            "threaded": 0,
            "user": _user_name(),
            "wordSize": 8,
        }
    return _platform


def _user_name():
    """The login name, as Tcl finds it: from the password database (USER may be
    unset, as under cron or in a container), else USER."""
    try:
        import pwd
        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, AttributeError):
        return os.environ.get("USER", "")


def install(interp):
    interp.set_var("::tcl_version", TCL_VERSION)
    interp.set_var("::tcl_patchLevel", PATCHLEVEL)
    platform = interp.lookup_var("::tcl_platform", create=True)
    platform.arr = dict(platform_entries())
    _trace_precision(interp)


_PRECISION_OPS = frozenset(("read", "write", "unset"))


def _trace_precision(interp):
    # the variable stays undefined (out of `info globals`) until it is read
    var = interp.lookup_var("::tcl_precision", create=True)
    entry = (_PRECISION_OPS, _precision_trace)
    var.traces = [entry] + list(var.traces or ())


def _precision_trace(interp, base, index, op):
    var = interp.global_ns.vars.get("tcl_precision")
    if op == "unset":
        _trace_precision(interp)
        return
    if var is None:
        return
    if op == "read":
        var.value = numbers.precision
        return
    from ..commands.interps import is_safe
    if is_safe(interp):
        raise TclError('can\'t set "%s": can\'t modify precision from a safe interpreter'
                       % base)
    value = parse_int(to_str(var.value)) if var.value is not None else None
    if value is None or not 0 <= value <= _MAX_PRECISION:
        raise TclError('can\'t set "%s": improper value for precision' % base)
    numbers.precision = value
