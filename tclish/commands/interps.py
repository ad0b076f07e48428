"""The `interp` command: child interpreters, aliases, hidden commands, limits.

A child is a separate runtime Interp (nothing is shared); the parent knows
its children by name in ``interp.extensions["interp-children"]`` and gets a
command of the same name (`sub eval ...`).  An alias is a command in one
interpreter that calls a target command, with extra leading words, in the
same or another interpreter.  Paths are Tcl lists of child names; `{}` is
the interpreter itself.

Hidden commands live outside every namespace, in
``extensions["interp-hidden"]``: a script in the interpreter cannot name
them, only its parent can (`interp invokehidden`).  A safe interpreter is
made by hiding the unsafe commands (see `safebase.py`), so its parent can
still use them on its behalf, as in Tcl's safe base.
"""

from ..runtime.errors import TclError, TclSignal
from ..runtime.limits import CancelUnwind
from ..runtime.registry import WRONG_ARGS, rewrite_wrong_args, wrong_args
from ..runtime.values import TclList, to_list, to_str

_CHILDREN = "interp-children"
_ALIASES = "interp-aliases"
_PARENT = "interp-parent"
_HIDDEN = "interp-hidden"
_SAFE = "interp-safe"
_DELETED = "interp-deleted"
_DELETE_PENDING = "interp-delete-pending"


def _children(interp):
    return interp.extensions.setdefault(_CHILDREN, {})


def _aliases(interp):
    """alias token -> _Alias, for the aliases defined in `interp`"""
    return interp.extensions.setdefault(_ALIASES, {})


class _Alias:
    """An alias of `source`, known by its token: the name it was made under
    (prefixed with "::" until unique, as Tcl does when that name is still
    taken by a renamed alias).  Its command may since have been renamed or
    hidden: `cmd_token` follows it (a CmdToken moves with a rename)."""

    __slots__ = ("source", "token", "func", "target", "described", "cmd_token")

    def __init__(self, source, token, func, target, described, cmd_token):
        self.source = source
        self.token = token
        self.func = func
        self.target = target
        self.described = described    # TclList(target path as given, target cmd, args...)
        self.cmd_token = cmd_token

    def forget(self, _interp=None):
        """Drop the alias from its table (its command was deleted)."""
        table = _aliases(self.source)
        if table.get(self.token) is self:
            del table[self.token]

    def check_rename(self, new_name):
        """Refuse a rename that would make calling the alias call itself."""
        if _would_loop(self.source, new_name, self.target, to_str(self.described[1])):
            raise TclError('cannot define or rename alias "%s": would create a loop'
                           % new_name.rsplit("::", 1)[-1],
                           ("TCL", "OPERATION", "INTERP", "ALIASLOOP"))


def hidden_table(interp):
    return interp.extensions.setdefault(_HIDDEN, {})


def is_safe(interp):
    return bool(interp.extensions.get(_SAFE))


def is_deleted(interp):
    return bool(interp.extensions.get(_DELETED))


def find_interp(interp, path):
    """The interpreter at `path` (a list of child names) below `interp`."""
    current = interp
    try:
        names = to_list(path)
    except TclError:
        names = None
    if names is None:
        raise TclError('could not find interpreter "%s"' % to_str(path),
                       ("TCL", "LOOKUP", "INTERP", to_str(path)))
    for name in names:
        child = _children(current).get(to_str(name))
        if child is None:
            raise TclError('could not find interpreter "%s"' % to_str(path),
                           ("TCL", "LOOKUP", "INTERP", to_str(path)))
        current = child
    return current


def path_of(interp, target):
    """The path from `interp` down to `target`, or None when not below it."""
    names = []
    current = target
    while current is not interp:
        parent = current.extensions.get(_PARENT)
        if parent is None:
            return None
        for name, child in _children(parent).items():
            if child is current:
                names.append(name)
                break
        else:
            return None
        current = parent
    return TclList(reversed(names))


# ---- create / delete ---------------------------------------------------------------

def interp_create(interp, argv):
    args = [to_str(a) for a in argv[2:]]
    safe = is_safe(interp)
    while args and args[0].startswith("-"):
        flag = args.pop(0)
        if flag == "--":
            break
        if flag == "-safe":
            safe = True
        else:
            raise TclError('bad option "%s": must be -safe or --' % flag,
                           ("TCL", "LOOKUP", "INDEX", "option", flag))
    if args and args[0] == "-safe":  # `interp create name -safe`
        args.pop(0)
        safe = True
    if len(args) > 1:
        if args[1] == "-safe" and len(args) == 2:
            safe = True
            args.pop()
        else:
            raise wrong_args("interp create", "?-safe? ?--? ?path?")
    if args:
        path = to_list(args[0])
        if not path:
            return ""  # tclsh: creating `{}` names the interpreter itself
        parent = find_interp(interp, TclList(path[:-1]))
        name = to_str(path[-1])
    else:
        parent, name = interp, _fresh_name(interp)
    if name in _children(parent):
        raise TclError('interpreter named "%s" already exists, cannot create' % to_str(args[0]),
                       ("TCL", "OPERATION", "INTERP", "EXISTS"))
    child = new_interp(parent, safe or is_safe(parent))
    _children(parent)[name] = child
    parent.register("::" + name, _child_command(child))
    return args[0] if args else name


def _fresh_name(interp):
    n = 0
    while "interp%d" % n in _children(interp) or interp.resolve_command("::interp%d" % n):
        n += 1
    return "interp%d" % n


def new_interp(parent, safe):
    """A child runtime interpreter of `parent` (safe: with the unsafe
    commands hidden).  Output goes where the parent's goes."""
    child = type(parent)(stdout=parent.stdout, stderr=parent.stderr)
    child.extensions[_PARENT] = parent
    child.extensions[_SAFE] = safe
    child.max_depth = parent.max_depth      # a child inherits the recursion limit
    # (tcl_version, tcl_platform, ... are the child's own, from Interp())
    if parent.var_exists("::tcl_library"):
        child.set_var("::tcl_library", parent.get_var("::tcl_library"))
    if safe:
        from .safebase import make_safe
        make_safe(child)
        # as in Tcl, these reach the parent's commands through aliases
        for name in ("clock", "::tcl::mathfunc::min", "::tcl::mathfunc::max"):
            if parent.resolve_command(name if name.startswith("::") else "::" + name):
                child.delete_command(name if name.startswith("::") else "::" + name)
                define_alias(child, name, parent, "", [name])
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
        child = _children(parent).pop(name)
        parent.delete_command("::" + name)
        delete_interp(child)
    return ""


def delete_interp(child):
    """Delete an interpreter and its children; aliases in other interpreters
    that call into it are deleted too (they would have nothing to call)."""
    if is_deleted(child):
        return
    child.extensions[_DELETED] = True
    if child.depth > 0:
        # deleted while running a script (an alias of it deleted it): as in
        # Tcl, the script stops at its next command, with an error no
        # `catch` in it can hold, and the rest (its children, its channels)
        # goes once it is no longer running (_release)
        from ..runtime.limits import request_cancel
        request_cancel(child, "attempt to call eval in deleted interpreter", True,
                       ("TCL", "IDELETE"))
        child.extensions[_DELETE_PENDING] = True
        return
    _finish_delete(child)


def _release(target):
    """After an evaluation in `target` ends: finish a deletion put off
    while it was running."""
    if target.depth == 0 and target.extensions.get(_DELETE_PENDING):
        _finish_delete(target)


def _finish_delete(child):
    child.extensions.pop(_DELETE_PENDING, None)
    for grandchild in list(_children(child).values()):
        delete_interp(grandchild)
    _children(child).clear()
    for alias in list(child.extensions.get("interp-alias-sources", ())):
        if not is_deleted(alias.source) and _aliases(alias.source).get(alias.token) is alias:
            delete_alias(alias.source, alias.token)
    from ..runtime.shutdown import close_interp
    close_interp(child)


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
    return 1 if is_safe(target) else 0


def interp_marktrusted(interp, argv):
    if is_safe(interp):
        raise TclError("permission denied: safe interpreter cannot mark trusted",
                       ("TCL", "OPERATION", "INTERP", "UNSAFE"))
    target = find_interp(interp, argv[2])
    target.extensions[_SAFE] = False
    return ""


# ---- eval ---------------------------------------------------------------------------

def interp_eval(interp, argv):
    return eval_in(find_interp(interp, argv[2]), argv[3:])


def eval_in(target, words):
    """Evaluate words (concatenated as `eval` does) in `target`'s current
    frame, as Tcl does: the global one when it is idle, the caller's when
    the target is running the alias that asks (the Safe Base's `source`
    reads a pkgIndex.tcl in tclPkgUnknown's frame, where `dir` is set)."""
    if len(words) == 1:
        script = words[0]
    else:
        from .lists_core import concat_values
        script = concat_values(words)
    return _at_global(target, lambda: target.eval(script), keep_frame=True)


def _at_global(target, thunk, keep_frame=False):
    if is_deleted(target):
        raise TclError("attempt to call eval in deleted interpreter",
                       ("TCL", "IDELETE"))
    saved = target.frame
    busy = target.depth > 0  # running a script: an alias of it called us
    target.push_frame(saved if keep_frame else target.global_frame)
    try:
        lim = target.limits
        if lim is not None and lim.cancel is not None:
            lim.deliver_cancel(at_entry=True)   # `interp cancel` while it was idle
        return thunk()
    except TclError as e:
        target.set_error_vars(e)
        raise _copy_error(e)
    except TclSignal as s:
        from .procs import finish_return
        from ..runtime.errors import ReturnSignal
        if isinstance(s, ReturnSignal) and not (keep_frame and busy):
            # only an idle interpreter's top level takes a level off a return,
            # as in Tcl; in a busy one it goes on to the caller as it is
            return finish_return(s)
        raise
    except (RecursionError, MemoryError, ArithmeticError, ValueError, TypeError,
            IndexError, KeyError, AttributeError) as e:
        err = target.internal_error(e)
        target.set_error_vars(err)
        raise err from None
    except CancelUnwind as u:
        # the child was canceled with -unwind: to its parent, an error
        target.set_error_vars(u.error)
        raise u.error from None
    finally:
        target.pop_frame(saved)
        _release(target)


def _copy_error(e):
    """An error crossing into the calling interpreter carries the child's
    errorInfo and errorCode, as Tcl's TclTransferResult does."""
    return e


# ---- aliases -------------------------------------------------------------------------

_ALIAS_USAGE = "slavePath slaveCmd ?masterPath masterCmd? ?arg ...?"


def interp_alias(interp, argv):
    args = argv[2:]
    if len(args) < 2:
        raise wrong_args("interp alias", _ALIAS_USAGE)
    source = find_interp(interp, args[0])
    name = to_str(args[1])
    if len(args) == 2:
        alias = _aliases(source).get(name)
        if alias is None:
            raise TclError('alias "%s" not found' % name, ("TCL", "LOOKUP", "ALIAS", name))
        return TclList(alias.described[1:])
    if len(args) == 3:
        if to_str(args[2]) != "":
            raise wrong_args("interp alias", _ALIAS_USAGE)
        return delete_alias(source, name)
    # (with a target path, an empty target command is a command named "")
    target_interp = find_interp(interp, args[2])
    child = _children(source).get(name.lstrip(":"))
    if child is not None and "::" not in name.lstrip(":") and \
            source.resolve_command("::" + name.lstrip(":")) is not None:
        # the alias replaces the command of a child interpreter: that deletes
        # the child first (and the alias may have been meant to reach it)
        interp_delete(source, ["interp", "delete", name.lstrip(":")])
    return define_alias(source, name, target_interp, args[2], [args[3]] + list(args[4:]))


def delete_alias(source, token):
    """Delete the alias `token` of `source`, and its command wherever it is
    now (renamed, or hidden)."""
    alias = _aliases(source).pop(token, None)
    if alias is None:
        raise TclError('alias "%s" not found' % token, ("TCL", "LOOKUP", "ALIAS", token))
    hidden = hidden_table(source)
    for hidden_name, func in list(hidden.items()):
        if func is alias.func:
            del hidden[hidden_name]  # a hidden alias goes with its alias
            return ""
    tok = alias.cmd_token
    if tok.ns.commands.get(tok.tail) is alias.func:
        source.discard_command(tok.ns, tok.tail)
    return ""


def define_alias(source, name, target, target_path, prefix):
    if is_deleted(target):
        raise TclError('cannot define or rename alias "%s": interpreter deleted' % name,
                       ("TCL", "OPERATION", "INTERP", "DELETED"))
    if _would_loop(source, name, target, to_str(prefix[0])):
        raise TclError('cannot define or rename alias "%s": would create a loop' % name,
                       ("TCL", "OPERATION", "INTERP", "ALIASLOOP"))
    func = make_alias(target, prefix)
    # the command first: an alias it replaces frees its token
    ns, tail = source._ns_and_tail(name, create=True)
    source.set_command(ns, tail, func)
    table = _aliases(source)
    token = name
    while token in table:
        token = "::" + token
    alias = _Alias(source, token, func, target, TclList([target_path] + prefix),
                   source.command_token(ns, tail))
    func.alias = alias
    func.on_delete = alias.forget
    table[token] = alias
    if target is not source:
        target.extensions.setdefault("interp-alias-sources", []).append(alias)
    return token


def _would_loop(source, name, target, target_name):
    """Whether calling alias `name` of `source` would end up calling itself."""
    def key(interp, cmd):
        return interp, (cmd if cmd.startswith("::") else "::" + cmd)
    me = key(source, name)
    interp, cmd = target, target_name
    for _ in range(1000):
        if key(interp, cmd) == me:
            return True
        tns, ttail = interp.locate_command(cmd, interp.global_ns)
        if tns is None:
            return False
        if interp is source and tns.qualify(ttail) == me[1]:
            return True
        nxt = getattr(tns.commands[ttail], "alias_target", None)
        if nxt is None:
            return False
        interp, cmd = nxt[0], to_str(nxt[1][0])
    return True


def make_alias(target, prefix):
    def call_alias(interp, argv):
        words = list(prefix) + list(argv[1:])
        try:
            if target is interp:
                # the target's name is resolved from the global namespace, but
                # it runs where the alias was called, as Tcl's TCL_EVAL_INVOKE
                # does: snit's `typevariable` (an alias of ::variable) declares
                # a variable of the calling proc's namespace
                func = interp.resolve_command(to_str(words[0]), interp.global_ns)
                if func is not None:
                    if interp.limits is not None:
                        interp.limits.tick()
                    return func(interp, words)
                saved = interp.cur_ns
                interp.cur_ns = interp.global_ns
                try:
                    return interp.invoke(words)
                finally:
                    interp.cur_ns = saved
            return _invoke_at_global(interp, target, words)
        except TclError as e:
            # the target's own `wrong # args` names the alias, as in Tcl
            if (not e.context_added and e.message.startswith(WRONG_ARGS)
                    and _names_target(e.message, prefix)):
                rewrite_wrong_args(e, [to_str(argv[0])], len(prefix))
            if target is not interp:
                # the error arrives from another interpreter already logged:
                # the alias's line is "invoked from within", as in Tcl
                e.context_added = True
            raise
    call_alias.alias_prefix = prefix
    call_alias.alias_target = (target, prefix)
    return call_alias


def _names_target(message, prefix):
    """Whether a `wrong # args` message is about the alias's target command
    itself (a procedure's own `error "wrong # args ..."` about another name
    is left as it is, as in Tcl)."""
    first = message[len(WRONG_ARGS):].lstrip('"').split(" ", 1)[0].rstrip('"')
    return first.rsplit("::", 1)[-1] == to_str(prefix[0]).rsplit("::", 1)[-1]


def _invoke_at_global(caller, target, words):
    if is_deleted(target):
        raise TclError("attempt to call eval in deleted interpreter", ("TCL", "IDELETE"))
    saved = target.frame
    target.push_frame(target.global_frame)
    target.depth += 1
    try:
        if target.depth > target.max_depth:
            raise target.nesting_error()
        return target.invoke(words)
    except TclError as e:
        target.set_error_vars(e)
        raise
    finally:
        # a return (`return -level 2` in a file the Safe Base sources) passes
        # to the caller as it is, as Tcl's aliases pass any result code
        target.depth -= 1
        target.pop_frame(saved)
        _release(target)


def interp_aliases(interp, argv):
    target = find_interp(interp, argv[2] if len(argv) > 2 else "")
    # (Tcl lists them in its hash table's order; sorted is at least stable)
    return TclList(sorted(_aliases(target)))


def interp_target(interp, argv):
    source = find_interp(interp, argv[2])
    name = to_str(argv[3])
    alias = _aliases(source).get(name)
    if alias is None:
        raise TclError('alias "%s" in path "%s" not found' % (name, to_str(argv[2])),
                       ("TCL", "LOOKUP", "ALIAS", name))
    path = path_of(interp, alias.target)
    if path is None:
        raise TclError('target interpreter for alias "%s" in path "%s" is not my descendant'
                       % (name, to_str(argv[2])), ("TCL", "OPERATION", "INTERP", "TARGETSHROUDED"))
    return path


# ---- hidden commands ----------------------------------------------------------------

def hide_command(interp, name, hidden_name):
    if "::" in hidden_name:
        raise TclError("cannot use namespace qualifiers in hidden command token (rename)",
                       ("TCL", "VALUE", "HIDDENTOKEN"))
    ns, tail = interp.locate_command(name, interp.global_ns)
    if ns is None:
        raise TclError('unknown command "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
    if ns is not interp.global_ns:
        raise TclError("can only hide global namespace commands (use rename then hide)",
                       ("TCL", "OPERATION", "HIDE", "NON_GLOBAL"))
    table = hidden_table(interp)
    if hidden_name in table:
        raise TclError('hidden command named "%s" already exists' % hidden_name,
                       ("TCL", "OPERATION", "HIDE", "ALREADY_HIDDEN"))
    func = ns.commands[tail]
    family = getattr(func, "lazy_family", None)
    if family is not None:
        from ..runtime.registry import load_lazy_family
        load_lazy_family(interp, family)
        func = ns.commands[tail]
    # leave the table as a rename away would, but without delete traces
    ns.commands.pop(tail)
    ns.tokens.pop(tail, None)
    interp.epoch += 1
    interp.core_epoch += 1
    table[hidden_name] = func
    return ""


def expose_command(interp, hidden_name, name):
    table = hidden_table(interp)
    if hidden_name not in table:
        raise TclError('unknown hidden command "%s"' % hidden_name,
                       ("TCL", "LOOKUP", "HIDDENTOKEN", hidden_name))
    if "::" in name:
        raise TclError("cannot expose to a namespace (use expose to toplevel, then rename)",
                       ("TCL", "OPERATION", "EXPOSE", "NON_GLOBAL"))
    if name in interp.global_ns.commands:
        raise TclError('exposed command "%s" already exists' % name,
                       ("TCL", "OPERATION", "EXPOSE", "COMMAND_EXISTS"))
    func = table.pop(hidden_name)
    interp.set_command(interp.global_ns, name, func)
    interp.core_epoch += 1
    alias = getattr(func, "alias", None)
    if alias is not None:   # an exposed alias is found again under its new name
        alias.cmd_token = interp.command_token(interp.global_ns, name)
    return ""


def interp_hide(interp, argv):
    if is_safe(interp):
        raise TclError("permission denied: safe interpreter cannot hide commands",
                       ("TCL", "OPERATION", "INTERP", "UNSAFE"))
    target = find_interp(interp, argv[2])
    name = to_str(argv[3])
    hidden = to_str(argv[4]) if len(argv) > 4 else name
    return hide_command(target, name, hidden)


def interp_expose(interp, argv):
    if is_safe(interp):
        raise TclError("permission denied: safe interpreter cannot expose commands",
                       ("TCL", "OPERATION", "INTERP", "UNSAFE"))
    target = find_interp(interp, argv[2])
    hidden = to_str(argv[3])
    name = to_str(argv[4]) if len(argv) > 4 else hidden
    return expose_command(target, hidden, name)


def interp_hidden(interp, argv):
    target = find_interp(interp, argv[2] if len(argv) > 2 else "")
    return TclList(sorted(hidden_table(target)))


def interp_invokehidden(interp, argv):
    return invoke_hidden(interp, find_interp(interp, argv[2]), argv[3:],
                         "interp invokehidden")


_INVOKEHIDDEN_USAGE = "path ?-namespace ns? ?-global? ?--? cmd ?arg ..?"


def invoke_hidden(caller, target, args, what):
    if is_safe(caller):
        raise TclError("not allowed to invoke hidden commands from safe interpreter",
                       ("TCL", "OPERATION", "INTERP", "UNSAFE"))
    args = list(args)
    namespace = None
    at_global = False
    while args and to_str(args[0]).startswith("-"):
        opt = to_str(args[0])
        if opt == "--":
            args.pop(0)
            break
        if opt == "-global":
            at_global = True
            args.pop(0)
        elif opt == "-namespace":
            if len(args) < 2:
                raise wrong_args(what, _INVOKEHIDDEN_USAGE.partition(" ")[2]
                                 if what != "interp invokehidden" else _INVOKEHIDDEN_USAGE)
            namespace = to_str(args[1])
            del args[:2]
        else:
            raise TclError('bad option "%s": must be -global, -namespace, or --' % opt,
                           ("TCL", "LOOKUP", "INDEX", "option", opt))
    if not args:
        usage = _INVOKEHIDDEN_USAGE if what == "interp invokehidden" else \
            _INVOKEHIDDEN_USAGE.partition(" ")[2]
        raise wrong_args(what, usage)
    name = to_str(args[0])
    func = hidden_table(target).get(name)
    if func is None:
        raise TclError('invalid hidden command name "%s"' % name,
                       ("TCL", "LOOKUP", "HIDDENTOKEN", name))
    argv = [args[0]] + list(args[1:])
    if is_deleted(target):
        raise TclError("attempt to call eval in deleted interpreter", ("TCL", "IDELETE"))

    def call():
        text = " ".join(to_str(a) for a in argv)
        try:
            if namespace is not None:
                from ..runtime.frames import Frame
                ns = target.create_namespace(namespace if namespace.startswith("::")
                                             else "::" + namespace)
                frame = Frame(ns.vars, ns, target.frame.level, target.frame)
                saved_ns = target.frame
                target.push_frame(frame)
                try:
                    return func(target, argv)
                finally:
                    target.pop_frame(saved_ns)
            return func(target, argv)
        except TclError as e:
            target.add_error_context(e, text, 1)
            raise

    if at_global or target is not caller:
        if at_global:
            return _at_global(target, call)
        return _in_current(target, call)
    return call()


def _in_current(target, thunk):
    # any other result code (a hidden proc's `return -code return`) passes
    # to the caller as it is, as in Tcl
    try:
        return thunk()
    except TclError as e:
        target.set_error_vars(e)
        raise
    finally:
        _release(target)


# ---- limits, recursion limit, channels, background errors ------------------------

def interp_recursionlimit(interp, argv, what="interp recursionlimit"):
    target = find_interp(interp, argv[2])
    if len(argv) > 3:
        if is_safe(interp):
            raise TclError("permission denied: safe interpreters cannot change recursion limit",
                           ("TCL", "OPERATION", "INTERP", "UNSAFE"))
        from ..runtime.numbers import parse_int
        text = to_str(argv[3])
        limit = parse_int(text)
        if limit is None:
            raise TclError('expected integer but got "%s"' % text,
                           ("TCL", "VALUE", "NUMBER"))
        if limit <= 0:
            raise TclError("recursion limit must be > 0", ("TCL", "OPERATION", "INTERP",
                                                           "RECURSIONLIMIT"))
        if limit > 0x7FFFFFFF:
            raise TclError("integer value too large to represent",
                           ("ARITH", "IOVERFLOW", "integer value too large to represent"))
        if limit <= target.depth:
            target.max_depth = limit
            raise TclError("falling back due to new recursion limit",
                           ("TCL", "RECURSION"))
        target.max_depth = limit
    return target.max_depth


def interp_limit(interp, argv, where=None):
    from .interp_limits import limit_command
    target = find_interp(interp, argv[2])
    return limit_command(interp, target, argv[3:],
                         "interp limit" if where is None else where)


def interp_share(interp, argv):
    return _move_channel(interp, argv, keep=True)


def interp_transfer(interp, argv):
    return _move_channel(interp, argv, keep=False)


def _move_channel(interp, argv, keep):
    from .channels import channel_table
    source = find_interp(interp, argv[2])
    name = to_str(argv[3])
    dest = find_interp(interp, argv[4])
    chan = channel_table(source).get(name)
    if chan is None:
        raise TclError('can not find channel named "%s"' % name,
                       ("TCL", "LOOKUP", "CHANNEL", name))
    if dest is source:
        return ""
    dest.channels[name] = chan
    if keep:
        try:
            chan.tcl_shared = getattr(chan, "tcl_shared", 1) + 1
        except AttributeError:
            pass
    else:
        del source.channels[name]
    return ""


def interp_bgerror(interp, argv):
    from ..runtime.events import bgerror_handler, set_bgerror_handler
    target = find_interp(interp, argv[2])
    if len(argv) == 3:
        return bgerror_handler(target)
    prefix = argv[3]
    try:
        words = to_list(prefix)
    except TclError:
        words = None
    if not words:
        raise TclError("cmdPrefix must be list of length >= 1",
                       ("TCL", "OPERATION", "INTERP", "BGERRORFORMAT"))
    set_bgerror_handler(target, prefix)
    return prefix


def background_error(interp, err):
    """Report an error of a callback that has nobody to return it to (a limit's
    callback, a destructor): through the event loop's background-error
    handling (runtime/events.py), so `interp bgerror` and `bgerror` see it."""
    from ..runtime.events import background_error as queue
    queue(interp, err)


def interp_debug(interp, argv):
    target = find_interp(interp, argv[2])
    if "debug-frame" not in target.extensions:
        # TCL_INTERP_DEBUG_FRAME in the environment turns it on, as in Tcl
        import os
        target.extensions["debug-frame"] = bool(os.environ.get("TCL_INTERP_DEBUG_FRAME"))
    if len(argv) > 3:
        opt = to_str(argv[3])
        if not opt or not "-frame".startswith(opt):
            raise TclError('bad debug option "%s": must be -frame' % opt,
                           ("TCL", "LOOKUP", "INDEX", "debug option", opt))
        if len(argv) > 4:
            from ..runtime.values import to_bool
            # a one-way switch: once on it stays on
            target.extensions["debug-frame"] = target.extensions["debug-frame"] or \
                to_bool(argv[4])
        return 1 if target.extensions.get("debug-frame") else 0
    return TclList(["-frame", 1 if target.extensions.get("debug-frame") else 0])


_CANCEL_OPTIONS = ("-unwind", "--")


def interp_cancel(interp, argv):
    """interp cancel ?-unwind? ?--? ?path? ?result?: the interpreter at path
    (default: this one) fails its next command with `result` (default
    "eval canceled" / "eval unwound"); canceling this one fails now."""
    from ..runtime.limits import cancel_error, request_cancel
    args = list(argv[2:])
    unwind = False
    while args:
        word = to_str(args[0])
        if not word.startswith("-"):
            break
        matches = [o for o in _CANCEL_OPTIONS if o.startswith(word)]
        if len(matches) != 1:
            raise TclError('%s option "%s": must be -unwind or --'
                           % ("ambiguous" if matches else "bad", word),
                           ("TCL", "LOOKUP", "INDEX", "option", word))
        del args[0]
        if matches[0] == "--":
            break
        unwind = True
    if len(args) > 2:
        raise TclError('wrong # args: should be "%s cancel ?-unwind? ?--? ?path? ?result?"'
                       % to_str(argv[0]), ("TCL", "WRONGARGS"))
    target = find_interp(interp, args[0]) if args else interp
    message = to_str(args[1]) if len(args) > 1 else None
    if target is interp:
        raise cancel_error(message, unwind)
    request_cancel(target, message, unwind)
    return ""


# ---- the `interp` command and the child's own command ------------------------------

_SUBCOMMANDS = [
    # name, function, min args, max args (after the subcommand), usage
    ("alias", interp_alias, 2, None, _ALIAS_USAGE),
    ("aliases", interp_aliases, 0, 1, "?path?"),
    ("bgerror", interp_bgerror, 1, 2, "path ?cmdPrefix?"),
    ("cancel", interp_cancel, 0, 4, "?-unwind? ?--? ?path? ?result?"),
    ("children", interp_children, 0, 1, "?path?"),
    ("create", interp_create, 0, None, "?-safe? ?--? ?path?"),
    ("debug", interp_debug, 1, 3, "path ?-frame ?bool??"),
    ("delete", interp_delete, 0, None, "?path ...?"),
    ("eval", interp_eval, 2, None, "path arg ?arg ...?"),
    ("exists", interp_exists, 0, 1, "?path?"),
    ("expose", interp_expose, 2, 3, "path hiddenCmdName ?cmdName?"),
    ("hide", interp_hide, 2, 3, "path cmdName ?hiddenCmdName?"),
    ("hidden", interp_hidden, 0, 1, "?path?"),
    ("issafe", interp_issafe, 0, 1, "?path?"),
    ("invokehidden", interp_invokehidden, 1, None, _INVOKEHIDDEN_USAGE),
    ("limit", interp_limit, 2, None, "path limitType ?-option value ...?"),
    ("marktrusted", interp_marktrusted, 1, 1, "path"),
    ("recursionlimit", interp_recursionlimit, 1, 2, "path ?newlimit?"),
    ("slaves", interp_children, 0, 1, "?path?"),
    ("share", interp_share, 3, 3, "srcPath channelId destPath"),
    ("target", interp_target, 2, 2, "path alias"),
    ("transfer", interp_transfer, 3, 3, "srcPath channelId destPath"),
]
_TABLE = {entry[0]: entry for entry in _SUBCOMMANDS}


def _options_text(names):
    return ", ".join(names[:-1]) + ", or " + names[-1]


def _pick(table, names, word):
    entry = table.get(word)
    if entry is None:
        matches = [n for n in names if n.startswith(word)] if word else []
        if len(matches) == 1:
            return table[matches[0]]
        raise TclError('%s option "%s": must be %s' % (
            "ambiguous" if len(matches) > 1 else "bad", word, _options_text(names)),
            ("TCL", "LOOKUP", "INDEX", "option", word))
    return entry


def cmd_interp(interp, argv):
    if len(argv) < 2:
        raise wrong_args("interp", "cmd ?arg ...?")
    word = to_str(argv[1])
    _, func, lo, hi, usage = _pick(_TABLE, [e[0] for e in _SUBCOMMANDS], word)
    n = len(argv) - 2
    if n < lo or (hi is not None and n > hi):
        raise wrong_args("interp " + _TABLE[_pick(_TABLE, list(_TABLE), word)[0]][0], usage)
    return func(interp, argv)


_CHILD_SUBCOMMANDS = [
    # name, min, max, usage, how to call the `interp` form
    ("alias", 1, None, "aliasName ?targetName? ?arg ...?"),
    ("aliases", 0, 0, ""),
    ("bgerror", 0, 1, "?cmdPrefix?"),
    ("debug", 0, 2, "?-frame ?bool??"),
    ("eval", 1, None, "arg ?arg ...?"),
    ("expose", 1, 2, "hiddenCmdName ?cmdName?"),
    ("hide", 1, 2, "cmdName ?hiddenCmdName?"),
    ("hidden", 0, 0, ""),
    ("issafe", 0, 0, ""),
    ("invokehidden", 1, None, "?-namespace ns? ?-global? ?--? cmd ?arg ..?"),
    ("limit", 1, None, "limitType ?-option value ...?"),
    ("marktrusted", 0, 0, ""),
    ("recursionlimit", 0, 1, "?newlimit?"),
]
_CHILD_TABLE = {e[0]: e for e in _CHILD_SUBCOMMANDS}


def _child_command(child):
    def child_cmd(interp, argv):
        me = to_str(argv[0])
        if len(argv) < 2:
            raise wrong_args(me, "cmd ?arg ...?")
        name, lo, hi, usage = _pick(_CHILD_TABLE, [e[0] for e in _CHILD_SUBCOMMANDS],
                                    to_str(argv[1]))
        n = len(argv) - 2
        if n < lo or (hi is not None and n > hi):
            raise wrong_args("%s %s" % (me, name), usage)
        path = path_of(interp, child)
        if path is None:
            raise TclError('could not find interpreter "%s"' % me,
                           ("TCL", "LOOKUP", "INTERP", me))
        rest = list(argv[2:])
        if name == "alias":
            if len(rest) == 1:
                return interp_alias(interp, ["interp", "alias", path, rest[0]])
            if len(rest) == 2 and to_str(rest[1]) == "":
                return interp_alias(interp, ["interp", "alias", path, rest[0], ""])
            return interp_alias(interp, ["interp", "alias", path, rest[0], ""] + rest[1:])
        if name == "eval":
            return eval_in(child, rest)
        if name == "invokehidden":
            return invoke_hidden(interp, child, rest, "%s invokehidden" % me)
        if name == "recursionlimit":
            return interp_recursionlimit(interp, ["interp", name, path] + rest)
        if name == "limit":
            from .interp_limits import limit_command
            return limit_command(interp, child, rest, "%s limit" % me)
        if name == "bgerror":
            return interp_bgerror(interp, ["interp", name, path] + rest)
        if name == "debug":
            return interp_debug(interp, ["interp", name, path] + rest)
        if name in ("aliases", "hidden", "issafe", "marktrusted"):
            return _TABLE[name][1](interp, ["interp", name, path])
        return _TABLE[name][1](interp, ["interp", name, path] + rest)
    child_cmd.interp_child = child
    return child_cmd


from ..runtime.registry import CommandInfo  # noqa: E402
cmd_interp.tcl_info = CommandInfo("interp", cmd_interp, 0, None, "cmd ?arg ...?")

__all__ = ["cmd_interp", "find_interp", "eval_in", "new_interp", "hide_command",
           "expose_command", "hidden_table", "is_safe", "background_error"]
