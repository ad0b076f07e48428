"""namespace and variable: namespaces, their variables and commands."""

from ..runtime.errors import TclError
from ..runtime.frames import DeclaredVar, Frame, Var
from ..runtime.registry import command, ensemble, wrong_args
from ..runtime.values import TclList, to_list, to_str


def _absolute(interp, name):
    if name.startswith("::"):
        return name.rstrip(":") or "::"
    base = interp.cur_ns.name
    return ("::" + name if base == "::" else base + "::" + name).rstrip(":") or "::"


def find_namespace(interp, name, required=True):
    full = _absolute(interp, name)
    ns = interp.namespaces.get(full)
    if ns is None and not name.startswith("::"):
        ns = interp.namespaces.get(("::" + name).rstrip(":"))
    if ns is None and required:
        raise TclError('namespace "%s" not found in "%s"' % (name, interp.cur_ns.name),
                       ("TCL", "LOOKUP", "NAMESPACE", name))
    return ns


def ns_eval(interp, argv):
    name = to_str(argv[2])
    full = _absolute(interp, name)
    ns = interp.namespaces.get(full) or interp.create_namespace(full)
    script = argv[3] if len(argv) == 4 else " ".join(to_str(a) for a in argv[3:])
    caller = interp.frame
    # a namespace eval is a call frame of its own (uplevel 1 from it goes back
    # to the caller), whose variables are the namespace's
    frame = Frame(ns.vars, ns, caller.level + 1, caller, argv=argv)
    frame.is_proc = False
    interp.frame = frame
    interp.cur_ns = ns
    try:
        return interp.eval_body(script, '(in namespace eval "%s" script line %%d)' % ns.name.replace("%", "%%"))
    finally:
        interp.frame = caller
        interp.cur_ns = caller.ns


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
    for a in argv[2:]:
        ns = find_namespace(interp, to_str(a))
        _delete(interp, ns)
    return ""


def _delete(interp, ns):
    for child in list(ns.children.values()):
        _delete(interp, child)
    ns.deleted = True
    interp.namespaces.pop(ns.name, None)
    if ns.parent is not None:
        ns.parent.children = {k: v for k, v in ns.parent.children.items() if v is not ns}
    interp.epoch += 1
    interp.core_epoch += 1


def ns_export(interp, argv):
    args = [to_str(a) for a in argv[2:]]
    ns = interp.cur_ns
    if not args:
        return TclList(ns.exports)
    if args[0] == "-clear":
        ns.exports = []
        args = args[1:]
    ns.exports.extend(args)
    return ""


def ns_import(interp, argv):
    from ..runtime.glob import glob_match
    args = [to_str(a) for a in argv[2:]]
    force = False
    if args and args[0] == "-force":
        force = True
        args = args[1:]
    ns = interp.cur_ns
    if not args:
        return TclList(ns.imports)
    for pattern in args:
        qual, _, pat = pattern.rpartition("::")
        src = find_namespace(interp, qual or "::")
        for name, func in src.commands.items():
            if not glob_match(pat, name):
                continue
            if not any(glob_match(e, name) for e in src.exports):
                continue
            if not force and (name in ns.commands or
                              (name in ns.imports and ns.imports[name] is not func)):
                raise TclError('can\'t import command "%s": already exists' % name,
                               ("TCL", "IMPORT", "OVERWRITE", name))
            ns.imports[name] = func
    interp.epoch += 1
    interp.core_epoch += 1
    return ""


def ns_forget(interp, argv):
    from ..runtime.glob import glob_match
    ns = interp.cur_ns
    for a in argv[2:]:
        pat = to_str(a).rpartition("::")[2]
        for name in list(ns.imports):
            if glob_match(pat, name):
                del ns.imports[name]
    interp.epoch += 1
    interp.core_epoch += 1
    return ""


def ns_which(interp, argv):
    args = [to_str(a) for a in argv[2:]]
    kind = "-command"
    if len(args) == 2:
        kind = args[0]
        args = args[1:]
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
    func = interp.resolve_command(name)
    if func is None:
        return ""
    for ns in [interp.cur_ns, interp.global_ns] + list(interp.namespaces.values()):
        for cname, f in ns.commands.items():
            if f is func and (cname == name.rpartition("::")[2]):
                return ns.qualify(cname)
        for cname, f in ns.imports.items():
            if f is func and cname == name.rpartition("::")[2]:
                return ns.qualify(cname)
    return ""


def ns_origin(interp, argv):
    name = to_str(argv[2])
    func = interp.resolve_command(name)
    if func is None:
        raise TclError('invalid command name "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
    for ns in interp.namespaces.values():
        for cname, f in ns.commands.items():
            if f is func:
                return ns.qualify(cname)
    return name


def ns_code(interp, argv):
    script = argv[2]
    s = to_str(script)
    if s.startswith("::namespace inscope "):
        return script
    return TclList(["::namespace", "inscope", interp.cur_ns.name, script])


def ns_inscope(interp, argv):
    script = argv[3]
    if len(argv) > 4:
        script = TclList(to_list(script)) + list(argv[4:])
    return ns_eval(interp, ["namespace", "eval", argv[2], script])


def ns_path(interp, argv):
    ns = interp.cur_ns
    if len(argv) == 2:
        return TclList(p.name for p in ns.path)
    ns.path = [find_namespace(interp, to_str(p)) for p in to_list(argv[2])]
    interp.epoch += 1
    return ""


def ns_unknown(interp, argv):
    ns = interp.cur_ns
    if len(argv) == 2:
        return ns.unknown or ""
    ns.unknown = argv[2]
    return ""


def ns_upvar(interp, argv):
    from .procs import link_variable
    ns = find_namespace(interp, to_str(argv[2]))
    for i in range(3, len(argv), 2):
        other = to_str(argv[i])
        qualified = other if other.startswith("::") else ns.qualify(other)
        link_variable(interp, interp.frame, qualified, to_str(argv[i + 1]))
    return ""


def ns_ensemble(interp, argv):
    raise TclError("namespace ensemble is not supported yet", ("TCL", "UNSUPPORTED"))


cmd_namespace = ensemble("namespace", {
    "children": (ns_children, 0, 2, "?name? ?pattern?"),
    "code": (ns_code, 1, 1, "script"),
    "current": (ns_current, 0, 0, ""),
    "delete": (ns_delete, 0, None, "?name name ...?"),
    "ensemble": (ns_ensemble, 0, None, "subcommand ?arg ...?"),
    "eval": (ns_eval, 2, None, "name arg ?arg...?"),
    "exists": (ns_exists, 1, 1, "name"),
    "export": (ns_export, 0, None, "?-clear? ?pattern pattern ...?"),
    "forget": (ns_forget, 0, None, "?pattern pattern ...?"),
    "import": (ns_import, 0, None, "?-force? ?pattern pattern ...?"),
    "inscope": (ns_inscope, 2, None, "name script ?arg ...?"),
    "origin": (ns_origin, 1, 1, "name"),
    "parent": (ns_parent, 0, 1, "?name?"),
    "path": (ns_path, 0, 1, "?pathList?"),
    "qualifiers": (ns_qualifiers, 1, 1, "string"),
    "tail": (ns_tail, 1, 1, "string"),
    "unknown": (ns_unknown, 0, 1, "?script?"),
    "upvar": (ns_upvar, 1, None, "namespace ?otherVar myVar ...?"),
    "which": (ns_which, 1, 2, "?-command? ?-variable? name"),
})


@command("variable", 0, None, "?name value...? name ?value?")
def cmd_variable(interp, argv):
    args = argv[1:]
    ns = interp.cur_ns
    frame = interp.frame
    for i in range(0, len(args), 2):
        name = to_str(args[i])
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
            frame.vars[tail] = var
    return ""
