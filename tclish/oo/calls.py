"""Calling methods: the object command, `my`, `next`, `nextto`, `self`, and
the core methods of oo::object and oo::class.

A method body runs like a proc body (procs.run_body) in a MethodFrame,
which records the call context (the chain and the position in it), so that
`next` and `self` find it from the current frame, as TclOO does.
"""

from ..commands.procs import ProcSpec, bind_arguments, run_body
from ..runtime.errors import TclError
from ..runtime.frames import Frame, Var
from ..runtime.lists import quote_element
from ..runtime.registry import WRONG_ARGS, rewrite_wrong_args
from ..runtime.values import TclList, to_str
from . import fastcall
from .model import chain_for, method_names


class OOState:
    """Per-interpreter TclOO state (interp.extensions["oo"])."""

    def __init__(self, interp):
        self.interp = interp
        self.epoch = 0
        self.counter = 0
        self.object_class = None
        self.class_class = None
        self.helpers = None
        self.objects = {}       # namespace -> Obj, to find objects by namespace

    def next_id(self):
        self.counter += 1
        return self.counter

    def changed(self):
        self.epoch += 1

    def namespace_deleted(self, ns):
        """`namespace delete` of an object's namespace destroys the object
        (destructor first); the namespace itself is left to the caller."""
        obj = self.objects.get(ns)
        if obj is not None and not obj.dead:
            from .lifecycle import destroy
            obj.keep_namespace = True
            destroy(self.interp, obj)


class MethodFrame(Frame):
    """The frame of a running method: `context` is the CallContext and
    `index` the chain entry this body is.  The declared variables linked
    into it (`declared`) make its `links` set only when something asks for
    it (upvar, global), not at every call."""

    __slots__ = ("context", "index", "declared", "_links")

    def __init__(self, vars, ns, level, parent, proc=None, argv=None, context=None, index=0,
                 declared=()):
        self.vars = vars
        self.ns = ns
        self.level = level
        self.parent = parent
        self.proc = proc
        self.argv = argv
        self.is_proc = proc is not None
        self._links = None
        self.tailcall = None
        self.context = context
        self.index = index
        self.declared = declared

    @property
    def links(self):
        if self._links is None and self.declared:
            self._links = set(self.declared)
        return self._links

    @links.setter
    def links(self, value):
        self._links = value

    def frame_info(self):
        """What `info frame` says about this method (after `type`...)."""
        m = self.context.chain.entries[self.index][0]
        decl = m.declarer
        kind = "class" if decl.is_class() and decl.methods.get(m.name) is not m else "object"
        return ("method", method_word(m, self.context.chain.kind), kind, decl.name())


class CallContext:
    __slots__ = ("obj", "chain", "public", "words", "nwords")

    def __init__(self, obj, chain, public, words, nwords):
        self.obj = obj
        self.chain = chain
        self.public = public
        self.words = words      # the words that named the method (for error texts)
        self.nwords = nwords


def state_of(interp):
    st = interp.extensions.get("oo")
    if st is None:
        from ..commands.oo import ensure_loaded
        ensure_loaded(interp)
        st = interp.extensions["oo"]
    return st


def object_of(interp, name, required=True, ns=None):
    """The Obj a command name denotes (following imports), or None."""
    func = interp.resolve_command(name, ns)
    real = getattr(func, "real", None)
    if real is not None and type(func).__name__ == "ImportedCmd":
        func = real()
    obj = getattr(func, "oo_object", None)
    if obj is None and required:
        raise TclError("%s does not refer to an object" % name,
                       ("TCL", "LOOKUP", "OBJECT", name))
    return obj


def class_of(interp, name, ns=None):
    obj = object_of(interp, name, ns=ns)
    if not obj.is_class():
        raise TclError('"%s" is not a class' % name, ("TCL", "LOOKUP", "CLASS", name))
    return obj


# ---- the object command and `my` ----------------------------------------------------------

def object_command(obj):
    """The command named after an object: `obj method ?arg ...?` (public
    methods).  A plain function (calling it costs less than an instance
    with __call__); a call that fastcall prepared a runner for takes it."""
    fast = obj.fast_public
    state = obj.state

    def object_cmd(interp, argv):
        if obj.fast_epoch == state.epoch and len(argv) > 1:
            name = argv[1]
            run = fast.get(name if type(name) is str else to_str(name))
            if run is not None:
                return run(interp, argv)
        return call(interp, obj, argv, 2, True)
    object_cmd.oo_object = obj
    object_cmd.synopsis = "A TclOO object: call one of its methods"
    object_cmd.on_delete = lambda interp: _destroyed_by_command(interp, obj)
    return object_cmd


def my_command(obj):
    """The object's `my` command (in its namespace): calls any method."""
    fast = obj.fast_private
    state = obj.state

    def my_cmd(interp, argv):
        if obj.fast_epoch == state.epoch and len(argv) > 1:
            name = argv[1]
            run = fast.get(name if type(name) is str else to_str(name))
            if run is not None:
                return run(interp, argv)
        return call(interp, obj, argv, 2, False)
    my_cmd.oo_object = obj
    my_cmd.synopsis = "Invoke any method of the current object"
    # the namespace went (namespace delete): so does the object
    my_cmd.on_delete = lambda interp: _destroyed_by_command(interp, obj)
    return my_cmd


def _destroyed_by_command(interp, obj):
    from .lifecycle import destroy
    destroy(interp, obj, run_destructor=True)


def call(interp, obj, argv, nwords, public):
    """Call the method argv[nwords-1] of obj with argv[nwords:].  A call
    from the object's command or `my` (nwords 2) also leaves a fastcall
    runner for the next call of that name."""
    if len(argv) < nwords:
        return call_unknown(interp, obj, argv, nwords, public)
    name = argv[nwords - 1]
    name = name if type(name) is str else to_str(name)
    chain = chain_for(obj, name, public)
    if chain is None:
        return call_unknown(interp, obj, argv, nwords, public)
    if nwords == 2:
        run = fastcall.prepare(interp, obj, name, public, chain, call_general)
        if run is not None:
            return run(interp, argv)
    return invoke(interp, CallContext(obj, chain, public, argv, nwords), 0, argv, nwords)


def call_general(interp, obj, argv, nwords, public):
    """`call` without preparing a runner: what a runner falls back to."""
    name = argv[nwords - 1]
    name = name if type(name) is str else to_str(name)
    chain = chain_for(obj, name, public)
    if chain is None:
        return call_unknown(interp, obj, argv, nwords, public)
    return invoke(interp, CallContext(obj, chain, public, argv, nwords), 0, argv, nwords)


def call_unknown(interp, obj, argv, nwords, public):
    """No method of that name (or none named at all: len(argv) < nwords):
    the object's `unknown` method gets the name and the arguments."""
    chain = chain_for(obj, "unknown", False)
    if chain is None or len(argv) < nwords:
        if len(argv) < nwords:
            if chain is not None and any(m.kind != "core" for m, _ in chain.entries):
                ctx = CallContext(obj, chain, public, argv, 1)
                return invoke(interp, ctx, 0, argv, 1)
            raise TclError('wrong # args: should be "%s method ?arg ...?"' % to_str(argv[0]),
                           ("TCL", "WRONGARGS"))
        raise unknown_method_error(obj, to_str(argv[nwords - 1]), public)
    ctx = CallContext(obj, chain, public, argv, nwords - 1)
    return invoke(interp, ctx, 0, argv, nwords - 1)


def unknown_method_error(obj, name, public):
    names = method_names(obj, public)
    if not names:
        text = 'object "%s" has no visible methods' % obj.name()
    elif len(names) == 1:
        text = 'unknown method "%s": must be %s' % (name, names[0])
    else:
        text = 'unknown method "%s": must be %s or %s' % (name, ", ".join(names[:-1]), names[-1])
    return TclError(text, ("TCL", "LOOKUP", "METHOD", name))


def invoke(interp, ctx, index, argv, nwords):
    """Run entry `index` of the context's chain with argv[nwords:] as its
    arguments (argv[:nwords] names the call, for error messages)."""
    chain = ctx.chain
    m, filter_decl = chain.entries[index]
    obj = ctx.obj
    is_filter = filter_decl is not None
    if is_filter:
        obj.filtering += 1
    elif index == chain.nfilters and chain.nfilters and obj.filtering:
        obj.filtering -= 1
        try:
            return _run(interp, ctx, index, m, argv, nwords)
        finally:
            obj.filtering += 1
    try:
        return _run(interp, ctx, index, m, argv, nwords)
    finally:
        if is_filter:
            obj.filtering -= 1


def _run(interp, ctx, index, m, argv, nwords):
    obj = ctx.obj
    kind = m.kind
    if kind == "method":
        bound = obj.specs.get(m)
        if bound is None:
            bound = bind_spec(interp, m, obj)
        spec, names = bound
        if names is not None and len(argv) - nwords == len(names):
            table = {}
            i = nwords
            for name in names:
                table[name] = Var(argv[i])
                i += 1
        else:
            usage = " ".join(quote_element(to_str(w)) for w in argv[:nwords])
            table = bind_arguments(spec, argv, nwords, usage)
        decl = m.declarer
        variables = decl.cvariables if decl is not obj and decl.is_class() else decl.variables
        if variables:
            nsvars = obj.ns.vars
            for v in variables:
                if v not in table:
                    var = nsvars.get(v)
                    if var is None:
                        var = nsvars[v] = Var()
                    table[v] = var

        declared = tuple(variables)

        def make_frame(table, ns, level, caller, spec, argv):
            return MethodFrame(table, ns, level, caller, spec, argv, ctx, index, declared)
        what = m.what
        if what is None:
            what = m.what = BodyName(m, ctx.chain.kind)
        return run_body(interp, spec, table, argv, what, make_frame)
    if kind == "forward":
        words = list(m.prefix) + list(argv[nwords:])
        func = interp.resolve_command(to_str(words[0]), obj.ns)
        if func is None:
            saved = interp.cur_ns
            interp.cur_ns = obj.ns
            try:
                return interp.unknown(words)
            finally:
                interp.cur_ns = saved
        try:
            return func(interp, words)
        except TclError as e:
            if not e.context_added and e.message.startswith(WRONG_ARGS):
                # the usage names the method as called, not its target
                rewrite_wrong_args(e, [to_str(w) for w in argv[:nwords]], len(m.prefix))
            raise
    return m.func(interp, ctx, index, argv, nwords)


class BodyName:
    """How errorInfo names a method body; made into text only for an error
    (the class may have been renamed since the method was defined)."""

    __slots__ = ("method", "kind")

    def __init__(self, method, kind):
        self.method = method
        self.kind = kind

    def __str__(self):
        return body_name(self.method, self.kind)


def body_name(m, kind):
    decl = m.declarer
    if decl.is_class() and m in (decl.constructor, decl.destructor):
        return 'class "%s" %s' % (decl.name(), kind)
    if decl.is_class() and decl.cmethods.get(m.name) is m:
        return 'class "%s" method "%s"' % (decl.name(), m.name)
    return 'object "%s" method "%s"' % (decl.name(), m.name)


def bind_spec(interp, m, obj):
    """The method's ProcSpec, running in this object's namespace (the body
    is compiled once per method and shared)."""
    base = m.spec
    if base.code is None:
        from ..commands.procs import compile_in_namespace
        base.code = compile_in_namespace(interp, base.body, obj.ns)
    spec = ProcSpec.__new__(ProcSpec)
    for slot in ProcSpec.__slots__:
        setattr(spec, slot, getattr(base, slot))
    spec.ns = obj.ns
    # the parameter names, when a call giving them all can bind them directly
    names = None if spec.has_args else tuple(p for p, _ in spec.params)
    bound = obj.specs[m] = (spec, names)
    return bound


# ---- next, nextto, self ---------------------------------------------------------------------

def method_frame(interp, what):
    frame = interp.frame
    if type(frame) is not MethodFrame:
        raise TclError("%s may only be called from inside a method" % what,
                       ("TCL", "OO", "CONTEXT_REQUIRED"))
    return frame


def cmd_next(interp, argv):
    frame = method_frame(interp, to_str(argv[0]))
    ctx, index = frame.context, frame.index
    if index + 1 >= len(ctx.chain.entries):
        kind = ctx.chain.kind
        raise TclError("no next %s implementation" % kind, ("TCL", "OO", "NOTHING_NEXT"))
    return _invoke_from_caller(interp, frame, ctx, index + 1, list(argv), 1)


def _invoke_from_caller(interp, frame, ctx, index, argv, nwords):
    """next/nextto run the next method as if called from the caller of the
    current one (so `upvar 1` in it reaches the same frame), as TclOO does."""
    saved = interp.frame
    caller = frame.parent
    interp.frame = caller
    interp.cur_ns = caller.ns
    try:
        return invoke(interp, ctx, index, argv, nwords)
    finally:
        interp.frame = saved
        interp.cur_ns = saved.ns


def cmd_nextto(interp, argv):
    if len(argv) < 2:
        raise TclError('wrong # args: should be "%s class ?arg...?"' % to_str(argv[0]),
                       ("TCL", "WRONGARGS"))
    frame = method_frame(interp, to_str(argv[0]))
    ctx, index = frame.context, frame.index
    cname = to_str(argv[1])
    target = class_of(interp, cname)
    entries = ctx.chain.entries
    for i in range(index + 1, len(entries)):
        if entries[i][0].declarer is target:
            return _invoke_from_caller(interp, frame, ctx, i, list(argv), 2)
    for i in range(0, index + 1):
        if entries[i][0].declarer is target and entries[i][1] is None:
            raise TclError('method implementation by "%s" not reachable from here' % cname,
                           ("TCL", "OO", "CLASS_NOT_REACHABLE"))
    raise TclError('method has no non-filter implementation by "%s"' % cname,
                   ("TCL", "OO", "CLASS_NOT_THERE"))


_SELF_SUBS = ("call", "caller", "class", "filter", "method", "namespace", "next", "object",
              "target")


def cmd_self(interp, argv):
    frame = method_frame(interp, "self")
    ctx, index = frame.context, frame.index
    obj = ctx.obj
    if len(argv) == 1:
        return obj.name()
    if len(argv) > 2:
        raise TclError('wrong # args: should be "self ?subcommand?"', ("TCL", "WRONGARGS"))
    word = to_str(argv[1])
    matches = [s for s in _SELF_SUBS if s.startswith(word)] if word else []
    if word in _SELF_SUBS:
        matches = [word]
    if len(matches) != 1:
        raise TclError('%s subcommand "%s": must be %s, or %s' % (
            "ambiguous" if matches else "bad", word, ", ".join(_SELF_SUBS[:-1]), _SELF_SUBS[-1]),
            ("TCL", "LOOKUP", "INDEX", "subcommand", word))
    sub = matches[0]
    chain = ctx.chain
    m, filter_decl = chain.entries[index]
    if sub == "object":
        return obj.name()
    if sub == "namespace":
        return obj.ns.name
    if sub == "method":
        if chain.kind == "constructor":
            return "<constructor>"
        if chain.kind == "destructor":
            return "<destructor>"
        return m.name
    if sub == "class":
        if not m.declarer.is_class() or m.declarer.methods.get(m.name) is m:
            raise TclError("method not defined by a class", ("TCL", "OO", "UNMATCHED_CONTEXT"))
        return m.declarer.name()
    if sub == "next":
        if index + 1 >= len(chain.entries):
            return ""
        nm = chain.entries[index + 1][0]
        return TclList([declarer_word(nm), method_word(nm, chain.kind)])
    if sub == "filter":
        if filter_decl is None:
            raise TclError("not inside a filtering context", ("TCL", "OO", "UNMATCHED_CONTEXT"))
        kind = "class" if filter_decl.is_class() and filter_decl is not obj else "object"
        return TclList([filter_decl.name(), kind, m.name])
    if sub == "target":
        if filter_decl is None:
            raise TclError("not inside a filtering context", ("TCL", "OO", "UNMATCHED_CONTEXT"))
        if chain.nfilters >= len(chain.entries):
            raise TclError("not inside a filtering context", ("TCL", "OO", "UNMATCHED_CONTEXT"))
        tm = chain.entries[chain.nfilters][0]
        return TclList([declarer_word(tm), tm.name])
    if sub == "caller":
        caller = frame.parent
        while caller is not None and type(caller) is not MethodFrame:
            caller = caller.parent if not caller.is_proc else None
        if caller is None or type(caller) is not MethodFrame:
            raise TclError("caller is not an object", ("TCL", "OO", "CONTEXT_REQUIRED"))
        cctx = caller.context
        cm = cctx.chain.entries[caller.index][0]
        return TclList([declarer_word(cm), cctx.obj.name(), method_word(cm, cctx.chain.kind)])
    if sub == "call":
        return TclList([chain_description(chain, ctx.nwords < len(ctx.words) and
                                          chain.name == "unknown" and
                                          to_str(ctx.words[ctx.nwords - 1]) != "unknown"),
                        index])
    raise AssertionError(sub)


def declarer_word(m):
    return m.declarer.name()


def method_word(m, kind):
    if kind == "constructor":
        return "<constructor>"
    if kind == "destructor":
        return "<destructor>"
    return m.name


def method_type(m):
    if m.kind == "core":
        return 'core method: "%s"' % m.name
    return m.kind


def chain_description(chain, unknown=False):
    """A chain as `info object call` and `self call` show it (`unknown`: the
    chain runs because no method had the name called)."""
    out = TclList()
    for i, (m, fd) in enumerate(chain.entries):
        what = "filter" if fd is not None else ("unknown" if unknown else "method")
        decl = m.declarer
        dword = decl.name() if decl.is_class() and decl.methods.get(m.name) is not m else "object"
        out.append(TclList([what, method_word(m, chain.kind), dword, method_type(m)]))
    return out
