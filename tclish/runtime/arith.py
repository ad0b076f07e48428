"""Tcl's arithmetic on values: operand conversion, operators, math functions.

Used by compiled expressions (tclish/compile/expr.py); every function takes
and returns Tcl values (int, float, str, ...).  The fast int/int cases are
tested inline by the compiled closures before they call in here.
"""

import math

from .errors import TclError
from .numbers import is_bad_octal, parse_number
from .values import parse_bool, to_float, to_list, to_str

_ARITH = ("TCL", "ARITH")


def domain_error():
    return TclError("domain error: argument not in valid range", ("ARITH", "DOMAIN",
                                                                  "domain error: argument not in valid range"))


def _nan_error():
    """int(), wide(), entier() and round() of NaN, with Tcl's errorCode."""
    return TclError("floating point value is Not a Number", ("TCL", "VALUE", "DOUBLE", "NAN"))


def _operand_error(v, op):
    s = to_str(v)
    if s == "":
        return TclError('can\'t use empty string as operand of "%s"' % op,
                        ("ARITH", "DOMAIN", "empty string"))
    if is_bad_octal(s):
        return TclError('can\'t use invalid octal number as operand of "%s"' % op,
                        ("ARITH", "DOMAIN", "invalid octal number"))
    return TclError('can\'t use non-numeric string as operand of "%s"' % op,
                    ("ARITH", "DOMAIN", "non-numeric string"))


def _nan_operand(op):
    return TclError('can\'t use non-numeric floating-point value as operand of "%s"' % op,
                    ("ARITH", "DOMAIN", "non-numeric floating-point value"))


def num(v, op):
    """The number a value stands for, or Tcl's operand error for `op`."""
    t = type(v)
    if t is int:
        return v
    if t is float:
        if v != v:
            raise _nan_operand(op)
        return v
    if t is bool:
        return int(v)
    n = parse_number(v if t is str else to_str(v))
    if n is None:
        raise _operand_error(v, op)
    if n != n:
        raise _nan_operand(op)
    return n


def integer(v, op):
    n = num(v, op)
    if type(n) is float:
        raise TclError('can\'t use floating-point value as operand of "%s"' % op,
                       ("ARITH", "DOMAIN", "floating-point value"))
    return n


def big_float(n):
    """float(n) for any number: a bignum beyond the double range is +-Inf,
    as Tcl converts it."""
    try:
        return float(n)
    except OverflowError:
        return math.inf if n > 0 else -math.inf


def check_float(r):
    if r != r:
        raise domain_error()
    return r


def truth(v):
    """Tcl truth of an expression operand (numbers or boolean strings)."""
    t = type(v)
    if t is bool:
        return v
    if t is int:
        return v != 0
    if t is float:
        return v != 0.0
    s = v if t is str else to_str(v)
    b = parse_bool(s)
    if b is None:
        raise TclError('expected boolean value but got "%s"' % s, ("TCL", "VALUE", "NUMBER"))
    return b


def logical_operand(v, op):
    """truth() for an operand of && || and !: only ! words its error as an
    operand error, as Tcl does."""
    if op == "!" and type(v) not in (bool, int, float) and \
            parse_bool(v if type(v) is str else to_str(v)) is None:
        raise _operand_error(v, op)
    return truth(v)


def add(a, b):
    a, b = num(a, "+"), num(b, "+")
    try:
        r = a + b
    except OverflowError:  # a bignum beyond any double, with a double
        r = big_float(a) + big_float(b)
    return check_float(r) if type(r) is float else r


def sub(a, b):
    a, b = num(a, "-"), num(b, "-")
    try:
        r = a - b
    except OverflowError:  # a bignum beyond any double, with a double
        r = big_float(a) - big_float(b)
    return check_float(r) if type(r) is float else r


def mul(a, b):
    a, b = num(a, "*"), num(b, "*")
    try:
        r = a * b
    except OverflowError:  # a bignum beyond any double, with a double
        r = big_float(a) * big_float(b)
    return check_float(r) if type(r) is float else r


def div(a, b):
    a, b = num(a, "/"), num(b, "/")
    if type(a) is int and type(b) is int:
        if b == 0:
            raise TclError("divide by zero", ("ARITH", "DIVZERO", "divide by zero"))
        return a // b
    a, b = big_float(a), big_float(b)
    if b == 0.0:
        if a == 0.0 or a != a:
            raise domain_error()
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return check_float(a / b)


def mod(a, b):
    a, b = integer(a, "%"), integer(b, "%")
    if b == 0:
        raise TclError("divide by zero", ("ARITH", "DIVZERO", "divide by zero"))
    return a % b


_MAX_EXPONENT = 1 << 28


def power(a, b):
    a, b = num(a, "**"), num(b, "**")
    if type(a) is int and type(b) is int:
        if b < 0:
            if a == 0:
                raise TclError("exponentiation of zero by negative power",
                               ("ARITH", "DOMAIN", "exponentiation of zero by negative power"))
            if a == 1:
                return 1
            if a == -1:
                return 1 if b % 2 == 0 else -1
            return 0
        if b >= _MAX_EXPONENT and a not in (-1, 0, 1):
            # Tcl refuses exponents beyond one mp_digit (2**28 - 1)
            raise TclError("exponent too large")
        return a ** b
    if a == 0 and b < 0:
        raise TclError("exponentiation of zero by negative power",
                       ("ARITH", "DOMAIN", "exponentiation of zero by negative power"))
    try:
        r = math.pow(big_float(a), big_float(b))
    except (ValueError, OverflowError):
        if big_float(a) < 0 and big_float(b) != int(big_float(b)):
            raise domain_error() from None
        return math.inf
    return check_float(r)


def shift_left(a, b):
    a, b = integer(a, "<<"), integer(b, "<<")
    if b < 0:
        raise TclError("negative shift argument", ("ARITH", "DOMAIN", "negative shift argument"))
    if a and b > 0x7FFFFFFF:
        # Tcl refuses a shift count beyond an int at once (no 12 GB bignum)
        raise TclError("integer value too large to represent",
                       ("ARITH", "IOVERFLOW", "integer value too large to represent"))
    return a << b


def shift_right(a, b):
    a, b = integer(a, ">>"), integer(b, ">>")
    if b < 0:
        raise TclError("negative shift argument", ("ARITH", "DOMAIN", "negative shift argument"))
    return a >> b


def bit_and(a, b):
    return integer(a, "&") & integer(b, "&")


def bit_or(a, b):
    return integer(a, "|") | integer(b, "|")


def bit_xor(a, b):
    return integer(a, "^") ^ integer(b, "^")


def _compare_operands(a, b):
    """Numbers when both sides are numeric, else strings (Tcl's rule)."""
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a, b
    na = a if (ta is int or ta is float) else parse_number(to_str(a))
    if na is not None:
        nb = b if (tb is int or tb is float) else parse_number(to_str(b))
        if nb is not None:
            return na, nb
    return to_str(a), to_str(b)


def lt(a, b):
    a, b = _compare_operands(a, b)
    return a < b


def le(a, b):
    a, b = _compare_operands(a, b)
    return a <= b


def gt(a, b):
    a, b = _compare_operands(a, b)
    return a > b


def ge(a, b):
    a, b = _compare_operands(a, b)
    return a >= b


def eq(a, b):
    a, b = _compare_operands(a, b)
    return a == b


def ne(a, b):
    a, b = _compare_operands(a, b)
    return a != b


def str_eq(a, b):
    return to_str(a) == to_str(b)


def str_ne(a, b):
    return to_str(a) != to_str(b)


def list_in(a, b):
    s = to_str(a)
    return any(to_str(x) == s for x in to_list(b))


def list_ni(a, b):
    return not list_in(a, b)


BINARY = {
    "+": add, "-": sub, "*": mul, "/": div, "%": mod, "**": power,
    "<<": shift_left, ">>": shift_right, "&": bit_and, "|": bit_or, "^": bit_xor,
    "<": lt, "<=": le, ">": gt, ">=": ge, "==": eq, "!=": ne,
    "eq": str_eq, "ne": str_ne, "in": list_in, "ni": list_ni,
}


def negate(a):
    n = num(a, "-")
    return -n


def plus(a):
    return num(a, "+")


def bit_not(a):
    return ~integer(a, "~")


def logical_not(a):
    return not logical_operand(a, "!")


UNARY = {"-": negate, "+": plus, "~": bit_not, "!": logical_not}


# ---- math functions ------------------------------------------------------------

def _float_arg(v, name):
    n = num(v, name) if True else None
    return float(n) if type(n) is int else n


def _unary_float(fn):
    def apply(interp, args):
        x = _to_float_arg(args[0])
        try:
            r = fn(x)
        except (ValueError, ZeroDivisionError):
            raise domain_error() from None
        except OverflowError:
            return math.inf
        return check_float(r)
    return apply


# math function arguments convert as any double does
_to_float_arg = to_float


def _to_num_arg(v):
    t = type(v)
    if t is int or t is float:
        return v
    n = parse_number(to_str(v))
    if n is None:
        raise TclError('expected number but got "%s"' % to_str(v), ("TCL", "VALUE", "NUMBER"))
    return n


def _log(x):
    if x == 0:
        return -math.inf
    return math.log(x)


def _log10(x):
    if x == 0:
        return -math.inf
    return math.log10(x)


def _fn_abs(interp, args):
    n = _to_num_arg(args[0])
    return abs(n)


def _fn_int(interp, args):
    n = _to_num_arg(args[0])
    if type(n) is float:
        if n != n:
            raise _nan_error()
        if n != n or n in (math.inf, -math.inf):
            raise TclError("integer value too large to represent" if n == n else domain_error().message,
                           ("ARITH", "IOVERFLOW", "integer value too large to represent"))
        n = int(n)
    # int() truncates to a 64-bit (wide) integer, as in Tcl 8.6
    n &= 0xFFFFFFFFFFFFFFFF
    return n - (1 << 64) if n >= (1 << 63) else n


def _fn_entier(interp, args):
    n = _to_num_arg(args[0])
    if type(n) is float:
        if n != n:
            raise _nan_error()
        if n != n or n in (math.inf, -math.inf):
            raise TclError("integer value too large to represent",
                           ("ARITH", "IOVERFLOW", "integer value too large to represent"))
        return int(n)
    return n


def _fn_round(interp, args):
    n = _to_num_arg(args[0])
    if type(n) is float:
        if n != n:
            raise _nan_error()
        if n != n or n in (math.inf, -math.inf):
            raise TclError("integer value too large to represent",
                           ("ARITH", "IOVERFLOW", "integer value too large to represent"))
        # round half away from zero
        return int(math.floor(n + 0.5)) if n >= 0 else -int(math.floor(-n + 0.5))
    return n


def _fn_double(interp, args):
    return _to_float_arg(args[0])


def _fn_bool(interp, args):
    return 1 if truth(args[0]) else 0


def _fn_isqrt(interp, args):
    n = _to_num_arg(args[0])
    if type(n) is float:
        if n < 0:
            raise domain_error()
        n = int(n)
    if n < 0:
        raise TclError("square root of negative argument",
                       ("ARITH", "DOMAIN", "square root of negative argument"))
    return math.isqrt(n)


def _fn_sqrt(interp, args):
    n = _to_num_arg(args[0])
    if type(n) is int and n >= 0 and n.bit_length() > 52:
        return float(math.isqrt(n)) if math.isqrt(n) ** 2 == n else math.sqrt(n)
    x = float(n)
    if x < 0:
        raise domain_error()
    return math.sqrt(x)


def _fn_max(interp, args):
    nums = [_to_num_arg(a) for a in args]
    best = nums[0]
    for x in nums[1:]:
        if x > best:
            best = x
    return best


def _fn_min(interp, args):
    nums = [_to_num_arg(a) for a in args]
    best = nums[0]
    for x in nums[1:]:
        if x < best:
            best = x
    return best


def _fn_wide(interp, args):
    return _fn_int(interp, args)


def _binary_float(fn):
    def apply(interp, args):
        x, y = _to_float_arg(args[0]), _to_float_arg(args[1])
        try:
            return check_float(fn(x, y))
        except (ValueError, ZeroDivisionError):
            raise domain_error() from None
        except OverflowError:
            return math.inf
    return apply


def _fn_pow(interp, args):
    x, y = _to_float_arg(args[0]), _to_float_arg(args[1])
    if x == 0 and y < 0:
        return math.inf  # C's pow(), which Tcl's function is, gives Inf here
    return check_float(power(_to_float_arg(args[0]), _to_float_arg(args[1])))


# Tcl's generator (Park and Miller's minimal standard, seed = 16807 * seed
# mod 2**31 - 1), so that a script seeded with srand gets Tcl's sequence
_RAND_IM = 2147483647
_RAND_MASK = 123459876


def _rand_seed(value):
    seed = value & 0x7FFFFFFF
    if seed in (0, 0x7FFFFFFF):
        seed ^= _RAND_MASK
    return seed


def _fn_rand(interp, args):
    seed = interp.extensions.get("rand")
    if seed is None:
        import os
        import time
        seed = _rand_seed(time.perf_counter_ns() + (os.getpid() << 12))
    seed = (16807 * seed) % _RAND_IM
    interp.extensions["rand"] = seed
    return seed * (1.0 / _RAND_IM)


def _fn_srand(interp, args):
    seed = _to_num_arg(args[0])
    if type(seed) is float:
        raise TclError('expected integer but got "%s"' % to_str(args[0]), ("TCL", "VALUE", "NUMBER"))
    interp.extensions["rand"] = _rand_seed(int(seed))
    return _fn_rand(interp, args)


# name -> (function(interp, args), min args, max args)
MATH_FUNCTIONS = {
    "abs": (_fn_abs, 1, 1),
    "acos": (_unary_float(math.acos), 1, 1),
    "asin": (_unary_float(math.asin), 1, 1),
    "atan": (_unary_float(math.atan), 1, 1),
    "atan2": (_binary_float(math.atan2), 2, 2),
    "bool": (_fn_bool, 1, 1),
    "ceil": (_unary_float(lambda x: float(math.ceil(x)) if math.isfinite(x) else x), 1, 1),
    "cos": (_unary_float(math.cos), 1, 1),
    "cosh": (_unary_float(math.cosh), 1, 1),
    "double": (_fn_double, 1, 1),
    "entier": (_fn_entier, 1, 1),
    "exp": (_unary_float(math.exp), 1, 1),
    "floor": (_unary_float(lambda x: float(math.floor(x)) if math.isfinite(x) else x), 1, 1),
    "fmod": (_binary_float(math.fmod), 2, 2),
    "hypot": (_binary_float(math.hypot), 2, 2),
    "int": (_fn_int, 1, 1),
    "isqrt": (_fn_isqrt, 1, 1),
    "log": (_unary_float(_log), 1, 1),
    "log10": (_unary_float(_log10), 1, 1),
    "max": (_fn_max, 1, None),
    "min": (_fn_min, 1, None),
    "pow": (_fn_pow, 2, 2),
    "rand": (_fn_rand, 0, 0),
    "round": (_fn_round, 1, 1),
    "sin": (_unary_float(math.sin), 1, 1),
    "sinh": (_unary_float(math.sinh), 1, 1),
    "sqrt": (_fn_sqrt, 1, 1),
    "srand": (_fn_srand, 1, 1),
    "tan": (_unary_float(math.tan), 1, 1),
    "tanh": (_unary_float(math.tanh), 1, 1),
    "wide": (_fn_wide, 1, 1),
}


def call_math_function(interp, name, args):
    entry = MATH_FUNCTIONS.get(name)
    if entry is None:
        func = interp.resolve_command("::tcl::mathfunc::" + name)
        if func is None:
            raise TclError('invalid command name "tcl::mathfunc::%s"' % name,
                           ("TCL", "LOOKUP", "COMMAND", "tcl::mathfunc::" + name))
        return func(interp, ["tcl::mathfunc::" + name] + list(args))
    fn, lo, hi = entry
    if len(args) < lo:
        # (Tcl's own wording differs between fixed-arity and variadic functions)
        raise TclError('not enough arguments %s math function "%s"' % ("for" if hi else "to", name),
                       ("TCL", "WRONGARGS"))
    if hi is not None and len(args) > hi:
        raise TclError('too many arguments for math function "%s"' % name,
                       ("TCL", "WRONGARGS"))
    return fn(interp, args)
