"""The all-handles fast path: one closure per command, specialised at install time.

Most torch commands are called as `torch::tensor_add $a $b`: positional
arguments that are all live tensor handles, every later parameter left at its
default.  For that shape the binder's work is known in advance: each argument
is one lookup in the registry's tensor table and the function is called with
the tensors and the (converted, constant) defaults.  `fast_command` generates
that closure from source, per shape, so the call has no argv loop, no list of
values, no kwargs dict and no per-call attribute chains.

Anything else -- another number of arguments, a value that is no live handle
(a number, an option word, a freed name, a list), a missing registry --
falls through to the general command, which gives the same results and the
same errors as before.  A word found in the tensor table can be neither an
option (the table's names all start with "tensor") nor an empty value, so
the binder would bind it the same way; that is what makes the shortcut exact.
"""

from ..runtime.errors import TclError, TclSignal

_FACTORIES = {}

_TEMPLATE = """
def factory(general, prepare, python_error, to_tcl, TclError, TclSignal):
    func = None
    {tail_init}
    def command(interp, argv):
        nonlocal func{tail_nonlocal}
        if len(argv) == {argc}:
            try:
                reg = interp.extensions["torch"]
                get = reg.tensors.get
                {lookups}
            except (KeyError, TypeError):     # no registry yet; an unhashable word
                return general(interp, argv)
            if {any_missing}:
                return general(interp, argv)
            if func is None:
                func, [{tail_names}] = prepare()
            try:
                result = func({call_args})
            except (TclError, TclSignal):
                raise
            except Exception as e:
                raise python_error(e) from None
            {ret}
        return general(interp, argv)
    return command
"""


def _factory(n_handles, n_tail, keywords, context, wants_tensor):
    key = (n_handles, n_tail, keywords, context, wants_tensor)
    f = _FACTORIES.get(key)
    if f is None:
        xs = ["x%d" % k for k in range(1, n_handles + 1)]
        ts = ["t%d" % k for k in range(n_tail)]
        call = (["reg"] if context else []) + xs
        n_pos_tail = n_tail - len(keywords)
        call += ts[:n_pos_tail]
        call += ["%s=%s" % (kw, t) for kw, t in zip(keywords, ts[n_pos_tail:])]
        if wants_tensor:
            ret = 'return "" if result is None else reg.new_tensor(result)'
        else:
            ret = "return to_tcl(result)"
        source = _TEMPLATE.format(
            argc=n_handles + 1,
            tail_init=("%s = None" % " = ".join(ts)) if ts else "",
            tail_nonlocal="".join(", " + t for t in ts),
            tail_names="".join(t + ", " for t in ts),
            lookups="\n                ".join("x%d = get(argv[%d])" % (k, k)
                                              for k in range(1, n_handles + 1)),
            any_missing=" or ".join("%s is None" % x for x in xs),
            call_args=", ".join(call),
            ret=ret)
        namespace = {}
        exec(compile(source, "<torch-fast-%d>" % n_handles, "exec"), namespace)
        f = _FACTORIES[key] = namespace["factory"]
    return f


def fast_shape(spec):
    """How many leading positional parameters take tensor handles and may be the
    whole call (the rest have defaults), or 0 where the fast path does not apply."""
    if len(spec.params) == 0 or spec.params[-1].kind.variadic:
        return 0
    n = 0
    for p in spec.params:
        k = p.kind
        if k.handle_kind != "tensor" or k.handle_list or k.variadic or p.keyword:
            break
        n += 1
    if n == 0 or n < spec.min_positional:
        return 0
    return n


def fast_command(spec, binder, general, resolve, python_error, to_tcl):
    """The command for `spec` with the all-handles shortcut in front of `general`,
    or `general` itself where the spec has no such shape."""
    n = fast_shape(spec)
    if not n:
        return general
    tail_params = spec.params[n:]
    keywords = tuple(p.name for p in tail_params if p.keyword)
    bare = spec.bare_func       # the tail is all defaults here (fast_shape)

    def prepare():
        """The function and the converted tail defaults, made on the first fast call
        (converting a default may need torch, which install never imports)."""
        if bare is not None:
            return resolve(bare), ()
        return resolve(spec.func), tuple(binder.defaults()[n:])

    n_tail = 0 if bare is not None else len(tail_params)
    factory = _factory(n, n_tail, keywords if n_tail else (), spec.context,
                       spec.returns == "tensor")
    command = factory(general, prepare, python_error, to_tcl, TclError, TclSignal)
    command.general = general           # what every other call goes to (the tests compare)
    return command
