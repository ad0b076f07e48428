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

from ..commands.procs import FRAME_HELPERS, exact_binder
from ..compile.framecall import frame_function
from ..runtime.frames import Var


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
    bind = exact_binder(names, 2)  # after the object and method words
    decl = m.declarer
    variables = decl.cvariables if decl is not obj and decl.is_class() else decl.variables
    links = tuple(variables)
    extra = tuple(v for v in variables if v not in names)
    ns = obj.ns
    nsvars = ns.vars
    what = m.what
    if what is None:
        what = m.what = BodyName(m, chain.kind)
    return _make_runner()(count, bind, extra, nsvars, ns, spec, code, obj, chain, public, links,
                          what, general)


_MAKE_RUNNER = []


def _make_runner():
    """make(count, bind, ...) -> run_method_body, generated once (on the
    first method call: calls.py is imported late)."""
    if not _MAKE_RUNNER:
        from .calls import CallContext, MethodFrame
        _MAKE_RUNNER.append(frame_function(
            "run_method_body", "interp, argv", [
                "if len(argv) != count:",
                "    return general(interp, obj, argv, 2, public)",
                "table = bind(argv)",
                "for v in extra:",
                "    var = nsvars.get(v)",
                "    if var is None:",
                "        var = nsvars[v] = Var()",
                "    table[v] = var"],
            "MethodFrame(table, ns, caller.level + 1, caller, spec, argv, "
            "CallContext(obj, chain, public, argv, 2), 0, links)",
            "what",
            free=("count", "bind", "extra", "nsvars", "ns", "spec", "code", "obj", "chain",
                  "public", "links", "what", "general"),
            env=dict(FRAME_HELPERS, Var=Var, MethodFrame=MethodFrame, CallContext=CallContext)))
    return _MAKE_RUNNER[0]


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

