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


class _NotEligible(Exception):
    pass


def _emit(node, names):
    data = node.data
    if data == "literal":
        v = node.children[0].value
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
        raise _NotEligible
    if data == "primary":
        return _emit(node.children[1], names)
    if data == "unop":
        op = str(node.children[0].value)
        if op not in ("-", "~"):
            raise _NotEligible
        return "(%s%s)" % (op, _emit(node.children[1], names))
    if data == "binop":
        left, optok, right = node.children
        op = str(optok.value)
        if op in _PY_OPS:
            return "(%s %s %s)" % (_emit(left, names), op, _emit(right, names))
        if op in _CONST_RIGHT_OPS:
            if right.data != "literal" or type(right.children[0].value) is not int \
                    or right.children[0].value <= 0:
                raise _NotEligible
            return "(%s %s %r)" % (_emit(left, names), _CONST_RIGHT_OPS[op], right.children[0].value)
        raise _NotEligible
    raise _NotEligible
