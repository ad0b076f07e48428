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

The named form of the same call (`torch::tensor_add -input $a -other $b`, in
either order, any spelling of each option) takes the shortcut too: when the
option words name exactly the leading handle parameters, each once, the
binder's named binding gives the same values as the positional one.
"""

from itertools import permutations, product

from ..runtime.errors import TclError, TclSignal
from .handles import Handle


def _one(general, prepare, python_error, to_tcl, wants_tensor, context, named):
    """The closure for one handle and nothing else: `torch::tensor_abs $a`."""
    if wants_tensor and not context:
        return _one_tensor(general, prepare, python_error, named)
    func = None
    options = {words[0] for words in named}

    def command(interp, argv):
        nonlocal func
        argc = len(argv)
        if argc == 2 or argc == 3:
            try:
                if argc == 2:
                    a1 = argv[1]
                elif argv[1] in options:
                    a1 = argv[2]
                else:
                    return general(interp, argv)
                reg = interp.extensions["torch"]
                x1 = reg.tensors.get(a1)
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


def _one_tensor(general, prepare, python_error, named):
    """`_one` for the commonest case, a tensor result and no context, with the
    registry's new_tensor written out in line: every attribute fetch and call
    left out here is a measurable part of a command that costs about a
    microsecond in all (scripts/bench_torch.py)."""
    func = None
    options = {words[0] for words in named}

    def command(interp, argv):
        nonlocal func
        argc = len(argv)
        if argc == 2:
            a1 = argv[1]
        elif argc == 3 and argv[1] in options:
            a1 = argv[2]
        else:
            return general(interp, argv)
        try:
            reg = interp.extensions["torch"]
            tensors = reg.tensors
            x1 = tensors.get(a1)
        except (KeyError, TypeError):       # no registry yet; an unhashable word
            return general(interp, argv)
        if x1 is None:
            return general(interp, argv)
        if func is None:
            func = prepare()[0]
        try:
            result = func(x1)
        except (TclError, TclSignal):
            raise
        except Exception as e:
            raise python_error(e) from None
        if result is None:
            return ""
        # reg.new_tensor(result), in line
        reg._n_tensor = n = reg._n_tensor + 1
        name = f"tensor{n}"
        tensors[name] = result
        h = Handle(name)
        h._table = tensors
        return h
    return command


def _two(general, prepare, python_error, to_tcl, wants_tensor, context, named):
    """The closure for two handles and nothing else: `torch::tensor_add $a $b`."""
    if wants_tensor and not context:
        return _two_tensor(general, prepare, python_error, named)
    func = None

    def command(interp, argv):
        nonlocal func
        argc = len(argv)
        if argc == 3 or argc == 5:
            try:
                if argc == 3:
                    a1, a2 = argv[1], argv[2]
                else:
                    order = named.get((argv[1], argv[3]))
                    if order is None:
                        return general(interp, argv)
                    a1, a2 = (argv[2], argv[4]) if order[0] == 0 else (argv[4], argv[2])
                reg = interp.extensions["torch"]
                get = reg.tensors.get
                x1 = get(a1)
                x2 = get(a2)
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


def _two_tensor(general, prepare, python_error, named):
    """`_two` for a tensor result and no context, new_tensor in line (see
    `_one_tensor`)."""
    func = None

    def command(interp, argv):
        nonlocal func
        argc = len(argv)
        try:
            if argc == 3:
                a1 = argv[1]
                a2 = argv[2]
            elif argc == 5:
                order = named.get((argv[1], argv[3]))
                if order is None:
                    return general(interp, argv)
                if order[0] == 0:
                    a1 = argv[2]
                    a2 = argv[4]
                else:
                    a1 = argv[4]
                    a2 = argv[2]
            else:
                return general(interp, argv)
            reg = interp.extensions["torch"]
            tensors = reg.tensors
            x1 = tensors.get(a1)
            x2 = tensors.get(a2)
        except (KeyError, TypeError):       # no registry yet; an unhashable word
            return general(interp, argv)
        if x1 is None or x2 is None:
            return general(interp, argv)
        if func is None:
            func = prepare()[0]
        try:
            result = func(x1, x2)
        except (TclError, TclSignal):
            raise
        except Exception as e:
            raise python_error(e) from None
        if result is None:
            return ""
        # reg.new_tensor(result), in line
        reg._n_tensor = n = reg._n_tensor + 1
        name = f"tensor{n}"
        tensors[name] = result
        h = Handle(name)
        h._table = tensors
        return h
    return command


def _with_tail(n, general, prepare, python_error, to_tcl, wants_tensor, context, named):
    """The closure for n handles followed by defaults: `torch::tensor_sum $a`."""
    argc = n + 1
    func = tail = kw = None

    def command(interp, argv):
        nonlocal func, tail, kw
        if len(argv) == argc or len(argv) == 2 * n + 1:
            try:
                if len(argv) == argc:
                    words = argv[1:]
                else:
                    order = named.get(tuple(argv[1::2]))
                    if order is None:
                        return general(interp, argv)
                    words = [None] * n
                    for k, i in enumerate(order):
                        words[i] = argv[2 + 2 * k]
                reg = interp.extensions["torch"]
                get = reg.tensors.get
                xs = [get(a) for a in words]
            except (KeyError, TypeError):       # no registry yet; an unhashable word
                return general(interp, argv)
            for x in xs:        # by identity: `None in xs` would call Tensor.__eq__ (~12 us)
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
    if spec.returns not in ("tensor", "value"):     # structured results: general path only
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


def named_orders(spec, n):
    """{(option word, ...): (parameter index, ...)} for every way of naming exactly
    the first n parameters, each once, in any order and with any of its spellings."""
    spellings = [[word for word, i in spec.index.items() if i == k] for k in range(n)]
    orders = {}
    for order in permutations(range(n)):
        for words in product(*(spellings[i] for i in order)):
            orders[words] = order
    return orders


def fast_command(spec, binder, general, resolve, python_error, to_tcl):
    """The command for `spec` with the all-handles shortcut in front of `general`,
    or `general` itself where the spec has no such shape."""
    n = fast_shape(spec)
    if not n:
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

    args = (general, prepare, python_error, to_tcl, spec.returns == "tensor", spec.context,
            named_orders(spec, n))
    if tail_params and bare is None:
        command = _with_tail(n, *args)
    else:
        command = (_one if n == 1 else _two)(*args)
    command.general = general           # what every other call goes to (the tests compare)
    return command
