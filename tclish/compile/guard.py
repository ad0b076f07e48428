"""Is this name still the built-in?  For inlined forms of commands outside
the core set (dict, lset, upvar ...), which `core_epoch` does not follow.

Such a form keeps a cell [epoch, namespace] and checks it first, as the
invocation closures do; when either has changed since, it looks the name up
again and runs its fast path only while the name still resolves to the
built-in (or to the stand-in of a family not yet imported) and no limit is
set.  Anything else (a redefinition, a rename, an execution trace, a
command of that name in the current namespace, an alias) sends it to the
ordinary invocation.
"""


def is_builtin(func, name, real):
    """Whether the command `func` is the built-in `real` called `name`."""
    if func is real:
        return True
    info = getattr(func, "tcl_info", None)
    if info is not None:
        return info.func is real
    return getattr(func, "lazy_name", None) == name


def builtin_guard(interp, name, real):
    """(cell, refresh): the fast path may run while `cell[0] ==
    interp.epoch and cell[1] is interp.cur_ns`, or else once `refresh()`
    returns True (it re-checks and updates the cell)."""
    cell = [-1, None]

    def refresh():
        if interp.limits is not None:
            return False  # a limited interpreter counts every command
        if not is_builtin(interp.resolve_command(name), name, real):
            return False
        cell[0] = interp.epoch
        cell[1] = interp.cur_ns
        return True
    return cell, refresh


def available(interp, name, real):
    """At compile time: whether to inline `name` at all."""
    return interp.limits is None and is_builtin(interp.resolve_command(name), name, real)
