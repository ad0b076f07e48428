"""TclOO's data: objects, classes, methods, and the call chains built from them.

An object is a command plus a namespace (::oo::ObjN) holding its variables
and its `my` command; a class is an object that also holds methods,
superclasses, mixins, filters and declared variables.  Which methods run for
a call, and in what order, is the call chain; it is built as TclOO builds it
(tclOOCall.c): methods reached through mixins first, then the object's own
methods and the class hierarchy, each method as late as it can come, with
the filters in front.  Chains are cached per class (or per object when the
object has its own methods, mixins or filters) and the cache is dropped by
bumping `OOState.epoch` whenever any definition changes.
"""

from ..runtime.errors import TclError

PUBLIC, PRIVATE = True, False


class Method:
    """One method record.  `kind` is "method" (a proc body), "forward"
    (a command prefix), "core" (a Python builtin) or None: a record that only
    says whether the name is exported (`export` of an inherited method)."""

    __slots__ = ("name", "kind", "declarer", "exported", "spec", "prefix", "func", "what")

    def __init__(self, name, kind, declarer, exported, spec=None, prefix=None, func=None):
        self.name = name
        self.kind = kind
        self.declarer = declarer
        self.exported = exported
        self.spec = spec        # ProcSpec for kind "method"
        self.prefix = prefix    # list of words for kind "forward"
        self.func = func        # func(interp, ctx, index, args) for kind "core"
        self.what = None        # how errorInfo names the body (calls.BodyName)


def exported_by_default(name):
    """Tcl exports the methods whose names start with a lower-case letter."""
    return bool(name) and name[0].islower()


class Obj:
    """A TclOO object (instances of Cls are classes)."""

    def __init__(self, state, cls, ns, token):
        self.state = state
        self.cls = cls
        self.ns = ns
        self.token = token          # CmdToken: follows renames of the command
        self.methods = {}           # per-object methods (oo::objdefine)
        self.mixins = []
        self.filters = []
        self.variables = []
        self.specs = {}             # Method -> ProcSpec bound to this namespace
        self.cache = None
        self.cache_epoch = -1
        self.fast_public = {}       # method name -> fastcall runner, for `obj name`
        self.fast_private = {}      # ... and for `my name`
        self.fast_epoch = -1
        self.dead = False
        self.filtering = 0          # > 0 while one of its filters runs
        self.my_token = token       # CmdToken of its `my` (set when made)
        self.keep_namespace = False  # being destroyed by `namespace delete`
        self.id = state.next_id()

    def name(self):
        return self.token.qualified()

    def is_class(self):
        return False

    def plain(self):
        """Whether the object's call chains are its class's (nothing of its own)."""
        return not (self.methods or self.mixins or self.filters)

    def __repr__(self):
        return "<oo object %s>" % self.name()


class Cls(Obj):
    def __init__(self, state, cls, ns, token):
        Obj.__init__(self, state, cls, ns, token)
        self.supers = []
        self.subs = []
        self.instances = []
        self.cmethods = {}
        self.constructor = None
        self.destructor = None
        self.cmixins = []
        self.cfilters = []
        self.cvariables = []
        self.mixed_into = []        # objects and classes that have this as a mixin
        self.instance_cache = None
        self.instance_cache_epoch = -1

    def is_class(self):
        return True

    def is_metaclass(self):
        return self.inherits(self.state.class_class)

    def inherits(self, other):
        """Whether this class is `other` or has it among its superclasses."""
        seen = set()
        todo = [self]
        while todo:
            c = todo.pop()
            if c is other:
                return True
            if id(c) in seen:
                continue
            seen.add(id(c))
            todo.extend(c.supers)
        return False

    def linearized(self):
        """This class and its superclasses, in chain order, each once."""
        out = []
        _walk_supers(self, out)
        return out


def _walk_supers(c, out):
    if c in out:
        out.remove(c)
    out.append(c)
    for s in c.supers:
        _walk_supers(s, out)


# ---- call chains ----------------------------------------------------------------------

class Chain:
    """A call chain: `entries` are (Method, filter_declarer or None); the
    first `nfilters` are filters.  `found` tells whether any method (not
    only filters) implements the name."""

    __slots__ = ("name", "entries", "nfilters", "found", "kind")

    def __init__(self, name, entries, nfilters, found, kind):
        self.name = name
        self.entries = entries
        self.nfilters = nfilters
        self.found = found
        self.kind = kind            # "method", "constructor" or "destructor"


class _Builder:
    def __init__(self, obj, name, kind):
        self.obj = obj
        self.name = name
        self.kind = kind
        self.entries = []
        self.nfilters = 0

    def add(self, m, via_mixin, mixin_pass, filter_decl=None):
        if m is None or m.kind is None or via_mixin != mixin_pass:
            return
        entries = self.entries
        is_filter = filter_decl is not None
        for i in range(self.nfilters if not is_filter else 0, len(entries)):
            em, efd = entries[i]
            if em is m and (efd is not None) == is_filter:
                # a method comes as late in the chain as it can
                del entries[i]
                entries.append((em, efd))
                return
        entries.append((m, filter_decl))

    def walk_class(self, c, via_mixin, mixin_pass, filter_decl):
        for mx in c.cmixins:
            self.walk_class(mx, True, mixin_pass, filter_decl)
        if self.kind == "constructor":
            m = c.constructor
        elif self.kind == "destructor":
            m = c.destructor
        else:
            m = c.cmethods.get(self.name)
        self.add(m, via_mixin, mixin_pass, filter_decl)
        for s in c.supers:
            self.walk_class(s, via_mixin, mixin_pass, filter_decl)

    def walk_object(self, mixin_pass, filter_decl=None):
        obj = self.obj
        for mx in obj.mixins:
            self.walk_class(mx, True, mixin_pass, filter_decl)
        if self.kind == "method":
            self.add(obj.methods.get(self.name), False, mixin_pass, filter_decl)
        self.walk_class(obj.cls, False, mixin_pass, filter_decl)


def filter_names(obj):
    """The filters that apply to `obj`, with their declarers, each name once,
    in TclOO's order: those of the object's mixins, the object's own, then
    those of its class hierarchy (classes reached through mixins first)."""
    out = []
    done = set()

    def take(name, decl):
        if name not in done:
            done.add(name)
            out.append((name, decl))

    def from_class(c, via_mixin, mixin_pass, any_pass):
        for mx in c.cmixins:
            from_class(mx, True, mixin_pass, any_pass)
        if any_pass or via_mixin == mixin_pass:
            for f in c.cfilters:
                take(f, c)
        for s in c.supers:
            from_class(s, via_mixin, mixin_pass, any_pass)
    for mx in obj.mixins:
        from_class(mx, True, True, True)
    for f in obj.filters:
        take(f, obj)
    from_class(obj.cls, False, True, False)
    from_class(obj.cls, False, False, False)
    return out


def build_chain(obj, name, kind="method", filters=True):
    b = _Builder(obj, name, kind)
    if filters and kind == "method":
        for fname, decl in filter_names(obj):
            fb = _Builder(obj, fname, "method")
            fb.walk_object(True)
            fb.walk_object(False)
            for m, _ in fb.entries:
                b.add(m, False, False, decl)
        b.nfilters = len(b.entries)
    b.walk_object(True)
    b.walk_object(False)
    found = len(b.entries) > b.nfilters
    return Chain(name, b.entries, b.nfilters, found, kind)


def first_record(obj, name):
    """The method record that decides whether `name` is public on `obj`:
    the object's own, else the first found through mixins and classes."""
    m = obj.methods.get(name)
    if m is not None:
        return m
    for mx in obj.mixins:
        m = _class_record(mx, name, set())
        if m is not None:
            return m
    return _class_record(obj.cls, name, set())


def _class_record(c, name, seen):
    if c in seen:
        return None
    seen.add(c)
    for mx in c.cmixins:
        m = _class_record(mx, name, seen)
        if m is not None:
            return m
    m = c.cmethods.get(name)
    if m is not None:
        return m
    for s in c.supers:
        m = _class_record(s, name, seen)
        if m is not None:
            return m
    return None


def method_names(obj, public):
    """Names callable on `obj` (publicly, or from `my` when not public)."""
    names = set(obj.methods)
    seen = set()

    def from_class(c):
        if c in seen:
            return
        seen.add(c)
        names.update(c.cmethods)
        for mx in c.cmixins:
            from_class(mx)
        for s in c.supers:
            from_class(s)
    for mx in obj.mixins:
        from_class(mx)
    from_class(obj.cls)
    out = []
    for n in names:
        rec = first_record(obj, n)
        if rec is None:
            continue
        if public and not rec.exported:
            continue
        if _implemented(obj, n):
            out.append(n)
    return sorted(out)


def _implemented(obj, name):
    return build_chain(obj, name, filters=False).found


def chain_for(obj, name, public):
    """The cached call chain for calling `name` on `obj`; None when the name
    is not callable that way (no method, or not exported for a public call)."""
    state = obj.state
    if obj.plain() and not obj.filtering:
        c = obj.cls
        if c.instance_cache_epoch != state.epoch:
            c.instance_cache = {}
            c.instance_cache_epoch = state.epoch
        cache = c.instance_cache
    else:
        if obj.cache_epoch != state.epoch:
            obj.cache = {}
            obj.cache_epoch = state.epoch
        cache = obj.cache
    key = (name, public, obj.filtering > 0)
    chain = cache.get(key, False)
    if chain is False:
        chain = None
        if public:
            rec = first_record(obj, name)
            visible = rec is not None and rec.exported
        else:
            visible = True
        if visible:
            chain = build_chain(obj, name, filters=not obj.filtering)
            if not chain.found:
                chain = None
        cache[key] = chain
    return chain


def lifecycle_chain(obj, kind):
    """The constructor or destructor chain of obj (`kind`), cached per class
    for objects with nothing of their own, like method chains: making and
    destroying many objects of one class builds each chain once."""
    name = "<%s>" % kind
    if not obj.plain():
        return build_chain(obj, name, kind)
    c = obj.cls
    state = obj.state
    if c.instance_cache_epoch != state.epoch:
        c.instance_cache = {}
        c.instance_cache_epoch = state.epoch
    key = (name, kind)
    chain = c.instance_cache.get(key)
    if chain is None:
        chain = c.instance_cache[key] = build_chain(obj, name, kind)
    return chain


def check_no_cycle(cls, supers):
    for s in supers:
        if s.inherits(cls):
            raise TclError("attempt to form circular dependency graph",
                           ("TCL", "OO", "SELF_INHERITANCE"))
