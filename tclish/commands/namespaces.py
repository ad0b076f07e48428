"""namespace and variable: namespaces, their variables and commands."""

import re

from ..runtime.errors import TclError
from ..runtime.frames import DeclaredVar, Frame, Var
from ..runtime.interp import ImportedCmd
from ..runtime.registry import (WRONG_ARGS, choice_list, command, ensemble, resolve_prefix,
                                rewrite_wrong_args, wrong_args)
from ..runtime.values import TclDict, TclList, to_bool, to_dict, to_list, to_str


def _absolute(interp, name):
    """The fully qualified form of a namespace name: runs of two or more
    colons separate components (and a trailing run is dropped); a single
    colon is an ordinary character."""
    if not name.startswith("::"):
        base = interp.cur_ns.name
        name = "::" + name if base == "::" else base + "::" + name
    parts = [p for p in _SEPARATORS.split(name) if p]
    return "::" + "::".join(parts) if parts else "::"


_SEPARATORS = re.compile(r"::+")


def find_namespace(interp, name, required=True):
    """The namespace `name` names: a relative name is looked up in the
    current namespace only (as Tcl_FindNamespace does)."""
    ns = interp.namespaces.get(_absolute(interp, name))
    if ns is None and required:
        if name.startswith("::"):
            raise TclError('namespace "%s" not found' % name, ("TCL", "LOOKUP", "NAMESPACE", name))
        raise TclError('namespace "%s" not found in "%s"' % (name, interp.cur_ns.name),
                       ("TCL", "LOOKUP", "NAMESPACE", name))
    return ns


def ns_eval(interp, argv, ns=None):
    if ns is None:
        name = to_str(argv[2])
        if not name and interp.cur_ns is not interp.global_ns:
            raise TclError('can\'t create namespace "": only global namespace can have empty name',
                           ("TCL", "OPERATION", "NAMESPACE", "CREATEGLOBAL"))
        full = _absolute(interp, name)
        ns = interp.namespaces.get(full) or interp.create_namespace(full)
    if len(argv) == 4:
        script = argv[3]
    else:
        from .lists_core import concat_values
        script = concat_values(argv[3:])
    caller = interp.frame
    # a namespace eval is a call frame of its own (uplevel 1 from it goes back
    # to the caller), whose variables are the namespace's
    frame = Frame(ns.vars, ns, caller.level + 1, caller, argv=argv)
    frame.is_proc = False
    interp.frame = frame
    interp.cur_ns = ns
    active = interp.extensions.get(_EVAL_ACTIVE)
    if active is None:
        active = interp.extensions[_EVAL_ACTIVE] = {}
    active[ns] = active.get(ns, 0) + 1
    try:
        return interp.eval_body(script, '(in namespace eval "%s" script line %%d)' % ns.name.replace("%", "%%"))
    finally:
        interp.frame = caller
        interp.cur_ns = caller.ns
        left = active.pop(ns) - 1
        if left:
            active[ns] = left
        elif ns in interp.extensions.get(_DYING, ()):
            interp.extensions[_DYING].discard(ns)
            _tear_down(interp, ns)


# namespace -> how many `namespace eval` frames run in it now; a namespace
# deleted meanwhile only dies (Tcl's NS_DYING): it can no longer be found
# by name (so a tailcall from it fails: 'namespace "::ns" not found'), but
# its commands and variables stay until the last of those frames ends
_EVAL_ACTIVE = "ns-eval-active"
_DYING = "ns-dying"


def ns_current(interp, argv):
    return interp.cur_ns.name


def ns_qualifiers(interp, argv):
    s = to_str(argv[2])
    i = s.rfind("::")
    if i < 0:
        return ""
    j = i
    while j > 0 and s[j - 1] == ":":
        j -= 1
    return s[:j]


def ns_tail(interp, argv):
    s = to_str(argv[2])
    i = s.rfind("::")
    return s if i < 0 else s[i + 2:]


def ns_exists(interp, argv):
    return 1 if find_namespace(interp, to_str(argv[2]), False) is not None else 0


def ns_children(interp, argv):
    ns = find_namespace(interp, to_str(argv[2])) if len(argv) > 2 else interp.cur_ns
    names = [c.name for c in ns.children.values()]
    if len(argv) > 3:
        from ..runtime.glob import glob_match
        pat = to_str(argv[3])
        if not pat.startswith("::"):
            pat = (ns.name + "::" + pat) if ns.name != "::" else "::" + pat
        names = [n for n in names if glob_match(pat, n)]
    return TclList(sorted(names))


def ns_parent(interp, argv):
    ns = find_namespace(interp, to_str(argv[2])) if len(argv) > 2 else interp.cur_ns
    return ns.parent.name if ns.parent else ""


def ns_delete(interp, argv):
    spaces = []
    for a in argv[2:]:
        name = to_str(a)
        ns = find_namespace(interp, name, required=False)
        if ns is None:
            raise TclError('unknown namespace "%s" in namespace delete command' % name,
                           ("TCL", "LOOKUP", "NAMESPACE", name))
        spaces.append(ns)
    for ns in spaces:
        delete_namespace(interp, ns)
    return ""


def delete_namespace(interp, ns):
    """Delete a namespace: it can no longer be found by name, its variables
    are unset (their unset traces run), its commands deleted (their delete
    traces run, and the commands imported from them go too), then its
    children.  The global namespace loses its contents but stays."""
    if ns.deleted:
        return
    oo = interp.extensions.get("oo")
    if oo is not None and ns in oo.objects:
        # an object's namespace: its destructor runs first, seeing it whole
        oo.namespace_deleted(ns)
        if ns.deleted:
            return
    is_global = ns is interp.global_ns
    if is_global and interp.depth > 1:
        # Tcl only marks a namespace that some call frame still uses as
        # dying; the global one is in use by every nested evaluation
        return
    if not is_global:
        ns.deleted = True
        interp.namespaces.pop(ns.name, None)
        if ns in interp.extensions.get(_EVAL_ACTIVE, ()):
            _forget_names(interp, ns)
            interp.extensions.setdefault(_DYING, set()).add(ns)
            _unlink(ns)
            interp.epoch += 1
            return
        _unlink(ns)
    _tear_down(interp, ns)


def _unlink(ns):
    parent = ns.parent
    if parent is not None:
        tail = ns.name.rpartition("::")[2]
        if parent.children.get(tail) is ns:
            # (::oo holds every object's namespace: no scan of them all)
            del parent.children[tail]
        else:
            for key, child in list(parent.children.items()):
                if child is ns:
                    del parent.children[key]


def _forget_names(interp, ns):
    """A dying namespace's children can no longer be found by name either."""
    for child in ns.children.values():
        if interp.namespaces.get(child.name) is child:
            del interp.namespaces[child.name]
        _forget_names(interp, child)


def _tear_down(interp, ns):
    """Everything in a deleted namespace goes: variables, commands, children."""
    # core_epoch is not bumped here: it tells inlined code that a core command
    # may be shadowed, and deleting this namespace's commands below bumps it
    # for any that could shadow one (discard_command).  A bump for every
    # deleted namespace sent all inlined code to plain dispatch for good after
    # the first `namespace delete` (tcllib's objects delete theirs on destroy).
    interp.epoch += 1
    for config in list(ns.ensemble or ()):
        # the ensembles of a namespace go with it, wherever their commands are
        tok = config.token
        if not config.dead and tok is not None and tok.ns.commands.get(tok.tail) is config.func:
            interp.discard_command(tok.ns, tok.tail)
    if ns.on_a_path:
        # (a scan of every namespace: objects' namespaces, thousands in
        # math::exact, are on no path, so deleting them skips it)
        for other in interp.namespaces.values():
            if ns in other.path:
                other.path = [p for p in other.path if p is not ns]
    for vname, var in list(ns.vars.items()):
        if vname in ns.links:
            continue  # an upvar link: the variable it names lives on
        traces = var.traces
        var.traces = None
        var.value = None
        var.arr = None
        if type(var) is DeclaredVar:
            var.__class__ = Var
        if traces:
            try:
                interp.fire_traces_list(traces, ns.qualify(vname), None, "unset")
            except TclError:
                pass
    ns.vars.clear()
    while ns.commands:
        tail = next(iter(ns.commands))
        interp.discard_command(ns, tail)
        ns.commands.pop(tail, None)
    for child in list(ns.children.values()):
        delete_namespace(interp, child)
    ns.path = []
    ns.ensemble = None
    interp.epoch += 1


def _delete(interp, ns):
    delete_namespace(interp, ns)


def ns_export(interp, argv):
    args = [to_str(a) for a in argv[2:]]
    ns = interp.cur_ns
    if not args:
        return TclList(ns.exports)
    if args[0] == "-clear":
        ns.exports = []
        args = args[1:]
    for pattern in args:
        if "::" in pattern:
            raise TclError('invalid export pattern "%s": pattern can\'t specify a namespace'
                           % pattern, ("TCL", "EXPORT", "INVALID"))
        if pattern not in ns.exports:
            ns.exports.append(pattern)
    return ""


def _split_pattern(interp, pattern):
    """(source namespace or None, simple pattern) for an import/forget
    pattern; the namespace part is looked up in the current namespace only."""
    i = pattern.rfind("::")
    if i < 0:
        return interp.cur_ns, pattern
    j = i
    while j > 0 and pattern[j - 1] == ":":
        j -= 1
    qual = pattern[:j]
    if not qual:
        return interp.global_ns, pattern[i + 2:]
    return find_namespace(interp, qual, required=False), pattern[i + 2:]


def _is_exported(ns, name):
    from ..runtime.glob import glob_match
    return any(glob_match(e, name) for e in ns.exports)


def ns_import(interp, argv):
    from ..runtime.glob import glob_match
    args = [to_str(a) for a in argv[2:]]
    force = False
    if args and args[0] == "-force":
        force = True
        args = args[1:]
    ns = interp.cur_ns
    if not args and not force:
        return TclList(n for n, f in ns.commands.items() if type(f) is ImportedCmd)
    for pattern in args:
        _auto_import(interp, pattern)
        if not pattern:
            raise TclError("empty import pattern", ("TCL", "IMPORT", "EMPTY"))
        src, pat = _split_pattern(interp, pattern)
        if src is None:
            raise TclError('unknown namespace in import pattern "%s"' % pattern,
                           ("TCL", "LOOKUP", "NAMESPACE", pattern))
        if src is ns:
            if pat == pattern:
                raise TclError('no namespace specified in import pattern "%s"' % pattern,
                               ("TCL", "IMPORT", "ORIGIN"))
            raise TclError('import pattern "%s" tries to import from namespace "%s" into itself'
                           % (pattern, src.name.rpartition("::")[2]), ("TCL", "IMPORT", "SELF"))
        for name in list(src.commands):
            if glob_match(pat, name) and _is_exported(src, name) and name in src.commands:
                _import_one(interp, ns, src, name, pattern, force)
    return ""


def _auto_import(interp, pattern):
    """Let ::auto_import load the commands PATTERN names from tclIndex files
    first, as Tcl_Import does (tcllib's math imports ::math::expectDouble
    before anything has loaded it); called in the current frame, so it sees
    the importing namespace through `uplevel 1`."""
    if "auto_import" in interp.global_ns.commands:
        interp.invoke(["::auto_import", pattern])


def _import_one(interp, ns, src, name, pattern, force):
    func = src.commands[name]
    existing = ns.commands.get(name)
    if existing is not None and not force:
        if type(existing) is ImportedCmd and existing.target is src.tokens.get(name):
            return  # importing the same command again is fine
        raise TclError('can\'t import command "%s": already exists' % name,
                       ("TCL", "IMPORT", "OVERWRITE", name))
    # an import that leads back to the name it would take makes a loop
    link = func
    while type(link) is ImportedCmd:
        tok = link.target
        if tok.ns is ns and tok.tail == name:
            raise TclError('import pattern "%s" would create a loop containing command "%s"'
                           % (pattern, ns.qualify(name)), ("TCL", "IMPORT", "LOOP"))
        link = tok.ns.commands.get(tok.tail)
    target = interp.command_token(src, name)
    interp.set_command(ns, name, ImportedCmd(target, None))
    imp = ns.commands[name]
    imp.token = interp.command_token(ns, name)
    target.importers.append(imp.token)


def ns_forget(interp, argv):
    from ..runtime.glob import glob_match
    ns = interp.cur_ns
    for a in argv[2:]:
        pattern = to_str(a)
        src, pat = _split_pattern(interp, pattern)
        if src is None:
            raise TclError('unknown namespace in namespace forget pattern "%s"' % pattern,
                           ("TCL", "LOOKUP", "NAMESPACE", pattern))
        if pat == pattern or src is ns:
            # a plain pattern forgets what this namespace imported under that name
            for name in [n for n, f in ns.commands.items()
                         if type(f) is ImportedCmd and glob_match(pat, n)]:
                if name in ns.commands:
                    interp.discard_command(ns, name)
            continue
        for name, func in list(src.commands.items()):
            if not glob_match(pat, name):
                continue
            src_token = src.tokens.get(name)
            origin = func.origin() if type(func) is ImportedCmd else src_token
            for cname, cfunc in list(ns.commands.items()):
                if type(cfunc) is not ImportedCmd:
                    continue
                if (src_token is not None and cfunc.target is src_token) or \
                        (type(func) is not ImportedCmd and cfunc.origin() is origin):
                    if ns.commands.get(cname) is cfunc:
                        interp.discard_command(ns, cname)
    return ""


def ns_which(interp, argv):
    args = [to_str(a) for a in argv[2:]]
    kind = "-command"
    if len(args) == 2:
        kind = args[0]
        args = args[1:]
        for full in ("-command", "-variable"):
            if len(kind) > 1 and full.startswith(kind):
                kind = full  # a unique abbreviation, as Tcl_GetIndexFromObj allows
        if kind not in ("-command", "-variable"):
            args = ()
    if len(args) != 1:
        raise wrong_args("namespace which", "?-command? ?-variable? name")
    name = args[0]
    if kind == "-variable":
        var = interp.lookup_var(name)
        if var is None or (var.is_unset() and type(var) is not DeclaredVar):
            return ""
        for ns in interp.namespaces.values():
            for vname, v in ns.vars.items():
                if v is var:
                    return ns.qualify(vname)
        return ""
    ns, tail = interp.locate_command(name)
    return "" if ns is None else ns.qualify(tail)


def ns_origin(interp, argv):
    name = to_str(argv[2])
    ns, tail = interp.locate_command(name)
    if ns is None:
        raise TclError('invalid command name "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
    func = ns.commands[tail]
    if type(func) is ImportedCmd:
        return func.origin().qualified()
    return ns.qualify(tail)


def ns_code(interp, argv):
    script = argv[2]
    s = to_str(script)
    if s.startswith("::namespace inscope "):
        return script
    return TclList(["::namespace", "inscope", interp.cur_ns.name, script])


def ns_inscope(interp, argv):
    ns = find_namespace(interp, to_str(argv[2]))
    script = argv[3]
    if len(argv) > 4:
        script = TclList(list(to_list(script)) + list(argv[4:]))
    return ns_eval(interp, list(argv[:3]) + [script], ns)


def ns_path(interp, argv):
    ns = interp.cur_ns
    if len(argv) == 2:
        return TclList(p.name for p in ns.path)
    ns.path = [find_namespace(interp, to_str(p)) for p in to_list(argv[2])]
    for p in ns.path:
        p.on_a_path = True
    interp.epoch += 1
    return ""


def ns_unknown(interp, argv):
    ns = interp.cur_ns
    if len(argv) == 2:
        if ns.unknown is None:
            return "::unknown" if ns is interp.global_ns else ""
        return ns.unknown
    handler = argv[2]
    to_list(handler)  # a handler that is not a list is refused, the old one kept
    ns.unknown = handler if to_str(handler) else None
    return ns_unknown(interp, argv[:2])


def ns_upvar(interp, argv):
    from .procs import link_variable
    if len(argv) % 2 == 0:
        raise wrong_args("namespace upvar", "ns ?otherVar myVar ...?")
    ns = find_namespace(interp, to_str(argv[2]))
    for i in range(3, len(argv), 2):
        other = to_str(argv[i])
        qualified = other if other.startswith("::") else ns.qualify(other)
        link_variable(interp, interp.frame, qualified, to_str(argv[i + 1]))
    return ""


# ---- namespace ensemble ----------------------------------------------------------

_ENSEMBLE_OPTIONS = ("-command", "-map", "-namespace", "-parameters", "-prefixes",
                     "-subcommands", "-unknown")


class EnsembleConfig:
    """The configuration of one `namespace ensemble` command.  `token` is the
    command's CmdToken (it follows renames: the handler of -unknown gets the
    current full name); `dead` is set once the command is deleted."""

    def __init__(self, ns):
        self.ns = ns
        self.map = None
        self.subcommands = None
        self.prefixes = True
        self.unknown = ""
        self.parameters = TclList()
        self.token = None
        self.func = None
        self.dead = False

    def table(self, interp):
        """subcommand name -> command prefix (a list): a -map entry; else a
        name of -subcommands, looked up in the ensemble's namespace; else
        the full name of an exported command."""
        if self.map is not None:
            table = {k: to_list(v) for k, v in self.map.items()}
            if self.subcommands is not None:
                table = {k: table.get(k, TclList([k]))
                         for k in (to_str(x) for x in self.subcommands)}
            return table
        if self.subcommands is not None:
            return {to_str(k): TclList([to_str(k)]) for k in self.subcommands}
        from ..runtime.glob import glob_match
        return {name: TclList([self.ns.qualify(name)]) for name in sorted(self.ns.commands)
                if any(glob_match(p, name) for p in self.ns.exports)}

    def full_name(self):
        tok = self.token
        return tok.ns.qualify(tok.tail) if tok is not None else self.ns.name


def _rewrite_wrong_args(err, argv, nparams, full, inserted):
    """Tcl's ensemble rewriting of a `wrong # args` error raised by the
    subcommand's implementation itself: the `inserted` leading words of its
    usage (the target prefix and the parameters as passed on) give way to
    the words the caller wrote -- the ensemble, its parameters, the
    subcommand's full name."""
    expanded = getattr(err, "ensemble_expanded", None)
    if expanded is None:
        expanded = err.ensemble_expanded = {}
    # a parameter that a nested ensemble took as its subcommand shows as that
    # subcommand's full name (Tcl keeps it on the word's object)
    words = [to_str(argv[0])] + [expanded.get(id(p), to_str(p)) for p in argv[1:1 + nparams]]
    words.append(full)
    if rewrite_wrong_args(err, words, inserted):
        expanded[id(argv[1 + nparams])] = full


_BAD_CODES = {2: "return", 3: "break", 4: "continue"}


def _call_unknown_handler(interp, config, argv):
    """Run the -unknown handler: the command prefix (a non-empty list) to
    run instead, or None to look the subcommand up again."""
    from ..runtime.errors import TclSignal
    cmd = list(to_list(config.unknown)) + [config.full_name()] + list(argv[1:])
    try:
        result = interp.invoke(cmd)
    except TclError as e:
        interp.add_error_context(e, to_str(TclList(cmd)), e.errorline)
        e.errorinfo += "\n    (ensemble unknown subcommand handler)"
        raise
    except TclSignal as s:
        code = s.code if s.code is not None else 2
        err = TclError("unknown subcommand handler returned bad code: %s"
                       % _BAD_CODES.get(code, code))
        err.errorinfo += ("\n    result of ensemble unknown subcommand handler: "
                          + to_str(TclList(cmd)))
        err.context_added = True
        raise err from None
    if config.dead:
        raise TclError("unknown subcommand handler deleted its ensemble")
    try:
        prefix = to_list(result)
    except TclError as e:
        e.errorinfo += "\n    while parsing result of ensemble unknown subcommand handler"
        e.context_added = True
        raise
    return prefix if prefix else None


def _ensemble_command(config):
    def ensemble_cmd(interp, argv):
        handler_called = False
        while True:
            nparams = len(config.parameters)
            if len(argv) < 2 + nparams:
                from ..runtime.lists import quote_element
                usage = " ".join([quote_element(to_str(p)) for p in config.parameters]
                                 + ["subcommand ?arg ...?"])
                raise wrong_args(to_str(argv[0]), usage)
            word = to_str(argv[1 + nparams])
            table = config.table(interp)
            prefix = table.get(word)
            full = word
            if prefix is None and config.prefixes:
                matches = [k for k in table if k.startswith(word)] if word else []
                if len(matches) == 1:
                    full = matches[0]
                    prefix = table[full]
            if prefix is not None:
                break
            if config.unknown and not handler_called:
                handler_called = True
                prefix = _call_unknown_handler(interp, config, argv)
                if prefix is None:
                    continue  # the handler changed the ensemble: look again
                break
            if not table:
                raise TclError('unknown subcommand "%s": namespace %s does not export any '
                               'commands' % (word, config.ns.name),
                               ("TCL", "LOOKUP", "SUBCOMMAND", word))
            names = sorted(table)
            # unlike Tcl_GetIndexFromObj, an ensemble writes ", or" even for two
            choices = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", or " + names[-1]
            raise TclError('unknown%s subcommand "%s": must be %s'
                           % (" or ambiguous" if config.prefixes else "", word, choices),
                           ("TCL", "LOOKUP", "SUBCOMMAND", word))
        new_argv = list(prefix) + list(argv[1:1 + nparams]) + list(argv[2 + nparams:])
        saved = interp.cur_ns
        interp.cur_ns = config.ns
        try:
            func = interp.resolve_command(to_str(prefix[0]))
        finally:
            interp.cur_ns = saved
        try:
            if func is None:
                return interp.unknown(new_argv)
            return func(interp, new_argv)
        except TclError as e:
            if not e.context_added and e.message.startswith(WRONG_ARGS):
                _rewrite_wrong_args(e, argv, nparams, full, len(prefix) + nparams)
            raise
    ensemble_cmd.ensemble_config = config

    def on_delete(interp):
        config.dead = True
        if config.ns.ensemble and config in config.ns.ensemble:
            config.ns.ensemble.remove(config)
    ensemble_cmd.on_delete = on_delete
    return ensemble_cmd


def _map_value(config, value):
    """A -map dictionary as stored: each target a non-empty list whose
    command word is qualified with the ensemble's namespace if relative."""
    result = TclDict()
    for key, target in to_dict(value).items():
        words = to_list(target)
        if not words:
            raise TclError("ensemble subcommand implementations must be non-empty lists",
                           ("TCL", "ENSEMBLE", "EMPTY_TARGET"))
        first = to_str(words[0])
        if not first.startswith("::"):
            words = TclList([config.ns.qualify(first)] + list(words[1:]))
        result[key] = words
    return result


def _configure(interp, config, name, options, create=False):
    for i in range(0, len(options), 2):
        opt = _option_name(to_str(options[i]), create)
        value = options[i + 1]
        if opt == "-map":
            config.map = _map_value(config, value) if to_str(value) else None
        elif opt == "-subcommands":
            config.subcommands = to_list(value) if to_str(value) else None
        elif opt == "-prefixes":
            config.prefixes = to_bool(value)
        elif opt == "-unknown":
            config.unknown = value
        elif opt == "-parameters":
            config.parameters = TclList(to_list(value))
        elif opt == "-namespace":
            raise TclError("option -namespace is read-only", ("TCL", "ENSEMBLE", "READ_ONLY"))
        elif opt != "-command":
            raise TclError('bad option "%s": must be %s' % (opt, ", ".join(_ENSEMBLE_OPTIONS[:-1]) +
                                                             ", or -unknown"),
                           ("TCL", "LOOKUP", "INDEX", "option", opt))


def _find_ensemble(interp, name):
    func = interp.resolve_command(name)
    if func is None:
        raise TclError('unknown command "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
    config = getattr(func, "ensemble_config", None)
    if config is None:
        raise TclError('"%s" is not an ensemble command' % name,
                       ("TCL", "LOOKUP", "ENSEMBLE", name))
    return config


def ns_ensemble(interp, argv):
    if len(argv) < 3:
        raise wrong_args("namespace ensemble", "subcommand ?arg ...?")
    sub = resolve_prefix({"configure": "configure", "create": "create", "exists": "exists"},
                         to_str(argv[2]), "subcommand")
    args = argv[3:]
    if sub == "create":
        if len(args) % 2:
            raise wrong_args("namespace ensemble create", "?option value ...?")
        ns = interp.cur_ns
        config = EnsembleConfig(ns)
        name = None
        for i in range(0, len(args), 2):
            if _option_name(to_str(args[i]), True) == "-command":
                name = to_str(args[i + 1])
        _configure(interp, config, name, args, create=True)
        if name is None:
            name = ns.name
        elif not name.startswith("::"):
            name = ns.qualify(name)
        func = config.func = _ensemble_command(config)
        interp.register(name, func)
        cmd_ns, tail = interp._ns_and_tail(name)
        config.token = interp.command_token(cmd_ns, tail)
        if ns.ensemble is None:
            ns.ensemble = []
        ns.ensemble.append(config)
        return name
    if sub == "exists":
        func = interp.resolve_command(to_str(args[0]))
        return 1 if getattr(func, "ensemble_config", None) is not None else 0
    if sub == "configure":
        name = to_str(args[0])
        config = _find_ensemble(interp, name)
        rest = args[1:]
        if len(rest) == 1:
            return _ensemble_option(config, name, to_str(rest[0]))
        if not rest:
            out = TclList()
            for opt in _ENSEMBLE_OPTIONS[1:]:
                out.append(opt)
                out.append(_ensemble_option(config, name, opt))
            return out
        _configure(interp, config, name, rest)
        return ""
    raise TclError('bad subcommand "%s": must be configure, create, or exists' % sub,
                   ("TCL", "LOOKUP", "INDEX", "subcommand", sub))


_CREATE_OPTIONS = {o: o for o in _ENSEMBLE_OPTIONS if o != "-namespace"}
_CONFIGURE_OPTIONS = {o: o for o in _ENSEMBLE_OPTIONS if o != "-command"}


def _option_name(opt, create=False):
    """An ensemble option as typed (a unique prefix will do) -> its full
    name; `create` takes -command, `configure` -namespace (read-only)."""
    return resolve_prefix(_CREATE_OPTIONS if create else _CONFIGURE_OPTIONS, opt, "option")


def _ensemble_option(config, name, opt):
    opt = _option_name(opt)
    if opt == "-map":
        return TclDict(config.map) if config.map is not None else ""
    if opt == "-subcommands":
        return TclList(config.subcommands) if config.subcommands is not None else ""
    if opt == "-prefixes":
        return 1 if config.prefixes else 0
    if opt == "-unknown":
        return config.unknown
    if opt == "-parameters":
        return config.parameters
    if opt == "-namespace":
        return config.ns.name
    if opt == "-command":
        return name
    raise TclError('bad option "%s"' % opt, ("TCL", "LOOKUP", "INDEX", "option", opt))


cmd_namespace = ensemble("namespace", {
    "children": (ns_children, 0, 2, "?name? ?pattern?"),
    "code": (ns_code, 1, 1, "arg"),
    "current": (ns_current, 0, 0, ""),
    "delete": (ns_delete, 0, None, "?name name ...?"),
    "ensemble": (ns_ensemble, 0, None, "subcommand ?arg ...?"),
    "eval": (ns_eval, 2, None, "name arg ?arg...?"),
    "exists": (ns_exists, 1, 1, "name"),
    "export": (ns_export, 0, None, "?-clear? ?pattern pattern ...?"),
    "forget": (ns_forget, 0, None, "?pattern pattern ...?"),
    "import": (ns_import, 0, None, "?-force? ?pattern pattern ...?"),
    "inscope": (ns_inscope, 2, None, "name arg ?arg...?"),
    "origin": (ns_origin, 1, 1, "name"),
    "parent": (ns_parent, 0, 1, "?name?"),
    "path": (ns_path, 0, 1, "?pathList?"),
    "qualifiers": (ns_qualifiers, 1, 1, "string"),
    "tail": (ns_tail, 1, 1, "string"),
    "unknown": (ns_unknown, 0, 1, "?script?"),
    "upvar": (ns_upvar, 1, None, "ns ?otherVar myVar ...?"),
    "which": (ns_which, 1, 2, "?-command? ?-variable? name"),
})


@command("variable", 0, None, "?name value...? name ?value?")
def cmd_variable(interp, argv):
    args = argv[1:]
    ns = interp.cur_ns
    frame = interp.frame
    for i in range(0, len(args), 2):
        name = to_str(args[i])
        if name.endswith(")") and "(" in name:
            raise TclError('can\'t define "%s": name refers to an element in an array' % name,
                           ("TCL", "UPVAR", "LOCAL_ELEMENT"))
        if "::" in name:
            target, tail = interp._ns_and_tail(name, create=False)
            if target is None:
                raise TclError('can\'t define "%s": parent namespace doesn\'t exist' % name,
                               ("TCL", "LOOKUP", "VARNAME", name))
        else:
            target, tail = ns, name
        var = target.vars.get(tail)
        if var is None:
            var = target.vars[tail] = DeclaredVar()
        elif type(var) is Var and var.is_unset():
            var.__class__ = DeclaredVar
        if i + 1 < len(args):
            interp.write_var(var, tail, None, args[i + 1])
        if frame.is_proc:
            existing = frame.vars.get(tail)
            if existing is not None and existing is not var and \
                    not (frame.links and tail in frame.links):
                # as TclPtrMakeUpvar: a local variable may not be replaced
                if existing.traces:
                    raise TclError('variable "%s" has traces: can\'t use for upvar' % tail,
                                   ("TCL", "UPVAR", "TRACED"))
                if not existing.is_unset():
                    raise TclError('variable "%s" already exists' % tail,
                                   ("TCL", "UPVAR", "EXISTS"))
            frame.vars[tail] = var
            # the local is a link (upvar then accepts linking it again)
            if frame.links is None:
                frame.links = set()
            frame.links.add(tail)
    return ""


# The default unknown handler, a proc as in Tcl's init.tcl: it tries
# auto-loading (commands/autoload.py) and runs the command when that worked.
_UNKNOWN_PROC = r'''proc unknown args {
    set cmd [lindex $args 0]
    if {![info exists ::auto_noload]
            && [::tcl::AutoloadUnknown $cmd [uplevel 1 {::namespace current}]]} {
        set code [catch {uplevel 1 $args} msg opts]
        if {$code == 1} {
            # the trace as if the command had been there all along
            set opts [::tcl::UnknownTrace $opts]
        }
        dict incr opts -level
        return -options $opts $msg
    }
    if {[info level] == 1 && [info script] eq ""
            && [info exists ::tcl_interactive] && [string is true -strict $::tcl_interactive]} {
        # typed at tclsh's prompt: a program on PATH runs, and a unique
        # prefix of a command's name stands for that command
        if {![info exists ::auto_noexec] && [set prog [auto_execok $cmd]] ne ""} {
            catch {uplevel 1 [list exec >&@stdout <@stdin {*}$prog {*}[lrange $args 1 end]]} msg opts
            dict incr opts -level
            return -options $opts $msg
        }
        set found {}
        foreach name [info commands $cmd*] {
            if {[string first $cmd $name] == 0} {lappend found $name}
        }
        if {[llength $found] == 1} {
            catch {uplevel 1 [lreplace $args 0 0 [lindex $found 0]]} msg opts
            dict incr opts -level
            return -options $opts $msg
        } elseif {[llength $found] > 1} {
            return -code error "ambiguous command name \"$cmd\": [lsort $found]"
        }
    }
    return -code error -errorcode [list TCL LOOKUP COMMAND $cmd] "invalid command name \"$cmd\""
}'''


def setup(interp):
    interp.eval(_UNKNOWN_PROC)
    interp.global_ns.commands["unknown"].library_family = "namespaces"
