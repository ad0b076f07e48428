"""set, unset, incr, append, lappend (the generic, non-inlined forms)."""

import sys

from ..runtime.errors import TclError
from ..runtime.interp import split_array_name
from ..runtime.registry import command
from ..runtime.values import TclList, to_int, to_list, to_str


@command("set", 1, 2, "varName ?newValue?")
def cmd_set(interp, argv):
    name = to_str(argv[1])
    if len(argv) == 2:
        return interp.get_var(name)
    return interp.set_var(name, argv[2])


@command("unset")
def cmd_unset(interp, argv):
    args = argv[1:]
    nocomplain = False
    i = 0
    while i < len(args):
        a = to_str(args[i])
        if a == "-nocomplain":
            nocomplain = True
            i += 1
        elif a == "--":
            i += 1
            break
        else:
            break
    for name in args[i:]:
        interp.unset_var(to_str(name), nocomplain)
    return ""


@command("incr", 1, 2, "varName ?increment?")
def cmd_incr(interp, argv):
    name = to_str(argv[1])
    if len(argv) == 3:
        try:
            amount = to_int(argv[2])
        except TclError as e:
            e.errorinfo += "\n    (reading increment)"
            e.context_added = True
            raise
    else:
        amount = 1
    base, index = split_array_name(name)
    var = interp.lookup_var(base, create=True)
    try:
        old = interp.read_var(var, base, index, name) if _exists(var, index) else 0
    except TclError:
        raise
    current = to_int(old)
    return interp.write_var(var, base, index, current + amount)


def _exists(var, index):
    if index is None:
        return not var.is_unset()
    return var.arr is not None and index in var.arr or var.value is not None


def _current(interp, var, base, index, name, read_traces=True):
    """The value append/lappend start from (None when there is none).

    lappend fires read traces even when the variable doesn't exist yet, as
    in Tcl (append doesn't); a scalar used as an array is reported by the
    write that follows."""
    if var.traces and read_traces:
        interp.fire_traces(var, base, index, "read")
    if index is None:
        if var.arr is not None:
            raise TclError('can\'t set "%s": variable is array' % base, ("TCL", "WRITE", "VARNAME"))
        return var.value
    if var.arr is None:
        return None
    return var.arr.get(index)


@command("append", 1, None, "varName ?value ...?")
def cmd_append(interp, argv):
    name = to_str(argv[1])
    base, index = split_array_name(name)
    var = interp.lookup_var(base, create=True)
    old = _current(interp, var, base, index, name, read_traces=False)
    if len(argv) == 2:
        if old is None:
            return interp.read_var(var, base, index, name)
        return old
    s = "" if old is None else to_str(old)
    s += "".join(to_str(v) for v in argv[2:])
    return interp.write_var(var, base, index, s)


@command("lappend", 1, None, "varName ?value ...?")
def cmd_lappend(interp, argv):
    name = to_str(argv[1])
    base, index = split_array_name(name)
    var = interp.lookup_var(base, create=True)
    old = _current(interp, var, base, index, name)
    if old is not None:
        if len(argv) == 2:
            to_list(old)  # must be a valid list; returned as it is
            return old
        if index is None and type(old) is TclList and sys.getrefcount(old) <= 3:
            # unshared: only var.value and `old` refer to it
            old.extend(argv[2:])
            if var.traces:
                interp.write_var(var, base, index, old)
            return old
        lst = TclList(to_list(old))
    else:
        lst = TclList()
    lst.extend(argv[2:])
    return interp.write_var(var, base, index, lst)
