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
from .model import Cls, Method, Obj, build_chain, chain_for, method_names


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
            obj.keep_namespace = True
            destroy(self.interp, obj)


class MethodFrame(Frame):
    """The frame of a running method: `context` is the CallContext and
    `index` the chain entry this body is."""

    __slots__ = ("context", "index")

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

class ObjectCommand:
    """The command named after an object: `obj method ?arg ...?` (public)."""

    __slots__ = ("oo_object",)
    synopsis = "A TclOO object: call one of its methods"

    def __init__(self, obj):
        self.oo_object = obj

    def __call__(self, interp, argv):
        if len(argv) < 2:
            return call_unknown(interp, self.oo_object, argv, 2, True)
        # the common case in one step: an object with nothing of its own,
        # its class's chain cached, a plain method first in the chain
        obj = self.oo_object
        cls = obj.cls
        if cls.instance_cache_epoch == obj.state.epoch and not (
                obj.methods or obj.mixins or obj.filters or obj.filtering):
            name = argv[1]
            chain = cls.instance_cache.get((name if type(name) is str else to_str(name),
                                            True, False))
            if chain is not None and not chain.nfilters:
                m = chain.entries[0][0]
                if m.kind == "method":
                    return _run(interp, CallContext(obj, chain, True, argv, 2), 0, m, argv, 2)
        return call(interp, obj, argv, 2, True)

    def on_delete(self, interp):
        destroy(interp, self.oo_object, run_destructor=True)


class MyCommand:
    """The object's `my` command (in its namespace): calls any method."""

    __slots__ = ("oo_object",)
    synopsis = "Invoke any method of the current object"

    def __init__(self, obj):
        self.oo_object = obj

    def __call__(self, interp, argv):
        if len(argv) < 2:
            return call_unknown(interp, self.oo_object, argv, 2, False)
        return call(interp, self.oo_object, argv, 2, False)

    def on_delete(self, interp):
        # the namespace went (namespace delete): so does the object
        destroy(interp, self.oo_object, run_destructor=True)


def call(interp, obj, argv, nwords, public):
    """Call the method argv[nwords-1] of obj with argv[nwords:]."""
    name = argv[nwords - 1]
    name = name if type(name) is str else to_str(name)
    chain = chain_for(obj, name, public)
    if chain is None:
        return call_unknown(interp, obj, argv, nwords, public)
    ctx = CallContext(obj, chain, public, argv, nwords)
    return invoke(interp, ctx, 0, argv, nwords)


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

        def make_frame(table, ns, level, caller, spec, argv):
            f = MethodFrame(table, ns, level, caller, spec, argv)
            f.context = ctx
            f.index = index
            if variables:
                f.links = set(variables)
            return f
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
        from ..compile.tail import compile_proc_body
        base.code = compile_proc_body(interp, to_str(base.body))
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


# ---- creating and destroying objects ----------------------------------------------------------

def make_object(interp, cls, name=None, nsname=None):
    """A new object of class `cls` (a class when cls is a metaclass), with
    its command (`name`, or ::oo::ObjN) and namespace; no constructor run."""
    st = cls.state
    st.changed()
    klass = Cls if cls.is_metaclass() else Obj
    n = st.counter + 1
    if nsname is None:
        nsname = "::oo::Obj%d" % n
        while nsname in interp.namespaces:
            st.counter += 1
            n = st.counter + 1
            nsname = "::oo::Obj%d" % n
    else:
        nsname = nsname if nsname.startswith("::") else interp.cur_ns.qualify(nsname)
        if nsname in interp.namespaces:
            raise TclError("%s refers to an existing namespace" % nsname,
                           ("TCL", "OO", "OVERWRITE_OBJECT"))
    if name is None:
        qualified = "::oo::Obj%d" % n
        while interp.resolve_command(qualified) is not None:
            n += 1
            qualified = "::oo::Obj%d" % n
    else:
        qualified = name if name.startswith("::") else interp.cur_ns.qualify(name)
        if interp.resolve_command(qualified) is not None and \
                interp.locate_command(qualified)[0] is not None:
            raise TclError('can\'t create object "%s": command already exists with that name'
                           % name, ("TCL", "OO", "OVERWRITE_OBJECT"))
    ns = interp.create_namespace(nsname)
    ns.path = [st.helpers]
    cmd_ns, tail = interp._ns_and_tail(qualified, create=True)
    token = interp.command_token(cmd_ns, tail)
    obj = klass(st, cls, ns, token)
    st.objects[ns] = obj
    if klass is Cls:
        obj.supers = [st.object_class]
        st.object_class.subs.append(obj)
    cls.instances.append(obj)
    interp.set_command(cmd_ns, tail, ObjectCommand(obj))
    interp.set_command(ns, "my", MyCommand(obj))
    obj.my_token = interp.command_token(ns, "my")
    return obj


def construct(interp, obj, argv, nwords):
    """Run the constructor chain; on error the object is destroyed."""
    chain = build_chain(obj, "<constructor>", "constructor")
    if not chain.entries:
        return ""
    ctx = CallContext(obj, chain, False, argv, nwords)
    try:
        invoke(interp, ctx, 0, argv, nwords)
    except TclError:
        # Tcl 8.6 runs the destructor of an object whose constructor failed
        destroy(interp, obj)
        raise
    except Exception:
        destroy(interp, obj, run_destructor=False)
        raise
    if obj.dead:
        raise TclError("object deleted in constructor", ("TCL", "OO", "STILLBORN"))
    return ""


def destroy(interp, obj, run_destructor=True, report=False):
    """Destroy an object: destructors (once), then its namespace and
    command; a class takes its instances, subclasses and the classes and
    objects it is mixed into with it.  A destructor's error is the result
    only of the `destroy` method (`report`); otherwise it goes to bgerror."""
    if obj.dead:
        return
    obj.dead = True
    st = obj.state
    st.changed()
    error = None
    if run_destructor:
        chain = build_chain(obj, "<destructor>", "destructor")
        if chain.entries:
            ctx = CallContext(obj, chain, False, [obj.name(), "destroy"], 2)
            try:
                invoke(interp, ctx, 0, [obj.name(), "destroy"], 2)
            except TclError as e:
                error = e
    if obj.is_class():
        # as Tcl does: subclasses first, then instances, newest first
        for sub in reversed(list(obj.subs)):
            destroy(interp, sub)
        for inst in reversed(list(obj.instances)):
            destroy(interp, inst)
        for user in list(obj.mixed_into):
            destroy(interp, user)
        for s in obj.supers:
            if obj in s.subs:
                s.subs.remove(obj)
        for user in list(obj.mixed_into):
            if obj in user.mixins:
                user.mixins.remove(obj)
            if user.is_class() and obj in user.cmixins:
                user.cmixins.remove(obj)
    for mx in obj.mixins + (obj.cmixins if obj.is_class() else []):
        if obj in mx.mixed_into:
            mx.mixed_into.remove(obj)
    if obj in obj.cls.instances:
        obj.cls.instances.remove(obj)
    st.objects.pop(obj.ns, None)
    if not obj.ns.deleted and not obj.keep_namespace:
        _delete_object_namespace(interp, obj.ns)
    for tok in (obj.token, obj.my_token):
        func = tok.ns.commands.get(tok.tail)
        if getattr(func, "oo_object", None) is obj:
            interp.discard_command(tok.ns, tok.tail)
    if error is not None:
        if report:
            raise error
        background_error(interp, error)


def _delete_object_namespace(interp, ns):
    """Delete an object's namespace.  delete_namespace bumps core_epoch
    (twice per namespace), which sends every inlined script back to plain
    dispatch; an object's namespace rarely holds a command that could shadow
    an inlined one, and then the bump is undone so that destroying objects
    keeps compiled code fast."""
    from ..commands.namespaces import delete_namespace
    from ..runtime.interp import INLINE_NAMES
    spaces = []
    todo = [ns]
    while todo:
        n = todo.pop()
        spaces.append(n)
        todo.extend(n.children.values())
    harmless = not any(name in INLINE_NAMES for n in spaces for name in n.commands)
    before = interp.core_epoch
    delete_namespace(interp, ns)
    if harmless and interp.core_epoch == before + 2 * len(spaces):
        interp.core_epoch = before


def background_error(interp, error):
    """An error nobody can receive (a destructor run by rename or namespace
    delete): handed to bgerror when there is one, as Tcl does."""
    func = interp.resolve_command("::bgerror", interp.global_ns)
    if func is None:
        return
    try:
        func(interp, ["bgerror", error.message])
    except TclError:
        pass


# ---- core methods -------------------------------------------------------------------------

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
    frame = MethodFrame(obj.ns.vars, obj.ns, caller.level + 1, caller, argv=argv)
    frame.is_proc = False
    frame.context = ctx
    frame.index = index
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


def copy_object(interp, src, new_name=None, new_ns=None):
    """oo::copy: a new object of the same class with copies of the
    source's own methods, mixins, filters and variables; then <cloned>."""
    st = src.state
    obj = make_object(interp, src.cls, new_name, new_ns)
    for name, m in src.methods.items():
        obj.methods[name] = Method(name, m.kind, obj, m.exported, m.spec, m.prefix, m.func)
    obj.mixins = list(src.mixins)
    for mx in obj.mixins:
        mx.mixed_into.append(obj)
    obj.filters = list(src.filters)
    obj.variables = list(src.variables)
    if src.is_class():
        obj.supers = list(src.supers)
        st.object_class.subs.remove(obj) if obj in st.object_class.subs else None
        for s in obj.supers:
            s.subs.append(obj)
        for name, m in src.cmethods.items():
            obj.cmethods[name] = Method(name, m.kind, obj, m.exported, m.spec, m.prefix, m.func)
        for attr in ("constructor", "destructor"):
            m = getattr(src, attr)
            if m is not None:
                setattr(obj, attr, Method(m.name, m.kind, obj, m.exported, m.spec, m.prefix,
                                          m.func))
        obj.cmixins = list(src.cmixins)
        for mx in obj.cmixins:
            mx.mixed_into.append(obj)
        obj.cfilters = list(src.cfilters)
        obj.cvariables = list(src.cvariables)
    for cname, func in list(src.ns.commands.items()):
        spec = getattr(func, "proc_spec", None)
        if spec is not None:
            interp.invoke(["proc", obj.ns.qualify(cname), spec.arglist, spec.body])
    for vname, var in src.ns.vars.items():
        if var.is_unset() or vname in src.ns.links:
            continue
        nv = Var(var.value)
        if var.arr is not None:
            nv.arr = dict(var.arr)
        obj.ns.vars[vname] = nv
    st.changed()
    chain = chain_for(obj, "<cloned>", False)
    if chain is not None:
        words = [obj.name(), "<cloned>", src.name()]
        try:
            invoke(interp, CallContext(obj, chain, False, words, 2), 0, words, 2)
        except TclError:
            destroy(interp, obj, run_destructor=False)
            raise
    return obj.name()
