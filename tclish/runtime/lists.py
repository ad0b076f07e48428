"""Tcl list syntax: splitting a string into elements and quoting elements back.

The rules follow Tcl 8.6's TclFindElement (parsing) and TclScanElement /
TclConvertElement (quoting), so `list` produces exactly the string tclsh does.
"""

import re

from .errors import TclError

_SPACE = " \t\n\v\f\r"

_BACKSLASH_SIMPLE = {
    "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
}


def backslash_subst(text, i):
    """Decode one backslash sequence starting at text[i] == '\\'.

    Returns (replacement, index after the sequence)."""
    n = len(text)
    i += 1
    if i >= n:
        return "\\", i
    c = text[i]
    simple = _BACKSLASH_SIMPLE.get(c)
    if simple is not None:
        return simple, i + 1
    if c == "\n":
        # backslash-newline plus following blanks collapse to one space
        i += 1
        while i < n and text[i] in " \t":
            i += 1
        return " ", i
    if c == "x":
        j = i + 1
        while j < n and j < i + 3 and text[j] in "0123456789abcdefABCDEF":
            j += 1
        if j == i + 1:
            return "x", i + 1
        return chr(int(text[i + 1:j], 16)), j
    if c == "u" or c == "U":
        limit = 4 if c == "u" else 8
        j = i + 1
        while j < n and j < i + 1 + limit and text[j] in "0123456789abcdefABCDEF":
            j += 1
        if j == i + 1:
            return c, i + 1
        code = int(text[i + 1:j], 16)
        if code > 0x10FFFF:
            # Tcl stops reading hex digits before the value overflows
            j -= 1
            code = int(text[i + 1:j], 16)
        return chr(code), j
    if c in "01234567":
        j = i
        while j < n and j < i + 3 and text[j] in "01234567":
            j += 1
        return chr(int(text[i:j], 8) & 0xFF), j
    return c, i + 1


def _unbackslash(text):
    if "\\" not in text:
        return text
    out = []
    i = 0
    n = len(text)
    while i < n:
        j = text.find("\\", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        s, i = backslash_subst(text, j)
        out.append(s)
    return "".join(out)


def matching_brace(text, i):
    """The index of the brace closing the one at text[i] (nested braces
    count, a backslash hides the next character), or -1."""
    depth = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


_PLAIN_WORDS = re.compile(r"[^ \t\n\v\f\r]+").findall


def split_list(text):
    """Split a Tcl list string into a Python list of str elements."""
    if len(text) > 64 and "{" not in text and '"' not in text and "\\" not in text:
        # no braces, quotes or backslashes: the elements are the runs of
        # non-space characters (one C-speed pass instead of a Python loop)
        return _PLAIN_WORDS(text)
    result = []
    append = result.append
    n = len(text)
    i = 0
    while True:
        while i < n and text[i] in _SPACE:
            i += 1
        if i >= n:
            return result
        c = text[i]
        if c == "{":
            j = matching_brace(text, i)
            if j < 0:
                raise TclError("unmatched open brace in list", ("TCL", "VALUE", "LIST", "BRACE"))
            append(text[i + 1:j])
            j += 1
            if j < n and text[j] not in _SPACE:
                k = j
                while k < n and text[k] not in _SPACE:
                    k += 1
                raise TclError('list element in braces followed by "%s" instead of space' % text[j:k],
                               ("TCL", "VALUE", "LIST", "JUNK"))
            i = j
        elif c == '"':
            j = i + 1
            while j < n:
                ch = text[j]
                if ch == "\\":
                    j += 2
                    continue
                if ch == '"':
                    break
                j += 1
            if j >= n:
                raise TclError("unmatched open quote in list", ("TCL", "VALUE", "LIST", "QUOTE"))
            append(_unbackslash(text[i + 1:j]))
            j += 1
            if j < n and text[j] not in _SPACE:
                k = j
                while k < n and text[k] not in _SPACE:
                    k += 1
                raise TclError('list element in quotes followed by "%s" instead of space' % text[j:k],
                               ("TCL", "VALUE", "LIST", "JUNK"))
            i = j
        else:
            j = i
            has_bs = False
            while j < n:
                ch = text[j]
                if ch in _SPACE:
                    break
                if ch == "\\":
                    has_bs = True
                    j += 2
                    continue
                j += 1
            if j > n:
                j = n
            word = text[i:j]
            append(_unbackslash(word) if has_bs else word)
            i = j


# --- quoting -----------------------------------------------------------------

_NONE, _BRACE, _ESCAPE, _MASK = 0, 1, 2, 3

_SAFE_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+.,:/=@!%^&*()<>?|~`'#")
# an element made only of these needs no quoting (a leading '#' is checked apart)
_PLAIN = re.compile(r"[A-Za-z0-9_\-+.,:/=@!%^&*()<>?|~`'#]+").fullmatch


def _scan_element(s, quote_hash):
    if not s:
        return _BRACE
    forbid_none = prefer_brace = prefer_escape = require_escape = False
    first = s[0]
    if first == "{" or first == '"':
        forbid_none = prefer_brace = True
    elif first == "#" and quote_hash:
        forbid_none = prefer_brace = True
    nesting = 0
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c in _SAFE_CHARS:
            i += 1
            continue
        if c == "{":
            nesting += 1
        elif c == "}":
            nesting -= 1
            if nesting < 0:
                require_escape = True
        elif c == "]" or c == '"':
            forbid_none = prefer_escape = True
        elif c in "[$; \f\n\r\t\v":
            forbid_none = prefer_brace = True
        elif c == "\\":
            if i == n - 1:
                require_escape = True
            elif s[i + 1] == "\n":
                require_escape = True
                i += 1
            else:
                if s[i + 1] in "{}\\":
                    i += 1
                forbid_none = prefer_brace = True
        i += 1
    if nesting != 0:
        require_escape = True
    if require_escape:
        return _ESCAPE
    if not forbid_none:
        return _NONE
    if prefer_escape and not prefer_brace:
        return _MASK
    return _BRACE


_ESCAPES = {"\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}


def _escape_element(s, mask_braces, quote_hash):
    out = []
    if s[0] == "#" and quote_hash:
        out.append("\\")
    for c in s:
        if c in "][$; \\\"":
            out.append("\\" + c)
        elif c in "{}":
            out.append(c if mask_braces else "\\" + c)
        else:
            e = _ESCAPES.get(c)
            out.append(e if e is not None else c)
    return "".join(out)


def quote_element(s, quote_hash=True):
    """Quote one element as Tcl's list command does."""
    mode = _scan_element(s, quote_hash)
    if mode == _NONE:
        return s
    if mode == _BRACE:
        return "{" + s + "}"
    return _escape_element(s, mode == _MASK, quote_hash)


def format_list(strings):
    """Join already-stringified elements into a canonical Tcl list string."""
    parts = []
    first = True
    for s in strings:
        if _PLAIN(s) and s[0] != "#":
            parts.append(s)
        else:
            parts.append(quote_element(s, first))
        first = False
    return " ".join(parts)
