"""Tcl's number syntax and canonical number formatting.

Parsing accepts what Tcl 8.6 accepts as an integer or double string:
surrounding white space, a sign, 0x/0o/0b prefixes, a leading 0 meaning
octal, decimal floats, Inf and NaN.  Formatting gives Tcl's canonical forms
(1.0, 1e-5, 1e+20, Inf, -Inf, NaN)."""

import math
import re

_INT_RE = re.compile(
    r"\s*([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|(0[0-7]*)|([1-9][0-9]*))\s*\Z")
_FLOAT_RE = re.compile(
    r"\s*[+-]?(?:[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)\s*\Z")
_SPECIAL_FLOAT_RE = re.compile(r"\s*([+-]?)(inf(?:inity)?|nan)\s*\Z", re.IGNORECASE)
_BAD_OCTAL_RE = re.compile(r"\s*[+-]?0[0-9]+\s*\Z")

# memo of string -> parsed number (or None); strings are immutable, so sharing
# the memo between interpreters is safe.  Bounded by clearing when full.
_NUMBER_MEMO = {}
_MEMO_LIMIT = 10000


def parse_int(s):
    """The integer a Tcl string denotes, or None."""
    m = _INT_RE.match(s)
    if m is None:
        return None
    sign, hx, octo, binary, octal0, dec = m.groups()
    if dec is not None:
        v = int(dec)
    elif hx is not None:
        v = int(hx, 16)
    elif octal0 is not None:
        v = int(octal0, 8) if len(octal0) > 1 else 0
    elif octo is not None:
        v = int(octo, 8)
    else:
        v = int(binary, 2)
    return -v if sign == "-" else v


def _parse_number_uncached(s):
    v = parse_int(s)
    if v is not None:
        return v
    if _FLOAT_RE.match(s) and ("." in s or "e" in s or "E" in s):
        # digits alone (like 08) are an invalid octal integer, not a double
        return float(s)
    m = _SPECIAL_FLOAT_RE.match(s)
    if m:
        if m.group(2).lower() == "nan":
            return math.nan
        return -math.inf if m.group(1) == "-" else math.inf
    return None


def parse_number(s):
    """int or float for a numeric Tcl string, else None.  Memoised."""
    if type(s) is not str:
        # a str subclass (a tensor handle) must not be kept alive by the memo
        return _parse_number_uncached(s)
    try:
        return _NUMBER_MEMO[s]
    except KeyError:
        pass
    v = _parse_number_uncached(s)
    if len(_NUMBER_MEMO) >= _MEMO_LIMIT:
        _NUMBER_MEMO.clear()
    _NUMBER_MEMO[s] = v
    return v


def is_bad_octal(s):
    """True for strings like '08' that look like an invalid octal integer."""
    return _BAD_OCTAL_RE.match(s) is not None


# $tcl_precision: shared by every interpreter, as Tcl keeps it per thread
# (runtime/tclvars.py traces the variable).  0 means the shortest digits that
# read back as the same double; 1 to 17 mean that many significant digits.
precision = 0


def format_float(f):
    """Tcl's canonical string for a double (shortest round-trip digits, or
    $tcl_precision significant digits when that is set)."""
    if f != f:
        return "NaN"
    if f == math.inf:
        return "Inf"
    if f == -math.inf:
        return "-Inf"
    if precision:
        return _format_to_precision(f, precision)
    r = repr(f)
    if "e" not in r:
        # Python and Tcl agree on fixed notation wherever Python uses it
        return r if "." in r else r + ".0"
    # split shortest digits and decimal exponent, then lay them out as Tcl does
    mant, _, exp = r.partition("e")
    exp = int(exp) if exp else 0
    sign = ""
    if mant[0] == "-":
        sign, mant = "-", mant[1:]
    intpart, _, frac = mant.partition(".")
    digits = (intpart + frac).lstrip("0")
    if not digits:
        return sign + "0.0"
    # decimal exponent of the first significant digit
    lead_zeros = len(intpart + frac) - len((intpart + frac).lstrip("0"))
    e10 = exp + len(intpart) - 1 - lead_zeros
    return _layout(sign, digits.rstrip("0") or "0", e10)


def _format_to_precision(f, digits_wanted):
    """Tcl_PrintDouble with $tcl_precision set: the nearest decimal of that
    many significant digits (ties to even, as C's %e), trailing zeros dropped."""
    mant, _, exp = ("%.*e" % (digits_wanted - 1, f)).partition("e")
    sign = ""
    if mant[0] == "-":
        sign, mant = "-", mant[1:]
    digits = mant.replace(".", "").rstrip("0")
    if not digits:
        return sign + "0.0"
    # (an exponent of two digits at least, as Tcl 8.4 wrote it)
    return _layout(sign, digits, int(exp), "%s%se%+03d")


def _layout(sign, digits, e10, e_format="%s%se%+d"):
    """Significant DIGITS (no trailing zeros) with decimal exponent E10 of
    the first, as Tcl writes them: fixed notation for 1e-5 <= |f| < 1e17."""
    if -5 < e10 < 17:
        if e10 >= 0:
            if len(digits) <= e10 + 1:
                return sign + digits + "0" * (e10 + 1 - len(digits)) + ".0"
            return sign + digits[:e10 + 1] + "." + digits[e10 + 1:]
        return sign + "0." + "0" * (-e10 - 1) + digits
    body = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return e_format % (sign, body, e10)
