"""The `string` ensemble (Tcl 8.6), and `tcl::prefix`.

Texts, option parsing and index handling follow tclsh 8.6.13 (tclCmdMZ.c).
Case mapping is per character (Tcl's simple mappings: a character whose
Python mapping expands to several characters is left alone), so results
never change length.  `string is` lives in `string_classes.py`.
"""

import re

from ..runtime.errors import TclError
from ..runtime.glob import glob_match, lower
from ..runtime.indices import parse_index
from ..runtime.registry import ensemble, frame_blind, wrong_args
from ..runtime.values import TclDict, TclList, tcl_int, to_list, to_str
from .string_classes import is_word_char, string_is

# --- helpers -----------------------------------------------------------------


def _s(v):
    return v if type(v) is str else to_str(v)


def int32_arg(v):
    """An integer argument read as a C int, as Tcl_GetIntFromObj does:
    values up to 2**32-1 in magnitude wrap, larger ones are an error.  A
    value that is no integer is refused as Tcl_GetIntFromObj words it (no
    octal hint, error code TCL VALUE INTEGER)."""
    n = tcl_int(v, ("TCL", "VALUE", "INTEGER"))
    if -0x80000000 <= n <= 0x7FFFFFFF:
        return n
    if -0xFFFFFFFF <= n <= 0xFFFFFFFF:
        return ((n + 0x80000000) & 0xFFFFFFFF) - 0x80000000
    raise TclError("integer value too large to represent",
                   ("ARITH", "IOVERFLOW", "integer value too large to represent"))


def _bad_option(opt, choices):
    return TclError('bad option "%s": must be %s' % (opt, choices),
                    ("TCL", "LOOKUP", "INDEX", "option", opt))


def _is_nocase(opt):
    # Tcl accepts any prefix of at least two characters ("-n")
    return len(opt) > 1 and "-nocase".startswith(opt)


class _CaseMap(dict):
    """A str.translate table filled on demand with single-character mappings."""

    __slots__ = ("method",)

    def __init__(self, method):
        dict.__init__(self)
        self.method = method

    def __missing__(self, code):
        c = chr(code)
        m = self.method(c)
        if len(m) != 1:
            m = "i" if code == 0x130 else c
        self[code] = m
        return m


_UPPER = _CaseMap(str.upper)
_LOWER = _CaseMap(str.lower)
_TITLE = _CaseMap(str.title)


def to_upper(s):
    return s.upper() if s.isascii() else s.translate(_UPPER)


def to_lower(s):
    return s.lower() if s.isascii() else s.translate(_LOWER)


def to_title(s):
    if not s:
        return s
    first = s[0].translate(_TITLE) if not s[0].isascii() else s[0].upper()
    return first + to_lower(s[1:])


# --- simple subcommands ------------------------------------------------------


def string_length(interp, argv):
    v = argv[2]
    return len(v) if type(v) is str else len(to_str(v))


def string_bytelength(interp, argv):
    s = _s(argv[2])
    if s.isascii():
        return len(s) + s.count("\x00")
    # Tcl's internal UTF-8 writes NUL as two bytes
    return len(s.encode("utf-8", "surrogatepass")) + s.count("\x00")


def string_index(interp, argv):
    s = _s(argv[2])
    i = parse_index(argv[3], len(s))
    if 0 <= i < len(s):
        return s[i]
    return ""


def string_range(interp, argv):
    s = _s(argv[2])
    n = len(s)
    first = parse_index(argv[3], n)
    last = parse_index(argv[4], n)
    if first < 0:
        first = 0
    if last >= n:
        last = n - 1
    if first > last:
        return ""
    return s[first:last + 1]


def string_first(interp, argv):
    needle = _s(argv[2])
    hay = _s(argv[3])
    start = 0
    if len(argv) == 5:
        start = parse_index(argv[4], len(hay))
        if start < 0:
            start = 0
    if not needle:
        return -1
    return hay.find(needle, start)


def string_last(interp, argv):
    needle = _s(argv[2])
    hay = _s(argv[3])
    stop = len(hay)
    if len(argv) == 5:
        last = parse_index(argv[4], len(hay))
        if last < 0:
            return -1
        stop = min(stop, last + 1)
    if not needle:
        return -1
    return hay.rfind(needle, 0, stop)


def string_cat(interp, argv):
    if len(argv) == 3:
        return argv[2]
    return "".join([_s(v) for v in argv[2:]])


def string_repeat(interp, argv):
    s = _s(argv[2])
    count = int32_arg(argv[3])
    if count <= 0 or not s:
        return ""
    if count == 1:
        return argv[2]
    if len(s) * count > 0x7FFFFFFF:
        raise TclError("result exceeds max size for a Tcl value (2147483647 bytes)",
                       ("TCL", "MEMORY"))
    return s * count


_SURROGATE_PAIR_REVERSED = re.compile("([\udc00-\udfff])([\ud800-\udbff])")


def string_reverse(interp, argv):
    s = _s(argv[2])
    r = s[::-1]
    if not r.isascii() and _SURROGATE_PAIR_REVERSED.search(r):
        # keep UTF-16 surrogate pairs in their order, as Tcl does
        r = _SURROGATE_PAIR_REVERSED.sub(r"\2\1", r)
    return r


def string_replace(interp, argv):
    s = _s(argv[2])
    n = len(s)
    end = n - 1
    first = parse_index(argv[3], n)
    last = parse_index(argv[4], n)
    if last < 0 or first > end or last < first:
        return argv[2]
    if first < 0:
        first = 0
    if last > end:
        last = end
    new = _s(argv[5]) if len(argv) == 6 else ""
    return s[:first] + new + s[last + 1:]


def _case_range(argv, convert):
    s = _s(argv[2])
    if len(argv) == 3:
        return convert(s)
    n = len(s)
    first = parse_index(argv[3], n)
    if first < 0:
        first = 0
    # a lone first index is clamped before it becomes the last one
    last = parse_index(argv[4], n) if len(argv) == 5 else first
    if last >= n:
        last = n - 1
    if first > last:
        return s
    return s[:first] + convert(s[first:last + 1]) + s[last + 1:]


def string_toupper(interp, argv):
    return _case_range(argv, to_upper)


def string_tolower(interp, argv):
    return _case_range(argv, to_lower)


def string_totitle(interp, argv):
    return _case_range(argv, to_title)


# Tcl's DEFAULT_TRIM_SET: ASCII white space, NUL and the Unicode spaces
DEFAULT_TRIM = (" \t\n\v\f\r\x00\x85\xa0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005"
                "\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u2060"
                "\u3000\ufeff")


_SURROGATE = re.compile("[\ud800-\udfff]")
_UNIT = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\\s\\S]")


def _trim(s, chars, left, right):
    if not (_SURROGATE.search(s) or _SURROGATE.search(chars)):
        if left and right:
            return s.strip(chars)
        return s.lstrip(chars) if left else s.rstrip(chars)
    # a UTF-16 surrogate pair is one character to Tcl: trim whole pairs only
    units = _UNIT.findall(s)
    trim = set(_UNIT.findall(chars))
    i, j = 0, len(units)
    while left and i < j and units[i] in trim:
        i += 1
    while right and j > i and units[j - 1] in trim:
        j -= 1
    return "".join(units[i:j])


def string_trim(interp, argv):
    chars = _s(argv[3]) if len(argv) == 4 else DEFAULT_TRIM
    return _trim(_s(argv[2]), chars, True, True)


def string_trimleft(interp, argv):
    chars = _s(argv[3]) if len(argv) == 4 else DEFAULT_TRIM
    return _trim(_s(argv[2]), chars, True, False)


def string_trimright(interp, argv):
    chars = _s(argv[3]) if len(argv) == 4 else DEFAULT_TRIM
    return _trim(_s(argv[2]), chars, False, True)


def string_wordend(interp, argv):
    s = _s(argv[2])
    n = len(s)
    i = parse_index(argv[3], n)
    if i < 0:
        i = 0
    if i >= n:
        return n
    cur = i
    while cur < n and is_word_char(s[cur]):
        cur += 1
    if cur == i:
        cur += 1
    return cur


def string_wordstart(interp, argv):
    s = _s(argv[2])
    n = len(s)
    i = parse_index(argv[3], n)
    if i >= n:
        i = n - 1
    if i <= 0:
        return 0
    cur = i
    while cur >= 0 and is_word_char(s[cur]):
        cur -= 1
    if cur != i:
        cur += 1
    return cur


# --- comparison and matching -------------------------------------------------

_CMP_USAGE = "?-nocase? ?-length int? string1 string2"


def _compare_options(argv, sub):
    """(nocase, length) from the options before the last two arguments."""
    nocase = False
    length = -1
    i, stop = 2, len(argv) - 2
    while i < stop:
        opt = _s(argv[i])
        if _is_nocase(opt):
            nocase = True
        elif len(opt) > 1 and "-length".startswith(opt):
            if i + 1 >= stop:
                raise wrong_args("%s %s" % (_s(argv[0]), sub), _CMP_USAGE)
            i += 1
            length = int32_arg(argv[i])
        else:
            raise _bad_option(opt, "-nocase or -length")
        i += 1
    return nocase, length


def _prepare(a, b, nocase, length):
    if length >= 0:
        a = a[:length]
        b = b[:length]
    if nocase:
        a = lower(a)
        b = lower(b)
    return a, b


def string_equal(interp, argv):
    if len(argv) == 4:
        a, b = argv[2], argv[3]
        if type(a) is not str:
            a = to_str(a)
        if type(b) is not str:
            b = to_str(b)
        return 1 if a == b else 0
    nocase, length = _compare_options(argv, "equal")
    if length == 0:
        return 1
    a, b = _prepare(_s(argv[-2]), _s(argv[-1]), nocase, length)
    return 1 if a == b else 0


def string_compare(interp, argv):
    if len(argv) == 4:
        a, b = _s(argv[2]), _s(argv[3])
    else:
        nocase, length = _compare_options(argv, "compare")
        if length == 0:
            return 0
        a, b = _prepare(_s(argv[-2]), _s(argv[-1]), nocase, length)
    if a == b:
        return 0
    return -1 if a < b else 1


def string_match(interp, argv):
    if len(argv) == 4:
        return 1 if glob_match(_s(argv[2]), _s(argv[3])) else 0
    opt = _s(argv[2])
    if not _is_nocase(opt):
        raise _bad_option(opt, "-nocase")
    return 1 if glob_match(_s(argv[3]), _s(argv[4]), True) else 0


# --- string map --------------------------------------------------------------

# (mapping text, nocase) -> the function mapping a string: a mapping is
# usually a literal, used over and over; its pairs, their order and the
# way to apply them are worked out once
_MAPPERS = {}
_MAPPERS_LIMIT = 500


def _map_pairs(mapping):
    if type(mapping) is TclDict:
        return [(k, _s(v)) for k, v in mapping.items()]
    items = to_list(mapping)
    if len(items) % 2:
        raise TclError("char map list unbalanced", ("TCL", "OPERATION", "MAP", "UNBALANCED"))
    return [(_s(items[i]), _s(items[i + 1])) for i in range(0, len(items), 2)]


def _mapper(mapping, nocase):
    key = (mapping, nocase) if type(mapping) is str else None
    if key is not None:
        f = _MAPPERS.get(key)
        if f is not None:
            return f
    f = _make_mapper(_map_pairs(mapping), nocase)
    if key is not None:
        if len(_MAPPERS) >= _MAPPERS_LIMIT:
            _MAPPERS.clear()
        _MAPPERS[key] = f
    return f


def _make_mapper(pairs, nocase):
    values = {}
    keys = []
    for k, v in pairs:
        if not k:
            continue
        if nocase:
            k = lower(k)
        if k not in values:   # (the first of equal keys wins)
            values[k] = v
            keys.append(k)
    if not keys:
        return lambda s: s
    # keys are tried in order at each position, as Tcl does: so does an
    # alternation; keys of one character never compete
    if not nocase:
        if all(len(k) == 1 for k in keys):
            table = {ord(k): v for k, v in values.items()}
            return lambda s: s.translate(table)
        if len(keys) == 1:
            k, v = keys[0], values[keys[0]]
            return lambda s: s.replace(k, v)
        sub = re.compile("|".join(re.escape(k) for k in keys), re.DOTALL).sub
        replace = lambda m: values[m.group()]  # noqa: E731
        return lambda s: sub(replace, s)
    finditer = re.compile("|".join(re.escape(k) for k in keys), re.DOTALL).finditer

    def map_nocase(s):
        # match on the lower-cased text (same length), copy unmatched text as is
        out = []
        pos = 0
        for m in finditer(lower(s)):
            out.append(s[pos:m.start()])
            out.append(values[m.group()])
            pos = m.end()
        out.append(s[pos:])
        return "".join(out)
    return map_nocase


def string_map(interp, argv):
    nocase = False
    if len(argv) == 5:
        opt = _s(argv[2])
        if not _is_nocase(opt):
            raise _bad_option(opt, "-nocase")
        nocase = True
    f = _mapper(argv[-2], nocase)
    s = _s(argv[-1])
    return f(s) if s else ""


# --- the ensemble ------------------------------------------------------------

STRING_SUBCOMMANDS = {
    "bytelength": (string_bytelength, 1, 1, "string"),
    "cat": (string_cat, 0, None, "?string ...?"),
    "compare": (string_compare, 2, 5, _CMP_USAGE),
    "equal": (string_equal, 2, 5, _CMP_USAGE),
    "first": (string_first, 2, 3, "needleString haystackString ?startIndex?"),
    "index": (string_index, 2, 2, "string charIndex"),
    "is": (string_is, 2, 5, "class ?-strict? ?-failindex var? str"),
    "last": (string_last, 2, 3, "needleString haystackString ?startIndex?"),
    "length": (string_length, 1, 1, "string"),
    "map": (string_map, 2, 3, "?-nocase? charMap string"),
    "match": (string_match, 2, 3, "?-nocase? pattern string"),
    "range": (string_range, 3, 3, "string first last"),
    "repeat": (string_repeat, 2, 2, "string count"),
    "replace": (string_replace, 3, 4, "string first last ?string?"),
    "reverse": (string_reverse, 1, 1, "string"),
    "tolower": (string_tolower, 1, 3, "string ?first? ?last?"),
    "totitle": (string_totitle, 1, 3, "string ?first? ?last?"),
    "toupper": (string_toupper, 1, 3, "string ?first? ?last?"),
    "trim": (string_trim, 1, 2, "string ?chars?"),
    "trimleft": (string_trimleft, 1, 2, "string ?chars?"),
    "trimright": (string_trimright, 1, 2, "string ?chars?"),
    "wordend": (string_wordend, 2, 2, "string index"),
    "wordstart": (string_wordstart, 2, 2, "string index"),
}

for _name, _entry in STRING_SUBCOMMANDS.items():
    if _name != "is":   # (-failindex sets a variable)
        frame_blind(_entry[0])
cmd_string = ensemble("string", STRING_SUBCOMMANDS)


# --- tcl::prefix -------------------------------------------------------------


def _prefix_table(v):
    return [_s(x) for x in to_list(v)]


def prefix_all(interp, argv):
    table = _prefix_table(argv[2])
    word = _s(argv[3])
    return TclList([t for t in table if t.startswith(word)])


def prefix_longest(interp, argv):
    table = _prefix_table(argv[2])
    word = _s(argv[3])
    matches = [t for t in table if t.startswith(word)]
    if not matches:
        return ""
    common = matches[0]
    for t in matches[1:]:
        k = 0
        limit = min(len(common), len(t))
        while k < limit and common[k] == t[k]:
            k += 1
        common = common[:k]
    return common


def _choices(names):
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return "%s or %s" % (names[0], names[1])
    return ", ".join(names[:-1]) + ", or " + names[-1]


def prefix_match(interp, argv):
    exact = False
    message = "option"
    error_opts = None
    i, stop = 2, len(argv) - 2
    while i < stop:
        opt = _s(argv[i])
        which = _lookup(opt, ("-error", "-exact", "-message"), "option")
        if which == "-exact":
            exact = True
        else:
            if i + 1 >= stop:
                raise TclError("missing value for %s" % which, ("TCL", "OPERATION", "NOARG"))
            i += 1
            if which == "-message":
                message = _s(argv[i])
            else:
                error_opts = to_list(argv[i])
                if len(error_opts) % 2:
                    raise TclError("error options must have an even number of elements",
                                   ("TCL", "VALUE", "DICTIONARY"))
        i += 1
    table = _prefix_table(argv[-2])
    word = _s(argv[-1])
    if word in table:
        return word
    matches = [t for t in table if t.startswith(word)] if not exact else []
    if len(matches) == 1 and word:
        return matches[0]
    if error_opts is not None and not error_opts:
        return ""
    if not table:
        msg = 'bad %s "%s": no valid options' % (message, word)
    else:
        kind = "ambiguous" if len(matches) > 1 or (not word and not exact) else "bad"
        msg = '%s %s "%s": must be %s' % (kind, message, word, _choices(table))
    if error_opts:
        # Tcl returns with the given options plus "-code 1"
        return interp.invoke(TclList(["return", *error_opts, "-code", "1", msg]))
    raise TclError(msg, ("TCL", "LOOKUP", "INDEX", message, word))


def _lookup(word, table, what):
    """Tcl_GetIndexFromObj: exact or unique prefix; error lists table order."""
    if word in table:
        return word
    matches = [t for t in table if t.startswith(word)] if word else list(table)
    if len(matches) == 1:
        return matches[0]
    kind = "ambiguous" if len(matches) > 1 else "bad"
    raise TclError('%s %s "%s": must be %s' % (kind, what, word, _choices(list(table))),
                   ("TCL", "LOOKUP", "INDEX", what, word))


PREFIX_SUBCOMMANDS = {
    "all": (prefix_all, 2, 2, "table string"),
    "longest": (prefix_longest, 2, 2, "table string"),
    "match": (prefix_match, 2, None, "?options? table string"),
}

cmd_prefix = ensemble("tcl::prefix", PREFIX_SUBCOMMANDS)
