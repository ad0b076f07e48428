"""Registering the torch commands in an interpreter; the dispatch boundary.

`install(interp)` registers every declared command under its snake_case
name and its camelCase alias, plus `load` (which accepts TCLIBTORCH's
library so its scripts run unchanged).  The command functions are built once
per process and shared by all interpreters (the interpreter is an argument),
so install is a loop of `interp.register` calls.  torch itself is imported
by the first torch command that runs.

Every Python exception a torch function raises becomes a TclError here,
with the exception's message; nothing else converts errors.
"""

import importlib
import os
import re
import warnings

from ..runtime.errors import TclError, TclSignal
from ..runtime.values import TclDict, TclList, to_str
from .binder import Binder
from .decls import ALL_SPECS
from .fast import build_command
from .convert import torch_module
from .handles import NewHandle, TensorValue, registry_of

# torch warns on stderr when numpy is missing (it works without): a Tcl
# script's stderr is not the place for that
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

PACKAGE_NAME = "torch"
PACKAGE_VERSION = "1.0"

_commands = None


def resolve(path):
    """The object a spec's "module:attr" names (a leading "." is this package)."""
    torch_module()      # first: torch's own import, quietly, or a Tcl error if it is absent
    module, _, attr = path.partition(":")
    if module.startswith("."):
        module = __package__ + module
    obj = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


# C++ type names torch puts in its messages -> the dtype names Tcl users write
_CPP_TYPES = {"c10::Half": "float16", "c10::BFloat16": "bfloat16", "c10::complex<float>":
              "complex64", "c10::complex<double>": "complex128", "c10::ComplexHalf": "complex32"}
_ALLOC = re.compile(r"\[enforce fail at [^\]]*\]\s*(?:err == 0\.\s*)?(?:\w+: )?"
                    r"(?:DefaultCPUAllocator: )?can't allocate memory: you tried to allocate "
                    r"(\d+) bytes.*", re.S)
_TOO_LARGE = "integer value too large to represent"


def _python_error(e):
    """A Python or C++ exception of a torch call as a Tcl error: torch's own
    message, less what only means something in C++ (the location of the
    check that failed, allocator and C++ type names)."""
    if isinstance(e, MemoryError):
        return TclError("not enough memory", ("TORCH", "MEMORY"))
    text = str(e).strip()
    # torch appends the C++ location of the check that failed; not for Tcl users
    text = text.split("\nException raised from", 1)[0].strip()
    if isinstance(e, OverflowError) or "Overflow when unpacking long" in text \
            or "int too big to convert" in text:
        return TclError(_TOO_LARGE, ("ARITH", "IOVERFLOW", _TOO_LARGE))
    m = _ALLOC.match(text)
    if m is not None:
        return TclError("cannot allocate %s bytes" % m.group(1), ("TORCH", "MEMORY"))
    if "DefaultCPUAllocator" in text or "enforce fail" in text:
        return TclError("not enough memory", ("TORCH", "MEMORY"))
    for cpp, name in _CPP_TYPES.items():
        text = text.replace(cpp, name)
    if not text:
        text = type(e).__name__
    return TclError(text, ("TORCH", "ERROR", type(e).__name__))


def to_tcl(value):
    """A Python result as a Tcl value (bool as 0/1, sequences as lists, None as empty)."""
    t = type(value)
    if t is str or t is int or t is float or t is TclList or t is TclDict:
        return value
    if value is None:
        return ""
    if t is bool:
        return 1 if value else 0
    if isinstance(value, (list, tuple)):
        return TclList(map(to_tcl, value))     # map: no generator frame per call
    if isinstance(value, (str, int, float)):
        return value
    return to_str(value)


def to_tcl_handles(reg, value):
    """A structured result as a Tcl value, with a new handle for every tensor (and
    every `NewHandle`) in it: tuples and lists (torch's named tuples too) become
    Tcl lists, dicts Tcl dicts.  A single tensor or object gets a plain handle."""
    if isinstance(value, NewHandle):
        return reg.new(value.kind, value.obj, value.prefix)
    if isinstance(value, TensorValue):      # an in-place command's own argument back
        return value
    if isinstance(value, torch_module().Tensor):
        return reg.new_tensor(value)
    return _to_tcl_listed(reg, value)


def _to_tcl_listed(reg, value):
    torch = torch_module()
    if isinstance(value, torch.Tensor):
        return reg.new_listed("tensor", value)
    if isinstance(value, NewHandle):
        return reg.new_listed(value.kind, value.obj, value.prefix)
    if isinstance(value, dict):
        out = TclDict()
        for k, v in value.items():
            out[to_str(to_tcl(k))] = _to_tcl_listed(reg, v)
        return out
    if isinstance(value, (list, tuple)):
        return TclList(_to_tcl_listed(reg, v) for v in value)
    return to_tcl(value)


def make_command(spec):
    """The Tcl command function (interp, argv) for one spec: generated from the
    declaration, with the all-handles fast path where the spec allows it (fast.py)."""
    return build_command(spec, Binder(spec), resolve, _COMMAND_ENV)


_COMMAND_ENV = {"registry_of": registry_of, "python_error": _python_error, "to_tcl": to_tcl,
                "to_tcl_handles": to_tcl_handles}


def commands():
    """(name, function) for every torch command and alias; built once per process."""
    global _commands
    if _commands is None:
        out = []
        for spec in ALL_SPECS:
            cmd = make_command(spec)
            for name in spec.names:
                out.append((name, cmd))
        _commands = tuple(out)
    return _commands


_LIBRARY_RE = re.compile(r"(lib)?torchtcl[\d.]*(\.(so|dylib|dll|sl|bundle)[\d.]*)?\Z", re.IGNORECASE)


def cmd_load(interp, argv):
    """load ?-global? ?-lazy? ?--? fileName ?prefix? ?interp?

    Only TCLIBTORCH's library loads (its commands are built in); anything
    else is Tcl's `couldn't load file` error."""
    args = [to_str(a) for a in argv[1:]]
    while args and args[0] in ("-global", "-lazy"):
        args.pop(0)
    if args and args[0] == "--":
        args.pop(0)
    if not 1 <= len(args) <= 3:
        raise TclError('wrong # args: should be "load ?-global? ?-lazy? ?--? fileName '
                       '?prefix? ?interp?"', ("TCL", "WRONGARGS"))
    path = args[0]
    if _LIBRARY_RE.match(os.path.basename(path)):
        return ""
    if path and not os.path.exists(path):
        reason = "%s: cannot open shared object file: No such file or directory" % path
    else:
        reason = "tclish loads no binary extensions except the torch one (libtorchtcl)"
    raise TclError("couldn't load file \"%s\": %s" % (path, reason), ("TCL", "OPERATION", "LOAD"))


def cmd_unload(interp, argv):
    """unload ?-switch ...? fileName ?packageName? ?interp?

    tclish loads no binary library (TCLIBTORCH's commands are built in), so
    there is never one to unload: Tcl's error for a file never loaded."""
    args = [to_str(a) for a in argv[1:]]
    nocomplain = False
    while args and args[0].startswith("-"):
        opt = args.pop(0)
        if opt == "--":
            break
        if opt == "-nocomplain":
            nocomplain = True
        elif opt != "-keeplibrary":
            raise TclError('bad option "%s": must be -nocomplain, -keeplibrary, or --' % opt,
                           ("TCL", "LOOKUP", "INDEX", "option", opt))
    if not 1 <= len(args) <= 3:
        raise TclError('wrong # args: should be "unload ?-switch ...? fileName '
                       '?packageName? ?interp?"', ("TCL", "WRONGARGS"))
    if nocomplain:
        return ""
    raise TclError('file "%s" has never been loaded' % args[0], ("TCL", "OPERATION", "UNLOAD"))


# torch's warnings (a variance of one sample, an experimental dtype, ...) are attributed to
# the bridge frame that called torch; no Python warning text may reach a Tcl user, and a
# filter costs nothing per call, unlike catch_warnings
warnings.filterwarnings("ignore", module=r"tclish\.torchbridge(\.|$)")


def install(interp):
    """Register all torch commands, their camelCase aliases, and `load`, in `interp`."""
    register = interp.register
    for name, cmd in commands():
        register(name, cmd)
    register("load", cmd_load)
    register("unload", cmd_unload)
