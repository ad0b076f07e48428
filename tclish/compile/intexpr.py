"""A whole-expression fast path for integer arithmetic.

The closure tree of compile/expr.py costs one Python call per operator.
Most loop expressions (`$i < $n`, `$i * 2 + 1`, `$k - 1`) only ever see
integers, so for those we also generate one Python function that reads the
variables, checks that each holds an int, and evaluates the whole expression
as a single Python expression.  Any other case (a string, a float, a missing
variable, a trace) runs the closure tree instead, which has all of Tcl's
semantics and error messages.

Only operators whose Python meaning on ints is Tcl's are used; `/`, `%`
and `<<` only with a positive constant right operand.
"""

from ..parse.script import VarRef

_PY_OPS = {"+", "-", "*", "<", "<=", ">", ">=", "==", "!=", "&", "|", "^"}
_CONST_RIGHT_OPS = {"/": "//", "%": "%", "<<": "<<", ">>": ">>"}
_MAX_VARS = 6


def int_fast_path(tree, fallback, get_var):
    """A function fv -> value using Python int arithmetic when every variable
    holds an int, `fallback(fv)` otherwise; None when the expression has
    nothing to gain or uses something this path doesn't handle."""
    names = []
    try:
        body = _emit(tree, names)
    except _NotEligible:
        return None
    if not names or len(names) > _MAX_VARS or body.count("(") < 1:
        return None
    lines = ["def make(fallback, get_var):", "    def run(fv):"]
    for k, name in enumerate(names):
        lines += [
            "        try:",
            "            c%d = fv[%r]" % (k, name),
            "        except KeyError:",
            "            return fallback(fv)",
            "        v%d = c%d.value" % (k, k),
            "        if v%d.__class__ is not int or c%d.traces is not None:" % (k, k),
            "            return fallback(fv)",
        ]
    lines += ["        return " + body, "    return run"]
    namespace = {}
    exec("\n".join(lines), namespace)
    return namespace["make"](fallback, get_var)


def num_source(text):
    """For compile/body.py: the expression `text` as Python source, or None.

    Returns (names, subs, body, int_only): `body` computes the value from
    v0, v1, ... (the variables in `names`) and s0, s1, ... (the operands in
    `subs`: the words of `[lindex ...]` substitutions, which body.py reads
    in place when it can).  With `int_only` the operands must all be ints;
    otherwise ints or floats do (only + - * and comparisons, whose Python
    meaning on doubles is Tcl's; a NaN result is still Tcl's error, which
    the caller leaves to the slow path)."""
    from ..parse.expr import parse_expr
    from ..runtime.errors import TclError
    try:
        tree = parse_expr(text)
    except TclError:
        return None
    ctx = _Operands()
    try:
        body = _emit(tree, ctx.names, ctx)
    except _NotEligible:
        return None
    if not (ctx.names or ctx.subs) or len(ctx.names) > _MAX_VARS or body.count("(") < 1:
        return None
    if ctx.int_only and ctx.floats:
        return None
    return ctx.names, ctx.subs, body, ctx.int_only


class _Operands:
    __slots__ = ("names", "subs", "int_only", "floats")

    def __init__(self):
        self.names = []
        self.subs = []
        self.int_only = False
        self.floats = False


_FLOAT_OPS = {"+", "-", "*", "<", "<=", ">", ">=", "==", "!="}


class _NotEligible(Exception):
    pass


def _lindex_operand(word):
    """The words of `[lindex $list $i ...]` (variables or integer literals)."""
    from ..parse.script import CmdSub
    if type(word) is not list or len(word) != 1 or type(word[0]) is not CmdSub:
        return None
    commands = word[0].commands
    if len(commands) != 1:
        return None
    words = commands[0].words
    if not (3 <= len(words) <= 4) or words[0] != "lindex":
        return None
    for w in words[1:]:
        if type(w) is str:
            if not w.isdigit() or str(int(w)) != w:
                return None
        elif not (len(w) == 1 and type(w[0]) is VarRef and w[0].index is None
                  and "::" not in w[0].name):
            return None
    return words


def _emit(node, names, ctx=None):
    data = node.data
    if data == "literal":
        v = node.children[0].value
        if type(v) is float and ctx is not None and v - v == 0:
            ctx.floats = True
            return repr(v)
        if type(v) is not int:
            raise _NotEligible
        return repr(v)
    if data == "word":
        word = node.children[0].value
        if (type(word) is list and len(word) == 1 and type(word[0]) is VarRef
                and word[0].index is None and "::" not in word[0].name):
            name = word[0].name
            if name not in names:
                names.append(name)
            return "v%d" % names.index(name)
        if ctx is not None:
            words = _lindex_operand(word)
            if words is not None:
                ctx.subs.append(words)
                return "s%d" % (len(ctx.subs) - 1)
        raise _NotEligible
    if data == "primary":
        return _emit(node.children[1], names, ctx)
    if data == "unop":
        op = str(node.children[0].value)
        if op not in ("-", "~"):
            raise _NotEligible
        if op == "~" and ctx is not None:
            ctx.int_only = True
        return "(%s%s)" % (op, _emit(node.children[1], names, ctx))
    if data == "binop":
        left, optok, right = node.children
        op = str(optok.value)
        if ctx is not None and op not in _FLOAT_OPS:
            ctx.int_only = True
        if op in _PY_OPS:
            return "(%s %s %s)" % (_emit(left, names, ctx), op, _emit(right, names, ctx))
        if op in _CONST_RIGHT_OPS:
            if right.data != "literal" or type(right.children[0].value) is not int \
                    or right.children[0].value <= 0:
                raise _NotEligible
            return "(%s %s %r)" % (_emit(left, names, ctx), _CONST_RIGHT_OPS[op],
                                   right.children[0].value)
        raise _NotEligible
    raise _NotEligible
