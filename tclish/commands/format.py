"""`format` and `scan`, as Tcl 8.6 on a 64-bit platform (long is 64 bits).

`format` follows Tcl_AppendFormatToObj step by step: XPG `%n$` positions,
flags, width and precision (digits or `*`), the `h`/`l`/`ll` size
modifiers, then the conversion.  A format string is parsed once into a
tuple of literal and field items (cached by its text); errors in the format
itself are kept in the item list and raised when formatting reaches them, so
the order of errors matches tclsh.
"""

import functools
import math
import re

from ..runtime.errors import TclError
from ..runtime.frames import Var
from ..runtime.registry import command, frame_blind
from ..runtime.values import TclList, to_float, to_int, to_str
from .strings import int32_arg

_STAR = -1

_MIXED = 'cannot mix "%" and "%n$" conversion specifiers'
_BAD_INDEX = ("not enough arguments for all format specifiers",
              '"%n$" argument index out of range')
_OVERFLOW = "max size for a Tcl value exceeded"
# widths beyond this are refused rather than built (tclsh would try to)
_WIDTH_LIMIT = 1 << 28


class _Field:
    __slots__ = ("xpg", "minus", "hash", "zero", "space", "plus", "width", "precision",
                 "size", "conv", "error")

    def __init__(self):
        self.xpg = None
        self.minus = self.hash = self.zero = self.space = self.plus = False
        self.width = 0
        self.precision = None
        self.size = ""
        self.conv = ""
        self.error = None


def _fail(msg, code):
    return TclError(msg, ("TCL", "FORMAT", code))


def _c_int(v):
    """strtoul's value stored into a C int."""
    v &= 0xFFFFFFFFFFFFFFFF
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


def _digits(fmt, i):
    j = i
    n = len(fmt)
    while j < n and "0" <= fmt[j] <= "9":
        j += 1
    return int(fmt[i:j]), j


def _parse(fmt):
    """The items of a format string: str literals and _Field specs."""
    items = []
    lit = []
    i, n = 0, len(fmt)
    got_xpg = got_seq = False
    while i < n:
        j = fmt.find("%", i)
        if j < 0:
            lit.append(fmt[i:])
            break
        lit.append(fmt[i:j])
        i = j + 1
        if i < n and fmt[i] == "%":
            lit.append("%")
            i += 1
            continue
        if lit:
            items.append("".join(lit))
            lit = []
        f = _Field()
        items.append(f)
        # step 1: XPG position
        if i < n and fmt[i].isdigit() and fmt[i] < "\x80":
            pos, k = _digits(fmt, i)
            if k < n and fmt[k] == "$":
                f.xpg = pos
                i = k + 1
        if f.xpg is not None:
            if got_seq:
                f.error = (_MIXED, "MIXEDSPECTYPES")
                return tuple(items)
            got_xpg = True
        else:
            if got_xpg:
                f.error = (_MIXED, "MIXEDSPECTYPES")
                return tuple(items)
            got_seq = True
        # step 2: flags
        while i < n:
            c = fmt[i]
            if c == "-":
                f.minus = True
            elif c == "#":
                f.hash = True
            elif c == "0":
                f.zero = True
            elif c == " ":
                f.space = True
            elif c == "+":
                f.plus = True
            else:
                break
            i += 1
        # step 3: width
        if i < n and "0" <= fmt[i] <= "9":
            w, i = _digits(fmt, i)
            f.width = _c_int(w)
            if f.width < 0 or f.width > _WIDTH_LIMIT:
                f.error = (_OVERFLOW, "OVERFLOW")
                return tuple(items)
        elif i < n and fmt[i] == "*":
            f.width = _STAR
            i += 1
        # step 4: precision
        if i < n and fmt[i] == ".":
            f.precision = 0
            i += 1
        if i < n and "0" <= fmt[i] <= "9":
            p, i = _digits(fmt, i)
            f.precision = _c_int(p)
            if f.precision < 0 or f.precision > _WIDTH_LIMIT:
                f.error = (_OVERFLOW, "OVERFLOW")
                return tuple(items)
        elif i < n and fmt[i] == "*":
            f.precision = _STAR
            i += 1
        # step 5: size modifier
        if i < n and fmt[i] == "h":
            f.size = "h"
            i += 1
        elif i < n and fmt[i] == "l":
            i += 1
            if i < n and fmt[i] == "l":
                f.size = "ll"
                i += 1
        # step 6: conversion character
        if i < n:
            f.conv = "d" if fmt[i] == "i" else fmt[i]
            i += 1
        else:
            f.conv = ""
            return tuple(items)
    if lit:
        items.append("".join(lit))
    return tuple(items)


_CACHE = {}
_CACHE_LIMIT = 1000


def _cached(cache, key, make, *args):
    """cache[key], made by make(*args) the first time; a cache that reaches
    _CACHE_LIMIT entries starts again (formats are few in real scripts, but a
    script may build them, and the caches must stay bounded)."""
    try:
        return cache[key]
    except KeyError:
        pass
    value = make(*args)
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


def format_string(fmt, args):
    """Tcl's `format` of a format string over a list of argument values."""
    items = _cached(_CACHE, fmt, _parse, fmt)
    out = []
    idx = 0
    nargs = len(args)
    for f in items:
        if type(f) is str:
            out.append(f)
            continue
        if f.error is not None and f.error[1] == "MIXEDSPECTYPES":
            raise _fail(*f.error)
        xpg = f.xpg is not None
        if xpg:
            idx = f.xpg - 1
        if idx < 0 or idx >= nargs:
            raise _fail(_BAD_INDEX[xpg], "INDEXRANGE" if xpg else "FIELDVARMISMATCH")
        if f.error is not None:
            raise _fail(*f.error)
        minus = f.minus
        width = f.width
        if width == _STAR:
            if idx >= nargs - 1:
                raise _fail(_BAD_INDEX[xpg], "INDEXRANGE" if xpg else "FIELDVARMISMATCH")
            width = int32_arg(args[idx])
            if width < 0:
                width = -width
                minus = True
            idx += 1
            if width > _WIDTH_LIMIT:
                raise _fail(_OVERFLOW, "OVERFLOW")
        precision = f.precision
        if precision == _STAR:
            if idx >= nargs - 1:
                raise _fail(_BAD_INDEX[xpg], "INDEXRANGE" if xpg else "FIELDVARMISMATCH")
            precision = int32_arg(args[idx])
            if precision < 0:
                precision = 0
            idx += 1
        out.append(_convert(f, args[idx], width, precision, minus))
        if not xpg:
            idx += 1
    return "".join(out)


def _pad(segment, width, minus, zero):
    if width <= len(segment):
        return segment
    fill = ("0" if zero else " ") * (width - len(segment))
    return segment + fill if minus else fill + segment


def _convert(f, value, width, precision, minus):
    conv = f.conv
    zero = f.zero
    if conv == "s":
        s = to_str(value)
        if precision is not None and precision < len(s):
            s = s[:precision]
        return _pad(s, width, minus, zero)
    if conv in "doxXbu" and conv:
        segment, zero = _format_integer(f, value, width, precision, zero)
        return _pad(segment, width, minus, zero)
    if conv in "eEfgG" and conv:
        return _format_double(f, value, width, precision, minus)
    if conv == "c":
        code = int32_arg(value)
        s = chr(code) if 0 <= code <= 0x10FFFF else "\ufffd"
        return _pad(s, width, minus, zero)
    if conv == "":
        raise _fail("format string ended in middle of field specifier", "INCOMPLETE")
    raise _fail('bad field specifier "%s"' % conv, "BADTYPE")


_BASES = {"d": "d", "u": "d", "o": "o", "x": "x", "X": "X", "b": "b"}
_PREFIX = {"o": "0", "x": "0x", "X": "0X", "b": "0b"}


def _format_integer(f, value, width, precision, zero):
    """(segment, zero flag still in force) for d u o x X b."""
    conv = f.conv
    big = f.size == "ll"
    if conv == "u" and big:
        raise _fail("unsigned bignum format is invalid", "BADUNSIGNED")
    n = to_int(value)
    if big:
        negative = n < 0
        magnitude = -n if negative else n
    else:
        bits = 16 if f.size == "h" else 64
        mask = (1 << bits) - 1
        unsigned = n & mask
        signed = unsigned - (1 << bits) if unsigned >> (bits - 1) else unsigned
        negative = signed < 0
        magnitude = -signed if conv == "d" and negative else (signed if conv == "d" else unsigned)
    segment = ""
    if (negative or f.plus or f.space) and (big or conv == "d"):
        segment = "-" if negative else "+" if f.plus else " "
    if precision is None:
        precision = 0
        has_precision = False
    else:
        has_precision = True
    if f.hash and conv in _PREFIX:
        segment += _PREFIX[conv]
        if conv == "o":
            precision -= 1
    if magnitude == 0 and conv == "o" and f.hash:
        digits = ""
    else:
        digits = format(magnitude, _BASES[conv])
    length = len(digits)
    if has_precision:
        if length < precision:
            segment += "0" * (precision - length)
            length = precision
        zero = False
    if zero:
        length += len(segment)
        if length < width:
            segment += "0" * (width - length)
    return segment + digits, zero


def _format_double(f, value, width, precision, minus):
    d = to_float(value)
    if d != d:
        raise TclError("floating point value is Not a Number", ("TCL", "VALUE", "DOUBLE", "NAN"))
    spec = ["%"]
    if minus:
        spec.append("-")
    if f.hash:
        spec.append("#")
    if f.zero and not math.isinf(d):
        # C pads infinities with spaces even under the 0 flag; Python would not
        spec.append("0")
    if f.space:
        spec.append(" ")
    if f.plus:
        spec.append("+")
    if width:
        spec.append(str(width))
    if precision is not None:
        spec.append(".%d" % precision)
    spec.append(f.conv)
    return "".join(spec) % d


@frame_blind
@command("format", 1, None, "formatString ?arg ...?")
def cmd_format(interp, argv):
    fmt = argv[1]
    if type(fmt) is not str:
        fmt = to_str(fmt)
    return format_string(fmt, argv[2:])


# --- scan --------------------------------------------------------------------
#
# Tcl_ScanObjCmd in two passes, as tclScan.c: the format is parsed once into
# items (cached), validated against the number of variables (ValidateFormat's
# checks, in its order), then run over the input.

_SPACE_CHARS = frozenset(" \t\n\v\f\r\x85\xa0\u1680\u180e\u2000\u2001\u2002\u2003\u2004"
                         "\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f"
                         "\u205f\u2060\u3000\ufeff")

# runs of _is_space characters, and of others, as regexes: the scan loop
# skips or takes a whole run in one call
_SPACE_CLASS = "".join(sorted(_SPACE_CHARS | {chr(i) for i in range(0x80, 0x3001)
                                              if chr(i).isspace()}))
_SPACE_RUN = re.compile("[%s]*" % re.escape(_SPACE_CLASS)).match
_WORD_RUN = re.compile("[^%s]*" % re.escape(_SPACE_CLASS)).match

# conversion -> (integer prefix regex, base) ; base 0 means "by prefix" (%i)
_SCAN_INT = {
    "d": (re.compile(r"[+-]?[0-9]+"), 10),
    "u": (re.compile(r"[+-]?[0-9]+"), 10),
    "o": (re.compile(r"[+-]?[0-7]+"), 8),
    "x": (re.compile(r"[+-]?(?:0[xX](?=[0-9a-fA-F]))?[0-9a-fA-F]+"), 16),
    "X": (re.compile(r"[+-]?(?:0[xX](?=[0-9a-fA-F]))?[0-9a-fA-F]+"), 16),
    "b": (re.compile(r"[+-]?(?:0[bB](?=[01]))?[01]+"), 2),
    "i": (re.compile(r"[+-]?(?:0[xX](?=[0-9a-fA-F])[0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)"), 0),
}
_SCAN_FLOAT = re.compile(
    r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    r"|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN])")
# text that is only the start of a number: running out of input here is underflow
_INT_STUB = re.compile(r"[+-]?\Z")
_FLOAT_STUB = re.compile(r"[+-]?(?:\.|[iI](?:[nN])?|[nN](?:[aA])?)?\Z")

_LONG_MIN, _LONG_MAX = -(1 << 63), (1 << 63) - 1


class _ScanConv:
    __slots__ = ("suppress", "xpg", "width", "has_width", "size", "conv", "charset",
                 "bad_set")

    def __init__(self):
        self.suppress = False
        self.xpg = None
        self.width = 0
        self.has_width = False
        self.size = ""          # "", "long" (l, L) or "big" (ll)
        self.conv = ""
        self.charset = None     # compiled regex for %[...]
        self.bad_set = False


def _scan_fail(msg, code):
    return TclError(msg, ("TCL", "FORMAT", code))


def _is_space(c):
    return c in _SPACE_CHARS or (c > "\x7f" and c.isspace())


def _parse_scan(fmt):
    """Items of a scan format: " " (white space), ("lit", ch), or _ScanConv."""
    items = []
    i, n = 0, len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if _is_space(c):
            items.append(" ")
            continue
        if c != "%":
            items.append(("lit", c))
            continue
        if i < n and fmt[i] == "%":
            items.append(("lit", "%"))
            i += 1
            continue
        f = _ScanConv()
        items.append(f)
        if i < n and fmt[i] == "*":
            f.suppress = True
            i += 1
        elif i < n and "0" <= fmt[i] <= "9":
            k = i
            while k < n and "0" <= fmt[k] <= "9":
                k += 1
            if k < n and fmt[k] == "$":
                f.xpg = int(fmt[i:k])
                i = k + 1
        if i < n and "0" <= fmt[i] <= "9":
            k = i
            while k < n and "0" <= fmt[k] <= "9":
                k += 1
            f.width = _c_int(int(fmt[i:k]))
            f.has_width = True
            i = k
        if i < n:
            c = fmt[i]
            if c == "l" and i + 1 < n and fmt[i + 1] == "l":
                f.size = "big"
                i += 2
            elif c in "lL":
                f.size = "long"
                i += 1
            elif c == "h":
                i += 1
        if i >= n:
            f.conv = ""
            break
        f.conv = fmt[i]
        i += 1
        if f.conv == "[":
            f.charset, i = _scan_charset(fmt, i)
            if f.charset is None:
                f.bad_set = True
                break
    return tuple(items)


def _scan_charset(fmt, i):
    """(compiled one-character class, index after "]"), or (None, len) if unclosed.

    The extent is ValidateFormat's; the members are BuildCharSet's."""
    n = len(fmt)
    j = i
    if j < n and fmt[j] == "^":
        j += 1
    if j < n and fmt[j] == "]":
        j += 1
    close = fmt.find("]", j)
    if close < 0 or i >= n:
        return None, n
    exclude = fmt[i] == "^"
    body = fmt[i + 1 if exclude else i:close + 1]
    chars = []
    ranges = []
    k = 0
    c = body[k]
    k += 1
    start = c
    if c == "]" or c == "-":
        chars.append(c)
        c = body[k]
        k += 1
    while c != "]":
        nxt = body[k] if k < len(body) else ""
        if nxt == "-":
            start = c
        elif c == "-":
            if nxt == "]":
                chars.append(start)
                chars.append("-")
            else:
                k += 1
                ranges.append((min(start, nxt), max(start, nxt)))
        else:
            chars.append(c)
        c = body[k]
        k += 1
    parts = [re.escape(ch) for ch in chars]
    parts += ["%s-%s" % (re.escape(a), re.escape(b)) for a, b in ranges]
    cls = ("[^%s]" if exclude else "[%s]") % "".join(parts)
    return re.compile(cls, re.DOTALL), i + (1 if exclude else 0) + k


_SCAN_CACHE = {}


def _validate_scan(items, num_vars):
    """ValidateFormat: the number of result slots, or a Tcl error."""
    nassign = {}
    obj_index = 0
    xpg_size = 0
    got_xpg = got_seq = False
    for f in items:
        if type(f) is not _ScanConv:
            continue
        if not f.suppress:
            if f.xpg is not None:
                got_xpg = True
                if got_seq:
                    raise _scan_fail(_MIXED, "MIXEDSPECTYPES")
                obj_index = f.xpg - 1
                if obj_index < 0 or (num_vars and obj_index >= num_vars):
                    raise _bad_scan_index(got_xpg)
                if num_vars == 0:
                    xpg_size = max(xpg_size, f.xpg)
            else:
                got_seq = True
                if got_xpg:
                    raise _scan_fail(_MIXED, "MIXEDSPECTYPES")
        if not f.suppress and num_vars and obj_index >= num_vars:
            raise _bad_scan_index(got_xpg)
        _check_scan_conversion(f)
        if not f.suppress:
            nassign[obj_index] = nassign.get(obj_index, 0) + 1
            obj_index += 1
    if num_vars == 0:
        num_vars = xpg_size if xpg_size else obj_index
    for k in range(num_vars):
        count = nassign.get(k, 0)
        if count > 1:
            raise _scan_fail('variable is assigned by multiple "%n$" conversion specifiers',
                             "POLYASSIGNED")
        if not xpg_size and count == 0:
            raise _scan_fail("variable is not assigned by any conversion specifiers",
                             "UNASSIGNED")
    return num_vars


def _bad_scan_index(got_xpg):
    if got_xpg:
        return _scan_fail('"%n$" argument index out of range', "INDEXRANGE")
    return _scan_fail("different numbers of variable names and field specifiers",
                      "FIELDVARMISMATCH")


def _check_scan_conversion(f):
    conv = f.conv
    if conv == "c" and f.has_width:
        raise _scan_fail("field width may not be specified in %c conversion", "BADWIDTH")
    if conv in ("c", "n", "s", "[") and f.size:
        raise _scan_fail("field size modifier may not be specified in %%%s conversion" % conv,
                         "BADSIZE")
    if conv == "u" and f.size == "big":
        raise _scan_fail("unsigned bignum scans are invalid", "BADUNSIGNED")
    if conv == "[":
        if f.bad_set:
            raise _scan_fail("unmatched [ in format string", "BRACKET")
        return
    if conv == "" or conv not in "cnsdeEfgGioxXbu":
        raise _scan_fail('bad scan conversion character "%s"' % (conv or "\x00"), "BADTYPE")


def _byte_offset(s, pos):
    """Tcl's %n counts bytes of its internal UTF-8 (NUL takes two)."""
    head = s[:pos]
    if head.isascii():
        return pos + head.count("\x00")
    return len(head.encode("utf-8", "surrogatepass")) + head.count("\x00")


def _scan_int(f, text):
    """(value or None, characters used, underflow) for an integer field."""
    m = _SCAN_INT[f.conv][0].match(text)
    if m is None:
        return None, 0, _INT_STUB.match(text) is not None
    return _int_value(f, m.group()), m.end(), False


def _int_value(f, s):
    """The value of text an integer conversion matched."""
    base = _SCAN_INT[f.conv][1]
    sign = -1 if s[0] == "-" else 1
    digits = s.lstrip("+-")
    if base == 0:
        if digits[:2] in ("0x", "0X"):
            v = int(digits[2:], 16)
        elif digits[0] == "0" and len(digits) > 1:
            v = int(digits, 8)
        else:
            v = int(digits)
    else:
        # int() takes the 0x (base 16) and 0b (base 2) prefixes the regexes
        # allow, as Tcl; "0b1" for %x is the hex digits 0, b, 1, as in Tcl
        v = int(digits, base)
    v *= sign
    if f.size != "big":
        # TclGetLongFromObj: magnitudes up to 2**64-1 wrap, larger ones clamp
        if -0xFFFFFFFFFFFFFFFF <= v <= 0xFFFFFFFFFFFFFFFF:
            v &= 0xFFFFFFFFFFFFFFFF
            if v > _LONG_MAX:
                v -= 1 << 64
        else:
            v = _LONG_MIN if sign < 0 else _LONG_MAX
        if f.conv == "u" and v < 0:
            v += 1 << 64
    return v


def _scan_float(text):
    m = _SCAN_FLOAT.match(text)
    if m is None:
        return None, 0, _FLOAT_STUB.match(text) is not None
    return _float_value(m.group()), m.end(), False


def _float_value(text):
    """The value of text a float conversion matched."""
    if text.lstrip("+-").isdigit():
        # Tcl parses an integer and converts it: "-0" is 0.0
        return float(int(text))
    return float(text)


# The fast path: a format of white space, literal characters and plain
# conversions (no width, no %n, no %[...], no XPG %n$) made into one regex
# whose pieces are each atomic, `(?=(piece))\k`: as the loop of scan_string,
# each takes what it can and never gives any back.  A match is the loop
# running to the format's end; anything else (no match: a mismatch or
# underflow; a NaN) goes the loop's way, which tells them apart.  The
# values are converted by a function generated per format (as Tcl keeps a
# parsed format in its internal representation).
_SPACE_PIECE = "[%s]*" % re.escape(_SPACE_CLASS)
_WORD_PIECE = "[^%s]+" % re.escape(_SPACE_CLASS)
_FLOAT_CONVS = "eEfgG"
_FAST_SCANNERS = {}


def _make_fast_scanner(items):
    """(scan(s) -> list of values or None, count of conversions), or None
    when the format is not one for the fast path."""
    parts = []      # of the regex
    lines = []      # of scan(s), after the match: v<k> = the k-th value
    values = []
    converters = {"ord": ord, "float_value": _float_value}
    nconv = 0

    def atomic(pattern):
        parts.append("(?=(%s))\\%d" % (pattern, len(parts) + 1))
        return len(parts) - 1  # the group's index in m.groups()

    for f in items:
        if f == " ":
            atomic(_SPACE_PIECE)
            continue
        if type(f) is tuple:
            parts.append("(%s)" % re.escape(f[1]))
            continue
        conv = f.conv
        if f.xpg is not None or f.width > 0 or not (conv in _SCAN_INT or conv in "cs" or
                                                      conv in _FLOAT_CONVS) or not conv:
            return None
        nconv += 1
        if conv == "c":
            parts.append("(.)")
            group = len(parts) - 1
        else:
            atomic(_SPACE_PIECE)
            group = atomic(_WORD_PIECE if conv == "s" else
                           _SCAN_FLOAT.pattern if conv in _FLOAT_CONVS else
                           _SCAN_INT[conv][0].pattern)
        if f.suppress:
            continue
        v = "v%d" % len(values)
        values.append(v)
        if conv == "s":
            lines.append("%s = g[%d]" % (v, group))
        elif conv == "c":
            lines.append("%s = ord(g[%d])" % (v, group))
        elif conv in _FLOAT_CONVS:
            lines += ["%s = float_value(g[%d])" % (v, group),
                      "if %s != %s:" % (v, v),
                      "    return None  # NaN: the loop's way"]
        else:
            name = "int%d" % len(values)
            converters[name] = _int_converter(f)
            lines.append("%s = %s(g[%d])" % (v, name, group))
    if len(parts) > 99:
        return None     # (a backreference has two digits at most)
    converters["match"] = re.compile("".join(parts), re.DOTALL).match
    source = ["def scan(s):",
              "    m = match(s)",
              "    if m is None:",
              "        return None",
              "    g = m.groups()"]
    source += ["    " + line for line in lines]
    source.append("    return [%s]" % ", ".join(values))
    exec("\n".join(source), converters)
    return converters["scan"], nconv


def _int_converter(f):
    """text an integer conversion matched -> its value: int() where the
    value fits a long as it is (no wrapping; not %u, nor %i's octal)."""
    slow = functools.partial(_int_value, f)
    if f.conv in "ui" or f.size == "big":
        return slow
    base = _SCAN_INT[f.conv][1]

    def convert(text):
        v = int(text, base)
        return v if _LONG_MIN <= v <= _LONG_MAX else slow(text)
    return convert


_VALIDATED = {}


def scan_string(s, fmt, num_vars):
    """(list of result values, None for unassigned; count of conversions; underflow)."""
    items = _cached(_SCAN_CACHE, fmt, _parse_scan, fmt)
    total = _cached(_VALIDATED, (fmt, num_vars), _validate_scan, items, num_vars)
    fast = _cached(_FAST_SCANNERS, fmt, _make_fast_scanner, items)
    if fast is not None:
        results = fast[0](s)
        if results is not None:
            return results, fast[1], False
    return _scan_loop(s, items, total)


def _scan_loop(s, items, total):
    """scan_string's work for any format, an item at a time."""
    results = [None] * total
    pos, n = 0, len(s)
    obj_index = 0
    nconv = 0
    underflow = False
    for f in items:
        if f == " ":
            pos = _SPACE_RUN(s, pos).end()
            continue
        if type(f) is tuple:
            if pos >= n:
                underflow = True
                break
            if s[pos] != f[1]:
                break
            pos += 1
            continue
        if f.xpg is not None and not f.suppress:
            obj_index = f.xpg - 1
        conv = f.conv
        if conv == "n":
            if not f.suppress:
                results[obj_index] = _byte_offset(s, pos)
                obj_index += 1
            nconv += 1
            continue
        if pos >= n:
            underflow = True
            break
        if conv != "c" and conv != "[":
            pos = _SPACE_RUN(s, pos).end()
            if pos >= n:
                underflow = True
                break
        width = f.width if f.width > 0 else 0
        limit = pos + width if width else n
        if conv == "s":
            end = _WORD_RUN(s, pos, min(limit, n)).end()
            value = s[pos:end]
            pos = end
        elif conv == "[":
            end = pos
            match = f.charset.match
            while end < limit and end < n and match(s, end):
                end += 1
            if end == pos:
                break
            value = s[pos:end]
            pos = end
        elif conv == "c":
            value = ord(s[pos])
            pos += 1
        else:
            text = s[pos:limit]
            if conv in "eEfgG":
                value, used, stub = _scan_float(text)
            else:
                value, used, stub = _scan_int(f, text)
            if value is None:
                if stub and (not width or len(text) == width):
                    underflow = True
                break
            pos += used
            if value != value:
                # NaN is parsed but not a usable double
                break
        if not f.suppress:
            results[obj_index] = value
            obj_index += 1
        nconv += 1
    return results, nconv, underflow


@command("scan", 2, None, "string format ?varName ...?")
def cmd_scan(interp, argv):
    var_names = argv[3:]
    results, nconv, underflow = scan_string(to_str(argv[1]), to_str(argv[2]), len(var_names))
    if not var_names:
        if underflow and nconv == 0:
            return ""
        return TclList(["" if v is None else v for v in results])
    assigned = 0
    first_error = None
    frame = interp.frame
    table = frame.vars if frame.is_proc else None
    for name, value in zip(var_names, results):
        if value is None:
            continue
        assigned += 1
        if table is not None and name.__class__ is str:
            var = table.get(name)
            if var is not None and var.__class__ is Var and var.traces is None and var.arr is None:
                var.value = value  # a plain untraced scalar of the proc: set_var's work
                continue
        try:
            interp.set_var(to_str(name), value)
        except TclError as e:
            if first_error is None:
                first_error = e
    if first_error is not None:
        raise first_error
    if underflow and nconv == 0:
        return -1
    return assigned
