"""The generator form of a generated proc body (compile/body.py) that
yields at its own level, so that a coroutine resumed over and over runs its
body with a generator's send instead of two greenlet switches.

The body's source is rewritten (its AST) into a generator function:

  * each of its own `yield ?value?` commands, `k(fv)` where k is the
    closure of compile/inline_coro.py, becomes (for a literal or a $name)
        (yield VALUE) if (yield is still the built-in) else (yield Call(k, fv))
    (the test: compile/guard.py's cell, or else its refresh)
    a Python yield of the value;
  * every other call of a compiled closure, `k(args)` (a command, a fast
    path's fallback, an error handler), becomes `(yield Call(k, args))`: a
    request that whoever drives the generator runs it and sends the result
    (or throws the exception) back.

Requests always run in the coroutine's greenlet (commands/coroutines.py,
`drive`), where a command may yield from any depth as before; only the
fast paths written out in the body run from the resumer's side.  So
nothing a script can see changes, and a body that never yields this way
costs one test per call (`run` below).
"""

import ast


class Call:
    """A request from the generator: run func(*args), send back its result."""

    __slots__ = ("func", "args")

    def __init__(self, func, *args):
        self.func = func
        self.args = args


def with_generator_form(interp, body, source, namespace):
    """`body` (the generated function, its source and its globals), or a
    function that runs the generator form instead when called in a
    coroutine's greenlet."""
    closures = {name: value for name, value in namespace.items()
                if name[:1] == "k" and name[1:].isdigit() and callable(value)}
    forms = {name: value.generator_form for name, value in closures.items()
             if hasattr(value, "generator_form")}
    if not forms:
        return body
    requests = _Requests(set(closures), forms)
    tree = ast.fix_missing_locations(requests.visit(ast.parse(source)))
    globals_ = dict(namespace)
    globals_["Call"] = Call
    for name, form in forms.items():
        globals_[name + "_cell"] = form.cell
        globals_[name + "_refresh"] = form.refresh
        globals_[name + "_const"] = form.constant
        globals_[name + "_value"] = form.value
    exec(compile(tree, body.__code__.co_filename, "exec"), globals_)
    generator = globals_["body"]
    from ..commands import coroutines
    drive = coroutines.drive
    lines = requests.lines

    def run(fv):
        coro = interp.coroutine
        if coro is None or coroutines._getcurrent() is not coro.glet:
            return body(fv)
        return drive(interp, coro, generator(fv), lines)
    run.generator_form = generator
    return run


def _name(name):
    return ast.Name(id=name, ctx=ast.Load())


class _Requests(ast.NodeTransformer):
    """The calls of closures rewritten as requests, the yields as Python
    yields; `lines`: the line of each yield -> its YieldForm."""

    def __init__(self, closures, forms):
        self.closures = closures
        self.forms = forms
        self.lines = {}

    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        if type(func) is not ast.Name or node.keywords or func.id not in self.closures:
            return node
        request = ast.Yield(value=ast.Call(func=_name("Call"), args=[func] + node.args,
                                           keywords=[]))
        name = func.id
        form = self.forms.get(name)
        if form is None:
            return request
        self.lines[node.lineno] = form
        if form.value is None:
            value = _name(name + "_const")
        else:
            value = ast.Call(func=_name(name + "_value"), args=node.args, keywords=[])
        # (k_cell[0] == interp.epoch and k_cell[1] is interp.cur_ns) or k_refresh()
        cell = _name(name + "_cell")
        guard = ast.BoolOp(op=ast.Or(), values=[ast.BoolOp(op=ast.And(), values=[
            ast.Compare(left=ast.Subscript(value=cell, slice=ast.Constant(0), ctx=ast.Load()),
                        ops=[ast.Eq()],
                        comparators=[ast.Attribute(value=_name("interp"), attr="epoch",
                                                   ctx=ast.Load())]),
            ast.Compare(left=ast.Subscript(value=cell, slice=ast.Constant(1), ctx=ast.Load()),
                        ops=[ast.Is()],
                        comparators=[ast.Attribute(value=_name("interp"), attr="cur_ns",
                                                   ctx=ast.Load())])]),
            ast.Call(func=_name(name + "_refresh"), args=[], keywords=[])])
        return ast.IfExp(test=guard, body=ast.Yield(value=value), orelse=request)
