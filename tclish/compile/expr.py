"""expr trees -> closures with Tcl's int/bignum/float/string semantics.

Each node compiles to either a constant (folded at compile time when its
operands are constants and evaluation cannot fail) or a closure `f(fv)`.
Comparisons return Python bools internally (bool is an int); the value a
whole expression returns is normalised to a plain int.
"""

from ..parse.expr import parse_expr
from ..runtime import arith
from ..runtime.errors import TclError
from ..runtime.numbers import parse_number
from ..runtime.values import to_str
from ..parse.script import VarRef
from .intexpr import int_fast_path
from .script import compile_word, var_reader

_CONST = 0
_DYN = 1
_VAR = 2  # a simple local variable read; the value is the name


# operators whose result is always a Python bool
_BOOL_OPS = frozenset(("<", "<=", ">", ">=", "==", "!=", "eq", "ne", "in", "ni"))


def compile_expr_node(interp, text):
    """(is_constant, value or closure, is_lone_operand) for an expression.

    A lone operand (`expr {$x}`) must have its result normalised (numeric
    strings become canonical numbers); an operation's result may be a bool,
    which callers turn into 0/1."""
    tree = parse_expr(text)
    kind, v = _compile(interp, tree)
    lone = tree.data in ("word", "literal", "primary", "bareword")
    if kind == _DYN and not lone:
        v = int_fast_path(tree, v, interp.get_var) or v
    return kind == _CONST, _as_getter(interp, kind, v) if kind == _VAR else v, lone


def compile_expr(interp, text):
    """Compile an expression; returns f(fv) -> value (a plain Tcl value)."""
    const, v, lone = compile_expr_node(interp, text)
    kind = _CONST if const else _DYN
    if lone:
        # a lone operand: numeric strings come back as canonical numbers
        return _normalising(kind, v)
    if const:
        v = _plain(v)
        return lambda fv: v

    def run(fv):
        r = v(fv)
        return int(r) if r.__class__ is bool else r
    return run


def _returns_bool(tree):
    data = tree.data
    if data in ("and_", "or_"):
        return True
    if data == "binop":
        return str(tree.children[1].value) in _BOOL_OPS
    if data == "unop":
        return str(tree.children[0].value) == "!"
    return False


def compile_condition(interp, text):
    """Compile an expression used as a condition; returns f(fv) -> bool."""
    tree = parse_expr(text)
    kind, v = _compile(interp, tree)
    if kind == _CONST:
        b = arith.truth(v)
        return lambda fv: b
    if kind == _VAR:
        v = _as_getter(interp, kind, v)
    elif _returns_bool(tree):
        return int_fast_path(tree, v, interp.get_var) or v

    def test(fv):
        r = v(fv)
        if r.__class__ is bool:
            return r
        if r.__class__ is int:
            return r != 0
        return arith.truth(r)
    return test


def _plain(v):
    return int(v) if v.__class__ is bool else v


def _normalise(v):
    t = type(v)
    if t is int:
        return v
    if t is float:
        if v != v:
            raise arith.domain_error()
        return v
    if t is bool:
        return int(v)
    n = parse_number(v if t is str else to_str(v))
    if n is None:
        return v
    if n != n:
        return v
    return n


def _normalising(kind, v):
    if kind == _CONST:
        c = _normalise(v)
        return lambda fv: c
    return lambda fv: _normalise(v(fv))


def _compile(interp, node):
    data = node.data
    handler = _HANDLERS[data]
    return handler(interp, node)


def _literal(interp, node):
    return _CONST, node.children[0].value


def _word(interp, node):
    word = node.children[0].value
    if type(word) is list and len(word) == 1 and type(word[0]) is VarRef and word[0].index is None \
            and "::" not in word[0].name:
        return _VAR, word[0].name
    const, v = compile_word(interp, word)
    return (_CONST, v) if const else (_DYN, v)


def _bareword(interp, node):
    word = node.children[0].value
    low = word.lower()
    if low in ("inf", "infinity"):
        return _CONST, float("inf")
    if low == "nan":
        return _CONST, float("nan")
    return _CONST, word


def _primary(interp, node):
    # ( expr )
    return _compile(interp, node.children[1])


def _call(interp, node):
    name = node.children[0].value
    args = [_compile(interp, c) for c in node.children[2:-1] if not _is_token(c)]
    getters = [_as_getter(interp, k, v) for k, v in args]
    call = arith.call_math_function

    if len(getters) == 1:
        g = getters[0]
        return _DYN, lambda fv: call(interp, name, (g(fv),))
    return _DYN, lambda fv: call(interp, name, [g(fv) for g in getters])


def _is_token(x):
    return not hasattr(x, "data")


def _as_getter(interp, kind, v):
    if kind == _CONST:
        return lambda fv: v
    if kind == _VAR:
        return var_reader(interp, v)
    return v


def _unop(interp, node):
    op = str(node.children[0].value)
    kind, v = _compile(interp, node.children[1])
    fn = arith.UNARY[op]
    if kind == _CONST:
        try:
            return _CONST, fn(v)
        except TclError:
            return _DYN, _failed_fold(fn, v)
    v = _as_getter(interp, kind, v)
    if op == "-":
        def neg(fv):
            x = v(fv)
            if x.__class__ is int:
                return -x
            return fn(x)
        return _DYN, neg
    if op == "!":
        def not_(fv):
            x = v(fv)
            if x.__class__ is bool:
                return not x
            if x.__class__ is int:
                return x == 0
            return fn(x)
        return _DYN, not_
    return _DYN, lambda fv: fn(v(fv))


# int/int fast paths for the operators that loops use most
_FAST_INT = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "%": None,
    "eq": None,
    "ne": None,
}

# the test under which the Python operator is Tcl's operator
_FAST_GUARD = {
    "%": "a.__class__ is int and b.__class__ is int and b",
    "eq": "a.__class__ is str and b.__class__ is str",
    "ne": "a.__class__ is str and b.__class__ is str",
}
_PY_OP = {"eq": "==", "ne": "!="}


def _binop(interp, node):
    left, optok, right = node.children
    op = str(optok.value)
    lk, lv = _compile(interp, left)
    rk, rv = _compile(interp, right)
    fn = arith.BINARY[op]
    if lk == _CONST and rk == _CONST:
        try:
            return _CONST, fn(lv, rv)
        except TclError:
            return _DYN, _failed_fold(fn, lv, rv)
    return _DYN, _specialise(interp, op, fn, lk, lv, rk, rv)


def _failed_fold(fn, *args):
    """An operation on constants that fails: it fails when run, marked as
    such (Tcl's compiler logs these errors differently, see inline._expr)."""
    def fail(fv):
        try:
            return fn(*args)
        except TclError as e:
            e.folded = True
            raise
    return fail


def _specialise(interp, op, fn, lk, lv, rk, rv):
    """Closures with the int fast path and variable reads inlined."""
    if op in _FAST_INT:
        return _make_fast(interp, op, fn, lk, lv, rk, rv)
    lv = lv if lk == _CONST else _as_getter(interp, lk, lv)
    rv = rv if rk == _CONST else _as_getter(interp, rk, rv)
    if lk == _CONST:
        return lambda fv: fn(lv, rv(fv))
    if rk == _CONST:
        return lambda fv: fn(lv(fv), rv)
    return lambda fv: fn(lv(fv), rv(fv))


_FAST_SOURCE = """
def make(fn, lv, rv, getvar):
    def run(fv):
{a}
{b}
        if {guard}:
            return a {op} b
        return fn(a, b)
    return run
"""

# how an operand is fetched: a constant, a closure, or a variable read with
# the fast path of compile.script.var_reader written out in place
_OPERAND_CODE = {
    _CONST: "        {x} = {g}",
    _DYN: "        {x} = {g}(fv)",
    _VAR: """        try:
            var = fv[{g}]
            {x} = var.value
            if {x} is None or var.traces is not None:
                {x} = getvar({g})
        except KeyError:
            {x} = getvar({g})""",
}
_FAST_MAKERS = {}


def _make_fast(interp, op, fn, lk, lv, rk, rv):
    key = (op, lk, rk)
    make = _FAST_MAKERS.get(key)
    if make is None:
        src = _FAST_SOURCE.format(a=_OPERAND_CODE[lk].format(x="a", g="lv"),
                                  b=_OPERAND_CODE[rk].format(x="b", g="rv"), op=_PY_OP.get(op, op),
                                  guard=_FAST_GUARD.get(op, "a.__class__ is int and b.__class__ is int"))
        ns = {}
        exec(src, ns)
        make = _FAST_MAKERS[key] = ns["make"]
    return make(fn, lv, rv, interp.get_var)


def _and(interp, node):
    lk, lv = _compile(interp, node.children[0])
    rk, rv = _compile(interp, node.children[2])
    left = _as_getter(interp, lk, lv)
    right = _as_getter(interp, rk, rv)
    operand = arith.logical_operand

    def and_(fv):
        a = left(fv)
        if not (a if a.__class__ is bool else operand(a, "&&")):
            return False
        b = right(fv)
        return b if b.__class__ is bool else operand(b, "&&")
    return _DYN, and_


def _or(interp, node):
    lk, lv = _compile(interp, node.children[0])
    rk, rv = _compile(interp, node.children[2])
    left = _as_getter(interp, lk, lv)
    right = _as_getter(interp, rk, rv)
    operand = arith.logical_operand

    def or_(fv):
        a = left(fv)
        if a if a.__class__ is bool else operand(a, "||"):
            return True
        b = right(fv)
        return b if b.__class__ is bool else operand(b, "||")
    return _DYN, or_


def _cond(interp, node):
    ck, cv = _compile(interp, node.children[0])
    tk, tv = _compile(interp, node.children[2])
    fk, fvv = _compile(interp, node.children[4])
    test = _as_getter(interp, ck, cv)
    yes = _as_getter(interp, tk, tv)
    no = _as_getter(interp, fk, fvv)
    truth = arith.truth

    def cond(fv):
        c = test(fv)
        if c.__class__ is bool:
            return yes(fv) if c else no(fv)
        if c.__class__ is int:
            return yes(fv) if c != 0 else no(fv)
        return yes(fv) if truth(c) else no(fv)
    return _DYN, cond


_HANDLERS = {
    "literal": _literal,
    "word": _word,
    "bareword": _bareword,
    "primary": _primary,
    "call": _call,
    "unop": _unop,
    "binop": _binop,
    "and_": _and,
    "or_": _or,
    "cond": _cond,
}
