"""`regexp` and `regsub`, as Tcl_RegexpObjCmd / Tcl_RegsubObjCmd (Tcl 8.6).

Patterns are Tcl AREs translated by `runtime/tclre.py`.  The matching loop
is Tcl's: each search runs on the subject from the current offset, `^` there
counts as a line start only at offset 0 or after a newline, and an empty
match moves the offset on by one.
"""

from ..runtime.errors import TclError
from ..runtime.glob import lower
from ..runtime.indices import parse_index_end
from ..runtime.registry import command, wrong_args
from ..runtime.tclre import PREFIX, RegexError, get_regex
from ..runtime.values import TclList, to_str

_REGEXP_OPTIONS = ("-all", "-about", "-indices", "-inline", "-expanded", "-line", "-linestop",
                   "-lineanchor", "-nocase", "-start", "--")
_REGSUB_OPTIONS = ("-all", "-nocase", "-expanded", "-line", "-linestop", "-lineanchor",
                   "-start", "--")
_REGEXP_USAGE = "?-option ...? exp string ?matchVar? ?subMatchVar ...?"
_REGSUB_USAGE = "?-option ...? exp string subSpec ?varName?"


def _choices(names):
    return ", ".join(names[:-1]) + ", or " + names[-1]


class _Options:
    __slots__ = ("all", "about", "indices", "inline", "nocase", "expanded", "linestop",
                 "lineanchor", "start")

    def __init__(self):
        self.all = self.about = self.indices = self.inline = False
        self.nocase = self.expanded = self.linestop = self.lineanchor = False
        self.start = None


_NO_OPTIONS = _Options()


def _parse_options(argv, table):
    """(options, index of the first non-option argument)."""
    first = argv[1]
    if type(first) is str and first[:1] != "-":
        return _NO_OPTIONS, 1   # the common case; never modified
    opts = _Options()
    i, n = 1, len(argv)
    while i < n:
        word = to_str(argv[i])
        if word[:1] != "-":
            break
        if word not in table:
            raise TclError('bad option "%s": must be %s' % (word, _choices(table)),
                           ("TCL", "LOOKUP", "INDEX", "option", word))
        if word == "--":
            i += 1
            break
        if word == "-start":
            i += 1
            if i >= n:
                break
            parse_index_end(argv[i], 0)     # validate now, as Tcl does
            opts.start = argv[i]
        elif word == "-line":
            opts.linestop = opts.lineanchor = True
        else:
            setattr(opts, word[1:], True)
        i += 1
    return opts, i


def _compile(pattern, opts):
    try:
        return get_regex(to_str(pattern), opts.nocase, opts.expanded, opts.linestop,
                         opts.lineanchor)
    except RegexError as e:
        msg = str(e)
        raise TclError(PREFIX + msg, ("REGEXP", "COMPILE", msg))


def _start_offset(opts, length):
    if opts.start is None:
        return 0
    offset = parse_index_end(opts.start, length)
    return offset if offset > 0 else 0


def _search(rx, s, offset):
    """Tcl_RegExpExecObj at `offset`: (match, base) with spans relative to base."""
    if offset > len(s):
        # Tcl matches against the empty rest but reports the offset as given
        return rx.match("", 0, True), offset
    notbol = offset > 0 and s[offset - 1] != "\n"
    if offset and (rx.needs_slice or (rx.plain_bol and not notbol)):
        return rx.match(s[offset:], 0, notbol), offset
    return rx.match(s, offset, notbol), 0


@command("regexp", 2, None, _REGEXP_USAGE)
def cmd_regexp(interp, argv):
    opts, i = _parse_options(argv, _REGEXP_OPTIONS)
    if len(argv) - i < (1 if opts.about else 2):
        raise wrong_args(to_str(argv[0]), _REGEXP_USAGE)
    rest = argv[i:]
    if opts.inline and len(rest) > 2:
        raise TclError("regexp match variables not allowed when using -inline")
    rx = _compile(rest[0], opts)
    if opts.about:
        return TclList([rx.ngroups, TclList(rx.about)])
    s = to_str(rest[1])
    var_names = rest[2:]
    offset = _start_offset(opts, len(s))
    count = 0
    result = TclList()
    while True:
        m, base = _search(rx, s, offset)
        if m is None:
            break
        count += 1
        nvalues = rx.ngroups + 1 if opts.inline else len(var_names)
        values = [_submatch(m, k, base, s, opts.indices, rx.ngroups) for k in range(nvalues)]
        if opts.inline:
            result.extend(values)
        else:
            for name, value in zip(var_names, values):
                interp.set_var(to_str(name), value)
        if not opts.all:
            break
        start, end = m.span()
        offset = base + end
        if start == end:
            offset += 1
        if offset >= len(s):
            break
    if opts.inline:
        return result
    return count


def _submatch(m, k, base, s, indices, ngroups):
    if k > ngroups:
        return TclList([-1, -1]) if indices else ""
    start, end = m.span(k)
    if indices:
        if start < 0:
            return TclList([-1, -1])
        return TclList([base + start, base + end - 1])
    if start < 0:
        return ""
    return m.string[start:end]


def _substitute(spec):
    """The parts of a regsub subSpec: strings and group numbers."""
    parts = []
    lit = []
    i, n = 0, len(spec)
    while i < n:
        c = spec[i]
        if c == "&":
            parts.append("".join(lit))
            lit = []
            parts.append(0)
        elif c == "\\" and i + 1 < n:
            d = spec[i + 1]
            if "0" <= d <= "9":
                parts.append("".join(lit))
                lit = []
                parts.append(ord(d) - 48)
                i += 1
            elif d == "\\" or d == "&":
                lit.append(d)
                i += 1
            else:
                lit.append(c)
        else:
            lit.append(c)
        i += 1
    parts.append("".join(lit))
    return [p for p in parts if p != ""]


def _expand(parts, m, ngroups):
    out = []
    for p in parts:
        if type(p) is str:
            out.append(p)
        elif p <= ngroups:
            text = m.group(p)
            if text:
                out.append(text)
    return "".join(out)


_PATTERN_SPECIALS = frozenset("*+?{}()[].\\|^$")


def _is_plain(pattern, spec):
    """Tcl's fast path for -all: a literal pattern and a subSpec without & or \\."""
    return ("&" not in spec and "\\" not in spec
            and not any(c in _PATTERN_SPECIALS for c in pattern))


def _replace_literal(pattern, s, spec, nocase):
    """(result, count) of the literal fast path, as Tcl's one-pair string map."""
    if not pattern:
        # "" matches before every character
        if not s:
            return s, 0
        return spec + spec.join(s), len(s)
    if not nocase:
        count = s.count(pattern)
        return (s.replace(pattern, spec) if count else s), count
    low_s, low_p = lower(s), lower(pattern)
    out = []
    pos = count = 0
    k = low_s.find(low_p)
    while k >= 0:
        out.append(s[pos:k])
        out.append(spec)
        count += 1
        pos = k + len(pattern)
        k = low_s.find(low_p, pos)
    out.append(s[pos:])
    return "".join(out), count


@command("regsub", 3, None, _REGSUB_USAGE)
def cmd_regsub(interp, argv):
    opts, i = _parse_options(argv, _REGSUB_OPTIONS)
    rest = argv[i:]
    if len(rest) < 3 or len(rest) > 4:
        raise wrong_args(to_str(argv[0]), _REGSUB_USAGE)
    pattern, spec = to_str(rest[0]), to_str(rest[2])
    s = to_str(rest[1])
    offset = _start_offset(opts, len(s))
    if opts.all and offset == 0 and _is_plain(pattern, spec):
        result, matches = _replace_literal(pattern, s, spec, opts.nocase)
        if not matches:
            result = rest[1]
        if len(rest) == 4:
            interp.set_var(to_str(rest[3]), result)
            return matches
        return result
    rx = _compile(pattern, opts)
    parts = _substitute(spec)
    n = len(s)
    out = []
    matches = 0
    while offset <= n:
        m, base = _search(rx, s, offset)
        if m is None:
            break
        if matches == 0:
            out.append(s[:offset])
        matches += 1
        start, end = base + m.start(), base + m.end()
        out.append(s[offset:start])
        out.append(_expand(parts, m, rx.ngroups))
        if end == offset:
            if offset < n:
                out.append(s[offset])
            offset += 1
        else:
            offset = end
            if start == end:
                if offset < n:
                    out.append(s[offset])
                offset += 1
        if not opts.all:
            break
    if matches == 0:
        result = rest[1]
    else:
        if offset < n:
            out.append(s[offset:])
        result = "".join(out)
    if len(rest) == 4:
        interp.set_var(to_str(rest[3]), result)
        return matches
    return result
