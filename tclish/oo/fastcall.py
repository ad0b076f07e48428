"""The fast path of a method call: `$obj method ?arg ...?` and `my method`.

Most calls name a plain method (a proc body) that comes first in a chain
with no filters, and give exactly its arguments.  For such a call
everything but the arguments is known once the chain is: the bound spec,
the compiled body, the declared variables to link, how errorInfo names the
body.  `runner` gathers them into one closure per (object, method name,
public or private), kept in the object's `fast` tables while no definition
changes (OOState.epoch, as the chain caches are); the object's command
finds it with one dict lookup.  Anything else (filters, forwards, core
methods, other argument counts) goes the general way (calls.call).

The closure runs the body as commands/procs.run_body does, written out:
both are generated from compile/framecall.py's one text (frame push and
pop, return-code mapping, errorInfo, tailcall).
"""

from ..commands.procs import BINDER_ENV, FRAME_HELPERS, exact_binding
from ..compile.framecall import frame_function
from ..runtime.frames import Frame, Var


def runner(interp, obj, chain, public, general):
    """The closure for calls of chain's method on obj, or None when the
    chain is not one the fast path takes.  `general(interp, obj, argv, 2,
    public)` is the way every other call goes."""
    from .calls import BodyName, bind_spec
    if chain.nfilters or obj.filtering:
        return None
    m = chain.entries[0][0]
    if m.kind != "method":
        return None
    bound = obj.specs.get(m)
    if bound is None:
        bound = bind_spec(interp, m, obj)
    spec, names = bound
    if names is None:
        return None     # `args`: bind_arguments, the general way
    code = spec.code
    count = len(names) + 2
    decl = m.declarer
    variables = decl.cvariables if decl is not obj and decl.is_class() else decl.variables
    links = tuple(variables)
    extra = tuple(v for v in variables if v not in names)
    ns = obj.ns
    nsvars = ns.vars
    what = m.what
    if what is None:
        what = m.what = BodyName(m, chain.kind)
    return _make_runner(len(names))(count, extra, nsvars, ns, spec, code, obj, chain, public,
                                    links, what, general, *names)


_MAKE_RUNNER = {}


def _make_runner(arity):
    """make(count, ..., name0, name1, ...) -> run_method_body, generated once
    per count of parameters (on the first method call: calls.py is imported
    late).  The arguments (after the object and method words), the
    MethodFrame and its CallContext are made in line, their slots filled
    here rather than by their __init__ (a Python frame each)."""
    make = _MAKE_RUNNER.get(arity)
    if make is None:
        from .calls import CallContext, MethodFrame
        assert MethodFrame.__slots__ == ("context", "index", "declared", "_links") and \
            CallContext.__slots__ == ("obj", "chain", "public", "words", "nwords") and \
            Frame.__slots__ == ("vars", "ns", "level", "parent", "proc", "argv", "is_proc",
                                "links", "tailcall")
        names = ["n%d" % i for i in range(arity)]
        make = _MAKE_RUNNER[arity] = frame_function(
            "run_method_body", "interp, argv", [
                "if len(argv) != count:",
                "    return general(interp, obj, argv, 2, public)"] +
            exact_binding(arity, 2) + [
                "for v in extra:",
                "    var = nsvars.get(v)",
                "    if var is None:",
                "        var = nsvars[v] = Var()",
                "    table[v] = var"],
            [   # MethodFrame(table, ns, caller.level + 1, caller, spec, argv,
                #             CallContext(obj, chain, public, argv, 2), 0, links)
                "frame = new_object(MethodFrame); frame.vars = table; frame.ns = ns",
                "frame.level = caller.level + 1; frame.parent = caller; frame.proc = spec",
                "frame.argv = argv; frame.is_proc = True; frame._links = None",
                "frame.tailcall = None; frame.index = 0; frame.declared = links",
                "context = frame.context = new_object(CallContext); context.obj = obj",
                "context.chain = chain; context.public = public; context.words = argv",
                "context.nwords = 2"],
            "what",
            free=["count", "extra", "nsvars", "ns", "spec", "code", "obj", "chain", "public",
                  "links", "what", "general"] + names,
            env=dict(FRAME_HELPERS, **BINDER_ENV, MethodFrame=MethodFrame,
                     CallContext=CallContext))
    return make


def fast_tables(obj):
    """The object's runner tables (public, private), emptied when a
    definition changed since they were filled."""
    epoch = obj.state.epoch
    if obj.fast_epoch != epoch:
        obj.fast_public.clear()
        obj.fast_private.clear()
        obj.fast_epoch = epoch
    return obj.fast_public, obj.fast_private


def prepare(interp, obj, name, public, chain, general):
    """Remember how to call `name` next time: its runner, or (when the chain
    allows none) the general way straight away.  Returns the runner."""
    tables = fast_tables(obj)
    run = runner(interp, obj, chain, public, general)
    if run is not None:
        tables[0 if public else 1][name] = run
    elif not obj.filtering:
        tables[0 if public else 1][name] = lambda interp, argv: general(interp, obj, argv, 2, public)
    return run

