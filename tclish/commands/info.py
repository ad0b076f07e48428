"""The `info` ensemble."""

import sys

from ..runtime.errors import TclError
from ..runtime.interp import split_array_name
from ..runtime.registry import CommandInfo, choice_list, ensemble, wrong_args
from ..runtime.values import TclList, to_int, to_str
from .strings import int32_arg

PATCHLEVEL = "8.6.13"
TCL_VERSION = "8.6"


def _match(pattern, names):
    if pattern is None:
        return TclList(names)
    from ..runtime.glob import glob_match
    return TclList(n for n in names if glob_match(pattern, n))


def _pattern(argv, i=2):
    return to_str(argv[i]) if len(argv) > i else None


def _proc_spec(interp, name):
    func = interp.resolve_command(name)
    spec = getattr(func, "proc_spec", None)
    if spec is None:
        raise TclError('"%s" isn\'t a procedure' % name, ("TCL", "LOOKUP", "PROCEDURE", name))
    return spec


def info_args(interp, argv):
    spec = _proc_spec(interp, to_str(argv[2]))
    names = [p for p, _ in spec.params]
    if spec.has_args:
        names.append("args")
    return TclList(names)


def info_body(interp, argv):
    return _proc_spec(interp, to_str(argv[2])).body


def info_default(interp, argv):
    name = to_str(argv[2])
    spec = _proc_spec(interp, name)
    arg = to_str(argv[3])
    for p, default in spec.params:
        if p == arg:
            interp.set_var(to_str(argv[4]), default if default is not None else "")
            return 1 if default is not None else 0
    if arg == "args" and spec.has_args:
        interp.set_var(to_str(argv[4]), "")
        return 0
    raise TclError('procedure "%s" doesn\'t have an argument "%s"' % (name, arg),
                   ("TCL", "LOOKUP", "ARGUMENT", arg))


def _is_proc(func):
    return getattr(func, "proc_spec", None) is not None


def _commands_in(interp, pattern, procs_only):
    """info commands / info procs: a qualified pattern lists that namespace's
    commands by full name (a relative namespace is looked up in the current
    one only); a plain one the current namespace's commands, then (info
    commands only) those of its path and of the global namespace."""
    ns = interp.cur_ns
    if pattern is not None and "::" in pattern:
        from .namespaces import _split_pattern
        target, simple = _split_pattern(interp, pattern)
        if target is None:
            return TclList()
        names = [n for n, f in list(target.commands.items())
                 if not procs_only or _is_proc(f)]
        return TclList(target.qualify(n) for n in _match(simple, names))
    names = []
    seen = set()
    spaces = [ns]
    if not procs_only:
        spaces += [p for p in ns.path if not p.deleted] + [interp.global_ns]
    for space in spaces:
        for n, f in list(space.commands.items()):
            if n in seen:
                continue
            if procs_only and not _is_proc(f):
                continue
            seen.add(n)
            names.append(n)
    return _match(pattern, names)


def info_commands(interp, argv):
    return _commands_in(interp, _pattern(argv), False)


def info_procs(interp, argv):
    return _commands_in(interp, _pattern(argv), True)


def info_exists(interp, argv):
    name = to_str(argv[2])
    var = None
    base, index = split_array_name(name)
    try:
        var = interp.lookup_var(base)
    except TclError:
        pass
    if var is not None and var.traces:
        # as TclVarTraceExists: read traces fire first (one may create the
        # variable, as tcl_precision's does), their errors ignored
        try:
            interp.fire_traces(var, base, index, "read")
        except TclError:
            pass
    return 1 if interp.var_exists(name) else 0


def info_level(interp, argv):
    frame = interp.frame
    if len(argv) == 2:
        return _proc_level(frame)
    n = int32_arg(argv[2])
    current = _proc_level(frame)
    target = n if n > 0 else current + n
    if target < 0 or target > current or (n <= 0 and target == current + n and n < -current):
        raise TclError('bad level "%s"' % to_str(argv[2]), ("TCL", "LOOKUP", "STACK_LEVEL", to_str(argv[2])))
    if target == 0:
        raise TclError('bad level "%s"' % to_str(argv[2]), ("TCL", "LOOKUP", "STACK_LEVEL", to_str(argv[2])))
    f = frame
    while f is not None and f.level > target:
        f = f.parent
    if f is None or f.argv is None:
        raise TclError('bad level "%s"' % to_str(argv[2]), ("TCL", "LOOKUP", "STACK_LEVEL", to_str(argv[2])))
    return TclList(f.argv)


def _proc_level(frame):
    return frame.level


def _visible_vars(table):
    from ..runtime.frames import DeclaredVar
    return [n for n, v in table.items() if not v.is_unset() or type(v) is DeclaredVar]


def info_vars(interp, argv):
    pattern = _pattern(argv)
    frame = interp.frame
    if pattern is not None and "::" in pattern:
        qual, _, tail = pattern.rpartition("::")
        ns = interp.namespaces.get(qual if qual.startswith("::") else "::" + qual)
        if ns is None:
            return TclList()
        names = [ns.qualify(n) for n in _visible_vars(ns.vars)]
        if not pattern.startswith("::"):
            pattern = "::" + pattern
        return _match(pattern, names)
    names = _visible_vars(frame.vars)
    if not frame.is_proc and frame.ns is not interp.global_ns:
        names += [n for n in _visible_vars(interp.global_ns.vars) if n not in frame.vars]
    return _match(pattern, names)


def info_locals(interp, argv):
    frame = interp.frame
    if not frame.is_proc:
        return TclList()
    gv = interp.global_ns.vars
    names = [n for n, v in frame.vars.items() if not v.is_unset() and gv.get(n) is not v
             and not _is_namespace_var(interp, v)]
    return _match(_pattern(argv), names)


def _is_namespace_var(interp, var):
    for ns in interp.namespaces.values():
        for v in ns.vars.values():
            if v is var:
                return True
    return False


def info_globals(interp, argv):
    pattern = _pattern(argv)
    if pattern is not None and pattern.startswith("::"):
        # leading namespace qualifiers name the global namespace
        pattern = pattern.lstrip(":") if pattern.lstrip(":") else pattern
    return _match(pattern, _visible_vars(interp.global_ns.vars))


def info_complete(interp, argv):
    from ..parse.complete import is_complete
    return 1 if is_complete(to_str(argv[2])) else 0


def info_script(interp, argv):
    if len(argv) > 2:
        interp.script_file = to_str(argv[2])
    return interp.script_file


def _global_value(interp, name):
    var = interp.global_ns.vars.get(name)
    return interp.read_var(var, name, None)


def info_patchlevel(interp, argv):
    return _global_value(interp, "tcl_patchLevel")


def info_tclversion(interp, argv):
    return _global_value(interp, "tcl_version")


def info_hostname(interp, argv):
    import socket  # here: importing it costs every start-up ~2 ms
    return socket.gethostname()


def info_nameofexecutable(interp, argv):
    # the program that runs Tcl scripts with tclish (so `exec [info
    # nameofexecutable] script.tcl` works), as tcltest's `interpreter`
    from ..tcltest.package import default_interpreter
    program = default_interpreter(interp)
    return program if " " not in program else sys.executable


def info_sharedlibextension(interp, argv):
    return ".so"


def info_library(interp, argv):
    var = interp.lookup_var("::tcl_library")
    if var is None or var.value is None:
        raise TclError("no library has been specified for Tcl", ("TCL", "LOOKUP", "VARNAME",
                                                                 "tcl_library"))
    return var.value


def info_frame(interp, argv):
    from ..runtime.cmdframes import command_frames, frame_dict
    entries = command_frames(interp)
    depth = len(entries)
    if len(argv) == 2:
        return depth
    n = int32_arg(argv[2])
    if n > depth or n <= -depth:
        raise TclError('bad level "%s"' % to_str(argv[2]), ("TCL", "LOOKUP", "LEVEL", to_str(argv[2])))
    target = n if n > 0 else depth + n
    return frame_dict(interp, entries[target - 1])


def info_cmdcount(interp, argv):
    # commands are counted only while `interp limit` has set a limit
    lim = interp.extensions.get("limits")
    return lim.count if lim is not None else 0


def info_functions(interp, argv):
    from ..runtime.arith import MATH_FUNCTIONS
    return _match(_pattern(argv), list(MATH_FUNCTIONS))


def info_loaded(interp, argv):
    if len(argv) > 2 and to_str(argv[2]):
        from .interps import find_interp
        find_interp(interp, to_str(argv[2]))
    return TclList()


def info_coroutine(interp, argv):
    if interp.coroutine is None and "tclish.commands.coroutines" not in sys.modules:
        return ""
    from .coroutines import info_coroutine
    return info_coroutine(interp, argv)


def info_class(interp, argv):
    from ..oo.introspect import info_class
    return info_class(interp, argv)


def info_object(interp, argv):
    from ..oo.introspect import info_object
    return info_object(interp, argv)


def info_errorstack(interp, argv):
    return interp.last_errorstack


_INFO = ensemble("info", {
    "args": (info_args, 1, 1, "procname"),
    "body": (info_body, 1, 1, "procname"),
    "class": (info_class, 1, 1000000, "subcommand ?arg ...?"),
    "cmdcount": (info_cmdcount, 0, 0, ""),
    "commands": (info_commands, 0, 1, "?pattern?"),
    "complete": (info_complete, 1, 1, "command"),
    "coroutine": (info_coroutine, 0, 0, ""),
    "default": (info_default, 3, 3, "procname arg varname"),
    "errorstack": (info_errorstack, 0, 1, "?interp?"),
    "exists": (info_exists, 1, 1, "varName"),
    "frame": (info_frame, 0, 1, "?number?"),
    "functions": (info_functions, 0, 1, "?pattern?"),
    "globals": (info_globals, 0, 1, "?pattern?"),
    "hostname": (info_hostname, 0, 0, ""),
    "level": (info_level, 0, 1, "?number?"),
    "library": (info_library, 0, 0, ""),
    "loaded": (info_loaded, 0, 1, "?interp?"),
    "locals": (info_locals, 0, 1, "?pattern?"),
    "nameofexecutable": (info_nameofexecutable, 0, 0, ""),
    "object": (info_object, 1, 1000000, "subcommand ?arg ...?"),
    "patchlevel": (info_patchlevel, 0, 0, ""),
    "procs": (info_procs, 0, 1, "?pattern?"),
    "script": (info_script, 0, 1, "?filename?"),
    "sharedlibextension": (info_sharedlibextension, 0, 0, ""),
    "tclversion": (info_tclversion, 0, 0, ""),
    "vars": (info_vars, 0, 1, "?pattern?"),
})


# Each subcommand is also the command ::tcl::info::NAME (as in Tcl, where
# `info` is an ensemble over that namespace), so it can be renamed or
# replaced; `info` calls whatever command has that name now.
_TABLE = _INFO.subcommands
_CHOICES = choice_list(list(_TABLE))


def _subcommand(sub, func, lo, hi, usage):
    def tcl_info_sub(interp, argv):
        n = len(argv) - 1
        if n < lo or n > hi:
            raise wrong_args(to_str(argv[0]), usage)
        return func(interp, [argv[0], sub] + list(argv[1:]))
    tcl_info_sub.__name__ = "info_" + sub
    return tcl_info_sub


_SUBCOMMANDS = {sub: _subcommand(sub, *entry[:4]) for sub, entry in _TABLE.items()}


def cmd_info(interp, argv):
    if len(argv) < 2:
        raise wrong_args(to_str(argv[0]), "subcommand ?arg ...?")
    word = to_str(argv[1])
    entry = _TABLE.get(word)
    if entry is None:
        matches = [k for k in _TABLE if k.startswith(word)] if word else []
        if len(matches) != 1:
            raise TclError('unknown or ambiguous subcommand "%s": must be %s' % (word, _CHOICES),
                           ("TCL", "LOOKUP", "SUBCOMMAND", word))
        entry = _TABLE[matches[0]]
    func, lo, hi, usage, full = entry
    ns = interp.namespaces.get("::tcl::info")
    current = ns.commands.get(full) if ns is not None else None
    if current is _SUBCOMMANDS[full]:
        n = len(argv) - 2
        if n < lo or n > hi:
            raise wrong_args("%s %s" % (to_str(argv[0]), full), usage)
        return func(interp, argv)
    if current is None:
        raise TclError('invalid command name "::tcl::info::%s"' % full,
                       ("TCL", "LOOKUP", "COMMAND", "::tcl::info::" + full))
    return current(interp, ["::tcl::info::" + full] + list(argv[2:]))


cmd_info.tcl_info = CommandInfo("info", cmd_info, 0, None, "subcommand ?arg ...?")
cmd_info.subcommands = _TABLE


def setup(interp):
    for sub, func in _SUBCOMMANDS.items():
        interp.register("::tcl::info::" + sub, func)
    # Tcl_CreateInterp sets tcl_version, tcl_platform, ... in every interpreter
    from ..runtime import tclvars
    tclvars.install(interp)
