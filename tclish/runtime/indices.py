"""Tcl's index syntax: `N`, `end`, `end-N`, `end+N`, `N+M`, `N-M`.

Tcl 8.6 reads every integer in an index as a C int: a value beyond 32 bits
is an error, one between 2**31 and 2**32 wraps to a negative number, and the
sum of `N+M` wraps the same way.  tclsh does this, so we do too.

The parse of a string is memoised as (is_end_relative, offset), which keeps
`string index $s $i` and `lindex $l end-1` in a loop down to a dict lookup.
"""

import re

from .errors import TclError
from .values import to_str

_WS = " \t\n\v\f\r"
_INT = r"[+-]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)"
_PLAIN_RE = re.compile(r"[ \t\n\v\f\r]*(%s)(?:([+-])(%s))?[ \t\n\v\f\r]*\Z" % (_INT, _INT))
_END_RE = re.compile(r"(?:e|en|end)\Z|end([+-])(%s)[ \t\n\v\f\r]*\Z" % _INT)
_BAD_OCTAL_RE = re.compile(r"[ \t\n\v\f\r]*[+-]?0[oO]?[0-9]*[ \t\n\v\f\r]*\Z")

_MEMO = {}
_MEMO_LIMIT = 4000


def _wrap32(v):
    return ((v + 0x80000000) & 0xFFFFFFFF) - 0x80000000


def _int32(text):
    """A C-int reading of one integer component, or None if it is too large."""
    sign = 1
    if text[0] in "+-":
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    if len(text) > 1 and text[0] == "0":
        c = text[1]
        if c in "xX":
            v = int(text[2:], 16)
        elif c in "oO":
            v = int(text[2:], 8)
        elif c in "bB":
            v = int(text[2:], 2)
        else:
            v = int(text, 8)
    else:
        v = int(text)
    if v > 0xFFFFFFFF:
        return None
    return _wrap32(sign * v)


def bad_index(s):
    msg = 'bad index "%s": must be integer?[+-]integer? or end?[+-]integer?' % s
    if _BAD_OCTAL_RE.match(s) or (s[:4] == "end-" and _BAD_OCTAL_RE.match(s[4:])):
        msg += " (looks like invalid octal number)"
    return TclError(msg, ("TCL", "VALUE", "INDEX"))


def _parse(s):
    """(is_end_relative, offset) for an index string; raises on bad syntax."""
    m = _PLAIN_RE.match(s)
    if m is not None:
        a = _int32(m.group(1))
        if a is not None:
            if m.group(2) is None:
                return (False, a)
            b = _int32(m.group(3))
            if b is not None:
                return (False, _wrap32(a + b if m.group(2) == "+" else a - b))
        raise bad_index(s)
    m = _END_RE.match(s)
    if m is not None:
        if m.group(1) is None:
            return (True, 0)
        b = _int32(m.group(2))
        if b is not None:
            return (True, b if m.group(1) == "+" else _wrap32(-b))
    raise bad_index(s)


def index_form(value):
    """The parsed form of an index value: (is_end_relative, offset)."""
    if type(value) is int:
        if -0xFFFFFFFF <= value <= 0xFFFFFFFF:
            return (False, _wrap32(value))
        raise bad_index(str(value))
    s = value if type(value) is str else to_str(value)
    try:
        return _MEMO[s]
    except KeyError:
        pass
    form = _parse(s)
    if len(_MEMO) >= _MEMO_LIMIT:
        _MEMO.clear()
    _MEMO[s] = form
    return form


def parse_index_end(value, end_value):
    """The integer an index denotes when `end` stands for `end_value`.

    The result may be out of range (negative, or past the end); callers
    decide what that means.  Use this for commands where `end` is not the
    last element (`linsert`, `string insert`: end is the length)."""
    if type(value) is int and -0x80000000 <= value <= 0x7FFFFFFF:
        return value
    if value == "end":
        return end_value
    is_end, offset = index_form(value)
    if is_end:
        return _wrap32(end_value + offset)
    return offset


def parse_index(value, length):
    """The integer an index denotes for a sequence of `length` items.

    `end` is `length - 1`.  The result may be out of range."""
    if type(value) is int and -0x80000000 <= value <= 0x7FFFFFFF:
        return value
    if value == "end":
        return length - 1
    is_end, offset = index_form(value)
    if is_end:
        return _wrap32(length - 1 + offset)
    return offset

