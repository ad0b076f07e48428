"""The core methods: destroy, eval, unknown, variable, varname and <cloned>
of oo::object; create, new and createWithNamespace of oo::class."""

from ..runtime.errors import TclError
from ..runtime.frames import Var
from ..runtime.values import to_str
from .calls import MethodFrame, unknown_method_error
from .lifecycle import construct, destroy, make_object
from .model import Method


def _args(argv, nwords):
    return argv[nwords:]


def _wrong(argv, nwords, usage):
    words = " ".join(to_str(w) for w in argv[:nwords])
    return TclError('wrong # args: should be "%s%s"' % (words, " " + usage if usage else ""),
                    ("TCL", "WRONGARGS"))


def core_destroy(interp, ctx, index, argv, nwords):
    if len(argv) > nwords:
        raise _wrong(argv, nwords, "")
    destroy(interp, ctx.obj, report=True)
    return ""


def core_eval(interp, ctx, index, argv, nwords):
    args = _args(argv, nwords)
    if not args:
        raise _wrong(argv, nwords, "arg ?arg ...?")
    obj = ctx.obj
    if len(args) == 1:
        script = args[0]
    else:
        from ..commands.lists_core import concat_values
        script = concat_values(args)
    caller = interp.frame
    frame = MethodFrame(obj.ns.vars, obj.ns, caller.level + 1, caller, None, argv, ctx, index)
    interp.frame = frame
    interp.cur_ns = obj.ns
    try:
        # named as the method was called (the object by its full name when
        # called from outside), even when reached by `next`
        shown = [to_str(w) for w in ctx.words[:ctx.nwords]]
        if ctx.public and shown:
            shown[0] = obj.name()
        words = " ".join(shown)
        return interp.eval_body(script, '(in "%s" script line %%d)' % words.replace("%", "%%"))
    finally:
        interp.frame = caller
        interp.cur_ns = caller.ns


def core_unknown(interp, ctx, index, argv, nwords):
    args = _args(argv, nwords)
    obj = ctx.obj
    if not args:
        raise _wrong(argv, nwords, "method ?arg ...?")
    raise unknown_method_error(obj, to_str(args[0]), ctx.public)


def core_variable(interp, ctx, index, argv, nwords):
    obj = ctx.obj
    frame = interp.frame
    for w in _args(argv, nwords):
        name = to_str(w)
        if "::" in name:
            raise TclError('variable name "%s" illegal: must not contain namespace separator'
                           % name, ("TCL", "UPVAR", "INVERTED"))
        if name.endswith(")") and "(" in name:
            raise TclError('can\'t define "%s": name refers to an element in an array' % name,
                           ("TCL", "UPVAR", "LOCAL_ELEMENT"))
        var = obj.ns.vars.get(name)
        if var is None:
            var = obj.ns.vars[name] = Var()
        if frame.is_proc:
            frame.vars[name] = var
            if frame.links is None:
                frame.links = set()
            frame.links.add(name)
        elif frame.vars is not obj.ns.vars:
            frame.vars[name] = var
    return ""


def core_varname(interp, ctx, index, argv, nwords):
    args = _args(argv, nwords)
    if len(args) != 1:
        raise _wrong(argv, nwords, "varName")
    name = to_str(args[0])
    obj = ctx.obj
    from ..runtime.interp import split_array_name
    base, idx = split_array_name(name)
    if "::" in base:
        return name
    if base not in obj.ns.vars:
        obj.ns.vars[base] = Var()
    return obj.ns.qualify(name)


def core_cloned(interp, ctx, index, argv, nwords):
    return ""


def core_create(interp, ctx, index, argv, nwords):
    args = _args(argv, nwords)
    if not args:
        raise _wrong(argv, nwords, "objectName ?arg ...?")
    name = to_str(args[0])
    if not name:
        raise TclError("object name must not be empty", ("TCL", "OO", "EMPTY_NAME"))
    obj = make_object(interp, ctx.obj, name)
    construct(interp, obj, argv, nwords + 1)
    return obj.name()


def core_new(interp, ctx, index, argv, nwords):
    obj = make_object(interp, ctx.obj)
    construct(interp, obj, argv, nwords)
    return obj.name()


def core_create_with_namespace(interp, ctx, index, argv, nwords):
    args = _args(argv, nwords)
    if len(args) < 2:
        raise _wrong(argv, nwords, "objectName namespaceName ?arg ...?")
    name = to_str(args[0])
    if not name:
        raise TclError("object name must not be empty", ("TCL", "OO", "EMPTY_NAME"))
    nsname = to_str(args[1])
    obj = make_object(interp, ctx.obj, name, nsname or None)
    construct(interp, obj, argv, nwords + 2)
    return obj.name()


OBJECT_METHODS = {
    "destroy": (core_destroy, True),
    "eval": (core_eval, False),
    "unknown": (core_unknown, False),
    "variable": (core_variable, False),
    "varname": (core_varname, False),
    "<cloned>": (core_cloned, False),
}

CLASS_METHODS = {
    "create": (core_create, True),
    "new": (core_new, True),
    "createWithNamespace": (core_create_with_namespace, False),
}


def install_core_methods(cls, table):
    for name, (func, exported) in table.items():
        cls.cmethods[name] = Method(name, "core", cls, exported, func=func)


