"""`string is class ?-strict? ?-failindex var? str`.

Character classes use Unicode general categories the way Tcl 8.6.13's
tclUtf.c does (checked against tclsh for every BMP character): alpha is
L*, digit Nd, control Cc/Cf/Co, punct P*, graph anything but Z*/C*, print
anything but C*, wordchar alnum plus Pc.  Number classes report, as the
fail index, where Tcl's number parser stopped reading.
"""

import re
import unicodedata

from ..runtime.errors import TclError
from ..runtime.numbers import parse_int
from ..runtime.registry import wrong_args
from ..runtime.values import to_str

_category = unicodedata.category

# Unicode 15 characters tclsh knows and Python 3.11's tables do not
_NEW_GRAPH = frozenset("\u0cf3\u0ece")

_SPACES = frozenset(" \t\n\v\f\r\x85\u180e\u200b\u2060\ufeff")


def _alpha(c):
    return _category(c)[0] == "L"


def _digit(c):
    return _category(c) == "Nd"


def _alnum(c):
    cat = _category(c)
    return cat[0] == "L" or cat == "Nd"


def _ascii(c):
    return c < "\x80"


def _control(c):
    return _category(c) in ("Cc", "Cf", "Co")


def _graph(c):
    return _category(c)[0] not in "ZC" or c in _NEW_GRAPH


def _print(c):
    return _category(c)[0] != "C" or c in _NEW_GRAPH


def _lower(c):
    return _category(c) == "Ll"


def _upper(c):
    return _category(c) == "Lu"


def _punct(c):
    return _category(c)[0] == "P"


def _space(c):
    return c in _SPACES or _category(c)[0] == "Z"


def is_word_char(c):
    cat = _category(c)
    return cat[0] == "L" or cat == "Nd" or cat == "Pc"


def _xdigit(c):
    return c in "0123456789abcdefABCDEF" and c != ""


_CHAR_CLASSES = {
    "alnum": _alnum, "alpha": _alpha, "ascii": _ascii, "control": _control,
    "digit": _digit, "graph": _graph, "lower": _lower, "print": _print,
    "punct": _punct, "space": _space, "upper": _upper, "wordchar": is_word_char,
    "xdigit": _xdigit,
}

# for pure-ASCII strings, each class as a set of the ASCII characters in it
_ASCII_SETS = {name: frozenset(c for c in map(chr, range(128)) if pred(c))
               for name, pred in _CHAR_CLASSES.items()}


def _char_class_fail(s, name):
    """Index of the first character not in the class, or -1."""
    if s.isascii():
        members = _ASCII_SETS[name]
        for i, c in enumerate(s):
            if c not in members:
                return i
        return -1
    pred = _CHAR_CLASSES[name]
    for i, c in enumerate(s):
        if not pred(c):
            return i
    return -1


# --- numbers -----------------------------------------------------------------

_WS = "[ \t\n\v\f\r]*"
_INT_PREFIX = re.compile(
    _WS + r"[+-]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)" + _WS)
_DOUBLE_PREFIX = re.compile(
    _WS + r"([+-]?)(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+"
    r"|([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?"
    r"|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN](?:\([0-9a-fA-F]*\))?)" + _WS)
_BAD_OCTAL_DIGIT = re.compile("[89]")


def _int_check(s, limit):
    """(ok, failindex) for integer classes; limit None means any size."""
    m = _INT_PREFIX.match(s)
    if m is None:
        return False, 0
    if m.end() != len(s):
        return False, m.end()
    if limit is not None:
        v = parse_int(s)
        if v is None or -limit > v or v > limit:
            return False, -1
    return True, 0


def _double_check(s):
    m = _DOUBLE_PREFIX.match(s)
    if m is None:
        return False, 0
    mant = m.group(2)
    if mant is not None and m.group(3) is None and mant[0] == "0" and "." not in mant:
        # a leading 0 makes an octal integer unless a fraction or exponent follows
        bad = _BAD_OCTAL_DIGIT.search(mant)
        if bad is not None:
            return False, m.start(2) + bad.start()
    if m.end() != len(s):
        return False, m.end()
    return True, 0


_TRUE_WORDS = ("true", "yes", "on")
_FALSE_WORDS = ("false", "no", "off")


def _bool_word(s):
    """True/False for Tcl's boolean strings as `string is` reads them, else None."""
    if s == "1":
        return True
    if s == "0":
        return False
    low = s.lower()
    if not low or low == "o":
        return None
    for w in _TRUE_WORDS:
        if w.startswith(low):
            return True
    for w in _FALSE_WORDS:
        if w.startswith(low):
            return False
    return None


_LIST_SPACE = " \t\n\v\f\r"


def _list_fail(s):
    """(ok, index of the element that breaks list syntax), as TclFindElement."""
    n = len(s)
    i = 0
    while True:
        while i < n and s[i] in _LIST_SPACE:
            i += 1
        if i >= n:
            return True, 0
        end = _element_end(s, i)
        if end < 0:
            return False, i
        i = end


def _element_end(s, i):
    """Index just past the element starting at s[i], or -1 if it is malformed."""
    n = len(s)
    c = s[i]
    if c == "{" or c == '"':
        close = "}" if c == "{" else '"'
        depth = 1
        j = i + 1
        while j < n:
            ch = s[j]
            if ch == "\\":
                j += 2
                continue
            if ch == close:
                depth -= 1
                if depth == 0:
                    break
            elif ch == "{" and close == "}":
                depth += 1
            j += 1
        if j >= n:
            return -1
        j += 1
        if j < n and s[j] not in _LIST_SPACE:
            return -1
        return j
    j = i
    while j < n and s[j] not in _LIST_SPACE:
        j += 2 if s[j] == "\\" else 1
    return min(j, n)


# --- the subcommand ----------------------------------------------------------

CLASSES = ("alnum", "alpha", "ascii", "control", "boolean", "digit", "double", "entier",
           "false", "graph", "integer", "list", "lower", "print", "punct", "space", "true",
           "upper", "wideinteger", "wordchar", "xdigit")
_OPTIONS = ("-strict", "-failindex")


def _lookup(word, table, what):
    if word in table:
        return word
    matches = [t for t in table if t.startswith(word)] if word else list(table)
    if len(matches) == 1:
        return matches[0]
    names = list(table)
    choices = ("%s or %s" % tuple(names) if len(names) == 2
               else ", ".join(names[:-1]) + ", or " + names[-1])
    raise TclError('%s %s "%s": must be %s' % (
        "ambiguous" if len(matches) > 1 else "bad", what, word, choices),
        ("TCL", "LOOKUP", "INDEX", what, word))


def _classify(cls, value, s):
    """(result, failindex) of one class test on a non-empty string."""
    if cls in _CHAR_CLASSES:
        fail = _char_class_fail(s, cls)
        return fail < 0, fail
    if cls == "integer":
        if type(value) is int:
            return (-0xFFFFFFFF <= value <= 0xFFFFFFFF), -1
        return _int_check(s, 0xFFFFFFFF)
    if cls == "wideinteger":
        if type(value) is int:
            return (-0xFFFFFFFFFFFFFFFF <= value <= 0xFFFFFFFFFFFFFFFF), -1
        return _int_check(s, 0xFFFFFFFFFFFFFFFF)
    if cls == "entier":
        if type(value) is int:
            return True, 0
        return _int_check(s, None)
    if cls == "double":
        if type(value) is int or type(value) is float:
            return True, 0
        return _double_check(s)
    if cls == "boolean":
        return _bool_word(s) is not None, 0
    if cls == "true":
        return _bool_word(s) is True, 0
    if cls == "false":
        return _bool_word(s) is False, 0
    return _list_fail(s)


def string_is(interp, argv):
    cls = _lookup(to_str(argv[2]), CLASSES, "class")
    strict = False
    fail_var = None
    i, stop = 3, len(argv) - 1
    while i < stop:
        opt = _lookup(to_str(argv[i]), _OPTIONS, "option")
        if opt == "-strict":
            strict = True
        else:
            if i + 1 >= stop:
                raise wrong_args("%s is %s" % (to_str(argv[0]), to_str(argv[2])),
                                 "?-strict? ?-failindex var? str")
            i += 1
            fail_var = to_str(argv[i])
        i += 1
    value = argv[-1]
    s = value if type(value) is str else to_str(value)
    if not s:
        if cls == "list":
            return 1
        ok, failat = not strict, 0
    else:
        ok, failat = _classify(cls, value, s)
    if ok:
        return 1
    if fail_var is not None:
        interp.set_var(fail_var, failat)
    return 0
