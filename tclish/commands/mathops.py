"""The ::tcl::mathop and ::tcl::mathfunc commands: expr's operators and
functions as commands, sharing runtime/arith.py with the expr compiler."""

from functools import reduce

from ..runtime import arith
from ..runtime.errors import TclError


def _usage(name, usage):
    return TclError('wrong # args: should be "::tcl::mathop::%s %s"' % (name, usage),
                    ("TCL", "WRONGARGS"))


def _plain(v):
    return int(v) if v.__class__ is bool else v


def _fold(op, identity):
    """+ * & | ^: any number of operands, folded left; none gives identity."""
    fn = arith.BINARY[op]

    def cmd(interp, argv):
        args = argv[1:]
        if not args:
            return identity
        if len(args) == 1:
            return arith.num(args[0], op) if op in "+*" else arith.integer(args[0], op)
        return _plain(reduce(fn, args))
    return cmd


def _minus_divide(op):
    """- and /: one operand negates/inverts, more fold left."""
    fn = arith.BINARY[op]

    def cmd(interp, argv):
        args = argv[1:]
        if not args:
            raise _usage(op, "value ?value ...?")
        if len(args) == 1:
            return fn(0, args[0]) if op == "-" else fn(1.0, args[0])
        return _plain(reduce(fn, args))
    return cmd


def _power(interp, argv):
    args = argv[1:]
    if not args:
        return 1
    # right-associative, like expr's **
    result = args[-1]
    for v in reversed(args[:-1]):
        result = arith.power(v, result)
    return _plain(result)


def _binary_only(op, usage):
    fn = arith.BINARY[op]

    def cmd(interp, argv):
        if len(argv) != 3:
            raise _usage(op, usage)
        return _plain(fn(argv[1], argv[2]))
    return cmd


def _chain(op):
    """Comparisons: true when every adjacent pair compares true."""
    fn = arith.BINARY[op]

    def cmd(interp, argv):
        args = argv[1:]
        if op in ("!=", "ne") and len(args) != 2:
            raise _usage(op, "value value")
        for a, b in zip(args, args[1:]):
            if not fn(a, b):
                return 0
        return 1
    return cmd


def _unary(op, usage):
    fn = arith.UNARY[op]

    def cmd(interp, argv):
        if len(argv) != 2:
            raise _usage(op, usage)
        return _plain(fn(argv[1]))
    return cmd


MATHOPS = {
    "+": _fold("+", 0), "*": _fold("*", 1), "&": _fold("&", -1), "|": _fold("|", 0),
    "^": _fold("^", 0), "-": _minus_divide("-"), "/": _minus_divide("/"), "**": _power,
    "%": _binary_only("%", "integer integer"), "<<": _binary_only("<<", "integer shift"),
    ">>": _binary_only(">>", "integer shift"), "in": _binary_only("in", "value list"),
    "ni": _binary_only("ni", "value list"),
    "==": _chain("=="), "!=": _chain("!="), "<": _chain("<"), "<=": _chain("<="),
    ">": _chain(">"), ">=": _chain(">="), "eq": _chain("eq"), "ne": _chain("ne"),
    "!": _unary("!", "boolean"), "~": _unary("~", "integer"),
}


def _math_function(name):
    def cmd(interp, argv):
        return _plain(arith.call_math_function(interp, name, argv[1:]))
    return cmd


def setup(interp):
    """Register the commands (called by registry.install_module)."""
    for op, func in MATHOPS.items():
        interp.register("::tcl::mathop::" + op, func)
    for name in arith.MATH_FUNCTIONS:
        interp.register("::tcl::mathfunc::" + name, _math_function(name))

