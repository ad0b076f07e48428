"""The generator form of a generated proc body (compile/body.py) that
yields at its own level, so that a coroutine resumed over and over runs its
body with a generator's send instead of two greenlet switches.

The body's source is rewritten (its AST) into a generator function:

  * each of its own `yield ?value?` commands of a literal or a `$name`,
    `k(fv)` where k is the closure of compile/inline_coro.py, becomes
        (yield VALUE) if GUARD else (yield k)
    GUARD: yield is still the built-in in the body's namespace `ns` (the
    cell of compile/guard.py, or else a refresh), and a `$name` is a plain
    untraced scalar;
  * every other call of a compiled closure, `k(args)` (a command, a fast
    path's fallback, an error handler), becomes `(yield Call(k, args))`, or
    `(yield k)` for the common `k(fv)`: a request that whoever drives the
    generator runs it and sends the result (or throws the exception) back.
    (A Tcl value is never a function or a Call.)

Requests always run in the coroutine's greenlet (commands/coroutines.py,
`drive`), where a command may yield from any depth as before; only the
fast paths written out in the body run from the resumer's side.  So
nothing a script can see changes, and a body that never yields this way
costs one test per call (`run` below).
"""

import ast
from types import FunctionType


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
    functions = {name for name, value in closures.items() if type(value) is FunctionType}
    forms = {name: value.generator_form for name, value in closures.items()
             if hasattr(value, "generator_form")}
    if not forms:
        return body
    requests = _Requests(set(closures), functions, forms)
    tree = ast.fix_missing_locations(requests.visit(ast.parse(source)))
    globals_ = dict(namespace)
    globals_["Call"] = Call
    for name, form in forms.items():
        globals_[name + "_cell"] = form.cell
        globals_[name + "_refresh"] = form.refresh_in
        globals_[name + "_const"] = form.constant
    exec(compile(tree, body.__code__.co_filename, "exec"), globals_)
    generator = globals_["body"]
    from ..commands import coroutines
    drive = coroutines.drive
    lines = requests.lines
    futile = [0]  # hand-offs in a row that gave the resume command nothing
    limit = coroutines._FUTILE

    def run(fv):
        coro = interp.coroutine
        if coro is None or futile[0] >= limit or coroutines._getcurrent() is not coro.glet:
            return body(fv)
        return drive(interp, coro, generator(fv, interp.cur_ns), fv, lines, futile)
    run.generator_form = generator
    return run


def _name(name, ctx=ast.Load):
    return ast.Name(id=name, ctx=ctx())


def _attr(value, attr):
    return ast.Attribute(value=value, attr=attr, ctx=ast.Load())


class _Requests(ast.NodeTransformer):
    """The calls of closures rewritten as requests, the yields as Python
    yields; `lines`: the line of each yield -> its YieldForm."""

    def __init__(self, closures, functions, forms):
        self.closures = closures
        self.functions = functions
        self.forms = forms
        self.lines = {}

    def visit_FunctionDef(self, node):
        # body(fv, ns): ns is the namespace the body runs in
        node.args.args.append(ast.arg(arg="ns"))
        self.generic_visit(node)
        return node

    def visit_Attribute(self, node):
        # `interp.frame.is_proc`: the body's frame is a proc's, whoever runs it
        if node.attr == "is_proc" and type(node.value) is ast.Attribute and \
                node.value.attr == "frame":
            return ast.Constant(True)
        self.generic_visit(node)
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        if type(func) is not ast.Name or node.keywords or func.id not in self.closures:
            return node
        name = func.id
        if name in self.functions and len(node.args) == 1 and \
                type(node.args[0]) is ast.Name and node.args[0].id == "fv":
            request = ast.Yield(value=func)  # the common request, k(fv): k itself
        else:
            request = ast.Yield(value=ast.Call(func=_name("Call"), args=[func] + node.args,
                                               keywords=[]))
        form = self.forms.get(name)
        if form is None:
            return request
        self.lines[node.lineno] = form
        # (k_cell[0] == interp.epoch and k_cell[1] is ns) or k_refresh(ns)
        cell = _name(name + "_cell")
        tests = [ast.BoolOp(op=ast.Or(), values=[ast.BoolOp(op=ast.And(), values=[
            ast.Compare(left=ast.Subscript(value=cell, slice=ast.Constant(0), ctx=ast.Load()),
                        ops=[ast.Eq()], comparators=[_attr(_name("interp"), "epoch")]),
            ast.Compare(left=ast.Subscript(value=cell, slice=ast.Constant(1), ctx=ast.Load()),
                        ops=[ast.Is()], comparators=[_name("ns")])]),
            ast.Call(func=_name(name + "_refresh"), args=[_name("ns")], keywords=[])])]
        if form.name is None:
            value = _name(name + "_const")
        else:
            # a plain untraced scalar: (yc := fv.get(NAME)).__class__ is Var
            # and yc.traces is None and (yv := yc.value) is not None
            tests += [
                ast.Compare(left=_attr(ast.NamedExpr(
                    target=_name("yc", ast.Store),
                    value=ast.Call(func=_attr(_name("fv"), "get"),
                                   args=[ast.Constant(form.name)], keywords=[])), "__class__"),
                    ops=[ast.Is()], comparators=[_name("Var")]),
                ast.Compare(left=_attr(_name("yc"), "traces"), ops=[ast.Is()],
                            comparators=[ast.Constant(None)]),
                ast.Compare(left=ast.NamedExpr(target=_name("yv", ast.Store),
                                               value=_attr(_name("yc"), "value")),
                            ops=[ast.IsNot()], comparators=[ast.Constant(None)])]
            value = _name("yv")
        return ast.IfExp(test=ast.BoolOp(op=ast.And(), values=tests) if len(tests) > 1
                         else tests[0],
                         body=ast.Yield(value=value), orelse=request)
