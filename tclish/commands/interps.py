"""The `interp` ensemble: child interpreters and command aliases.

A child is a separate runtime Interp (nothing is shared); the parent knows
its children by name in ``interp.extensions["interp-children"]`` and gets a
command of the same name (`sub eval ...`).  An alias is a command in one
interpreter that calls a target command, with extra leading words, in the
same or another interpreter.  Paths are Tcl lists of child names; `{}` is
the interpreter itself.
"""

from ..runtime.errors import TclError, TclSignal
from ..runtime.registry import WRONG_ARGS, ensemble, rewrite_wrong_args, wrong_args
from ..runtime.values import TclList, to_list, to_str

_CHILDREN = "interp-children"
_ALIASES = "interp-aliases"
_PARENT = "interp-parent"


def _children(interp):
    return interp.extensions.setdefault(_CHILDREN, {})


def _aliases(interp):
    """alias name (as given) -> TclList(target path, target command, args...)"""
    return interp.extensions.setdefault(_ALIASES, {})


def find_interp(interp, path):
    """The interpreter at `path` (a list of child names) below `interp`."""
    current = interp
    for name in to_list(path):
        child = _children(current).get(to_str(name))
        if child is None:
            raise TclError('could not find interpreter "%s"' % to_str(path),
                           ("TCL", "LOOKUP", "INTERP", to_str(path)))
        current = child
    return current


# ---- create / delete ---------------------------------------------------------------

def interp_create(interp, argv):
    args = [to_str(a) for a in argv[2:]]
    safe = False
    while args and args[0].startswith("-"):
        flag = args.pop(0)
        if flag == "--":
            break
        if flag == "-safe":
            safe = True
        else:
            raise TclError('bad option "%s": must be -safe or --' % flag,
                           ("TCL", "LOOKUP", "INDEX", "option", flag))
    if len(args) > 1:
        raise wrong_args("interp create", "?-safe? ?--? ?path?")
    if args:
        path = to_list(args[0])
        parent = find_interp(interp, TclList(path[:-1]))
        name = to_str(path[-1])
    else:
        parent, name = interp, _fresh_name(interp)
        path = [name]
    if name in _children(parent):
        raise TclError('interpreter named "%s" already exists, cannot create' % to_str(args[0]),
                       ("TCL", "OPERATION", "INTERP", "EXISTS"))
    child = _new_interp(parent, safe)
    _children(parent)[name] = child
    parent.register("::" + name, _child_command(name))
    return args[0] if args else name


def _fresh_name(interp):
    n = 0
    while "interp%d" % n in _children(interp):
        n += 1
    return "interp%d" % n


def _new_interp(parent, safe):
    child = type(parent)(stdout=parent.stdout, stderr=parent.stderr)
    child.extensions[_PARENT] = parent
    child.extensions["interp-safe"] = safe
    for name in ("tcl_version", "tcl_patchLevel", "tcl_library"):
        if parent.var_exists("::" + name):
            child.set_var("::" + name, parent.get_var("::" + name))
    platform = parent.lookup_var("::tcl_platform")
    if platform is not None and platform.arr is not None:
        var = child.lookup_var("::tcl_platform", create=True)
        var.arr = dict(platform.arr)
    return child


def interp_delete(interp, argv):
    for path in argv[2:]:
        names = to_list(path)
        if not names:
            raise TclError("cannot delete the current interpreter",
                           ("TCL", "OPERATION", "INTERP", "DELETESELF"))
        parent = find_interp(interp, TclList(names[:-1]))
        name = to_str(names[-1])
        if name not in _children(parent):
            raise TclError('could not find interpreter "%s"' % to_str(path),
                           ("TCL", "LOOKUP", "INTERP", to_str(path)))
        del _children(parent)[name]
        parent.delete_command("::" + name)
    return ""


def interp_exists(interp, argv):
    try:
        find_interp(interp, argv[2] if len(argv) > 2 else "")
    except TclError:
        return 0
    return 1


def interp_children(interp, argv):
    target = find_interp(interp, argv[2] if len(argv) > 2 else "")
    return TclList(sorted(_children(target)))


def interp_issafe(interp, argv):
    target = find_interp(interp, argv[2] if len(argv) > 2 else "")
    return 1 if target.extensions.get("interp-safe") else 0


# ---- eval ---------------------------------------------------------------------------

def interp_eval(interp, argv):
    return eval_in(find_interp(interp, argv[2]), argv[3:])


def eval_in(target, words):
    """Evaluate words (concatenated as `eval` does) at global level of `target`."""
    if len(words) == 1:
        script = words[0]
    else:
        from .lists_core import concat_values
        script = concat_values(words)
    saved = target.frame
    target.push_frame(target.global_frame)
    try:
        return target.eval(script)
    except TclError as e:
        target.set_error_vars(e)
        raise
    except TclSignal as s:
        from .procs import finish_return
        from ..runtime.errors import ReturnSignal
        if isinstance(s, ReturnSignal):
            return finish_return(s)
        raise
    finally:
        target.pop_frame(saved)


# ---- aliases -------------------------------------------------------------------------

def interp_alias(interp, argv):
    args = argv[2:]
    if len(args) < 2:
        raise wrong_args("interp alias", "slavePath slaveCmd ?masterPath masterCmd? ?arg ...?")
    source = find_interp(interp, args[0])
    name = to_str(args[1])
    if len(args) == 2:
        target = _aliases(source).get(name)
        if target is None:
            raise TclError('alias "%s" not found' % name, ("TCL", "LOOKUP", "ALIAS", name))
        return TclList(target[1:])
    if len(args) == 3:
        if to_str(args[2]) != "":
            raise wrong_args("interp alias", "slavePath slaveCmd ?masterPath masterCmd? ?arg ...?")
        if name not in _aliases(source):
            raise TclError('alias "%s" not found' % name, ("TCL", "LOOKUP", "ALIAS", name))
        del _aliases(source)[name]
        source.delete_command(name)
        return ""
    target_interp = find_interp(interp, args[2])
    prefix = [args[3]] + list(args[4:])
    if to_str(args[3]) == "":
        return interp_alias(interp, ["interp", "alias", args[0], args[1], ""])
    _aliases(source)[name] = TclList([args[2]] + prefix)
    source.register(name, make_alias(target_interp, prefix))
    return name


def make_alias(target, prefix):
    def call_alias(interp, argv):
        words = list(prefix) + list(argv[1:])
        try:
            if target is interp:
                return interp.invoke(words)
            return _invoke_at_global(target, words)
        except TclError as e:
            # the target's own `wrong # args` names the alias, as in Tcl
            if not e.context_added and e.message.startswith(WRONG_ARGS):
                rewrite_wrong_args(e, [to_str(argv[0])], len(prefix))
            raise
    call_alias.alias_prefix = prefix
    return call_alias


def _invoke_at_global(target, words):
    saved = target.frame
    target.push_frame(target.global_frame)
    try:
        return target.invoke(words)
    finally:
        target.pop_frame(saved)


def interp_aliases(interp, argv):
    target = find_interp(interp, argv[2] if len(argv) > 2 else "")
    return TclList(_aliases(target))


def interp_target(interp, argv):
    source = find_interp(interp, argv[2])
    name = to_str(argv[3])
    target = _aliases(source).get(name)
    if target is None:
        raise TclError('alias "%s" in path "%s" not found' % (name, to_str(argv[2])),
                       ("TCL", "LOOKUP", "ALIAS", name))
    return target[0]


# ---- the child's own command ------------------------------------------------------

def _child_command(name):
    def child_cmd(interp, argv):
        if len(argv) < 2:
            raise wrong_args(to_str(argv[0]), "cmd ?arg ...?")
        sub = to_str(argv[1])
        if sub == "eval":
            return interp_eval(interp, ["interp", "eval", name] + list(argv[2:]))
        if sub == "alias":
            return interp_alias(interp, ["interp", "alias", name] + list(argv[2:]))
        if sub == "aliases":
            return interp_aliases(interp, ["interp", "aliases", name])
        if sub == "issafe":
            return interp_issafe(interp, ["interp", "issafe", name])
        if sub in ("recursionlimit",):
            return interp_recursionlimit(interp, ["interp", sub, name] + list(argv[2:]))
        if sub == "invokehidden":
            return eval_in(find_interp(interp, name), [TclList(argv[2:])])
        raise TclError('bad option "%s": must be alias, aliases, eval, issafe, or '
                       'recursionlimit' % sub, ("TCL", "LOOKUP", "INDEX", "option", sub))
    return child_cmd


def interp_recursionlimit(interp, argv):
    target = find_interp(interp, argv[2])
    if len(argv) > 3:
        limit = int(to_str(argv[3]))
        if limit <= 0:
            raise TclError("recursion limit must be > 0", ("TCL", "OPERATION", "INTERP",
                                                           "RECURSIONLIMIT"))
        target.max_depth = limit
    return target.max_depth


def interp_share(interp, argv):
    return ""


def interp_hidden(interp, argv):
    return TclList()


def interp_bgerror(interp, argv):
    from ..runtime.events import bgerror_handler, set_bgerror_handler
    target = find_interp(interp, argv[2])
    if len(argv) == 3:
        return bgerror_handler(target)
    prefix = argv[3]
    if not to_list(prefix):
        raise TclError("cmdPrefix must be list of length >= 1",
                       ("TCL", "OPERATION", "INTERP", "BGERRORFORMAT"))
    set_bgerror_handler(target, prefix)
    return prefix


cmd_interp = ensemble("interp", {
    "alias": (interp_alias, 2, None, "slavePath slaveCmd ?masterPath masterCmd? ?arg ...?"),
    "aliases": (interp_aliases, 0, 1, "?path?"),
    "bgerror": (interp_bgerror, 1, 2, "path ?cmdPrefix?"),
    "children": (interp_children, 0, 1, "?path?"),
    "create": (interp_create, 0, None, "?-safe? ?--? ?path?"),
    "delete": (interp_delete, 0, None, "?path ...?"),
    "eval": (interp_eval, 2, None, "path arg ?arg ...?"),
    "exists": (interp_exists, 0, 1, "?path?"),
    "hidden": (interp_hidden, 0, 1, "?path?"),
    "issafe": (interp_issafe, 0, 1, "?path?"),
    "recursionlimit": (interp_recursionlimit, 1, 2, "path ?newlimit?"),
    "share": (interp_share, 3, 3, "srcPath channelId destPath"),
    "slaves": (interp_children, 0, 1, "?path?"),
    "target": (interp_target, 2, 2, "path alias"),
})

__all__ = ["cmd_interp", "find_interp", "eval_in"]
