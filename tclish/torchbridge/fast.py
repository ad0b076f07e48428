"""The all-handles fast path: one closure per command, specialised at install time.

Most torch commands are called as `torch::tensor_add $a $b`: positional
arguments that are all live tensor handles, every later parameter left at its
default.  For that shape the binder's work is known in advance: each argument
is one lookup in the registry's tensor table and the function is called with
the tensors and the (converted, constant) defaults.  `fast_command` picks a
closure written for that shape (one or two handles, with or without default
arguments after them), so the common call has no argv loop, no list of values,
no kwargs dict and no per-call attribute chains -- and install compiles
nothing.

Anything else -- another number of arguments, a value that is no live handle
(a number, an option word, a freed name, a list), a missing registry --
falls through to the general command, which gives the same results and the
same errors as before.  A word found in the tensor table can be neither an
option (the table's names all start with "tensor") nor an empty value, so
the binder would bind it the same way; that is what makes the shortcut exact.
"""

from ..runtime.errors import TclError, TclSignal


def _one(general, prepare, python_error, to_tcl, wants_tensor, context):
    """The closure for one handle and nothing else: `torch::tensor_abs $a`."""
    func = None

    def command(interp, argv):
        nonlocal func
        if len(argv) == 2:
            try:
                reg = interp.extensions["torch"]
                x1 = reg.tensors.get(argv[1])
            except (KeyError, TypeError):       # no registry yet; an unhashable word
                return general(interp, argv)
            if x1 is None:
                return general(interp, argv)
            if func is None:
                func = prepare()[0]
            try:
                result = func(reg, x1) if context else func(x1)
            except (TclError, TclSignal):
                raise
            except Exception as e:
                raise python_error(e) from None
            if wants_tensor:
                return "" if result is None else reg.new_tensor(result)
            return to_tcl(result)
        return general(interp, argv)
    return command


def _two(general, prepare, python_error, to_tcl, wants_tensor, context):
    """The closure for two handles and nothing else: `torch::tensor_add $a $b`."""
    func = None

    def command(interp, argv):
        nonlocal func
        if len(argv) == 3:
            try:
                reg = interp.extensions["torch"]
                get = reg.tensors.get
                x1 = get(argv[1])
                x2 = get(argv[2])
            except (KeyError, TypeError):       # no registry yet; an unhashable word
                return general(interp, argv)
            if x1 is None or x2 is None:
                return general(interp, argv)
            if func is None:
                func = prepare()[0]
            try:
                result = func(reg, x1, x2) if context else func(x1, x2)
            except (TclError, TclSignal):
                raise
            except Exception as e:
                raise python_error(e) from None
            if wants_tensor:
                return "" if result is None else reg.new_tensor(result)
            return to_tcl(result)
        return general(interp, argv)
    return command


def _with_tail(n, general, prepare, python_error, to_tcl, wants_tensor, context):
    """The closure for n handles followed by defaults: `torch::tensor_sum $a`."""
    argc = n + 1
    func = tail = kw = None

    def command(interp, argv):
        nonlocal func, tail, kw
        if len(argv) == argc:
            try:
                reg = interp.extensions["torch"]
                get = reg.tensors.get
                xs = [get(a) for a in argv[1:]]
            except (KeyError, TypeError):       # no registry yet; an unhashable word
                return general(interp, argv)
            # not `None in xs`: that compares None == tensor, which torch makes
            # an elementwise comparison failing through an exception (~20 us each)
            for x in xs:
                if x is None:
                    return general(interp, argv)
            if func is None:
                func, tail, kw = prepare()
            if context:
                xs.insert(0, reg)
            try:
                result = func(*xs, *tail, **kw)
            except (TclError, TclSignal):
                raise
            except Exception as e:
                raise python_error(e) from None
            if wants_tensor:
                return "" if result is None else reg.new_tensor(result)
            return to_tcl(result)
        return general(interp, argv)
    return command


def fast_shape(spec):
    """How many leading positional parameters take tensor handles and may be the
    whole call (the rest have defaults): 1 or 2, or 0 where the fast path does
    not apply."""
    if len(spec.params) == 0 or spec.params[-1].kind.variadic:
        return 0
    n = 0
    for p in spec.params:
        k = p.kind
        if k.handle_kind != "tensor" or k.handle_list or k.variadic or p.keyword:
            break
        n += 1
    if n < spec.min_positional or n > 2:
        return 0
    return n


def fast_command(spec, binder, general, resolve, python_error, to_tcl):
    """The command for `spec` with the all-handles shortcut in front of `general`,
    or `general` itself where the spec has no such shape."""
    n = fast_shape(spec)
    if not n or spec.returns not in ("tensor", "value"):
        return general
    tail_params = spec.params[n:]
    bare = spec.bare_func       # the tail is all defaults here (fast_shape)

    def prepare():
        """The function, the positional tail and the keyword tail, converted on the
        first fast call (converting a default may need torch, which install never
        imports)."""
        if bare is not None:
            return resolve(bare), (), {}
        tail = binder.defaults()[n:]
        return (resolve(spec.func),
                tuple(v for p, v in zip(tail_params, tail) if not p.keyword),
                {p.name: v for p, v in zip(tail_params, tail) if p.keyword})

    args = (general, prepare, python_error, to_tcl, spec.returns == "tensor", spec.context)
    if tail_params and bare is None:
        command = _with_tail(n, *args)
    else:
        command = (_one if n == 1 else _two)(*args)
    command.general = general           # what every other call goes to (the tests compare)
    return command
