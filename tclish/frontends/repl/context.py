"""Where the cursor is in Tcl input that is still being typed.

The completer and the signature toolbar ask "which command is being typed,
which of its words are done, and what is the word under the cursor?" of
text the grammar rejects (an open brace, a half-typed word).  So this is a
small forgiving scan that follows Tcl's word rules only as far as those
questions need: brackets and braces open nested scripts (a braced word is
usually a body), double quotes group a word, newline and `;` end a command,
a backslash escapes one character, `#` at a command's start comments out
the line.  Whether input is *complete* is never decided here: that is the
grammar's job (parse/complete.py).

No prompt_toolkit here: plain strings in, plain data out.
"""

_BLANK = " \t\r\f\v"
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:")


class CommandContext:
    """The innermost command around the cursor.

    `words` are its finished words as raw source text (braces and all);
    `partial` is the raw text of the word under the cursor, from the word's
    start up to the cursor ("" when the cursor sits between words)."""

    __slots__ = ("words", "partial")

    def __init__(self, words, partial):
        self.words = words
        self.partial = partial

    @property
    def command(self):
        """The command word, once it is finished; else None."""
        return self.words[0] if self.words else None

    def __repr__(self):
        return "CommandContext(%r, %r)" % (self.words, self.partial)


class _Level:
    """One script nesting level: the top, a [bracket], or a {brace} body."""

    __slots__ = ("closer", "words", "start", "quoted", "comment")

    def __init__(self, closer):
        self.closer = closer        # None at the top, else "]" or "}"
        self.words = []
        self.start = None           # index where the current word began
        self.quoted = False
        self.comment = False

    def end_word(self, text, i):
        if self.start is not None:
            self.words.append(text[self.start:i])
            self.start = None


def scan(text):
    """The CommandContext at the end of `text` (the text before the cursor),
    or None when the cursor is inside a comment."""
    stack = [_Level(None)]
    top = stack[0]
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if top.comment:
            if c == "\n":
                top.comment = False
            i += 2 if c == "\\" else 1
            continue
        if c == "\\":
            if text.startswith("\n", i + 1) and not top.quoted:
                top.end_word(text, i)       # backslash-newline separates words
            elif top.start is None:
                top.start = i
            i += 2
            continue
        in_body = top.closer == "}"
        if c == "[":
            if top.start is None:
                top.start = i
            top = _push(stack, "]")
        elif c == "]" and top.closer == "]" and not top.quoted:
            stack.pop()
            top = stack[-1]
        elif c == "{" and (in_body or (top.start is None and not top.quoted)):
            # a brace body's braces nest wherever they are, quotes or not
            if top.start is None:
                top.start = i
            top = _push(stack, "}")
        elif c == "}" and in_body:
            stack.pop()
            top = stack[-1]
        elif c == '"':
            if top.quoted:
                top.quoted = False
            elif top.start is None:
                top.start = i
                top.quoted = True
        elif top.quoted:
            pass
        elif c in _BLANK:
            top.end_word(text, i)
        elif c == "\n" or c == ";":
            top.end_word(text, i)
            top.words = []
        elif c == "#" and top.start is None and not top.words:
            top.comment = True
        elif top.start is None:
            top.start = i
        i += 1
    if top.comment:
        return None
    partial = text[top.start:] if top.start is not None else ""
    return CommandContext(top.words, partial)


def _push(stack, closer):
    level = _Level(closer)
    stack.append(level)
    return level


class VariableRef:
    """A variable reference being typed at the end of a word: `$na`,
    `${na`, `$::na`, or `$arr(ke` (then `key` is the partial element name)."""

    __slots__ = ("name", "key", "braced")

    def __init__(self, name, key=None, braced=False):
        self.name = name
        self.key = key
        self.braced = braced

    def __repr__(self):
        return "VariableRef(%r, key=%r, braced=%r)" % (self.name, self.key, self.braced)


def variable_at_end(word):
    """The VariableRef that `word` ends in, or None."""
    if not word:
        return None
    j = word.rfind("$")
    if j < 0 or (j > 0 and word[j - 1] == "\\"):
        return None
    tail = word[j + 1:]
    if tail.startswith("{"):
        return None if "}" in tail else VariableRef(tail[1:], braced=True)
    paren = tail.find("(")
    if paren >= 0:
        name, key = tail[:paren], tail[paren + 1:]
        if not name or ")" in key or not _is_name(name):
            return None
        return VariableRef(name, key=key)
    return VariableRef(tail) if _is_name(tail) else None


def _is_name(text):
    return all(ch in _NAME_CHARS for ch in text)
