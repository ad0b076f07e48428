"""Tcl source text -> plain nodes (shape only, no evaluation).

A script is a list of `Command`s.  A command's words are each one of:
  * a `str`: a literal word (braced, or bare/quoted with no substitutions);
  * a `list` of parts, each a `str`, a `VarRef` or a `CmdSub`;
  * an `Expand` wrapping one of the above ({*}).
"""

from bisect import bisect_left

from ..runtime.lists import backslash_subst
from .simple import parse_simple

# Lark is imported on the first script that the simple parser declines
# (importing it is about half of `tclish -c {puts hi}`); see _lark()
Token = UnexpectedInput = None


class Command:
    """One command: its words, the line of each word, and its source text."""
    __slots__ = ("words", "word_lines", "line", "start", "end", "text")

    def __init__(self, words, word_lines, line, start, end, text):
        self.words = words
        self.word_lines = word_lines
        self.line = line
        self.start = start
        self.end = end
        self.text = text


class VarRef:
    """$name, ${name} or $name(index); index is a list of parts or None."""
    __slots__ = ("name", "index")

    def __init__(self, name, index=None):
        self.name = name
        self.index = index


class CmdSub:
    """[script]: the nested commands."""
    __slots__ = ("commands",)

    def __init__(self, commands):
        self.commands = commands


class Expand:
    __slots__ = ("word",)

    def __init__(self, word):
        self.word = word


def parse_script(text):
    """Parse Tcl source into a list of Commands, or raise TclError."""
    if continuations(text) is None:
        commands = parse_simple(text, Command)
        if commands is not None:
            return commands
        if len(text) >= FAST_MIN:
            from .fastsplit import split_parse
            commands = split_parse(text, parse_with_grammar)
            if commands is not None:
                return commands
    return parse_with_grammar(text)


# scripts this long are first cut into commands by a scanner, so that the
# grammar only sees the commands that need it (see parse/fastsplit.py)
FAST_MIN = 1 << 16


def parse_with_grammar(text):
    """parse_script by the grammar alone."""
    parser = _lark()
    try:
        tree = parser.parse(text)
    except UnexpectedInput as exc:
        raise syntax_error(text, exc) from None
    return _Builder(text, continuations(text)).script(tree.children[0])


def _lark():
    global Token, UnexpectedInput, syntax_error
    if Token is None:
        from lark import Token as token
        from lark.exceptions import UnexpectedInput as unexpected
        from .errors import syntax_error
        Token, UnexpectedInput = token, unexpected
    from .grammars import get_parser
    return get_parser("tcl")


# Continuation lines (as Tcl's TIP 280 keeps them): a braced word loses its
# backslash-newlines (each becomes a space), so a script parsed from it
# would count one line less after each.  The braced word values that lost
# some are noted here, keyed by the str object itself (as Tcl keys them by
# Tcl_Obj), with the offsets in the value where a newline went; the words
# of a script parsed from such a value inherit the offsets that fall in them.
_CONTINUATIONS = {}
_CONTINUATIONS_LIMIT = 20000


def continuations(text):
    """The sorted offsets in `text` where a backslash-newline was, or None."""
    entry = _CONTINUATIONS.get(id(text))
    if entry is not None and entry[0] is text:
        return entry[1]
    return None


def derive_continuations(parent, start, child):
    """`child` is parent[start:start + len(child)]: it keeps the offsets
    of `parent`'s continuation lines that fall in it."""
    conts = continuations(parent)
    if conts:
        marks = [c - start for c in conts if start <= c < start + len(child)]
        if marks:
            _note_continuations(child, marks)


def _note_continuations(value, offsets):
    if len(_CONTINUATIONS) >= _CONTINUATIONS_LIMIT:
        _CONTINUATIONS.clear()
    _CONTINUATIONS[id(value)] = (value, tuple(offsets))


def _decode_escape(tok):
    """The text of an ESC token: a run of backslash sequences."""
    value, end = backslash_subst(tok, 0)
    if end >= len(tok):
        return value
    out = [value]
    while end < len(tok):
        value, end = backslash_subst(tok, end)
        out.append(value)
    return "".join(out)


def _brace_text(children, out, marks, size=None):
    """Append the text of a braced word's pieces to `out`; the offset of
    each backslash-newline (now a space) goes to `marks`.  `size` carries
    the running length, so that many continuations stay linear."""
    if size is None:
        size = [0]
    for c in children:
        if type(c) is Token:
            t = c.type
            if t == "BESC_NL":
                marks.append(size[0])
                out.append(" ")
                size[0] += 1
            else:
                text = str(c)
                out.append(text)
                size[0] += len(text)
        else:  # nested_brace
            _brace_text(c.children, out, marks, size)


_VAR_SIMPLE = frozenset(("var_t", "var_n", "var_q", "var_i"))
_VAR_ARRAY = frozenset(("var_arr_t", "var_arr_n", "var_arr_q", "var_arr_i"))
_VAR_BRACED = frozenset(("var_br_t", "var_br_n", "var_br_q", "var_br_i"))
_CMDSUB = frozenset(("cmd_t", "cmd_n", "cmd_q", "cmd_i"))
_BARE = frozenset(("bare_cmd_top", "bare_top", "bare_cmd", "bare"))


class _Builder:
    def __init__(self, text, conts=None):
        self.text = text
        self.conts = conts

    def line_of(self, tok):
        conts = self.conts
        if conts is None:
            return tok.line
        return tok.line + bisect_left(conts, tok.start_pos)

    def script(self, tree):
        commands = []
        for node in tree.children:
            if type(node) is Token:  # COMMENT
                continue
            commands.append(self.command(node))
        return commands

    def command(self, tree):
        children = tree.children
        words = [self.word(w) for w in children]
        line_of = self.line_of
        word_lines = [line_of(_first_token(w)) for w in children]
        if any(type(w) is Expand for w in words):
            words, word_lines = self.expand_literals(children, words, word_lines)
        first = _first_token(tree)
        last = _last_token(tree)
        start, end = first.start_pos, last.end_pos
        # as in Tcl, the command's text runs up to its terminator
        text = self.text
        while end < len(text) and text[end] in " \t":
            end += 1
        return Command(words, word_lines, line_of(first), start, end, self.text[start:end])

    def expand_literals(self, children, words, word_lines):
        """As Tcl's parser does, a {*} word that is a literal list (no
        substitution, no backslash, each element a plain substring) becomes
        one literal word per element, each with its own line."""
        new_words, new_lines = [], []
        for node, word, line in zip(children, words, word_lines):
            elements = None
            if type(word) is Expand and type(word.word) is str:
                raw = self.text[_first_token(node).start_pos:_last_token(node).end_pos]
                if "\\" not in raw:
                    elements = _literal_elements(word.word)
            if elements is None:
                new_words.append(word)
                new_lines.append(line)
                continue
            for start, value in elements:
                new_words.append(value)
                new_lines.append(line + word.word.count("\n", 0, start))
        if not new_words:
            return words, word_lines
        return new_words, new_lines

    def word(self, node):
        if type(node) is Token:
            # a bare word that is a single token
            if node.type == "ESC":
                return _decode_escape(node)
            if node.type == "DOLLAR":
                return "$"
            return str(node)
        kind = node.data
        if kind == "braced":
            out = []
            marks = []
            _brace_text(node.children[1:-1], out, marks)
            value = "".join(out)
            if self.conts is not None and not marks:
                first = node.children[0].start_pos + 1
                marks = [c - first for c in self.conts if first <= c < first + len(value)]
            if marks:
                _note_continuations(value, marks)
            return value
        if kind == "quoted":
            return _simplify(self.parts(node.children[1:-1]))
        if kind in _BARE:
            return _simplify(self.parts(node.children))
        if kind in ("expand_top", "expand"):
            return Expand(self.word(node.children[1]))
        # a lone substitution that the grammar inlined into the word
        return _simplify(self.parts([node]))

    def parts(self, children):
        parts = []
        text = []       # the literal pieces since the last substitution, joined once
        for c in children:
            if type(c) is Token:
                t = c.type
                if t == "ESC" or t == "ESC_NL":
                    text.append(_decode_escape(str(c)))
                elif t == "DOLLAR":
                    text.append("$")
                else:
                    text.append(str(c))
                continue
            if text:
                parts.append("".join(text))
                text = []
            kind = c.data
            if kind in _VAR_SIMPLE:
                parts.append(VarRef(str(c.children[0])[1:]))
            elif kind in _VAR_BRACED:
                parts.append(VarRef(str(c.children[0])[2:-1]))
            elif kind in _VAR_ARRAY:
                name = str(c.children[0])[1:-1]
                parts.append(VarRef(name, self.parts(c.children[1:-1])))
            elif kind in _CMDSUB:
                parts.append(CmdSub(self.script(c.children[1])))
            else:
                raise AssertionError("unexpected node " + kind)
        if text:
            parts.append("".join(text))
        return parts


_LIST_SPACE = " \t\n\r\v\f"


def _literal_elements(text):
    """[(offset, element)] of a list whose elements are all substrings of it
    (braced, quoted or bare, without backslashes), else None."""
    out = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in _LIST_SPACE:
            i += 1
        if i >= n:
            return out
        c = text[i]
        if c == "{":
            depth, j = 0, i
            while j < n:
                if text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                return None
            out.append((i, text[i + 1:j]))
            j += 1
        elif c == '"':
            j = text.find('"', i + 1)
            if j < 0:
                return None
            out.append((i, text[i + 1:j]))
            j += 1
        else:
            j = i
            while j < n and text[j] not in _LIST_SPACE:
                j += 1
            out.append((i, text[i:j]))
        if j < n and text[j] not in _LIST_SPACE:
            return None
        i = j


def _simplify(parts):
    """A word whose parts are all literal becomes a plain str."""
    if not parts:
        return ""
    if len(parts) == 1 and type(parts[0]) is str:
        return parts[0]
    return parts


def _first_token(tree):
    while type(tree) is not Token:
        tree = tree.children[0]
    return tree


def _last_token(tree):
    while type(tree) is not Token:
        tree = tree.children[-1]
    return tree
