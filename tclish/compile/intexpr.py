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

    Returns (operands, body, int_only, strings, nonzero): `body` computes the value
    from the operands (PLACEHOLDER % k stands for the k-th), each (kind,
    what, need):

      ("var", name, need)      the value of variable `name`
      ("lindex", words, need)  the element `[lindex ...]` reads (body.py
                               reads it in place when it can)
      ("strlen", name, "int")  `[string length $name]`: its value a string
      ("llength", name, "int") `[llength $name]`: its value a list

    `need` is what the value must be for the Python source to mean what
    Tcl's expression does: "num" an int (or, without `int_only`, a float:
    then only + - * and comparisons are used, whose Python meaning on
    doubles is Tcl's; a NaN result is still Tcl's error, which the caller
    leaves to the slow path), "str" a string (the operands of `eq`, `ne`,
    and of `==`/`!=` against a literal that is not a number).  `strings`:
    the value may be a string (a `?:` choosing a string literal).
    `nonzero`: operands (placeholders) that must not be 0 (divisors)."""
    from ..parse.expr import parse_expr
    from ..runtime.errors import TclError
    try:
        tree = parse_expr(text)
    except TclError:
        return None
    ctx = _Operands()
    try:
        body = _emit(tree, None, ctx)
    except _NotEligible:
        return None
    if not ctx.operands or len(ctx.operands) > _MAX_VARS or body.count("(") < 1:
        return None
    if ctx.int_only and ctx.floats:
        return None
    return ctx.operands, body, ctx.int_only, ctx.strings, ctx.nonzero


# (a NUL never appears in the source of a literal: repr() escapes it)
PLACEHOLDER = "\0%d\0"


class _Operands:
    __slots__ = ("operands", "keys", "int_only", "floats", "strings", "nonzero")

    def __init__(self):
        self.operands = []
        self.keys = {}
        self.nonzero = []
        self.int_only = False
        self.floats = False
        self.strings = False

    def operand(self, kind, what, need):
        """The placeholder of an operand (one per variable and need)."""
        key = (kind, what if type(what) is str else id(what), need)
        k = self.keys.get(key)
        if k is None:
            k = self.keys[key] = len(self.operands)
            self.operands.append((kind, what, need))
        return PLACEHOLDER % k


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


def _simple_var(word):
    """The name of a word that is `$name` alone (a local scalar), or None."""
    if (type(word) is list and len(word) == 1 and type(word[0]) is VarRef
            and word[0].index is None and "::" not in word[0].name):
        return word[0].name
    return None


def _one_command(word):
    """The words of a word that is one [command], or None."""
    from ..parse.script import CmdSub
    if type(word) is list and len(word) == 1 and type(word[0]) is CmdSub and \
            len(word[0].commands) == 1:
        return word[0].commands[0].words
    return None


def _length_operand(word):
    """("strlen"|"llength", name) for `[string length $name]` and `[llength
    $name]`, else None."""
    words = _one_command(word)
    if words is None:
        return None
    if len(words) == 3 and words[0] == "string" and words[1] == "length":
        name = _simple_var(words[2])
        return ("strlen", name) if name is not None else None
    if len(words) == 2 and words[0] == "llength":
        name = _simple_var(words[1])
        return ("llength", name) if name is not None else None
    return None


def _string_literal(node):
    """The text of a literal string operand ("abc", {abc}), or None."""
    if node.data in ("word", "literal"):
        v = node.children[0].value
        if type(v) is str and node.children[0].type in ("STRING", "BRACED"):
            return v
    return None


def _is_comparison(node):
    return node.data == "binop" and str(node.children[1].value) in _COMPARISONS or \
        node.data in ("and_", "or_") or \
        (node.data == "unop" and str(node.children[0].value) == "!")


_COMPARISONS = {"<", "<=", ">", ">=", "==", "!=", "eq", "ne"}


def _str_operand(node, ctx):
    """Python source for an operand compared as a string."""
    text = _string_literal(node)
    if text is not None:
        return repr(text)
    if node.data == "word":
        word = node.children[0].value
        name = _simple_var(word)
        if name is not None:
            return ctx.operand("var", name, "str")
        words = _lindex_operand(word)
        if words is not None:
            return ctx.operand("lindex", words, "str")
    raise _NotEligible


def _string_compare(left, op, right, ctx):
    """`eq`/`ne`, or `==`/`!=` with a literal that is not a number on one
    side (Tcl then compares strings); None for any other comparison."""
    if op in ("==", "!="):
        from ..runtime.numbers import parse_number
        texts = [t for t in (_string_literal(left), _string_literal(right)) if t is not None]
        if not texts or any(parse_number(t) is not None for t in texts):
            return None
        op = "eq" if op == "==" else "ne"
    if op not in ("eq", "ne"):
        return None
    return "(%s %s %s)" % (_str_operand(left, ctx), "==" if op == "eq" else "!=",
                           _str_operand(right, ctx))


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
        name = _simple_var(word)
        if name is not None:
            if ctx is not None:
                return ctx.operand("var", name, "num")
            if name not in names:
                names.append(name)
            return "v%d" % names.index(name)
        if ctx is not None:
            words = _lindex_operand(word)
            if words is not None:
                return ctx.operand("lindex", words, "num")
            length = _length_operand(word)
            if length is not None:
                return "len(%s)" % ctx.operand(length[0], length[1], "int")
        raise _NotEligible
    if data == "primary":
        return _emit(node.children[1], names, ctx)
    if data == "unop":
        op = str(node.children[0].value)
        if op == "!" and ctx is not None:
            # (a double's truth is Tcl's too, but for NaN: ints only)
            if not _is_comparison(node.children[1]):
                ctx.int_only = True
            return "(not %s)" % _emit(node.children[1], names, ctx)
        if op not in ("-", "~"):
            raise _NotEligible
        if op == "~" and ctx is not None:
            ctx.int_only = True
        return "(%s%s)" % (op, _emit(node.children[1], names, ctx))
    if data in ("and_", "or_") and ctx is not None:
        left, right = node.children[0], node.children[-1]
        if not (_is_comparison(left) and _is_comparison(right)):
            ctx.int_only = True
        # (operands are plain values read beforehand: evaluating both has
        # no effect Tcl's short circuit would have skipped)
        return "(%s %s %s)" % (_truth(left, ctx), "and" if data == "and_" else "or",
                               _truth(right, ctx))
    if data == "cond" and ctx is not None:
        test, yes, no = node.children[0], node.children[2], node.children[4]
        if not _is_comparison(test):
            ctx.int_only = True
        return "(%s if %s else %s)" % (_choice(yes, ctx), _emit(test, names, ctx),
                                       _choice(no, ctx))
    if data == "binop":
        left, optok, right = node.children
        op = str(optok.value)
        if ctx is not None:
            compared = _string_compare(left, op, right, ctx)
            if compared is not None:
                return compared
        if ctx is not None and op not in _FLOAT_OPS:
            ctx.int_only = True
        if op in _PY_OPS:
            return "(%s %s %s)" % (_emit(left, names, ctx), op, _emit(right, names, ctx))
        if op in _CONST_RIGHT_OPS:
            if right.data != "literal" or type(right.children[0].value) is not int \
                    or right.children[0].value <= 0:
                if ctx is not None and op in ("/", "%") and right.data == "word":
                    # by a variable: Python's floor division and modulo
                    # are Tcl's, but for a zero divisor (Tcl's error)
                    divisor = _emit(right, names, ctx)
                    ctx.nonzero.append(divisor)
                    return "(%s %s %s)" % (_emit(left, names, ctx), _CONST_RIGHT_OPS[op],
                                           divisor)
                raise _NotEligible
            return "(%s %s %r)" % (_emit(left, names, ctx), _CONST_RIGHT_OPS[op],
                                   right.children[0].value)
        raise _NotEligible
    raise _NotEligible


def _truth(node, ctx):
    """An operand of && or ||, as a Python bool."""
    source = _emit(node, None, ctx)
    return source if _is_comparison(node) else "(%s != 0)" % source


def _choice(node, ctx):
    """A value `?:` chooses: a string literal as it is, else a number."""
    text = _string_literal(node)
    if text is not None:
        ctx.strings = True
        return repr(text)
    return _emit(node, None, ctx)
