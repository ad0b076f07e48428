"""Every torch command is one generated Python function, specialised per declaration.

`build_command(spec, ...)` writes the command's source from its declaration
(one template, `_SOURCE`, filled in per spec) and compiles it once, when the
commands are built.  The source has two parts:

* `general(interp, argv)`: the binder gives the converted values of any call
  (positional, named, mixed); the function is called with them in the
  declared way (the registry first for context=True, keyword parameters by
  name), and the result becomes a Tcl value as the spec's `returns` says
  (a tensor: a TensorValue, named only if its string is ever wanted).
* the all-handles fast path in front of it, where the spec allows one
  (`fast_shape`): most torch commands are called as `torch::tensor_add $a $b`,
  positional arguments that are all tensors (a command's result value, or a
  live handle's name), every later parameter left at its default.  For that
  shape the binder's work is known in advance: each argument is the tensor a
  TensorValue of this interpreter holds, or one lookup in the registry's
  tensor table, and the function is called with the tensors and the
  (converted, constant) defaults -- `bare_func` alone where the declaration names one.  No argv
  loop, no list of values, no kwargs dict, no per-call attribute chains.

Anything else -- another number of arguments, a value that is no live handle
(a number, an option word, a freed name, a list), a missing registry -- goes
to `general`, which gives the same results and the same errors.  A word found
in the tensor table can be neither an option (the table's names all start
with "tensor") nor an empty value, nor can a TensorValue, so the binder
would bind it the same way; that is what makes the shortcut exact.  The named form of the same call
(`torch::tensor_add -input $a -other $b`, in either order, any spelling of
each option) takes the shortcut too: when the option words name exactly the
leading handle parameters, each once, the binder's named binding gives the
same values as the positional one.

A caller may also do the fast path's work itself, without calling the command:
a generated proc body or the closure a command compiles to writes it out
(`InlineForm`, which `command.inline_form(interp)` gives), with the same
results, errors and names; the result code both use is `result_lines`.

The torch functions are looked up on the first call (declaring and building
commands never imports torch): each starts as a stand-in in the generated
function's globals that resolves the real one, puts it in its place and
calls it, so later calls pay nothing for the laziness.
"""

from itertools import permutations, product

from ..runtime.errors import TclError, TclSignal

_FILENAME = "<torch-command>"

_SOURCE = """
def general(interp, argv):
    try:
        reg = interp.extensions.get("torch") or registry_of(interp)
        {unpack} = bind(argv, reg)
        result = func({call})
    except (TclError, TclSignal):
        raise
    except Exception as e:
        raise python_error(e) from None
{result}

def command(interp, argv):
    argc = len(argv)
    try:
        if argc == {argc}:
            {positional}
        elif argc == {argc_named}:
            where = named.get({named_key})
            if where is None:
                return general(interp, argv)
            {by_name}
        else:
            return general(interp, argv)
        reg = interp.extensions["torch"]
        Value = reg.Value
        {lookups}
    except (KeyError, TypeError):       # no registry yet; an unhashable word
        return general(interp, argv)
    if {any_missing}:
        return general(interp, argv)
    try:
        result = fast_func({fast_call})
    except (TclError, TclSignal):
        raise
    except Exception as e:
        raise python_error(e) from None
{result}
"""

def result_lines(returns, r, target, registry, value_class, to_tcl="to_tcl"):
    """Lines (relative indent, text) that turn `r`, the result of a command's
    function, into the command's result, for `returns` "tensor" or "value":
    `target` is what receives it ("return", "v7 =", or None where the result
    is dropped), `registry`, `value_class` and `to_tcl` the texts the code
    reaches the registry, its value class and install.to_tcl by (in the
    command's own code, or in a caller that writes its fast path out: InlineForm).

    A tensor becomes a TensorValue, named only if its string is ever wanted
    (handles.py); a dropped one is never seen, so only its number is taken."""
    if returns == "value":
        return [] if target is None else [(0, "%s %s(%s)" % (target, to_tcl, r))]
    if target is None:
        return [(0, "if %s is not None:" % r), (1, "%s._n_tensor += 1" % registry)]
    value = r + "_value" if target == "return" else target[:-2]
    lines = [(0, "if %s is None:" % r), (1, "%s ''" % target), (0, "else:"),
             (1, "%s = %s()" % (value, value_class)), (1, "%s.obj = %s" % (value, r)),
             (1, "%s._n_tensor = %s.n = %s._n_tensor + 1" % (registry, value, registry))]
    if target == "return":
        lines.append((1, "return %s" % value))
    return lines


def _text(lines, indent):
    return "".join("    " * (indent + depth) + line + "\n" for depth, line in lines)


# what the result becomes, per `returns`; `reg` is the registry
_RESULTS = {
    "tensor": _text(result_lines("tensor", "result", "return", "reg", "reg.Value"), 1),
    "value": _text(result_lines("value", "result", "return", "reg", "reg.Value"), 1),
    "tensors": "    return to_tcl_handles(reg, result)\n",
    "handle": "    return reg.new(handle_kind, result, handle_prefix)\n",
}


def fast_shape(spec):
    """How many leading positional parameters take tensor handles and may be the
    whole call (the rest have defaults): 1 to 3, or 0 where the fast path does
    not apply.  Where three or more tensor parameters come first (conv1d's
    input, weight and optional bias; tensor_where's three), the fast path takes
    the required ones: `torch::conv1d $x $w`."""
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
    if n < spec.min_positional:
        return 0
    if n > 2:
        n = max(spec.min_positional, 1)
    return n if n <= 3 else 0


def named_orders(spec, n):
    """{(option word, ...): (parameter index, ...)} for every way of naming exactly
    the first n parameters, each once, in any order and with any of its spellings."""
    spellings = [[word for word, i in spec.index.items() if i == k] for k in range(n)]
    orders = {}
    for order in permutations(range(n)):
        for words in product(*(spellings[i] for i in order)):
            orders[words] = order
    return orders


def _named_positions(spec, n):
    """{key: (argv index of parameter 0, ...)} for the named calls `named_orders`
    lists, keyed as the generated code looks them up: the option word itself
    for one parameter, the tuple of option words for more."""
    out = {}
    for words, order in named_orders(spec, n).items():
        where = [0] * n
        for k, i in enumerate(order):
            where[i] = 2 + 2 * k
        out[words[0] if n == 1 else words] = tuple(where)
    return out


def _call_args(spec, values, reg="reg"):
    """The argument text of a call of spec's function with `values` (names, one per
    parameter, in declared order): the registry first where the spec asks for it,
    keyword parameters by name."""
    args = [reg] if spec.context else []
    for p, v in zip(spec.params, values):
        args.append("%s=%s" % (p.name, v) if p.keyword else v)
    return ", ".join(args)


def _first_call(namespace, key, make):
    """A stand-in for namespace[key]: on the first call `make()` gives the real
    function and the constant arguments it takes after those the source passes
    (the fast path's `tail` and `kw`), which all take their places."""
    def first_call(*args, **keywords):
        func, tail, kw = make()
        namespace[key] = func
        if key == "fast_func":
            namespace["tail"], namespace["kw"] = tail, kw
        return func(*args, *tail, **kw, **keywords)
    return first_call


def build_command(spec, binder, resolve, env):
    """The Tcl command function (interp, argv) for `spec`.  `env` gives the helpers
    the generated source names: registry_of, python_error, to_tcl, to_tcl_handles."""
    n = fast_shape(spec)
    values = ["v%d" % i for i in range(len(spec.params))]
    fields = {
        "unpack": "[%s]" % ", ".join(values) if values else "_",
        "call": _call_args(spec, values),
        "result": _RESULTS[spec.returns],
    }
    # __name__: the warnings filter install.py sets knows a warning torch attributes
    # to the generated function by it
    namespace = dict(env, TclError=TclError, TclSignal=TclSignal,
                     bind=binder.bind, __name__=__name__)
    if spec.handle is not None:
        namespace["handle_kind"], namespace["handle_prefix"] = spec.handle
    namespace["func"] = _first_call(namespace, "func", lambda: (resolve(spec.func), (), {}))
    if n:
        xs = ["x%d" % i for i in range(n)]
        fields.update(
            argc=n + 1, argc_named=2 * n + 1,
            positional="_, %s = argv" % ", ".join("a%d" % i for i in range(n)),
            named_key="argv[1]" if n == 1 else "(%s)" % ", ".join(
                "argv[%d]" % (1 + 2 * k) for k in range(n)),
            by_name="; ".join("a%d = argv[where[%d]]" % (i, i) for i in range(n)),
            lookups="; ".join("x%d = a%d.obj if a%d.__class__ is Value else reg.tensors.get(a%d)"
                              % ((i,) * 4) for i in range(n)),
            any_missing=" or ".join("%s is None" % x for x in xs),
            fast_call=", ".join((["reg"] if spec.context else []) + xs
                                + _tail_args(spec, n)),
        )
        namespace["named"] = _named_positions(spec, n)
        namespace["tail"], namespace["kw"] = (), {}
        namespace["fast_func"] = _first_call(namespace, "fast_func",
                                             lambda: _fast_function(spec, binder, resolve, n))
        source = _SOURCE
    else:
        source = _SOURCE.split("\ndef command")[0]
    exec(compile(source.format(**fields), _FILENAME, "exec"), namespace)
    general = namespace["general"]
    command = namespace.get("command", general)
    command.general = general       # what every other call goes to (the tests compare)
    command.__name__ = command.__qualname__ = "cmd_" + spec.name
    command.spec = spec
    # a torch command never reaches the caller's Tcl frame (no upvar, no script)
    # unless its spec takes the interpreter's context (callbacks); generated proc
    # bodies may keep variables in Python locals across a frame-blind call
    command.frame_blind = not spec.context
    if n and not spec.context:
        command.inline_form = _inline_form(command, n)
    return command


def _tail_args(spec, n):
    """What the fast path passes after the tensors: the converted defaults of the
    later parameters (`tail` positional, `kw` by keyword), none for a bare_func."""
    tail_params = spec.params[n:]
    if spec.bare_func is not None:
        return []
    return ((["*tail"] if any(not p.keyword for p in tail_params) else [])
            + (["**kw"] if any(p.keyword for p in tail_params) else []))


def _fast_function(spec, binder, resolve, n):
    """The function the fast path calls, and the tail it adds after the tensors:
    (bare_func, (), {}) where the spec names one, else the spec's function with
    its converted defaults (converted here, on the first fast call: converting a
    default may need torch, which building the commands never imports)."""
    if spec.bare_func is not None:
        return resolve(spec.bare_func), (), {}
    tail_params = spec.params[n:]
    tail = binder.defaults()[n:]
    return (resolve(spec.func),
            tuple(v for p, v in zip(tail_params, tail) if not p.keyword),
            {p.name: v for p, v in zip(tail_params, tail) if p.keyword})


class InlineForm:
    """What a caller writes in place of calling a torch command whose fast path
    applies (a generated proc body: compile/body_calls.py; an invocation
    closure: compile/inline_calls.py): the fast path's steps, without the
    call, the argv list and the registry lookups.  The caller takes the
    tensors from values of its interpreter (`value_class`), calls the
    function the fast path calls (read from the command's globals at each
    call: it starts as a stand-in that imports torch on first use), and
    makes the result as the command does (result_lines); anything else --
    another value, a freed one -- is the command's own call."""

    __slots__ = ("n", "registry", "value_class", "namespace", "returns", "tail")

    def __init__(self, command, n, registry):
        spec = command.spec
        self.n = n
        self.registry = registry
        self.value_class = registry.Value
        self.namespace = command.__globals__
        self.returns = spec.returns
        self.tail = _tail_args(spec, n)

    def positions(self, words):
        """The indices of the words (as written: literal strings or not) that
        give the tensors, in parameter order, when the fast path applies to
        such a call: `cmd $a $b`, or `cmd -input $a -other $b` with literal
        option words naming exactly those parameters; else None."""
        n = self.n
        if len(words) == n + 1:
            return list(range(1, n + 1))
        if len(words) != 2 * n + 1:
            return None
        options = words[1::2]
        if not all(type(w) is str for w in options):
            return None
        where = self.namespace["named"].get(options[0] if n == 1 else tuple(options))
        return None if where is None else list(where)

    def call(self, namespace, xs):
        """The text of the fast path's call on the tensors named `xs`, the
        command's globals named `namespace`."""
        args = list(xs) + [arg[:arg.count("*")] + "%s[%r]" % (namespace, arg.lstrip("*"))
                           for arg in self.tail]
        return "%s['fast_func'](%s)" % (namespace, ", ".join(args))

    def result(self, r, target, registry, value_class, namespace):
        """result_lines for this command's result."""
        return result_lines(self.returns, r, target, registry, value_class,
                            "%s['to_tcl']" % namespace)

    def error(self, e, on_error):
        """The Tcl error of the exception `e` of the call, annotated (`on_error`)
        as the command's own error would be."""
        err = self.namespace["python_error"](e)
        on_error(err)
        return err


def _inline_form(command, n):
    """command.inline_form(interp): its InlineForm for code of `interp`."""
    def inline_form(interp):
        # the registry made now if need be, so the code can hold it (it is never replaced)
        return InlineForm(command, n, command.__globals__["registry_of"](interp))
    return inline_form
