"""Tcl's glob-style matching (`string match`, `switch -glob`, `lsearch -glob`...).

The rules are Tcl_StringCaseMatch's: `*` matches any run of characters, `?`
any one character, `\\x` the character x, and `[...]` one character from a
set of characters and ranges.  Inside brackets a backslash is an ordinary
character, a range may run either way (`[z-a]`), a leading `]` makes the set
match nothing, and an unclosed set extends to the end of the pattern.
With -nocase both sides are compared in lower case, ranges included.

A pattern is translated once into a compiled regular expression (cached by
pattern text); the common shapes (no wildcards, `abc*`, `*abc`, `*abc*`) are
plain string tests.  One quirk of Tcl's bracket scanning, a range that ends
in `]` (`[ab-]c]`), changes where the set ends depending on which member
matched; patterns with `-]` in a set go through a direct port of the C
matcher instead.
"""

import re

_SPECIAL = frozenset("*?[\\")

# pattern -> matcher(string) -> bool; separate caches for exact / nocase
_CACHE = {}
_CACHE_NOCASE = {}
_CACHE_LIMIT = 2000


def glob_match(pattern, string, nocase=False):
    """True when `string` matches the Tcl glob `pattern`."""
    cache = _CACHE_NOCASE if nocase else _CACHE
    try:
        matcher = cache[pattern]
    except KeyError:
        matcher = _make_matcher(pattern, nocase)
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[pattern] = matcher
    if nocase:
        string = lower(string)
    return matcher(string)


def glob_matcher(pattern, nocase=False):
    """A one-argument predicate for repeated matching against one pattern."""
    cache = _CACHE_NOCASE if nocase else _CACHE
    try:
        m = cache[pattern]
    except KeyError:
        m = _make_matcher(pattern, nocase)
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[pattern] = m
    if nocase:
        return lambda s: m(lower(s))
    return m


def is_literal(pattern):
    """True when the pattern has no glob metacharacters."""
    for c in pattern:
        if c in _SPECIAL:
            return False
    return True


def lower(s):
    """Tcl's per-character lower-casing (never changes the length)."""
    if s.isascii():
        return s.lower()
    out = []
    for c in s:
        lc = c.lower()
        out.append(lc if len(lc) == 1 else c)
    return "".join(out)


def _make_matcher(pattern, nocase):
    if nocase:
        pattern = lower(pattern)
    if is_literal(pattern):
        return pattern.__eq__
    if pattern == "*":
        return _always
    body = pattern.strip("*")
    if body and is_literal(body):
        lead = pattern[0] == "*"
        trail = pattern[-1] == "*"
        # the last '*' may be escaped: "a\*" has body "a\" and is not literal
        if lead and trail:
            return lambda s: body in s
        if trail and pattern.startswith(body):
            return lambda s: s.startswith(body)
        if lead and pattern.endswith(body):
            return lambda s: s.endswith(body)
    regex = _translate(pattern)
    if regex is None:
        return lambda s: _match_c(pattern, s)
    fullmatch = re.compile(regex, re.DOTALL).fullmatch
    return lambda s: fullmatch(s) is not None


def _always(_s):
    return True


def _translate(pattern):
    """A Python regex equivalent to the glob, or None for the quirky cases."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            while i < n and pattern[i] == "*":
                i += 1
            out.append(".*")
            continue
        if c == "?":
            out.append(".")
        elif c == "\\":
            i += 1
            if i >= n:
                out.append("(?!)")
                break
            out.append(re.escape(pattern[i]))
        elif c == "[":
            cls, i = _bracket(pattern, i + 1)
            if cls is False:
                return None
            out.append(cls)
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def _bracket(pattern, i):
    """(regex class, index after the set) for a set starting at pattern[i]."""
    n = len(pattern)
    if i >= n or pattern[i] == "]":
        # Tcl's matcher fails at once on an empty or `]`-led set.  The rest of
        # the pattern cannot matter, so this atom never matches.
        return "(?!)", n
    parts = []
    while i < n and pattern[i] != "]":
        start = pattern[i]
        i += 1
        if i < n and pattern[i] == "-":
            i += 1
            if i >= n:
                # Tcl fails on reaching a dangling "-", but not if an earlier
                # member already matched
                break
            end = pattern[i]
            i += 1
            if end == "]":
                return False, n
            lo, hi = (start, end) if start <= end else (end, start)
            parts.append("%s-%s" % (_class_char(lo), _class_char(hi)))
        else:
            parts.append(_class_char(start))
    if not parts:
        return "(?!)", n
    return "[" + "".join(parts) + "]", i + 1


def _class_char(c):
    if c in "\\]^-[":
        return "\\" + c
    return c


def _match_c(pattern, string):
    """Tcl_StringCaseMatch, transcribed (both arguments already case-folded)."""
    p, s = 0, 0
    np, ns = len(pattern), len(string)
    while True:
        if p >= np:
            return s >= ns
        c = pattern[p]
        if s >= ns and c != "*":
            return False
        if c == "*":
            while p < np and pattern[p] == "*":
                p += 1
            if p >= np:
                return True
            rest = pattern[p:]
            while True:
                if _match_c(rest, string[s:]):
                    return True
                if s >= ns:
                    return False
                s += 1
        if c == "?":
            p += 1
            s += 1
            continue
        if c == "[":
            p += 1
            ch = string[s]
            s += 1
            while True:
                if p >= np or pattern[p] == "]":
                    return False
                start = pattern[p]
                p += 1
                if p < np and pattern[p] == "-":
                    p += 1
                    if p >= np:
                        return False
                    end = pattern[p]
                    p += 1
                    if start <= ch <= end or end <= ch <= start:
                        break
                elif start == ch:
                    break
            while p < np and pattern[p] != "]":
                p += 1
            p += 1
            continue
        if c == "\\":
            p += 1
            if p >= np:
                return False
        if pattern[p] != string[s]:
            return False
        p += 1
        s += 1
