"""The compile-time forms of `upvar` and `variable` in a proc body.

`upvar ?1? $name local` (the usual pass-by-name idiom) links the caller's
variable into the proc's table directly when everything is plain: the
caller's frame is a proc frame or the global one, the caller's name is a
simple one (no `::`, no array element), and `local` is not yet a variable
here.  Every other case (another level, a namespace frame, an existing or
traced local, an error) goes to the `upvar` command with the words already
substituted.
"""

from ..runtime.errors import TclError
from ..runtime.frames import DeclaredVar, Var
from ..runtime.values import to_str
from .guard import available, builtin_guard
from .inline import _getter, _simple_name, inline
from .script import PROC_BODY


@inline("upvar")
def _upvar(c):
    words = c.words
    if c.mode != PROC_BODY or len(words) not in (3, 4):
        return None
    if len(words) == 4 and words[1] != "1":
        return None
    local = words[-1]
    if not _simple_name(local):
        return None
    from ..commands.procs import cmd_upvar
    interp = c.interp
    if not available(interp, "upvar", cmd_upvar):
        return None
    get_other = _getter(c, len(words) - 2)
    cell, refresh = builtin_guard(interp, "upvar", cmd_upvar)
    slow, arg_error, call = c.slow, c.arg_error(), c.caller()
    head = list(words[:-2])

    def upvar(fv):
        if (cell[0] != interp.epoch or cell[1] is not interp.cur_ns) and not refresh():
            return slow(fv)
        try:
            other = get_other(fv)
        except TclError as e:
            arg_error(e)
            raise
        frame = interp.frame
        if frame.vars is fv and frame.is_proc and fv.get(local) is None:
            target = frame.parent
            while target.level >= frame.level:
                target = target.parent
            if target.level == frame.level - 1 and \
                    (target.is_proc or target.ns is interp.global_ns):
                name = other if other.__class__ is str else to_str(other)
                if "::" not in name and not (name.endswith(")") and "(" in name):
                    table = target.vars
                    var = table.get(name)
                    if var is None:
                        var = table[name] = Var()
                    fv[local] = var
                    if frame.links is None:
                        frame.links = set()
                    frame.links.add(local)
                    return ""
        return call(head + [other, local])
    return upvar


@inline("variable")
def _variable(c):
    """`variable name` (no value) in a proc body: the namespace variable,
    declared if new, put into the proc's table, as the command does."""
    words = c.words
    if c.mode != PROC_BODY or len(words) != 2 or not _simple_name(words[1]):
        return None
    from ..commands.namespaces import cmd_variable
    interp = c.interp
    if not available(interp, "variable", cmd_variable):
        return None
    name = words[1]
    cell, refresh = builtin_guard(interp, "variable", cmd_variable)
    slow = c.slow

    def variable(fv):
        if (cell[0] != interp.epoch or cell[1] is not interp.cur_ns) and not refresh():
            return slow(fv)
        frame = interp.frame
        if frame.vars is not fv or not frame.is_proc:
            return slow(fv)
        table = interp.cur_ns.vars
        var = table.get(name)
        existing = fv.get(name)
        if existing is not None and existing is not var:
            return slow(fv)  # the command decides (relink, or "already exists")
        if var is None:
            var = table[name] = DeclaredVar()
        elif var.__class__ is Var and var.value is None and var.arr is None:
            var.__class__ = DeclaredVar
        fv[name] = var
        return ""
    return variable
