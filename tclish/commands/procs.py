"""proc, return, uplevel, upvar, global, rename, apply."""

from ..compile.framecall import PROC_FRAME, frame_function
from ..runtime.errors import (BREAK, CONTINUE, ERROR, OK, RETURN, BreakSignal, CodeSignal, ContinueSignal, ReturnSignal, TclError)
from ..runtime.frames import ElementLink, Frame, Var
from ..runtime.interp import ImportedCmd, body_note
from ..runtime.registry import command, wrong_args
from ..runtime.values import TclDict, TclList, to_int, to_list, to_str
from ..runtime.interp import split_array_name  # module level: link_variable runs per upvar


class ProcSpec:
    """A proc's argument spec, computed once at definition (like Jim's
    reqArity/optArity): required names, optional (name, default), varargs."""

    __slots__ = ("params", "required", "has_args", "usage", "body", "arglist", "ns", "code", "name",
                 "location")

    def __init__(self, name, arglist, body, ns):
        self.name = name
        self.arglist = arglist
        self.body = body
        self.ns = ns
        self.code = None
        self.location = None  # (file, line) of a body defined in a sourced file
        params = []
        for item in to_list(arglist):
            spec = to_list(item)
            if len(spec) == 0:
                raise TclError('argument with no name', ("TCL", "OPERATION", "PROC", "FORMALNAME"))
            if len(spec) > 2:
                raise TclError('too many fields in argument specifier "%s"' % to_str(item),
                               ("TCL", "OPERATION", "PROC", "FORMALNAME"))
            pname = to_str(spec[0])
            if "::" in pname:
                raise TclError('formal parameter "%s" is not a simple name' % to_str(item),
                               ("TCL", "OPERATION", "PROC", "FORMALNAME"))
            if pname.endswith(")") and "(" in pname:
                raise TclError('formal parameter "%s" is an array element' % to_str(item),
                               ("TCL", "OPERATION", "PROC", "FORMALNAME"))
            params.append((pname, spec[1] if len(spec) == 2 else None))
        self.has_args = bool(params) and params[-1][0] == "args"
        fixed = params[:-1] if self.has_args else params
        self.params = fixed
        # arguments after the last one without default are optional
        required = 0
        for i, (_, default) in enumerate(fixed):
            if default is None:
                required = i + 1
        self.required = required
        self.usage = None

    def usage_text(self, invoked, quote=True):
        from ..runtime.lists import quote_element
        parts = [quote_element(invoked) if quote and (" " in invoked or not invoked) else invoked]
        for i, (pname, default) in enumerate(self.params):
            if default is None and i < self.required:
                parts.append(pname)
            else:
                parts.append("?%s?" % pname)
        if self.has_args:
            parts.append("?arg ...?")
        return 'wrong # args: should be "%s"' % " ".join(parts)


def bind_arguments(spec, argv, first, name=None):
    """Fresh variable table for a call; argv[first:] are the actual args."""
    table = {}
    args = argv[first:]
    n = len(args)
    params = spec.params
    if n < spec.required or (n > len(params) and not spec.has_args):
        # `name` is words already (apply's "apply lambdaExpr"), not one word
        raise TclError(spec.usage_text(name or to_str(argv[0]), name is None), ("TCL", "WRONGARGS"))
    i = 0
    for pname, default in params:
        if i < n:
            table[pname] = Var(args[i])
        else:
            table[pname] = Var(default)
        i += 1
    if spec.has_args:
        table["args"] = Var(TclList(args[len(params):]))
    return table


def annotate_body_error(e, argv, what):
    """A TclError leaving a proc or method body gets what TclObjInterpProc adds:
    the CALL entry of -errorstack and errorInfo's `(procedure "p" line N)`."""
    if e.errorstack is not None:
        e.errorstack += ["CALL", TclList(argv)]
    if e.errorline is not None:
        e.errorinfo += '\n    (%s line %d)' % (what, e.errorline)
    else:
        e.errorinfo += '\n    (%s)' % what
    e.errorline = None


def _outside_loop(signal, what):
    """break/continue that reached a proc boundary: Tcl's error, already
    logged with the proc line (as TclObjInterpProc does)."""
    word = "break" if isinstance(signal, BreakSignal) else "continue"
    message = 'invoked "%s" outside of a loop' % word
    err = TclError(message, ("TCL", "RESULT", "UNEXPECTED"),
                   "%s\n    (%s line 1)" % (message, what))
    err.logged = False
    return err


def finish_return(r):
    """Apply `return -level/-code` at a proc boundary."""
    level = r.level - 1
    if level > 0:
        raise ReturnSignal(r.value, r.code if r.code != RETURN else OK, level, r.options)
    try:
        return raise_code(r.code if isinstance(r, ReturnSignal) else r.code, r.value, r.options)
    except TclError as err:
        # `return -code error -errorinfo ...` is logged where it ran, but the
        # proc (or source, apply) it leaves is not: the caller's command still
        # adds its "invoked from within" line, as after Tcl's TclUpdateReturnInfo
        err.logged = False
        raise


def raise_code(code, value, options):
    """Deliver a completion code to the caller as Tcl does."""
    if code == OK:
        return value
    if code == ERROR:
        opts = options or {}
        info = opts.get("-errorinfo")
        err = TclError(to_str(value), opts.get("-errorcode", "NONE"),
                       None if info is None else to_str(info))
        if info is not None:
            err.context_added = True
        raise err
    if code == RETURN:
        raise ReturnSignal(value, OK, 1, options)
    if code == BREAK:
        raise BreakSignal(value)
    if code == CONTINUE:
        raise ContinueSignal(value)
    raise CodeSignal(value, code, 0, options)


FRAME_HELPERS = {"finish_return": finish_return, "annotate_body_error": annotate_body_error,
                 "outside_loop": _outside_loop}


def _compiled_body(interp, spec):
    code = spec.code
    if code is None:
        code = spec.code = compile_in_namespace(interp, spec.body, spec.ns)
    return code


def compile_in_namespace(interp, body, ns):
    """A proc body compiled as seen from `ns`, where it runs (it is compiled at
    its first call, from the caller's namespace): the compiler writes a core
    command out only where its name means the built-in there (a `set` or
    `incr` of that namespace, or of one on its path, is called instead)."""
    from ..compile.tail import compile_proc_body
    saved = interp.cur_ns
    interp.cur_ns = ns
    try:
        return compile_proc_body(interp, to_str(body))
    finally:
        interp.cur_ns = saved


# run_body(interp, spec, table, argv, what=None, make_frame=Frame): run a
# proc (or lambda) body in a new frame and map its return code.  `what`
# names the body in errorInfo (default: procedure "argv[0]"); `make_frame`
# builds the frame (TclOO methods use a Frame subclass).
run_body = frame_function(
    "run_body", "interp, spec, table, argv, what=None, make_frame=Frame",
    ["code = spec.code",
     "if code is None:",
     "    code = compiled_body(interp, spec)",
     "ns = spec.ns"],
    ["if make_frame is Frame:"] + ["    " + line for line in PROC_FRAME] +
    ["else:", "    frame = make_frame(table, ns, caller.level + 1, caller, spec, argv)"],
    """(what or 'procedure "%s"' % to_str(argv[0]))""",
    env=dict(FRAME_HELPERS, to_str=to_str, compiled_body=_compiled_body))()

# Var(x) runs Var.__init__, a Python frame per argument; the binders below
# fill its slots themselves (a fifth less time for a call's binding).  They
# must name every slot: checked here, when a slot is added this fails.
assert Var.__slots__ == ("value", "arr", "traces")


def new_var(local, value):
    """A statement making Var(value) in the Python local `local`."""
    return "%s = new_object(Var); %s.value = %s; %s.arr = None; %s.traces = None" % (
        local, local, value, local, local)


BINDER_ENV = {"Var": Var, "TclList": TclList, "new_object": object.__new__}


def exact_binding(arity, first):
    """Statements making the variable `table` of a call that gives exactly
    `arity` arguments from argv[first] on, named by the free names n0, n1, ...
    (a proc: first 1; a method, after the object and method words: 2)."""
    return [new_var("v%d" % i, "argv[%d]" % (i + first)) for i in range(arity)] + [
        "table = {%s}" % ", ".join("n%d: v%d" % (i, i) for i in range(arity))]

# The command of a proc given exactly its arguments: run_body written out
# (one Python frame less per call) with the binding in line, made once per
# count of parameters: make(spec, count, name0, name1, ...).
_CALL_EXACT = {}


def _call_exact_maker(arity):
    make = _CALL_EXACT.get(arity)
    if make is None:
        names = ["n%d" % i for i in range(arity)]
        make = _CALL_EXACT[arity] = frame_function(
            "call_proc", "interp, argv", [
                "if len(argv) != count:",
                "    return run_body(interp, spec, bind_arguments(spec, argv, 1), argv)"] +
            exact_binding(arity, 1) + [
                "code = spec.code",
                "if code is None:",
                "    return run_body(interp, spec, table, argv)  # compiles the body",
                "ns = spec.ns"],
            PROC_FRAME,
            """'procedure "%s"' % to_str(argv[0])""",
            free=["spec", "count"] + names,
            env=dict(FRAME_HELPERS, **BINDER_ENV, to_str=to_str, run_body=run_body,
                     bind_arguments=bind_arguments))
    return make


# The command of a proc with defaults or `args`: its binder (below), then
# run_body written out, as for the exact one.
_make_call_binding = frame_function(
    "call_proc", "interp, argv", [
        "table = bind(argv)",
        "if table is None:",
        "    table = bind_arguments(spec, argv, 1)  # raises the usage error",
        "code = spec.code",
        "if code is None:",
        "    return run_body(interp, spec, table, argv)  # compiles the body",
        "ns = spec.ns"],
    PROC_FRAME,
    """'procedure "%s"' % to_str(argv[0])""",
    free=("spec", "bind"),
    env=dict(FRAME_HELPERS, to_str=to_str, run_body=run_body, bind_arguments=bind_arguments))


def _binder(spec, first=1):
    """argv -> variable table, or None for a wrong count of arguments (then
    bind_arguments says so), for a proc with defaults or `args` (or a
    lambda: `first` 2, after apply's lambda): one dict display per count of
    arguments given, made once per proc."""
    params, required = spec.params, spec.required
    last = len(params)
    lines = ["def bind(argv):", "    n = len(argv)"]
    for k in range(required, last + 1):
        values = ["argv[%d]" % (i + first) if i < k else "D[%d]" % i for i in range(last)]
        if spec.has_args:
            values.append("TclList(%s)" % ("argv[%d:]" % (k + first) if k == last else ""))
        names = [name for name, _ in params] + (["args"] if spec.has_args else [])
        test = "n >= %d" % (k + first) if spec.has_args and k == last else "n == %d" % (k + first)
        lines.append("    if %s:" % test)
        lines += ["        " + new_var("v%d" % i, value) for i, value in enumerate(values)]
        lines.append("        return {%s}" % ", ".join("%r: v%d" % (name, i)
                                                       for i, name in enumerate(names)))
    lines.append("    return None")
    namespace = dict(BINDER_ENV, D=[d for _, d in params])
    exec("\n".join(lines), namespace)
    return namespace["bind"]


def make_proc_command(spec):
    """The command for a proc: bind the arguments, then run the body."""
    names = tuple(p for p, _ in spec.params)
    exact = not spec.has_args and spec.required == len(names)
    if exact:
        call_proc = _call_exact_maker(len(names))(spec, len(names) + 1, *names)
    else:
        call_proc = _make_call_binding(spec, _binder(spec))
    call_proc.proc_spec = spec
    return call_proc


@command("proc", 3, 3, "name args body")
def cmd_proc(interp, argv):
    name = to_str(argv[1])
    ns, tail = interp._ns_and_tail(name)
    if ns is None:
        raise TclError("can't create procedure \"%s\": unknown namespace" % name,
                       ("TCL", "VALUE", "COMMAND"))
    spec = ProcSpec(tail, argv[2], argv[3], ns)
    spec.name = ns.qualify(tail)
    if interp.script_file:
        # as Tcl does, remember where a literal body starts in a sourced file
        from ..runtime.cmdframes import definition_location
        spec.location = definition_location(interp, argv, 3)
    interp.set_command(ns, tail, make_proc_command(spec))
    return ""


# ---- return ---------------------------------------------------------------------------

_CODE_NAMES = {"ok": OK, "error": ERROR, "return": RETURN, "break": BREAK, "continue": CONTINUE}


def parse_code(value):
    s = to_str(value)
    if s in _CODE_NAMES:
        return _CODE_NAMES[s]
    try:
        code = to_int(s)
        if -0x80000000 <= code <= 0x7FFFFFFF:
            return code
    except TclError:
        pass
    raise TclError('bad completion code "%s": must be ok, error, return, break, continue, '
                       'or an integer' % s, ("TCL", "RESULT", "ILLEGAL_CODE"))


def parse_return_options(words):
    """Options of `return` (or a -options dict) -> (code, level, options dict)."""
    options = TclDict()
    i = 0
    n = len(words)
    while i + 1 < n:
        key = to_str(words[i])
        val = words[i + 1]
        if key == "-options":
            for k, v in _dict_items(val):
                options[k] = v
        else:
            options[key] = val
        i += 2
    code = OK
    level = 1
    if "-code" in options:
        code = parse_code(options.pop("-code"))
    if "-level" in options:
        lv = options.pop("-level")
        try:
            level = to_int(lv)
            if level < 0:
                raise TclError("")
        except TclError:
            raise TclError('bad -level value: expected non-negative integer but got "%s"'
                           % to_str(lv), ("TCL", "RESULT", "ILLEGAL_LEVEL")) from None
    if code == RETURN:
        # -code return is one more level of ok (TclMergeReturnOptions)
        level += 1
        code = OK
    return code, level, options, (words[i] if i < n else None)


def _dict_items(val):
    items = to_list(val)
    if len(items) % 2:
        raise TclError('bad -options value: expected dictionary but got "%s"' % to_str(val),
                       ("TCL", "RESULT", "ILLEGAL_OPTIONS"))
    return [(to_str(items[j]), items[j + 1]) for j in range(0, len(items), 2)]


@command("return")
def cmd_return(interp, argv):
    words = argv[1:]
    if len(words) % 2 == 1:
        code, level, options, _ = parse_return_options(words[:-1])
        value = words[-1]
    else:
        code, level, options, _ = parse_return_options(words)
        value = ""
    if code == ERROR and "-errorcode" not in options:
        options["-errorcode"] = "NONE"
    if level == 0:
        return raise_code(code, value, options)
    raise ReturnSignal(value, code, level, options)


# ---- uplevel / upvar / global -------------------------------------------------------------

# (no count in @command: the registry's wrapper would cost a Python call per
# uplevel; the count is checked below)
@command("uplevel")
def cmd_uplevel(interp, argv):
    frame = interp.frame
    n = len(argv)
    if frame.level > 0 and (
            # `uplevel 1 script` (the literal 1 is compiled to the int), the
            # commonest form, and `uplevel script` starting with a letter (no
            # level: that would be an error): level_frame's walk to level 1
            # without reading the level word
            n == 3 and (argv[1] == "1" or argv[1].__class__ is int and argv[1] == 1)
            or n == 2 and argv[1].__class__ is str and argv[1][:1].isalpha()):
        target = frame.parent
        while target.level >= frame.level:
            target = target.parent
        return eval_in_frame(interp, target, argv[-1], "uplevel")
    if n == 3 and argv[1] == "#0":
        target = frame
        while target.level > 0:
            target = target.parent
        return eval_in_frame(interp, target, argv[2], "uplevel")
    args = argv[1:]
    if not args:
        raise wrong_args(to_str(argv[0]), "?level? command ?arg ...?")
    target = interp.level_frame(args[0]) if len(args) > 1 else None
    if target is not None:
        args = args[1:]
    else:
        if len(args) == 1 and interp.level_frame(args[0]) is not None:
            raise TclError('wrong # args: should be "uplevel ?level? command ?arg ...?"',
                           ("TCL", "WRONGARGS"))
        target = interp.frame_at_level("1")
    if len(args) == 1:
        script = args[0]
    else:
        from .lists_core import concat_values
        script = concat_values(args)
    return eval_in_frame(interp, target, script, "uplevel")


def eval_in_frame(interp, target, script, what):
    saved = interp.frame
    interp.frame = target
    interp.cur_ns = target.ns
    try:
        return interp.eval(script)
    except TclError as e:
        if e.errorline is not None:  # (Interp.eval_body's note, here a call less)
            e.errorinfo += "\n    " + body_note(what, e.errorline)
        if e.errorstack is not None and saved.level != target.level:
            e.errorstack += ["UP", saved.level - target.level]
        raise
    finally:
        interp.frame = saved
        interp.cur_ns = saved.ns


_UPVAR_USAGE = "?level? otherVar localVar ?otherVar localVar ...?"


# (no count in @command: the registry's wrapper would cost a Python call per
# upvar; the count is checked below)
@command("upvar")
def cmd_upvar(interp, argv):
    n = len(argv)
    if n < 3:
        raise wrong_args(to_str(argv[0]), _UPVAR_USAGE)
    frame = interp.frame
    first = 1
    if n % 2 == 0:
        # a level first: 1 and #0 (the usual ones) found without parsing
        level = argv[1]
        first = 2
        if (level == "1" or (level.__class__ is int and level == 1)) and frame.level > 0:
            target = frame
            while target.level >= frame.level:
                target = target.parent
        elif level == "#0":
            target = frame
            while target.level > 0:
                target = target.parent
        else:
            target = interp.frame_at_level(level)
    else:
        target = interp.frame_at_level("1")
    # the plain case (a proc linking simple names of a proc's or the global
    # frame into new locals) is link_variable with nothing left to check
    plain = frame.is_proc and target is not frame and \
        (target.is_proc or target.ns is interp.global_ns)
    table = frame.vars
    for i in range(first, n, 2):
        other, local = argv[i], argv[i + 1]
        if other.__class__ is not str:
            other = to_str(other)
        if local.__class__ is not str:
            local = to_str(local)
        if plain and table.get(local) is None and "::" not in other and "::" not in local \
                and not (other.endswith(")") and "(" in other) \
                and not (local.endswith(")") and "(" in local):
            tv = target.vars
            var = tv.get(other)
            if var is None:
                var = tv[other] = Var()
            table[local] = var
            links = frame.links
            if links is None:
                links = frame.links = set()
            links.add(local)
        else:
            link_variable(interp, target, other, local)
    return ""


def link_variable(interp, target, other, local):
    base, index = split_array_name(other)
    saved = interp.frame
    interp.frame = target
    interp.cur_ns = target.ns
    try:
        var = interp.lookup_var(base, create=True)
    finally:
        interp.frame = saved
        interp.cur_ns = saved.ns
    if index is not None:
        # a link to an element makes its array, as in Tcl
        if var.arr is None:
            if var.value is not None or type(var) is ElementLink:
                raise TclError('can\'t access "%s": variable isn\'t array' % other,
                               ("TCL", "LOOKUP", "VARNAME", base))
            var.arr = {}
        var = ElementLink(var, index)
    lbase, lindex = split_array_name(local)
    if lindex is not None:
        raise TclError('bad variable name "%s": can\'t create a scalar variable that looks like '
                       'an array element' % local, ("TCL", "UPVAR", "INVERTED"))
    frame = interp.frame
    if ("::" in local or not frame.is_proc) and target.is_proc and "::" not in base \
            and base not in (target.links or ()) and target.ns.vars.get(base) is not \
            (var.target if type(var) is ElementLink else var):
        # a namespace variable may not outlive the procedure variable it names
        raise TclError('bad variable name "%s": can\'t create namespace variable that refers to '
                       'procedure variable' % local, ("TCL", "UPVAR", "INVERTED"))
    if target is frame and other == local:
        raise TclError("can't upvar from variable to itself", ("TCL", "UPVAR", "SELF"))
    if "::" in local:
        ns, tail = interp._ns_and_tail(local)
        if ns is None:
            raise TclError('can\'t create "%s": parent namespace doesn\'t exist' % local,
                           ("TCL", "UPVAR", "NAMESPACE"))
        table, links = ns.vars, ns.links
    elif frame.is_proc:
        table, tail = frame.vars, local
        if frame.links is None:
            frame.links = set()
        links = frame.links
    else:
        table, tail, links = frame.vars, local, frame.ns.links
    existing = table.get(tail)
    linked = tail in links
    if existing is var and not linked and target is frame:
        # (a variable of another frame or a namespace that is already in this
        # table got there by a link, even one `variable` compiled inline made
        # without recording it: linking it again is fine, as in Tcl)
        raise TclError("can't upvar from variable to itself", ("TCL", "UPVAR", "SELF"))
    if existing is var or (type(var) is ElementLink and type(existing) is ElementLink and
                           existing.target is var.target and existing.key == var.key):
        return  # already linked there
    if existing is not None and existing.traces and not linked:
        raise TclError('variable "%s" has traces: can\'t use for upvar' % local,
                       ("TCL", "UPVAR", "TRACED"))
    if existing is not None and not existing.is_unset() and not linked:
        raise TclError('variable "%s" already exists' % local, ("TCL", "UPVAR", "EXISTS"))
    table[tail] = var
    links.add(tail)


@command("global")
def cmd_global(interp, argv):
    frame = interp.frame
    if not frame.is_proc:
        return ""
    table = frame.vars
    for name_value in argv[1:]:
        name = name_value if name_value.__class__ is str else to_str(name_value)
        if "::" in name:
            ns, tail = interp._ns_and_tail(name if name.startswith("::") else "::" + name,
                                           create=False)
            if ns is None:
                raise TclError('can\'t access "%s": parent namespace doesn\'t exist' % name,
                               ("TCL", "LOOKUP", "VARNAME", name))
        else:  # `global x`, the usual form: no name to parse
            ns, tail = interp.global_ns, name
        nsvars = ns.vars
        var = nsvars.get(tail)
        if var is None:
            var = nsvars[tail] = Var()
        existing = table.get(tail)
        links = frame.links
        if existing is not None and existing is not var and not existing.is_unset() and \
                (links is None or tail not in links):
            raise TclError('variable "%s" already exists' % tail, ("TCL", "UPVAR", "EXISTS"))
        table[tail] = var
        if links is None:
            links = frame.links = set()
        links.add(tail)
    return ""


# ---- rename / apply -----------------------------------------------------------------

@command("rename", 2, 2, "oldName newName")
def cmd_rename(interp, argv):
    old, new = to_str(argv[1]), to_str(argv[2])
    ns, tail = interp.locate_command(old)
    if ns is None:
        raise TclError('can\'t %s "%s": command doesn\'t exist' % ("delete" if new == "" else "rename", old),
                       ("TCL", "LOOKUP", "COMMAND", old))
    if not new:
        interp.discard_command(ns, tail)
        return ""
    new_ns, new_tail = interp._ns_and_tail(new, create=True)
    if new_ns is None:  # an empty tail is a command named "" (rename a ::ns::)
        raise TclError('can\'t rename to "%s": bad command name' % new,
                       ("TCL", "VALUE", "COMMAND"))
    if new_tail in new_ns.commands:
        raise TclError('can\'t rename to "%s": command already exists' % new,
                       ("TCL", "OPERATION", "RENAME", "TARGET_EXISTS"))
    func = ns.commands[tail]
    alias = getattr(func, "alias", None)
    if alias is not None:
        # an alias may not be renamed to a name its target chain calls (Tcl's
        # TclPreventAliasLoop)
        alias.check_rename(new_ns.qualify(new_tail))
    interp.move_command(ns, tail, new_ns, new_tail)
    spec = getattr(func, "proc_spec", None) if type(func) is not ImportedCmd else None
    if spec is not None:
        # a renamed proc runs in its new namespace
        spec.name = new_ns.qualify(new_tail)
        spec.ns = new_ns
    return ""


# (no count in @command: the registry's wrapper would cost a Python call per
# apply; the count is checked below)
@command("apply")
def cmd_apply(interp, argv):
    if len(argv) < 2:
        raise wrong_args(to_str(argv[0]), "lambdaExpr ?arg ...?")
    lam = argv[1]
    key = lam if lam.__class__ is str else to_str(lam)
    cache = interp.extensions.get("lambdas")
    entry = cache.get(key) if cache is not None else None
    # a lambda met before: its spec, binder and errorInfo name, while its
    # namespace is still the one it was made for
    if entry is None or (interp.global_ns if entry[3] is None
                         else interp.namespaces.get(entry[3])) is not entry[0].ns:
        entry = _lambda_entry(interp, lam, key)
    spec, bind, what, _ = entry
    table = bind(argv)
    if table is None:
        table = bind_arguments(spec, argv, 2, "apply lambdaExpr")  # raises the usage error
    return run_body(interp, spec, table, argv, what)


def _lambda_entry(interp, lam, key):
    """(spec, binder, errorInfo name, namespace name or None) for a lambda,
    cached by its text in the interpreter."""
    parts = to_list(lam)
    if len(parts) not in (2, 3):
        raise TclError('can\'t interpret "%s" as a lambda expression' % key,
                       ("TCL", "VALUE", "LAMBDA"))
    ns = interp.global_ns
    nsname = lookup = None
    if len(parts) == 3:
        nsname = to_str(parts[2])
        if not nsname.startswith("::"):
            nsname = "::" + nsname
        lookup = nsname.rstrip(":") or "::"
        ns = interp.namespaces.get(lookup)
        if ns is None:
            raise TclError('namespace "%s" not found' % nsname,
                           ("TCL", "LOOKUP", "NAMESPACE", nsname))
    cache = interp.extensions.setdefault("lambdas", {})
    entry = cache.get(key)
    if entry is not None and entry[0].ns is ns:
        return entry
    try:
        spec = ProcSpec("apply", parts[0], parts[1], ns)
    except TclError as e:
        e.errorinfo += '\n    (parsing lambda expression "%s")' % _short(key)
        e.context_added = True
        raise
    if len(cache) > 1000:
        cache.clear()
    entry = cache[key] = (spec, _binder(spec, 2), 'lambda term "%s"' % _short(key), lookup)
    return entry


def _short(text):
    return text if len(text) <= 60 else text[:60] + "..."

