"""Autoloading for the default `unknown` proc (commands/namespaces.py).

As in Tcl, `unknown` first tries to autoload the command: `auto_load`, from
the script library, looks it up in auto_index and the tclIndex files on
auto_path.  This helper guards against recursion and keeps errorInfo and
errorCode as they were, as Tcl's init.tcl does.
"""

from ..runtime.errors import TclError
from ..runtime.registry import command
from ..runtime.values import TclList, to_bool, to_dict, to_str


def _get(interp, name):
    try:
        return interp.get_var(name)
    except TclError:
        return None


def _restore(interp, name, value):
    if value is not None:
        interp.set_var(name, value)


@command("::tcl::AutoloadUnknown", 2, 2, "cmdName namespace")
def cmd_autoload_unknown(interp, argv):
    """1 when `auto_load` defined the command (errorInfo and errorCode are
    left as they were), else 0."""
    name = to_str(argv[1])
    if interp.resolve_command("::auto_load") is None:
        return 0
    pending = interp.extensions.setdefault("unknown-pending", set())
    if name in pending:
        raise TclError('self-referential recursion in "unknown" for command "%s"' % name,
                       ("TCL", "UNKNOWN", "RECURSION"))
    saved = _get(interp, "::errorInfo"), _get(interp, "::errorCode")
    pending.add(name)
    try:
        found = interp.invoke(TclList(["::auto_load", name, to_str(argv[2])]))
    except TclError as e:
        from .interps import is_safe
        if is_safe(interp):
            # a safe interpreter may not read the index files: nothing autoloads,
            # and the command is simply unknown (as tclsh's safe interpreters say)
            return 0
        e.errorinfo += '\n    (autoloading "%s")' % name
        raise
    finally:
        pending.discard(name)
    _restore(interp, "::errorInfo", saved[0])
    _restore(interp, "::errorCode", saved[1])
    # (a name the resolver cannot find even now would only come back here);
    # it is looked up from the caller's namespace: `expectDouble` called in
    # ::math autoloads ::math::expectDouble
    caller_ns = interp.namespaces.get(to_str(argv[2]))
    return int(to_bool(found) and interp.resolve_command(name, caller_ns) is not None)




@command("::tcl::UnknownTrace", 1, 1, "options")
def cmd_unknown_trace(interp, argv):
    """The options of an error from an autoloaded command re-run by
    `unknown`, as Tcl's unknown returns them: errorInfo cut back to what the
    command itself logged, without the command's own line, which its caller
    adds as for any command; no errorInfo at all when the command logged
    nothing more than that line."""
    opts = to_dict(argv[1])
    info = to_str(opts.get("-errorinfo", ""))
    cut = info.rfind('\n    ("uplevel" body line')
    if cut >= 0:
        info = info[:cut]
    executing = info.rfind("\n    while executing\n")
    cut = max(executing, info.rfind("\n    invoked from within\n"))
    if cut >= 0 and cut == executing:
        opts.pop("-errorinfo", None)
    elif cut >= 0:
        opts["-errorinfo"] = info[:cut]
    return opts
