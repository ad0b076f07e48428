"""Where a translated Tcl regexp runs: Python's `re`, RE2, or `regex` with a
time bound.

Tcl's matcher never backtracks exponentially; Python's `re` does, on
patterns with a quantified sub-pattern that can itself match in several
ways (`(a+)+b`, `(a|aa)+$`, `^(\\w+\\s?)*$`).  Such "risky" patterns, and
those with very many alternatives, go to RE2 (google-re2), whose automaton
runs in time linear in the subject.  RE2 takes the same first-match
("leftmost-first") choices as a backtracking engine, so the answers do not
change; in its leftmost-longest mode it finds at once the longest match Tcl
wants, where the `re` path has to try each alternative.

What RE2 cannot run (back-references, lookahead, Unicode word boundaries,
bounds over 1000) runs on the `regex` module with a time limit, so no
pattern/subject pair runs away; everything else stays on `re`, which is
fastest on the small patterns and subjects scripts mostly use.
"""

import os
import re

try:
    import re2 as _re2
except ImportError:  # pragma: no cover - google-re2 is a dependency
    _re2 = None
try:
    import regex as _regex
except ImportError:  # pragma: no cover
    _regex = None

from .errors import TclError

# how long one match on the bounded (backtracking) engine may run
MATCH_SECONDS = 2.0
# at or above this many top-level alternatives the longest-alternative
# fix-up of the `re` path (one matcher per alternative) costs too much
MANY_ALTERNATIVES = 16


# for measuring the engines against Tcl's tests: TCLISH_REGEX_ENGINE=re2
# sends every pattern RE2 can take there, =bounded every pattern to `regex`
FORCED = os.environ.get("TCLISH_REGEX_ENGINE") or None


class NotRE2(Exception):
    """The pattern uses something RE2 does not have."""


def risky(tree):
    """Whether backtracking may take exponential time on this parse tree:
    a repeated sub-pattern that contains a repetition or an alternation.
    (A back-reference alone is left to `re`, whose choices Tcl's tests
    were checked against; inside such a repetition it is bounded.)"""
    return _risky(tree, False)


def _risky(node, in_repeat):
    kind = node[0]
    if kind == "quant":
        repeats = node[3] is None or node[3] > 1
        if in_repeat and repeats:
            return True
        return _risky(node[1], in_repeat or repeats)
    if kind == "alt":
        if in_repeat and len(node[1]) > 1:
            return True
        return any(_risky(b, in_repeat) for b in node[1])
    if kind == "cat":
        return any(_risky(p, in_repeat) for p in node[1])
    if kind in ("group", "look"):
        return _risky(node[2], in_repeat)
    return False


# ---- RE2 --------------------------------------------------------------------

def re2_available():
    return _re2 is not None


_WORD = r"\p{L}\p{N}_"


def to_re2(text):
    """Python regex syntax as written by tclre's writer -> RE2 syntax."""
    out = []
    i, n = 0, len(text)
    in_class = False
    while i < n:
        c = text[i]
        if c == "\\":
            d = text[i + 1]
            i += 2
            if d == "u":
                out.append("\\x{%s}" % text[i:i + 4])
                i += 4
            elif d == "U":
                out.append("\\x{%s}" % text[i:i + 8].lstrip("0"))
                i += 8
            elif d == "x":
                out.append("\\x" + text[i:i + 2])
                i += 2
            elif d == "Z":
                out.append("\\z")
            elif d == "A":
                out.append("\\A")
            elif d == "w":
                out.append(_WORD if in_class else "[%s]" % _WORD)
            elif d == "W" and not in_class:
                out.append("[^%s]" % _WORD)
            elif d == "d":
                out.append("\\p{Nd}")
            elif d == "D" and not in_class:
                out.append("\\P{Nd}")
            elif d in "sStnrfva":
                out.append("\\" + d)
            elif d.isdigit() or d.isalpha():
                raise NotRE2(d)   # back-references, \b, \B, ...
            else:
                out.append("\\x{%x}" % ord(d))
            continue
        if in_class:
            if c == "]" and out and out[-1] not in ("[", "[^"):
                in_class = False
            elif c == "[":
                c = "\\["
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            if text.startswith("[^", i):
                out.append("[^")
                i += 2
            else:
                out.append("[")
                i += 1
            if i < n and text[i] == "]":
                out.append("\\]")
                i += 1
            continue
        if c == "(" and text.startswith("(?", i):
            j = i + 2
            if text[j:j + 1] in ("=", "!", "<"):
                raise NotRE2("lookaround")
        out.append(c)
        i += 1
    return "".join(out)


def _re2_options(nocase, longest):
    opts = _re2.Options()
    opts.log_errors = False
    opts.case_sensitive = not nocase
    opts.longest_match = longest
    opts.max_mem = 64 << 20
    return opts


def re2_compile(text, nocase, longest=False):
    """An RE2 pattern for Python-syntax `text`, or NotRE2."""
    if _re2 is None:
        raise NotRE2("no re2")
    try:
        return _re2.compile(to_re2(text), _re2_options(nocase, longest))
    except NotRE2:
        raise
    except Exception as e:  # re2.error: too big, unsupported, ...
        raise NotRE2(str(e)) from None


# ---- the bounded backtracking engine ---------------------------------------

class Bounded:
    """A `regex` pattern whose matches give up after MATCH_SECONDS with a
    Tcl error, instead of backtracking for ever."""

    __slots__ = ("_rx",)

    def __init__(self, text, flags):
        self._rx = _regex.compile(text, (_regex.IGNORECASE if flags & re.IGNORECASE else 0)
                                  | _regex.VERSION0)

    def _run(self, method, text, pos, endpos):
        try:
            if endpos is None:
                return method(text, pos, timeout=MATCH_SECONDS)
            return method(text, pos, endpos, timeout=MATCH_SECONDS)
        except TimeoutError:
            raise TclError("couldn't execute regular expression: too complex to match "
                           "in %g seconds" % MATCH_SECONDS,
                           ("REGEXP", "TIMEOUT", "too complex")) from None

    def search(self, text, pos=0, endpos=None):
        return self._run(self._rx.search, text, pos, endpos)

    def match(self, text, pos=0, endpos=None):
        return self._run(self._rx.match, text, pos, endpos)

    def fullmatch(self, text, pos=0, endpos=None):
        return self._run(self._rx.fullmatch, text, pos, endpos)


def bounded_compile(text, flags):
    """The time-bounded engine when `regex` is there, else plain `re`."""
    if _regex is None:
        return re.compile(text, flags)
    try:
        return Bounded(text, flags)
    except Exception:  # its errors, and its own bugs on odd patterns
        return re.compile(text, flags)  # let `re` word the error


__all__ = ["risky", "re2_available", "re2_compile", "to_re2", "NotRE2", "bounded_compile",
           "MANY_ALTERNATIVES"]
