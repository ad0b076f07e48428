"""Tcl 8.6 regular expressions (AREs) translated onto Python's `re`.

A Tcl pattern is parsed into a small tree (checking it with Tcl's own error
texts), and the tree is written out as Python regex syntax.  What differs:

* Tcl picks the longest (or, for a non-greedy RE, the shortest) match at the
  leftmost position; Python takes the first its backtracking finds.  We
  write every quantifier with the RE's overall preference (computed by Tcl's
  rules) and order literal alternatives longest first, which gives Tcl's
  overall match in the usual cases.  When the RE mixes preferences, the
  subexpressions are then re-assigned inside that overall match by the
  pattern as written (see `TclRegex.match`).
* `^` after `-start` (Tcl's NOTBOL) and Tcl's newline-sensitivity modes are
  written out explicitly; `$` is end of string unless line-anchored.
* Classes (`[:alpha:]`, `\\s`...) use Tcl's definitions (BMP), with `\\w`
  and `\\d` left to Python.

What cannot be translated is listed in docs/regexp.md.
"""

import re
import unicodedata

PREFIX = "couldn't compile regular expression pattern: "


class RegexError(Exception):
    """A pattern Tcl (or we) cannot compile; str() is the Tcl message tail."""


# --- character classes ---------------------------------------------------------

def _cat(c):
    return unicodedata.category(c)


_CLASS_PREDICATES = {
    "alpha": lambda c: _cat(c)[0] == "L",
    "digit": lambda c: _cat(c) == "Nd",
    "alnum": lambda c: _cat(c)[0] == "L" or _cat(c) == "Nd",
    "upper": lambda c: _cat(c) == "Lu",
    "lower": lambda c: _cat(c) == "Ll",
    "space": lambda c: c in _SPACE_CHARS or _cat(c)[0] == "Z",
    "blank": lambda c: c in " \t",
    "cntrl": lambda c: _cat(c) in ("Cc", "Cf", "Co"),
    "graph": lambda c: _cat(c)[0] not in "ZC",
    "print": lambda c: _cat(c)[0] != "C",
    "punct": lambda c: _cat(c)[0] == "P",
    "xdigit": lambda c: c in "0123456789abcdefABCDEF",
}
_SPACE_CHARS = frozenset(" \t\n\v\f\r\x85\u180e\u200b\u2060\ufeff")

# class name -> Python class body (ranges), built on first use
_CLASS_BODIES = {}


def _class_body(name):
    body = _CLASS_BODIES.get(name)
    if body is None:
        pred = _CLASS_PREDICATES[name]
        parts = []
        start = None
        for code in range(0x10001):
            ok = code < 0x10000 and not 0xD800 <= code <= 0xDFFF and pred(chr(code))
            if ok and start is None:
                start = code
            elif not ok and start is not None:
                end = code - 1
                parts.append(_range_text(start, end))
                start = None
        body = "".join(parts)
        _CLASS_BODIES[name] = body
    return body


def _class_char(code):
    c = chr(code)
    if c.isalnum() and c.isascii():
        return c
    if code < 0x80:
        return "\\" + c if not c.isspace() else "\\x%02x" % code
    return "\\u%04x" % code if code < 0x10000 else "\\U%08x" % code


def _range_text(a, b):
    if a == b:
        return _class_char(a)
    return "%s-%s" % (_class_char(a), _class_char(b))


_SPACE_BODY = r" \t\n\v\f\r\x85\xa0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
# class escapes: (body for use inside a Python class, standalone form)
_ESCAPE_CLASSES = {
    "d": (r"\d", r"\d"),
    "w": (r"\w", r"\w"),
    "s": (_SPACE_BODY, "[" + _SPACE_BODY + "]"),
    "D": (None, r"\D"),
    "W": (None, r"\W"),
    "S": (None, "[^" + _SPACE_BODY + "]"),
}

# POSIX collating element names Tcl knows (regc_locale.c), ASCII part
_COLLATING_NAMES = {
    "NUL": "\x00", "SOH": "\x01", "STX": "\x02", "ETX": "\x03", "EOT": "\x04", "ENQ": "\x05",
    "ACK": "\x06", "BEL": "\x07", "alert": "\x07", "BS": "\x08", "backspace": "\x08",
    "HT": "\t", "tab": "\t", "LF": "\n", "newline": "\n", "VT": "\v", "vertical-tab": "\v",
    "FF": "\f", "form-feed": "\f", "CR": "\r", "carriage-return": "\r", "SO": "\x0e",
    "SI": "\x0f", "DLE": "\x10", "DC1": "\x11", "DC2": "\x12", "DC3": "\x13", "DC4": "\x14",
    "NAK": "\x15", "SYN": "\x16", "ETB": "\x17", "CAN": "\x18", "EM": "\x19", "SUB": "\x1a",
    "ESC": "\x1b", "IS4": "\x1c", "FS": "\x1c", "IS3": "\x1d", "GS": "\x1d", "IS2": "\x1e",
    "RS": "\x1e", "IS1": "\x1f", "US": "\x1f", "space": " ", "exclamation-mark": "!",
    "quotation-mark": '"', "number-sign": "#", "dollar-sign": "$", "percent-sign": "%",
    "ampersand": "&", "apostrophe": "'", "left-parenthesis": "(", "right-parenthesis": ")",
    "asterisk": "*", "plus-sign": "+", "comma": ",", "hyphen": "-", "hyphen-minus": "-",
    "period": ".", "full-stop": ".", "slash": "/", "solidus": "/", "zero": "0", "one": "1",
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less-than-sign": "<",
    "equals-sign": "=", "greater-than-sign": ">", "question-mark": "?",
    "commercial-at": "@", "left-square-bracket": "[", "backslash": "\\",
    "reverse-solidus": "\\", "right-square-bracket": "]", "circumflex": "^",
    "circumflex-accent": "^", "underscore": "_", "low-line": "_", "grave-accent": "`",
    "left-brace": "{", "left-curly-bracket": "{", "vertical-line": "|", "right-brace": "}",
    "right-curly-bracket": "}", "tilde": "~", "DEL": "\x7f",
}

# --- the parse tree ----------------------------------------------------------
# Nodes are tuples:
#   ("alt", [branch, ...])      branch = ("cat", [node, ...])
#   ("group", index or None, node)   ("look", positive, node)
#   ("lit", char)   ("set", python_class)   ("dot",)
#   ("bol",) ("eol",) ("constraint", python_text)   ("backref", n)
#   ("quant", node, min, max or None, greedy)

_CHAR_ESCAPES = {"a": "\x07", "b": "\x08", "B": "\\", "e": "\x1b", "f": "\f", "n": "\n",
                 "r": "\r", "t": "\t", "v": "\v"}
_CONSTRAINTS = {"A": r"\A", "Z": r"\Z", "m": r"\b(?=\w)", "M": r"\b(?<=\w)", "y": r"\b",
                "Y": r"\B"}
_HEX = "0123456789abcdefABCDEF"
_DUPMAX = 255


class _Parser:
    def __init__(self, text, expanded):
        self.text = text
        self.i = 0
        self.n = len(text)
        self.expanded = expanded
        self.ngroups = 0
        self.closed = set()
        self.look_depth = 0
        self.about = set()

    # -- low level --
    def _skip(self):
        if not self.expanded:
            return
        t, n = self.text, self.n
        while self.i < n:
            c = t[self.i]
            if c in " \t\n\v\f\r":
                self.i += 1
            elif c == "#":
                while self.i < n and t[self.i] != "\n":
                    self.i += 1
            else:
                return

    def _peek(self):
        self._skip()
        return self.text[self.i] if self.i < self.n else ""

    def _fail(self, msg):
        raise RegexError(msg)

    # -- grammar --
    def parse(self):
        node = self._alternation()
        if self.i < self.n:
            # only an unmatched ")" stops the top level early
            self._fail("parentheses () not balanced")
        return node

    def _alternation(self):
        branches = [self._branch()]
        while self._peek() == "|":
            self.i += 1
            branches.append(self._branch())
        return ("alt", branches)

    def _branch(self):
        pieces = []
        while True:
            c = self._peek()
            if c == "" or c == "|" or c == ")":
                return ("cat", pieces)
            atom = self._atom()
            if atom is None:
                continue
            quant = self._quantifier()
            if quant is not None:
                if atom[0] in ("bol", "eol", "constraint", "look"):
                    self._fail("quantifier operand invalid")
                lo, hi, greedy = quant
                atom = ("quant", atom, lo, hi, greedy)
                c = self._peek()
                if c in ("*", "+", "?") or (c == "{" and self._bound_follows()):
                    self._fail("quantifier operand invalid")
            pieces.append(atom)

    def _bound_follows(self):
        j = self.i + 1
        return j < self.n and self.text[j].isdigit() and self.text[j] < "\x80"

    def _quantifier(self):
        c = self._peek()
        if c in ("*", "+", "?"):
            self.i += 1
            lo, hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
            greedy = True
            if self.i < self.n and self.text[self.i] == "?":
                self.i += 1
                greedy = False
            return lo, hi, greedy
        if c == "{" and self._bound_follows():
            self.i += 1
            lo = self._number()
            hi = lo
            if self._peek() == ",":
                self.i += 1
                hi = self._number() if self._peek().isdigit() else None
            c = self._peek()
            if c == "":
                self._fail("braces {} not balanced")
            if c != "}":
                self._fail("invalid repetition count(s)")
            self.i += 1
            if lo > _DUPMAX or (hi is not None and (hi > _DUPMAX or hi < lo)):
                self._fail("invalid repetition count(s)")
            self.about.add("REG_UBOUNDS")
            greedy = True
            if self.i < self.n and self.text[self.i] == "?":
                self.i += 1
                greedy = False
            if hi == lo:
                # a fixed count has the atom's own preference
                greedy = None if greedy else False
            return lo, hi, greedy
        return None

    def _number(self):
        self._skip()
        j = self.i
        while j < self.n and self.text[j].isdigit() and self.text[j] < "\x80":
            j += 1
        value = int(self.text[self.i:j])
        self.i = j
        return value

    def _atom(self):
        c = self.text[self.i]
        self.i += 1
        if c == "(":
            return self._group()
        if c == ")":
            self._fail("parentheses () not balanced")
        if c == "[":
            return self._bracket()
        if c == ".":
            return ("dot",)
        if c == "^":
            return ("bol",)
        if c == "$":
            return ("eol",)
        if c == "\\":
            return self._escape()
        if c in ("*", "+", "?"):
            self._fail("quantifier operand invalid")
        if c == "{":
            if self.i < self.n and self.text[self.i].isdigit():
                self._fail("quantifier operand invalid")
            self.about.add("REG_UBRACES")
            self.about.add("REG_UUNSPEC")
        return ("lit", c)

    def _group(self):
        t = self.text
        if self.i < self.n and t[self.i] == "?":
            nxt = t[self.i + 1] if self.i + 1 < self.n else ""
            if nxt == ":":
                self.i += 2
                inner = self._alternation()
                self._close_paren()
                return ("group", None, inner)
            if nxt in ("=", "!"):
                self.i += 2
                self.about.add("REG_ULOOKAHEAD")
                self.about.add("REG_UNONPOSIX")
                self.look_depth += 1
                inner = self._alternation()
                self.look_depth -= 1
                self._close_paren()
                return ("look", nxt == "=", inner)
            if nxt == "#":
                end = t.find(")", self.i)
                if end < 0:
                    self._fail("parentheses () not balanced")
                self.i = end + 1
                return None
            self._fail("quantifier operand invalid")
        if self.look_depth:
            inner = self._alternation()
            self._close_paren()
            return ("group", None, inner)
        self.ngroups += 1
        index = self.ngroups
        inner = self._alternation()
        self._close_paren()
        self.closed.add(index)
        if inner == ("alt", [("cat", [])]):
            self.about.add("REG_UUNSPEC")
        return ("group", index, inner)

    def _close_paren(self):
        if self._peek() != ")":
            self._fail("parentheses () not balanced")
        self.i += 1

    # -- escapes --
    def _escape(self):
        t, n = self.text, self.n
        if self.i >= n:
            self._fail("invalid escape \\ sequence")
        c = t[self.i]
        self.i += 1
        if c in _CHAR_ESCAPES:
            if c == "B":
                self.about.add("REG_UNONPOSIX")
            return ("lit", _CHAR_ESCAPES[c])
        if c in _ESCAPE_CLASSES:
            self.about.add("REG_UNONPOSIX")
            self.about.add("REG_ULOCALE")
            return ("set", _ESCAPE_CLASSES[c][1])
        if c in _CONSTRAINTS:
            self.about.add("REG_UNONPOSIX")
            if c in "mMyY":
                self.about.add("REG_ULOCALE")
            return ("constraint", _CONSTRAINTS[c])
        ch = self._char_escape_value(c)
        if ch is not None:
            return ("lit", ch)
        if c.isdigit() and c < "\x80":
            return self._digits_escape(c)
        if c.isalnum():
            self._fail("invalid escape \\ sequence")
        return ("lit", c)

    def _char_escape_value(self, c):
        """The character of \\c, \\u, \\U or \\x escapes (else None)."""
        t, n = self.text, self.n
        if c == "c":
            if self.i >= n:
                self._fail("invalid escape \\ sequence")
            ch = t[self.i]
            self.i += 1
            return chr(ord(ch) & 0x1F)
        if c in ("u", "U", "x"):
            limit = {"u": 4, "U": 8, "x": 2}[c]
            j = self.i
            while j < n and j - self.i < limit and t[j] in _HEX:
                j += 1
            if j == self.i:
                self._fail("invalid escape \\ sequence")
            code = int(t[self.i:j], 16)
            if code > 0x10FFFF:
                # Tcl stops reading digits before the value overflows
                j -= 1
                code >>= 4
            self.i = j
            return chr(code)
        return None

    def _digits_escape(self, first):
        t, n = self.text, self.n
        start = self.i - 1
        if first != "0":
            j = start
            while j < n and t[j].isdigit() and t[j] < "\x80":
                j += 1
            value = int(t[start:j])
            if j - start == 1 or 0 < value <= self.ngroups:
                self.i = j
                if value not in self.closed or self.look_depth:
                    self._fail("invalid backreference number")
                self.about.add("REG_UBACKREF")
                self.about.add("REG_UNONPOSIX")
                return ("backref", value)
        # octal: up to three digits, dropping the last if that overflows a byte
        j = start
        while j < n and j - start < 3 and t[j] in "01234567":
            j += 1
        if j == start:
            self.i = start + 1
            return ("lit", "\x00")
        value = int(t[start:j], 8)
        if value > 0xFF:
            j -= 1
            value >>= 3
        self.i = j
        return ("lit", chr(value))

    # -- bracket expressions --
    def _bracket(self):
        t, n = self.text, self.n
        if t.startswith("[:<:]]", self.i):
            self.i += 6
            return ("constraint", _CONSTRAINTS["m"])
        if t.startswith("[:>:]]", self.i):
            self.i += 6
            return ("constraint", _CONSTRAINTS["M"])
        negate = False
        if self.i < n and t[self.i] == "^":
            negate = True
            self.i += 1
        parts = []
        first = True
        while True:
            if self.i >= n:
                self._fail("brackets [] not balanced")
            c = t[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            if c == "-" and not first and not (self.i + 1 < n and t[self.i + 1] == "]"):
                self._fail("invalid character range")
            first = False
            kind, value = self._bracket_element()
            if kind == "class":
                if self.i + 1 < n and t[self.i] == "-" and t[self.i + 1] != "]":
                    self._fail("invalid character range")
                parts.append(value)
                continue
            if self.i + 1 < n and t[self.i] == "-" and t[self.i + 1] != "]":
                self.i += 1
                kind2, end = self._bracket_element()
                if kind2 == "class" or end < value:
                    self._fail("invalid character range")
                parts.append(_range_text(ord(value), ord(end)))
            else:
                parts.append(_range_text(ord(value), ord(value)))
        body = "".join(parts)
        if negate:
            return ("set", "[^%s]" % body, "negated")
        return ("set", "[%s]" % body)

    def _bracket_element(self):
        """("char", c) or ("class", python class body) for one bracket member."""
        t, n = self.text, self.n
        c = t[self.i]
        self.i += 1
        if c == "[" and self.i < n and t[self.i] in ":.=":
            kind = t[self.i]
            end = t.find(kind + "]", self.i + 1)
            if end < 0:
                self._fail("brackets [] not balanced")
            name = t[self.i + 1:end]
            self.i = end + 2
            if kind == ":":
                if name not in _CLASS_PREDICATES:
                    self._fail("invalid character class")
                self.about.add("REG_ULOCALE")
                return "class", _class_body(name)
            if len(name) == 1:
                return "char", name
            if name in _COLLATING_NAMES:
                return "char", _COLLATING_NAMES[name]
            self._fail("invalid collating element")
        if c == "\\":
            if self.i >= n:
                self._fail("brackets [] not balanced")
            e = t[self.i]
            self.i += 1
            if e in _CHAR_ESCAPES:
                return "char", _CHAR_ESCAPES[e]
            if e in _ESCAPE_CLASSES:
                body = _ESCAPE_CLASSES[e][0]
                if body is None:
                    self._fail("invalid escape \\ sequence")
                self.about.add("REG_ULOCALE")
                return "class", body
            ch = self._char_escape_value(e)
            if ch is not None:
                return "char", ch
            if e.isdigit() and e < "\x80":
                j = self.i - 1
                k = j
                while k < n and k - j < 3 and t[k] in "01234567":
                    k += 1
                if k == j:
                    self._fail("invalid escape \\ sequence")
                value = int(t[j:k], 8)
                if value > 0xFF:
                    k -= 1
                    value >>= 3
                self.i = k
                return "char", chr(value)
            if e.isalnum():
                self._fail("invalid escape \\ sequence")
            return "char", e
        return "char", c


# --- preference (greediness) by Tcl's rules ----------------------------------

def _greed(node):
    kind = node[0]
    if kind == "quant":
        return node[4] if node[4] is not None else _greed(node[1])
    if kind == "group":
        return _greed(node[2])
    if kind == "alt":
        if len(node[1]) > 1:
            return True
        return _greed(node[1][0])
    if kind == "cat":
        for piece in node[1]:
            g = _greed(piece)
            if g is not None:
                return g
        return None
    return None


def _mixed(node, pref):
    """True when some quantifier's own preference differs from `pref`."""
    kind = node[0]
    if kind == "quant":
        g = node[4]
        return (g is not None and g != pref) or _mixed(node[1], pref)
    if kind in ("group", "look"):
        return _mixed(node[2], pref)
    if kind == "alt":
        return any(_mixed(b, pref) for b in node[1])
    if kind == "cat":
        return any(_mixed(p, pref) for p in node[1])
    return False


def _inner_choice(tree):
    """Whether an alternation below the top level may make a first-match
    engine stop short of Tcl's longest match: one with a branch that is not
    a literal, or a literal that starts another (`(a|ab)c` on "abc").  The
    top-level branches are tried one by one instead (`TclRegex.match`)."""
    return any(_choice_below(b) for b in tree[1])


def _choice_below(node):
    kind = node[0]
    if kind == "alt":
        branches = node[1]
        if len(branches) > 1:
            words = []
            for b in branches:
                if not all(p[0] == "lit" for p in b[1]):
                    return True
                words.append("".join(p[1] for p in b[1]))
            if any(a != b and b.startswith(a) for a in words for b in words):
                return True
        return any(_choice_below(b) for b in branches)
    if kind == "cat":
        return any(_choice_below(p) for p in node[1])
    if kind == "quant":
        return _choice_below(node[1])
    if kind in ("group", "look"):
        return _choice_below(node[2])
    return False


def _has(node, kinds):
    kind = node[0]
    if kind in kinds:
        return True
    if kind == "quant":
        return _has(node[1], kinds)
    if kind in ("group", "look"):
        return _has(node[2], kinds)
    if kind in ("alt", "cat"):
        return any(_has(x, kinds) for x in node[1])
    return False


# --- writing Python syntax ---------------------------------------------------

# a class no character is in: never matches (in `re` and in RE2 alike)
_NEVER = "[^\\s\\S]"

class _Writer:
    def __init__(self, linestop, lineanchor, notbol, pref):
        self.linestop = linestop
        self.lineanchor = lineanchor
        self.notbol = notbol
        self.pref = pref      # None: quantifiers as written; else forced preference

    def write(self, node):
        kind = node[0]
        if kind == "lit":
            return re.escape(node[1])
        if kind == "set":
            cls = node[1]
            if self.linestop and len(node) > 2:
                cls = cls[:-1] + "\\n]"
            return cls
        if kind == "dot":
            return "[^\\n]" if self.linestop else "(?s:.)"
        if kind == "bol":
            if self.notbol:
                return "(?<=\\n)" if self.lineanchor else _NEVER
            return "(?m:^)" if self.lineanchor else "^"
        if kind == "eol":
            return "(?m:$)" if self.lineanchor else "\\Z"
        if kind == "constraint":
            return node[1]
        if kind == "backref":
            return "(?:\\%d)" % node[1]
        if kind == "group":
            inner = self.write(node[2])
            return ("(%s)" if node[1] is not None else "(?:%s)") % inner
        if kind == "look":
            return ("(?=%s)" if node[1] else "(?!%s)") % self.write(node[2])
        if kind == "cat":
            return "".join(self.write(p) for p in node[1])
        if kind == "alt":
            branches = node[1]
            if len(branches) > 1 and self.pref is not None:
                branches = self._order_literals(branches)
            return "|".join(self.write(b) for b in branches)
        return self._quant(node)

    def _order_literals(self, branches):
        lits = []
        for b in branches:
            if not all(p[0] == "lit" for p in b[1]):
                return branches
            lits.append(b)
        return sorted(lits, key=lambda b: len(b[1]), reverse=bool(self.pref))

    def _quant(self, node):
        _, atom, lo, hi, greedy = node
        text = self.write(atom)
        if atom[0] not in ("lit", "set", "group", "backref", "dot"):
            text = "(?:%s)" % text
        if lo == 0 and hi is None:
            q = "*"
        elif lo == 1 and hi is None:
            q = "+"
        elif lo == 0 and hi == 1:
            q = "?"
        elif hi is None:
            q = "{%d,}" % lo
        elif hi == lo:
            q = "{%d}" % lo
        else:
            q = "{%d,%d}" % (lo, hi)
        if self.pref is not None:
            lazy = hi != lo and not self.pref
        else:
            lazy = greedy is False
        return text + q + ("?" if lazy else "")


# --- compiled patterns -------------------------------------------------------

_OPTION_LETTERS = frozenset("bceimnpqstwx")


class TclRegex:
    """A compiled Tcl pattern.

    Tcl runs its matcher on the subject from the start offset on, so text
    before the offset is invisible (\\A matches there, ^ only when the caller
    says the offset starts a line).  `needs_slice` tells when that differs
    from searching the whole string from a position."""

    __slots__ = ("ngroups", "about", "needs_slice", "plain_bol", "_search", "_search_notbol", "_exact",
                 "_exact_notbol", "_branches", "_branches_notbol")

    def match(self, text, pos=0, notbol=False):
        """The Python match of the leftmost Tcl match at or after `pos`, or None."""
        m = (self._search_notbol if notbol else self._search)(text, pos)
        if m is None:
            return None
        branches = self._branches_notbol if notbol else self._branches
        if branches is not None:
            # Tcl takes the longest alternative at the leftmost position
            start = m.start()
            for branch in branches:
                mb = branch(text, start)
                if mb is not None and mb.end() > m.end():
                    m = mb
        if self._exact is None:
            return m
        exact = self._exact_notbol if notbol else self._exact
        sub = exact(text, m.start(), m.end())
        return sub if sub is not None else m


def compile_tcl(pattern, nocase=False, expanded=False, linestop=False, lineanchor=False):
    """Compile a Tcl regex; raises RegexError with Tcl's message tail."""
    literal = False
    basic = False
    embedded = False
    text = pattern
    if text.startswith("***="):
        literal = True
        text = text[4:]
    elif text.startswith("***:"):
        text = text[4:]
    elif text.startswith("***"):
        raise RegexError("quantifier operand invalid")
    if not literal and text.startswith("(?"):
        j = 2
        while j < len(text) and text[j].isalpha() and text[j] < "\x80":
            j += 1
        if j > 2 and j < len(text) and text[j] == ")":
            for letter in text[2:j]:
                if letter not in _OPTION_LETTERS:
                    raise RegexError("invalid embedded option")
                if letter == "b":
                    basic = True
                elif letter == "e":
                    basic = False
                elif letter == "c":
                    nocase = False
                elif letter == "i":
                    nocase = True
                elif letter in "mn":
                    linestop = lineanchor = True
                elif letter == "p":
                    linestop = True
                elif letter == "w":
                    lineanchor = True
                elif letter == "s":
                    linestop = lineanchor = False
                elif letter == "q":
                    literal = True
                elif letter == "x":
                    expanded = True
                elif letter == "t":
                    expanded = False
            text = text[j + 1:]
            embedded = True
        elif j > 2 and not (j < len(text) and text[j] == ")"):
            raise RegexError("invalid embedded option")
    if basic and not literal:
        text = _bre_to_are(text)
    parser = _Parser(text, expanded)
    if embedded:
        parser.about.add("REG_UNONPOSIX")
    if literal:
        tree = ("alt", [("cat", [("lit", c) for c in text])])
    else:
        try:
            tree = parser.parse()
        except RecursionError:
            raise RegexError("expression too complex")
    pref = _greed(tree)
    pref = True if pref is None else pref
    flags = re.IGNORECASE if nocase else 0
    rx = TclRegex()
    rx.ngroups = parser.ngroups
    rx.about = _about_flags(parser.about, tree, pref)
    has_bol = _has(tree, ("bol",))
    from . import regex_engines as engines
    choice = engines.FORCED
    if choice == "re2" or (choice is None and (engines.risky(tree) or
                                                len(tree[1]) >= engines.MANY_ALTERNATIVES or
                                                (pref and _inner_choice(tree)))):
        # backtracking could run away: RE2 if it can take the pattern,
        # else the time-bounded engine
        try:
            _compile_re2(rx, tree, linestop, lineanchor, pref, nocase, has_bol)
        except engines.NotRE2:
            _compile_python(rx, tree, linestop, lineanchor, pref, flags, has_bol,
                            engines.bounded_compile,
                            len(tree[1]) < engines.MANY_ALTERNATIVES * 4)
    elif choice == "bounded":
        _compile_python(rx, tree, linestop, lineanchor, pref, flags, has_bol,
                        engines.bounded_compile, True)
    else:
        _compile_python(rx, tree, linestop, lineanchor, pref, flags, has_bol, re.compile, True)
    # positions before the start offset are invisible to Tcl's matcher
    rx.needs_slice = _has(tree, ("constraint",))
    rx.plain_bol = has_bol and not lineanchor
    return rx


def _compile_re2(rx, tree, linestop, lineanchor, pref, nocase, has_bol):
    """RE2 forms of the pattern: for a greedy RE, the leftmost-longest
    search gives Tcl's overall match, and a leftmost-first match of exactly
    that text assigns the groups; a non-greedy RE is searched as written."""
    from .regex_engines import re2_compile

    def forms(notbol):
        text = _Writer(linestop, lineanchor, notbol, pref).write(tree)
        first = re2_compile(text, nocase)
        if not pref:
            return first.search, None
        longest = re2_compile(text, nocase, longest=True)
        return _longest_then_groups(longest.search, first.fullmatch), None
    rx._search, rx._branches = forms(False)
    rx._search_notbol, rx._branches_notbol = forms(True) if has_bol else (rx._search, None)
    rx._exact = rx._exact_notbol = None
    if _mixed(tree, pref):
        rx._exact = re2_compile(_Writer(linestop, lineanchor, False, None).write(tree),
                                nocase).fullmatch
        rx._exact_notbol = rx._exact
        if has_bol:
            rx._exact_notbol = re2_compile(
                _Writer(linestop, lineanchor, True, None).write(tree), nocase).fullmatch


def _longest_then_groups(longest, exact):
    def search(text, pos=0):
        m = longest(text, pos)
        if m is None:
            return None
        sub = exact(text, m.start(), m.end())
        return sub if sub is not None else m
    return search


def _compile_python(rx, tree, linestop, lineanchor, pref, flags, has_bol, compile_, branches):
    """The `re` forms of the pattern (or those of the bounded engine)."""
    try:
        search = compile_(_Writer(linestop, lineanchor, False, pref).write(tree), flags)
        rx._search = search.search
        rx._search_notbol = (compile_(_Writer(linestop, lineanchor, True, pref).write(tree),
                                      flags).search if has_bol else search.search)
        rx._branches = rx._branches_notbol = None
        if pref and len(tree[1]) > 1 and branches:
            rx._branches = _branch_matchers(tree, linestop, lineanchor, False, pref, flags,
                                            compile_)
            rx._branches_notbol = (_branch_matchers(tree, linestop, lineanchor, True, pref, flags,
                                                    compile_)
                                   if has_bol else rx._branches)
        rx._exact = rx._exact_notbol = None
        if _mixed(tree, pref):
            exact = compile_(_Writer(linestop, lineanchor, False, None).write(tree), flags)
            rx._exact = rx._exact_notbol = exact.fullmatch
            if has_bol:
                rx._exact_notbol = compile_(
                    _Writer(linestop, lineanchor, True, None).write(tree), flags).fullmatch
    except re.error as e:
        raise RegexError(str(e))
    except (RecursionError, OverflowError):
        raise RegexError("expression too complex")


def _bre_to_are(text):
    """Rewrite POSIX basic syntax ((?b) patterns) as the equivalent ARE."""
    out = []
    i, n = 0, len(text)
    at_start = True
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n:
            d = text[i + 1]
            i += 2
            if d in "(){}":
                out.append(d)
                at_start = d == "("
                continue
            out.append({"<": "\\m", ">": "\\M"}.get(d, "\\" + d))
        elif c == "[":
            j = i + 1
            if j < n and text[j] == "^":
                j += 1
            if j < n and text[j] == "]":
                j += 1
            end = text.find("]", j)
            end = n - 1 if end < 0 else end
            out.append(text[i:end + 1])
            i = end + 1
        elif c == "*" and at_start:
            out.append("\\*")
            i += 1
        elif c == "^" and not at_start:
            out.append("\\^")
            i += 1
        elif c == "$" and not (i + 1 == n or text.startswith("\\)", i + 1)):
            out.append("\\$")
            i += 1
        elif c in "+?|(){}":
            out.append("\\" + c)
            i += 1
        else:
            out.append(c)
            i += 1
        at_start = c == "^" and at_start
    return "".join(out)


def _branch_matchers(tree, linestop, lineanchor, notbol, pref, flags, compile_=re.compile):
    """One anchored matcher per top-level alternative (the others disabled,
    so group numbers stay those of the whole pattern)."""
    writer = _Writer(linestop, lineanchor, notbol, pref)
    texts = [writer.write(b) for b in tree[1]]
    matchers = []
    for k in range(len(texts)):
        alt = "|".join(t if i == k else _NEVER + t for i, t in enumerate(texts))
        matchers.append(compile_(alt, flags).match)
    return matchers


_ABOUT_ORDER = ("REG_UBACKREF", "REG_ULOOKAHEAD", "REG_UBOUNDS", "REG_UBRACES", "REG_UBSALNUM",
                "REG_UPBOTCH", "REG_UBBS", "REG_UNONPOSIX", "REG_UUNSPEC", "REG_UUNPORT",
                "REG_ULOCALE", "REG_UEMPTYMATCH", "REG_UIMPOSSIBLE", "REG_USHORTEST")


def _about_flags(found, tree, pref):
    found = set(found)
    if not pref:
        found.add("REG_USHORTEST")
        found.add("REG_UNONPOSIX")
    if _can_be_empty(tree):
        found.add("REG_UEMPTYMATCH")
    return [f for f in _ABOUT_ORDER if f in found]


def _can_be_empty(node):
    kind = node[0]
    if kind in ("lit", "set", "dot", "backref"):
        return False
    if kind == "quant":
        return node[2] == 0 or _can_be_empty(node[1])
    if kind == "group":
        return _can_be_empty(node[2])
    if kind == "alt":
        return any(_can_be_empty(b) for b in node[1])
    if kind == "cat":
        return all(_can_be_empty(p) for p in node[1])
    return kind in ("bol", "eol")


_CACHE = {}
_CACHE_LIMIT = 500


def get_regex(pattern, nocase=False, expanded=False, linestop=False, lineanchor=False):
    """compile_tcl with a cache keyed by pattern and flags."""
    key = (pattern, nocase, expanded, linestop, lineanchor)
    try:
        return _CACHE[key]
    except KeyError:
        pass
    rx = compile_tcl(pattern, nocase, expanded, linestop, lineanchor)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = rx
    return rx
