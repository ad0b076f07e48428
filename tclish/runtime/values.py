"""Tcl values.

A Tcl value is a plain Python object.  Its *internal form* is the object
itself: ``int`` (any size), ``float``, ``TclList`` or ``TclDict``; its *string
form* is ``str``.  A ``str`` is the pure-string case.  Conversions go through
the functions below:

* the string form of a number or list is made only when asked for
  (``to_str``), as Tcl_Obj does with its lazily built string rep;
* the internal form of a string is computed once and memoised, keyed by the
  (immutable, hash-cached) string, so ``lindex $l $i`` in a loop splits the
  list once.

This is the same string-plus-cached-internal-form contract as Tcl_Obj, laid
out the way Python makes cheap: no wrapper object on the hot paths, numbers
are real ints and floats, and lists are real lists.

Values are immutable by convention.  A command that changes a list or dict
in place must own it: ``is_unshared`` (a reference count check, as
Tcl_IsShared) tells when a variable's value may be modified in place.
"""

import sys

from .errors import TclError
from .lists import format_list, split_list
from .numbers import format_float, is_bad_octal, parse_int, parse_number


class TclList(list):
    """A list value; its string form is canonical Tcl list syntax."""

    __slots__ = ()


class TclDict(dict):
    """A dict value (insertion ordered, string keys)."""

    __slots__ = ()


EMPTY = ""

# string -> list memo; see module docstring.  Entries are shared, so callers
# never mutate a list that to_list returned for a string.
_LIST_MEMO = {}
_LIST_MEMO_LIMIT = 2000
# ... and bounded by the size of what it holds (characters of the strings
# memoised, which the elements roughly double), not only by their number:
# 200 lists of 500 KB must not stay alive after their strings are gone
_LIST_MEMO_CHARS = 1 << 23
_memo_chars = [0]


def to_str(v):
    """The string form of any Tcl value."""
    t = type(v)
    if t is str:
        return v
    if t is int:
        return str(v)
    if t is float:
        return format_float(v)
    if t is TclList:
        return format_list([to_str(x) for x in v])
    if t is TclDict:
        out = []
        for k, x in v.items():
            out.append(k)
            out.append(to_str(x))
        return format_list(out)
    if t is bool:
        return "1" if v else "0"
    if isinstance(v, str):
        return v
    if isinstance(v, (list, tuple)):
        return format_list([to_str(x) for x in v])
    if v is None:
        return ""
    return str(v)


def to_list(v):
    """The elements of a Tcl value as a Python list (do not mutate it)."""
    t = type(v)
    if t is TclList:
        return v
    if t is str:
        try:
            return _LIST_MEMO[v]
        except KeyError:
            pass
        lst = TclList(split_list(v))
        size = len(v)
        if len(_LIST_MEMO) >= _LIST_MEMO_LIMIT or _memo_chars[0] + size > _LIST_MEMO_CHARS:
            _LIST_MEMO.clear()
            _memo_chars[0] = 0
            if size > _LIST_MEMO_CHARS:
                return lst
        _LIST_MEMO[v] = lst
        _memo_chars[0] += size
        return lst
    if t is TclDict:
        out = TclList()
        for k, x in v.items():
            out.append(k)
            out.append(x)
        return out
    if t is int or t is float:
        return TclList((v,))
    if isinstance(v, (list, tuple)):
        return v
    return TclList(split_list(to_str(v)))


def list_length(v):
    return len(to_list(v))


def _expected(kind, v):
    s = to_str(v)
    if kind == "integer" and is_bad_octal(s):
        return TclError('expected integer but got "%s" (looks like invalid octal number)' % s,
                        ("TCL", "VALUE", "NUMBER"))
    return TclError('expected %s but got "%s"' % (kind, s), ("TCL", "VALUE", "NUMBER"))


def to_int(v):
    """An integer value, or Tcl's `expected integer` error."""
    t = type(v)
    if t is int:
        return v
    if t is str:
        n = parse_number(v)
        if type(n) is int:
            return n
    elif t is bool:
        return int(v)
    elif t is not float:
        n = parse_int(to_str(v))
        if n is not None:
            return n
    raise _expected("integer", v)


def tcl_int(v, errorcode=("TCL", "VALUE", "NUMBER")):
    """An integer argument as Tcl_GetWideIntFromObj reads it, whose error,
    unlike expr's, adds no "looks like invalid octal number"; Tcl_GetIntFromObj
    and TclIncrObj say TCL VALUE INTEGER (`errorcode`)."""
    try:
        return to_int(v)
    except TclError:
        raise TclError('expected integer but got "%s"' % to_str(v), errorcode) from None


def to_float(v):
    """A double value, or Tcl's `expected floating-point number` error."""
    t = type(v)
    if t is float:
        return v
    if t is int:
        try:
            return float(v)
        except OverflowError:
            return float("inf") if v > 0 else float("-inf")
    n = parse_number(to_str(v))
    if n is None:
        raise _expected("floating-point number", v)
    return float(n)


def to_number(v):
    """int or float, or None when the value is not numeric."""
    t = type(v)
    if t is int or t is float:
        return v
    if t is str:
        return parse_number(v)
    if t is bool:
        return int(v)
    return parse_number(to_str(v))


_TRUE = frozenset(("1", "true", "yes", "on"))
_FALSE = frozenset(("0", "false", "no", "off"))
_BOOL_WORDS = (("true", True), ("false", False), ("yes", True), ("no", False),
               ("on", True), ("off", False))


def parse_bool(s):
    """True/False for a Tcl boolean string, None if it is not one."""
    low = s.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    n = parse_number(s)
    if n is not None:
        return n != 0
    # unique abbreviations are accepted, as Tcl does ("o" alone is ambiguous)
    if low and low != "o":
        for word, val in _BOOL_WORDS:
            if word.startswith(low):
                return val
    return None


def to_bool(v):
    t = type(v)
    if t is int or t is bool:
        return v != 0
    if t is float:
        return v != 0.0
    b = parse_bool(to_str(v))
    if b is None:
        raise TclError('expected boolean value but got "%s"' % to_str(v),
                       ("TCL", "VALUE", "NUMBER"))
    return b


def to_dict(v):
    """A TclDict for the value (do not mutate the result)."""
    if type(v) is TclDict:
        return v
    items = to_list(v)
    if len(items) % 2:
        raise TclError("missing value to go with key", ("TCL", "VALUE", "DICTIONARY"))
    d = TclDict()
    for i in range(0, len(items), 2):
        d[to_str(items[i])] = items[i + 1]
    return d


_getrefcount = sys.getrefcount


def is_unshared(v, expected_refs):
    """True when nobody but the caller's known references holds `v`.

    `expected_refs` counts the references the caller itself knows about
    (variable slot, local names) plus getrefcount's own argument."""
    return _getrefcount(v) <= expected_refs
